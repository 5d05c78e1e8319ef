"""What trips a facilitator in front of a room (issue 13), each driven by real posted events.

Every test here failed on the code before the fix it covers: accidental choices, text that
shrinks or collides as it grows, counting hands, finding a moment, numbers that disagree,
the freeze menu and the small slips.
"""

from __future__ import annotations

import pygame
import pytest

from game.story.views import Phase
from game.ui.keymap import Act
from game.ui.screens.stage import SETTLE
from game.ui.settings import Settings
from game.ui.widgets import freeze_stamp_rect
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario, tour
from tests.ui.textcheck import TextSpy, problems, shrunk, text_on_screen, tour_texts


def to_first_decision(pilot: Pilot, player: Player) -> None:
    """Advance line by line with `player`'s device until the first decision's cards show,
    without waiting: exactly as a room clicking or pressing on through the lines does."""
    for _ in range(400):
        if pilot.phase is Phase.DECIDING:
            return
        player.advance()
    raise AssertionError("no decision reached")


def choices(pilot: Pilot) -> list:
    return [e for e in pilot.stage.rt.events if e.kind == "choice"]


def test_a_click_meant_for_the_line_before_never_chooses_a_card() -> None:
    pilot = Pilot()
    mouse = Player(pilot, "mouse")
    start_scenario(mouse, "performance", "facilitator", anti_model=False)
    to_first_decision(pilot, mouse)
    card = pilot.stage.cards.rects[0]
    pilot.step(24)  # 0.4 s after the cards came up, the next "advance" click lands on a card
    pilot.click(card.center)
    pilot.click(card.center)  # and a double-click
    assert pilot.phase is Phase.DECIDING and not choices(pilot)
    assert pilot.stage.cards.focus is None
    pilot.step(round(SETTLE * 60))
    pilot.click(card.center)  # the cards have stood a second: now a click means them
    assert len(choices(pilot)) == 1


def test_enter_or_arrows_meant_for_the_line_before_never_choose() -> None:
    pilot = Pilot()
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "tom", "facilitator", anti_model=False)
    to_first_decision(pilot, keys)
    for act in (Act.RIGHT, Act.DOWN, Act.CONFIRM, Act.RIGHT, Act.CONFIRM):
        pilot.do(act, frames=6)
    assert pilot.phase is Phase.DECIDING and not choices(pilot)
    assert pilot.stage.cards.focus is None


def test_fullscreen_at_a_decision_never_moves_the_focus() -> None:
    pilot = Pilot()
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "performance", "facilitator", anti_model=False)
    to_first_decision(pilot, keys)
    pilot.settle()
    for change in ("F11", "F11", "resize"):
        if change == "F11":
            pilot.post(pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0)
        else:
            pilot.post(pygame.VIDEORESIZE, w=1280, h=720, size=(1280, 720))
        pilot.step()
        # The system moves the pointer (or the window under it): it is now over a card.
        spot = pilot.stage.cards.rects[0].center
        pilot.post(pygame.MOUSEMOTION, pos=spot, rel=(0, 0), buttons=(0, 0, 0))
        pilot.step()
        assert pilot.stage.cards.focus is None, change
    pilot.do(Act.CONFIRM)
    assert pilot.phase is Phase.DECIDING and not choices(pilot)
    # A real move of the mouse later still focuses the card under it.
    pilot.step(60)
    rect = pilot.stage.cards.rects[1]
    pilot.post(pygame.MOUSEMOTION, pos=rect.center, rel=(5, 5), buttons=(0, 0, 0))
    pilot.step()
    assert pilot.stage.cards.focus == 1


def test_a_click_meant_for_the_last_line_does_not_skip_the_ending() -> None:
    pilot = Pilot()
    mouse = Player(pilot, "mouse")
    start_scenario(mouse, "tom", "facilitator", anti_model=False)
    for _ in range(2000):
        if pilot.phase is Phase.ENDED:
            break
        if pilot.phase is Phase.DECIDING:
            mouse.pick(pilot.stage.cards, 0)
        else:
            mouse.advance()
    assert pilot.phase is Phase.ENDED
    mouse.advance()
    assert pilot.name == "stage"  # the room still reads how it ended
    pilot.settle()
    mouse.advance()
    assert pilot.name == "debrief"


# ----- 2 and 3: text grows with the setting, never clips or collides, never under the floor --

