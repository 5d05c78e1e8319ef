"""Role reversal on the way in: whose shoes the room stands in, then the manager it faces.

Shown after "Who is playing?" for a scenario that declares roles the room can play
(`shoes: true`): the manager (today's game) or each of those characters, as large numbered
cards; choosing a character asks next which manager style plays the manager (the
traditional one or the just-and-learning one). Keys 1-4, arrows and Enter, or a click;
Esc goes back a step. Each card says in words what it means, so nothing rests on colour.
"""

from __future__ import annotations

import pygame

from game.i18n import _
from game.story.model import Script
from game.story.roles import MANAGER_SEAT, STYLES, Seat, style_name

from ..input import Action
from ..keymap import Act, choice_keys, key_name
from . import draw
from .menu import Item, Menu, MenuScene, grid


def _hint(count: int) -> str:
    return _("{keys}, arrows and {confirm}, or click.  {back}: back").format(
        keys=choice_keys(count), confirm=key_name(Act.CONFIRM), back=key_name(Act.PAUSE)
    )


class _CardsScene(MenuScene):
    """A heading and up to four numbered cards, one a row, each a title and a line or two."""

    title = ""

    def __init__(self, app, script: Script, room: str) -> None:
        super().__init__(app)
        self.script = script
        self.room = room
        self.cards: list[tuple[str, str, list[str]]] = []  # (key, title, lines)

    def _menu(self) -> None:
        self.menu = Menu([Item(title, key) for key, title, _lines in self.cards])

    def relayout(self) -> None:
        app, lay = self.app, self.app.layout
        top = draw.heading_bottom(app, sub=True) + lay.gap
        bottom = draw.hint_top(app, _hint(len(self.cards))) - lay.gap
        area = pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, bottom - top)
        # One card a row, the whole width: at the largest text a card's words still fit.
        self.menu.rects = grid(area, len(self.cards), 1, lay.gap)

    def handle(self, action: Action) -> None:
        if action.act in (Act.PAUSE, Act.BACK):
            self.app.stack.pop()
            return
        chosen = self.menu.handle(action)
        if chosen is not None:
            self.chosen(chosen)

    def chosen(self, key: str) -> None:
        raise NotImplementedError

    def subtitle(self) -> str:
        return self.script.title

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        surface.fill(app.theme.stage_bg)
        draw.heading(surface, app, self.title, self.subtitle())
        for index, ((_key, title, lines), rect) in enumerate(
            zip(self.cards, self.menu.rects, strict=True)
        ):
            focused = index == self.menu.focus
            draw.card(surface, app, rect, f"{index + 1}. {title}", lines, focused=focused)
        draw.hint(surface, app, _hint(len(self.cards)))


class SeatScene(_CardsScene):
    """Whose shoes: the manager, or a character the scenario lets the room play."""

    name = "seat"

    def __init__(self, app, script: Script, room: str) -> None:
        super().__init__(app, script, room)
        self.title = _("Whose shoes will you stand in?")
        manager = script.manager
        boss = manager.name if manager else _("the manager")
        self.cards.append(
            (
                "",
                _("The manager: {who}").format(who=script.role_label(manager.id))
                if manager
                else _("The manager"),
                [
                    _(
                        "The usual game: you steer {boss}; stop the scene to change what they do."
                    ).format(boss=boss)
                ],
            )
        )
        for role in script.shoes[:3]:  # four cards fit the screen
            person = script.cast[role.who].name if role.who in script.cast else role.who
            scored = (
                _("Scored on {n} criteria of their own.").format(n=len(role.criteria))
                if role.criteria
                else _("Not scored: a reflective debrief.")
            )
            self.cards.append(
                (
                    role.who,
                    script.role_label(role.who),
                    [
                        _("{who}'s thoughts and choices are yours.").format(who=person)
                        + " "
                        + scored,
                    ],
                )
            )
        self._menu()

    def chosen(self, key: str) -> None:
        if not key:
            self.app.push("notice", self.script, self.room, seat=MANAGER_SEAT)
        else:
            self.app.push("style", self.script, self.room, key)


class StyleScene(_CardsScene):
    """Which manager the room faces while it plays someone else."""

    name = "style"

    def __init__(self, app, script: Script, room: str, role: str) -> None:
        super().__init__(app, script, room)
        self.role = role
        self.title = _("Which manager will {who} face?").format(
            who=script.cast[role].name if role in script.cast else role
        )
        lines = {
            "traditional": [
                _("The traditional approach at every decision; never stops to ask why."),
            ],
            "just": [
                _("The strongest choice at every moment: asks first, listens, supports."),
            ],
        }
        for style in STYLES:
            name = style_name(style)
            self.cards.append((style, name[0].upper() + name[1:], lines[style]))
        self._menu()

    def subtitle(self) -> str:
        return _("{title}: played as {role}").format(
            title=self.script.title, role=self.script.role_label(self.role)
        )

    def chosen(self, key: str) -> None:
        self.app.push("notice", self.script, self.room, seat=Seat(self.role, key))
