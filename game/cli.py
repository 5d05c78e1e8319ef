"""The command line: one word picks the tool, and each tool parses its own arguments.

Tools are imported only when asked for, so `validate` never loads pygame and starting the
game never parses YAML it does not need yet.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from game import paths

# pygame prints a greeting on import; a tool's output and the game's console stay quiet.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

#: command -> (module with `main(argv) -> int`, one-line description)
COMMANDS: dict[str, tuple[str, str]] = {
    "play": (
        "game.ui.preview",
        "play a script, from any beat, with flags set: play PATH [--from BEAT] [--set F,G]",
    ),
    "validate": ("game.tools.validate", "check scripts for errors: validate [PATH ...]"),
    "analyse": ("game.tools.analyse", "endings, paths, score bounds: analyse SCRIPT [--json]"),
    "graph": ("game.tools.graph", "branch graph: graph SCRIPT --format mermaid|dot [-o FILE]"),
    "report": ("game.tools.report", "debrief handout: report SESSION [-o FILE], or report list"),
    "export-csv": ("game.tools.export_csv", "every recorded choice: export-csv [-o FILE]"),
    "xapi": ("game.tools.xapi", "learning records for an LRS: xapi status|setup|send|export"),
    "rehearse": (
        "game.tools.rehearse",
        "play a scenario headless as a plan says: rehearse SCRIPT PLAN [--shots DIR]",
    ),
    "smoke": ("game.tools.smoke", "the game headless for a few seconds: smoke [--seconds S]"),
    "build": ("game.tools.build", "the one-file app that needs no Python: build [--dist DIR]"),
    "translate": (
        "game.tools.translate",
        "make or update a scenario's translation file: translate SCRIPT LANGUAGE",
    ),
    "i18n": (
        "game.tools.i18n",
        "the interface's translations: i18n extract|update|init LANG|compile|check",
    ),
    "bench": ("game.tools.bench", "measure frame times and tools: bench [--json] [--size WxH]"),
}

USAGE = """\
usage: python3 main.py [COMMAND] [ARGS]

With no command, the game starts. Commands:
{commands}
  test        run the test suite (extra arguments go to pytest)
  typecheck   check the types in game/ with mypy (installs the pinned dev tools if needed)
"""

DEV_TOOLS_HELP = """\
mypy is not installed here. It is in the project's dev extra: run this command through
`python3 main.py typecheck` (which installs it into .venv), or install it yourself with
    pip install -e ".[dev]"
"""


def run_tests(argv: list[str]) -> int:
    """Run pytest on the whole suite from the project folder."""
    import pytest

    os.chdir(paths.ROOT)
    return int(pytest.main(["tests", *argv]))


def run_typecheck(argv: list[str]) -> int:
    """mypy as configured in pyproject.toml (all of game/; game/story and game/records strict).

    In the project's own .venv the first run installs the pinned dev extra, as `main.py`
    installs the rest; in an environment someone else manages, it only says how.
    """
    if importlib.util.find_spec("mypy") is None:
        own_venv = (paths.ROOT / ".venv").resolve() == Path(sys.prefix).resolve()
        pip = [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        install = [*pip, "-e", f"{paths.ROOT}[test,dev]"]
        if not own_venv or subprocess.run(install, cwd=paths.ROOT).returncode != 0:
            print(DEV_TOOLS_HELP, file=sys.stderr)
            return 2
    return subprocess.run([sys.executable, "-m", "mypy", *argv], cwd=paths.ROOT).returncode


def unknown_command(command: str) -> str:
    """The error for a command that does not exist, with the nearest one if any is close."""
    known = [*COMMANDS, "test", "typecheck", "help"]
    close = difflib.get_close_matches(command, known, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown command {command!r}; {hint}see: python3 main.py --help"


def main() -> int:
    """The `freeze-frame` console script pyproject.toml declares: same as `python3 main.py`."""
    return run(sys.argv[1:])


def run(argv: list[str]) -> int:
    if not argv or argv[0].startswith(("--presenter", "--no-presenter", "--projector")):
        from game.ui.app import run as play

        return play(argv)
    command, rest = argv[0], argv[1:]
    if command == "test":
        return run_tests(rest)
    if command == "typecheck":
        return run_typecheck(rest)
    if command in ("-h", "--help", "help"):
        lines = "\n".join(f"  {name:<11} {text}" for name, (_, text) in COMMANDS.items())
        print(USAGE.format(commands=lines))
        return 0
    if command not in COMMANDS:
        print(unknown_command(command), file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[command][0])
    try:
        return int(module.main(rest))
    except BrokenPipeError:
        # The reader stopped early (`report list | head`): not an error, and no traceback.
        # Point stdout at nothing so Python's flush at exit does not raise it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
