"""Frame times of every screen a room watches, the floor they stand on, and the buzzer's delay.

Each screen is brought up by keyboard in the real game and held for `frames` frames (moving
the focus now and then, as a room would); every frame on that screen is timed whole. The
floor is a frame of only fill and flip at the same size, measured in the same run, so each
screen's figure can also be given as a multiple of it and compared across machines.

The buzzer's latency is counted from the moment the key event is posted to the end of the
first frame whose picture shows the freeze (the freeze menu drawn over the frozen stage).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pygame

from game.story.views import Phase
from game.ui.keymap import CHOOSES, Act
from game.ui.pilot import KEY_FOR, Pilot

from .drive import (
    back_to_title,
    first_open_option,
    new_driver,
    play_to_debrief,
    start_forum,
)
from .measure import Timing, summarise

#: Frames held on one state (one decision, one thought, one picker card) before moving on.
HOLD = 60
#: Frames between focus moves on a held menu (a room's "up a bit... that one").
NUDGE = 20
#: Frames per line when the speaker changes: a third of a second, a brisk clicker.
LINE_FRAMES = 20
#: Frames a line is up before the buzz: a sixth of a second, quicker than anyone reacts.
REACTION = 10


def floor(driver: Pilot, frames: int) -> Timing:
    """A frame of nothing but fill and flip, on the game's own window."""
    screen = driver.app.screen
    samples = []
    for i in range(frames):
        start = time.perf_counter()
        screen.fill((i & 1, 0, 0))
        pygame.display.flip()
        samples.append((time.perf_counter() - start) * 1000.0)
    return summarise(samples)


class Runs:
    """Forum runs of the shipped scenarios, one after another, for as long as a bench needs."""

    def __init__(self, driver: Pilot) -> None:
        self.d = driver
        self.scripts = itertools.cycle(driver.app.library.paths())

    def fresh(self) -> None:
        """Back to the title and into a forum run of the next scenario."""
        back_to_title(self.d)
        start_forum(self.d, next(self.scripts))

    def stage(self):
        stage = self.d.app.stack.find("stage")
        assert stage is not None
        return stage

    def to_line(self) -> None:
        """Move on (unmeasured) until a playing line is on stage, starting runs as needed."""
        for _ in range(1000):
            if self.d.name != "stage":
                self.fresh()
                continue
            view = self.stage().view
            if view.phase is Phase.PLAYING and view.line is not None:
                return
            if view.phase is Phase.DECIDING:
                self.d.press(CHOOSES[first_open_option(view.decision)])
            else:
                self.fresh()
        raise AssertionError("no playing line found")

    def advance(self) -> None:
        """Finish typing the line and go on (unmeasured)."""
        if self.stage().typing:
            self.d.press(Act.CONFIRM)
        self.d.press(Act.CONFIRM)

    def next_line(self) -> None:
        """On to the next playing line, past any decision."""
        self.advance()
        self.to_line()

    def to_decision(self) -> None:
        """Move on (unmeasured) until a decision is on stage."""
        for _ in range(1000):
            if self.d.name == "stage" and self.stage().view.phase is Phase.DECIDING:
                return
            if self.d.name == "stage" and self.stage().view.phase is Phase.PLAYING:
                self.advance()
            else:
                self.fresh()
        raise AssertionError("no decision found")


def typing(driver: Pilot, frames: int) -> list[float]:
    """The stage while a line types out (the steady state of a scene)."""
    runs, samples = Runs(driver), list[float]()
    runs.to_line()
    while len(samples) < frames:
        if runs.stage().typing and driver.name == "stage":
            samples.append(driver.frame())
        else:
            runs.next_line()
    return samples


def speaker_change(driver: Pilot, frames: int, changes: list[float]) -> list[float]:
    """The stage played briskly: a new line every LINE_FRAMES frames, every frame timed.

    The frames that bring on a line spoken by someone else (the set is recomposed, a new
    line is laid out) also go to `changes`, until there are `frames` of them.
    """
    runs, samples = Runs(driver), list[float]()
    runs.to_line()
    while len(samples) < frames or len(changes) < frames:
        stage = runs.stage()
        samples.extend(driver.frame() for _ in range(LINE_FRAMES - 2))
        if stage.typing:
            samples.append(driver.press(Act.CONFIRM))
        before = stage.view.speaker
        took = driver.press(Act.CONFIRM)
        samples.append(took)
        view = stage.view
        if driver.name == "stage" and view.line is not None and view.speaker != before:
            changes.append(took)
        runs.to_line()
    return samples


