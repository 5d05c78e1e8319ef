"""Raw events to actions: the one translation every device goes through."""

from __future__ import annotations

import pygame
import pytest

from game.ui.input import Action, Input
from game.ui.keymap import KEYS, Act
from game.ui.scene_stack import Scene, SceneStack


def ev(kind: int, **attrs) -> pygame.event.Event:
    return pygame.event.Event(kind, attrs)


def acts(events, buzzer: bool = False, device: Input | None = None) -> list[Act]:
    device = device or Input()
    return [a.act for e in events for a in device.translate(e, buzzer=buzzer)]


@pytest.mark.parametrize(
    ("key", "act"),
    [
        (pygame.K_SPACE, Act.BUZZ),
        (pygame.K_b, Act.BUZZ),
        (pygame.K_PERIOD, Act.BUZZ),
        (pygame.K_PAGEUP, Act.BUZZ),
        (pygame.K_PAGEDOWN, Act.ADVANCE),
        (pygame.K_RETURN, Act.CONFIRM),
        (pygame.K_ESCAPE, Act.PAUSE),
        (pygame.K_3, Act.CHOOSE_3),
        (pygame.K_KP4, Act.CHOOSE_4),
        (pygame.K_F11, Act.FULLSCREEN),
        (pygame.K_F3, Act.DEBUG_OVERLAY),
    ],
)
def test_keys(key: int, act: Act) -> None:
    assert acts([ev(pygame.KEYDOWN, key=key, mod=0)]) == [act]


def test_unbound_keys_and_key_releases_mean_nothing() -> None:
    assert (
        acts([ev(pygame.KEYDOWN, key=pygame.K_a, mod=0), ev(pygame.KEYUP, key=pygame.K_SPACE)])
        == []
    )


def test_every_binding_is_an_action() -> None:
    assert all(isinstance(a, Act) for a in KEYS.values())


def test_pad_buttons_buzz_on_a_playing_stage_and_confirm_elsewhere() -> None:
    press = [ev(pygame.JOYBUTTONDOWN, button=b, joy=0, instance_id=0) for b in (0, 1, 4)]
    assert acts(press, buzzer=True) == [Act.BUZZ, Act.BUZZ, Act.BUZZ]
    assert acts(press, buzzer=False) == [Act.CONFIRM, Act.BACK, Act.CONFIRM]
    start = ev(pygame.JOYBUTTONDOWN, button=7, joy=0, instance_id=0)
    assert acts([start], buzzer=True) == [Act.PAUSE]  # Start still pauses


def test_controller_buttons() -> None:
    a = ev(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_A, instance_id=0)
    up = ev(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_DPAD_UP, instance_id=0)
    assert acts([a, up]) == [Act.CONFIRM, Act.UP]
    assert acts([a], buzzer=True) == [Act.BUZZ]


def test_hat_and_stick_move_the_focus_once_per_push() -> None:
    device = Input()
    hats = [
        ev(pygame.JOYHATMOTION, value=v, hat=0, joy=0, instance_id=0)
        for v in [(0, 1), (0, 0), (1, 0), (0, -1)]
    ]
    assert acts(hats, device=device) == [Act.UP, Act.RIGHT, Act.DOWN]
    stick = [
        ev(pygame.JOYAXISMOTION, axis=1, value=v, joy=0, instance_id=0)
        for v in (0.2, 0.7, 0.9, 0.5, 0.1, 0.8, -0.9)
    ]
    assert acts(stick, device=device) == [Act.DOWN, Act.DOWN]  # -0.9 before a release: no
    right_stick = ev(pygame.JOYAXISMOTION, axis=3, value=1.0, joy=0, instance_id=0)
    assert acts([right_stick], device=device) == []


def test_mouse_resize_and_close() -> None:
    device = Input()
    click = device.translate(ev(pygame.MOUSEBUTTONDOWN, pos=(10, 20), button=1))
    assert click == [Action(Act.CLICK, pos=(10, 20))]
    assert acts([ev(pygame.MOUSEBUTTONDOWN, pos=(1, 1), button=3)]) == [Act.BACK]
    assert acts([ev(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)]) == [Act.SCROLL_DOWN]
    resize = device.translate(ev(pygame.VIDEORESIZE, w=1280, h=720, size=(1280, 720)))
    assert resize == [Action(Act.RESIZE, size=(1280, 720))]
    assert acts([ev(pygame.QUIT)]) == [Act.CLOSE]


def test_hot_plugged_pads_are_opened_and_forgotten() -> None:
    pygame.joystick.init()
    device = Input()
    assert device.translate(ev(pygame.JOYDEVICEADDED, device_index=99)) == []  # no such pad
    assert device.translate(ev(pygame.JOYDEVICEREMOVED, instance_id=99)) == []


class Recorder(Scene):
    def __init__(self, app, name: str, log: list[str], overlay: bool = False) -> None:
        super().__init__(app)
        self.name, self.log, self.overlay = name, log, overlay

    def enter(self) -> None:
        self.log.append(f"{self.name}.enter")

    def exit(self) -> None:
        self.log.append(f"{self.name}.exit")

    def pause(self) -> None:
        self.log.append(f"{self.name}.pause")

    def resume(self, result=None) -> None:
        self.log.append(f"{self.name}.resume({result})")


def test_scene_stack_lifecycle_and_overlays() -> None:
    log: list[str] = []
    stack = SceneStack()
    stack.push(Recorder(None, "title", log))
    stack.push(Recorder(None, "stage", log))
    stack.push(Recorder(None, "freeze", log, overlay=True))
    assert [s.name for s in stack.visible()] == ["stage", "freeze"]
    stack.pop("redirected")
    stack.replace(Recorder(None, "debrief", log))
    stack.reset(Recorder(None, "title2", log))
    assert log == [
        "title.enter",
        "title.pause",
        "stage.enter",
        "stage.pause",
        "freeze.enter",
        "freeze.exit",
        "stage.resume(redirected)",
        "stage.exit",
        "debrief.enter",
        "debrief.exit",
        "title.exit",
        "title2.enter",
    ]
