"""Scoring: each choice judged against the alternatives the room had at that moment.

A *moment* is a decision the scene stopped at, or an intervention point that came up (the
room redirected it, or let it pass). Its *alternatives* are the options open there (locked
ones are not choices), and at an intervention point also letting it pass (scored by its
`missed:`). On each criterion the chosen alternative gets a *position*: 0.0 if it scored
like the worst alternative there, 1.0 like the best, in between in proportion. A moment
where every alternative scores the same on a criterion tells nothing about it and is left
out for that criterion. A run's result on a criterion is the mean of its positions over the
moments that counted, so it never grows with the number of moments a route passes through:
going right at every moment scores 1.0, and going wrong and being rescued scores less.

The runtime judges moments as they happen (the flags of the moment decide which options
were open), the analysis judges every edge of the state graph the same way, and the
debrief, handout, progress and exports all read the same `Judged` moments. Nothing here
imports pygame.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import flow
from .model import Option, Script

#: Positions that differ by less than this are a tie (floating-point sums of fractions).
TIE = 1e-9


@dataclass(frozen=True)
class Alternative:
    """One thing the room could do at a moment: an option (by index) or letting it pass."""

    option: int  # index into the point's options; -1 for letting an intervention point pass
    says: str  # the option's words; "" for letting it pass
    scores: dict[str, int] = field(default_factory=dict)
    goto: str = ""  # where it leads ("" for letting it pass: the scene plays on)


@dataclass(frozen=True)
class Judged:
    """A moment of a run: what the room chose, what it could have chosen, and the verdict."""

    point: str
    chosen: int  # an option index, or -1 for letting an intervention point pass
    alternatives: tuple[Alternative, ...]
    #: criterion -> where the choice sits between the worst (0.0) and best (1.0) alternative
    #: there; only criteria on which the alternatives differ.
    positions: dict[str, float]

    @property
    def choice(self) -> Alternative:
        return next(a for a in self.alternatives if a.option == self.chosen)

    @property
    def mean(self) -> float | None:
        """The choice's mean position over the criteria this moment tests (None: none)."""
        return _mean(self.positions.values())

    def strongest(self) -> Alternative:
        """The alternative with the highest mean position here; the choice itself on a tie."""
        alts = self.alternatives
        ranked = [(standing(alts, a), a.option == self.chosen, a) for a in alts]
        best = max(v for v, _, _ in ranked)
        top = [(chosen, a) for v, chosen, a in ranked if v >= best - TIE]
        return next((a for chosen, a in top if chosen), top[0][1])

    def change(self) -> dict[str, int]:
        """What the strongest alternative would have changed: its scores minus the choice's,
        per criterion, where they differ."""
        strong, mine = self.strongest().scores, self.choice.scores
        out = {c: strong.get(c, 0) - mine.get(c, 0) for c in {*strong, *mine}}
        return {c: d for c, d in sorted(out.items()) if d}


def _mean(values: Iterable[float]) -> float | None:
    found = list(values)
    return sum(found) / len(found) if found else None


def positions(alternatives: Iterable[Alternative], chosen: Alternative) -> dict[str, float]:
    """Where `chosen` sits on each criterion between the worst and best of `alternatives`."""
    alts = list(alternatives)
    criteria = sorted({c for a in alts for c in a.scores})
    out = {}
    for c in criteria:
        values = [a.scores.get(c, 0) for a in alts]
        low, high = min(values), max(values)
        if high > low:
            out[c] = (chosen.scores.get(c, 0) - low) / (high - low)
    return out


def standing(alternatives: Iterable[Alternative], alternative: Alternative) -> float:
    """An alternative's mean position across the criteria its moment tests (0.0 if none):
    how the room's choice would be judged had it made this one."""
    return _mean(positions(alternatives, alternative).values()) or 0.0


def alternatives_at(script: Script, point: str, flags: frozenset[str]) -> tuple[Alternative, ...]:
    """What the room could do at `point` under `flags`: the open options, and at an
    intervention point letting it pass."""
    intervention = script.interventions.get(point)
    found: list[Alternative] = []
    options: tuple[Option, ...] = ()
    if intervention is not None:
        found.append(Alternative(-1, "", dict(intervention.missed.scores)))
        options = intervention.options
    else:
        decision = script.decision(point)
        options = decision.options if decision is not None else ()
    found += [
        Alternative(i, o.says, dict(o.scores), o.goto)
        for i, o in enumerate(options)
        if flow.is_available(o, flags)
    ]
    return tuple(found)


def judge(alternatives: tuple[Alternative, ...], point: str, chosen: int) -> Judged:
    """The verdict on choosing alternative `chosen` (an option index, -1 to let it pass)."""
    choice = next(a for a in alternatives if a.option == chosen)
    return Judged(point, chosen, alternatives, positions(alternatives, choice))


@dataclass(frozen=True)
class Tally:
    """One criterion over a run: the mean position, and how many moments counted."""

    score: float  # 0.0 .. 1.0; 0.0 when no moment tested the criterion
    moments: int


def tally(moments: Iterable[Judged], criteria: Iterable[str]) -> dict[str, Tally]:
    """Each criterion's result over a run's moments: the mean of its positions."""
    found = list(moments)
    out = {}
    for c in criteria:
        values = [m.positions[c] for m in found if c in m.positions]
        out[c] = Tally(sum(values) / len(values) if values else 0.0, len(values))
    return out
