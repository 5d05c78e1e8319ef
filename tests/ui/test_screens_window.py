"""The window, the settings, quitting and resuming: the game's life outside one scene."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.records.journal import find_unfinished
from game.storage import folders
from game.story.views import Phase
from game.ui.app import App
from game.ui.keymap import Act
from game.ui.settings import Settings, load_settings
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario, tour

ROOT = Path(__file__).resolve().parents[2]


def resize(pilot: Pilot, w: int, h: int) -> None:
    pilot.post(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))
    pilot.step()


def test_resizing_the_window_relayouts_and_is_remembered() -> None:
    pilot = Pilot()
    resize(pilot, 1280, 720)
    assert pilot.app.screen.get_size() == (1280, 720)
    assert pilot.app.layout.size == (1280, 720)
    assert load_settings(folders().settings)[0].window == (1280, 720)


def test_the_window_stays_within_the_designed_sizes() -> None:
    pilot = Pilot()
    resize(pilot, 640, 400)
    assert pilot.app.layout.size == (1024, 576)
    resize(pilot, 5000, 3000)
    assert pilot.app.layout.size == (3840, 2160)


def test_resizing_mid_freeze_remakes_the_frozen_picture() -> None:
    pilot = Pilot()
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    pilot.do(Act.BUZZ)
    resize(pilot, 1280, 720)
    assert pilot.stage.frozen_picture().get_size() == (1280, 720)
    assert pilot.top.menu.rects[0].right <= 1280


@pytest.mark.parametrize("where", ["title", "stage"])
def test_f11_toggles_fullscreen_anywhere(where: str) -> None:
    pilot = Pilot()
    if where == "stage":
        start_scenario(Player(pilot, "keyboard"), "example", "solo", anti_model=False)
    pilot.do(Act.FULLSCREEN)
    assert pilot.app.settings.fullscreen and pygame.display.is_fullscreen()
    assert pilot.app.layout.size == pilot.app.screen.get_size()
    assert pilot.name == where
    pilot.do(Act.FULLSCREEN)
    assert not pilot.app.settings.fullscreen and not pygame.display.is_fullscreen()
    assert pilot.app.screen.get_size() == (1024, 576)


def test_settings_apply_at_once_and_are_kept_for_next_time() -> None:
    pilot = Pilot()
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "settings")
    menu = pilot.top.menu
    menu.focus_on("text_scale")
    pilot.do(Act.RIGHT)
    assert pilot.app.layout.text_scale == pytest.approx(1.15)
    pilot.top.menu.focus_on("high_contrast")
    pilot.do(Act.CONFIRM)
    assert pilot.app.theme.name == "high_contrast"
    pilot.top.menu.focus_on("reading_speed")
    pilot.do(Act.LEFT)
    pilot.top.menu.focus_on("muted")
    pilot.do(Act.CONFIRM)
    assert pilot.app.sound.muted
    saved, warning = load_settings(folders().settings)
    assert warning is None
    assert (saved.text_scale, saved.high_contrast, saved.reading_speed, saved.muted) == (
        pytest.approx(1.15),
        True,
        0.75,
        True,
    )
    assert "Text size: 115%" in [i.label for i in pilot.top.menu.items]
    pilot.do(Act.PAUSE)
    assert pilot.name == "title"


def test_a_corrupt_settings_file_never_stops_the_game() -> None:
    path = folders().settings
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ this is not json", encoding="utf-8")
    app = App((1024, 576), strict=True)
    app.start("title")
    app.frame(0.016)
    assert app.settings == Settings(window=(1024, 576))
    assert "could not be used" in app.stack.top.message
    assert app.notice is None  # shown once, by this title
    assert list(path.parent.glob("settings.json.corrupt-*"))
    again = App((1024, 576), strict=True)
    assert again.notice is None


def test_q_on_the_title_quits() -> None:
    pilot = Pilot()
    pilot.do(Act.QUIT)
    assert not pilot.app.running and pilot.app.stack.top is None


def test_closing_the_window_mid_run_keeps_the_run_to_resume() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "facilitator", anti_model=False)
    pilot.do(Act.CONFIRM)
    pilot.post(pygame.QUIT)
    pilot.step()
    assert not pilot.app.running
    assert find_unfinished(folders().sessions) is not None
    again = Pilot()
    assert again.top.menu.items[0].key == "resume"
    Player(again, "keyboard").pick_key(again.top.menu, "resume")
    assert again.name == "stage"
    assert again.stage.view.line_index == 1 and again.phase is Phase.PLAYING
    assert again.stage.notice == ""  # the script is unchanged: nothing to warn about


def test_quit_to_title_from_a_freeze_resumes_frozen() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "facilitator", anti_model=False)
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_4)  # resume ...
    pilot.do(Act.BUZZ)  # ... and freeze again, then leave from the pause menu
    pilot.do(Act.CHOOSE_4)
    pilot.do(Act.PAUSE)
    player.pick_key(pilot.top.menu, "title")
    assert pilot.names() == ["title"]
    player.pick_key(pilot.top.menu, "resume")
    assert pilot.names() == ["title", "stage"]
    pilot.do(Act.BUZZ)
    assert pilot.names() == ["title", "stage", "freeze"]


def test_a_run_that_no_longer_fits_its_script_says_why(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    for name in ("example.yaml", "criteria.yaml"):
        shutil.copy(ROOT / "scripts" / name, scripts / name)
    pilot = Pilot(scripts_dir=scripts)
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "facilitator", anti_model=False)
    pilot.do(Act.CONFIRM)
    pilot.do(Act.CONFIRM)
    pilot.do(Act.PAUSE)
    player.pick_key(pilot.top.menu, "title")
    text = (scripts / "example.yaml").read_text(encoding="utf-8")
    edited = text.replace('      - who: jo\n        says: "Right. Fine."\n', "")
    assert edited != text
    (scripts / "example.yaml").write_text(edited, encoding="utf-8")
    again = Pilot(scripts_dir=scripts)
    Player(again, "keyboard").pick_key(again.top.menu, "resume")
    assert again.name == "title"
    assert "cannot be resumed" in again.top.message


def test_an_unexpected_error_goes_back_to_the_title_and_is_logged(monkeypatch) -> None:
    pilot = Pilot()
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    app = pilot.app

    def broken(dt: float) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(pilot.stage, "update", broken)
    with pytest.raises(ZeroDivisionError):
        app.frame(0.016)  # strict (as in every test): never swallowed
    app.strict = False
    app.guarded_frame(0.016)
    assert pilot.names() == ["title"]
    assert "Something went wrong" in pilot.top.message
    assert "ZeroDivisionError" in (folders().log).read_text(encoding="utf-8")
    assert pilot.top.menu.items[0].key == "resume"  # the run itself was kept


def test_export_writes_the_handout() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "facilitator", anti_model=False)
    play_stage(player, {})
    assert pilot.name == "debrief"
    player.pick_key(pilot.top.buttons, "export")
    assert pilot.top.message.startswith("Handout saved")
    assert list(folders().handouts.glob("*.html"))


def test_debrief_pages_and_timeline_scroll() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "facilitator", anti_model=False)
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_2)
    pilot.do(Act.CHOOSE_1)
    pilot.do(Act.CONFIRM)
    pilot.do(Act.CHOOSE_4)
    play_stage(player, {})
    debrief = pilot.top
    kinds = [head for head, _ in debrief.entries]
    assert any("Hot-seat" in k for k in kinds) and any("Missed" in k for k in kinds)
    pilot.do(Act.DOWN)  # shows the timeline; the next Down turns its page, if it has two
    assert debrief.page == 2 and debrief.scroll == 0
    pilot.do(Act.DOWN)
    assert debrief.scroll == min(1, len(debrief.timeline_pages()) - 1)
    pilot.click(debrief.tabs[3].center)
    assert debrief.page == 3


def test_the_timeline_is_laid_out_again_in_a_new_font() -> None:
    """OpenDyslexic is wider than Atkinson: pages laid out for one must not be kept for the
    other, or the timeline's words run past their columns."""
    pilot = Pilot(size=(1024, 576))
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "facilitator", anti_model=False)
    play_stage(player, {})
    debrief = pilot.top
    before = [spot for page in debrief.timeline_pages() for *_, spot in page]
    pilot.app.change_settings(replace(pilot.app.settings, font="opendyslexic"))
    after = [spot for page in debrief.timeline_pages() for *_, spot in page]
    assert after != before


