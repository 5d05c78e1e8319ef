"""Scenario translations: a PO file beside the script, checked and applied by stable ids."""

from __future__ import annotations

import dataclasses
import shutil
import typing
from pathlib import Path

import pytest

from game.story import model
from game.story.library import ScriptLibrary
from game.story.loader import load_script
from game.story.translation import TEXT_FIELDS, check, po_path, read_po, texts, translate
from game.tools import translate as translate_tool
from game.tools import validate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scripts" / "example.yaml"
LINE = "Sorry, sorry. The bus didn't come."
#: str fields of the model that are not words a room reads: ids, names of things, looks.
NOT_TEXT = {
    "path", "id", "who", "goto", "emotion", "intervention", "backdrop", "tone", "start",
    "anti_model_ending", "scene", "by",
}  # fmt: skip


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The example and its Welsh translation (and the shared criteria) in a scratch folder."""
    for name in ("example.yaml", "example.cy.po", "criteria.yaml"):
        shutil.copy(ROOT / "scripts" / name, tmp_path / name)
    return tmp_path / "example.yaml"


def test_the_example_ships_with_a_complete_welsh_translation() -> None:
    script = load_script(str(EXAMPLE))
    assert check(script, "cy") == []
    welsh = translate(script, "cy")
    assert welsh.title == "Enghraifft: Mae Jo yn hwyr eto"
    assert welsh.beats["arrival"].lines[0].says == "Sori, sori. Ddaeth y bws ddim."
    assert welsh.endings["supported"].context.startswith("Mae gan dad Jo ddementia")
    # The shared criteria too, so a Welsh debrief's chart and handout name them in Welsh.
    assert welsh.criteria["compassion"].name == "Tosturi a lles"
    names = {"cast.manager.name", "cast.jo.name", "cast.rep.name", "cast.hr.name"}
    pairs = zip(texts(script), texts(welsh), strict=True)
    assert all(a.english != b.english for a, b in pairs if a.key not in names)


def test_a_translation_never_changes_the_story() -> None:
    script = load_script(str(EXAMPLE))
    welsh = translate(script, "cy")
    assert list(welsh.beats) == list(script.beats)
    for beat_id, beat in script.beats.items():
        other = welsh.beats[beat_id]
        assert [b.goto for b in other.next] == [b.goto for b in beat.next]
        if beat.decision:
            assert other.decision is not None
            pairs = zip(beat.decision.options, other.decision.options, strict=True)
            assert all(a.scores == b.scores and a.goto == b.goto for a, b in pairs)


def test_the_game_shows_a_script_in_the_language_chosen() -> None:
    welsh = ScriptLibrary(str(ROOT / "scripts"), language="cy").load(str(EXAMPLE))
    english = ScriptLibrary(str(ROOT / "scripts")).load(str(EXAMPLE))
    assert welsh.beats["arrival"].lines[0].says != LINE
    assert english.beats["arrival"].lines[0].says == LINE


def test_a_reworded_line_is_stale_at_the_translations_line_and_shown_in_english(
    copy: Path,
) -> None:
    copy.write_text(copy.read_text().replace(LINE, "Sorry. The bus was late."))
    script = load_script(str(copy))
    problems = check(script, "cy")
    assert [d.code for d in problems] == ["FF419"]
    entry = read_po(po_path(str(copy), "cy"))[0]["beats.arrival.lines.1.says"]
    assert problems[0].pos.path.endswith("example.cy.po")
    assert problems[0].pos.line == entry.line
    assert "beats.arrival.lines.1.says" in problems[0].message
    assert translate(script, "cy").beats["arrival"].lines[0].says == "Sorry. The bus was late."


def test_a_new_line_is_missing_at_the_scripts_line(copy: Path) -> None:
    text = copy.read_text()
    anchor = text.index("      - who: manager")
    extra = '      - who: jo\n        says: "Extra line."\n'
    copy.write_text(text[:anchor] + extra + text[anchor:])
    script = load_script(str(copy))
    problems = check(script, "cy")
    missing = [d for d in problems if d.code == "FF418"]
    assert len(missing) == 1 and missing[0].pos.path == str(copy)
    assert copy.read_text().splitlines()[missing[0].pos.line - 1].strip() == "- who: jo"


def test_validate_reports_translations_and_translate_updates_them(copy: Path, capsys) -> None:
    copy.write_text(copy.read_text().replace(LINE, "Sorry. The bus was late."))
    assert validate.main([str(copy)]) == 0  # warnings only
    assert "FF419" in capsys.readouterr().out
    assert translate_tool.main([str(copy), "cy"]) == 0
    assert "103 texts, 102 translated, 1 to do" in capsys.readouterr().out
    entry = read_po(po_path(str(copy), "cy"))[0]["beats.arrival.lines.1.says"]
    assert entry.fuzzy and entry.english == "Sorry. The bus was late."
    assert entry.translated == "Sori, sori. Ddaeth y bws ddim."  # kept for the translator
    po = Path(po_path(str(copy), "cy")).read_text()
    assert '#| msgid "Sorry, sorry. The bus didn\'t come."' in po  # the old English beside it


def test_a_damaged_translation_is_an_error_with_its_path(copy: Path) -> None:
    Path(po_path(str(copy), "cy")).write_text('msgctxt "title"\nmsgid "unclosed\n')
    problems = check(load_script(str(copy)), "cy")
    assert [d.code for d in problems] == ["FF501"]
    assert translate(load_script(str(copy)), "cy").title == "Example: Jo is late again"


def test_every_text_field_of_the_format_is_translatable_or_named_as_not_text() -> None:
    """A field the format gains must be classified here, or translators would never see it."""
    for cls in vars(model).values():
        if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
            continue
        hints = typing.get_type_hints(cls)
        for field in dataclasses.fields(cls):
            if hints[field.name] is str:
                assert field.name in TEXT_FIELDS | NOT_TEXT, f"{cls.__name__}.{field.name}"
