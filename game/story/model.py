"""The scenario as loaded: immutable data that the runtime, the analysis and the stage read.

Every object an author wrote carries its source position (`Pos`), so that any check made
after loading (unreachable beats, a loop, an anti-model path that ends in the wrong place)
can still point the author at a file, a line and a column. Nothing here imports pygame.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

#: Emotions the stage can draw on a character's face. Authors choose from these.
EMOTIONS: tuple[str, ...] = (
    "neutral",
    "anxious",
    "angry",
    "upset",
    "relieved",
    "happy",
    "thoughtful",
)

#: Backdrops the stage can paint. A scene names one of these.
BACKDROPS: tuple[str, ...] = (
    "office",
    "meeting_room",
    "ward",
    "workshop",
    "corridor",
    "staff_room",
)

#: How an ending is judged: the traditional employee-relations outcome, a mixed one, or
#: the just-and-learning one. The debrief and the tests use it; the score does not.
TONES: tuple[str, ...] = ("traditional", "mixed", "just")

#: Vocabulary for a character's look; the stage turns these into drawn figures.
LOOK_VALUES: dict[str, tuple[str, ...]] = {
    "skin": ("light", "medium", "tan", "brown", "dark"),
    "hair": ("black", "brown", "blonde", "red", "grey", "white"),
    "hair_style": ("short", "long", "bun", "curly", "bald", "cropped"),
    "outfit": ("suit", "scrubs", "nurse", "overalls", "casual", "cardigan", "lanyard"),
}


@dataclass(frozen=True)
class Pos:
    """Where something was written: a file and a 1-based line and column."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


NOWHERE = Pos("<generated>", 1, 1)


#: (flag, wanted value): `asked` is (asked, True), `not asked` is (asked, False).
Term = tuple[str, bool]


def _term_text(term: Term) -> str:
    return term[0] if term[1] else f"not {term[0]}"


@dataclass(frozen=True)
class Condition:
    """All of `terms` must hold, and at least one term of each `any_of` group. Empty: always.

    Authors write `if: asked_ok`, `if: [asked_ok, not called_hr]` (all of) or
    `if: {any: [asked_ok, rep_present]}`, also as an entry of an all-of list. There is no
    expression language (no sums, no nesting beyond that), so nothing in a script can run
    code and every condition reads the same way in the checker's messages.
    """

    terms: tuple[Term, ...] = ()
    pos: Pos = NOWHERE
    any_of: tuple[tuple[Term, ...], ...] = ()

    @property
    def is_always(self) -> bool:
        return not self.terms and not self.any_of

    def holds(self, flags: frozenset[str]) -> bool:
        if self.is_always:  # most lines and options have no condition: answer at once
            return True
        return all((flag in flags) == wanted for flag, wanted in self.terms) and all(
            any((flag in flags) == wanted for flag, wanted in group) for group in self.any_of
        )

    def flags(self) -> tuple[str, ...]:
        """Every flag the condition tests."""
        return (
            *(flag for flag, _ in self.terms),
            *(flag for group in self.any_of for flag, _ in group),
        )

    def describe(self) -> str:
        parts = [_term_text(t) for t in self.terms]
        parts += ["any of (" + ", ".join(_term_text(t) for t in g) + ")" for g in self.any_of]
        return ", ".join(parts)


ALWAYS = Condition()


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    description: str = ""
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    role: str
    is_manager: bool = False
    look: dict[str, str] = field(default_factory=dict)
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Scene:
    id: str
    name: str
    backdrop: str
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Line:
    who: str
    says: str
    direction: str = ""
    emotion: str = ""
    intervention: str = ""
    cond: Condition = ALWAYS
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Option:
    """One thing the manager can say or do instead, at an intervention or a decision."""

    says: str
    goto: str
    scores: dict[str, int] = field(default_factory=dict)
    feedback: str = ""
    direction: str = ""
    sets: tuple[str, ...] = ()
    clears: tuple[str, ...] = ()
    cond: Condition = ALWAYS
    locked_hint: str = ""
    anti_model: bool = False
    pos: Pos = NOWHERE
    #: Lines played after the option's own words and before the story moves on (`then:`):
    #: how the others answer, so a redirect or a choice is acted out, not just announced.
    then: tuple[Line, ...] = ()
    #: On a point owned by a `shoes` role: what that person does when nobody plays them...
    usual: bool = False
    #: ...on the routes where this holds (`usual: <condition>`); the option stays open to a
    #: room playing them either way, unlike `if:`.
    usual_if: Condition = ALWAYS
    #: How this choice lands with each `shoes` character (cast id -> their inner voice),
    #: shown when the room plays that character and kept for the role debrief.
    landed: dict[str, str] = field(default_factory=dict)

    def apply(self, flags: frozenset[str]) -> frozenset[str]:
        """The flags after taking this option."""
        return (flags - frozenset(self.clears)) | frozenset(self.sets)


