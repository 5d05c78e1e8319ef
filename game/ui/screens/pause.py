"""The pause menu (Esc on the stage): resume, settings, skip the anti-model, or go to the title.

Nothing here loses the run: "Quit to title" leaves its record open, so the title offers to
resume it exactly where it stopped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import _

from ..art.stage import label_rects
from ..input import Action
from ..keymap import Act, key_name
from . import draw
from .flow import go_to_title
from .menu import Item, Menu, MenuScene, column

if TYPE_CHECKING:
    from .stage import StageScene


class PauseScene(MenuScene):
    name = "pause"
    overlay = True

    def __init__(self, app, stage: StageScene) -> None:
        super().__init__(app)
        self.stage = stage
        items = [Item(_("Resume"), "resume"), Item(_("Settings"), "settings")]
        if stage.anti_model:
            items.append(Item(_("Skip to the forum run"), "skip"))
        if not stage.solo:  # the specific content notes: for the facilitator, not the room
            notes = _("Facilitator's notes (not for projecting)")
            items.append(Item(notes, "notes"))
        items.append(Item(_("Quit to title (the run is kept)"), "title"))
        self.menu = Menu(items)

    def relayout(self) -> None:
        """The buttons in the menu band, kept with the keys under them above the nameplates
        (the facilitator's extra item made the column reach down over them), unless that
        would make the buttons shorter than their words need."""
        app, lay = self.app, self.app.layout
        count = len(self.menu.items)
        plates = label_rects(self.stage.view.actors, lay, app.text)
        keys = lay.padding + lay.gap + app.text.line_height(lay.small_size)
        foot = min((r.y for r in plates), default=lay.menu_rect.bottom) - keys
        area = lay.menu_rect.clip(pygame.Rect(0, 0, lay.width, foot))
        if area.h < count * draw.row_height(app) + (count - 1) * lay.gap:
            area = lay.menu_rect
        self.menu.rects = column(area, count, lay.px(104), lay.gap)

    def handle(self, action: Action) -> None:
        if action.act in (Act.PAUSE, Act.BACK):
            self.app.stack.pop()
            return
        chosen = "notes" if action.act is Act.NOTES else self.menu.handle(action)
        if chosen == "resume":
            self.app.stack.pop()
        elif chosen == "settings":
            self.app.push("settings")
        elif chosen == "notes" and not self.stage.solo:
            self.app.push("facilitator_notes", self.stage.rt.script)
        elif chosen == "skip":
            self.app.stack.pop()
            self.stage.skip_anti_model()
        elif chosen == "title":
            go_to_title(self.app)

    def draw(self, surface: pygame.Surface) -> None:
        app, lay = self.app, self.app.layout
        draw.dim(surface, app)
        title = app.text.render(_("Paused"), lay.title_size, app.theme.text, bold=True)
        top = self.menu.rects[0].y - lay.gap - title.get_height()
        # The keys go in the panel's own foot, not over the nameplates below it.
        foot = self.menu.rects[-1].bottom + lay.gap + app.text.line_height(lay.small_size)
        panel = pygame.Rect(lay.menu_rect.x, top, lay.menu_rect.w, foot - top)
        draw.backing(surface, app, panel.inflate(lay.padding * 2, lay.padding * 2))
        surface.blit(title, title.get_rect(midtop=(panel.centerx, top)))
        draw.menu(surface, app, self.menu)
        draw.hint(
            surface,
            app,
            _("{back}: back to the scene").format(back=key_name(Act.PAUSE)),
            panel.bottomleft,
        )
