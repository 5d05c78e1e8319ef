"""The freeze menu: what the room can do once the scene is stopped.

An overlay over the frozen stage. Its root offers 1 Redirect (only when an intervention
point is on stage or has just passed), 2 Hot-seat, 3 Rewind, 4 Resume; each opens a page of
this scene and every page goes back to the root with Esc or Backspace. A redirect pops the
overlay with the runtime's `ChoiceResult`, which the stage turns into feedback (solo); Resume
pops with None. The facilitator's question for the room stays on screen throughout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.story.views import ThoughtView

from ..input import Action
from ..keymap import Act
from ..sound import CHIME
from . import draw
from .menu import Item, Menu, MenuScene, column, grid
from .options import TALLY_KEYS, option_cards, option_menu, place

if TYPE_CHECKING:
    from .stage import StageScene

#: Asked when the stop is not at an intervention point the author wrote a question for.
GENERIC_PROMPT = "Ask the room: what did you notice? What might the manager do differently?"
#: Rows of earlier moments shown at once on the rewind page.
REWIND_ROWS = 4


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(".,;:!?")
    return f"{cut}\u2026"


class FreezeScene(MenuScene):
    name = "freeze"
    overlay = True

    def __init__(self, app, stage: StageScene) -> None:
        super().__init__(app)
        self.stage = stage
        self.rt = stage.rt
        self.page = "menu"
        self.thought: ThoughtView | None = None
        self.note = ""
        self.menu = Menu([])
        self.top = 0  # first moment row shown on the rewind page

    # ----- pages ------------------------------------------------------------------------

    def enter(self) -> None:
        self.open("menu")

    def open(self, page: str) -> None:
        self.page = page
        view = self.rt.view()
        if page == "menu":
            allowed = view.allowed
            self.menu = Menu(
                [
                    Item(
                        "Redirect: change what the manager does",
                        "redirect",
                        "redirect" in allowed,
                        "no moment to redirect here",
                    ),
                    Item("Hot-seat: hear what someone is thinking", "hotseat"),
                    Item(
                        "Rewind: go back to an earlier moment",
                        "rewind",
                        "rewind" in allowed,
                        "nothing earlier yet",
                    ),
                    Item("Resume the scene", "resume"),
                ],
                columns=2,
            )
        elif page == "redirect":
            assert view.redirect is not None
            self.menu = option_menu(view.redirect)
        elif page == "hotseat":
            self.menu = Menu(
                [Item(f"{a.name} \u2014 {a.role}", a.id) for a in view.actors], columns=2
            )
        elif page == "rewind":
            moments = list(reversed(self.rt.moments()))
            lay = self.app.layout
            # One line per moment, all at one size: about two characters per body-size em.
            limit = max(20, self._panel()[2].w * 2 // lay.body_size - 4)
            self.menu = Menu(
                [
                    Item(shorten(f"{m.speaker_name}: {m.text}", limit), str(m.index))
                    for m in moments
                ],
                digits=False,
            )
            self.top = 0
        self.relayout()

    def relayout(self) -> None:
        lay = self.app.layout
        if self.page == "redirect":
            place(self.app, self.menu)
        elif self.page == "rewind":
            self._scroll()
        elif self.page == "thought":
            self.menu.rects = []
        else:
            self.menu.rects = grid(self._panel()[2], len(self.menu.items), 2, lay.gap)

    def _panel(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The menu's panel, its question line and the area for its buttons.

        The root menu and the hot-seat are a compact panel over the lower stage, so the faces
        and the line in the bubble stay in view while the room talks about them; the rewind
        list (lines of text, not the stage) takes the height it needs. The keys hint sits
        inside the panel's own foot, covering nothing.
        """
        lay = self.app.layout
        safe = lay.safe_rect
        compact = self.page != "rewind"
        lead_h = round(lay.height * (0.07 if compact else 0.12))
        foot = self.app.text.line_height(lay.small_size) + lay.gap // 2
        if compact:  # as tall as its rows of two buttons need, standing on the safe line
            rows = max(1, -(-len(self.menu.items) // 2))
            body_h = rows * lay.px(84) + (rows - 1) * lay.gap
            top = safe.bottom - (2 * lay.padding + lead_h + lay.gap // 2 + body_h + foot)
        else:
            top = lay.header_rect.bottom + lay.gap
        panel = pygame.Rect(0, top, round(safe.w * 0.9), safe.bottom - top)
        panel.centerx = safe.centerx
        inner = panel.inflate(-2 * lay.padding, -2 * lay.padding)
        lead = pygame.Rect(inner.x, inner.y, inner.w, lead_h)
        body_top = lead.bottom + lay.gap // 2
        return panel, lead, pygame.Rect(inner.x, body_top, inner.w, inner.bottom - foot - body_top)

    def _scroll(self) -> None:
        """Keep the focused moment among the rows shown; rows off the page are not clickable."""
        focus = self.menu.focus_index
        if focus < self.top:
            self.top = focus
        elif focus >= self.top + REWIND_ROWS:
            self.top = focus - REWIND_ROWS + 1
        rows = column(self._panel()[2], REWIND_ROWS, self.app.layout.px(96), self.app.layout.gap)
        off = pygame.Rect(-10, -10, 0, 0)
        self.menu.rects = [
            rows[i - self.top] if self.top <= i < self.top + REWIND_ROWS else off
            for i in range(len(self.menu.items))
        ]

    # ----- actions ----------------------------------------------------------------------

    def handle(self, action: Action) -> None:
        act = action.act
        if act in (Act.PAUSE, Act.BACK):
            if self.page == "thought":
                self.open("hotseat")
            elif self.page != "menu":
                self.open("menu")
            return
        if self.page == "thought":
            if act in (Act.CONFIRM, Act.CLICK, Act.ADVANCE):
                self.open("menu")
            return
        if self.page == "menu" and act is Act.ADVANCE:
            self._resume()  # the clicker's "next" plays the scene on
            return
        if self.page == "redirect" and act in (Act.PLUS, Act.MINUS) and self.menu.focused:
            if not self.stage.solo:
                self.stage.add_tally(int(self.menu.focused.key), 1 if act is Act.PLUS else -1)
            return
        if self.page == "rewind" and act in (Act.SCROLL_UP, Act.SCROLL_DOWN):
            step = -1 if act is Act.SCROLL_UP else 1
            self.menu.move_focus(step)
        chosen = self.menu.handle(action)
        if self.page == "rewind":
            self._scroll()
        if chosen is not None:
            self.choose(chosen)

    def choose(self, key: str) -> None:
        if self.page == "menu":
            if key == "resume":
                self._resume()
            else:
                self.note = ""
                self.open(key)
        elif self.page == "redirect":
            result = self.rt.redirect(int(key))
            self.app.stack.pop(result)
        elif self.page == "hotseat":
            self.thought = self.rt.hotseat(key)
            self.page = "thought"
            self.relayout()
        elif self.page == "rewind":
            moment = next(m for m in self.rt.moments() if m.index == int(key))
            self.rt.rewind(moment.index)
            self.stage.refresh()
            self.stage.compose_frozen()
            self.note = f"Rewound to {moment.speaker_name}: \u201c{moment.text}\u201d"
            self.open("menu")

    def _resume(self) -> None:
        self.rt.resume()
        self.app.sound.play(CHIME)
        self.app.stack.pop(None)

    # ----- drawing ----------------------------------------------------------------------

    def room_prompt(self) -> str:
        view = self.stage.view
        point = view.redirect or view.decision
        return point.facilitator_prompt if point and point.facilitator_prompt else GENERIC_PROMPT

    def picture(self) -> tuple:
        """Everything the freeze screen shows: while it is unchanged, so is the picture."""
        lay = self.app.layout
        return (
            self.page,
            self.menu.focus,
            self.top,
            self.note,
            self.thought,
            repr(self.rt.tallies),
            self.stage.frozen_count,
            lay.size,
            lay.text_scale,
            self.app.theme.name,
            tuple((i.label, i.enabled) for i in self.menu.items),
        )

    def draw(self, surface: pygame.Surface) -> None:
        """This menu over the frozen stage. Drawn only when `picture` changes (the app keeps
        the screen as it is otherwise), so the menu's panels cost nothing while it is held."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        view = self.stage.view
        if self.page == "redirect" and view.redirect is not None:
            point = view.redirect
            prompt = point.prompt
            if point.late:
                prompt = f"{prompt} (the moment has just passed)"
            note = "" if self.stage.solo else point.facilitator_prompt
            keys = f"1-{len(point.options)} or arrows then Enter; Esc: back"
            if not self.stage.solo:
                keys = f"{keys}; {TALLY_KEYS}"
            option_cards(
                surface,
                app,
                point,
                self.menu,
                self.stage.tally_of,
                prompt=prompt,
                note=note,
                keys=keys,
            )
            return
        if self.page == "thought" and self.thought is not None:
            self._thought(surface)
            return
        panel, area, _ = self._panel()
        lead = self.note or (
            self.room_prompt() if not self.stage.solo else "What would you like to do?"
        )
        if self.page == "hotseat":
            lead = "Who should we hear from?"
        elif self.page == "rewind":
            count = len(self.menu.items)
            lead = f"Go back to which moment? ({count} earlier, newest first)"
        draw.backing(surface, app, panel)
        img = app.text.fit(
            lead, lay.title_size, theme.text, width=area.w, height=area.h, bold=True, align="center"
        )
        surface.blit(img, img.get_rect(center=area.center))
        draw.menu(surface, app, self.menu, numbered=self.page != "rewind")
        keys = {
            "menu": "1-4, arrows and Enter, or click.  Page Down resumes.",
            "hotseat": "Choose a character.  Esc: back",
            "rewind": "Up/Down and Enter.  Esc: back",
        }[self.page]
        draw.hint(surface, app, keys, panel.inflate(-2 * lay.padding, -lay.padding).bottomleft)

    def _thought(self, surface: pygame.Surface) -> None:
        thought = self.thought
        assert thought is not None
        stage, painter = self.stage, self.stage.painter
        # The frozen stage again, but without the speech bubble: only the thought is spoken.
        surface.blit(painter.set_surface(stage.view), (0, 0))
        painter.header(surface, stage.view.scene.name, "", stage.buzzer_rect.x)
        painter.frozen(surface)
        painter.thought(surface, stage.view, thought)
        # In the header strip, between the scene's name and the FREEZE stamp: it covers
        # neither the thought nor the nameplates.
        lay = self.app.layout
        corner = (lay.header_rect.x + lay.header_rect.w // 3, lay.header_rect.bottom)
        draw.hint(surface, self.app, "Enter: freeze menu \u00b7 Esc: someone else", corner)
