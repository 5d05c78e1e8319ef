"""The game with the presenter view open, driven headless through both windows.

`TwoWindows` is a 1920x1080 stage window and a 1280x800 presenter window (a second
`pygame.Window`) under the dummy video driver, with a spy on every text either draws.
Events meant for the presenter carry its window, as SDL sends them, and go through the one
event queue the game reads. `tour` plays a facilitator run of the example through every
step a facilitator takes, from both windows, and yields each step's name: the presenter
test checks both windows at every step, and tools/presenter_screenshots.py photographs them.
"""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from game.story.views import Phase
from game.ui import presenter
from game.ui.keymap import Act
from game.ui.pilot import KEY_FOR
from game.ui.settings import Settings
from tests.ui.pilot import Pilot, Player, start_scenario
from tests.ui.textcheck import TextSpy, drawn, text_on_screen

STAGE, PRESENTER = (1920, 1080), (1280, 800)


class TwoWindows:
    """The game with the presenter view open, and a spy on every text either window draws."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.p = Pilot(STAGE, settings=settings or Settings(auto_advance=False), persist=False)
        self.view = presenter.open_view(self.p.app, PRESENTER)
        self.spy = TextSpy(self.p.app)
        self.p.step()

    def close(self) -> None:
        presenter.close(self.p.app)

    # ----- events in the presenter window -----------------------------------------------

    def key(self, key: int) -> None:
        """A key pressed while the presenter window has the focus, then one frame."""
        window = self.view.window
        self.p.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0, window=window)
        self.p.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0, window=window)
        self.p.step()

    def type(self, text: str) -> None:
        """Text typed while the presenter window has the focus (TEXTINPUT, as SDL sends)."""
        for char in text:
            self.p.post(pygame.TEXTINPUT, text=char, window=self.view.window)
        self.p.step()

    def click(self, pos: tuple[int, int]) -> None:
        window = self.view.window
        self.p.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False, window=window)
        self.p.post(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False, window=window)
        self.p.step()

    def press(self, *command: object) -> None:
        """Click the presenter's control that gives `command` (it must be on show, so first
        the frames the presenter may wait for a quiet stage before showing the latest)."""
        for _ in range(presenter.MAX_WAIT + 1):
            if self.view.current:
                break
            self.p.step()
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


def tour(two: TwoWindows) -> Iterator[str]:
    """A facilitator's run of the example, a step at a time, from both windows."""
    p = two.p
    yield "before"
    start_scenario(Player(p, "keyboard"), "example", "facilitator", anti_model=False)
    yield "first-line"
    two.press("control", "advance")  # the telling-off: an intervention point on stage
    assert two.stage.view.intervention_here
    yield "stop-now"
    two.press("control", "advance")  # it passes: the late-buzz window
    yield "passing"
    two.key(KEY_FOR[Act.BUZZ])  # the buzzer key, with the presenter window focused
    assert p.name == "freeze"
    yield "frozen"
    jo = next(a.id for a in two.stage.view.actors if not a.is_manager)
    two.press("hotseat", jo)  # a name in the presenter's thoughts
    assert p.name == "thought" and p.top.thought.character.id == jo
    yield "hot-seat"
    p.do(Act.CONFIRM)  # back to the freeze menu, from the stage window
    assert p.name == "freeze"
    two.press("tally", 0, 1)
    two.press("tally", 0, 1)
    yield "hands"
    two.press("choose", 0)  # redirect with the first option
    assert p.phase is Phase.PLAYING and two.stage.view.acting
    yield "acted-out"
    while p.phase is Phase.PLAYING:
        two.key(KEY_FOR[Act.CONFIRM])  # Enter in the presenter window: the next line
    assert p.phase is Phase.DECIDING
    yield "decision"
    two.press("control", "own")  # the room's own words, typed on the laptop
    assert p.name == "own_words"
    two.type("Let's talk, Jo: how are things at home?")
    yield "own-words"
    two.key(pygame.K_RETURN)
    assert p.name == "closest"
    yield "closest"
    two.key(pygame.K_RETURN)  # the suggested option
    assert p.phase is Phase.PLAYING
    while p.phase is Phase.PLAYING:
        two.press("control", "advance")
    assert p.phase is Phase.ENDED
    yield "ending"
    p.settle()
    two.press("control", "rewind")  # try again from an earlier moment
    assert p.name == "rewind"
    yield "rewind"
