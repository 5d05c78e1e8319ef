"""The run's record: every action and what it caused, in order, for the debrief and replay.

An event names the action call that caused it (`step`, `action`), so a record read back
from disk can be replayed through a fresh runtime to rebuild the exact state: that is how
a run killed mid-scene resumes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Action names. The host calls these; anything else an event records is a consequence.
ACTIONS: tuple[str, ...] = (
    "start",
    "advance",
    "buzz",
    "resume",
    "redirect",
    "choose",
    "hotseat",
    "rewind",
    "tally",
)

#: Event kinds: what a debrief timeline shows.
KINDS: tuple[str, ...] = (
    "start",
    "line",
    "decision",
    "buzz",
    "resume",
    "redirect",
    "choice",
    "hotseat",
    "rewind",
    "tally",
    "missed",
    "ending",
)


@dataclass(frozen=True)
class Event:
    """One thing that happened: when (seconds on the injected clock), where, and what."""

    t: float
    step: int
    action: str
    kind: str
    beat: str
    line: int
    attempt: int
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Event:
        return cls(
            t=float(raw["t"]),
            step=int(raw["step"]),
            action=str(raw["action"]),
            kind=str(raw["kind"]),
            beat=str(raw["beat"]),
            line=int(raw["line"]),
            attempt=int(raw["attempt"]),
            data=dict(raw.get("data", {})),
        )
