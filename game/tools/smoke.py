"""`main.py smoke [--seconds S] [--first-frame]`: the game itself, headless, for a few seconds.

Made for the one-file app, which has no Python beside it to run tests with: CI starts the
built app with `smoke` to show that it opens, shows the title, and plays a scene. The real
game runs, with real time and keys posted as a player presses them: the title for half the
time, then the first shipped scenario (facilitator, forum run), lines moving on with Enter.
Records go to a throwaway folder and the dummy video and audio drivers are used unless
SDL_VIDEODRIVER / SDL_AUDIODRIVER say otherwise, so it runs on a machine with no display
and writes nothing among a facilitator's files. It ends by itself; the exit status says
whether all went well.

`--first-frame` prints `time.monotonic()` as the title's first frame is flipped, and stops:
`main.py bench` starts the app with it to time start-up to the title.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pygame

    from game.ui.pilot import Pilot

#: At most this long, whatever is asked: it is a smoke test, not a session.
MAX_SECONDS = 60.0
FPS = 60
ENTER_EVERY = 30  # frames between presses of Enter on stage (a line every half second)
#: However busy the machine, each part runs at least this many frames (three Enters).
MIN_FRAMES = 3 * ENTER_EVERY


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="main.py smoke", description="Run the game headless for a few seconds."
    )
    parser.add_argument("--seconds", type=float, default=4.0, help="how long (default 4)")
    parser.add_argument(
        "--first-frame", action="store_true", help="print when the title's first frame shows"
    )
    args = parser.parse_args(argv)
    seconds = max(0.5, min(MAX_SECONDS, args.seconds))
    with tempfile.TemporaryDirectory(prefix="ff-smoke-") as home:
        from game.tools.bench import headless

        headless(home)
        return _run(seconds, args.first_frame)


def _run(seconds: float, first_frame: bool) -> int:
    import pygame

    from game.bench.drive import new_driver, start_forum
    from game.ui.keymap import Act
    from game.ui.screens.stage import StageScene

    driver = new_driver((1280, 720))
    driver.app.frame(0.0, [])
    if first_frame:
        print(time.monotonic(), flush=True)
        return 0
    clock = pygame.time.Clock()
    began = time.monotonic()
    title_frames = _frames_for(driver, seconds / 2, clock, enter=False)
    if driver.name != "title":
        print(f"smoke: the title went away by itself (now {driver.name})", file=sys.stderr)
        return 1
    script = driver.app.library.paths()[0]
    start_forum(driver, script)
    stage = driver.top
    assert isinstance(stage, StageScene), f"expected the stage, got {driver.name}"
    stage_frames = _frames_for(driver, seconds / 2, clock, enter=True)
    lines = sum(1 for e in stage.rt.events if e.kind == "line")
    if lines < 2:
        print(f"smoke: the scene did not play (only {lines} line shown)", file=sys.stderr)
        return 1
    driver.press(Act.PAUSE)
    print(
        f"smoke: the title ({title_frames} frames), then {stage.rt.script.title!r} on stage "
        f"({stage_frames} frames, {lines} lines shown) in {time.monotonic() - began:.1f} s: "
        f"all well ({pygame.display.get_driver()} video driver)"
    )
    driver.app.quit()
    pygame.quit()
    return 0


def _frames_for(driver: Pilot, seconds: float, clock: pygame.time.Clock, enter: bool) -> int:
    """Real frames at up to 60 a second for `seconds` (and at least MIN_FRAMES, within
    MAX_SECONDS); on stage, Enter every half second."""
    from game.ui.keymap import Act
    from game.ui.pilot import KEY_FOR

    frames = 0
    start = time.monotonic()
    end = start + seconds
    while (
        time.monotonic() < end or frames < MIN_FRAMES
    ) and time.monotonic() - start < MAX_SECONDS:
        if enter and frames % ENTER_EVERY == ENTER_EVERY - 1 and driver.name == "stage":
            driver.post_key(KEY_FOR[Act.CONFIRM])
        driver.app.frame(clock.tick(FPS) / 1000.0)
        frames += 1
    return frames


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
