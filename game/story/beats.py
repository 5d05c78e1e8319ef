"""Loading beats: lines, who is on stage, moods, thoughts, and the way on (next or decision).

Split from the loader because beats are most of a script and most of its rules: every
character named in a beat must be in the cast, and moods and thoughts only make sense for
someone on stage (listed in `present:` or speaking a line).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from game.story.errors import did_you_mean
from game.story.model import (
    ALWAYS,
    EMOTIONS,
    Beat,
    Branch,
    Decision,
    Line,
    Mood,
    Presence,
    Thought,
)
from game.story.reader import Fields
from game.story.yamlnodes import Mapping, Node, Scalar, Sequence

if TYPE_CHECKING:
    from game.story.loader import Names, _ScriptLoader

T = TypeVar("T")


#: The keys of a beat and its parts: (required, optional); the loader merges these into KEYS.
BEAT_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "beat": (
        ("scene", "lines"),
        (
            "present",
            "moods",
            "thoughts",
            "next",
            "decision",
            "sets",
            "clears",
            "caption",
            "documents",
        ),
    ),
    "line": (("who", "says"), ("direction", "emotion", "intervention", "if")),
    "follow_up": (("who", "says"), ("direction", "emotion", "if")),
    "presence": (("who",), ("if",)),
    "mood": (("emotion",), ("if",)),
    "thought": (("text",), ("emotion", "if")),
    "decision": (("prompt", "options"), ("id", "facilitator_prompt", "by")),
    "branch": (("goto",), ("if",)),
}


class BeatLoader:
    """Reads the `beats:` section of one script, with the script's names already known."""

    def __init__(self, parent: _ScriptLoader, names: Names) -> None:
        self.parent = parent
        self.r = parent.reader
        self.names = names
        self.decision_ids: dict[str, Node] = {}

    def beats(self, node: Node | None) -> dict[str, Beat]:
        return {bid: self.beat(bid, key, f) for bid, key, f in self.parent.parts(node, "beat")}

    def beat(self, bid: str, key: Scalar, f: Fields) -> Beat:
        r = self.r
        where = f"beat '{bid}'"
        problems_before = len(r.diags)
        lines = tuple(
            self.line(item, f"line {n} of {where}")
            for n, item in enumerate(self.list_of(f.get("lines"), f"lines of {where}"), 1)
        )
        entries = [
            self.presence(item, f"present of {where}")
            for item in self.list_of(f.get("present"), f"present of {where}", non_empty=False)
        ]
        present = tuple(p.who for p in entries if p.who and p.cond.is_always)
        present_if = tuple(p for p in entries if p.who and not p.cond.is_always)
        # If who is on stage is itself uncertain (a misspelt speaker), do not pile
        # "not on stage" errors on top of the one mistake.
        sure = len(r.diags) == problems_before
        everyone = {*present, *(p.who for p in present_if), *(line.who for line in lines)}
        on_stage = frozenset(everyone) if sure else None
        moods: dict[str, str] = {}
        mood_if: dict[str, tuple[Mood, ...]] = {}
        for cid, value in self.on_stage(f.get("moods"), "moods", bid, on_stage):
            variants = self.variants(value, f"mood of '{cid}' in {where}", self.mood)
            if len(variants) == 1 and variants[0].cond.is_always:
                moods[cid] = variants[0].emotion
            elif variants:
                mood_if[cid] = variants
        thoughts = {
            cid: self.variants(value, f"thought of '{cid}' in {where}", self.thought)
            for cid, value in self.on_stage(f.get("thoughts"), "thoughts", bid, on_stage)
        }
        if "next" in f and "decision" in f:
            r.report("FF207", f.key_nodes["decision"], beat=bid)
        return Beat(
            id=bid,
            scene=r.reference(f.get("scene"), "scene", self.names.scenes, "FF303"),
            lines=lines,
            present=present,
            moods=moods,
            thoughts={cid: t for cid, t in thoughts.items() if t},
            next=self.next(f.get("next"), where),
            decision=self.decision(bid, f),
            pos=r.pos(key),
            present_if=present_if,
            mood_if=mood_if,
            sets=r.ident_list(f.get("sets"), "sets"),
            clears=r.ident_list(f.get("clears"), "clears"),
            caption=r.text(f.get("caption"), "caption", required=False),
            documents=tuple(
                filter(
                    None,
                    (
                        r.reference(item, "documents", self.names.documents, "FF316")
                        for item in self.list_of(f.get("documents"), f"documents of {where}")
                    ),
                )
            ),
        )

    def list_of(self, node: Node | None, what: str, *, non_empty: bool = True) -> list[Node]:
        return [] if node is None else self.r.items(node, what, non_empty=non_empty)

    def line(self, node: Node, what: str, kind: str = "line") -> Line:
        """A line of a beat, or (kind "follow_up") one of an option's `then:` lines."""
        r = self.r
        f = r.fields(node, what, *BEAT_KEYS[kind]) or Fields()
        return Line(
            who=r.reference(f.get("who"), "who", self.names.cast, "FF302"),
            says=r.text(f.get("says"), "says"),
            direction=r.text(f.get("direction"), "direction", required=False),
            emotion=r.choice(f.get("emotion"), "emotion", EMOTIONS) if "emotion" in f else "",
            intervention=r.reference(
                f.get("intervention"), "intervention", self.names.interventions, "FF305"
            ),
            cond=r.condition(f.get("if")),
            pos=r.pos(node),
        )

    def follow_ups(self, node: Node | None, where: str) -> tuple[Line, ...]:
        """An option's `then:` lines: played after its words, before the story moves on."""
        items = self.list_of(node, f"then of {where}")
        return tuple(
            self.line(item, f"line {n} of then of {where}", "follow_up")
            for n, item in enumerate(items, 1)
        )

    def presence(self, node: Node, what: str) -> Presence:
        """`jo`, or `{who: jo, if: called_jo}` for someone on stage only on some routes."""
        r = self.r
        if not isinstance(node, Mapping):
            return Presence(r.reference(node, "present", self.names.cast, "FF302"))
        f = r.fields(node, what, *BEAT_KEYS["presence"]) or Fields()
        who = r.reference(f.get("who"), "who", self.names.cast, "FF302")
        return Presence(who, r.condition(f.get("if")))

    def variants(self, node: Node, what: str, read: Callable[[Node, str], T]) -> tuple[T, ...]:
        """One value, or a list of them tried in order (the first whose `if:` holds)."""
        if isinstance(node, Sequence):
            items = self.r.items(node, what, non_empty=True)
            return tuple(read(item, f"{what} ({n})") for n, item in enumerate(items, 1))
        return (read(node, what),)

    def mood(self, node: Node, what: str) -> Mood:
        """An emotion, or `{emotion: relieved, if: asked}`."""
        r = self.r
        if isinstance(node, Scalar):
            return Mood(r.choice(node, "emotion", EMOTIONS))
        f = r.fields(node, what, *BEAT_KEYS["mood"]) or Fields()
        return Mood(r.choice(f.get("emotion"), "emotion", EMOTIONS), r.condition(f.get("if")))

    def on_stage(
        self, node: Node | None, section: str, bid: str, on_stage: frozenset[str] | None
    ) -> list[tuple[str, Node]]:
        """Entries of moods/thoughts whose character is in the cast and on stage."""
        if node is None:
            return []
        out = []
        cast = self.names.cast
        for cid, key, value in self.r.entries(node, section):
            if cast is not None and cid not in cast:
                self.r.report("FF302", key, did_you_mean(cid, cast), value=cid)
            elif on_stage is not None and cid not in on_stage:
                self.r.report("FF312", key, value=cid, beat=bid)
            else:
                out.append((cid, value))
        return out

    def thought(self, node: Node, what: str) -> Thought:
        """A thought is text, or {text, emotion, if}: the face on hot-seating, and the routes
        on which it is true."""
        if isinstance(node, Scalar):
            return Thought(self.r.text(node, what), "", self.r.pos(node))
        f = self.r.fields(node, what, *BEAT_KEYS["thought"]) or Fields()
        emotion = self.r.choice(f["emotion"], "emotion", EMOTIONS) if "emotion" in f else ""
        cond = self.r.condition(f.get("if"))
        return Thought(self.r.text(f.get("text"), "text"), emotion, self.r.pos(node), cond)

    def next(self, node: Node | None, where: str) -> tuple[Branch, ...]:
        """`next: beat` or a list of {if, goto} tried in order; the last must always hold."""
        r = self.r
        if node is None:
            return ()
        if isinstance(node, Scalar):
            return (
                Branch(r.reference(node, "next", self.names.targets, "FF301"), ALWAYS, r.pos(node)),
            )
        if not isinstance(node, Sequence):
            r.wrong_type(node, f"next of {where}", "a beat id or a list of {if, goto}")
            return ()
        branches = []
        for n, item in enumerate(r.items(node, f"next of {where}", non_empty=True), 1):
            f = r.fields(item, f"way on {n} in next of {where}", *BEAT_KEYS["branch"])
            if f is not None:
                branches.append(
                    Branch(
                        r.reference(f.get("goto"), "goto", self.names.targets, "FF301"),
                        r.condition(f.get("if")),
                        r.pos(item),
                    )
                )
        if branches and not branches[-1].cond.is_always:
            r.report("FF208", node.items[-1])
        return tuple(branches)

    def decision(self, bid: str, beat: Fields) -> Decision | None:
        node = beat.get("decision")
        if node is None:
            return None
        r = self.r
        f = r.fields(node, f"decision of beat '{bid}'", *BEAT_KEYS["decision"])
        if f is None:
            return None
        did = r.ident(f["id"], "id") if "id" in f else bid
        first = self.decision_ids.setdefault(did, f.get("id", node))
        if first is not f.get("id", node):
            r.report("FF313", f.get("id", node), value=did, first=first.line)
        where = f"decision of beat '{bid}'"
        options = self.parent.options(f.get("options"), where, self.names, self)
        if len(options) == 1:
            r.report("FF212", f["options"], value=did)
        return Decision(
            id=did,
            prompt=r.text(f.get("prompt"), "prompt"),
            options=options,
            facilitator_prompt=r.text(
                f.get("facilitator_prompt"), "facilitator_prompt", required=False
            ),
            pos=r.pos(beat.key_nodes["decision"]),
            by=r.reference(f.get("by"), "by", self.names.cast, "FF302"),
        )
