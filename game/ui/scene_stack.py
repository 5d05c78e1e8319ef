"""Screens as scenes on a stack, each with a lifecycle, so a menu never needs to know who opened it.

The title pushes the picker, the stage pushes the freeze menu, the freeze menu pops with the
room's choice as its result, and the stage carries on from that result. An overlay (the
freeze menu, the pause menu) is drawn over the scene below it, which keeps its own picture.

Lifecycle, called by the stack: `enter` when a scene first becomes top, `pause` when another
is pushed over it, `resume(result)` when the one above pops, `exit` when it leaves the stack.
Per frame the app calls `handle(action)` for each action, then `update(dt)` on the top scene
only (the stage stands still under a menu), then `draw(surface)` from the topmost opaque scene
up. `draw` must not change state: it may be called any number of times, or not at all
(the app skips it while no scene's `picture` key has changed, and calls the top scene's
`idle` instead: work done ahead belongs there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from .app import App
    from .input import Action


class Scene:
    """One screen. Subclasses override what they need; every method has a safe default."""

    #: Drawn over the scene below instead of replacing it.
    overlay = False
    #: A short name for tests, screenshots and the log ("title", "stage", "freeze").
    name = "scene"
    #: True while the scene has a text box with the keyboard: keys type instead of acting.
    takes_text = False

    def __init__(self, app: App) -> None:
        self.app = app

    @property
    def buzzer(self) -> bool:
        """True while any pad button should buzz (only a playing stage says yes)."""
        return False

    def enter(self) -> None:
        """Became top for the first time."""

    def exit(self) -> None:
        """Left the stack for good; save anything worth keeping."""

    def pause(self) -> None:
        """Another scene was pushed on top."""

    def resume(self, result: Any = None) -> None:
        """The scene above was popped with `result`."""

    def relayout(self) -> None:
        """The window size, text size or theme changed: drop pictures composed for the old one."""

    def handle(self, action: Action) -> None:
        """One player action."""

    def update(self, dt: float) -> None:
        """Time passes: `dt` seconds since the last frame (from the app, never a clock here)."""

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the current state. Changes nothing."""

    def idle(self) -> None:
        """A frame in which nothing on show changed, so nothing was drawn (top scene only):
        time to make ahead what a coming frame would otherwise make while the room waits."""

    def spoken(self) -> str:
        """What self-voicing reads for this scene now (its focused control, its message);
        read again whenever it changes. "" reads nothing."""
        return ""

    def picture(self) -> object | None:
        """What this scene's picture depends on now, or None to be drawn every frame.

        The app redraws only when the picture of a scene on show changes (or which scenes
        are on show, or the window or style), so a screen that stands still, such as the
        frozen stage under its menu, costs a flip instead of a redraw. A key must cover
        everything `draw` reads that can change, as snapshots compared with == (numbers,
        strings, frozen views), never a mutable object that could change in place.
        """
        return None


class SceneStack:
    """The screens open now, bottom to top."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        if self.scenes:
            self.scenes[-1].pause()
        self.scenes.append(scene)
        scene.enter()

    def pop(self, result: Any = None) -> Scene:
        """Remove the top scene; the one below resumes with `result`."""
        scene = self.scenes.pop()
        scene.exit()
        if self.scenes:
            self.scenes[-1].resume(result)
        return scene

    def close_above(self, scene: Scene) -> None:
        """Close every scene over `scene`, top first, without resuming it (what they were
        for has gone: the author preview reloaded the script under them)."""
        while self.scenes and self.scenes[-1] is not scene:
            self.scenes.pop().exit()

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another (the one below is not disturbed)."""
        old = self.scenes.pop() if self.scenes else None
        if old is not None:
            old.exit()
        self.scenes.append(scene)
        scene.enter()

    def reset(self, scene: Scene) -> None:
        """Close every scene, top first, and start again from `scene`."""
        self.clear()
        self.push(scene)

    def clear(self) -> None:
        while self.scenes:
            self.scenes.pop().exit()

    def find(self, name: str) -> Scene | None:
        """The topmost open scene called `name`."""
        return next((s for s in reversed(self.scenes) if s.name == name), None)

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: the topmost opaque one and the overlays above it."""
        start = 0
        for index in range(len(self.scenes) - 1, -1, -1):
            if not self.scenes[index].overlay:
                start = index
                break
        return self.scenes[start:]

    def relayout(self) -> None:
        for scene in self.scenes:
            scene.relayout()

    def draw(self, surface: pygame.Surface) -> None:
        for scene in self.visible():
            scene.draw(surface)

    def picture(self) -> tuple | None:
        """The scenes on show and their pictures' keys; None if any must be drawn anyway."""
        shown = self.visible()
        keys = [scene.picture() for scene in shown]
        if any(key is None for key in keys):
            return None
        return shown, keys
