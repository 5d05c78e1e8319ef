"""The freeze buzzer and two soft chimes, synthesised in code: no sound files, no licences.

A training room may have no speakers, and the build machines have no sound card at all:
`pygame.mixer.init()` then raises `pygame.error`. `Sounds` catches that and plays nothing,
so the game never depends on audio; with `SDL_AUDIODRIVER=dummy` it "plays" silently.

Usage::

    sounds = Sounds(volume=0.8, muted=False)   # once, at start-up (opens the mixer)
    sounds.prepare()                           # after the first picture: synthesises them
    sounds.play(BUZZ)                          # the freeze
    sounds.play(CHIME)                         # resume
    sounds.play(CHOICE)                        # an option picked
    sounds.set_volume(0.5); sounds.set_muted(True)
    sounds.available                           # False when there is no audio device
"""

from __future__ import annotations

import io
import math
import struct
import wave

import pygame

BUZZ, CHIME, CHOICE = "buzz", "chime", "choice"
_RATE = 22050
#: The mixer's output: a buffer of MIX_BUFFER samples at MIX_RATE delays every sound by
#: MIX_BUFFER / MIX_RATE seconds (11.6 ms), small beside a frame or two, so the buzz is heard
#: with the freeze it announces. The benchmark reports this figure.
MIX_RATE, MIX_BUFFER = 44100, 512


def _buzz(t: float) -> float:
    """A square-ish low buzz, like a quiz buzzer: two detuned tones, a sharp envelope."""
    env = min(1.0, t / 0.01) * max(0.0, 1 - t / 0.45)
    tone = math.sin(2 * math.pi * 150 * t) + 0.6 * math.sin(2 * math.pi * 226 * t)
    return 0.55 * env * max(-1.0, min(1.0, 2.2 * tone))


def _bell(pitches: tuple[float, ...], spacing: float, length: float):
    """A soft bell: each pitch with a quick attack and a long exponential fade."""

    def sample(t: float) -> float:
        total = 0.0
        for k, freq in enumerate(pitches):
            start = k * spacing
            if t >= start:
                u = t - start
                env = min(1.0, u / 0.008) * math.exp(-u * 5.5 / length)
                total += env * (
                    math.sin(2 * math.pi * freq * u) + 0.25 * math.sin(4 * math.pi * freq * u)
                )
        return 0.32 * total

    return sample


_VOICES = {
    BUZZ: (_buzz, 0.45),
    CHIME: (_bell((659.3, 987.8), 0.12, 0.9), 0.9),  # E5 then B5: "carry on"
    CHOICE: (_bell((784.0,), 0.0, 0.45), 0.45),  # one G5: "noted"
}


def synthesise_wav(name: str) -> bytes:
    """The named sound as a mono 16-bit WAV file in memory (SDL converts it to the mixer)."""
    voice, seconds = _VOICES[name]
    frames = bytearray()
    for i in range(int(seconds * _RATE)):
        value = max(-1.0, min(1.0, voice(i / _RATE)))
        frames += struct.pack("<h", round(value * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(_RATE)
        w.writeframes(bytes(frames))
    return out.getvalue()


class Sounds:
    """The game's sounds, or silence when there is no audio device."""

    def __init__(self, volume: float = 0.8, muted: bool = False) -> None:
        self.volume = max(0.0, min(1.0, volume))
        self.muted = muted
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=MIX_RATE, size=-16, channels=2, buffer=MIX_BUFFER)
            self._device = True
        except pygame.error:
            self._device = False

    def prepare(self) -> None:
        """Synthesise the sounds (tens of milliseconds of Python), once. The game loop calls
        this as soon as the title's first picture is up, so the title comes sooner and no
        frame (not even the first buzz's) waits for it; `play` makes them itself otherwise."""
        if self._sounds or not self._device:
            return
        try:
            for name in _VOICES:
                self._sounds[name] = pygame.mixer.Sound(file=io.BytesIO(synthesise_wav(name)))
        except pygame.error:
            self._sounds, self._device = {}, False
        self._apply_volume()

    @property
    def available(self) -> bool:
        return self._device

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, volume))
        self._apply_volume()

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        self._apply_volume()

    def _apply_volume(self) -> None:
        for sound in self._sounds.values():
            sound.set_volume(0.0 if self.muted else self.volume)

    def play(self, name: str) -> None:
        """Play `name` (BUZZ, CHIME, CHOICE); silently nothing without a device or when muted."""
        self.prepare()
        sound = self._sounds.get(name)
        if sound is not None and not self.muted:
            sound.play()
