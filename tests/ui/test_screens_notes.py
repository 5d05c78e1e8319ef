"""The facilitator's notes (the script's specific content notes), driven by real keys: N on
the content notice and the pause menu in facilitator mode opens a warning with nothing
specific on it; only Enter shows the notes; a solo player has no way to them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pygame

from game.ui.keymap import Act
from game.ui.settings import Settings
from tests.ui.pilot import Pilot, Player
from tests.ui.textcheck import TextSpy, problems, text_on_screen

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
#: The example's specific note: what the room should find out by hot-seating Jo.
SECRET = "Jo's father has dementia"


def to_notice(pilot: Pilot, room: str) -> None:
    player = Player(pilot, "keyboard")
    player.pick_key(pilot.top.menu, "start")
    menu = pilot.top.menu
    player.pick(menu, next(i for i, it in enumerate(menu.items) if Path(it.key).stem == "example"))
    player.pick_key(pilot.top.menu, room)
    assert pilot.name == "notice"


def said(pilot: Pilot) -> str:
    """Every word the facilitator's notes page puts on screen now."""
    title, lines = pilot.top.lines()
    return " ".join([title, *lines])


def test_n_on_the_notice_opens_a_warning_then_the_notes(tmp_path: Path) -> None:
    for size in ((1920, 1080), (1024, 576)):
        pilot = Pilot(size)
        to_notice(pilot, "facilitator")
        assert SECRET not in " ".join(pilot.top._lines())  # the room's notice: general only
        assert "N: facilitator's notes (not for projecting)" in pilot.top.hint()
        pilot.screenshot(SHOTS / f"facilitator-notes-key-{size[0]}x{size[1]}.png")
        pilot.key(pygame.K_n)
        assert pilot.name == "facilitator_notes"
        assert SECRET not in said(pilot) and "Not for projecting" in said(pilot)
        pilot.screenshot(SHOTS / f"facilitator-notes-warning-{size[0]}x{size[1]}.png")
        pilot.do(Act.CONFIRM)
        assert SECRET in said(pilot) and "not for projecting" in said(pilot)
        pilot.screenshot(SHOTS / f"facilitator-notes-{size[0]}x{size[1]}.png")
        pilot.do(Act.PAUSE)
        assert pilot.name == "notice"


def test_any_other_key_on_the_warning_goes_back_without_the_notes() -> None:
    pilot = Pilot()
    to_notice(pilot, "facilitator")
    for leave in (Act.BUZZ, Act.CHOOSE_1, Act.PAUSE):
        pilot.key(pygame.K_n)
        pilot.do(leave)
        assert pilot.name == "notice"
    pilot.key(pygame.K_n)
    pilot.click((5, 5))
    assert pilot.name == "notice"


def test_the_pause_menu_offers_the_notes_in_a_room(tmp_path: Path) -> None:
    for size in ((1920, 1080), (1024, 576)):
        pilot = Pilot(size)
        to_notice(pilot, "facilitator")
        Player(pilot, "keyboard").pick_key(pilot.top.menu, "forum")
        pilot.do(Act.PAUSE)
        assert pilot.name == "pause"
        assert "notes" in [item.key for item in pilot.top.menu.items]
        pilot.screenshot(SHOTS / f"facilitator-notes-pause-{size[0]}x{size[1]}.png")
        pilot.pick("notes")  # by arrows and Enter
        assert pilot.name == "facilitator_notes" and SECRET not in said(pilot)
        pilot.do(Act.PAUSE)
        assert pilot.name == "pause"
        pilot.key(pygame.K_n)  # or by its key
        pilot.do(Act.CONFIRM)
        assert SECRET in said(pilot)
        pilot.do(Act.PAUSE)
        pilot.do(Act.PAUSE)
        assert pilot.name == "stage"


def test_a_solo_player_has_no_way_to_the_notes() -> None:
    pilot = Pilot()
    to_notice(pilot, "solo")
    assert "facilitator's notes" not in pilot.top.hint()
    pilot.key(pygame.K_n)
    assert pilot.name == "notice"
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "forum")
    pilot.do(Act.PAUSE)
    assert "notes" not in [item.key for item in pilot.top.menu.items]
    pilot.key(pygame.K_n)
    assert pilot.name == "pause"


def test_a_script_without_notes_says_so() -> None:
    pilot = Pilot()
    to_notice(pilot, "facilitator")
    pilot.app.push("facilitator_notes", replace(pilot.top.script, facilitator_content_notes=()))
    pilot.do(Act.CONFIRM)
    assert "no specific notes" in said(pilot)


def test_the_notes_fit_at_the_largest_text() -> None:
    for size in ((1920, 1080), (1024, 576)):
        pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=1.6))
        to_notice(pilot, "facilitator")
        spy = TextSpy(pilot.app)
        for _ in range(2):  # the notice with the key's hint, then the warning
            assert not problems(
                pilot.app, text_on_screen(pilot.app, spy), pilot.app.layout.floor_size
            )
            pilot.key(pygame.K_n)
        pilot.do(Act.CONFIRM)
        assert not problems(pilot.app, text_on_screen(pilot.app, spy), pilot.app.layout.floor_size)
