"""Before the curtain: who is playing (a room or one manager), then the content notice.

The notice names what the scenario deals with before anyone is in it, so people can look
after themselves, and offers the anti-model run (the traditional approach, played through
to its bad outcome) or going straight to the forum run.
"""

from __future__ import annotations

import pygame

from game.i18n import N_, _
from game.story.model import Script
from game.story.roles import MANAGER_SEAT, Seat, seat_words

from ..input import Action
from ..keymap import Act, key_name
from . import draw
from .flow import start_run
from .menu import Item, Menu, MenuScene, grid, rows


def mode_hint() -> str:
    """The mode screen's keys, in the language in use."""
    return _("{one} or {two}, arrows and {confirm}, or click.  {back}: back").format(
        one=key_name(Act.CHOOSE_1),
        two=key_name(Act.CHOOSE_2),
        confirm=key_name(Act.CONFIRM),
        back=key_name(Act.PAUSE),
    )


def notice_hint() -> str:
    """The content notice's reminder that a break is one key away."""
    return _("Take a break whenever you need one: {pause} pauses the scene.").format(
        pause=key_name(Act.PAUSE)
    )


def notes_hint() -> str:
    """The facilitator's key for their notes, said without a word of what is in them."""
    return _("{key}: facilitator's notes (not for projecting).").format(key=key_name(Act.NOTES))


ROOMS = {
    "facilitator": (
        N_("Facilitator: a room decides together"),
        [
            N_("Projected for a group. Anyone can call \u201cstop!\u201d and buzz."),
            N_("A question for the room at each freeze; count a show of hands."),
            N_("Scores stay hidden until the debrief."),
        ],
    ),
    "solo": (
        N_("Solo practice: on your own"),
        [
            N_("Keyboard or mouse. Freeze when something feels wrong."),
            N_("See the effect of each choice, and why, straight away."),
            N_("Your progress is kept for next time."),
        ],
    ),
}


class ModeScene(MenuScene):
    """Facilitator or solo, as two large cards."""

    name = "mode"

    def __init__(self, app, script: Script) -> None:
        super().__init__(app)
        self.script = script
        self.menu = Menu([Item(_(title), key) for key, (title, _lines) in ROOMS.items()], columns=2)

    def relayout(self) -> None:
        app, lay = self.app, self.app.layout
        top = draw.heading_bottom(app, sub=True) + lay.gap
        bottom = draw.hint_top(app, mode_hint()) - lay.gap
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
        draw.heading(surface, app, _("Who is playing?"), self.script.title)
        for index, ((title, lines), rect) in enumerate(
            zip(ROOMS.values(), self.menu.rects, strict=True)
        ):
            draw.card(
                surface,
                app,
                rect,
                f"{index + 1}. {_(title)}",
                [_(line) for line in lines],
                focused=index == self.menu.focus,
            )
        draw.hint(surface, app, mode_hint())


class NoticeScene(MenuScene):
    """Content notes and objectives; then the anti-model run, or straight to the forum run."""

    name = "notice"

    def __init__(self, app, script: Script, room: str, seat: Seat = MANAGER_SEAT) -> None:
        super().__init__(app)
        self.script = script
        self.room = room
        self.seat = seat
        items = [Item(_("Start the forum run"), "forum")]
        if script.anti_model_ending and seat.is_manager:  # a manager style shows that way
            items.insert(0, Item(_("Watch the traditional way first"), "anti_model"))
        items.append(Item(_("Back"), "back"))
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
        notes = script.content_notes or (_("No particular content notes."),)
        lines = [_("This scenario includes: {notes}.").format(notes="; ".join(notes))]
        if script.objectives:
            lines.append(_("What to practise: {aims}").format(aims=" ".join(script.objectives)))
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
            return f"{notice_hint()}  {notes_hint()}"
        return notice_hint()

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
        about = _("About {minutes} minutes.").format(minutes=script.minutes)
        draw.heading(
            surface,
            app,
            script.title,
            f"{about} {_(ROOMS[self.room][0])}." + (f" {played}." if played else ""),
        )
        draw.card(surface, app, self.card, _("Before we start"), self._lines())
        draw.menu(surface, app, self.menu)
        draw.hint(surface, app, self.hint())
