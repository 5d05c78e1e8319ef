"""Spoken lines, self-voicing and the dyslexia-friendly font, with the real speech engine.

The speech tests use the platform's engine through pyttsx3 (eSpeak NG here, installed by
`.ci/run`); on a developer's machine without it they skip, in CI they fail. The worker runs
in its own thread: tests wait on its semaphore for a finished sound, never sleep.
"""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
import wave
from array import array
from collections.abc import Callable

import pytest

from game.story.views import Phase
from game.ui.keymap import Act
from game.ui.settings import Settings
from game.ui.speech import Speech, _Job, pick_voice, to_mixer
from game.ui.text import FAMILIES
from tests.ui.pilot import Pilot, Player, start_scenario

WAIT = 60.0  # at most: a real engine on a busy shared machine (a bound, never a sleep)


def engine_or_skip(speech: Speech) -> None:
    """Skip where no engine is installed, except in CI, which must have one."""
    assert speech.wait_ready(WAIT)
    if speech.problem and not os.environ.get("CI"):
        pytest.skip(f"no speech engine here: {speech.problem}")
    assert speech.problem == ""


def hear_a_line(pilot: Pilot, speech: Speech, advance: Callable[[], object]) -> None:
    """Wait until a line on stage is heard. The engine says a line again when it gave no
    sound for it, and a line it still cannot say is skipped: then the next lines are tried
    (`advance`), at most three in all, so a bad moment of the engine is not a failed test."""
    for _attempt in range(3):
        assert speech.wait_produced(WAIT)
        pilot.step()
        if speech.started:
            break
        advance()
    assert speech.started == 1 and speech.speaking


def on_stage(settings: Settings) -> Pilot:
    pilot = Pilot(settings=settings)
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    return pilot


def test_neighbours_in_the_cast_never_share_a_voice() -> None:
    voices = ["en-gb", "en-gb-scotland"]
    picked = [pick_voice(i, voices) for i in range(6)]
    assert all(a != b for a, b in itertools.pairwise(picked))
    assert len(set(picked)) == 6  # rate and pitch vary once the voices run out
    assert pick_voice(0, []).voice_id is None  # no voices listed: the engine's default


def test_a_line_is_spoken_and_the_buzz_silences_it_at_once() -> None:
    pilot = on_stage(Settings(auto_advance=False, speak_lines=True))
    speech = pilot.app.speech
    engine_or_skip(speech)
    assert speech.queued == 1  # the first line, queued when it came on stage
    hear_a_line(pilot, speech, lambda: pilot.do(Act.ADVANCE))
    pilot.do(Act.BUZZ)
    assert pilot.phase is Phase.FROZEN
    assert not speech.speaking  # silenced in the buzz's own frame
    assert speech.cancelled >= 1


def test_a_line_finished_after_the_buzz_is_never_heard() -> None:
    """The worker may finish a line the buzz already cut: it must not start afterwards."""
    pilot = Pilot(settings=Settings(auto_advance=False, speak_lines=True))
    speech = pilot.app.speech
    engine_or_skip(speech)
    speech.line(1, "Sit down, Sam. What's going on?")
    assert speech.wait_produced(WAIT)  # finished in the worker, not yet playing
    speech.cancel()  # what the buzz does
    pilot.step(3)
    assert speech.started == 0 and not speech.speaking


def test_each_new_line_cuts_off_the_one_before() -> None:
    pilot = on_stage(Settings(auto_advance=False, speak_lines=True))
    speech = pilot.app.speech
    engine_or_skip(speech)
    pilot.do(Act.ADVANCE)  # the next line, before the first was heard
    assert pilot.stage.view.line_index == 1
    assert speech.queued == 2
    for _ in range(2):  # the first line's sound, if made at all, is dropped
        if speech.started:
            break
        assert speech.wait_produced(WAIT)
        pilot.step()
    assert speech.started == 1  # only the line on stage now is heard


def test_self_voicing_reads_the_focused_control() -> None:
    pilot = Pilot(settings=Settings(auto_advance=False, self_voicing=True))
    speech = pilot.app.speech
    engine_or_skip(speech)
    first = speech.last_said
    assert first == pilot.top.menu.focused.label  # the title's first button, read at once
    pilot.do(Act.DOWN)
    assert speech.last_said == pilot.top.menu.focused.label != first
    assert speech.wait_produced(WAIT)


