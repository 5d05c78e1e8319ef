"""The one headless driver: plays the real game by posting real pygame events and stepping
frames, for the tests, the benchmark and the screenshots alike.

Keys, pad buttons and clicks go through `pygame.event.post`, exactly as a player's devices
send them; the app's own frame reads the queue. Time is a fake clock: every frame advances
it by `dt`, and nothing sleeps. Each frame can be timed (`frame`, `press`) for the bench.
There is one way to move a menu's focus (`move_focus`), so the tests and the bench cannot
drift apart (a hang once came from two copies that did).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.storage import Folders
from game.story.views import Phase

from .app import SCRIPTS_DIR, App
from .keymap import CHOOSES, KEYS, Act
from .screens.menu import Menu
from .settings import Settings

#: The first key bound to each action: what `do(act)` presses.
KEY_FOR: dict[Act, int] = {}
for _key, _act in KEYS.items():
    KEY_FOR.setdefault(_act, _key)

#: One frame at 60 frames a second: the fake clock's step.
DT = 1 / 60


class Pilot:
    """One game, headless, at `size`, started on the title.

    `animate=False` shows text whole (golden images); `persist=False` keeps settings off the
    disk (the bench). As the game's loop does once the title is up, every screen is
    imported before anything is driven, so no frame driven here waits for an import.
    """

    def __init__(
        self,
        size: tuple[int, int] = (1024, 576),
        *,
        settings: Settings | None = None,
        animate: bool = False,
        scripts_dir: Path = SCRIPTS_DIR,
        persist: bool = True,
        folders: Folders | None = None,
    ) -> None:
        settings = settings or Settings(auto_advance=False)
        self.app = App(
            size,
            settings=settings,
            strict=True,
            animate=animate,
            scripts_dir=scripts_dir,
            persist=persist,
            folders=folders,
        )
        pygame.event.clear()
        self.app.start("title")
        self.step()
        self.app.after_first_frame()

    # ----- time and events --------------------------------------------------------------

    def step(self, frames: int = 1, dt: float = DT) -> None:
        for _ in range(frames):
            self.app.frame(dt)

    #: What `frame` times with: the wall clock, or the bench's CPU clock (`time.thread_time`)
    #: for a figure that other busy processes on a shared machine do not inflate.
    timer: Callable[[], float] = staticmethod(time.perf_counter)

    def frame(self) -> float:
        """One whole frame (events, update, draw, flip); its time in milliseconds."""
        start = self.timer()
        self.app.frame(DT)
        return (self.timer() - start) * 1000.0

    def post(self, event_type: int, **attrs: object) -> None:
        pygame.event.post(pygame.event.Event(event_type, attrs))

    def post_key(self, key: int) -> None:
        """A key press and release, queued for the next frame to read."""
        self.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        self.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)

    def key(self, key: int, frames: int = 1) -> None:
        self.post_key(key)
        self.step(frames)

    def do(self, act: Act, frames: int = 1) -> None:
        """Press the first key bound to `act`."""
        self.key(KEY_FOR[act], frames)

    def press(self, act: Act) -> float:
        """Press the key for `act` and run the frame that answers it; that frame's time."""
        self.post_key(KEY_FOR[act])
        return self.frame()

    def choose(self, index: int, frames: int = 1) -> None:
        """Press the digit that chooses item `index` (0 is key 1) of the cards or a menu."""
        self.do(CHOOSES[index], frames)

    def type_text(self, text: str) -> None:
        """What a keyboard sends while a text box has it: per character a key press and the
        text it types (TEXTINPUT, so accents arrive as typed), then one frame."""
        for char in text:
            key = ord(char.lower()) if char.isascii() else 0
            self.post(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0)
            self.post(pygame.TEXTINPUT, text=char)
            self.post(pygame.KEYUP, key=key, mod=0, unicode=char, scancode=0)
        self.step()

    def pad(self, button: int, frames: int = 1) -> None:
        self.post(pygame.JOYBUTTONDOWN, button=button, joy=0, instance_id=0)
        self.post(pygame.JOYBUTTONUP, button=button, joy=0, instance_id=0)
        self.step(frames)

    def hat(self, value: tuple[int, int], frames: int = 1) -> None:
        self.post(pygame.JOYHATMOTION, value=value, hat=0, joy=0, instance_id=0)
        self.post(pygame.JOYHATMOTION, value=(0, 0), hat=0, joy=0, instance_id=0)
        self.step(frames)

    def click(self, pos: tuple[int, int], frames: int = 1, button: int = 1) -> None:
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False)
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=button, touch=False)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=button, touch=False)
        self.step(frames)

    def wheel(self, y: int, frames: int = 1) -> None:
        """Turn the mouse wheel: y > 0 scrolls up, y < 0 down, as SDL reports it."""
        self.post(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, touch=False)
        self.step(frames)

    def click_label(self, text: str, frames: int = 1) -> None:
        """Click the centre of the top scene's control whose label contains `text`."""
        self.click(self.control(text).center, frames)

    def control(self, text: str) -> pygame.Rect:
        controls = self.top.controls()
        found = [r for label, r in controls if text.lower() in label.lower() and r.w]
        assert found, f"no control with {text!r} on {self.name}: {[c for c, _ in controls]}"
        return found[0]

    def settle(self) -> None:
        """Let decision cards or an ending stand long enough for a click or Enter to count
        (`stage.SETTLE`): a player reads them before choosing."""
        for _ in range(240):
            top = self.app.stack.top
            if getattr(top, "name", "") != "stage" or getattr(top, "settled", True):
                return
            self.step()
        raise AssertionError("the stage never settled")

    # ----- menus ------------------------------------------------------------------------

    def move_focus(
        self, menu: Menu, index: int, move: Callable[[Act], object] | None = None
    ) -> None:
        """Move `menu`'s focus to item `index` one arrow at a time; `move` presses an arrow
        (the keyboard's unless given). Nothing focused yet (decision cards): the first move
        focuses the first card."""
        move = move or self.do
        for _ in range(len(menu.items) * 2 + 2):
            if menu.focus == index:
                return
            move(menu.step_towards(index))
        raise AssertionError(f"could not move the focus to item {index} on {self.name}")

    def pick(self, key: str) -> None:
        """Choose the item whose key is `key` in the top scene's menu, by arrows and Enter."""
        menu = self.top.menu
        self.move_focus(menu, [item.key for item in menu.items].index(key))
        self.do(Act.CONFIRM)

    def seat(self, role: str = "", style: str = "") -> None:
        """Past the role reversal screens when the scenario has them (screens/seat.py):
        whose shoes (`role`, a cast id; "" for the manager), then the manager `style`."""
        if self.name != "seat":
            assert not role, f"{role!r} asked for, but no role choice is on screen"
            return
        self.pick(role)
        if role:
            assert self.name == "style", f"expected the manager style, got {self.name}"
            self.pick(style)

    # ----- state ------------------------------------------------------------------------

    @property
    def top(self) -> Any:  # the callers reach into whichever scene it is: a menu, a view
        top = self.app.stack.top
        assert top is not None, "no scene open"
        return top

    @property
    def name(self) -> str:
        return str(self.top.name)

    def names(self) -> list[str]:
        return [s.name for s in self.app.stack.scenes]

    @property
    def stage(self) -> Any:
        return self.app.stack.find("stage")

    @property
    def phase(self) -> Phase | None:
        stage = self.stage
        return stage.rt.phase if stage is not None else None

    def pixels(self) -> pygame.Surface:
        return self.app.screen

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.app.screen, str(path))
