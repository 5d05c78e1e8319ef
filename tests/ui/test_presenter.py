"""The presenter view: two real windows under the dummy video driver, driven by real events.

A 1920x1080 stage window and a 1280x800 presenter window (a second `pygame.Window`) share
one event queue; events for the presenter carry its window, as SDL sends them. The tests
hold what the issue asks of it: the projector never draws the hidden context (the thoughts,
until hot-seated) nor the facilitator's content notes, while the presenter does; the
presenter tracks every step of a full run driven from both windows; and a buzz from either
window, or a pad, freezes the stage in the very next frame.
"""

from __future__ import annotations

import pygame
import pytest

from game.story.views import Phase
from game.ui.keymap import Act
from game.ui.pilot import KEY_FOR
from game.ui.presenter import displays
from game.ui.settings import Settings
from tests.ui.pilot import PAD_BUZZ_BUTTON, Pilot, Player, start_scenario
from tests.ui.two_windows import PRESENTER, STAGE, TwoWindows, tour


@pytest.fixture
def two() -> TwoWindows:
    windows = TwoWindows()
    yield windows
    windows.close()


def on_stage(two: TwoWindows) -> None:
    start_scenario(Player(two.p, "keyboard"), "example", "facilitator", anti_model=False)


# ----- the windows and the displays -----------------------------------------------------


def test_two_windows_open_and_both_draw(two: TwoWindows) -> None:
    window = two.view.window
    assert window.size == PRESENTER and two.p.app.screen.get_size() == STAGE
    surface = window.get_surface()
    assert surface is not pygame.display.get_surface()
    background = surface.get_at((2, 2))
    assert any(surface.get_at((x, 780)) != background for x in range(0, 1280, 8))
    assert "No run on stage yet" in two.presenter_text()
    # Closing the presenter window (its own close button) leaves the game running.
    two.p.post(pygame.WINDOWCLOSE, window=window)
    two.p.step()
    assert two.p.app.presenter is None and two.p.app.running
    assert not two.p.app.settings.presenter


def test_closing_the_stage_window_quits_with_the_presenter_open(two: TwoWindows) -> None:
    # With two windows open SDL sends each window's close, and no QUIT until the last.
    two.p.post(pygame.WINDOWCLOSE, window=None)
    two.p.step()
    assert not two.p.app.running


def test_placement_of_stage_and_presenter_on_one_and_two_displays() -> None:
    assert displays.place(1, 1) == displays.Placement(0, 0, separate=False)
    assert displays.place(2, 1) == displays.Placement(1, 0, separate=True)
    assert displays.place(2, 0) == displays.Placement(0, 1, separate=True)
    assert displays.place(3, 9) == displays.Placement(2, 0, separate=True)  # not connected
    assert displays.swapped(displays.place(2, 1)) == 0
    assert displays.presenter_size((1366, 768), separate=False) == (1280, 768)


def test_the_stage_fills_the_projector_display_and_comes_back() -> None:
    """The path two displays take, on the one display the dummy driver has: full-screen on
    display 0 at its desktop size, then back to the window the settings ask for."""
    pilot = Pilot((1024, 576), settings=Settings(auto_advance=False), persist=False)
    app = pilot.app
    app.place_stage(0)
    desktop = pygame.display.get_desktop_sizes()[0]
    assert app.screen.get_size() == desktop and app.layout.size == desktop
    assert pygame.display.is_fullscreen()
    app.place_stage(None)
    assert app.screen.get_size() == (1024, 576) and not pygame.display.is_fullscreen()


def test_f9_opens_and_closes_the_view_and_keeps_the_choice() -> None:
    pilot = Pilot((1024, 576), settings=Settings(auto_advance=False), persist=False)
    pilot.key(pygame.K_F9)
    assert pilot.app.presenter is not None and pilot.app.settings.presenter
    pilot.key(pygame.K_F9)
    assert pilot.app.presenter is None and not pilot.app.settings.presenter
    pilot.key(pygame.K_F8)  # one display: nothing to swap, and nothing breaks
    assert pilot.app.settings.projector_display == 1


