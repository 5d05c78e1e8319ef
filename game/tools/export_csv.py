"""`python3 main.py export-csv [-o FILE]`: every recorded choice across sessions, one row each.

With `-o FILE` the CSV is written atomically as UTF-8 with a byte-order mark (Excel opens
it with accents intact); without it, plain UTF-8 goes to standard output for piping.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game import paths
from game.records.choices import choice_table, to_csv, write_csv
from game.records.journal import JournalRecord
from game.records.session import ResumeError, script_path_for
from game.safetext import visible
from game.storage import folders
from game.story.errors import ScriptError
from game.story.loader import load_script
from game.story.model import Script


def find_script(record: JournalRecord) -> Script | None:
    """The scenario a record was played from, in the project's scripts/ (None if it cannot be
    found or no longer loads: that record's judged columns stay blank)."""
    try:
        return load_script(script_path_for(record, paths.SCRIPTS))
    except (ResumeError, ScriptError):
        return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="main.py export-csv",
        description="Write every recorded redirect, decision and missed moment as CSV.",
    )
    parser.add_argument("-o", "--output", type=Path, help="the CSV file to write")
    args = parser.parse_args(argv)
    table = choice_table(folders().sessions, find_script)
    for warning in table.warnings:
        print(f"export-csv: warning: {visible(warning)}", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(to_csv(table))
        return 0
    try:
        write_csv(table, args.output)
    except OSError as exc:
        print(f"export-csv: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Wrote {len(table.rows)} choices to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
