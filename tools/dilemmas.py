"""Count how much of a dilemma each choice point in a scenario really is.

    .venv/bin/python tools/dilemmas.py [--check] [SCRIPT ...]     (default: every shipped script)

A room learns from a choice only when the options pull against each other: suspending at once
keeps patients safe but is disproportionate. Two figures show when a script has drifted into
"spot the right answer":

- **dominant**: points where one alternative is at least as good as every other alternative on
  every criterion (an author's "obviously right" card). Aim: fewer than 1 point in 7.
- **traditional lowest**: points where the traditional choice (the anti-model's option at a
  decision; letting the moment pass at an intervention point) has a total no higher than every
  other alternative's, ties included. Aim: not the lowest at 3 points in 10 or more.

The alternatives at a point are its options plus, at an intervention point, letting it pass
(its `missed` scores), because that is what the room chose when nobody buzzed. Points where
the traditional choice cannot be named (a decision owned by another character, with no
anti-model option) count for the dominant figure only. A missing score counts as 0. With
`--check` the exit status is 1 when any script misses an aim.

Role reversal (docs/authoring.md, Roles): a point owned by a character the room can play
(`shoes: true`) is that person's dilemma, judged on that role's own criteria; if the role has
no criteria it is not scored at all (a reflective debrief), so its options all tie and the
point is left out of both figures rather than counted as "obviously right". Letting such a
person's intervention point pass is what they usually do, not the traditional manager's choice.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.story.loader import load_script  # noqa: E402
from game.story.model import Option, Script  # noqa: E402
from game.story.roles import owner  # noqa: E402

DOMINANT_AIM = 1 / 7
NOT_LOWEST_AIM = 3 / 10


@dataclass(frozen=True)
class Alternative:
    """One thing the room could do at a point: its label, scores and whether it is traditional."""

    label: str
    scores: dict[str, int]
    traditional: bool


@dataclass(frozen=True)
class Point:
    """A decision or intervention point with every alternative the room had there, and the
    criteria it is judged on."""

    id: str
    kind: str
    alternatives: tuple[Alternative, ...]
    criteria: tuple[str, ...]


def judged_on(script: Script, point: str) -> tuple[str, ...]:
    """The criteria `point` is judged on: a playable role's own for that person's points (none
    for a role without criteria), else every criterion of the script."""
    who = owner(script, point)
    if who in {r.who for r in script.shoes}:
        role = script.role(who)
        return tuple(c for c in (role.criteria if role else ()) if c in script.criteria)
    return tuple(script.criteria)


def _alternatives(options: tuple[Option, ...], keep: tuple[str, ...]) -> list[Alternative]:
    return [
        Alternative(f"option {n}", {c: v for c, v in o.scores.items() if c in keep}, o.anti_model)
        for n, o in enumerate(options, start=1)
    ]


def points(script: Script) -> list[Point]:
    """Every scored decision and intervention point of `script`, with its alternatives."""
    found = []
    shoes = {r.who for r in script.shoes}
    for beat in script.beats.values():
        if beat.decision is not None:
            keep = judged_on(script, beat.decision.id)
            alts = _alternatives(beat.decision.options, keep)
            found.append(Point(beat.decision.id, "decision", tuple(alts), keep))
    for point in script.interventions.values():
        keep = judged_on(script, point.id)
        missed = {c: v for c, v in point.missed.scores.items() if c in keep}
        traditional = owner(script, point.id) not in shoes
        passed = Alternative("let it pass", missed, traditional)
        alts = [replace(a, traditional=False) for a in _alternatives(point.options, keep)]
        found.append(Point(point.id, "intervention", (*alts, passed), keep))
    return [p for p in found if p.criteria]


def dominant(point: Point) -> str | None:
    """The label of an alternative at least as good as every other on every criterion."""
    for best in point.alternatives:
        if all(
            best.scores.get(c, 0) >= other.scores.get(c, 0)
            for other in point.alternatives
            for c in point.criteria
        ):
            return best.label
    return None


def traditional_lowest(point: Point) -> bool | None:
    """Whether the traditional choice's total is the lowest (ties count); None if unnamed."""
    traditional = [a for a in point.alternatives if a.traditional]
    if len(traditional) != 1:
        return None
    total = sum(traditional[0].scores.values())
    return all(total <= sum(a.scores.values()) for a in point.alternatives)


def report(path: str) -> tuple[str, bool]:
    """The figures for one script as text, and whether it meets both aims."""
    script = load_script(path)
    found = points(script)
    shown = Path(path).resolve()
    name = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else path
    lines = [f"{name}: {len(found)} points"]
    dominated = [(p, dominant(p)) for p in found]
    dominated = [(p, label) for p, label in dominated if label]
    judged = [(p, traditional_lowest(p)) for p in found]
    judged = [(p, low) for p, low in judged if low is not None]
    lowest = [p for p, low in judged if low]
    share_dominant = len(dominated) / len(found) if found else 0.0
    share_not_lowest = 1 - len(lowest) / len(judged) if judged else 1.0
    ok_dominant = share_dominant < DOMINANT_AIM
    ok_lowest = share_not_lowest >= NOT_LOWEST_AIM
    lines.append(
        f"  dominant option: {len(dominated)} of {len(found)} ({share_dominant:.0%}; "
        f"aim under {DOMINANT_AIM:.0%}) {'met' if ok_dominant else 'MISSED'}"
    )
    lines += [f"    {p.kind} {p.id}: {label}" for p, label in dominated]
    lines.append(
        f"  traditional not the lowest: {len(judged) - len(lowest)} of {len(judged)} "
        f"({share_not_lowest:.0%}; aim {NOT_LOWEST_AIM:.0%} or more) "
        f"{'met' if ok_lowest else 'MISSED'}"
    )
    lines += [f"    lowest at {p.kind} {p.id}" for p in lowest]
    return "\n".join(lines), ok_dominant and ok_lowest


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scripts", nargs="*", help="scripts to count (default: scripts/*.yaml)")
    parser.add_argument("--check", action="store_true", help="exit 1 when an aim is missed")
    args = parser.parse_args(argv)
    paths = args.scripts or [
        str(p)
        for p in sorted((ROOT / "scripts").glob("*.yaml"))
        if p.name not in {"criteria.yaml", "example.yaml"}
    ]
    met = True
    for path in paths:
        text, ok = report(path)
        print(text)
        met = met and ok
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
