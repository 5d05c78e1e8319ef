"""The interface's translations: complete, compiled, and shown in the language chosen."""

from __future__ import annotations

import ast

from game import paths
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


def test_a_translation_must_fill_in_the_same_names() -> None:
    """A translator who renames `{key}` would make the game fail where it formats the
    message; one who drops it would lose the key from a hint. The check names both."""
    assert i18n._fields("Press {key} to carry on") == {"key"}
    assert i18n._fields("Pwyswch {key} i barhau") == i18n._fields("Press {key} to carry on")
    assert i18n._fields("Pwyswch {allwedd} i barhau") != {"key"}
    assert i18n._fields("Pwyswch i barhau") != {"key"}
    assert i18n._fields("Pwyswch {key i barhau") == {"{"}


def _marked_in_fstrings(tree: ast.AST) -> list[int]:
    """Lines where `_("...")` or `N_("...")` sits inside an f-string's braces."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in ("_", "N_")
                    and inner.args
                    and isinstance(inner.args[0], ast.Constant)
                ):
                    found.append(inner.lineno)
    return found


def test_no_marked_string_hides_inside_an_f_string() -> None:
    """Babel's extractor reads an f-string as one token: a `_("...")` inside its braces is
    never collected, so it would stay English with every check green."""
    assert _marked_in_fstrings(ast.parse("x = f\"<h2>{_('Notes')}</h2>\"")) == [1]
    hidden = {
        str(path.relative_to(paths.ROOT)): lines
        for path in sorted((paths.ROOT / "game").rglob("*.py"))
        if (lines := _marked_in_fstrings(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert hidden == {}