@dataclass(frozen=True)
class Missed:
    """What passing an intervention point without a buzz costs, and what the debrief says."""

    scores: dict[str, int] = field(default_factory=dict)
    feedback: str = ""


@dataclass(frozen=True)
class Intervention:
    """A moment the audience may stop and redirect; if nobody does, the scene plays on."""

    id: str
    prompt: str
    options: tuple[Option, ...]
    facilitator_prompt: str = ""
    missed: Missed = field(default_factory=Missed)
    pos: Pos = NOWHERE
    by: str = ""  # who makes this choice (a cast id); "" means the manager


@dataclass(frozen=True)
class Decision:
    """A moment the scene stops and the manager must respond; nothing plays on by itself."""

    id: str
    prompt: str
    options: tuple[Option, ...]
    facilitator_prompt: str = ""
    pos: Pos = NOWHERE
    by: str = ""  # who makes this choice (a cast id); "" means the manager


@dataclass(frozen=True)
class Branch:
    """One way on from a beat: taken when `cond` holds; the first that holds wins."""

    goto: str
    cond: Condition = ALWAYS
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Thought:
    """What someone thinks in a beat; with `cond`, only on the routes where it is true."""

    text: str
    emotion: str = ""
    pos: Pos = NOWHERE
    cond: Condition = ALWAYS


@dataclass(frozen=True)
class Mood:
    """How someone looks when a beat starts, on the routes where `cond` holds."""

    emotion: str
    cond: Condition = ALWAYS


@dataclass(frozen=True)
class Presence:
    """Someone on stage in a beat only on the routes where `cond` holds."""

    who: str
    cond: Condition = ALWAYS


@dataclass(frozen=True)
class Beat:
    """A stretch of the scene: lines in one setting, then a way on (next or decision)."""

    id: str
    scene: str
    lines: tuple[Line, ...]
    present: tuple[str, ...] = ()  # on stage on every route (see `present_if`)
    moods: dict[str, str] = field(default_factory=dict)  # on every route (see `mood_if`)
    #: Each character's thoughts, in the order written: the first whose condition holds.
    thoughts: dict[str, tuple[Thought, ...]] = field(default_factory=dict)
    next: tuple[Branch, ...] = ()
    decision: Decision | None = None
    pos: Pos = NOWHERE
    present_if: tuple[Presence, ...] = ()  # on stage only where a condition holds
    mood_if: dict[str, tuple[Mood, ...]] = field(default_factory=dict)  # first that holds
    sets: tuple[str, ...] = ()  # flags set as the beat starts, before its lines
    clears: tuple[str, ...] = ()
    caption: str = ""  # shown on stage as the beat starts: "Three weeks later", a place
    documents: tuple[str, ...] = ()  # ids of documents that become readable from here on

    def apply(self, flags: frozenset[str]) -> frozenset[str]:
        """The flags once the beat has started."""
        if not self.sets and not self.clears:
            return flags
        return (flags - frozenset(self.clears)) | frozenset(self.sets)

    def on_stage(self, flags: frozenset[str]) -> tuple[str, ...]:
        """Who is on stage under these flags: present, then speakers of lines that show."""
        ids = dict.fromkeys(self.present)
        ids.update(dict.fromkeys(p.who for p in self.present_if if p.cond.holds(flags)))
        ids.update(dict.fromkeys(ln.who for ln in self.lines if ln.cond.holds(flags)))
        return tuple(ids)

    def moods_for(self, flags: frozenset[str]) -> dict[str, str]:
        """How everyone looks as the beat starts on this route."""
        feel = dict(self.moods)
        for who, variants in self.mood_if.items():
            found = next((m.emotion for m in variants if m.cond.holds(flags)), "")
            if found:
                feel[who] = found
        return feel

    def thought_for(self, who: str, flags: frozenset[str]) -> Thought | None:
        """The first of `who`'s thoughts here that is true on this route, if any."""
        return next((t for t in self.thoughts.get(who, ()) if t.cond.holds(flags)), None)


