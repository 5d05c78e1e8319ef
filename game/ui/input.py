"""Raw pygame events in, player actions out: the one place that knows about devices.

`Input.translate` is the single function that turns an event into `Action`s using the
tables in `game.ui.keymap`. It keeps the little state devices need (which sticks are
pushed, which joysticks are open) so that scenes stay device-free and tests can post real
pygame events and get the same actions a player would.

Pads are read through SDL's joystick API (every pad and USB buzzer has one). Controller
events are translated too, for hosts that use the controller API instead; the game never
opens both for one pad, so a press is never counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .keymap import (
    CONTROLLER_BUTTONS,
    HAT,
    JOY_BUTTONS,
    KEYS,
    MOUSE_BUTTONS,
    OTHER_PAD_BUTTON,
    PASTE_KEY,
    STICK_THRESHOLD,
    Act,
)


@dataclass(frozen=True)
class Action:
    """One player action; `pos` is set for pointer actions, `size` for a window resize,
    `text` for typed or composed text."""

    act: Act
    pos: tuple[int, int] | None = None
    size: tuple[int, int] | None = None
    text: str = ""


#: While a text box has the keyboard, the only keys that act; every other key is typing
#: (its text arrives as TEXTINPUT), so "q" types a q instead of quitting.
TYPING_KEYS: dict[int, Act] = {
    pygame.K_ESCAPE: Act.PAUSE,
    pygame.K_RETURN: Act.CONFIRM,
    pygame.K_KP_ENTER: Act.CONFIRM,
    pygame.K_BACKSPACE: Act.BACK,
    pygame.K_F11: Act.FULLSCREEN,
}


class Input:
    """Turns events into actions; owns the open joysticks so hot-plugged pads keep working."""

    def __init__(self) -> None:
        self._joysticks: dict[int, pygame.joystick.JoystickType] = {}
        self._pushed: dict[tuple[int, int], Act | None] = {}

    def open_joysticks(self) -> None:
        """Open every pad already plugged in (later ones arrive as JOYDEVICEADDED)."""
        if not pygame.joystick.get_init():
            pygame.joystick.init()
        for index in range(pygame.joystick.get_count()):
            self._open(index)

    def _open(self, index: int) -> None:
        try:
            stick = pygame.joystick.Joystick(index)
        except pygame.error:
            return  # unplugged again before we got to it
        self._joysticks[stick.get_instance_id()] = stick

    def translate(
        self, event: pygame.event.Event, buzzer: bool = False, typing: bool = False
    ) -> list[Action]:
        """The actions an event means. `buzzer`: the stage is playing, so any pad button
        buzzes. `typing`: a text box has the keyboard (keys type, see `TYPING_KEYS`)."""
        kind = event.type
        if kind == pygame.QUIT:
            return [Action(Act.CLOSE)]
        if typing:
            return self._typing(event)
        if kind == pygame.KEYDOWN:
            act = KEYS.get(event.key)
            return [Action(act)] if act else []
        if kind in (pygame.JOYBUTTONDOWN, pygame.CONTROLLERBUTTONDOWN):
            table = JOY_BUTTONS if kind == pygame.JOYBUTTONDOWN else CONTROLLER_BUTTONS
            act = table.get(event.button, OTHER_PAD_BUTTON)
            if buzzer and act is not Act.PAUSE:
                act = Act.BUZZ
            return [Action(act)]
        if kind == pygame.JOYHATMOTION:
            act = HAT.get(tuple(event.value))
            return [Action(act)] if act else []
        if kind in (pygame.JOYAXISMOTION, pygame.CONTROLLERAXISMOTION):
            return self._stick(event)
        if kind == pygame.MOUSEBUTTONDOWN:
            act = MOUSE_BUTTONS.get(event.button)
            return [Action(act, pos=tuple(event.pos))] if act else []
        if kind == pygame.MOUSEMOTION:
            return [Action(Act.POINT, pos=tuple(event.pos))]
        if kind == pygame.MOUSEWHEEL:
            return [Action(Act.SCROLL_UP if event.y > 0 else Act.SCROLL_DOWN)] if event.y else []
        if kind == pygame.VIDEORESIZE:
            return [Action(Act.RESIZE, size=(int(event.w), int(event.h)))]
        if kind == pygame.JOYDEVICEADDED:
            self._open(event.device_index)
        elif kind == pygame.JOYDEVICEREMOVED:
            self._joysticks.pop(event.instance_id, None)
        return []

    def _typing(self, event: pygame.event.Event) -> list[Action]:
        """Keys and text while a text box has the keyboard; pointer events as usual."""
        kind = event.type
        if kind == pygame.TEXTINPUT:
            return [Action(Act.TEXT, text=str(event.text))]
        if kind == pygame.TEXTEDITING:
            return [Action(Act.COMPOSE, text=str(event.text))]
        if kind == pygame.KEYDOWN:
            if event.key == PASTE_KEY and getattr(event, "mod", 0) & pygame.KMOD_CTRL:
                return [Action(Act.PASTE)]
            act = TYPING_KEYS.get(event.key)
            return [Action(act)] if act else []
        return self.translate(event)

    def _stick(self, event: pygame.event.Event) -> list[Action]:
        """A stick acts once when pushed past the threshold, again only after it comes back."""
        axis = int(event.axis)
        if axis > 1:
            return []  # only the left stick steers; triggers and the right stick do nothing
        value = float(event.value)
        if event.type == pygame.CONTROLLERAXISMOTION:
            value /= 32767.0  # controller axes report -32768..32767; joystick axes -1..1
        key = (getattr(event, "instance_id", 0), axis)
        was = self._pushed.get(key)
        if abs(value) < STICK_THRESHOLD / 2:
            self._pushed[key] = None
            return []
        if abs(value) < STICK_THRESHOLD or was is not None:
            return []
        if axis == 0:
            act = Act.RIGHT if value > 0 else Act.LEFT
        else:
            act = Act.DOWN if value > 0 else Act.UP
        self._pushed[key] = act
        return [Action(act)]
