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
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.story.loader import load_script  # noqa: E402
from game.story.model import Script  # noqa: E402

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
    """A decision or intervention point with every alternative the room had there."""

    id: str
    kind: str
    alternatives: tuple[Alternative, ...]


def points(script: Script) -> list[Point]:
    """Every decision and intervention point of `script`, with its alternatives."""
    found = [
        Point(
            beat.decision.id,
            "decision",
            tuple(
                Alternative(f"option {n}", dict(o.scores), o.anti_model)
                for n, o in enumerate(beat.decision.options, start=1)
            ),
        )
        for beat in script.beats.values()
        if beat.decision is not None
    ]
    for point in script.interventions.values():
        options = tuple(
            Alternative(f"option {n}", dict(o.scores), False)
            for n, o in enumerate(point.options, start=1)
        )
        passed = Alternative("let it pass", dict(point.missed.scores), True)
        found.append(Point(point.id, "intervention", (*options, passed)))
    return found


def dominant(point: Point, criteria: list[str]) -> str | None:
    """The label of an alternative at least as good as every other on every criterion."""
    for best in point.alternatives:
        if all(
            best.scores.get(c, 0) >= other.scores.get(c, 0)
            for other in point.alternatives
            for c in criteria
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
    criteria = list(script.criteria)
    found = points(script)
    shown = Path(path).resolve()
    name = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else path
    lines = [f"{name}: {len(found)} points"]
    dominated = [(p, dominant(p, criteria)) for p in found]
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