@dataclass(frozen=True)
class Outcome:
    """One version of an ending's outcome text, told on the routes where `cond` holds."""

    text: str
    cond: Condition = ALWAYS


@dataclass(frozen=True)
class Ending:
    id: str
    title: str
    outcome: str  # the text when no variant applies (the last, unconditional one)
    tone: str
    pos: Pos = NOWHERE
    #: Versions of the outcome by route, tried in order; the last has no condition.
    variants: tuple[Outcome, ...] = ()
    #: What nobody in the room could see: shown only in the debrief, after the outcome.
    context: str = ""

    def for_flags(self, flags: frozenset[str]) -> Ending:
        """This ending with the outcome text that is true on this route."""
        found = next((v.text for v in self.variants if v.cond.holds(flags)), self.outcome)
        return self if found == self.outcome else replace(self, outcome=found)


@dataclass(frozen=True)
class ScriptDocument:
    """A named text (a witness statement, the rota, a policy extract) that becomes readable
    at a freeze once the story reaches a beat that lists it under `documents:`."""

    id: str
    title: str
    text: str
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Role:
    """A character the scenario can be played as, and the criteria that judge that role.

    A `shoes` role is offered on the mode screen: the room can stand in that person's shoes
    while a manager style plays the manager. Without criteria it is not scored; its debrief
    is reflective (how the manager's actions landed, what the person `needed`, what they
    left `unsaid`)."""

    who: str
    criteria: tuple[str, ...] = ()
    pos: Pos = NOWHERE
    shoes: bool = False
    label: str = ""  # how the mode screen names it; default "<cast name>, <cast role>"
    needed: str = ""  # what this person needed from the manager
    unsaid: str = ""  # what they never said aloud


@dataclass(frozen=True)
class Script:
    """A whole scenario. `beats` and `endings` share one namespace of targets."""

    id: str
    title: str
    summary: str
    setting: str
    minutes: int
    cast: dict[str, Character]
    scenes: dict[str, Scene]
    criteria: dict[str, Criterion]
    beats: dict[str, Beat]
    interventions: dict[str, Intervention]
    endings: dict[str, Ending]
    start: str
    anti_model_ending: str = ""
    content_notes: tuple[str, ...] = ()  # general, for the whole room, before play
    objectives: tuple[str, ...] = ()
    discussion_questions: tuple[str, ...] = ()
    path: str = "<generated>"
    pos: Pos = NOWHERE
    #: Specific content notes for the facilitator only (what happens, to whom, how hard).
    facilitator_content_notes: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()  # who the scenario can be played as; empty: the manager
    documents: dict[str, ScriptDocument] = field(default_factory=dict)

    @property
    def manager(self) -> Character | None:
        return next((c for c in self.cast.values() if c.is_manager), None)

    def decision(self, point: str) -> Decision | None:
        """The decision with id `point`, if any. Looked up in a table made on first use: the
        runtime, the roles and the analysis ask at every point, and a walk over the beats
        for each made validating a 10,000-beat script quadratic (8 s instead of 1)."""
        return self._decisions.get(point)

    @cached_property
    def _decisions(self) -> dict[str, Decision]:
        return {b.decision.id: b.decision for b in self.beats.values() if b.decision is not None}

    @property
    def shoes(self) -> tuple[Role, ...]:
        """The roles the room can stand in besides the manager, in the order written (the
        manager is always playable, so `shoes` on the manager's own role changes nothing)."""
        manager = self.manager
        return tuple(r for r in self.roles if r.shoes and (manager is None or r.who != manager.id))

    def role(self, who: str) -> Role | None:
        """The role declared for cast member `who`, if any."""
        return next((r for r in self.roles if r.who == who), None)

    def role_label(self, who: str) -> str:
        """How a role is named to the room: its `label`, else "<name>, <role>"."""
        found = self.role(who)
        if found is not None and found.label:
            return found.label
        person = self.cast.get(who)
        return f"{person.name}, {person.role}" if person else who
