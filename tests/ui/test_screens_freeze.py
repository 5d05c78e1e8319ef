"""The buzzer and everything the freeze menu offers, driven by real key events.

Uses the example scenario: line 0 is Jo's entrance, line 1 the manager's public telling-off
(an intervention point), line 2 Jo's reply, then the office and its decision.
"""

from __future__ import annotations

import pygame
import pytest

from game.story.views import Phase
from game.ui.keymap import Act
from game.ui.screens.stage import hint_solo
from tests.ui.pilot import Pilot, Player, start_scenario


def on_stage(room: str = "facilitator", size=(1024, 576)) -> Pilot:
    pilot = Pilot(size)
    start_scenario(Player(pilot, "keyboard"), "example", room, anti_model=False)
    return pilot


def brightness(surface: pygame.Surface) -> float:
    r, g, b, *_ = pygame.transform.average_color(surface)
    return (r + g + b) / 3


def test_the_freeze_is_on_the_first_frame_after_the_buzz() -> None:
    pilot = on_stage()
    before = brightness(pilot.pixels())
    pilot.do(Act.BUZZ, frames=1)
    assert pilot.names()[-2:] == ["stage", "freeze"]
    assert pilot.phase is Phase.FROZEN
    assert brightness(pilot.pixels()) < before * 0.8  # dimmed, in the very frame
    assert pilot.stage.frozen_picture() is not None  # composed once, then blitted


@pytest.mark.parametrize("button", [0, 1, 2, 5, 9])
def test_any_gamepad_button_buzzes_while_a_line_plays(button: int) -> None:
    pilot = on_stage()
    pilot.pad(button)
    assert pilot.phase is Phase.FROZEN


@pytest.mark.parametrize("key", [pygame.K_SPACE, pygame.K_b, pygame.K_PERIOD, pygame.K_PAGEUP])
def test_buzzer_keys_and_clicker(key: int) -> None:
    pilot = on_stage()
    pilot.key(key)
    assert pilot.phase is Phase.FROZEN


def test_clicker_page_down_advances_and_resumes() -> None:
    pilot = on_stage()
    pilot.key(pygame.K_PAGEDOWN)
    assert pilot.stage.view.line_index == 1
    pilot.key(pygame.K_PAGEUP)
    assert pilot.name == "freeze"
    pilot.key(pygame.K_PAGEDOWN)
    assert pilot.name == "stage" and pilot.phase is Phase.PLAYING
    assert pilot.stage.view.line_index == 1


def test_click_on_the_freeze_button_buzzes_and_a_click_elsewhere_advances() -> None:
    pilot = on_stage()
    pilot.click(pilot.app.layout.cast_rect.center)
    assert pilot.stage.view.line_index == 1
    pilot.click_label("Freeze")
    assert pilot.phase is Phase.FROZEN


def test_redirect_at_an_intervention_point() -> None:
    pilot = on_stage()
    pilot.do(Act.CONFIRM)  # the telling-off: an intervention point
    pilot.do(Act.BUZZ)
    menu = pilot.top.menu
    assert [i.key for i in menu.items if i.enabled] == ["redirect", "hotseat", "rewind", "resume"]
    pilot.do(Act.CHOOSE_1)
    assert pilot.name == "redirect"
    pilot.do(Act.CHOOSE_1)
    assert pilot.name == "stage"  # facilitator: no scores until the debrief
    view = pilot.stage.view  # the redirect is acted out: Alex says it, then Jo answers
    assert view.acting and view.speaker.id == "manager" and view.line.says.startswith("Morning")
    pilot.do(Act.CONFIRM)
    assert pilot.stage.view.line.says == "OK. Thanks, Alex."
    pilot.do(Act.CONFIRM)
    assert pilot.stage.view.beat_id == "quiet_word"
    assert [e.kind for e in pilot.stage.rt.events].count("redirect") == 1


def test_each_line_of_a_redirect_acted_out_types_from_its_start() -> None:
    """A choice acted out is several lines at one place in the beat: each is a new line on
    stage, typed out from its first word (and so spoken, and frozen as it stands), never
    shown at the length the line before it reached."""
    pilot = Pilot(animate=True)
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    stage = pilot.stage
    pilot.do(Act.CONFIRM)  # whole, then on to the telling-off: an intervention point
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_1)
    pilot.do(Act.CHOOSE_1)
    said = []
    while stage.view.acting:
        line = stage.view.line.says
        assert stage.text == line and stage.typing, (stage.text, line)
        pilot.step(2)
        assert 0 < stage.shown < len(line)  # typing from the start
        pilot.do(Act.CONFIRM)  # the whole line
        said.append(line)
        pilot.do(Act.CONFIRM)
    assert said[0].startswith("Morning") and said[1] == "OK. Thanks, Alex."


