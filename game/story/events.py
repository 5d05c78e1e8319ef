"""The run's record: every action and what it caused, in order, for the debrief and replay.

An event names the action call that caused it (`step`, `action`), so a record read back
from disk can be replayed through a fresh runtime to rebuild the exact state: that is how
a run killed mid-scene resumes.

What happened is a typed payload, one small frozen dataclass per kind (`LineShown`,
`Buzzed`, `Redirected`, ...), so a reader matches on the class and gets checked fields
instead of digging in a dictionary. This module is the only place events become JSON and
JSON becomes events: `Event.to_json` writes the current format, `Event.from_json` checks
the shape once (raising `EventError`, a ValueError whose message says what is wrong) and
reads older formats too. To add an event kind: a payload class here (with its `kind`),
an entry in `PAYLOADS`, the runtime call that emits it, and the readers that should show
it (`game/records/report.py`'s timeline, `game/records/choices.py` for the CSV).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, get_args, get_type_hints

#: The actions the host calls. Anything else an event records is a consequence of one.
Action = Literal[
    "start", "advance", "buzz", "resume", "redirect", "choose", "hotseat", "rewind", "tally"
]
ACTIONS: tuple[str, ...] = get_args(Action)

#: The record format `to_json` writes. 1: the first; 2: "nothing" is null, not "" (a buzz
#: with no intervention point offered, a run that stopped without an ending), and a rewind
#: no longer repeats the beat the event itself names.
FORMAT_VERSION = 2


class EventError(ValueError):
    """A recorded event with the wrong shape; the message says which field and why."""


@dataclass(frozen=True)
class Started:
    """The run began: which script, in which mode, from which beat; and whose shoes the
    room stands in (`role`, a cast id; "" for the manager) facing which manager `style`
    ("" when the room plays the manager). Records made before role reversal have neither
    and read as manager runs."""

    kind: ClassVar[str] = "start"
    script: str
    mode: str
    start: str
    role: str = ""
    style: str = ""


@dataclass(frozen=True)
class LineShown:
    """A line came on stage."""

    kind: ClassVar[str] = "line"
    who: str
    says: str


@dataclass(frozen=True)
class DecisionReached:
    """The scene stopped at a decision point and waits for the room's choice."""

    kind: ClassVar[str] = "decision"
    point: str


@dataclass(frozen=True)
class Buzzed:
    """The scene froze; `offered` is the intervention point open to a redirect, if any."""

    kind: ClassVar[str] = "buzz"
    offered: str | None


@dataclass(frozen=True)
class Resumed:
    """The room let the scene play on from the freeze."""

    kind: ClassVar[str] = "resume"


@dataclass(frozen=True)
class Taken:
    """An option played at a point: what was said, what it scored, why, where it leads."""

    kind: ClassVar[str] = ""
    point: str
    option: int  # index into the point's options, from 0
    says: str
    scores: dict[str, int]
    feedback: str
    goto: str


@dataclass(frozen=True)
class Redirected(Taken):
    """The room replaced what the manager said at an intervention point."""

    kind: ClassVar[str] = "redirect"


@dataclass(frozen=True)
class Chosen(Taken):
    """An option taken at a decision point (by the room, or the anti-model run's own)."""

    kind: ClassVar[str] = "choice"


@dataclass(frozen=True)
class Played(Taken):
    """An option taken for the room, not by it: a manager style's choice, what a character
    the room is not playing usually does, or another's strongest (game/story/roles.py).
    `by` is the cast id of whoever made it. Not scored; the role debrief reads these."""

    kind: ClassVar[str] = "played"
    by: str


@dataclass(frozen=True)
class OwnWords:
    """The room put its own words in the manager's mouth at a point; the option the
    facilitator judged them closest to (`option`) is the branch the story then follows.
    Recorded just before that option's `Redirected` or `Chosen`, in the same action."""

    kind: ClassVar[str] = "own_words"
    point: str
    option: int
    words: str


@dataclass(frozen=True)
class HotSeated:
    """A character on stage said what they are thinking."""

    kind: ClassVar[str] = "hotseat"
    character: str
    text: str


@dataclass(frozen=True)
class Rewound:
    """Back to an earlier moment of the attempt (the event's beat and line say where)."""

    kind: ClassVar[str] = "rewind"
    to_moment: int


@dataclass(frozen=True)
class Tallied:
    """A show of hands for one option at a point."""

    kind: ClassVar[str] = "tally"
    point: str
    option: int
    count: int


@dataclass(frozen=True)
class Missed:
    """An intervention point passed with nobody stopping the scene."""

    kind: ClassVar[str] = "missed"
    point: str
    scores: dict[str, int]
    feedback: str


@dataclass(frozen=True)
class Ended:
    """The run is over: at an ending (`ending` its id), or stopped with nowhere to go (None)."""

    kind: ClassVar[str] = "ending"
    ending: str | None
    title: str
    tone: str


Payload = (
    Started
    | LineShown
    | DecisionReached
    | Buzzed
    | Resumed
    | Redirected
    | Chosen
    | Played
    | OwnWords
    | HotSeated
    | Rewound
    | Tallied
    | Missed
    | Ended
)