SIZES = [(1024, 576), (1024, 768), (1366, 768), (1920, 1080), (2560, 1080), (3840, 2160)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_at_every_text_size_fits_and_grows(size: tuple[int, int]) -> None:
    """The whole tour of the game's screens at 80 %, 100 %, 130 % and 160 % text: no text
    clipped, outside the window or over another text of the same screen, none under the
    floor for projected text, and none smaller at a larger setting than at 100 %."""
    scales = (1.0, 1.6) if size[1] > 1080 else (0.8, 1.0, 1.3, 1.6)
    base, found = None, []
    for scale in scales:
        texts, wrong = tour_texts(size, scale)
        found += [f"{scale}: {name}: {w}" for name, ws in wrong.items() for w in ws]
        if scale == 1.0:
            base = texts
        elif scale > 1.0 and base is not None:
            found += [f"{scale}: {w}" for w in shrunk(base, texts)]
    assert not found, "\n".join(found)


SCRIPTS = ("karen", "performance", "sickness", "tom", "example")


def screen_problems(pilot: Pilot, spy: TextSpy) -> list[str]:
    return problems(pilot.app, text_on_screen(pilot.app, spy), pilot.app.layout.floor_size)


@pytest.mark.parametrize("name", SCRIPTS)
def test_each_scenarios_own_words_fit_before_the_curtain_at_160(name: str) -> None:
    """Long scenario titles and content notes: picker, who-is-playing and the notice."""
    for size in ((1024, 576), (1920, 1080)):
        pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=1.6))
        spy = TextSpy(pilot.app)
        keys = Player(pilot, "keyboard")
        keys.pick_key(pilot.top.menu, "start")
        menu = pilot.top.menu
        found = []
        for index in range(len(menu.items)):
            menu.focus = index
            pilot.top.relayout()
            found += screen_problems(pilot, spy)
        keys.pick(
            menu, next(i for i, it in enumerate(menu.items) if it.key.endswith(f"{name}.yaml"))
        )
        for room in ("facilitator", "solo"):
            assert pilot.name == "mode"
            found += screen_problems(pilot, spy)
            keys.pick_key(pilot.top.menu, room)
            assert pilot.name == "notice"
            found += screen_problems(pilot, spy)
            pilot.do(Act.BACK)
        assert not found, "\n".join(found)


def test_right_arrow_stops_at_the_largest_text() -> None:
    pilot = Pilot(settings=Settings(auto_advance=False, text_scale=1.45))
    keys = Player(pilot, "keyboard")
    keys.pick_key(pilot.top.menu, "settings")
    pilot.top.menu.focus_on("text_scale")
    for _ in range(3):
        pilot.do(Act.RIGHT)
    assert pilot.app.settings.text_scale == 1.6  # not round again to 80 %
    pilot.do(Act.LEFT)
    assert pilot.app.settings.text_scale == 1.45
    pilot.do(Act.CONFIRM)
    pilot.do(Act.CONFIRM)  # Enter only goes up, so it wraps round at the end
    assert pilot.app.settings.text_scale == 0.8


@pytest.mark.parametrize("size", [(1024, 576), (1920, 1080)])
def test_the_hot_seat_keys_stay_clear_of_freeze_at_160(size: tuple[int, int]) -> None:
    pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=1.6))
    spy = TextSpy(pilot.app)
    for name in tour(pilot):
        if name == "thought":
            break
    stamp = freeze_stamp_rect(pilot.app.layout, pilot.app.text)
    hints = [p for p in text_on_screen(pilot.app, spy) if p.text.startswith("Enter")]
    assert hints and all(h.rect.right < stamp.left for h in hints)


def test_stage_directions_are_read_at_the_body_size() -> None:
    pilot = Pilot((1920, 1080))
    spy = TextSpy(pilot.app)
    for name in tour(pilot):
        if name == "stage":
            break
    lay = pilot.app.layout
    direction = [p for p in text_on_screen(pilot.app, spy) if p.text.startswith("(Hurrying")]
    assert direction and direction[0].size == lay.body_size > lay.small_size


def test_the_runs_own_outcome_is_never_smaller_than_the_traditional_one() -> None:
    pilot = Pilot((1280, 720))
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "tom", "facilitator", anti_model=False)
    play_stage(keys, {})
    assert pilot.name == "debrief"
    spy = TextSpy(pilot.app)
    debrief = pilot.top
    ours, theirs = debrief.result.ending.title, debrief.anti.title
    placed = text_on_screen(pilot.app, spy)
    size = {p.text.split(" (")[0]: p.size for p in placed}
    assert size[ours] == size[theirs]
