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
from game.ui.widgets import freeze_stamp_rect, frozen_header_x
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
            if pilot.name == "seat":  # a scenario with roles to play: whose shoes first
                found += screen_problems(pilot, spy)
                keys.pick_key(pilot.top.menu, "")
            assert pilot.name == "notice"
            found += screen_problems(pilot, spy)
            while pilot.name != "mode":
                pilot.do(Act.BACK)
        assert not found, "\n".join(found)


@pytest.mark.parametrize("size", [(1024, 576), (1280, 720), (1920, 1080)])
def test_the_content_notice_grows_with_the_text_size(size: tuple[int, int]) -> None:
    """Its words are the scenario's, so the sweep lets them fit their card; but at 160 % the
    card must not be squeezed under three big buttons until the notice reads smaller than at
    100 % (it read at the floor): then the buttons go beside it."""
    found = {}
    for scale in (1.0, 1.6):
        pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=scale))
        spy = TextSpy(pilot.app)
        for name in tour(pilot):
            if name == "notice":
                break
        placed = text_on_screen(pilot.app, spy)
        found[scale] = next(p.size for p in placed if p.text.startswith("This scenario includes"))
        assert not screen_problems(pilot, spy)
        pygame.display.quit()
    assert found[1.6] > found[1.0], found


@pytest.mark.parametrize(("size", "scale"), [((1280, 720), 1.6), ((1920, 1080), 1.0)])
def test_every_option_card_of_a_set_reads_at_one_size(size: tuple[int, int], scale: float) -> None:
    """A card whose words fit at a larger size must not read larger than its neighbours:
    in a choice, the bigger print looks like the favoured answer."""
    pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=scale))
    spy = TextSpy(pilot.app)
    seen = []
    for name in tour(pilot):
        if name in ("redirect", "decision"):
            cards = pilot.top.menu.items if name == "redirect" else pilot.stage.cards.items
            says = {item.label if hasattr(item, "label") else item.says for item in cards}
            placed = text_on_screen(pilot.app, spy)
            sizes = {p.size for p in placed if any(words in p.text for words in says)}
            seen.append(name)
            assert len(sizes) == 1, (name, sizes)
    assert seen == ["redirect", "decision"]


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

    def size(words: str) -> int:
        return next(p.size for p in placed if words in p.text)

    assert size(ours) == size(theirs)
    assert size("This run") == size("The traditional approach")  # the headings too


# ----- 6: numbers that disagree -------------------------------------------------------------


def to_title(pilot: Pilot) -> None:
    for _ in range(4):
        if pilot.name == "title":
            return
        pilot.do(Act.PAUSE)
    assert pilot.name == "title"


def test_progress_shows_the_scores_the_debrief_showed() -> None:
    pilot = Pilot((1920, 1080))
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "tom", "solo", anti_model=False)
    play_stage(keys, {})
    assert pilot.name == "debrief"
    spy = TextSpy(pilot.app)
    pilot.do(Act.CHOOSE_2)
    shown = {p.text for p in text_on_screen(pilot.app, spy)}
    tested = [c for c in pilot.top.result.criteria if c.tested]
    on_chart = [c for c in tested if c.name in shown and f"{c.value}%" in shown]
    to_title(pilot)
    keys.pick_key(pilot.top.menu, "progress")
    pilot.top.menu.focus_on(next(i.key for i in pilot.top.menu.items if i.key.endswith("tom.yaml")))
    pilot.top.relayout()
    words = {p.text for p in text_on_screen(pilot.app, spy)}
    assert on_chart and all(f"latest {c.value}%" in words for c in on_chart), words


def test_two_runs_on_one_day_do_not_read_alike() -> None:
    from game.records import progress
    from game.story.views import CriterionResult, RunResult

    pilot = Pilot()
    script = pilot.app.library.load(str(next(pilot.app.scripts_dir.glob("tom.yaml"))))
    for when, value in (("2026-12-01T09:15:00", 0.25), ("2026-12-01T14:40:00", 0.75)):
        result = RunResult(
            None, (CriterionResult("compassion", "Compassion", value, 2),), (), (), ()
        )
        progress.record_run(script, result, when, when, pilot.app.folders.progress)
    spy = TextSpy(pilot.app)
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "progress")
    pilot.top.menu.focus_on(script.path)
    pilot.top.relayout()
    words = {p.text for p in text_on_screen(pilot.app, spy)}
    assert "1 Dec\n09:15" in words and "1 Dec\n14:40" in words
    assert "\n1 Dec 2026 14:40: " in "\n".join(words)