def test_the_settings_screen_opens_the_view_and_chooses_the_projector() -> None:
    """The two F-keys' settings are rows too, for a facilitator who has not learnt F8/F9."""
    pilot = Pilot((1024, 576), settings=Settings(auto_advance=False), persist=False)
    app = pilot.app
    pilot.click_label("Settings")
    menu = pilot.top.menu
    while menu.focused.key != "presenter":
        pilot.do(Act.DOWN)
    assert menu.focused.label == "Presenter view (F9): off"
    pilot.do(Act.RIGHT)
    assert app.presenter is not None and app.settings.presenter
    assert pilot.top.menu.focused.label == "Presenter view (F9): on"
    pilot.do(Act.DOWN)
    assert pilot.top.menu.focused.label == "Projector (F8): display 1"
    pilot.do(Act.RIGHT)
    assert app.settings.projector_display == 2 and app.presenter is not None  # reopened
    for _ in range(4):  # Left stops at display 0
        pilot.do(Act.LEFT)
    assert app.settings.projector_display == 0
    assert pilot.top.menu.focused.label == "Projector (F8): display 0"
    pilot.do(Act.UP)
    pilot.do(Act.CONFIRM)
    assert app.presenter is None and not app.settings.presenter
    assert pilot.name == "settings"


# ----- buzzing from either window ------------------------------------------------------


@pytest.mark.parametrize("device", ["presenter key", "stage key", "clicker", "pad", "button"])
def test_a_buzz_from_either_window_freezes_the_stage_in_the_next_frame(
    two: TwoWindows, device: str
) -> None:
    on_stage(two)
    assert two.p.phase is Phase.PLAYING
    if device == "presenter key":
        two.key(KEY_FOR[Act.BUZZ])
    elif device == "stage key":
        two.p.do(Act.BUZZ)
    elif device == "clicker":
        two.key(pygame.K_PAGEUP)  # the clicker's "previous", with the presenter focused
    elif device == "pad":
        two.p.pad(PAD_BUZZ_BUTTON)
    else:
        two.press("control", "buzz")
    assert two.p.phase is Phase.FROZEN and two.p.name == "freeze"  # one frame later


# ----- what each window shows ------------------------------------------------------------


def hidden(two: TwoWindows) -> list[str]:
    """Every thought of the script and every facilitator content note."""
    script = two.stage.rt.script
    thoughts = [t.text for b in script.beats.values() for ts in b.thoughts.values() for t in ts]
    return thoughts + list(script.facilitator_content_notes)


def check_step(two: TwoWindows) -> str:
    """At one step of the run: the projector shows nothing hidden (a thought only on the
    page that hot-seated its character); the presenter shows the line on stage, the
    thoughts of everyone on stage and the content note. The presenter's text."""
    stage, shown = two.stage, two.stage_text()
    secret = hidden(two)
    seated = two.p.top.thought.text if two.p.name == "thought" else None
    assert seated is None or seated in shown  # the spy sees the stage's text
    leaked = [s for s in secret if s in shown and s != seated]
    assert not leaked, f"the projector shows {leaked} on {two.p.name}"
    notes = two.presenter_text()
    flat = " ".join(notes.split())
    view = stage.view
    if view.line is not None and view.phase is not Phase.ENDED:
        assert " ".join(view.line.says.split()) in flat, (view.line.says, notes)
    if view.phase is not Phase.ENDED:
        for actor in view.actors:
            if not actor.is_manager:
                said = stage.rt.thinking(actor.id).text
                assert " ".join(said.split()) in flat, (actor.id, notes)
    for note in stage.rt.script.facilitator_content_notes:
        assert " ".join(note.split()) in flat
    return notes


#: What the presenter says at some steps of the tour, besides what every step checks.
SAYS = {
    "before": "No run on stage yet",
    "first-line": "MOMENTS WORTH STOPPING",
    "stop-now": "STOP NOW",
    "passing": "PASSING: stop now or it will be missed",
    "frozen": "Frozen: the room is talking.",
    "hands": "2 hands",
    "decision": "Decision: the room chooses",
    "own-words": "Let's talk, Jo: how are things at home?|",
    "ending": "The end",
}


def test_the_presenter_tracks_a_full_run_driven_from_both_windows(two: TwoWindows) -> None:
    steps = []
    for step in tour(two):
        notes = check_step(two) if two.stage is not None else two.presenter_text()
        assert SAYS.get(step, "") in notes, (step, notes)
        steps.append(step)
    assert steps[-1] == "rewind" and set(SAYS) <= set(steps)
    assert "of 5 min" in notes


def test_the_elapsed_time_counts_against_the_plan(two: TwoWindows) -> None:
    on_stage(two)
    two.p.step(61, dt=1.0)  # a minute and a second of the fake clock
    assert "Elapsed 01:01 of 5 min" in two.presenter_text()
    two.p.step(1, dt=300.0)
    assert "over time" in two.presenter_text()