def test_a_late_buzz_still_offers_the_moment_just_passed() -> None:
    pilot = on_stage()
    pilot.do(Act.CONFIRM)
    pilot.do(Act.CONFIRM)  # past the telling-off by one line
    pilot.do(Act.BUZZ)
    view = pilot.stage.rt.view()
    assert view.redirect is not None and view.redirect.late
    pilot.do(Act.CHOOSE_1)
    assert pilot.name == "redirect"


def test_redirect_is_offered_only_where_there_is_a_moment() -> None:
    pilot = on_stage()
    pilot.do(Act.BUZZ)  # Jo's entrance: no intervention point yet
    redirect = pilot.top.menu.items[0]
    assert not redirect.enabled and redirect.reason
    pilot.do(Act.CHOOSE_1)
    assert pilot.name == "freeze"


def test_hot_seat_shows_a_characters_thoughts() -> None:
    pilot = on_stage()
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_2)
    assert pilot.name == "hotseat"
    names = [i.key for i in pilot.top.menu.items]
    pilot.do([Act.CHOOSE_1, Act.CHOOSE_2][names.index("jo")])
    assert pilot.name == "thought"
    assert "Dad had a bad night" in pilot.top.thought.text
    assert pilot.stage.rt.events[-1].kind == "hotseat"
    pilot.do(Act.BACK)
    assert pilot.name == "hotseat"
    pilot.do(Act.PAUSE)
    assert pilot.name == "freeze"
    assert pilot.names() == ["title", "stage", "freeze"]  # one page at a time


def test_rewind_to_an_earlier_moment_starts_another_attempt() -> None:
    pilot = on_stage()
    pilot.do(Act.CONFIRM)
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_3)
    assert pilot.name == "rewind"
    moments = pilot.top.menu.items
    assert len(moments) == 2  # newest first: the telling-off, then Jo's entrance
    pilot.do(Act.DOWN)
    pilot.do(Act.CONFIRM)
    assert pilot.name == "freeze" and "Rewound" in pilot.top.note
    rt = pilot.stage.rt
    assert rt.attempt == 2 and rt.view().line_index == 0
    pilot.do(Act.CHOOSE_4)
    assert pilot.name == "stage" and pilot.phase is Phase.PLAYING
    assert pilot.stage.view.line_index == 0


def test_resume_continues_where_it_stopped() -> None:
    pilot = on_stage()
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_4)
    assert pilot.name == "stage" and pilot.phase is Phase.PLAYING
    assert pilot.stage.view.line_index == 1
    assert [e.kind for e in pilot.stage.rt.events][-2:] == ["buzz", "resume"]


def test_facilitator_tallies_hands_and_keeps_them_in_the_record() -> None:
    pilot = on_stage()
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_1)
    pilot.do(Act.PLUS)  # no card focused yet: counts on card 1 (and focuses it), not lost
    assert pilot.stage.rt.tallies == {"public_telling_off": {0: 1}}
    for _ in range(2):
        pilot.do(Act.PLUS)
    pilot.do(Act.DOWN)
    pilot.do(Act.PLUS)
    pilot.do(Act.PLUS)
    pilot.do(Act.MINUS)
    rt = pilot.stage.rt
    assert rt.tallies["public_telling_off"] == {0: 3, 1: 1}
    assert [e.kind for e in rt.events].count("tally") == 6


def test_solo_feedback_after_a_choice_and_a_hint_at_the_moment() -> None:
    pilot = on_stage("solo")
    assert pilot.stage.hint() == ""
    pilot.do(Act.CONFIRM)
    assert pilot.stage.hint() == hint_solo()
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_1)
    pilot.do(Act.CHOOSE_1)
    assert pilot.name == "feedback"
    effects = [words for _, words in pilot.top.effects()]
    assert "+2  Compassion and wellbeing (better)" in effects
    pilot.do(Act.CONFIRM)
    assert pilot.name == "stage" and pilot.stage.view.acting
    while pilot.stage.view.acting:
        pilot.do(Act.CONFIRM)
    assert pilot.stage.view.beat_id == "quiet_word"


def test_no_hint_for_a_facilitator() -> None:
    pilot = on_stage("facilitator")
    pilot.do(Act.CONFIRM)
    assert pilot.stage.view.intervention_here and pilot.stage.hint() == ""


