"""Spoken lines and self-voicing, through the platform's own speech engine, never in a frame.

A projected scene feels acted when its lines are heard, and a learner who cannot read the
screen from where they sit needs the menus and cards read out too. pyttsx3 reaches the
platform's engine (SAPI5 on Windows, NSSpeechSynthesizer on macOS, eSpeak NG on Linux); it
only *synthesises* here, into a WAV, in the engine's own child process (`speech_engine`: a
crash inside the engine costs one line, not the game), fed by one worker thread. The frame loop
never waits on it: `update` picks up finished audio without blocking and plays it through the
game's own mixer on a reserved channel, so volume and mute apply, and a buzz silences it at
once (`cancel` stops the channel in the same frame and drops everything queued before it).

Each character gets a voice of its own: the engine's voices for the language, and where there
are fewer voices than characters, a different rate and pitch. With no engine installed (or no
audio device) `problem` says so in words, the settings screen shows it, and the game runs
silent.

Usage::

    speech = Speech(language="en")
    speech.line("tom", 2, "I'm fine. Honestly.")   # a character's line (cast index 2)
    speech.say("Settings. Text size: 100%")        # self-voicing: what has the focus
    speech.cancel()                                # the buzz
    speech.update()                                # every frame: starts what is ready
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

import pygame

from game.i18n import _
from game.ui import speech_engine
from game.ui.speech_engine import pick_voice, to_mixer

log = logging.getLogger(__name__)

__all__ = ["Speech", "pick_voice", "to_mixer"]


@dataclass(frozen=True)
class _Job:
    generation: int
    text: str
    speaker: int
    language: str
    #: The mixer's (frequency, channels): the worker hands back samples ready to play.
    mixer: tuple[int, int]


class _Engine:
    """The one speech engine of the process, behind one worker thread. Engines such as eSpeak
    can be started only once per process and are not safe to use from two threads, so every
    `Speech` (one per app; tests make many) hands its jobs to this one worker, which passes
    them on to the engine's own child process (`speech_engine`) and waits there, never in a
    frame. If the child dies mid-line, that line is skipped and a new child is started."""

    def __init__(self) -> None:
        self.problem = ""
        self.ready = threading.Event()
        self.jobs: queue.Queue[tuple[Speech, _Job]] = queue.Queue()
        self._child: BaseProcess | None = None
        self._conn: Connection | None = None
        self.thread = threading.Thread(target=self._work, name="speech", daemon=True)
        self.thread.start()

    def _work(self) -> None:
        problem = self._start_child()
        if problem:
            self.problem = _("No speech engine could be started ({reason}).").format(reason=problem)
            self.ready.set()
            return
        self.ready.set()
        while True:
            speech, job = self.jobs.get()
            if job.generation == speech.generation:  # not cancelled while it waited
                speech.finished(job, self._ask(job))

    def _start_child(self) -> str:
        """Start the engine's process; "" once its engine runs, else why it cannot."""
        try:
            context = multiprocessing.get_context("spawn")  # no fork of a threaded game
            self._conn, child_end = context.Pipe()
            self._child = context.Process(
                target=speech_engine.serve, args=(child_end,), name="speech", daemon=True
            )
            self._child.start()
            child_end.close()
            first = self._receive()
        except OSError as exc:  # no processes allowed (a locked-down laptop): run silent
            return f"{exc.__class__.__name__}: {exc}"
        if first is _DIED:
            return _("the speech process stopped as it started")
        return str(first)

    def _receive(self) -> object:
        """The child's next answer, or `_DIED` if it ended first (a crash inside the engine)."""
        assert self._conn is not None and self._child is not None
        while not self._conn.poll(0.5):
            if not self._child.is_alive():
                return _DIED
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            return _DIED

    def _ask(self, job: _Job) -> bytes | None:
        """`job`'s samples from the child, or None: a line it could not say, or one it died
        saying (then a new child takes the next line)."""
        assert self._conn is not None
        try:
            self._conn.send((job.text, job.speaker, job.language, job.mixer))
        except OSError:
            answer: object = _DIED
        else:
            answer = self._receive()
        if answer is _DIED:
            code = self._child.exitcode if self._child else None
            log.warning("the speech engine stopped (exit %s) saying %r", code, job.text[:80])
            problem = self._start_child()
            if problem:
                log.warning("the speech engine could not be restarted: %s", problem)
            return None
        return answer if isinstance(answer, bytes) else None


#: What `_Engine._receive` returns when the child ended before answering.
_DIED = object()


_ENGINE: _Engine | None = None
_ENGINE_LOCK = threading.Lock()


