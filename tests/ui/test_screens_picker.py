"""The scenario picker: broken scripts are listed with their error, the rest still play;
solo practice history shows on the scenario it belongs to."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame

from game.ui.keymap import Act
from game.ui.screens.picker import card_lines
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario

ROOT = Path(__file__).resolve().parents[2]


def scripts_with_a_broken_one(folder: Path) -> Path:
    folder.mkdir()
    for name in ("example.yaml", "criteria.yaml"):
        shutil.copy(ROOT / "scripts" / name, folder / name)
    text = (ROOT / "scripts" / "example.yaml").read_text(encoding="utf-8")
    (folder / "broken.yaml").write_text(text.replace("start: arrival", "start: nowhere"), "utf-8")
    return folder


def test_a_broken_script_is_listed_with_its_error_and_the_others_play(tmp_path: Path) -> None:
    scripts = scripts_with_a_broken_one(tmp_path / "scripts")
    pilot = Pilot(scripts_dir=scripts)
    player = Player(pilot, "keyboard")
    player.pick_key(pilot.top.menu, "start")
    picker = pilot.top
    items = {Path(i.key).name: i for i in picker.menu.items}
    assert not items["broken.yaml"].enabled and items["example.yaml"].enabled
    broken = next(e for e in picker.entries if Path(e.path).name == "broken.yaml")
    line = card_lines(broken, None)[0]
    assert "broken.yaml:" in line and "nowhere" in line
    pilot.top.menu.focus_on(str(scripts / "broken.yaml"))
    pilot.do(Act.CONFIRM)
    assert pilot.name == "picker"  # a broken script cannot be started
    pilot.top.menu.focus_on(str(scripts / "example.yaml"))
    pilot.do(Act.CONFIRM)
    assert pilot.name == "mode"


def test_solo_progress_shows_on_the_card_after_a_practice_run() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    play_stage(player, {})
    assert pilot.name == "debrief"
    player.pick_key(pilot.top.buttons, "title")
    player.pick_key(pilot.top.menu, "start")
    picker = pilot.top
    assert picker.progress["example"].startswith("Practice runs: 1;")
    assert all(v is None for k, v in picker.progress.items() if k != "example")


def test_the_list_scrolls_to_keep_the_focus_on_screen() -> None:
    pilot = Pilot()
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "start")
    menu = pilot.top.menu
    for _ in range(len(menu.items)):
        pilot.do(Act.DOWN)
    assert menu.focus == len(menu.items) - 1
    assert menu.rects[menu.focus].w > 0
    assert pilot.app.screen.get_rect().contains(menu.rects[menu.focus])


def test_a_script_that_breaks_after_listing_is_shown_broken_not_started(tmp_path: Path) -> None:
    scripts = scripts_with_a_broken_one(tmp_path / "scripts")
    pilot = Pilot(scripts_dir=scripts)
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "start")
    example = str(scripts / "example.yaml")
    text = (scripts / "example.yaml").read_text(encoding="utf-8")
    (scripts / "example.yaml").write_text(text.replace("start: arrival", "start: gone"), "utf-8")
    pilot.top.menu.focus_on(example)
    pilot.step()
    before = pygame.image.tobytes(pilot.pixels(), "RGB")
    pilot.do(Act.CONFIRM)
    assert pilot.name == "picker"
    assert not next(i for i in pilot.top.menu.items if i.key == example).enabled
    assert pygame.image.tobytes(pilot.pixels(), "RGB") != before  # drawn greyed at once


def test_the_sample_comes_last_and_long_titles_wrap_at_a_readable_size() -> None:
    pilot = Pilot((1280, 720))
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "start")
    picker, app = pilot.top, pilot.app
    assert [e.id for e in picker.entries][-1] == "example"
    lay, text = app.layout, app.text
    for item, rect in zip(picker.menu.items, picker.menu.rects, strict=True):
        if not rect.w:
            continue
        inner = rect.inflate(-2 * lay.padding, -lay.padding)
        size = text.fit_size(item.label, lay.body_size, width=inner.w, height=inner.h, bold=True)
        assert size >= lay.body_size * 0.8, (item.label, size)  # was ~11 px on one line


def test_the_count_says_which_scenarios_are_the_users_own_and_which_cannot_be_played(
    tmp_path: Path, ff_home: Path
) -> None:
    """The heading counts the list as it is: the user's own folder's scripts as theirs, a
    broken script apart (it is listed, but it is no training scenario), never a path."""
    shipped = scripts_with_a_broken_one(tmp_path / "scripts")
    own = ff_home / "scripts"
    own.mkdir(parents=True)
    text = (ROOT / "scripts" / "example.yaml").read_text(encoding="utf-8")
    for name in ("mine", "also_mine"):
        (own / f"{name}.yaml").write_text(text.replace("id: example", f"id: {name}"), "utf-8")
    pilot = Pilot(scripts_dir=shipped)
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "start")
    picker = pilot.top
    assert {Path(e.path).name for e in picker.entries} >= {"mine.yaml", "also_mine.yaml"}
    line = picker.count_line()
    assert line == (
        "2 training scenarios, 2 of them your own, 1 that cannot be played, "
        "and a sample for script authors (last)"
    )
    assert str(own) not in line and str(shipped) not in line
