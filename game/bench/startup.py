"""Start-up: from spawning a fresh `python3 main.py` to its first frame on screen.

Each run is a new process, started the way a facilitator starts the game (`main.py`, with
no arguments), so imports, fonts, the window and the title screen are all counted. The
child runs `main.py` unchanged except for the frame loop, which is swapped for one that
draws a single frame (the title's; or, for "scene", the first scene of a scenario after the
title's) and prints `time.monotonic()` when the flip returns. The parent reads its own
`time.monotonic()` just before spawning: CLOCK_MONOTONIC is one clock for every process on
the machine, so the difference is the wall time from spawn to the first picture.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from game import paths

#: What the child runs: `main.py` with a one-frame loop in place of the real one.
CHILD = """\
import runpy, sys, time
import game.ui.app as app_module

def one_frame(app):
    app.frame(0.0, [])
    if {scene!r}:
        from game.ui.screens.flow import start_run
        script = app.library.load(app.library.paths()[0])
        start_run(app, script, "facilitator", anti_model_first=False)
        app.frame(0.0, [])
    print(time.monotonic(), flush=True)
    return 0

app_module.loop = one_frame
sys.argv = ["main.py"]
runpy.run_path({main!r}, run_name="__main__")
"""


def child_env(home: str) -> dict[str, str]:
    """Headless, silent, and writing nothing outside `home` but Python's compiled modules.

    PYTHONDONTWRITEBYTECODE is dropped: some machines (this project's build machines) set
    it, and then every start compiles the game's modules from source again, about 80 ms a
    start that a facilitator's Python never pays after its first (it keeps them in
    `__pycache__`, and the one-file app carries them compiled)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        SDL_VIDEODRIVER=os.environ.get("SDL_VIDEODRIVER", "dummy"),
        SDL_AUDIODRIVER=os.environ.get("SDL_AUDIODRIVER", "dummy"),
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        FREEZE_FRAME_HOME=home,
    )
    return env


def first_frame_seconds(scene: bool) -> float:
    """One fresh process: seconds from spawn to its first flipped frame."""
    code = CHILD.format(scene=scene, main=str(paths.MAIN))
    return seconds_to_first_frame([sys.executable, "-c", code], paths.ROOT, "the start-up child")


def seconds_to_first_frame(command: list[str], cwd: Path | None, what: str) -> float:
    """Run `command` in a throwaway home and time it from spawn to the first-frame time it
    prints last (a `time.monotonic()` reading, which children share with this process).
    `cwd` None runs it in that home. Shared by the game's and the one-file app's start-ups."""
    with tempfile.TemporaryDirectory(prefix="ff-bench-") as home:
        start = time.monotonic()
        done = subprocess.run(
            command,
            cwd=cwd or home,
            env=child_env(home),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{what} did not start: {done.stderr.strip()[-400:]}")
    return float(lines[-1]) - start


def measure(runs: int) -> dict[str, dict[str, float]]:
    """Median (and spread) of `runs` fresh starts, to the title and to a scene, in seconds."""
    out = {}
    for name, scene in (("title", False), ("scene", True)):
        times = [first_frame_seconds(scene) for _ in range(runs)]
        out[name] = {
            "median_s": statistics.median(times),
            "min_s": min(times),
            "max_s": max(times),
            "runs": runs,
        }
    return out
