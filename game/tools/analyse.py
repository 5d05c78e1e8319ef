"""`python3 main.py analyse SCRIPT [--json]`: what a script makes possible, from its graph.

For an author: are all endings reachable, does the anti-model reach the traditional ending,
how long does it play, and can a good run score well on every criterion?
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from game.story.analysis import PATHS_CAP, Analysis, analyse
from game.story.errors import ScriptError, format_diagnostic
from game.story.loader import load_script
from game.story.model import Script


def load_or_explain(path: str) -> Script | None:
    """Load a script for a tool, printing its errors (never a traceback) when it is broken."""
    try:
        return load_script(path)
    except ScriptError as err:
        for diagnostic in err.diagnostics:
            print(format_diagnostic(diagnostic), file=sys.stderr)
        print(f"{path}: cannot be analysed until these errors are fixed", file=sys.stderr)
        return None


def as_json(script: Script, facts: Analysis) -> dict:
    data = asdict(facts)
    data["reachable"] = sorted(facts.reachable)
    del data["beat_flags"]  # the validator's working, not a figure for other programs
    data["criteria"] = {
        c: {"worst": w, "best": b, "best_path": facts.best_path_totals.get(c, 0)}
        for c, (w, b) in facts.criteria.items()
    }
    data["title"] = script.title
    data["anti_model_expected"] = script.anti_model_ending or None
    return data


def describe(script: Script, facts: Analysis) -> str:
    """The human-readable report."""
    out = [f"{script.path}: {script.title}"]
    out.append(
        f"  {len(script.beats)} beats, {facts.intervention_points} intervention points, "
        f"{facts.decision_points} decision points, {len(script.endings)} endings"
    )
    out.append(
        f"  {facts.states} states (a beat or intervention point with the flags set on the way"
        " there: what the analysis works through)"
    )
    more = "at least " if facts.paths >= PATHS_CAP else ""
    out.append(
        f"  distinct paths: {more}{facts.paths:,} (every different run from start to an ending, "
        "counting redirects and choices)"
    )
    out.append(
        f"  estimated playing time: {facts.shortest_seconds / 60:.1f} to "
        f"{facts.longest_seconds / 60:.1f} minutes (lines at reading pace, 1 minute of "
        f"discussion per decision or redirect; hot-seats not counted; the script says "
        f"{script.minutes})"
    )
    if facts.cycle:
        out.append(f"  LOOP: {' -> '.join(facts.cycle)}")
    out.append("  endings:")
    for ending_id, reached in facts.endings.items():
        ending = script.endings[ending_id]
        marks = "reachable  " if reached else "UNREACHABLE"
        note = "  <- the anti-model path ends here" if ending_id == facts.anti_model_ending else ""
        out.append(f"    {marks} {ending_id} ({ending.tone}): {ending.title}{note}")
    if facts.anti_model_ending is None:
        out.append("    the anti-model path does not reach an ending")
    width = max((len(c.name) for c in script.criteria.values()), default=10)
    out.append(f"  {'criteria':<{width + 2}} worst .. best   best all-round path")
    for cid, (worst, best) in facts.criteria.items():
        value = facts.best_path_totals.get(cid, 0)
        pct = round(100 * facts.fraction(cid, value))
        name = script.criteria[cid].name
        out.append(f"    {name:<{width}} {worst:>4} .. {best:<4} {value:>4} ({pct}%)")
    steps = ", ".join(f"{point} option {option + 1}" for point, option in facts.best_path)
    out.append(f"  best all-round path: {steps or '(no choices)'} -> {facts.best_path_ending}")
    out.append(
        "    (the run whose scores sit highest between worst and best, all criteria together;"
        " options numbered as on the cards)"
    )
    return "\n".join(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="main.py analyse", description=__doc__)
    parser.add_argument("script", help="a scenario script (.yaml)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--from", dest="start", help="analyse from this beat instead")
    args = parser.parse_args(argv)
    script = load_or_explain(args.script)
    if script is None:
        return 1
    if args.start and args.start not in script.beats:
        print(f"{args.script}: no beat called {args.start!r}", file=sys.stderr)
        return 1
    facts = analyse(script, start=args.start)
    print(json.dumps(as_json(script, facts), indent=2) if args.json else describe(script, facts))
    return 0
