"""Load a scenario script into the model, reporting every problem with its file:line:col.

Loading runs in two passes over the node tree: first the ids of everything that can be named
(cast, scenes, beats, endings, interventions, criteria), then the contents, so a reference to
a beat defined further down the file is fine and a misspelt one is reported where it is
written, with the closest id as a hint. Nothing stops at the first problem: a wrong value is
reported and replaced by a harmless default so the rest of the file is still checked.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from game.story import checks
from game.story.beats import BEAT_KEYS, BeatLoader
from game.story.criteria import CRITERIA_KEYS, find_criteria, read_criteria, shared_criteria
from game.story.errors import (
    Diagnostic,
    ScriptError,
    diagnostic,
    did_you_mean,
    one_of,
    with_source,
)
from game.story.model import (
    BACKDROPS,
    LOOK_VALUES,
    TONES,
    Character,
    Criterion,
    Ending,
    Intervention,
    Missed,
    Option,
    Outcome,
    Pos,
    Role,
    Scene,
    Script,
    ScriptDocument,
)
from game.story.perf import paused_gc
from game.story.reader import Fields, Reader
from game.story.yamlnodes import (
    Document,
    Mapping,
    Node,
    Scalar,
    Sequence,
    parse_bytes,
    read_bytes,
)

#: The keys each part of a script may have: (required, optional). The JSON Schema in
#: docs/ must list the same keys; a test compares them.
KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "script": (
        ("id", "title", "summary", "minutes", "cast", "scenes", "start", "beats", "endings"),
        (
            "setting",
            "content_notes",
            "objectives",
            "discussion_questions",
            "anti_model_ending",
            "criteria",
            "interventions",
            "facilitator_content_notes",
            "roles",
            "documents",
        ),
    ),
    **CRITERIA_KEYS,
    "character": (("name", "role"), ("manager", "look")),
    "look": ((), tuple(LOOK_VALUES)),
    "scene": (("name", "backdrop"), ()),
    "ending": (("title", "outcome", "tone"), ("context",)),
    "outcome": (("text",), ("if",)),
    "role": ((), ("criteria", "shoes", "label", "needed", "unsaid")),
    "document": (("title", "text"), ()),
    "intervention": (("prompt", "options"), ("facilitator_prompt", "missed", "by")),
    "missed": ((), ("scores", "feedback")),
    "option": (
        ("says",),
        (
            "goto",
            "scores",
            "feedback",
            "direction",
            "sets",
            "clears",
            "if",
            "locked_hint",
            "anti_model",
            "then",
            "usual",
            "landed",
        ),
    ),
    **BEAT_KEYS,
}

#: Scores run from very poor to very good; the debrief places totals between graph extremes.
SCORE_RANGE = (-3, 3)


@dataclass(frozen=True)
class Names:
    """Every id the script defines, gathered before the contents are read.


    A section that is missing or unreadable is None: references into it are not checked,
    so one mistake is reported once instead of at every place that names something in it.
    """

    cast: frozenset[str] | None
    scenes: frozenset[str] | None
    beats: frozenset[str] | None
    endings: frozenset[str] | None
    interventions: frozenset[str] | None
    criteria: frozenset[str] | None
    documents: frozenset[str] | None = frozenset()
    #: Cast ids of the roles marked `shoes: true` (None: the roles section is unreadable).
    shoes: frozenset[str] | None = frozenset()

    @functools.cached_property
    def targets(self) -> frozenset[str] | None:
        """Where a goto may point (computed once: a large script checks thousands of them)."""
        if self.beats is None or self.endings is None:
            return None
        return self.beats | self.endings


def read_script(
    path: str, *, criteria_path: str | None = None
) -> tuple[Script | None, list[Diagnostic]]:
    """Load and check one script file: the script (None if it has errors) and all findings."""
    data, problems = read_bytes(path)
    if data is None:
        return None, problems
    return script_from_bytes(data, path, criteria_path=criteria_path)


def load_script(path: str, *, criteria_path: str | None = None) -> Script:
    """The script at `path`, or ScriptError carrying every diagnostic found."""
    script, diags = read_script(path, criteria_path=criteria_path)
    if script is None:
        raise ScriptError(diags)
    return script


def script_from_bytes(
    data: bytes, path: str, *, criteria_path: str | None = None
) -> tuple[Script | None, list[Diagnostic]]:
    """Parse, load and check a script held in memory (the library caches by its hash)."""
    with paused_gc():
        return _script_from_bytes(data, path, criteria_path)


def _script_from_bytes(
    data: bytes, path: str, criteria_path: str | None
) -> tuple[Script | None, list[Diagnostic]]:
    doc, diags = parse_bytes(data, path)
    if doc is None:
        return None, diags
    shared, criteria_diags = shared_criteria(criteria_path or find_criteria(path), path)
    diags += criteria_diags
    loader = _ScriptLoader(doc, shared)
    script = loader.load()
    text = doc.text
    diags += with_source(loader.reader.diags, text)
    del doc, loader  # free the node tree (most of the memory) before the graph analysis
    if script is not None and not any(d.is_error for d in diags):
        diags += with_source(checks.run_checks(script), text)
    if any(d.is_error for d in diags):
        return None, diags
    return script, diags


class _ScriptLoader:
    """One script's loading: holds the reader and the names so helpers stay short."""

    def __init__(self, doc: Document, shared: dict[str, Criterion] | None) -> None:
        self.doc = doc
        self.reader = Reader(doc)
        self.shared = shared

    def load(self) -> Script | None:
        r = self.reader
        top = r.fields(self.doc.root, "the script", *KEYS["script"])
        if top is None:
            return None
        own = read_criteria(r, top.get("criteria"))
        criteria = self.merge_criteria(own)
        names = Names(
            cast=self.ids(top, "cast"),
            scenes=self.ids(top, "scenes"),
            beats=self.ids(top, "beats"),
            endings=self.ids(top, "endings"),
            interventions=self.ids(top, "interventions"),
            criteria=None if self.shared is None else frozenset(criteria),
            documents=self.ids(top, "documents"),
            shoes=self.shoes_ids(top.get("roles")),
        )
        cast = self.cast(top.get("cast"))
        scenes = {
            sid: Scene(
                sid,
                r.text(f.get("name"), "name"),
                r.choice(f.get("backdrop"), "backdrop", BACKDROPS),
                r.pos(key),
            )
            for sid, key, f in self.parts(top.get("scenes"), "scene")
        }
        found = self.parts(top.get("endings"), "ending")
        endings = {eid: self.ending(eid, key, f) for eid, key, f in found}
        documents = {
            did: ScriptDocument(
                did, r.text(f.get("title"), "title"), r.text(f.get("text"), "text"), r.pos(key)
            )
            for did, key, f in self.parts(top.get("documents"), "document")
        }
        beat_loader = BeatLoader(self, names)
        interventions = {
            iid: self.intervention(iid, key, f, names, beat_loader)
            for iid, key, f in self.parts(top.get("interventions"), "intervention")
        }
        beats = beat_loader.beats(top.get("beats"))
        self.check_both(top.get("beats"), names)
        start = r.reference(top.get("start"), "start", names.targets, "FF306")
        if names.endings and start in names.endings:
            r.report("FF306", top["start"], f"'{start}' is an ending", value=start)
        anti = self.anti_model_ending(top.get("anti_model_ending"), names)
        root = self.doc.root
        return Script(
            id=r.ident(top.get("id"), "id"),
            title=r.text(top.get("title"), "title"),
            summary=r.text(top.get("summary"), "summary"),
            setting=r.text(top.get("setting"), "setting", required=False),
            minutes=r.integer(top.get("minutes"), "minutes", 1, 600) or 0,
            cast=cast,
            scenes=scenes,
            criteria=criteria,
            beats=beats,
            interventions=interventions,
            endings=endings,
            start=start,
            anti_model_ending=anti,
            content_notes=r.text_list(top.get("content_notes"), "content_notes"),
            facilitator_content_notes=r.text_list(
                top.get("facilitator_content_notes"), "facilitator_content_notes"
            ),
            roles=self.roles(top.get("roles"), names),
            documents=documents,
            objectives=r.text_list(top.get("objectives"), "objectives"),
            discussion_questions=r.text_list(
                top.get("discussion_questions"), "discussion_questions"
            ),
            path=self.doc.path,
            pos=Pos(self.doc.path, root.line, root.col),
        )

    def ids(self, top: dict[str, Node], section: str) -> frozenset[str] | None:
        """The ids a section defines; None when it is missing (if required) or unreadable."""
        node = top.get(section)
        if node is None:
            return None if section in KEYS["script"][0] else frozenset()
        found = frozenset(cid for cid, _, _ in self.reader.entries(node, section))
        return found if isinstance(node, Mapping) else None

    def shoes_ids(self, node: Node | None) -> frozenset[str] | None:
        """Who the room can stand in for (`shoes: true`), read before the options that
        say how a choice `landed` with them; mistakes are reported when roles are read."""
        if node is None:
            return frozenset()
        if not isinstance(node, Mapping):
            return None
        found = set()
        for key, value in node.pairs:
            pairs = value.pairs if isinstance(value, Mapping) else []
            shoes = [v for k, v in pairs if isinstance(k, Scalar) and k.value == "shoes"]
            if isinstance(key, Scalar) and shoes and Reader(self.doc).boolean(shoes[0], ""):
                found.add(key.value)
        return frozenset(found)

    def parts(self, node: Node | None, kind: str) -> list[tuple[str, Scalar, Fields]]:
        """The entries of an id-keyed section whose bodies have the right keys."""
        if node is None:
            return []
        quiet = Reader(self.doc)  # ids were already checked (and reported) by `ids`
        out = []
        for pid, key, value in quiet.entries(node, kind):
            f = self.reader.fields(value, f"{kind} '{pid}'", *KEYS[kind])
            if f is not None:
                out.append((pid, key, f))
        return out

    def merge_criteria(self, own: dict[str, Criterion]) -> dict[str, Criterion]:
        """Shared criteria first, then the script's own; redefining a shared one is an error."""
        shared = self.shared or {}
        for cid, criterion in own.items():
            if cid in shared:
                self.reader.diags.append(
                    diagnostic("FF310", criterion.pos, value=cid, where=shared[cid].pos.path)
                )
        return {**shared, **{cid: c for cid, c in own.items() if cid not in shared}}

    def cast(self, node: Node | None) -> dict[str, Character]:
        r = self.reader
        cast: dict[str, Character] = {}
        managers: list[Node] = []
        for cid, key, f in self.parts(node, "character"):
            is_manager = r.boolean(f.get("manager"), "manager")
            if is_manager:
                managers.append(f["manager"])
            cast[cid] = Character(
                cid,
                r.text(f.get("name"), "name"),
                r.text(f.get("role"), "role"),
                is_manager,
                self.look(cid, f.get("look")),
                r.pos(key),
            )
        if isinstance(node, Mapping) and len(managers) != 1:
            where = managers[1] if len(managers) > 1 else node
            r.report("FF309", where, count=len(managers))
        return cast

    def look(self, cid: str, node: Node | None) -> dict[str, str]:
        if node is None:
            return {}
        f = self.reader.fields(node, f"look of '{cid}'", *KEYS["look"]) or Fields()
        chosen = {
            k: self.reader.choice(v, f"{k.replace('_', ' ')} value", LOOK_VALUES[k])
            for k, v in f.items()
        }
        return {k: v for k, v in chosen.items() if v}

    def ending(self, eid: str, key: Scalar, f: Fields) -> Ending:
        """An ending; its outcome is text, or a list of {if, text} tried in order."""
        r = self.reader
        node = f.get("outcome")
        variants: tuple[Outcome, ...] = ()
        if isinstance(node, Sequence):
            where = f"outcome of ending '{eid}'"
            found = [r.fields(item, where, *KEYS["outcome"]) for item in r.items(node, where)]
            variants = tuple(
                Outcome(r.text(v.get("text"), "text"), r.condition(v.get("if")))
                for v in found
                if v is not None
            )
            if not node.items:
                r.report("FF211", node, what=where)
            elif variants and not variants[-1].cond.is_always:
                r.report("FF213", node.items[-1], value=eid)
            outcome = variants[-1].text if variants else ""
        else:
            outcome = r.text(node, "outcome")
        return Ending(
            eid,
            r.text(f.get("title"), "title"),
            outcome,
            r.choice(f.get("tone"), "tone", TONES),
            r.pos(key),
            variants=variants[:-1],
            context=r.text(f.get("context"), "context", required=False),
        )

    def roles(self, node: Node | None, names: Names) -> tuple[Role, ...]:
        """`roles: {manager: {criteria: [...]}, rep: {...}}`: who the scenario can be played
        as, each judged by its own criteria."""
        r = self.reader
        out = []
        for who, key, f in self.parts(node, "role"):
            if names.cast is not None and who not in names.cast:
                r.report("FF302", key, did_you_mean(who, names.cast), value=who)
                continue
            criteria = []
            listed = r.items(f["criteria"], "criteria") if "criteria" in f else []
            for item in listed:
                cid = r.ident(item, "a criterion")
                if cid and names.criteria is not None and cid not in names.criteria:
                    r.report("FF304", item, self.criterion_hint(cid, names.criteria), value=cid)
                elif cid:
                    criteria.append(cid)
            out.append(
                Role(
                    who,
                    tuple(criteria),
                    r.pos(key),
                    shoes=r.boolean(f.get("shoes"), "shoes"),
                    label=r.text(f.get("label"), "label", required=False),
                    needed=r.text(f.get("needed"), "needed", required=False),
                    unsaid=r.text(f.get("unsaid"), "unsaid", required=False),
                )
            )
        return tuple(out)

    def landed(self, node: Node | None, names: Names) -> dict[str, str]:
        """`landed: {tom: "...", rep: "..."}`: how a choice lands with each `shoes` role."""
        r = self.reader
        out = {}
        for who, key, value in r.entries(node, "landed") if node is not None else ():
            if names.shoes is not None and who not in names.shoes:
                known = names.shoes or frozenset()
                hint = did_you_mean(who, known) or (
                    f"landed: names roles marked shoes: true ({', '.join(sorted(known))})"
                    if known
                    else "mark the role shoes: true under roles:, or remove landed:"
                )
                r.report("FF317", key, hint, value=who)
                continue
            out[who] = r.text(value, f"landed for {who}")
        return out

    def intervention(
        self, iid: str, key: Scalar, f: Fields, names: Names, beats: BeatLoader
    ) -> Intervention:
        r = self.reader
        missed = Missed()
        found = (
            r.fields(f["missed"], f"missed of '{iid}'", *KEYS["missed"]) if "missed" in f else None
        )
        if found is not None:
            feedback = r.text(found.get("feedback"), "feedback", required=False)
            missed = Missed(self.scores(found.get("scores"), names), feedback)
        return Intervention(
            iid,
            r.text(f.get("prompt"), "prompt"),
            self.options(f.get("options"), f"intervention '{iid}'", names, beats),
            r.text(f.get("facilitator_prompt"), "facilitator_prompt", required=False),
            missed,
            r.pos(key),
            by=r.reference(f.get("by"), "by", names.cast, "FF302"),
        )

    def options(
        self, node: Node | None, where: str, names: Names, beats: BeatLoader
    ) -> tuple[Option, ...]:
        """The options of a decision or intervention; at most one may be the anti-model."""
        r = self.reader
        out = []
        anti_nodes = []
        items = r.items(node, f"options of {where}", non_empty=True) if node is not None else []
        for number, item in enumerate(items, 1):
            f = r.fields(item, f"option {number} of {where}", *KEYS["option"])
            if f is None:
                continue
            if "goto" not in f:
                r.report("FF209", item)
            usual, usual_if = r.boolean_or_condition(f.get("usual"), "usual")
            option = Option(
                says=r.text(f.get("says"), "says"),
                goto=r.reference(f.get("goto"), "goto", names.targets, "FF301"),
                scores=self.scores(f.get("scores"), names),
                feedback=r.text(f.get("feedback"), "feedback", required=False),
                direction=r.text(f.get("direction"), "direction", required=False),
                sets=r.ident_list(f.get("sets"), "sets"),
                clears=r.ident_list(f.get("clears"), "clears"),
                cond=r.condition(f.get("if")),
                locked_hint=r.text(f.get("locked_hint"), "locked_hint", required=False),
                anti_model=r.boolean(f.get("anti_model"), "anti_model"),
                pos=r.pos(item),
                then=beats.follow_ups(f.get("then"), f"option {number} of {where}"),
                usual=usual,
                usual_if=usual_if,
                landed=self.landed(f.get("landed"), names),
            )
            if option.anti_model:
                anti_nodes.append(f["anti_model"])
            out.append(option)
        if len(anti_nodes) > 1:
            r.report("FF311", anti_nodes[1])
        return tuple(out)

    def scores(self, node: Node | None, names: Names) -> dict[str, int]:
        r = self.reader
        out = {}
        for cid, key, value in r.entries(node, "scores") if node is not None else ():
            if names.criteria is not None and cid not in names.criteria:
                r.report("FF304", key, self.criterion_hint(cid, names.criteria), value=cid)
                continue
            number = r.integer(value, f"the score for {cid}", *SCORE_RANGE)
            if number is not None:
                out[cid] = number
        return out

    @staticmethod
    def criterion_hint(cid: str, known: frozenset[str]) -> str:
        return did_you_mean(cid, known) or one_of(known)

    def check_both(self, node: Node | None, names: Names) -> None:
        """Beats and endings share one namespace: `goto: x` must mean one thing."""
        if node is None:
            return
        for bid, key, _ in Reader(self.doc).entries(node, "beats"):
            if names.endings and bid in names.endings:
                self.reader.report("FF308", key, value=bid)

    def anti_model_ending(self, node: Node | None, names: Names) -> str:
        r = self.reader
        value = r.ident(node, "anti_model_ending")
        known = names.endings
        if value and node is not None and known is not None and value not in known:
            r.report("FF307", node, did_you_mean(value, known), value=value)
            return ""
        return value
