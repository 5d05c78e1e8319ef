"""Freeze Frame's front door: `python3 main.py` plays, `python3 main.py test` runs the tests.

On a fresh machine with only Python 3.11+, the first run makes a virtual environment in
`.venv/`, installs the pinned dependencies from pyproject.toml into it, and then runs the
command inside it. Later runs reuse it, and reinstall only when pyproject.toml changes.
This file uses the standard library alone, because nothing else is installed yet.

Set FREEZE_FRAME_NO_VENV=1 (or run from an activated virtual environment that already
has the dependencies) to skip all of this and use the current interpreter.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MARKER = VENV / ".freeze-frame-installed"
MIN_PYTHON = (3, 11)

MANUAL = """\
Freeze Frame could not install its dependencies (is the package index reachable?).
To install by hand, from {root}:
    python3 -m venv .venv
    .venv/bin/python -m pip install -e ".[test]"      (Windows: .venv\\Scripts\\python)
then run `python3 main.py` again. To use an environment you manage yourself:
    pip install -e ".[test]" && FREEZE_FRAME_NO_VENV=1 python3 main.py
"""


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def wanted_stamp() -> str:
    """Changes whenever the dependency list does, so an edited pyproject reinstalls."""
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def in_project_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def can_run_here() -> bool:
    """True when this interpreter already has what the game needs (the one-file app, made
    by `main.py build`, carries its own: it is "frozen")."""
    if getattr(sys, "frozen", False):
        return True
    if os.environ.get("FREEZE_FRAME_NO_VENV") == "1" or in_project_venv():
        return True
    if sys.prefix == sys.base_prefix:
        return False
    try:
        import pygame  # noqa: F401
        import yaml  # noqa: F401
    except ImportError:
        return False
    return True


def ensure_venv() -> bool:
    """Create `.venv` and install the pinned dependencies unless already done."""
    stamp = wanted_stamp()
    if venv_python().exists() and MARKER.exists() and MARKER.read_text() == stamp:
        return True
    print("Freeze Frame: setting up (first run only): creating .venv and installing...")
    if not venv_python().exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    cmd = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    done = subprocess.run([*cmd, "-e", f"{ROOT}[test]"], cwd=ROOT)
    if done.returncode != 0:
        print(MANUAL.format(root=ROOT), file=sys.stderr)
        return False
    MARKER.write_text(stamp)
    return True


def main() -> int:
    if sys.version_info < MIN_PYTHON:
        print(f"Freeze Frame needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer.")
        return 2
    if not can_run_here():
        if not ensure_venv():
            return 2
        args = [str(venv_python()), str(ROOT / "main.py"), *sys.argv[1:]]
        if os.name == "posix":
            # Become the game rather than wait for it: a kill, a closed terminal or a "force
            # quit" then reaches the game itself. A waiting launcher died alone and left the
            # game running on, orphaned, still writing its record.
            sys.stdout.flush()
            sys.stderr.flush()
            os.execv(args[0], args)
        return subprocess.run(args, cwd=os.getcwd()).returncode
    sys.path.insert(0, str(ROOT))
    from game.cli import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    # The speech engine runs in a child process; in the one-file app that child is this same
    # program, and this call turns it into the child instead of a second game.
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
