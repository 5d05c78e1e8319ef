"""The real game, headless, driven by posted key events and a fake clock, each frame timed.

The benchmark measures the game a facilitator runs, not a model of it: `App.frame` reads the
events from pygame's queue, the scenes handle them, time passes by a fixed `dt` (nothing
sleeps), the stack draws and the display flips. Only the frame call is timed, with
`time.perf_counter` (monotonic, high resolution); setting up a screen is not.

Input is the keyboard alone, through the same key table players use, so a benchmark run
also walks the paths a keyboard-only player walks. The driver is the tests' own
(`game.ui.pilot.Pilot`), so the bench and the tests cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

from game.story.views import Phase
from game.ui.app import SCRIPTS_DIR
from game.ui.keymap import CHOOSES, Act
from game.ui.pilot import Pilot
from game.ui.settings import Settings


def new_driver(size: tuple[int, int], scripts_dir: Path = SCRIPTS_DIR) -> Pilot:
    """The tests' pilot as the bench drives it: one game at `size`, animated as a room sees
    it, saving no settings, started on the title; auto-advance off (keys move it on)."""
    return Pilot(
        size,
        settings=Settings(window=size, auto_advance=False),
        animate=True,
        scripts_dir=scripts_dir,
        persist=False,
    )


def start_forum(driver: Pilot, script: str, room: str = "facilitator") -> None:
    """From the title to the first line of a forum run of `script` (a path), by keyboard."""
    driver.pick("start")
    driver.pick(script)
    driver.pick(room)
    driver.seat()  # a scenario with roles to play asks whose shoes first: the manager's
    driver.pick("forum")
    assert driver.name == "stage", f"expected the stage, got {driver.name}"


def back_to_title(driver: Pilot) -> None:
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


def play_to_debrief(driver: Pilot, typed_frames: int = 4, limit: int = 5000) -> None:
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


def hot_seat_and_redirect(driver: Pilot) -> None:
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