def buzz_and_rewind_to_the_start(pilot: Pilot, keys: Player) -> None:
    keys.buzz()
    assert pilot.name == "freeze"
    keys.pick_key(pilot.top.menu, "rewind")
    keys.pick(pilot.top.menu, len(pilot.top.menu.items) - 1)  # newest first: the oldest
    keys.pick_key(pilot.top.menu, "resume")


def two_attempts_at_tom(pilot: Pilot, keys: Player) -> None:
    """Tom until a moment is missed, a rewind to the start, then a second attempt played
    to its ending: a run whose missed moments span two attempts."""
    start_scenario(keys, "tom", "facilitator", anti_model=False)
    stage = pilot.stage
    while not any(e.kind == "missed" for e in stage.rt.events):
        if pilot.phase is Phase.DECIDING:
            keys.pick(stage.cards, 0)
        else:
            keys.advance()
    buzz_and_rewind_to_the_start(pilot, keys)
    play_stage(keys, {})


def test_the_outcome_counts_missed_moments_as_the_timeline_lists_them() -> None:
    pilot = Pilot()
    keys = Player(pilot, "keyboard")
    two_attempts_at_tom(pilot, keys)
    debrief = pilot.top
    listed = sum(1 for head, _ in debrief.entries if "Missed moment" in head)
    assert debrief.rt.attempt == 2 and listed > len(debrief.result.missed)
    spy = TextSpy(pilot.app)
    outcome = ""
    for _ in range(debrief.outcome_parts()):  # every part of it
        outcome += " ".join(p.text for p in text_on_screen(pilot.app, spy))
        pilot.do(Act.DOWN)
    assert f"Moments nobody stopped: {listed} over 2 attempts" in outcome


# ----- 8: small slips -----------------------------------------------------------------------


def test_a_resumed_run_still_knows_the_room_watched_the_traditional_way() -> None:
    pilot = Pilot()
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "tom", "facilitator", anti_model=True)
    play_stage(keys, {})  # the traditional run, to its ending; the forum run starts
    assert pilot.name == "stage" and not pilot.stage.anti_model
    keys.advance()
    pygame.display.quit()  # the laptop dies; the record is on disk
    pilot = Pilot()
    keys = Player(pilot, "keyboard")
    keys.pick_key(pilot.top.menu, "resume")
    assert pilot.name == "stage"
    play_stage(keys, {})
    assert pilot.name == "debrief"
    spy = TextSpy(pilot.app)
    words = " ".join(p.text for p in text_on_screen(pilot.app, spy)).lower()
    assert "as you watched it" in words and "had nobody stopped it" not in words


def test_solo_timeline_speaks_to_the_one_practising() -> None:
    pilot = Pilot()
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "tom", "solo", anti_model=False)
    play_stage(keys, {})
    texts = [body for _, body in pilot.top.entries]
    assert any(t.startswith("You let the moment pass") for t in texts)
    assert not any(t.startswith("Nobody stopped the scene") for t in texts)


def test_a_double_click_on_skip_never_buzzes_the_forum_run() -> None:
    pilot = Pilot()
    mouse = Player(pilot, "mouse")
    start_scenario(mouse, "performance", "facilitator", anti_model=True)
    spot = pilot.control("Skip").center
    pilot.click(spot)
    pilot.click(spot)
    assert pilot.name == "stage" and not pilot.stage.anti_model
    assert pilot.phase is Phase.PLAYING
    assert not [e for e in pilot.stage.rt.events if e.kind == "buzz"]


def test_the_picker_shows_no_folder_and_sets_the_sample_apart() -> None:
    pilot = Pilot()
    spy = TextSpy(pilot.app)
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "start")
    words = [p.text for p in text_on_screen(pilot.app, spy)]
    assert not any(str(pilot.app.scripts_dir) in w for w in words)
    labels = [i.label for i in pilot.top.menu.items]
    assert labels[-1].startswith("For script authors: ")
    assert sum(label.startswith("For script authors") for label in labels) == 1


def test_the_handout_is_named_not_pathed_and_its_folder_opens() -> None:
    pilot = Pilot()
    opened: list = []
    pilot.app.folder_opener = opened.append
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "tom", "facilitator", anti_model=False)
    play_stage(keys, {})
    keys.pick_key(pilot.top.buttons, "export")
    debrief = pilot.top
    assert str(pilot.app.folders.handouts) not in debrief.message
    assert ".html" in debrief.message and "/" not in debrief.message
    keys.pick_key(debrief.buttons, "folder")
    assert opened == [pilot.app.folders.handouts]


