"""Before the curtain: who is playing (a room or one manager), then the content notice.

The notice names what the scenario deals with before anyone is in it, so people can look
after themselves, and offers the anti-model run (the traditional approach, played through
to its bad outcome) or going straight to the forum run.
"""

from __future__ import annotations

import pygame

from game.i18n import _
from game.story.model import Script
from game.story.roles import MANAGER_SEAT, Seat, seat_words

from ..input import Action
from ..keymap import Act, key_name
from . import draw
from .flow import start_run
from .menu import Item, Menu, MenuScene, grid, rows

MODE_HINT = (
    f"{key_name(Act.CHOOSE_1)} or {key_name(Act.CHOOSE_2)}, arrows and {key_name(Act.CONFIRM)},"
    f" or click.  {key_name(Act.PAUSE)}: back"
)
NOTICE_HINT = f"Take a break whenever you need one: {key_name(Act.PAUSE)} pauses the scene."


def notes_hint() -> str:
    """The facilitator's key for their notes, said without a word of what is in them."""
    return _("{key}: facilitator's notes (not for projecting).").format(key=key_name(Act.NOTES))


ROOMS = {
    "facilitator": (
        "Facilitator: a room decides together",
        [
            "Projected for a group. Anyone can call \u201cstop!\u201d and buzz.",
            "A question for the room at each freeze; count a show of hands.",
            "Scores stay hidden until the debrief.",
        ],
    ),
    "solo": (
        "Solo practice: on your own",
        [
            "Keyboard or mouse. Freeze when something feels wrong.",
            "See the effect of each choice, and why, straight away.",
            "Your progress is kept for next time.",
        ],
    ),
}


class ModeScene(MenuScene):
    """Facilitator or solo, as two large cards."""

    name = "mode"

    def __init__(self, app, script: Script) -> None:
        super().__init__(app)
        self.script = script
        self.menu = Menu([Item(title, key) for key, (title, _) in ROOMS.items()], columns=2)

    def relayout(self) -> None:
        app, lay = self.app, self.app.layout
        top = draw.heading_bottom(app, sub=True) + lay.gap
        bottom = draw.hint_top(app, MODE_HINT) - lay.gap
        self.menu.rects = grid(
            pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, bottom - top), 2, 2, lay.gap * 2
        )

    def handle(self, action: Action) -> None:
        if action.act in (Act.PAUSE, Act.BACK):
            self.app.stack.pop()
            return
        chosen = self.menu.handle(action)
        if chosen is not None and self.script.shoes:  # whose shoes first (screens/seat.py)
            self.app.push("seat", self.script, chosen)
        elif chosen is not None:
            self.app.stack.push(NoticeScene(self.app, self.script, chosen))

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        surface.fill(app.theme.stage_bg)
        draw.heading(surface, app, "Who is playing?", self.script.title)
        for index, ((title, lines), rect) in enumerate(
            zip(ROOMS.values(), self.menu.rects, strict=True)
        ):
            draw.card(
                surface, app, rect, f"{index + 1}. {title}", lines, focused=index == self.menu.focus
            )
        draw.hint(surface, app, MODE_HINT)


