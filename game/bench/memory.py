"""Memory through whole playthroughs: the peak, and whether it grows from one round to the next.

A round plays every shipped scenario from the title to its debrief through the real game
(keyboard only; lines typing, a freeze with a hot-seat and a redirect at every intervention
point, every debrief page), then returns to the title. A cache without a bound, or a scene
that is never let go, shows as resident memory that keeps climbing round after round.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import subprocess
import sys
import tempfile

from game import paths
from game.ui.keymap import CHOOSES
from game.ui.pilot import Pilot

from .drive import back_to_title, new_driver, play_to_debrief, start_forum
from .startup import child_env

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident_mib() -> float:
    """Resident memory now (Linux: /proc/self/statm), or the peak where that is unavailable."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * _PAGE / 2**20
    except OSError:
        return peak_mib()


def peak_mib() -> float:
    """The process's peak resident memory so far.

    Linux: VmHWM from /proc/self/status, the peak of this program alone (ru_maxrss also
    counts the parent's memory copied at fork, before exec: 2 GB after the big-script bench).
    Elsewhere ru_maxrss (KiB on Linux, bytes on macOS).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def play_round(driver: Pilot) -> None:
    """Every shipped scenario once, title to debrief (all four pages) and back."""
    for path in driver.app.library.paths():
        start_forum(driver, path)
        play_to_debrief(driver)
        for choose in CHOOSES:
            driver.press(choose)
        back_to_title(driver)


def measure(size: tuple[int, int], rounds: int) -> dict:
    """Resident memory after each of `rounds` rounds, the peak, and the growth after the first.

    The first round fills the caches (fonts, figures, backdrops, text); growth is measured
    from its end to the end of the last, so bounded caches show as flat (a step of a few
    MiB is the allocator taking another arena, not a leak: a leak grows every round).
    """
    driver = new_driver(size)
    driver.frame()
    after = []
    for _ in range(rounds):
        play_round(driver)
        gc.collect()
        after.append(resident_mib())
    growth = after[-1] - after[0]
    return {
        "rounds": rounds,
        "scenarios": len(driver.app.library.paths()),
        "resident_after_each_mib": after,
        "peak_mib": peak_mib(),
        "growth_after_first_mib": growth,
        "growth_per_round_mib": growth / (rounds - 1) if rounds > 1 else 0.0,
        "growth_after_first_pct": 100.0 * growth / after[0],
    }


def measure_fresh(size: tuple[int, int], rounds: int) -> dict:
    """`measure` in a new process, so the peak is the game's alone (not the benchmark's,
    which has held a 30 MB script's parse by then)."""
    with tempfile.TemporaryDirectory(prefix="ff-bench-") as home:
        done = subprocess.run(
            [sys.executable, "-m", "game.bench.memory", f"{size[0]}x{size[1]}", str(rounds)],
            cwd=paths.ROOT,
            env=child_env(home),
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the memory child failed: {done.stderr.strip()[-600:]}")
    return json.loads(done.stdout)


if __name__ == "__main__":
    width, height = (int(n) for n in sys.argv[1].split("x"))
    print(json.dumps(measure((width, height), int(sys.argv[2]))))