#: Event kind -> its payload class: the one table a record is read by.
PAYLOADS: dict[str, type[Payload]] = {
    cls.kind: cls
    for cls in (
        Started,
        LineShown,
        DecisionReached,
        Buzzed,
        Resumed,
        Redirected,
        Chosen,
        Played,
        OwnWords,
        HotSeated,
        Rewound,
        Tallied,
        Missed,
        Ended,
    )
}
KINDS: tuple[str, ...] = tuple(PAYLOADS)


@dataclass(frozen=True)
class Event:
    """One thing that happened: when (seconds on the injected clock), where, and what."""

    t: float
    step: int
    action: Action
    beat: str
    line: int
    attempt: int
    data: Payload

    @property
    def kind(self) -> str:
        return self.data.kind

    def to_json(self) -> dict[str, Any]:
        """The event as the current record format writes it."""
        return {
            "t": self.t,
            "step": self.step,
            "action": self.action,
            "kind": self.kind,
            "beat": self.beat,
            "line": self.line,
            "attempt": self.attempt,
            "data": dataclasses.asdict(self.data),
        }

    @classmethod
    def from_json(cls, raw: object, version: int = FORMAT_VERSION) -> Event:
        """Check and read one recorded event written in record format `version`.

        Fields a payload does not have are dropped here, so nothing written into a record
        by hand (a name, say) can reach a handout or an export.
        """
        if not isinstance(raw, dict):
            raise EventError(f"an event must be an object, not {_shown(raw)}")
        kind = _field(raw, "kind", str, "event")
        payload_cls = PAYLOADS.get(kind)
        if payload_cls is None:
            raise EventError(f"unknown event kind {kind!r}; known: {', '.join(KINDS)}")
        action = _field(raw, "action", str, kind)
        if action not in ACTIONS:
            raise EventError(f"a {kind!r} event has an unknown action {action!r}")
        data = raw.get("data", {})
        if not isinstance(data, dict):
            raise EventError(f"a {kind!r} event's data must be an object, not {_shown(data)}")
        if version < 2:
            data = _upgrade_v1(kind, data)
        return cls(
            t=float(_field(raw, "t", float, kind)),
            step=_field(raw, "step", int, kind),
            action=action,  # checked against ACTIONS above
            beat=_field(raw, "beat", str, kind),
            line=_field(raw, "line", int, kind),
            attempt=_field(raw, "attempt", int, kind),
            data=_payload(payload_cls, data),
        )


def run_mode(events: list[Event]) -> str:
    """The run's mode ("forum" or "anti_model") from its start event; "" with no start."""
    first = events[0].data if events else None
    return first.mode if isinstance(first, Started) else ""


def run_seat(events: list[Event]) -> tuple[str, str]:
    """Whose shoes the run stood in and the manager style, from its start event: ("", "")
    for a manager run, an older record, or one with no start."""
    first = events[0].data if events else None
    return (first.role, first.style) if isinstance(first, Started) else ("", "")


def _upgrade_v1(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A format 1 payload in format 2's shape."""
    if kind == "buzz" and data.get("offered") == "":
        return {**data, "offered": None}
    if kind == "ending" and data.get("ending") == "":
        return {**data, "ending": None}
    return data


def _shown(value: object) -> str:
    return "null" if value is None else f"{type(value).__name__} {value!r}"


def _check(value: object, expected: Any) -> bool:
    """Whether a value read from JSON has a payload field's type (the few types they use)."""
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is str:
        return isinstance(value, str)
    if expected == str | None:
        return value is None or isinstance(value, str)
    if expected == dict[str, int]:
        return isinstance(value, dict) and all(
            isinstance(k, str) and _check(v, int) for k, v in value.items()
        )
    raise TypeError(f"no check for payload field type {expected!r}")


_WORDS = {float: "a number", int: "a whole number", str: "text"}


def _field(raw: dict[str, Any], name: str, expected: Any, kind: str) -> Any:
    if name not in raw:
        raise EventError(f"a {kind!r} event has no {name!r}")
    value = raw[name]
    if not _check(value, expected):
        want = _WORDS.get(expected) or (
            "text or null" if expected == str | None else "criterion: whole number pairs"
        )
        raise EventError(f"a {kind!r} event's {name!r} must be {want}, not {_shown(value)}")
    return value


def _payload(cls: type[Payload], data: dict[str, Any]) -> Payload:
    hints = _hints(cls)
    defaults = _DEFAULTS[cls]
    values = {
        name: _field(data, name, hint, cls.kind)
        for name, hint in hints.items()
        if name in data or name not in defaults  # fields added later may be absent
    }
    if "scores" in values:
        values["scores"] = dict(values["scores"])
    return cls(**values)


_HINTS: dict[type, dict[str, Any]] = {}
#: Payload fields added after records were first written, which older records lack.
_DEFAULTS: dict[type, frozenset[str]] = {
    cls: frozenset(f.name for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING)
    for cls in PAYLOADS.values()
}


def _hints(cls: type[Payload]) -> dict[str, Any]:
    """A payload's fields and their types (resolved once: the annotations are strings)."""
    if cls not in _HINTS:
        hints = get_type_hints(cls)
        _HINTS[cls] = {f.name: hints[f.name] for f in dataclasses.fields(cls)}
    return _HINTS[cls]
