"""The language setting: the system's by default, and scenarios shown in it."""

from __future__ import annotations

import pytest

from game.i18n import system_language
from game.ui.keymap import Act
from game.ui.settings import Settings
from tests.ui.pilot import Pilot, Player, start_scenario

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