class NoticeScene(MenuScene):
    """Content notes and objectives; then the anti-model run, or straight to the forum run."""

    name = "notice"

    def __init__(self, app, script: Script, room: str, seat: Seat = MANAGER_SEAT) -> None:
        super().__init__(app)
        self.script = script
        self.room = room
        self.seat = seat
        items = [Item("Start the forum run", "forum")]
        if script.anti_model_ending and seat.is_manager:  # a manager style shows that way
            items.insert(0, Item("Watch the traditional way first", "anti_model"))
        items.append(Item("Back", "back"))
        self.menu = Menu(items)

    def relayout(self) -> None:
        """Top down: heading, the notice card in what the buttons leave, the buttons, the hint."""
        app, lay = self.app, self.app.layout
        top = draw.heading_bottom(app, sub=True)
        bottom = draw.hint_top(app, self.hint()) - lay.gap // 2
        height, gap = draw.row_height(app), lay.px(16)
        count = len(self.menu.items)
        menu_h = count * height + (count - 1) * gap
        if top + self._card_height() + lay.gap + menu_h > bottom:
            per = -(-count // 2)  # the notice comes first: two columns, if that is shorter
            labels = [item.label for item in self.menu.items]
            lines = draw.label_lines(app, labels, (lay.safe_rect.w - gap) // 2)
            menu_h = min(menu_h, per * draw.row_height(app, lines) + (per - 1) * gap)
        menu_top = bottom - menu_h
        area = pygame.Rect(lay.menu_rect.x, menu_top, lay.menu_rect.w, bottom - menu_top)
        wide = pygame.Rect(lay.safe_rect.x, menu_top, lay.safe_rect.w, bottom - menu_top)
        labels = [item.label for item in self.menu.items]
        two = draw.row_height(app, draw.label_lines(app, labels, (wide.w - gap) // 2))
        self.menu.rects = rows(area, count, height, gap, wide, two)
        self.card = pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, menu_top - lay.gap - top)
        self._beside(top, bottom)

    def _beside(self, top: int, bottom: int) -> None:
        """With large text on a wide window, the buttons stacked under the notice can leave
        it a strip too short for its words at any readable size: then the notice goes on the
        left, as tall as the page, and the buttons in a column on its right, if that shows
        the notice's words larger."""
        app, lay = self.app, self.app.layout
        safe, gap = lay.safe_rect, lay.px(16)
        labels = [item.label for item in self.menu.items]
        width = round(safe.w * 0.4)
        heights = [draw.row_height(app, draw.label_lines(app, [label], width)) for label in labels]
        if sum(heights) + gap * (len(heights) - 1) > bottom - top:
            return
        card = pygame.Rect(safe.x, top, safe.w - width - lay.gap, bottom - top)
        title = _("Before we start")
        if draw.card_body_size(app, card, title, self._lines()) <= draw.card_body_size(
            app, self.card, title, self._lines()
        ):
            return
        self.card, y = card, top
        self.menu.rects = []
        for height in heights:
            self.menu.rects.append(pygame.Rect(card.right + lay.gap, y, width, height))
            y += height + gap

    def _lines(self) -> list[str]:
        script = self.script
        notes = script.content_notes or ("No particular content notes.",)
        lines = ["This scenario includes: " + "; ".join(notes) + "."]
        if script.objectives:
            lines.append("What to practise: " + " ".join(script.objectives))
        return lines

    def _card_height(self) -> int:
        """What the notice card needs to show its words at the body size."""
        app, lay = self.app, self.app.layout
        width = lay.safe_rect.w - 2 * lay.padding
        body = app.text.measure("\n\n".join(self._lines()), lay.body_size, width=width)[1]
        head = app.text.line_height(lay.body_size, bold=True)
        return 2 * lay.padding + head + lay.px(10) + body

    def hint(self) -> str:
        """The keys here; in a room, the key for the facilitator's notes too."""
        if self.room == "facilitator":
            return f"{NOTICE_HINT}  {notes_hint()}"
        return NOTICE_HINT

    def handle(self, action: Action) -> None:
        if action.act in (Act.PAUSE, Act.BACK):
            self.app.stack.pop()
            return
        if action.act is Act.NOTES and self.room == "facilitator":
            self.app.push("facilitator_notes", self.script)
            return
        chosen = self.menu.handle(action)
        if chosen == "back":
            self.app.stack.pop()
        elif chosen is not None:
            first = chosen == "anti_model"
            start_run(self.app, self.script, self.room, anti_model_first=first, seat=self.seat)

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        surface.fill(app.theme.stage_bg)
        script = self.script
        played = seat_words(script, self.seat)
        draw.heading(
            surface,
            app,
            script.title,
            f"About {script.minutes} minutes. {ROOMS[self.room][0]}."
            + (f" {played}." if played else ""),
        )
        draw.card(surface, app, self.card, _("Before we start"), self._lines())
        draw.menu(surface, app, self.menu)
        draw.hint(surface, app, self.hint())
