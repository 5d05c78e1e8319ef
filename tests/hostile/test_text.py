"""Issue 11, item 1: text the stage cannot draw is refused by the validator, and the stage
cleans whatever reaches it anyway (progress files and records are not validated scripts)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.safetext import MARK, MAX_TEXT, drawable, safe_name, visible
from game.story.loader import read_script
from game.ui.keymap import Act
from game.ui.text import TextRenderer
from tests.ui.pilot import Pilot, Player

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = (ROOT / "scripts" / "example.yaml").read_text(encoding="utf-8")


def _script(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\a", "\\x9b", "\\r"])
def test_a_control_character_written_as_an_escape_is_an_error(tmp_path: Path, escape: str) -> None:
    shutil.copy(ROOT / "scripts" / "criteria.yaml", tmp_path)
    title = next(line for line in EXAMPLE.splitlines() if line.startswith("title:"))
    path = _script(tmp_path, "x.yaml", EXAMPLE.replace(title, f'title: "One{escape} mistake"'))
    script, diags = read_script(str(path))
    assert script is None
    assert [d.code for d in diags if d.is_error] == ["FF220"]


def test_text_longer_than_the_stage_can_show_is_an_error(tmp_path: Path) -> None:
    shutil.copy(ROOT / "scripts" / "criteria.yaml", tmp_path)
    summary = next(line for line in EXAMPLE.splitlines() if line.startswith("summary:"))
    path = _script(tmp_path, "x.yaml", EXAMPLE.replace(summary, "summary: " + "a" * 100_000))
    script, diags = read_script(str(path))
    assert script is None
    assert [d.code for d in diags if d.is_error] == ["FF221"]
    assert "the stage cannot show more than 1,000" in diags[0].message


def test_the_renderer_draws_a_nul_and_cuts_a_huge_text() -> None:
    """A NUL made pygame raise; 100,000 characters took 26 s a frame; 10 MiB crashed SDL_ttf."""
    pygame.init()
    text = TextRenderer()
    assert text.render("One\0 mistake", 20, (0, 0, 0)).get_width() > 0
    huge = "word " * 2_000
    drawn = text.render(huge, 20, (0, 0, 0), width=600)
    assert drawn.get_size() == text.render(drawable(huge), 20, (0, 0, 0), width=600).get_size()
    assert len(drawable(huge)) == MAX_TEXT and drawable(huge).endswith("\u2026")


def test_drawable_visible_and_safe_name() -> None:
    assert drawable("a\0b\tc\nd\x1b") == f"a{MARK}b c\nd{MARK}"
    assert visible("\x1b]0;owned\x07\x9b2J\n") == "\\x1b]0;owned\\x07\\x9b2J\\n"
    assert safe_name("../../etc/passwd", "x") == "etc_passwd"
    assert safe_name("..", "session") == "session"


def test_a_nul_in_one_title_and_a_huge_line_in_another_leave_the_picker_working(
    tmp_path: Path,
) -> None:
    """Old code: the NUL title raised inside the picker, so no scenario could be chosen."""
    folder = tmp_path / "scripts"
    folder.mkdir()
    shutil.copy(ROOT / "scripts" / "criteria.yaml", folder)
    _script(folder, "example.yaml", EXAMPLE)
    title = next(line for line in EXAMPLE.splitlines() if line.startswith("title:"))
    _script(folder, "nul.yaml", EXAMPLE.replace(title, 'title: "One\\0 mistake"'))
    summary = next(line for line in EXAMPLE.splitlines() if line.startswith("summary:"))
    _script(folder, "huge.yaml", EXAMPLE.replace(summary, "summary: " + "a" * 200_000))
    pilot = Pilot(scripts_dir=folder)
    player = Player(pilot, "keyboard")
    player.pick_key(pilot.top.menu, "start")
    picker = pilot.top
    playable = {Path(i.key).name: i.enabled for i in picker.menu.items}
    assert playable == {"example.yaml": True, "nul.yaml": False, "huge.yaml": False}
    for _ in picker.menu.items:
        pilot.do(Act.DOWN)  # every card, broken ones included, is drawn
    pilot.top.menu.focus_on(str(folder / "example.yaml"))
    player.confirm()
    assert pilot.name == "mode"
