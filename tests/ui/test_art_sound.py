"""Sound: works with the dummy driver, runs silent without a device, volume and mute."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import io
import wave

import pygame
import pytest

from game.ui import sound
from game.ui.sound import BUZZ, CHIME, CHOICE, Sounds, synthesise_wav


@pytest.fixture(autouse=True)
def no_mixer_left_running():
    yield
    pygame.mixer.quit()


@pytest.mark.parametrize("name", [BUZZ, CHIME, CHOICE])
def test_sounds_are_valid_nonsilent_wavs(name):
    with wave.open(io.BytesIO(synthesise_wav(name))) as w:
        frames = w.readframes(w.getnframes())
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
    assert 0.2 < len(frames) / 2 / w.getframerate() < 1.5
    assert max(frames[1::2]) > 0x20  # loud enough to hear: high bytes well above zero


def test_with_the_dummy_driver_sounds_load_and_play_silently():
    sounds = Sounds(volume=0.5)
    assert sounds.available
    for name in (BUZZ, CHIME, CHOICE):
        sounds.play(name)


def test_without_an_audio_device_the_game_runs_silent(monkeypatch):
    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(sound.pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(sound.pygame.mixer, "init", no_device)
    sounds = Sounds()
    assert not sounds.available
    sounds.play(BUZZ)  # nothing happens, nothing raises
    sounds.set_volume(0.3)
    sounds.set_muted(True)


def test_volume_and_mute_reach_the_sounds():
    sounds = Sounds(volume=0.5)
    sounds.prepare()
    buzz = sounds._sounds[BUZZ]
    assert buzz.get_volume() == pytest.approx(0.5, abs=0.01)
    sounds.set_muted(True)
    assert buzz.get_volume() == 0
    sounds.set_muted(False)
    sounds.set_volume(2.0)
    assert sounds.volume == 1.0 and buzz.get_volume() == pytest.approx(1.0, abs=0.01)


def test_the_sounds_are_made_once_the_first_picture_is_up_not_before():
    """Synthesising them is tens of milliseconds of Python: not in front of the title's
    first frame, and not in the first buzz's frame either (the loop makes them between)."""
    from game.ui.app import App

    app = App((640, 360), strict=True, persist=False)
    assert app.sound.available and app.sound._sounds == {}
    app.after_first_frame()
    assert set(app.sound._sounds) == {BUZZ, CHIME, CHOICE}
    made = dict(app.sound._sounds)
    app.sound.play(BUZZ)
    assert app.sound._sounds == made  # kept, never made again


def test_a_sound_played_before_they_were_made_is_made_then():
    sounds = Sounds()
    sounds.play(CHIME)
    assert set(sounds._sounds) == {BUZZ, CHIME, CHOICE}
