"""Every screen by name: scenes open each other through here, never by importing each other.

A screen that leads to another says so by name (`app.push("picker")`), so no screen module
imports another to open it, and which module holds which screen is written down once, in
`SCREENS`. A module is imported the first time one of its screens opens, or earlier by
`preload`, which the game loop calls once the title is on screen: after that no frame
imports anything (the first buzz used to import the freeze menu inside the buzz frame).

Adding a screen: write its class, add one line here, and open it by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..app import App
    from ..scene_stack import Scene

#: name -> (module under game.ui.screens, class). The name is also the scene's `name`.
SCREENS: dict[str, tuple[str, str]] = {
    "title": ("title", "TitleScene"),
    "picker": ("picker", "PickerScene"),
    "progress": ("progress", "ProgressScene"),
    "settings": ("settings_screen", "SettingsScene"),
    "mode": ("setup", "ModeScene"),
    "notice": ("setup", "NoticeScene"),
    "seat": ("seat", "SeatScene"),  # role reversal: whose shoes, then the manager style
    "style": ("seat", "StyleScene"),
    "stage": ("stage", "StageScene"),
    "pause": ("pause", "PauseScene"),
    "feedback": ("feedback", "FeedbackScene"),
    "debrief": ("debrief", "DebriefScene"),
    "role_debrief": ("role_debrief", "RoleDebriefScene"),  # a role played: through their eyes
    "facilitator_notes": ("notes", "FacilitatorNotesScene"),
    # The freeze menu's pages: each a small scene that pops with the room's request.
    "freeze": ("freeze", "FreezeMenu"),
    "redirect": ("freeze", "RedirectPage"),
    "hotseat": ("freeze", "HotSeatPage"),
    "thought": ("freeze", "ThoughtPage"),
    "rewind": ("freeze", "RewindPage"),
    "documents": ("freeze", "DocumentsPage"),
    # The room's own idea, from the extra card at a redirect or a decision.
    "own_words": ("own_idea", "OwnWordsPage"),
    "closest": ("own_idea", "ClosestPage"),
}

#: Modules the screens reach only on first use, kept off the path to the title: the
#: script loader (choosing a scenario), and the codec for files that may start with a
#: byte-order mark.
FIRST_USE = (
    "game.story.loader",
    "encodings.utf_8_sig",
)

_PACKAGE = __name__.rsplit(".", 1)[0]


def scene_class(name: str) -> type[Scene]:
    """The class of the screen called `name` (its module imported if it was not yet)."""
    try:
        module, cls = SCREENS[name]
    except KeyError:
        raise KeyError(f"no screen called {name!r}; screens: {', '.join(SCREENS)}") from None
    found: type[Scene] = getattr(importlib.import_module(f"{_PACKAGE}.{module}"), cls)
    return found


def make(app: App, name: str, *args: Any, **kwargs: Any) -> Scene:
    """A new screen called `name`, built with the arguments its class takes."""
    build: Callable[..., Scene] = scene_class(name)
    return build(app, *args, **kwargs)


def flow() -> ModuleType:
    """`screens/flow.py` (starting, resuming and ending runs), for the title: importing it
    brings in the story runtime and the records, 80 ms the title's first frame need not
    wait for. `preload` imports it with the screens, long before anyone chooses Resume."""
    return importlib.import_module(f"{_PACKAGE}.flow")


def preload() -> None:
    """Import every screen's module (and what they import on first use) now, so that no
    later frame waits for an import."""
    for name in SCREENS:
        scene_class(name)
    flow()
    for module in FIRST_USE:
        importlib.import_module(module)