# ----- 5: finding a moment ------------------------------------------------------------------


def test_the_debrief_timeline_fills_its_page_and_reads_in_a_few_presses() -> None:
    pilot = Pilot((1280, 720))
    keys = Player(pilot, "keyboard")
    two_attempts_at_tom(pilot, keys)
    debrief, spy = pilot.top, TextSpy(pilot.app)
    count = len(debrief.entries)
    assert count >= 10
    pilot.do(Act.CHOOSE_3)
    body = debrief.body
    seen: list[str] = []
    pages = 0
    while True:
        placed = [p for p in text_on_screen(pilot.app, spy) if body.contains(p.rect)]
        seen += [p.text for p in placed if any(p.text == head for head, _ in debrief.entries)]
        pages += 1
        if len(seen) >= count:
            break
        for left in (True, False):  # both columns of every page but the last are filled
            column = [p.rect.bottom for p in placed if (p.rect.x < body.centerx) == left]
            assert column and max(column) >= body.y + body.h * 0.6, (pages, left)
        pilot.do(Act.DOWN)
        assert pages <= -(-count // 2), "reading the timeline takes a press per entry"
    assert seen == [head for head, _ in debrief.entries]  # each once, in order


# ----- 7: the freeze menu (and every menu) in high contrast ---------------------------------


def test_in_high_contrast_the_focused_button_is_the_only_yellow_one() -> None:
    pilot = Pilot(settings=Settings(auto_advance=False, high_contrast=True))
    theme = pilot.app.theme

    def fills() -> list[tuple[int, int, int]]:
        pilot.app.stack.draw(pilot.app.screen)
        lay = pilot.app.layout
        return [
            tuple(pilot.app.screen.get_at((r.x + lay.padding // 2, r.y + lay.padding // 2)))[:3]
            for r in pilot.top.menu.rects
        ]

    for _ in range(3):
        colours = fills()
        focus = pilot.top.menu.focus
        assert colours[focus] == theme.accent
        assert all(c != theme.accent for i, c in enumerate(colours) if i != focus)
        pilot.do(Act.DOWN)


# ----- 4: counting hands --------------------------------------------------------------------


def test_counting_hands_by_key_and_mouse_with_a_total_and_the_leader() -> None:
    from game.ui.screens.options import hands_buttons

    pilot = Pilot((1280, 720))
    mouse = Player(pilot, "mouse")
    start_scenario(mouse, "tom", "facilitator", anti_model=False)
    to_first_decision(pilot, mouse)
    stage = pilot.stage
    point = stage.view.decision.id
    first = next(o.index for o in stage.view.decision.options if o.available)
    pilot.do(Act.PLUS)  # no card focused yet: counts on the first open card, not lost
    assert stage.rt.tallies[point] == {first: 1}
    assert stage.cards.focus == first
    pilot.settle()
    second = next(o.index for o in stage.view.decision.options if o.available and o.index != first)
    minus, plus = hands_buttons(pilot.app, stage.cards.rects[second])
    for spot in (plus, plus, plus, minus):
        pilot.click(spot.center)
    assert stage.rt.tallies[point] == {first: 1, second: 2}
    assert pilot.phase is Phase.DECIDING  # a click on + or - chooses nothing
    spy = TextSpy(pilot.app)
    words = {p.text for p in text_on_screen(pilot.app, spy)}
    assert "Hands: 2 of 3, most" in words and "Hands: 1 of 3" in words
    assert not screen_problems(pilot, spy)  # the count sits clear of the card's words
    # The next attempt counts afresh.
    mouse.pick(stage.cards, first)
    keys = Player(pilot, "keyboard")
    buzz_and_rewind_to_the_start(pilot, keys)
    to_first_decision(pilot, keys)
    assert stage.rt.tallies.get(point, {}) == {}
    words = {p.text for p in text_on_screen(pilot.app, spy)}
    assert "Hands: 0" in words


def freeze_on_stage(room: str = "facilitator") -> tuple[Pilot, Player]:
    pilot = Pilot((1280, 720))
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "example", room, anti_model=False)
    keys.advance()
    keys.buzz()
    assert pilot.name == "freeze"
    return pilot, keys


def test_esc_on_the_freeze_menu_reaches_settings_and_quit_without_resuming() -> None:
    pilot, _ = freeze_on_stage()
    pilot.do(Act.PAUSE)
    assert pilot.names()[-2:] == ["freeze", "pause"] and pilot.phase is Phase.FROZEN
    assert "Settings" in [i.label for i in pilot.top.menu.items]
    pilot.do(Act.PAUSE)
    assert pilot.name == "freeze" and pilot.phase is Phase.FROZEN


def test_the_freeze_menu_hides_to_show_the_whole_frozen_stage() -> None:
    pilot, _ = freeze_on_stage()
    spy = TextSpy(pilot.app)
    labels = [i.label for i in pilot.top.menu.items]
    pilot.do(Act.HIDE)
    words = [p.text for p in text_on_screen(pilot.app, spy) if p.layer > 0]
    assert words and not any(label in words for label in labels)
    pilot.do(Act.CHOOSE_1)  # the key that brings the menu back does nothing else
    assert pilot.name == "freeze" and not pilot.top.hidden
    words = [p.text for p in text_on_screen(pilot.app, spy)]
    assert all(label in " ".join(words) for label in labels[1:])


@pytest.mark.parametrize("size", [(1280, 720), (1024, 576), (1024, 768), (1920, 1080)])
def test_the_freeze_menu_leaves_the_frozen_line_in_view_at_160(size: tuple[int, int]) -> None:
    """The room discusses the line it stopped: at the largest text the panel's buttons say
    only their first words ("Redirect") rather than cover the speech bubble; at 100 % they
    say it all. The hot-seat page stays clear of it too."""
    for scale in (1.0, 1.6):
        pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=scale))
        keys = Player(pilot, "keyboard")
        start_scenario(keys, "example", "facilitator", anti_model=False)
        keys.advance()
        keys.buzz()
        bubble = pilot.app.layout.bubble_rect
        menu = pilot.top
        assert menu.panel()[0].top >= bubble.bottom, (scale, menu.panel()[0], bubble)
        if scale == 1.0 and size[0] > 1024:
            assert not menu.menu.short
        keys.pick_key(menu.menu, "hotseat")
        assert pilot.name == "hotseat" and pilot.top.panel()[0].top >= bubble.bottom


def test_the_spotlight_moves_to_the_character_in_the_hot_seat() -> None:
    pilot, keys = freeze_on_stage()
    stage = pilot.stage
    speaker = next(a for a in stage.view.actors if a.speaking)
    other = next(a for a in stage.view.actors if not a.speaking)
    keys.pick_key(pilot.top.menu, "hotseat")
    keys.pick_key(pilot.top.menu, other.id)
    assert pilot.name == "thought"
    lay = pilot.app.layout
    slots = lay.label_slots(len(stage.view.actors))
    ids = [a.id for a in stage.view.actors]

    def plate(who: str) -> tuple[int, int, int]:
        rect = slots[ids.index(who)]
        return tuple(pilot.app.screen.get_at((rect.centerx, rect.bottom - lay.px(10))))[:3]

    # The marked nameplate is the accent colour (warm, little blue), the others the panel's.
    assert plate(other.id)[2] + 40 < plate(speaker.id)[2]


def test_the_rewind_list_names_scenes_marks_moments_and_pages() -> None:
    pilot = Pilot((1280, 720))
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "tom", "facilitator", anti_model=False)
    stage = pilot.stage
    while len(stage.rt.moments()) < 14:
        if pilot.phase is Phase.DECIDING:
            keys.pick(stage.cards, 0)
        else:
            keys.advance()
    keys.buzz()
    keys.pick_key(pilot.top.menu, "rewind")
    freeze, menu = pilot.top, pilot.top.menu
    count = len(menu.items)
    scenes = {s.name for s in stage.rt.script.scenes.values()}
    firsts = [item.label.split("\n")[0].split(" \u00b7 ")[-1] for item in menu.items]
    assert all(first in scenes for first in firsts)
    assert any(item.label.startswith("Moment to intervene \u00b7 ") for item in menu.items)
    shown = [r for r in menu.rects if r.w]
    assert len(shown) == freeze.rewind_rows() >= 8  # two full columns, not 4 rows
    pilot.key(pygame.K_END)
    assert menu.focus == count - 1 and menu.rects[-1].w
    pilot.key(pygame.K_HOME)
    assert menu.focus == 0 and menu.rects[0].w
    pilot.key(pygame.K_PAGEDOWN)
    assert menu.focus == len(shown) and menu.rects[menu.focus].w
    pilot.key(pygame.K_PAGEUP)
    assert menu.focus == 0 and pilot.name == "rewind" and pilot.phase is Phase.FROZEN


