"""The one-file app beside `python3 main.py`: its size, and its start-up to the title.

Both are started the same way, as fresh processes running `smoke --first-frame` (the real
title screen, headless, printing `time.monotonic()` when its first frame is flipped), so the
difference is what the app adds: unpacking itself into a temporary folder before Python
starts. No app built (it is made by `python3 main.py build`, a minute or two): a note says
so and the rest of the bench goes on.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from typing import Any

from game.paths import MAIN
from game.tools.build import app_path

from .startup import seconds_to_first_frame


def first_title_frame(command: list[str]) -> float:
    """Seconds from spawning `command ... smoke --first-frame` to the title's first frame."""
    return seconds_to_first_frame([*command, "smoke", "--first-frame"], None, command[0])


def measure(runs: int, app: Path | None = None) -> dict[str, Any]:
    """Size and median start-up of the built app and of `python3 main.py`, or a note."""
    app = app or app_path()
    if not app.is_file():
        return {
            "built": False,
            "note": f"no one-file app at {app}; `python3 main.py build` makes one (skipped)",
        }
    python = [sys.executable, str(MAIN)]
    app_times = [first_title_frame([str(app)]) for _ in range(runs)]
    python_times = [first_title_frame(python) for _ in range(runs)]
    return {
        "built": True,
        "path": str(app),
        "size_mib": app.stat().st_size / 2**20,
        "title_median_s": statistics.median(app_times),
        "title_max_s": max(app_times),
        "python_title_median_s": statistics.median(python_times),
        "runs": runs,
    }
