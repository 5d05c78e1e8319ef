"""`python3 main.py report SESSION [-o FILE]`: the debrief handout for a recorded session.

SESSION is a record's path, its id, or the unique start of an id (`list` shows them).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game import paths
from game.records.journal import JournalError, read_journal, resolve_session, scan_sessions
from game.records.report import ChartWriter, default_name, write_handout
from game.records.session import ResumeError, script_path_for
from game.safetext import visible
from game.storage import folders


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py report",
        description="Write a printable HTML debrief handout and a PNG of its criteria chart.",
    )
    parser.add_argument("session", help="a session id (or its start), a record file, or 'list'")
    parser.add_argument("-o", "--output", type=Path, help="the HTML file to write")
    parser.add_argument("--script", help="the scenario file, if it has moved since the session")
    return parser


def _list(folder: Path) -> int:
    sessions, problems = scan_sessions(folder)
    for problem in problems:  # a record that cannot be listed is named, not skipped
        print(f"report: warning: {visible(problem)}", file=sys.stderr)
    if not sessions:
        print("No sessions recorded yet.")
    for s in sessions:
        line = f"{s.session_id}  {s.started[:16]}  {s.room_mode:<11} {s.state:<10} {s.script_title}"
        print(visible(line))  # a record's text could hold a terminal escape
    return 0


def _chart_writer() -> ChartWriter | None:
    """The PNG writer, which needs pygame; without it the handout is written alone."""
    try:
        from game.ui.chart_png import save_png
    except ImportError as exc:
        print(f"report: warning: no chart picture ({exc})", file=sys.stderr)
        return None
    return save_png


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    where = folders()
    if args.session == "list":
        return _list(where.sessions)
    from game.story.errors import ScriptError
    from game.story.loader import load_script

    save_chart = _chart_writer()
    try:
        path = resolve_session(args.session, where.sessions)
        record = read_journal(path)
        script_file = args.script or script_path_for(record, paths.SCRIPTS)
        script = load_script(script_file)
        out = args.output or Path.cwd() / default_name(record)
        files = write_handout(record, script, out, save_chart)
    except (JournalError, ResumeError, ScriptError, OSError) as exc:
        print(f"report: {visible(str(exc))}", file=sys.stderr)
        return 1
    for warning in files.warnings:
        print(f"report: warning: {visible(warning)}", file=sys.stderr)
    print(f"Wrote {files.html}")
    if files.png:
        print(f"Wrote {files.png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
