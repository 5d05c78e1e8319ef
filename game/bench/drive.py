"""The real game, headless, driven by posted key events and a fake clock, each frame timed.

The benchmark measures the game a facilitator runs, not a model of it: `App.frame` reads the
events from pygame's queue, the scenes handle them, time passes by a fixed `dt` (nothing
sleeps), the stack draws and the display flips. Only the frame call is timed, with
`time.perf_counter` (monotonic, high resolution); setting up a screen is not.

Input is the keyboard alone, through the same key table players use, so a benchmark run
also walks the paths a keyboard-only player walks.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pygame

from game.story.views import Phase
from game.ui.app import SCRIPTS_DIR, App
from game.ui.keymap import CHOOSES, KEYS, Act
from game.ui.screens import registry
from game.ui.settings import Settings

#: One frame at 60 frames a second: the fake clock's step.
DT = 1 / 60
#: The first key bound to each action: what `press(act)` sends.
KEY_FOR: dict[Act, int] = {}
for _key, _act in KEYS.items():
    KEY_FOR.setdefault(_act, _key)


class Driver:
    """One game at `size`, started on the title screen; auto-advance off (keys move it on)."""

    def __init__(self, size: tuple[int, int], scripts_dir: Path = SCRIPTS_DIR) -> None:
        settings = Settings(window=size, auto_advance=False)
        self.app = App(size, settings=settings, strict=True, persist=False, scripts_dir=scripts_dir)
        pygame.event.clear()
        self.app.start("title")
        # As the game's loop does once the title is up: no measured frame waits for an import.
        self.app.frame(DT)
        registry.preload()

    @property
    def top(self) -> Any:  # the bench reaches into whichever scene it is: a menu, a view
        top = self.app.stack.top
        assert top is not None, "no scene open"
        return top

    @property
    def name(self) -> str:
        return self.top.name

    def post(self, act: Act) -> None:
        """A key press and release for `act`, queued for the next frame to read."""
        key = KEY_FOR[act]
        for kind in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))

    def frame(self) -> float:
        """One whole frame (events, update, draw, flip); its wall time in milliseconds."""
        start = time.perf_counter()
        self.app.frame(DT)
        return (time.perf_counter() - start) * 1000.0

    def press(self, act: Act) -> float:
        """Press the key for `act` and run the frame that answers it; that frame's time."""
        self.post(act)
        return self.frame()

    def pick(self, key: str) -> None:
        """Choose the item whose key is `key` in the top scene's menu, by arrows and Enter."""
        menu = self.top.menu
        index = [item.key for item in menu.items].index(key)
        for _ in range(len(menu.items) * 2 + 2):
            if menu.focus == index:
                break
            self.press(menu.step_towards(index))
        if menu.focus != index:
            raise AssertionError(f"could not move the focus to {key!r} on {self.name}")
        self.press(Act.CONFIRM)


def start_forum(driver: Driver, script: str, room: str = "facilitator") -> None:
    """From the title to the first line of a forum run of `script` (a path), by keyboard."""
    driver.pick("start")
    driver.pick(script)
    driver.pick(room)
    driver.pick("forum")
    assert driver.name == "stage", f"expected the stage, got {driver.name}"


def back_to_title(driver: Driver) -> None:
    """Esc until the title is on top (every screen's Esc goes back or pauses towards it)."""
    for _ in range(10):
        if driver.name == "title":
            return
        if driver.name == "pause":
            driver.pick("title")
        else:
            driver.press(Act.PAUSE)
    raise AssertionError(f"could not get back to the title from {driver.name}")


def first_open_option(point) -> int:
    return next(o.index for o in point.options if o.available)


def play_to_debrief(driver: Driver, typed_frames: int = 4, limit: int = 5000) -> None:
    """Play the forum run on stage to the debrief, as a room would: let each line type for
    a few frames, freeze at every intervention point (hot-seat the first character, then
    redirect to the first open option) and take the first open option at each decision."""
    redirected: set[str] = set()
    for _ in range(limit):
        name = driver.name
        if name == "feedback":
            driver.press(Act.CONFIRM)
            continue
        if name != "stage":
            return
        stage = driver.top
        view = stage.view
        if view.phase is Phase.ENDED:
            driver.press(Act.CONFIRM)
        elif view.phase is Phase.DECIDING:
            driver.press(CHOOSES[first_open_option(view.decision)])
        elif view.line and view.line.intervention and view.line.intervention not in redirected:
            redirected.add(view.line.intervention)
            hot_seat_and_redirect(driver)
        else:
            for _ in range(typed_frames):
                driver.frame()
            driver.press(Act.CONFIRM)  # finish typing (or advance, if it already had)
            if stage.view is view:
                driver.press(Act.CONFIRM)
    raise AssertionError("the run did not reach its debrief")


def hot_seat_and_redirect(driver: Driver) -> None:
    """Buzz; hear the first character's thoughts; redirect to the first open option."""
    driver.press(Act.BUZZ)
    assert driver.name == "freeze", f"the buzz did not freeze ({driver.name})"
    driver.pick("hotseat")
    driver.press(Act.CHOOSE_1)
    driver.press(Act.CONFIRM)  # back to the freeze menu
    view = driver.top.stage.view
    if "redirect" in view.allowed:
        driver.pick("redirect")
        driver.press(CHOOSES[first_open_option(view.redirect)])
    else:
        driver.pick("resume")
