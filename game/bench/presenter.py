"""Frame times with the presenter view open: the stage window and the presenter's together.

The stage (at the bench's size, 1920x1080 by default) is played as in `frames`: lines
typing, speakers changing briskly, buzzes and the frozen stage held; meanwhile the
presenter view (1280x800) follows every step. Each sample is one whole frame of the app,
so it counts the presenter's redraws (a new line, a page, the clock's second) and its flip
as well as the stage's: what the stage window waits for with the presenter open.

The project's machines are shared, and wall-clock frame times swing with the other jobs
running. So the same play is also timed in this thread's CPU time, with the presenter open
and without it, in one run: the difference between those two is what the presenter costs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from game.ui import presenter
from game.ui.pilot import Pilot

from .drive import back_to_title, new_driver
from .frames import freeze_held, speaker_change, typing
from .measure import Timing, summarise

#: The presenter window's size in the bench: a common laptop screen.
PRESENTER_SIZE = (1280, 800)


@dataclass
class PresenterFigures:
    """Whole frames with the presenter open (wall clock and CPU time), the same play's CPU
    time with no presenter, and the most frames any buzz took to show the freeze."""

    wall: Timing
    cpu: Timing
    cpu_alone: Timing
    buzz_frames_max: int


def _play(driver: Pilot, frames: int, buzzes: list[tuple[int, float]]) -> Timing:
    samples = typing(driver, frames)[:frames]
    samples += speaker_change(driver, frames, [])[:frames]
    samples += freeze_held(driver, frames, buzzes)[:frames]
    back_to_title(driver)
    return summarise(samples)


def measure(size: tuple[int, int], frames: int) -> PresenterFigures:
    """Typing, speaker changes and freezes, `frames` frames each, with the presenter open
    (wall clock, then CPU time) and without it (CPU time)."""
    driver = new_driver(size)
    driver.frame()
    buzzes: list[tuple[int, float]] = []
    driver.timer = time.thread_time
    alone = _play(driver, frames, [])
    presenter.open_view(driver.app, PRESENTER_SIZE)
    cpu = _play(driver, frames, buzzes)
    driver.timer = time.perf_counter
    wall = _play(driver, frames, buzzes)
    presenter.close(driver.app)
    return PresenterFigures(wall, cpu, alone, max(count for count, _ in buzzes))
