"""Every key, button and pad binding in one table, so a venue's odd hardware is one edit away.

Scenes never see `K_SPACE`; they see `Act.BUZZ`. The tables below are plain data that
`game.ui.input.translate` reads. Rooms use whatever buzzer they have to hand, so several
devices map onto the same action:

* Keyboard: Space or B buzzes; Enter / Right / Page Down advance the scene (or confirm in a
  menu); digits 1-4 pick an option; Esc pauses (or goes back in a menu); F11 is fullscreen;
  H hides the freeze menu to show the whole frozen stage (any key brings it back); N opens
  the facilitator's notes (the content notice and the pause menu, facilitator mode).
* Presentation clicker: its "next" button sends Page Down and its "previous" button Page Up;
  its "blank screen" button sends B or a full stop. **Decision:** Page Down *advances* (the
  clicker's "next" plays the scene on, as it moves slides on, and in the freeze menu it
  resumes), while Page Up, B and full stop *buzz*. So one clicker both plays and freezes, and
  a clicker in auto-advance mode still has its big "back" button as the buzzer.
* Gamepad or USB buzzer button: while a line is playing, **every** pad button buzzes (a big
  USB button usually reports itself as button 0 of a joystick), and d-pad right advances.
  Elsewhere A confirms, B goes back, Start pauses, and the d-pad or left stick moves the
  focus. At a decision point A chooses the focused card and B freezes (to hot-seat first);
  the keyboard's Space and Backspace do the same there.
"""

from __future__ import annotations

from enum import StrEnum

import pygame

from game.i18n import N_, _


class Act(StrEnum):
    """What the player meant, whatever device they used."""

    BUZZ = "buzz"
    ADVANCE = "advance"
    CONFIRM = "confirm"
    BACK = "back"
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CHOOSE_1 = "choose_1"
    CHOOSE_2 = "choose_2"
    CHOOSE_3 = "choose_3"
    CHOOSE_4 = "choose_4"
    CHOOSE_5 = "choose_5"
    PLUS = "plus"
    MINUS = "minus"
    PAUSE = "pause"
    HIDE = "hide"
    #: The facilitator's notes (the content notice and the pause menu, facilitator mode).
    NOTES = "notes"
    FIRST = "first"
    LAST = "last"
    FULLSCREEN = "fullscreen"
    DEBUG_OVERLAY = "debug_overlay"
    PRESENTER = "presenter"  # open or close the presenter view (game/ui/presenter)
    SWAP_DISPLAYS = "swap_displays"  # the stage and the presenter view change displays
    QUIT = "quit"
    CLICK = "click"
    POINT = "point"
    SCROLL_UP = "scroll_up"
    SCROLL_DOWN = "scroll_down"
    RESIZE = "resize"
    CLOSE = "close"
    #: While a text box has the keyboard: typed text (`Action.text`), an input method's
    #: text still being composed, and Ctrl+V.
    TEXT = "text"
    COMPOSE = "compose"
    PASTE = "paste"


#: The numbered choices, in order: `CHOOSES[i]` picks option i.
CHOOSES: tuple[Act, ...] = (
    Act.CHOOSE_1,
    Act.CHOOSE_2,
    Act.CHOOSE_3,
    Act.CHOOSE_4,
    Act.CHOOSE_5,
)

KEYS: dict[int, Act] = {
    pygame.K_SPACE: Act.BUZZ,
    pygame.K_b: Act.BUZZ,
    pygame.K_PERIOD: Act.BUZZ,
    pygame.K_PAGEUP: Act.BUZZ,
    pygame.K_PAGEDOWN: Act.ADVANCE,
    pygame.K_RETURN: Act.CONFIRM,
    pygame.K_KP_ENTER: Act.CONFIRM,
    pygame.K_ESCAPE: Act.PAUSE,
    pygame.K_BACKSPACE: Act.BACK,
    pygame.K_UP: Act.UP,
    pygame.K_DOWN: Act.DOWN,
    pygame.K_LEFT: Act.LEFT,
    pygame.K_RIGHT: Act.RIGHT,
    pygame.K_1: Act.CHOOSE_1,
    pygame.K_2: Act.CHOOSE_2,
    pygame.K_3: Act.CHOOSE_3,
    pygame.K_4: Act.CHOOSE_4,
    pygame.K_5: Act.CHOOSE_5,
    pygame.K_KP1: Act.CHOOSE_1,
    pygame.K_KP2: Act.CHOOSE_2,
    pygame.K_KP3: Act.CHOOSE_3,
    pygame.K_KP4: Act.CHOOSE_4,
    pygame.K_KP5: Act.CHOOSE_5,
    pygame.K_PLUS: Act.PLUS,
    pygame.K_EQUALS: Act.PLUS,
    pygame.K_KP_PLUS: Act.PLUS,
    pygame.K_MINUS: Act.MINUS,
    pygame.K_KP_MINUS: Act.MINUS,
    pygame.K_F11: Act.FULLSCREEN,
    pygame.K_F3: Act.DEBUG_OVERLAY,
    pygame.K_F9: Act.PRESENTER,
    pygame.K_F8: Act.SWAP_DISPLAYS,
    pygame.K_q: Act.QUIT,
    pygame.K_h: Act.HIDE,
    pygame.K_n: Act.NOTES,
    pygame.K_HOME: Act.FIRST,
    pygame.K_END: Act.LAST,
}

