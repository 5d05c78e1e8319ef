"""The scenario as loaded: immutable data that the runtime, the analysis and the stage read.

Every object an author wrote carries its source position (`Pos`), so that any check made
after loading (unreachable beats, a loop, an anti-model path that ends in the wrong place)
can still point the author at a file, a line and a column. Nothing here imports pygame.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Condition:
    """All of `terms` must hold; each term is (flag, wanted value). Empty means always.

    Authors write `if: asked_ok` or `if: [asked_ok, not called_hr]`; there is no
    expression language, so nothing in a script can run code.
    """

    terms: tuple[tuple[str, bool], ...] = ()
    pos: Pos = NOWHERE

    def holds(self, flags: frozenset[str]) -> bool:
        if not self.terms:  # most lines and options have no condition: answer at once
            return True
        return all((flag in flags) == wanted for flag, wanted in self.terms)

    def describe(self) -> str:
        return ", ".join(flag if wanted else f"not {flag}" for flag, wanted in self.terms)


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


@dataclass(frozen=True)
class Decision:
    """A moment the scene stops and the manager must respond; nothing plays on by itself."""

    id: str
    prompt: str
    options: tuple[Option, ...]
    facilitator_prompt: str = ""
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Branch:
    """One way on from a beat: taken when `cond` holds; the first that holds wins."""

    goto: str
    cond: Condition = ALWAYS
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Thought:
    text: str
    emotion: str = ""
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Beat:
    """A stretch of the scene: lines in one setting, then a way on (next or decision)."""

    id: str
    scene: str
    lines: tuple[Line, ...]
    present: tuple[str, ...] = ()
    moods: dict[str, str] = field(default_factory=dict)
    thoughts: dict[str, Thought] = field(default_factory=dict)
    next: tuple[Branch, ...] = ()
    decision: Decision | None = None
    pos: Pos = NOWHERE


@dataclass(frozen=True)
class Ending:
    id: str
    title: str
    outcome: str
    tone: str
    pos: Pos = NOWHERE


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
    content_notes: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    discussion_questions: tuple[str, ...] = ()
    path: str = "<generated>"
    pos: Pos = NOWHERE

    @property
    def manager(self) -> Character | None:
        return next((c for c in self.cast.values() if c.is_manager), None)

    def is_ending(self, target: str) -> bool:
        return target in self.endings
