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
from game.ui import presenter
from game.ui.keymap import Act
from game.ui.pilot import KEY_FOR
from game.ui.presenter import displays
from game.ui.settings import Settings
from tests.ui.pilot import PAD_BUZZ_BUTTON, Pilot, Player, start_scenario
from tests.ui.textcheck import TextSpy, drawn, text_on_screen

STAGE, PRESENTER = (1920, 1080), (1280, 800)


class TwoWindows:
    """The game with the presenter view open, and a spy on every text either window draws."""

    def __init__(self) -> None:
        self.p = Pilot(STAGE, settings=Settings(auto_advance=False), persist=False)
        self.view = presenter.open_view(self.p.app, PRESENTER)
        self.spy = TextSpy(self.p.app)
        self.p.step()

    # ----- events in the presenter window -----------------------------------------------

    def key(self, key: int) -> None:
        """A key pressed while the presenter window has the focus, then one frame."""
        window = self.view.window
        self.p.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0, window=window)
        self.p.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0, window=window)
        self.p.step()

    def click(self, pos: tuple[int, int]) -> None:
        window = self.view.window
        self.p.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False, window=window)
        self.p.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False, window=window)
        self.p.step()

    def press(self, *command: object) -> None:
        """Click the presenter's control that gives `command` (it must be on show)."""
        found = [t for t in self.view.targets if t.command == command]
        assert found, f"no {command} on the presenter: {[t.command for t in self.view.targets]}"
        self.click(found[0].rect.center)

    # ----- what each window draws ----------------------------------------------------------

    def presenter_text(self) -> str:
        return "\n".join(p.text for p in drawn(self.spy, PRESENTER, self.view.paint))

    def stage_text(self) -> str:
        return "\n".join(p.text for p in text_on_screen(self.p.app, self.spy))

    @property
    def stage(self):
        return self.p.stage


@pytest.fixture
def two() -> TwoWindows:
    windows = TwoWindows()
    yield windows
    presenter.close(windows.p.app)


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


def test_placement_of_stage_and_presenter_on_one_and_two_displays() -> None:
    assert displays.place(1, 1) == displays.Placement(0, 0, separate=False)
    assert displays.place(2, 1) == displays.Placement(1, 0, separate=True)
    assert displays.place(2, 0) == displays.Placement(0, 1, separate=True)
    assert displays.place(3, 9) == displays.Placement(2, 0, separate=True)  # not connected
    assert displays.swapped(displays.place(2, 1)) == 0
    assert displays.presenter_size((1366, 768), separate=False) == (1280, 768)


def test_f9_opens_and_closes_the_view_and_keeps_the_choice() -> None:
    pilot = Pilot((1024, 576), settings=Settings(auto_advance=False), persist=False)
    pilot.key(pygame.K_F9)
    assert pilot.app.presenter is not None and pilot.app.settings.presenter
    pilot.key(pygame.K_F9)
    assert pilot.app.presenter is None and not pilot.app.settings.presenter
    pilot.key(pygame.K_F8)  # one display: nothing to swap, and nothing breaks
    assert pilot.app.settings.projector_display == 1


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


def test_the_presenter_tracks_a_full_run_driven_from_both_windows(two: TwoWindows) -> None:
    on_stage(two)
    steps = 0
    notes = check_step(two)
    assert "MOMENTS WORTH STOPPING" in notes and "Elapsed 00:00 of 5 min" in notes
    two.press("control", "advance")  # the telling-off: an intervention point on stage
    assert two.stage.view.intervention_here
    assert "STOP NOW" in check_step(two)
    two.press("control", "advance")  # it passes: the late-buzz window
    assert "PASSING: stop now or it will be missed" in check_step(two)
    two.key(KEY_FOR[Act.BUZZ])
    assert two.p.name == "freeze" and "Frozen" in check_step(two)
    jo = next(a.id for a in two.stage.view.actors if not a.is_manager)
    two.press("hotseat", jo)  # a name in the presenter's thoughts
    assert two.p.name == "thought" and two.p.top.thought.character.id == jo
    check_step(two)  # the hot-seated thought is on the projector now, and only that one
    two.p.do(Act.CONFIRM)  # back to the freeze menu
    assert two.p.name == "freeze"
    two.press("tally", 0, 1)
    two.press("tally", 0, 1)
    assert "2 hands" in check_step(two)
    two.press("choose", 0)  # redirect with the first option
    assert two.p.phase is Phase.PLAYING and two.stage.view.acting
    while two.p.phase is Phase.PLAYING:
        check_step(two)
        two.key(KEY_FOR[Act.CONFIRM])  # Enter in the presenter window: the next line
        steps += 1
    assert two.p.phase is Phase.DECIDING
    assert "Decision" in check_step(two)
    two.press("control", "own")  # the room's own words, from the presenter
    assert two.p.name == "own_words"
    for char in "Let's talk, Jo":
        two.p.post(pygame.TEXTINPUT, text=char, window=two.view.window)
    two.p.step()
    assert "Let's talk, Jo" in check_step(two)
    two.key(pygame.K_ESCAPE)  # cancel: back to the cards
    assert two.p.name == "stage" and two.p.phase is Phase.DECIDING
    two.press("choose", 1)
    while two.p.phase is Phase.PLAYING:
        check_step(two)
        two.press("control", "advance")
        steps += 1
    assert two.p.phase is Phase.ENDED
    assert "The end" in check_step(two)
    two.p.settle()
    two.press("control", "rewind")  # try again from an earlier moment
    assert two.p.name == "rewind"
    assert steps >= 3


def test_the_elapsed_time_counts_against_the_plan(two: TwoWindows) -> None:
    on_stage(two)
    two.p.step(61, dt=1.0)  # a minute and a second of the fake clock
    assert "Elapsed 01:01 of 5 min" in two.presenter_text()
    two.p.step(1, dt=300.0)
    assert "over time" in two.presenter_text()