def test_decision_locked_option_cannot_be_chosen() -> None:
    pilot = on_stage()
    while pilot.phase is Phase.PLAYING:
        pilot.do(Act.CONFIRM)
    assert pilot.phase is Phase.DECIDING
    locked = [o for o in pilot.stage.view.decision.options if not o.available]
    assert locked and locked[0].locked_reason
    pilot.do([Act.CHOOSE_1, Act.CHOOSE_2, Act.CHOOSE_3][locked[0].index])
    assert pilot.phase is Phase.DECIDING


def test_buzz_at_a_decision_to_hot_seat_first() -> None:
    pilot = on_stage()
    while pilot.phase is Phase.PLAYING:
        pilot.do(Act.CONFIRM)
    pilot.do(Act.BACK)
    assert pilot.name == "freeze"
    pilot.do(Act.CHOOSE_2)
    pilot.do(Act.CHOOSE_1)
    assert pilot.name == "thought"
    pilot.do(Act.CONFIRM)
    pilot.do(Act.CHOOSE_4)
    assert pilot.phase is Phase.DECIDING


def test_the_anti_model_run_cannot_be_frozen_and_can_be_skipped() -> None:
    pilot = Pilot()
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=True)
    pilot.do(Act.BUZZ)
    pilot.pad(0)
    assert pilot.name == "stage" and pilot.phase is Phase.PLAYING
    pilot.do(Act.PAUSE)
    pilot.top.menu.focus_on("skip")
    pilot.do(Act.CONFIRM)
    assert pilot.name == "stage" and not pilot.top.anti_model
    assert pilot.top.anti_model_ending == ""


def test_auto_advance_moves_on_at_a_reading_pace_but_never_past_a_decision() -> None:
    from game.ui.settings import Settings

    pilot = Pilot(settings=Settings(auto_advance=True), animate=True)
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    stage = pilot.stage
    assert stage.typing
    pilot.step(frames=60)  # a second: typed, but not yet read
    assert not stage.typing and stage.view.line_index == 0
    pilot.step(frames=16, dt=0.25)  # four more: a six-word line has had its time
    assert stage.view.line_index == 1
    pilot.step(frames=240, dt=0.25)  # a minute of fake time
    assert pilot.phase is Phase.DECIDING
    pilot.step(frames=240, dt=0.25)
    assert pilot.phase is Phase.DECIDING


def test_typing_finishes_on_a_key_before_the_line_moves_on() -> None:
    pilot = Pilot(animate=True)
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    stage = pilot.stage
    assert stage.typing
    pilot.do(Act.CONFIRM)
    assert not stage.typing and stage.view.line_index == 0
    pilot.do(Act.CONFIRM)
    assert stage.view.line_index == 1


def test_the_freeze_picture_follows_a_rewind_and_the_focus() -> None:
    pilot = on_stage()
    pilot.do(Act.CONFIRM)
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)
    first = pilot.pixels().copy()
    pilot.do(Act.DOWN)
    moved = pilot.pixels().copy()
    assert pygame.image.tobytes(first, "RGB") != pygame.image.tobytes(moved, "RGB")
    frozen = pygame.image.tobytes(pilot.stage.frozen_picture(), "RGB")
    pilot.do(Act.CHOOSE_3)
    pilot.top.menu.focus = len(pilot.top.menu.items) - 1
    pilot.do(Act.CONFIRM)  # back to Jo's entrance: the frozen picture is made again
    assert pygame.image.tobytes(pilot.stage.frozen_picture(), "RGB") != frozen
    assert pygame.image.tobytes(pilot.pixels(), "RGB") != pygame.image.tobytes(moved, "RGB")


def test_no_hands_for_a_locked_option() -> None:
    pilot = on_stage()
    while pilot.phase is Phase.PLAYING:
        pilot.do(Act.CONFIRM)
    locked = next(o.index for o in pilot.stage.view.decision.options if not o.available)
    pilot.stage.cards.focus = locked
    pilot.do(Act.PLUS)
    assert pilot.stage.rt.tallies == {}


def test_enter_as_the_cards_appear_chooses_nothing() -> None:
    """Reading on with Enter must not pick card 1: nothing is focused until the player moves."""
    pilot = on_stage()
    while pilot.phase is Phase.PLAYING:
        pilot.do(Act.CONFIRM)
    assert pilot.stage.cards.focus is None
    assert "arrows then Enter" in pilot.stage.header_text()[0]
    pilot.do(Act.CONFIRM)
    pilot.pad(0)
    assert pilot.phase is Phase.DECIDING and pilot.name == "stage"
    pilot.settle()
    pilot.do(Act.DOWN)  # the first move focuses the first open card; Enter then chooses it
    assert pilot.stage.cards.focused is not None
    pilot.do(Act.CONFIRM)
    assert pilot.phase is not Phase.DECIDING


