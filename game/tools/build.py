"""`python3 main.py build [--dist DIR]`: the one-file app, for laptops without Python.

PyInstaller (pinned in the `build` extra; installed into the project's environment on first
use) freezes `main.py`, every module of `game` (commands and screens are imported by name,
so each is named to it) and its data (the interface's translations), the shipped scenarios
(with their translations) and the fonts into one executable for the
platform it runs on: `dist/FreezeFrame` on Linux and macOS, `dist/FreezeFrame.exe` on
Windows. A one-file app unpacks itself into a temporary folder each time it starts and
removes it on exit, so nothing the user makes is kept inside it: records, settings,
handouts and the user's own scenarios live in the user's folders (docs/records.md).

The sounds are made in code (game/ui/sound.py), so there are no sound files to bundle. The
test-only packages (pytest, Ralph and what it brings) are left out: `test` is not a command
of the app. PyInstaller cannot cross-build: each platform's app is built on that platform
(.github/workflows/app.yml builds Windows and macOS on a hosted CI).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

from game.paths import FONTS, MAIN, ROOT, SCRIPTS

NAME = "FreezeFrame"
#: Imported somewhere in the game's code but never by the app: only by `test`, or not at all.
LEFT_OUT = ("pytest", "_pytest", "hypothesis", "ralph", "fastapi", "pydantic", "uvicorn",
            "jsonschema", "tkinter", "PyInstaller", "mypy")  # fmt: skip


def app_path(dist: Path | None = None) -> Path:
    """Where the build puts the app on this platform."""
    return (dist or ROOT / "dist") / (NAME + (".exe" if os.name == "nt" else ""))


def pyinstaller_args(dist: Path, work: Path) -> list[str]:
    sep = os.pathsep  # PyInstaller's SOURCE{sep}DEST for data files
    args = [
        str(MAIN),
        "--onefile",
        "--name", NAME,
        "--noconfirm",
        "--log-level", "WARN",
        "--distpath", str(dist),
        "--workpath", str(work),
        "--specpath", str(work),
        "--collect-data", "game",  # the interface's translations (game/locale)
        "--add-data", f"{SCRIPTS}{sep}scripts",
        "--add-data", f"{FONTS}{sep}{FONTS.relative_to(ROOT).as_posix()}",
    ]  # fmt: skip
    for module in game_modules():
        args += ["--hidden-import", module]
    for module in LEFT_OUT:
        args += ["--exclude-module", module]
    return args


def game_modules() -> list[str]:
    """Every module under game/, from the files themselves: commands and screens are imported
    by name, which PyInstaller cannot follow, and some folders are namespace packages (no
    __init__.py), which its `--collect-submodules` passes over."""
    package = ROOT / "game"
    return sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in package.rglob("*.py")
    )


def ensure_pyinstaller() -> bool:
    """PyInstaller from the `build` extra, installed on first use (its pin is in pyproject)."""
    if importlib.util.find_spec("PyInstaller") is None:
        print("build: installing PyInstaller (the `build` extra) first...", file=sys.stderr)
        pip = [sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        if subprocess.run([*pip, "-e", f"{ROOT}[build]"], cwd=ROOT).returncode != 0:
            print("build: PyInstaller could not be installed", file=sys.stderr)
            return False
    return True


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="main.py build", description="Build the one-file app for this platform."
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to put it")
    args = parser.parse_args(argv)
    if getattr(sys, "frozen", False):
        print("build: run this from the Python version, not from the app", file=sys.stderr)
        return 2
    if not ensure_pyinstaller():
        return 1
    dist = args.dist.resolve()
    started = time.monotonic()
    work = ROOT / "build" / "pyinstaller"
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", *pyinstaller_args(dist, work)], cwd=ROOT
    )
    if done.returncode != 0:
        print("build: PyInstaller failed (see above)", file=sys.stderr)
        return 1
    app = app_path(dist)
    size = app.stat().st_size / 2**20
    print(f"Built {app} ({size:.1f} MiB) in {time.monotonic() - started:.0f} s.")
    print(f"Try it: {app} smoke    (or just {app} to play)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
