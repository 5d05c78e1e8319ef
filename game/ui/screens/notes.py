"""The facilitator's notes: the scenario's specific content notes, for the facilitator only.

The room sees the general content notes before play ("Caring for a family member"); the
specific ones ("Jo's father has dementia...") name what the room should discover by
hot-seating, so they are never on the projected screens. The facilitator opens them with
N (or the pause menu's item) on the content notice and the pause menu, in facilitator mode.

A laptop is often mirrored to the projector, so the page opens on a warning first, with
nothing specific on it: only Enter shows the notes, and Esc or any other key goes back.
With the presenter view the same notes are on the facilitator's own screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.story.model import Script

from ..input import Action
from ..keymap import Act, key_name
from ..scene_stack import Scene
from . import draw

if TYPE_CHECKING:
    from ..app import App


class FacilitatorNotesScene(Scene):
    """A warning, then (on Enter) the script's `facilitator_content_notes`."""

    name = "facilitator_notes"

    def __init__(self, app: App, script: Script) -> None:
        super().__init__(app)
        self.script = script
        #: False while the warning is up; the notes show only after Enter.
        self.showing = False

    def handle(self, action: Action) -> None:
        if action.act is Act.POINT:
            return
        if not self.showing and action.act is Act.CONFIRM:
            self.showing = True
        else:
            self.app.stack.pop()  # Esc, or any other key or click: back, nothing shown

    def picture(self) -> tuple:
        return (self.name, self.showing)

    def lines(self) -> tuple[str, list[str]]:
        """The card's title and lines: the warning, or the notes."""
        enter, back = key_name(Act.CONFIRM), key_name(Act.PAUSE)
        if not self.showing:
            return _("Not for projecting"), [
                _(
                    "The next page names what the room should discover for itself by "
                    "hot-seating. If this laptop is shown on the projector, turn the "
                    "projector's picture off (or stop mirroring) first."
                ),
                _("{enter}: show the notes.  {back} or any other key: back.").format(
                    enter=enter, back=back
                ),
            ]
        notes = self.script.facilitator_content_notes
        if not notes:
            return _("For the facilitator only"), [
                _("This scenario has no specific notes for the facilitator.")
            ]
        return _("For the facilitator only: not for projecting"), [f"\u2022 {n}" for n in notes]

    def draw(self, surface: pygame.Surface) -> None:
        app, lay = self.app, self.app.layout
        surface.fill(app.theme.stage_bg)
        draw.heading(surface, app, _("Facilitator's notes"), self.script.title)
        hint = _("{back}: back").format(back=key_name(Act.PAUSE))
        top = draw.heading_bottom(app, sub=True)
        area = pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, draw.hint_top(app, hint) - top)
        title, lines = self.lines()
        draw.card(surface, app, area.inflate(0, -lay.gap), title, lines)
        draw.hint(surface, app, hint)
