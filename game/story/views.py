"""Read-only pictures of the runtime's state, shaped for whoever presents it.

The stage, the tests and the debrief all ask the runtime "what is on stage now?" and get
one of these back; none of them can change the story by touching a view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .events import Event
from .model import Character, Ending, Line, Option, Scene, ScriptDocument
from .scoring import Judged


class Phase(Enum):
    """Where the run is. Each action is legal only in some phases."""

    PLAYING = "playing"  # a line is on stage; advance or buzz
    FROZEN = "frozen"  # the audience stopped the scene; redirect, hot-seat, rewind, resume
    DECIDING = "deciding"  # the manager must respond; choose (or buzz to hot-seat first)
    ENDED = "ended"  # an ending was reached; nothing more to do


class RunMode(Enum):
    FORUM = "forum"  # the audience steers; choices are scored
    ANTI_MODEL = "anti_model"  # plays itself the traditional way; no buzz, no scoring shown


@dataclass(frozen=True)
class ActorView:
    id: str
    name: str
    role: str
    emotion: str
    is_manager: bool
    speaking: bool
    look: dict[str, str] = field(default_factory=dict)
    #: The room plays this character: the manager, or whoever's shoes it stands in.
    played: bool = False


@dataclass(frozen=True)
class OptionView:
    index: int
    says: str
    available: bool
    locked_reason: str
    direction: str = ""


@dataclass(frozen=True)
class PointView:
    """An intervention point offered for redirect, or a decision awaiting a response."""

    id: str
    prompt: str
    facilitator_prompt: str
    options: tuple[OptionView, ...]
    late: bool = False


@dataclass(frozen=True)
class ComingView:
    """What the next advance brings on (`Runtime.coming`): the stage makes its set, labels
    and fitted words ahead, in a quiet frame, so the frame that brings it on only shows it."""

    beat_id: str
    line: Line
    scene: Scene
    actors: tuple[ActorView, ...]
    speaker: Character | None  # None: a line by someone not in the cast
    caption: str = ""  # its beat's caption, as `StageView.caption`


@dataclass(frozen=True)
class StageView:
    phase: Phase
    mode: RunMode
    beat_id: str
    line_index: int
    scene: Scene
    actors: tuple[ActorView, ...]
    line: Line | None
    speaker: Character | None
    intervention_here: bool
    redirect: PointView | None
    decision: PointView | None
    ending: Ending | None
    allowed: frozenset[str]
    flags: frozenset[str]
    caption: str = ""  # the beat's caption ("Three weeks later"), shown as it starts
    documents: tuple[ScriptDocument, ...] = ()  # what the room can read at a freeze now
    acting: bool = False  # the line on stage acts out the choice just made
    #: Which of the acted-out choice's lines is on stage (-1 when none): each is a new line
    #: on stage, though the beat's own line index stays where the choice was made.
    act_line: int = -1
    #: Playing another role: that character's thought in this beat, shown as it plays.
    inner_voice: str = ""
    #: Playing another role: how the choice being acted out lands with that character.
    landed: str = ""


@dataclass(frozen=True)
class ThoughtView:
    character: Character
    text: str
    emotion: str


@dataclass(frozen=True)
class Moment:
    """An earlier point of this attempt that the audience can rewind to."""

    index: int
    beat_id: str
    line_index: int
    speaker_name: str
    text: str


@dataclass(frozen=True)
class Landing:
    """One of the manager's actions on a path and how it landed with the role the room
    played ("" where the author wrote no reaction): the role debrief lists these."""

    point: str
    says: str
    landed: str


@dataclass(frozen=True)
class ChoiceResult:
    """What the runtime tells the host after a redirect or a choice, for solo feedback."""

    point: str
    option: Option
    scores: dict[str, int]
    feedback: str
    target: str
    verdict: Judged | None = None  # the choice against the alternatives (None: not scored)


@dataclass(frozen=True)
class CriterionResult:
    """A run on one criterion: the mean position of its choices between the worst and the
    best alternative at each moment that tested the criterion (see game/story/scoring.py)."""

    id: str
    name: str
    score: float  # 0.0 (always the worst alternative) .. 1.0 (always the best)
    moments: int  # moments whose alternatives differed on this criterion; 0: not tested
    points: int = 0  # the raw total of the choices' scores, as the record keeps them

    @property
    def tested(self) -> bool:
        return self.moments > 0

    @property
    def fraction(self) -> float:
        """Where the run sits between worst (0.0) and best (1.0): its score."""
        return self.score

    # The charts draw every criterion on one scale: the run's place as a percentage of the
    # way from the worst alternatives (0) to the best (100). Untested criteria span nothing.
    @property
    def value(self) -> int:
        return round(self.score * 100) if self.tested else 0

    @property
    def worst(self) -> int:
        return 0

    @property
    def best(self) -> int:
        return 100 if self.tested else 0


@dataclass(frozen=True)
class AttemptResult:
    """One attempt that reached an ending (or the anti-model's path, `attempt` 0): how it
    ended and its criteria, for comparing attempts side by side."""

    attempt: int
    ending: Ending | None
    criteria: tuple[CriterionResult, ...]


@dataclass(frozen=True)
class RunResult:
    ending: Ending | None
    criteria: tuple[CriterionResult, ...]
    missed: tuple[str, ...]
    choices: tuple[Event, ...]
    timeline: tuple[Event, ...]
    moments: tuple[Judged, ...] = ()  # the moments of the path that ended the run, judged
    verdicts: tuple[Judged, ...] = ()  # every moment judged, in record order (all attempts)
    #: Every attempt that reached an ending, in order (a room that rewound from an ending
    #: and tried another way has several).
    attempts: tuple[AttemptResult, ...] = ()
    #: Whose shoes the room stood in (a cast id; "" for the manager) and the manager style.
    role: str = ""
    style: str = ""
    #: Playing another role: the manager's actions on the final path and how each landed,
    #: and the played character's own choices on it (their words).
    landings: tuple[Landing, ...] = ()
    own: tuple[str, ...] = ()