def test_nothing_but_background_in_the_bottom_tenth_of_menu_screens() -> None:
    pilot = Pilot()
    menus = {
        "title",
        "picker",
        "mode",
        "notice",
        "settings",
        "debrief_outcome",
        "debrief_criteria",
        "debrief_timeline",
        "debrief_discuss",
    }
    seen = set()
    for name in tour(pilot):
        if name not in menus:
            continue
        seen.add(name)
        screen = pilot.app.screen
        w, h = screen.get_size()
        band = screen.subsurface((0, h - h // 10, w, h // 10))
        colours = {
            tuple(band.get_at((x, y)))[:3] for x in range(0, w, 7) for y in range(0, h // 10, 5)
        }
        assert colours == {pilot.app.theme.stage_bg}, name
    assert seen == menus


def test_a_run_on_an_edited_script_resumes_with_a_warning(tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    for name in ("example.yaml", "criteria.yaml"):
        shutil.copy(ROOT / "scripts" / name, scripts / name)
    pilot = Pilot(scripts_dir=scripts)
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    pilot.do(Act.CONFIRM)
    pilot.post(pygame.QUIT)
    pilot.step()
    text = (scripts / "example.yaml").read_text(encoding="utf-8")
    (scripts / "example.yaml").write_text(text.replace("Right. Fine.", "Right. Fine!"), "utf-8")
    again = Pilot(scripts_dir=scripts)
    Player(again, "keyboard").pick_key(again.top.menu, "resume")
    assert again.name == "stage" and "changed" in again.stage.notice
    again.do(Act.CONFIRM)
    assert again.stage.notice == "" and again.stage.view.line.says == "Right. Fine!"


def test_backspace_on_resume_sets_the_old_run_aside() -> None:
    pilot = Pilot()
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    pilot.post(pygame.QUIT)
    pilot.step()
    again = Pilot()
    assert again.top.menu.items[0].key == "resume"
    again.do(Act.BACK)
    assert [i.key for i in again.top.menu.items] == ["start", "progress", "settings", "quit"]
    assert find_unfinished(folders().sessions) is None


def test_pointing_moves_the_focus_and_a_click_chooses() -> None:
    pilot = Pilot()
    menu = pilot.top.menu
    pilot.post(pygame.MOUSEMOTION, pos=menu.rects[2].center, rel=(0, 0), buttons=(0, 0, 0))
    pilot.step()
    assert menu.focused.key == "settings"
    pilot.click_label("Settings")
    assert pilot.name == "settings"


def test_a_run_that_cannot_be_recorded_still_plays(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("game.ui.screens.flow.start_session", refuse)
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "facilitator", anti_model=False)
    assert pilot.stage.session is None and "cannot be recorded" in pilot.stage.notice
    play_stage(player, {})
    assert pilot.name == "debrief"
    assert not pilot.top.buttons.items[0].enabled  # nothing to export without a record


def test_with_resume_on_the_title_every_button_still_shows_its_key() -> None:
    from game.ui.screens.draw import badge

    pilot = Pilot()
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    pilot.post(pygame.QUIT)
    pilot.step()
    again = Pilot()
    items = again.top.menu.items
    assert items[0].key == "resume" and len(items) == 5
    assert [badge(item, i) for i, item in enumerate(items)] == ["1", "2", "3", "4", "Q"]
    again.key(pygame.K_q)
    assert not again.app.running  # the badge tells the truth


def test_the_debrief_asks_before_esc_leaves_and_shows_one_focus_ring() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    play_stage(player, {})
    assert pilot.name == "debrief"
    debrief = pilot.top
    pilot.do(Act.PAUSE)
    assert pilot.name == "debrief" and debrief.leaving
    pilot.do(Act.CHOOSE_2)  # any other key: stay
    assert pilot.name == "debrief" and not debrief.leaving and debrief.page == 1
    pilot.do(Act.BACK)
    pilot.do(Act.BACK)
    assert pilot.names() == ["title"]


def test_the_debrief_tab_shown_has_no_focus_ring() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    play_stage(player, {})
    app, debrief = pilot.app, pilot.top
    tab = debrief.tabs[debrief.page]
    ring = app.theme.accent[:3]
    edge = [pilot.pixels().get_at((x, tab.y - 2))[:3] for x in range(tab.x, tab.right, 4)]
    assert ring not in edge  # the ring is drawn round the focused button only
    button = debrief.buttons.rects[debrief.buttons.focus]
    edge = [pilot.pixels().get_at((x, button.y - 2))[:3] for x in range(button.x, button.right, 4)]
    assert ring in edge
