"""Generated scenario scripts of any size, for the benchmark and the scale tests.

Each unit is a decision beat with two answers, each answer a beat of its own (one with an
intervention point), both leading on to the next unit: n units give 2**n distinct paths
(more, counting redirects) in 3n beats, so a small file has millions of paths and a large
one shows whether validation and analysis grow linearly with size.
"""

from __future__ import annotations

import argparse
import sys

HEADER = """\
id: generated
title: Generated scenario of {units} units
summary: A machine-made script for measuring the tools.
setting: Nowhere in particular.
minutes: 5
anti_model_ending: formal
cast:
  manager: {{name: Sam, role: Manager, manager: true}}
  staff: {{name: Robin, role: Staff member}}
scenes:
  office: {{name: An office, backdrop: office}}
start: d0
interventions:
  stop:
    prompt: What instead?
    missed: {{scores: {{compassion: -1}}, feedback: Nobody stopped it.}}
    options:
      - says: Are you OK?
        scores: {{compassion: 1}}
        feedback: Asking first helps.
        goto: {after}
endings:
  formal: {{title: Formal process, tone: traditional, outcome: It went formal.}}
  support: {{title: Support agreed, tone: just, outcome: Support was agreed.}}
beats:
"""

UNIT = """\
  d{i}:
    scene: office
    present: [manager, staff]
    lines:
      - {{who: staff, says: "Step {i}. What happens now?", emotion: anxious}}
    thoughts: {{staff: "Thinking about step {i}.", manager: "Deciding at step {i}."}}
    decision:
      prompt: Step {i}?
      options:
        - {{says: Listen first, goto: a{i}, scores: {{compassion: 1}}, feedback: Good.}}
        - {{says: Go formal, goto: b{i}, scores: {{proportionality: -1}}, feedback: Hasty.,
           anti_model: true}}
  a{i}:
    scene: office
    lines:
      - {{who: manager, says: "Tell me more about step {i}."}}
    thoughts: {{manager: "Listening at {i}."}}
    next: {after_a}
  b{i}:
    scene: office
    present: [manager, staff]
    lines:
      - {{who: manager, says: "This is going formal at step {i}.", intervention: stop}}
    thoughts: {{manager: "Going formal at {i}.", staff: "Worried at {i}."}}
    next: {after_b}
"""


def generate_yaml(units: int) -> str:
    """A valid script of `units` units (3 beats each): 2**units paths without redirects."""
    parts = [HEADER.format(units=units, after="support")]
    for i in range(units):
        last = i == units - 1
        after_a = "support" if last else f"d{i + 1}"
        after_b = "formal" if last else f"d{i + 1}"
        parts.append(UNIT.format(i=i, after_a=after_a, after_b=after_b))
    return "".join(parts)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("units", type=int, help="decision units (3 beats each)")
    args = parser.parse_args(argv)
    sys.stdout.write(generate_yaml(args.units))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
