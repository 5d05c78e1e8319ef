"""The command-line flags that set up a projector and a laptop, for the game and `play`.

`--presenter` opens the presenter view with the game (as the setting does; F9 toggles it),
`--no-presenter` keeps it closed whatever the setting says, and `--projector-display N`
names the display the stage fills (SDL's numbering; 0 is usually the laptop's own screen).
A flag applies to this run only; F8 and F9 change the settings kept for next time.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING

from ..settings import MAX_DISPLAY

if TYPE_CHECKING:
    from ..app import App


def display_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a display number (0, 1, ...)") from None
    if not 0 <= number <= MAX_DISPLAY:
        raise argparse.ArgumentTypeError(f"display numbers go from 0 to {MAX_DISPLAY}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("projector and laptop")
    group.add_argument(
        "--presenter",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="open the facilitator's presenter view (default: the setting; F9 toggles it)",
    )
    group.add_argument(
        "--projector-display",
        type=display_number,
        metavar="N",
        help="the display the stage fills with the presenter view open (default: 1; F8 swaps)",
    )


def apply(app: App, args: argparse.Namespace) -> None:
    """Use the flags for this run (not saved), then open the view if it is wanted."""
    if args.projector_display is not None:
        app.settings = replace(app.settings, projector_display=args.projector_display)
    wanted = app.settings.presenter if args.presenter is None else args.presenter
    if wanted:
        from . import open_view

        open_view(app)
