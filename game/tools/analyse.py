"""`python3 main.py analyse SCRIPT [--json]`: what a script makes possible, from its graph.

For an author: are all endings reachable, does the anti-model reach the traditional ending,
how long does it play, and can a good run score well on every criterion?
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from game.story.analysis import PATHS_CAP, Analysis, analyse, one_branch_criteria
from game.story.errors import Diagnostic, ScriptError, diagnostic, format_diagnostic
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


def step(point: str, option: int) -> str:
    """A stop of a path as the cards number it: 'office_talk option 2', or a pass."""
    return f"{point} option {option + 1}" if option >= 0 else f"{point} let pass"


def warnings(script: Script, start: str | None) -> list[Diagnostic]:
    """FF417 for each criterion that only one branch of the story can earn."""
    found = one_branch_criteria(script, start)
    return [
        diagnostic(
            "FF417",
            script.criteria[c].pos,
            "let other routes earn it too, or accept that this one choice decides it",
            value=c,
            where=step(point, option),
        )
        for c, (point, option) in found.items()
    ]


def as_json(script: Script, facts: Analysis, found: list[Diagnostic]) -> dict[str, Any]:
    """The figures for other programs. Options count from 1 here too, as on the cards; a
    point the best path lets pass has option null."""
    data = asdict(facts)
    data["reachable"] = sorted(facts.reachable)
    del data["beat_flags"]  # the validator's working, not a figure for other programs
    data["criteria"] = {
        c: {
            "tested_at": list(points),
            "worst": 0.0 if points else None,
            "best": 1.0 if points else None,
            "best_path": facts.best_path_scores.get(c),
        }
        for c, points in facts.criteria.items()
    }
    data["best_path"] = [
        {"point": point, "option": option + 1 if option >= 0 else None}
        for point, option in facts.best_path
    ]
    data["best_path_passes"] = facts.best_path_passes
    data["warnings"] = [{"code": d.code, "message": d.message, "hint": d.hint} for d in found]
    data["title"] = script.title
    data["anti_model_expected"] = script.anti_model_ending or None
    return data


def describe(script: Script, facts: Analysis, found: list[Diagnostic]) -> str:
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
    out.append(
        "  criteria: each choice is placed between the worst (0%) and best (100%) alternative"
        " at its moment; a run scores the average"
    )
    out.append(f"    {'criterion':<{width}}  {'tested at':<18} best all-round path")
    for cid, points in facts.criteria.items():
        name = script.criteria[cid].name
        if not points:
            out.append(f"    {name:<{width}}  not tested by any choice")
            continue
        where = f"{len(points)} point{'' if len(points) == 1 else 's'}"
        score = facts.best_path_scores.get(cid)
        shown = f"{round(100 * score)}%" if score is not None else "not on this path"
        out.append(f"    {name:<{width}}  {where:<18} {shown}")
    steps = ", ".join(step(point, option) for point, option in facts.best_path)
    out.append(f"  best all-round path: {steps or '(no choices)'} -> {facts.best_path_ending}")
    out.append(
        "    (the strongest alternative at every moment, so never a weaker option for a rescue"
        " later; options numbered as on the cards)"
    )
    passes = ", ".join(facts.best_path_passes)
    out.append(f"  intervention points it lets pass: {passes or 'none'}")
    for d in found:
        out.append(f"  warning: {d.message} [{d.code}]")
        out.append(f"    hint: {d.hint}")
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
    found = warnings(script, args.start)
    text = json.dumps(as_json(script, facts, found), indent=2)
    print(text if args.json else describe(script, facts, found))
    return 0
