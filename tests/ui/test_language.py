"""The language setting: the system's by default, and scenarios shown in it."""

from __future__ import annotations

import pygame
import pytest

from game.i18n import system_language
from game.ui.keymap import Act
from game.ui.settings import Settings
from game.ui.text import FAMILIES, FONT_DIR
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario
from tests.ui.test_speech import engine_or_skip, hear_a_line
from tests.ui.textcheck import shrunk, tour_texts

WELSH_FIRST_LINE = "Sori, sori. Ddaeth y bws ddim."


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "cy_GB.UTF-8"}, "cy"),
        ({"LANGUAGE": "fr:cy", "LANG": "fr_FR.UTF-8"}, "cy"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "cy_GB.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_automatic_follows_the_systems_language(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ) == expected


def test_a_scenario_with_a_welsh_translation_plays_in_welsh() -> None:
    pilot = Pilot(settings=Settings(auto_advance=False, language="cy"))
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    assert pilot.stage.view.line is not None
    assert pilot.stage.view.line.says == WELSH_FIRST_LINE


def test_the_language_is_chosen_on_the_settings_screen(monkeypatch) -> None:
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    pilot = Pilot(settings=Settings(auto_advance=False))
    pilot.click_label("Settings")
    assert "Language: Automatic (English)" in [i.label for i in pilot.top.menu.items]
    pilot.top.menu.focus_on("language")
    pilot.do(Act.RIGHT)
    pilot.do(Act.RIGHT)
    assert pilot.app.settings.language == "cy"
    assert "Iaith: Cymraeg" in [i.label for i in pilot.top.menu.items]  # and now in Welsh
    assert pilot.app.library.language == "cy" and pilot.app.speech.language == "cy"
    pilot.do(Act.BACK)
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    assert pilot.stage.view.line is not None
    assert pilot.stage.view.line.says == WELSH_FIRST_LINE


@pytest.mark.parametrize("size", [(1024, 576), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits_in_welsh_and_grows(size: tuple[int, int]) -> None:
    """Welsh runs longer than English ("Ailddirwyn: i foment gynharach"): the whole tour
    in Welsh at 100 % and 160 % text, no text clipped, outside the window, over another or
    under the floor, and none of the interface's words smaller at 160 % than at 100 %."""
    found = []
    base: dict = {}
    for scale in (1.0, 1.6):
        texts, wrong = tour_texts(size, scale, language="cy")
        assert any("Ôl-drafodaeth" in p.text for p in texts["debrief_outcome"])  # in Welsh
        found += [f"{scale}: {name}: {w}" for name, ws in wrong.items() for w in ws]
        if scale == 1.0:
            base = texts
        else:
            found += [f"{scale}: {w}" for w in shrunk(base, texts)]
    assert not found, "\n".join(found)


#: Welsh's accented letters, each with the letter under its accent (not î: both fonts give
#: its circumflex more room than a bare i, by design).
WELSH_LETTERS = dict(zip("ŵŷŴŶẁẃẅẀẂẄỳỲâêôûÂÊÔÛ", "wyWYwwwWWWyYaeouAEOU", strict=True))


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_welsh_letter_has_a_glyph_in_every_font(family: str) -> None:
    """A font without ŵ leaves the text engine to set w and then a circumflex beside it
    ("grwp̂", a third wider); with the glyph, ŵ takes w's width, as the font's own â takes a's
    (give or take a pixel or two where an italic accent overhangs)."""
    pygame.font.init()
    for style in FAMILIES[family].files.values():
        font = pygame.font.Font(str(FONT_DIR / style), 40)
        wrong = [
            c
            for c, base in WELSH_LETTERS.items()
            if font.size(c)[0] > font.size(base)[0] + 4  # an italic accent may overhang
        ]
        assert wrong == [], f"{style}: {''.join(wrong)}"


def test_a_whole_run_in_welsh_spoken_in_the_dyslexia_font() -> None:
    """A run played in Welsh with spoken lines and OpenDyslexic, by keyboard events: the
    title, the stage and its lines, the spoken line and the buzz that silences it, the
    freeze menu, the debrief and the handout it exports are all in Welsh."""
    pilot = Pilot(
        settings=Settings(auto_advance=False, language="cy", font="opendyslexic", speak_lines=True)
    )
    speech = pilot.app.speech
    engine_or_skip(speech)
    assert pilot.app.text.family is FAMILIES["opendyslexic"]
    assert pilot.top.menu.items[0].label == "Dewis senario"
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "example", "facilitator", anti_model=False)
    stage = pilot.stage
    assert stage.view.line is not None and stage.view.line.says == WELSH_FIRST_LINE
    assert stage.header_text()[0].startswith("Rhediad fforwm \u00b7 Enter: llinell nesaf")
    assert speech.language == "cy" and speech.queued == 1  # the first line, in Welsh
    hear_a_line(pilot, speech, keys.advance)
    keys.buzz()
    assert pilot.name == "freeze" and not speech.speaking  # the buzz silenced it at once
    labels = [item.label for item in pilot.top.menu.items]
    assert "Ailgyfeirio: rhoi cynnig ar ymateb arall" in labels
    assert "Ailddechrau: chwarae'r olygfa ymlaen" in labels
    keys.pick_key(pilot.top.menu, "resume")
    play_stage(keys, {})
    assert pilot.name == "debrief"
    debrief = pilot.top
    assert [label for label, _rect in debrief.controls()][:3] == [
        "Allforio taflen",
        "Chwarae eto",
        "Yn ôl i'r dechrau",
    ]
    keys.pick_key(debrief.buttons, "export")
    assert debrief.message.startswith("Cadwyd y daflen fel ")
    (handout,) = pilot.app.folders.handouts.glob("*.html")
    page = handout.read_text(encoding="utf-8")
    assert '<html lang="cy">' in page and "<h1>Ôl-drafodaeth: " in page
    assert "Cwestiynau trafod" in page and "Discussion questions" not in page
