"""The speech engine's own process: pyttsx3 synthesising each line into samples.

The platform's engine runs in a child process, not in the game's: eSpeak NG has been seen to
crash inside its synthesiser (a segfault in `espeak_Synth`, now and then, under load), and a
crash there must cost one unspoken line, never the facilitator's session. The game's side
(`game.ui.speech`) sends each line here and starts a new child if this one dies. Nothing here
imports pygame, so the child starts quickly and never opens a window or a sound device.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import tempfile
import wave
from array import array
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

log = logging.getLogger(__name__)

#: Words per minute of the narrator; characters vary round it.
BASE_RATE = 165
#: Rate and pitch steps given to characters beyond the number of distinct voices.
_RATE_STEPS = (0, -15, 15, -25, 25)
_PITCH_STEPS = (50, 35, 65, 25, 75)

#: One line to say: its text, the speaker's cast index (-1: the narrator), the language, and
#: the mixer's (frequency, channels), so the samples come back ready to play.
Request = tuple[str, int, str, tuple[int, int]]


@dataclass(frozen=True)
class Voice:
    """How one speaker sounds: an engine voice id (or None for the default), rate, pitch."""

    voice_id: str | None
    rate: int
    pitch: int


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


def serve(conn: Connection) -> None:
    """The child's loop. It first sends "" (the engine started) or why it could not start,
    then answers each `Request` with the samples, or None for a line the engine could not
    say. It ends when the game's side closes the pipe."""
    # eSpeak's driver prints "Audio saved to ..." for every file: not in the game's terminal.
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (the process's stdout, for its life)
    try:
        import pyttsx3  # type: ignore[import-untyped]  # ships no type information

        engine = pyttsx3.init()
    except Exception as exc:  # no engine, no library, a broken driver: the game runs silent
        conn.send(f"{exc.__class__.__name__}: {exc}")
        return
    conn.send("")
    voices: dict[str, list[str]] = {}
    fd, name = tempfile.mkstemp(prefix="freeze-frame-speech-", suffix=".wav")
    os.close(fd)
    wav = Path(name)
    try:
        while True:
            try:
                request: Request = conn.recv()
            except EOFError:  # the game closed the pipe, or quit
                return
            conn.send(_say(engine, voices, request, wav))
    finally:
        wav.unlink(missing_ok=True)


#: How many times a line is tried: eSpeak NG now and then writes an empty file for a line on
#: a busy machine, and the same line said again comes out whole.
ATTEMPTS = 2


def _say(engine: object, voices: dict[str, list[str]], request: Request, wav: Path) -> bytes | None:
    """`request`'s samples, trying again once if the engine gave none for a line with words
    in it; None if it still gives none (the line goes unheard, the scene goes on)."""
    samples = None
    for _attempt in range(ATTEMPTS):
        samples = _synthesise(engine, voices, request, wav)
        if samples or not any(ch.isalnum() for ch in request[0]):
            break
    return samples


def _synthesise(
    engine: object, voices: dict[str, list[str]], request: Request, wav: Path
) -> bytes | None:
    """`request` spoken into samples in the mixer's format, or None if the engine failed."""
    text, speaker, language, mixer = request
    try:
        if language not in voices:
            voices[language] = _voices_for(engine, language)
        voice = pick_voice(speaker, voices[language])
        if voice.voice_id:
            engine.setProperty("voice", voice.voice_id)  # type: ignore[attr-defined]
        engine.setProperty("rate", voice.rate)  # type: ignore[attr-defined]
        with contextlib.suppress(KeyError, ValueError):  # not every engine has pitch
            engine.setProperty("pitch", voice.pitch)  # type: ignore[attr-defined]
        wav.write_bytes(b"")  # never the last line's sound, if this one writes nothing
        engine.save_to_file(text, str(wav))  # type: ignore[attr-defined]
        engine.runAndWait()  # type: ignore[attr-defined]
        return to_mixer(wav.read_bytes(), *mixer)
    except Exception:  # one line the engine could not say: skip it, go on
        log.warning("the speech engine could not say %r", text[:80], exc_info=True)
        return None
