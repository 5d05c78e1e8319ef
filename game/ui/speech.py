"""Spoken lines and self-voicing, through the platform's own speech engine, never in a frame.

A projected scene feels acted when its lines are heard, and a learner who cannot read the
screen from where they sit needs the menus and cards read out too. pyttsx3 reaches the
platform's engine (SAPI5 on Windows, NSSpeechSynthesizer on macOS, eSpeak NG on Linux); it
only *synthesises* here, into a WAV, in a worker thread that owns the engine. The frame loop
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

import contextlib
import io
import logging
import os
import queue
import sys
import tempfile
import threading
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.i18n import _

log = logging.getLogger(__name__)

#: Words per minute of the narrator; characters vary round it.
BASE_RATE = 165
#: Rate and pitch steps given to characters beyond the number of distinct voices.
_RATE_STEPS = (0, -15, 15, -25, 25)
_PITCH_STEPS = (50, 35, 65, 25, 75)


@dataclass(frozen=True)
class Voice:
    """How one speaker sounds: an engine voice id (or None for the default), rate, pitch."""

    voice_id: str | None
    rate: int
    pitch: int


@dataclass(frozen=True)
class _Job:
    generation: int
    text: str
    speaker: int
    language: str
    #: The mixer's (frequency, channels): the worker hands back samples ready to play.
    mixer: tuple[int, int]


def to_mixer(wav: bytes, rate: int, channels: int) -> bytes:
    """A 16-bit WAV's samples as signed 16-bit frames at `rate` with `channels` channels.

    Done in the worker so that the frame only wraps the bytes in a Sound (about 0.1 ms):
    letting SDL convert a file costs about 5 ms, a stutter on a projector. Rates that divide
    evenly (22,050 Hz to 44,100 Hz, eSpeak's case) repeat samples in C; others take the
    nearest sample, which is plenty for speech.
    """
    with wave.open(io.BytesIO(wav)) as reader:
        width, source_channels = reader.getsampwidth(), reader.getnchannels()
        source_rate, frames = reader.getframerate(), reader.readframes(reader.getnframes())
    if width == 1:  # 8-bit WAVs are unsigned
        samples = array("h", ((b - 128) << 8 for b in frames))
    elif width == 2:
        samples = array("h", frames)
        if sys.byteorder == "big":
            samples.byteswap()
    else:
        raise ValueError(f"{width * 8}-bit speech audio is not supported")
    mono = samples[::source_channels] if source_channels > 1 else samples
    if rate % source_rate == 0:
        step = rate // source_rate
        resampled = array("h", bytes(2 * len(mono) * step))
        for offset in range(step):
            resampled[offset::step] = mono
    else:
        count = len(mono) * rate // source_rate
        resampled = array("h", (mono[i * source_rate // rate] for i in range(count)))
    out = array("h", bytes(2 * len(resampled) * channels))
    for channel in range(channels):
        out[channel::channels] = resampled
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def pick_voice(index: int, voice_ids: list[str]) -> Voice:
    """The voice for the speaker at `index` (the narrator is -1): distinct while voices last,
    then the same voices again at another rate and pitch, so no two neighbours sound alike."""
    if index < 0 or not voice_ids:
        return Voice(voice_ids[0] if voice_ids else None, BASE_RATE, _PITCH_STEPS[0])
    voice = voice_ids[index % len(voice_ids)]
    variant = (index // len(voice_ids) + index) % len(_RATE_STEPS)
    return Voice(voice, BASE_RATE + _RATE_STEPS[variant], _PITCH_STEPS[variant])


def _voices_for(engine: object, language: str) -> list[str]:
    """The engine's voice ids for `language` ("en", "cy"), British English voices first."""
    found: list[str] = []
    for voice in engine.getProperty("voices"):  # type: ignore[attr-defined]
        languages = [str(lang).lower() for lang in (voice.languages or [])]
        ident = str(voice.id).lower()
        if any(lang.startswith(language) for lang in languages) or ident.endswith(f"/{language}"):
            found.append(voice.id)
    return sorted(found, key=lambda ident: "en-gb" not in str(ident).lower())


class _Engine:
    """The one speech engine of the process, in its own thread. Engines such as eSpeak can
    be started only once per process and are not safe to use from two threads, so every
    `Speech` (one per app; tests make many) hands its jobs to this one worker."""

    def __init__(self) -> None:
        self.problem = ""
        #: The engine's voices for each language asked for, listed once.
        self.voices: dict[str, list[str]] = {}
        self.ready = threading.Event()
        self.jobs: queue.Queue[tuple[Speech, _Job]] = queue.Queue()
        self.thread = threading.Thread(target=self._work, name="speech", daemon=True)
        self.thread.start()

    def _work(self) -> None:
        try:
            import pyttsx3  # type: ignore[import-untyped]  # ships no type information

            engine = pyttsx3.init()
        except Exception as exc:  # no engine, no library, a broken driver: run silent
            self.problem = _("No speech engine could be started ({reason}).").format(
                reason=f"{exc.__class__.__name__}: {exc}"
            )
            self.ready.set()
            return
        self.ready.set()
        fd, name = tempfile.mkstemp(prefix="freeze-frame-speech-", suffix=".wav")
        os.close(fd)
        wav = Path(name)
        try:
            while True:
                speech, job = self.jobs.get()
                if job.generation == speech.generation:  # not cancelled while it waited
                    speech.finished(job, self._synthesise(engine, job, wav))
        finally:
            wav.unlink(missing_ok=True)

    def _synthesise(self, engine: object, job: _Job, wav: Path) -> bytes | None:
        """`job` spoken into samples in the mixer's format, or None if the engine failed.
        No pygame call here: the mixer is only ever touched from the frame loop's thread."""
        try:
            if job.language not in self.voices:
                self.voices[job.language] = _voices_for(engine, job.language)
            voice = pick_voice(job.speaker, self.voices[job.language])
            if voice.voice_id:
                engine.setProperty("voice", voice.voice_id)  # type: ignore[attr-defined]
            engine.setProperty("rate", voice.rate)  # type: ignore[attr-defined]
            with contextlib.suppress(KeyError, ValueError):  # not every engine has pitch
                engine.setProperty("pitch", voice.pitch)  # type: ignore[attr-defined]
            # eSpeak's driver prints "Audio saved to ..." for every file; keep the terminal clean.
            with contextlib.redirect_stdout(io.StringIO()):
                engine.save_to_file(job.text, str(wav))  # type: ignore[attr-defined]
                engine.runAndWait()  # type: ignore[attr-defined]
            return to_mixer(wav.read_bytes(), *job.mixer)
        except Exception:  # one line the engine could not say: skip it, go on
            log.warning("the speech engine could not say %r", job.text[:80], exc_info=True)
            return None


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
