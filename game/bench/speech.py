"""Spoken lines never stall a frame: the stage's frame times with speech on and with it off.

Speech is synthesised by the platform's engine (eSpeak NG on Linux) in a worker thread; the
frame loop only queues a line and, when its audio is ready, turns the samples into a sound
and plays it (`game.ui.speech`). So the frames to watch are those of a line on stage while
the worker is synthesising it, and the frame that picks the finished audio up.

The same forum runs are played twice, by keyboard, in two fresh games: first with spoken
lines on, holding each line on stage until its sound has started playing (as a room waits for
a line to be heard) and a little longer, every frame timed; then with speech off, holding
each line for exactly as many frames as it had with speech, so both columns time the same
screens. Unlike the other frame benches, frames here keep the game's pace (60 a second, the
wait between them untimed, as the real loop's clock sleeps): synthesis runs in real time, so
stepping frames flat out would let a line's synthesis overlap only a handful of them.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, replace

from game.ui.keymap import Act
from game.ui.pilot import Pilot

from .drive import back_to_title, new_driver
from .frames import Runs
from .measure import Timing, summarise

#: Wall-clock bound on holding one line for its sound (a stuck engine must not hang the bench).
HOLD_LIMIT_S = 20.0
#: Frames a line stays up once its sound has started (or, with nothing to say, at all).
AFTER = 12


@dataclass
class SpeechFigures:
    """Frame times of the same lines with and without speech, and what the engine did."""

    spoken: Timing
    silent: Timing
    lines: int
    queued: int
    started: int
    engine: str

    def as_dict(self) -> dict:
        return {
            "spoken": self.spoken.as_dict(),
            "silent": self.silent.as_dict(),
            "lines": self.lines,
            "queued": self.queued,
            "started": self.started,
            "engine": self.engine,
        }


def _speaking_driver(size: tuple[int, int], speak: bool) -> Pilot:
    driver = new_driver(size)
    if speak:
        driver.app.change_settings(replace(driver.app.settings, speak_lines=True))
    return driver


class _Paced:
    """Frames at the game's own pace, 60 a second: the worker synthesises in real time, so
    a line's synthesis overlaps the frames it would overlap in a room. Only the frame is
    timed; the wait after it (where the real loop's clock would sleep) is not."""

    def __init__(self, driver: Pilot) -> None:
        self.driver = driver
        self.next = time.perf_counter()

    def frame(self) -> float:
        took = self.driver.frame()
        self.next = max(self.next + 1 / 60, time.perf_counter())
        time.sleep(max(0.0, self.next - time.perf_counter()))
        return took


def _play(
    driver: Pilot, lines: int, held: list[int] | None = None
) -> tuple[list[float], list[int]]:
    """`lines` lines of forum runs by keyboard, every frame timed (the key presses that bring
    each line on, which queue its speech, too). With `held` None each line stays up until its
    sound has started, and AFTER more frames while it plays; a line that queued nothing to
    say (a stage direction) stays AFTER frames. Otherwise each line stays `held[i]` frames.
    Returns the frame times and how many frames each line was up."""
    runs, pace, samples, counts = Runs(driver), _Paced(driver), list[float](), list[int]()
    speech = driver.app.speech
    queued = speech.queued
    runs.to_line()
    for index in range(lines):
        count = 0
        if held is not None:
            want = held[index]
        elif speech.queued > queued:
            heard, deadline = speech.started, time.monotonic() + HOLD_LIMIT_S
            while speech.started == heard and time.monotonic() < deadline:
                samples.append(pace.frame())
                count += 1
            want = count + AFTER
        else:
            want = AFTER
        while count < want:
            samples.append(pace.frame())
            count += 1
        counts.append(count)
        queued = speech.queued
        stage = runs.stage()
        if stage.typing:
            samples.append(driver.press(Act.CONFIRM))
        samples.append(driver.press(Act.CONFIRM))  # the next line comes on: its speech queued
        runs.to_line()
    return samples, counts


def measure(size: tuple[int, int], frames: int) -> SpeechFigures | str:
    """The stage's frames with spoken lines and without, or why speech could not be measured
    (no engine installed: the game runs silent, and the bench says so)."""
    driver = _speaking_driver(size, speak=True)
    speech = driver.app.speech
    if not speech.wait_ready(60.0) or speech.problem:
        back_to_title(driver)
        return speech.problem or "the speech engine did not start within a minute"
    lines = max(2, frames // 100)
    spoken, held = _play(driver, lines)
    queued, started = speech.queued, speech.started
    back_to_title(driver)
    speech.close()
    # The last key press queued one more line: let the engine finish it now, so its work
    # does not land in the silent run's frames measured next.
    speech.wait_produced(HOLD_LIMIT_S)
    silent, _counts = _play(_speaking_driver(size, speak=False), lines, held)
    return SpeechFigures(
        summarise(spoken),
        summarise(silent),
        lines=len(held),
        queued=queued,
        started=started,
        engine="pyttsx3 " + _engine_name(),
    )


def _engine_name() -> str:
    """The engine pyttsx3 drives here (eSpeak NG on Linux), for the table."""
    return {"win32": "SAPI5", "darwin": "NSSpeechSynthesizer"}.get(sys.platform, "eSpeak NG")
