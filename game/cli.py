"""The command line: one word picks the tool, and each tool parses its own arguments.

Tools are imported only when asked for, so `validate` never loads pygame and starting the
game never parses YAML it does not need yet.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# pygame prints a greeting on import; a tool's output and the game's console stay quiet.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

#: command -> (module with `main(argv) -> int`, one-line description)
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.ui.preview", "play a script, optionally from a beat: play PATH [--from BEAT]"),
    "validate": ("game.tools.validate", "check scripts for errors: validate [PATH ...]"),
    "analyse": ("game.tools.analyse", "endings, paths, score bounds: analyse SCRIPT [--json]"),
    "graph": ("game.tools.graph", "branch graph: graph SCRIPT --format mermaid|dot [-o FILE]"),
    "report": ("game.tools.report", "debrief handout: report SESSION [-o FILE], or report list"),
    "export-csv": ("game.tools.export_csv", "every recorded choice: export-csv [-o FILE]"),
    "xapi": ("game.tools.xapi", "learning records for an LRS: xapi status|setup|send|export"),
    "smoke": ("game.tools.smoke", "the game headless for a few seconds: smoke [--seconds S]"),
    "build": ("game.tools.build", "the one-file app that needs no Python: build [--dist DIR]"),
    "bench": ("game.tools.bench", "measure frame times and tools: bench [--json] [--size WxH]"),
}

USAGE = """\
usage: python3 main.py [COMMAND] [ARGS]

With no command, the game starts. Commands:
{commands}
  test        run the test suite (extra arguments go to pytest)
"""


def run_tests(argv: list[str]) -> int:
    """Run pytest on the whole suite from the project folder."""
    import pytest

    os.chdir(ROOT)
    return int(pytest.main(["tests", *argv]))


def run(argv: list[str]) -> int:
    if not argv:
        from game.ui.app import run as play

        return play([])
    command, rest = argv[0], argv[1:]
    if command == "test":
        return run_tests(rest)
    if command in ("-h", "--help", "help"):
        lines = "\n".join(f"  {name:<11} {text}" for name, (_, text) in COMMANDS.items())
        print(USAGE.format(commands=lines))
        return 0
    if command not in COMMANDS:
        print(f"unknown command {command!r}; try: python3 main.py --help", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[command][0])
    try:
        return int(module.main(rest))
    except BrokenPipeError:
        # The reader stopped early (`report list | head`): not an error, and no traceback.
        # Point stdout at nothing so Python's flush at exit does not raise it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
