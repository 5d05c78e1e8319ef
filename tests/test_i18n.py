"""The interface's translations: complete, compiled, and shown in the language chosen."""

from __future__ import annotations

from game.tools import i18n
from game.ui.settings import Settings
from tests.ui.pilot import Pilot


def test_every_marked_string_is_translated_and_compiled() -> None:
    assert i18n.problems() == []


def test_the_title_and_settings_speak_welsh() -> None:
    pilot = Pilot(settings=Settings(auto_advance=False, language="cy"))
    labels = [item.label for item in pilot.top.menu.items]
    assert labels == ["Dewis senario", "Eich ymarfer dros amser", "Gosodiadau", "Gadael"]
    pilot.click_label("Gosodiadau")
    labels = [item.label for item in pilot.top.menu.items]
    assert "Iaith: Cymraeg" in labels and "Yn ôl" in labels


def test_english_is_unchanged() -> None:
    pilot = Pilot(settings=Settings(auto_advance=False, language="en"))
    assert pilot.top.menu.items[0].label == "Choose a scenario"