def test_enter_on_the_redirect_cards_chooses_nothing_until_the_focus_moves() -> None:
    pilot = on_stage()
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)
    pilot.do(Act.CHOOSE_1)
    assert pilot.name == "redirect" and pilot.top.menu.focus is None
    pilot.do(Act.CONFIRM)
    assert pilot.name == "redirect" and pilot.phase is Phase.FROZEN


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_freeze_menu_leaves_the_faces_and_the_line_in_view(size) -> None:
    pilot = on_stage(size=size)
    pilot.do(Act.BUZZ)
    lay = pilot.app.layout
    for page in ("freeze", "hotseat"):
        if page == "hotseat":
            pilot.do(Act.CHOOSE_2)
        assert pilot.name == page
        panel = pilot.top.panel()[0]
        assert panel.top >= lay.height // 2  # the bubble and the heads stay uncovered
        assert panel.bottom <= lay.safe_rect.bottom  # nothing in the bottom tenth
        assert all(panel.contains(r) for r in pilot.top.menu.rects)


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_cards_cover_the_nameplates_and_leave_room_for_the_keys(size) -> None:
    from game.ui.screens.draw import hint_top

    pilot = on_stage(size=size)
    while pilot.phase is Phase.PLAYING:
        pilot.do(Act.CONFIRM)
    app = pilot.app
    lay = app.layout
    assert all(r.bottom <= hint_top(app) for r in pilot.stage.cards.rects)
    # The nameplates' band under the cards is the plain cover, not a clipped nameplate.
    for x in (lay.width // 4, lay.width // 2, 3 * lay.width // 4):
        assert pilot.pixels().get_at((x, lay.label_rect.bottom - 3))[:3] == app.theme.stage_bg[:3]


def test_no_hint_over_the_stage_covers_a_nameplate(monkeypatch) -> None:
    """Freeze menu, hot-seat, thought, redirect, pause and ending: each keys hint is placed
    clear of the nameplates (it used to sit on them, bottom left)."""
    from game.ui.screens import draw

    spots: list[tuple[str, pygame.Rect]] = []
    real = draw.hint

    def spy(surface, app, text, corner=None, width=None):
        wrap = width or app.layout.safe_rect.w  # as the hint wraps
        img = app.text.render(text, app.layout.small_size, app.theme.text, width=wrap)
        spots.append((text, img.get_rect(bottomleft=corner or app.layout.safe_rect.bottomleft)))
        real(surface, app, text, corner, width)

    monkeypatch.setattr(draw, "hint", spy)
    pilot = on_stage(size=(1280, 720))
    spots.clear()  # the title, picker and setup screens are not over the stage
    pilot.do(Act.CONFIRM)
    pilot.do(Act.BUZZ)  # freeze menu
    pilot.do(Act.CHOOSE_2)  # hot-seat
    pilot.do(Act.CHOOSE_2)  # a thought
    pilot.do(Act.BACK)
    pilot.do(Act.BACK)
    pilot.do(Act.CHOOSE_1)  # redirect cards: their keys sit on the cover, plates hidden
    pilot.do(Act.CHOOSE_1)
    pilot.do(Act.PAUSE)  # pause over the stage
    pilot.do(Act.PAUSE)
    while pilot.phase is not Phase.ENDED:
        pilot.do(Act.CHOOSE_1 if pilot.phase is Phase.DECIDING else Act.CONFIRM)
    pilot.step()
    lay = pilot.app.layout
    plates = lay.label_slots(len(pilot.stage.view.actors))
    # The freeze menu's keys sit inside its own panel (which covers the plates by design).
    panel_keys = ("Page Down resumes", "Choose a character")
    on_panel = [r for t, r in spots if any(k in t for k in panel_keys)]
    assert on_panel and all(r.bottom <= lay.safe_rect.bottom for r in on_panel)
    over_stage = [
        (t, r)
        for t, r in spots
        if "arrows then Enter" not in t and not any(k in t for k in panel_keys)
    ]
    assert len({t for t, _ in over_stage}) >= 3  # the thought, the pause, the ending
    for text, rect in over_stage:
        assert not any(rect.colliderect(p) for p in plates), text
        assert rect.bottom <= lay.safe_rect.bottom, text