#: How keys are named in on-screen hints (the rest by pygame's own name, in capitals);
#: marked for translation, and translated by `key_name` when a hint is drawn.
KEY_NAMES: dict[int, str] = {
    pygame.K_SPACE: N_("Space"),
    pygame.K_RETURN: N_("Enter"),
    pygame.K_ESCAPE: N_("Esc"),
    pygame.K_BACKSPACE: N_("Backspace"),
    pygame.K_PAGEUP: N_("Page Up"),
    pygame.K_PAGEDOWN: N_("Page Down"),
    pygame.K_UP: N_("Up"),
    pygame.K_DOWN: N_("Down"),
    pygame.K_LEFT: N_("Left"),
    pygame.K_RIGHT: N_("Right"),
    pygame.K_PLUS: "+",
    pygame.K_MINUS: "\u2212",
    pygame.K_PERIOD: N_("full stop"),
    pygame.K_HOME: N_("Home"),
    pygame.K_END: N_("End"),
    **{getattr(pygame, f"K_{n}"): str(n) for n in range(10)},
}


def key_name(act: Act) -> str:
    """The first key bound to `act`, as a hint names it: hints come from this table, so
    binding another key changes every hint that mentions it."""
    code = next(k for k, bound in KEYS.items() if bound is act)
    name = KEY_NAMES.get(code)
    return _(name) if name else pygame.key.name(code).upper()


#: With Ctrl, pastes into a text box (the room's own words).
PASTE_KEY = pygame.K_v


def paste_name() -> str:
    """ "Ctrl+V", as the own-words box's hint names it."""
    return f"Ctrl+{pygame.key.name(PASTE_KEY).upper()}"


def choice_keys(count: int) -> str:
    """ "1-4": the keys that choose among `count` options."""
    return f"{key_name(CHOOSES[0])}-{key_name(CHOOSES[count - 1])}"


#: Joystick buttons (SDL's joystick numbering, as most pads and USB buzzers report).
JOY_BUTTONS: dict[int, Act] = {0: Act.CONFIRM, 1: Act.BACK, 7: Act.PAUSE}

#: Game-controller buttons (SDL's controller numbering), for when the controller API is used.
CONTROLLER_BUTTONS: dict[int, Act] = {
    pygame.CONTROLLER_BUTTON_A: Act.CONFIRM,
    pygame.CONTROLLER_BUTTON_B: Act.BACK,
    pygame.CONTROLLER_BUTTON_START: Act.PAUSE,
    pygame.CONTROLLER_BUTTON_DPAD_UP: Act.UP,
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: Act.DOWN,
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: Act.LEFT,
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Act.RIGHT,
}

#: A pad button not in the tables above: buzzes on a playing stage, confirms elsewhere.
OTHER_PAD_BUTTON = Act.CONFIRM

#: Hat (d-pad) directions.
HAT: dict[tuple[int, int], Act] = {
    (0, 1): Act.UP,
    (0, -1): Act.DOWN,
    (-1, 0): Act.LEFT,
    (1, 0): Act.RIGHT,
}

#: A stick counts as pushed past this fraction of its travel, and released below half of it.
STICK_THRESHOLD = 0.6

#: Mouse buttons: 1 left, 3 right (wheel arrives as MOUSEWHEEL).
MOUSE_BUTTONS: dict[int, Act] = {1: Act.CLICK, 3: Act.BACK}