def _engine() -> _Engine:
    """The process's speech worker, started on first use."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            _ENGINE = _Engine()
        return _ENGINE


class Speech:
    """One app's speech: what it queued, what is ready, and the reserved channel it plays on."""

    def __init__(self, language: str = "en", volume: float = 0.8) -> None:
        self.language = language
        self.volume = volume
        self._problem = ""
        self._engine: _Engine | None = None
        self._done: queue.Queue[tuple[int, bytes]] = queue.Queue()
        self._mixer = (44100, 2)
        #: Jobs queued before a change of generation (a cancel) are dropped unspoken.
        self.generation = 0
        #: Released once for each finished sound: lets a test wait for the worker, not sleep.
        self._produced = threading.Semaphore(0)
        self._channel: pygame.mixer.Channel | None = None
        self._waiting: list[pygame.mixer.Sound] = []
        #: What self-voicing last read, so a held focus is not read again every frame.
        self._last_said = ""
        #: Counts for tests and the bench: lines queued, sounds started, cancels.
        self.queued = 0
        self.started = 0
        self.cancelled = 0

    @property
    def problem(self) -> str:
        """Why nothing will be heard, in words for the settings screen; "" when all is well."""
        return self._problem or (self._engine.problem if self._engine else "")

    def start(self) -> None:
        """Start (or join) the speech worker; the engine loads there, off the frame loop."""
        if self._engine is not None or self._problem:
            return
        mixer = pygame.mixer.get_init()
        if not mixer:
            self._problem = _("Speech needs a sound device, and none was found.")
            return
        if pygame.mixer.get_num_channels() < 2:
            pygame.mixer.set_num_channels(8)
        pygame.mixer.set_reserved(1)
        self._channel = pygame.mixer.Channel(0)
        # The reserved channel is this app's now: a line an earlier app in this process left
        # playing (one that was never quit) must not hold this app's first line back.
        self._channel.stop()
        frequency, _size, channels = mixer
        self._mixer = (frequency, channels)
        self._engine = _engine()

    def wait_ready(self, timeout: float) -> bool:
        """Block until the engine has loaded (or failed): for tests and the bench, not frames."""
        return self._engine is None or self._engine.ready.wait(timeout)

    def wait_produced(self, timeout: float) -> bool:
        """Block until the worker has finished one more job (a sound, or nothing it could
        say): for tests and the bench."""
        return self._produced.acquire(timeout=timeout)

    @property
    def last_said(self) -> str:
        """What self-voicing read last."""
        return self._last_said

    def finished(self, job: _Job, samples: bytes | None) -> None:
        """From the worker's thread: `job`'s samples are ready (None if the engine failed).

        A text the engine turns into no sound at all ("...", a lone dash) gives no samples:
        it is dropped here, because pygame crashes playing an empty Sound."""
        if samples:
            self._done.put((job.generation, samples))
        self._produced.release()  # finished, heard or not: a waiting test never hangs on it

    # ----- the frame loop's side --------------------------------------------------------

    def line(self, speaker_index: int, text: str) -> None:
        """Speak a character's line, after whatever is already being said."""
        self._queue(text, speaker_index)

    def say(self, text: str) -> None:
        """Self-voicing: read `text` now, cutting off what was being read."""
        if text == self._last_said:
            return
        self._last_said = text
        self.cancel()
        self._queue(text, -1)

    def _queue(self, text: str, speaker_index: int) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.start()
        if self._engine is None or self._engine.problem:
            return
        job = _Job(self.generation, text, speaker_index, self.language, self._mixer)
        self._engine.jobs.put((self, job))
        self.queued += 1

    def cancel(self) -> None:
        """Silence now (the buzz): stop the channel and forget everything queued so far."""
        self.generation += 1
        self._waiting.clear()
        while True:
            try:
                self._done.get_nowait()
            except queue.Empty:
                break
        if self._channel is not None and self._channel.get_busy():
            self._channel.stop()
        self.cancelled += 1

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def update(self) -> None:
        """Start the next finished sound when the channel is free. Never blocks."""
        while True:
            try:
                generation, samples = self._done.get_nowait()
            except queue.Empty:
                break
            if generation == self.generation:
                self._waiting.append(pygame.mixer.Sound(buffer=samples))
        channel = self._channel
        if channel is None or not self._waiting or channel.get_busy():
            return
        sound = self._waiting.pop(0)
        sound.set_volume(self.volume)
        channel.play(sound)
        self.started += 1

    @property
    def speaking(self) -> bool:
        """True while a sound plays or waits to play."""
        busy = self._channel is not None and self._channel.get_busy()
        return busy or bool(self._waiting)

    def close(self) -> None:
        """Silence this app's speech (at quit); the worker thread ends with the process."""
        self.cancel()