@pytest.mark.parametrize("high_contrast", [True, False], ids=["high-contrast", "default"])
@pytest.mark.parametrize("page", ["freeze", "thought"])
def test_the_frozen_strip_names_the_scene_at_full_strength(high_contrast: bool, page: str) -> None:
    """The freeze dims the stage, not the scene's name above it (in high contrast it read
    dark grey on black), and the frame's corner mark hides none of its letters."""
    pilot = Pilot((1280, 720), settings=Settings(auto_advance=False, high_contrast=high_contrast))
    for name in tour(pilot):
        if name == page:
            break
    lay, theme = pilot.app.layout, pilot.app.theme
    pilot.app.stack.draw(pilot.app.screen)
    words = pilot.stage.view.scene.name
    alone = pilot.app.text.render(words, lay.small_size, theme.text, bold=True)
    full = sum(
        1
        for x in range(alone.get_width())
        for y in range(alone.get_height())
        if alone.get_at((x, y)).a == 255
    )
    strip = pygame.Rect(0, lay.header_rect.y + lay.px(16), lay.width // 2, lay.header_rect.h)
    lit = [
        x
        for x in range(strip.left, strip.right)
        for y in range(strip.top, strip.bottom)
        if tuple(pilot.app.screen.get_at((x, y)))[:3] == theme.text
    ]
    assert len(lit) >= 0.9 * full  # every solid pixel of the name, undimmed
    assert min(lit) >= frozen_header_x(lay)  # none under the corner mark


@pytest.mark.parametrize("high_contrast", [True, False], ids=["high-contrast", "default"])
def test_the_line_the_room_stopped_on_is_not_dimmed(high_contrast: bool) -> None:
    """The freeze dims the stage; the line the room discusses stays at full strength (in
    high contrast it read black on dark grey)."""
    pilot = Pilot((1280, 720), settings=Settings(auto_advance=False, high_contrast=high_contrast))
    for name in tour(pilot):
        if name == "freeze":
            break
    theme, lay = pilot.app.theme, pilot.app.layout
    pilot.app.stack.draw(pilot.app.screen)
    bubble = lay.bubble_rect
    row = [
        tuple(pilot.app.screen.get_at((x, bubble.y + lay.px(70))))[:3]
        for x in range(bubble.x + lay.px(40), bubble.right - lay.px(40))
    ]
    assert row.count(theme.panel) > 0.5 * len(row)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_the_outcomes_go_on_in_parts_rather_than_shrink_at_160(size: tuple[int, int]) -> None:
    """At 160 % the two outcomes need more room than the page has: they read at no less
    than the small size of the default text, and Down shows the rest, every word once."""
    from game.ui.layout import Layout

    pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=1.6))
    spy = TextSpy(pilot.app)
    for name in tour(pilot):
        if name == "debrief_outcome":
            break
    debrief = pilot.top
    parts = debrief.outcome_parts()
    assert parts > 1
    least = Layout(*size).small_size
    shown = []
    for part in range(parts):
        if part:
            pilot.do(Act.DOWN)
        placed = text_on_screen(pilot.app, spy)
        assert not screen_problems(pilot, spy)
        cards = debrief.outcome_layout()[0]
        inside = [p for p in placed if any(card.contains(p.rect) for card in cards)]
        assert inside and all(p.size >= least for p in inside)
        body = [p for p in inside if p.rect.x < cards[1].x and p.text != "This run"]
        shown += [p.text for p in body]  # this run's card, under its title
    assert pilot.name == "debrief" and debrief.page == 0  # Down turned parts, not pages
    pilot.do(Act.DOWN)
    assert debrief.page == 2  # after the last part, on to the timeline as before
    words = " ".join(" ".join(shown).split())
    ending = debrief.result.ending
    assert " ".join(ending.outcome.split()) in words
    assert " ".join(ending.context.split()) in words


@pytest.mark.parametrize("size", [(1024, 576), (1280, 720)])
def test_the_ending_and_its_hint_leave_the_nameplates_clear_at_160(size: tuple[int, int]) -> None:
    from game.ui.art.stage import label_rects

    pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=1.6))
    spy = TextSpy(pilot.app)
    for name in tour(pilot):
        if name == "ending":
            break
    plates = label_rects(pilot.stage.view.actors, pilot.app.layout, pilot.app.text)
    hint = [p for p in text_on_screen(pilot.app, spy) if p.text.startswith("Press ")]
    assert hint and hint[0].rect.bottom <= min(r.y for r in plates)
