"""A small pilot that drives the real game by posting real pygame events and stepping frames.

Tests press keys, pad buttons and mouse clicks exactly as a player's devices would send them
(through `pygame.event.post`, then the app's own frame reads the queue), with a fake clock:
every frame advances time by `dt`, and nothing sleeps. Assert on state first (the scene
stack, the runtime), pixels second.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.story.views import Phase
from game.ui.app import SCRIPTS_DIR, App
from game.ui.keymap import KEYS, Act
from game.ui.scene_stack import Scene
from game.ui.screens.title import TitleScene
from game.ui.settings import Settings

#: The first key bound to each action: what the pilot presses for `do(act)`.
KEY_FOR: dict[Act, int] = {}
for _key, _act in KEYS.items():
    KEY_FOR.setdefault(_act, _key)

DT = 1 / 60


class Pilot:
    """One game, headless, at `size`; `animate=False` shows text whole (for golden images)."""

    def __init__(
        self,
        size: tuple[int, int] = (1024, 576),
        *,
        settings: Settings | None = None,
        animate: bool = False,
        scripts_dir: Path = SCRIPTS_DIR,
    ) -> None:
        settings = settings or Settings(auto_advance=False)
        self.app = App(
            size, settings=settings, strict=True, animate=animate, scripts_dir=scripts_dir
        )
        pygame.event.clear()
        self.app.start(TitleScene(self.app))
        self.step()

    # ----- time and events --------------------------------------------------------------

    def step(self, frames: int = 1, dt: float = DT) -> None:
        for _ in range(frames):
            self.app.frame(dt)

    def post(self, event_type: int, **attrs: object) -> None:
        pygame.event.post(pygame.event.Event(event_type, attrs))

    def key(self, key: int, frames: int = 1) -> None:
        self.post(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        self.post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)
        self.step(frames)

    def do(self, act: Act, frames: int = 1) -> None:
        """Press the first key bound to `act`."""
        self.key(KEY_FOR[act], frames)

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

    def click_label(self, text: str, frames: int = 1) -> None:
        """Click the centre of the top scene's control whose label contains `text`."""
        rect = self.control(text)
        self.click(rect.center, frames)

    def control(self, text: str) -> pygame.Rect:
        controls = self.top.controls()
        found = [r for label, r in controls if text.lower() in label.lower() and r.w]
        assert found, f"no control with {text!r} on {self.name}: {[c for c, _ in controls]}"
        return found[0]

    # ----- state ------------------------------------------------------------------------

    @property
    def top(self) -> Scene:
        assert self.app.stack.top is not None
        return self.app.stack.top

    @property
    def name(self) -> str:
        return self.top.name

    def names(self) -> list[str]:
        return [s.name for s in self.app.stack.scenes]

    @property
    def stage(self):
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