def freeze_visible(driver: Pilot) -> bool:
    return any(scene.name == "freeze" for scene in driver.app.stack.visible())


def freeze_held(driver: Pilot, frames: int, latency: list[tuple[int, float]]) -> list[float]:
    """The buzz, the freeze coming up, and the frozen stage held under the freeze menu.

    Each buzz's latency (frames, milliseconds from posting the event) goes to `latency`.
    """
    runs, samples = Runs(driver), list[float]()
    while len(samples) < frames:
        runs.to_line()
        for _ in range(REACTION):
            driver.frame()
        start = time.perf_counter()
        driver.post_key(KEY_FOR[Act.BUZZ])
        count = 0
        while not freeze_visible(driver) and count < 10:
            samples.append(driver.frame())
            count += 1
        latency.append((count, (time.perf_counter() - start) * 1000.0))
        samples.extend(driver.frame() for _ in range(HOLD - 1))
        driver.pick("resume")
        runs.next_line()
    return samples


def hot_seat(driver: Pilot, frames: int) -> list[float]:
    """The freeze menu's hot-seat page with a character's thought bubble up."""
    runs, samples = Runs(driver), list[float]()
    while len(samples) < frames:
        runs.to_line()
        driver.press(Act.BUZZ)
        for index in range(len(runs.stage().view.actors)):
            driver.pick("hotseat")
            samples.append(driver.press(CHOOSES[min(index, 3)]))
            samples.extend(driver.frame() for _ in range(HOLD - 1))
            driver.press(Act.CONFIRM)  # back to the freeze menu
        driver.pick("resume")
        runs.next_line()
    return samples


def decision(driver: Pilot, frames: int) -> list[float]:
    """Decision option cards, the focus moving between them now and then."""
    runs, samples = Runs(driver), list[float]()
    while len(samples) < frames:
        runs.to_decision()
        samples.extend(_held(driver, (Act.RIGHT, Act.LEFT)))
        runs.to_line()
    return samples


def debrief(driver: Pilot, frames: int) -> list[float]:
    """The debrief's criteria chart, after a whole run of each scenario in turn."""
    runs, samples = Runs(driver), list[float]()
    while len(samples) < frames:
        runs.fresh()
        play_to_debrief(driver, typed_frames=0)
        assert driver.name == "debrief"
        samples.append(driver.press(Act.CHOOSE_2))
        samples.extend(driver.frame() for _ in range(HOLD - 1))
    return samples


def picker(driver: Pilot, frames: int) -> list[float]:
    """The scenario picker, the focus moving down and up its list."""
    back_to_title(driver)
    driver.pick("start")
    samples: list[float] = []
    while len(samples) < frames:
        samples.extend(_held(driver, (Act.DOWN, Act.DOWN, Act.UP, Act.UP)))
    return samples


def _held(driver: Pilot, moves: tuple[Act, ...]) -> Iterator[float]:
    """HOLD frames on the top screen, pressing the next of `moves` every NUDGE frames."""
    keys = itertools.cycle(moves)
    for i in range(HOLD):
        yield driver.press(next(keys)) if i and i % NUDGE == 0 else driver.frame()


@dataclass
class FrameFigures:
    """The floor, each screen's frame times, the speaker-change frames alone, and each buzz
    as (frames, milliseconds from posting the event to the end of the frame showing it)."""

    floor: Timing
    screens: dict[str, Timing]
    changes: Timing
    buzzes: list[tuple[int, float]]


def measure(size: tuple[int, int], frames: int) -> FrameFigures:
    """Every screen's frame times and the buzzer's latency, in one game at `size`."""
    driver = new_driver(size)
    driver.frame()
    base = floor(driver, frames)
    buzzes: list[tuple[int, float]] = []
    changes: list[float] = []
    #: Screen name -> what brings it up and holds it, in the order the table shows them.
    screens: dict[str, Callable[[Pilot, int], list[float]]] = {
        "stage, line typing": typing,
        "stage, speaker changes": lambda d, n: speaker_change(d, n, changes),
        "freeze overlay, up and held": lambda d, n: freeze_held(d, n, buzzes),
        "hot-seat thought bubble": hot_seat,
        "decision option cards": decision,
        "debrief with chart": debrief,
        "scenario picker": picker,
    }
    timings = {name: summarise(bench(driver, frames)[:frames]) for name, bench in screens.items()}
    back_to_title(driver)
    return FrameFigures(base, timings, summarise(changes[:frames]), buzzes)