def test_without_an_engine_the_game_says_so_and_runs_silent(tmp_path) -> None:
    """pyttsx3 missing (as on a machine where it could not be installed): the settings row
    says there is no speech engine, and the game plays on."""
    # A pyttsx3 that cannot be imported, first on the path of the game and of the engine's
    # child process alike.
    (tmp_path / "pyttsx3.py").write_text("raise ImportError('No module named pyttsx3')\n")
    code = (
        "from tests.ui.pilot import Pilot\n"
        "from game.ui.settings import Settings\n"
        "from game.ui.keymap import Act\n"
        "p = Pilot(settings=Settings(auto_advance=False, speak_lines=True))\n"
        "assert p.app.speech.wait_ready(20)\n"
        "p.click_label('Settings'); p.step(2)\n"
        "print([i.label for i in p.top.menu.items if 'Speak' in i.label][0])\n"
        "print(p.app.speech.problem)\n"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(
        os.environ,
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYTHONPATH=os.pathsep.join([str(tmp_path), root]),
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    row, problem = done.stdout.strip().splitlines()[-2:]
    assert row == "Speak lines: on (no speech engine)"
    assert problem.startswith("No speech engine could be started")


def test_the_dyslexia_font_is_a_setting_and_keeps_the_layout() -> None:
    pilot = Pilot(settings=Settings(auto_advance=False))
    text = pilot.app.text
    plain = text.measure("Are you OK, Tom? Can we talk somewhere private?", 40)
    pilot.click_label("Settings")
    pilot.step()
    labels = [i.label for i in pilot.top.menu.items]
    assert "Font: Atkinson Hyperlegible" in labels
    pilot.top.menu.focus_on("font")
    pilot.do(Act.RIGHT)
    assert pilot.app.settings.font == "opendyslexic"
    assert text.family is FAMILIES["opendyslexic"]
    assert "Font: OpenDyslexic" in [i.label for i in pilot.top.menu.items]
    wide = text.measure("Are you OK, Tom? Can we talk somewhere private?", 40)
    assert abs(wide[0] - plain[0]) < plain[0] * 0.1  # as wide, so layouts hold
    assert wide[1] > plain[1]  # with the taller line spacing it needs
    pilot.do(Act.LEFT)
    assert pilot.app.settings.font == "atkinson" and text.family is FAMILIES["atkinson"]


def test_the_dyslexia_font_ships_with_its_licence() -> None:
    from game.ui.text import FONT_DIR

    for name in FAMILIES["opendyslexic"].files.values():
        assert (FONT_DIR / name).is_file()
    licence = (FONT_DIR / "OpenDyslexic-LICENSE.txt").read_text(encoding="utf-8")
    assert "CC-BY-3.0" in licence and "Bitstream" in licence


def _wav(rate: int, samples: list[int]) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(array("h", samples).tobytes())
    return out.getvalue()


def test_speech_audio_is_converted_to_the_mixers_format_in_the_worker() -> None:
    stereo = array("h", to_mixer(_wav(22050, [100, -200, 300]), 44100, 2))
    assert list(stereo) == [100] * 4 + [-200] * 4 + [300] * 4  # twice the rate, two channels
    odd = array("h", to_mixer(_wav(16000, list(range(160))), 44100, 1))
    assert len(odd) == 441 and odd[0] == 0 and odd[-1] == 159  # nearest sample, same length


def test_a_text_that_makes_no_sound_is_never_played() -> None:
    """An engine may turn "..." into no samples at all; pygame crashes playing an empty
    Sound (a segfault seen under random input with self-voicing on)."""
    pilot = Pilot(settings=Settings(auto_advance=False, speak_lines=True))
    speech = pilot.app.speech
    engine_or_skip(speech)
    assert to_mixer(_wav(22050, []), 44100, 2) == b""
    speech.finished(_Job(speech.generation, "...", 0, "en", (44100, 2)), b"")
    pilot.step(3)  # an empty Sound here would crash in channel.play
    assert not speech.speaking and speech.started == 0


class _EngineThatDropsLines:
    """Stands in for pyttsx3's engine where the real one cannot be made to fail on demand:
    it writes an empty file for the first `drops` lines it is asked for (what eSpeak NG
    does now and then on a busy machine), then whole ones."""

    def __init__(self, drops: int) -> None:
        self.drops = drops
        self.asked = 0
        self._path = ""

    def getProperty(self, _name: str) -> list[object]:
        return []

    def setProperty(self, _name: str, _value: object) -> None:
        pass

    def save_to_file(self, _text: str, path: str) -> None:
        self._path = path

    def runAndWait(self) -> None:
        self.asked += 1
        whole = self.asked > self.drops
        with open(self._path, "wb") as out:
            out.write(_wav(22050, [100, 200]) if whole else b"")


def test_a_line_the_engine_drops_once_is_said_again(tmp_path) -> None:
    from game.ui.speech_engine import ATTEMPTS, _say

    wav = tmp_path / "line.wav"
    once = _EngineThatDropsLines(drops=1)
    assert _say(once, {}, ("I'm fine. Honestly.", 0, "en", (44100, 1)), wav)
    assert once.asked == 2
    always = _EngineThatDropsLines(drops=99)
    assert _say(always, {}, ("I'm fine.", 0, "en", (44100, 1)), wav) is None
    assert always.asked == ATTEMPTS  # then the line is skipped, never tried for ever
    dots = _EngineThatDropsLines(drops=99)
    assert _say(dots, {}, ("...", 0, "en", (44100, 1)), wav) is None
    assert dots.asked == 1  # no words, no sound expected: not tried again


def test_a_new_app_takes_the_speech_channel_back() -> None:
    """A line a closed app left playing (tests make many apps in one process; a game makes
    a new one when it restarts) must not hold the new app's first line back."""
    first = Pilot(settings=Settings(auto_advance=False, speak_lines=True))
    engine_or_skip(first.app.speech)
    import pygame

    silence = pygame.mixer.Sound(buffer=bytes(44100 * 2 * 2 * 5))  # five seconds
    pygame.mixer.Channel(0).play(silence)
    assert pygame.mixer.Channel(0).get_busy()
    second = Pilot(settings=Settings(auto_advance=False, speak_lines=True))
    assert second.app.speech.wait_ready(WAIT)
    assert not pygame.mixer.Channel(0).get_busy()
