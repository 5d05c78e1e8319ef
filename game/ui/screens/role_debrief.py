"""The role debrief: a run played in someone else's shoes, seen through their eyes.

Shown over the debrief when the room played a character other than the manager (role
reversal), and again from the debrief's button. Left, each of the manager's actions in order
with how it landed with that character (their words, from the script's `landed:`); right,
what they needed from the manager, what they never said aloud, and their own choices. It is
reflective, so it carries no score; a scored role's chart is on the debrief's Criteria page.
A list too long for the card at the text size turns pages (Up/Down), so larger text never
makes the words smaller. Enter or Esc goes on to the debrief.
"""

from __future__ import annotations

import pygame

from game.i18n import _
from game.story.roles import seat_words
from game.story.runtime import Runtime

from ..input import Action
from ..keymap import Act, key_name
from ..scene_stack import Scene
from . import draw
from .menu import grid


def _keys(pages: int) -> str:
    """The keys that work: on to the debrief, and Up/Down only when there is more."""
    keys = _("{confirm} or {back}: on to the debrief.").format(
        confirm=key_name(Act.CONFIRM), back=key_name(Act.PAUSE)
    )
    if pages > 1:
        keys += "  " + _("{up}/{down}: the other parts.").format(
            up=key_name(Act.UP), down=key_name(Act.DOWN)
        )
    return keys


class RoleDebriefScene(Scene):
    """Through the played character's eyes (see the module's docstring)."""

    name = "role_debrief"

    def __init__(self, app, runtime: Runtime) -> None:
        super().__init__(app)
        self.rt = runtime
        script, seat = runtime.script, runtime.seat
        person = script.cast.get(seat.role)
        self.who = person.name if person else seat.role
        manager = script.manager
        boss = manager.name if manager else _("the manager")
        role = script.role(seat.role)
        self.title = _("Through {who}'s eyes").format(who=self.who)
        ending = runtime.result().ending
        self.sub = seat_words(script, seat) + (
            _(". Ending: {title}").format(title=ending.title) if ending else ""
        )
        self.left_title = _("What {boss} did, and how it landed with {who}").format(
            boss=boss, who=self.who
        )
        self.landings = [
            f"{n}. \u201c{land.says}\u201d"
            + (f"\n{self.who}: \u201c{land.landed}\u201d" if land.landed else "")
            for n, land in enumerate(runtime.landings(), start=1)
        ] or [_("{boss} did nothing the story records on this path.").format(boss=boss)]
        own = [f"\u201c{said}\u201d" for said in runtime.own_choices()]
        self.right_title = _("What {who} needed").format(who=self.who)
        self.right = [
            role.needed if role and role.needed else _("(The scenario does not say.)"),
            *(
                [_("What {who} never said: {words}").format(who=self.who, words=role.unsaid)]
                if role and role.unsaid
                else []
            ),
            _("{who}'s own choices: {said}").format(who=self.who, said=" ".join(own))
            if own
            else _("{who} made no choice of their own on this path.").format(who=self.who),
            _("Scored on {who}'s own criteria: see the debrief's Criteria page.").format(
                who=self.who
            )
            if role and role.criteria
            else _("Not scored: this debrief is for reflection."),
        ]
        self.page = 0
        self.pages: list[list[str]] = [self.landings]
        self.right_pages: list[list[str]] = [self.right]
        self.left = pygame.Rect(0, 0, 0, 0)
        self.right_rect = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        self.relayout()

    def resume(self, result: object = None) -> None:
        self.relayout()

    def relayout(self) -> None:
        """Two cards side by side under the heading, each split into parts that fit it at
        the body size; Up/Down turn both together."""
        app, lay = self.app, self.app.layout
        top = draw.heading_bottom(app, sub=True) + lay.gap
        bottom = draw.hint_top(app, _keys(2)) - lay.gap  # room for the longer hint
        area = pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, bottom - top)
        self.left, self.right_rect = grid(area, 2, 2, lay.gap * 2)
        part = _(" (part {n} of {of})").format(n=1, of=2)  # as tall as any page's title
        self.pages = self._split(self.landings, self.left, self.left_title + part)
        self.right_pages = self._split(self.right, self.right_rect, self.right_title + part)
        self.page = min(self.page, self.parts - 1)

    @property
    def parts(self) -> int:
        return max(len(self.pages), len(self.right_pages))

    def _split(self, entries: list[str], rect: pygame.Rect, title: str) -> list[list[str]]:
        """`entries` in runs that each fit `rect` under `title` at the body size. An entry
        goes whole to the next part when it does not fit the rest of this one; one taller
        than a whole card (a long "what they needed") goes on from part to part, cut
        between words, so no card's words are made smaller to fit."""
        app, lay = self.app, self.app.layout
        inner = rect.inflate(-lay.padding * 2, -lay.padding * 2)
        head = app.text.measure(title, lay.body_size, width=inner.w, bold=True)[1] + lay.px(10)
        room = inner.h - head

        def fits(run: list[str]) -> bool:
            return app.text.measure("\n\n".join(run), lay.body_size, width=inner.w)[1] <= room

        pages: list[list[str]] = [[]]
        for entry in entries:
            if pages[-1] and not fits([*pages[-1], entry]):
                pages.append([])
            rest = entry
            while not fits([*pages[-1], rest]):
                page = pages[-1]

                def fits_here(words: str, page: list[str] = page) -> bool:
                    return fits([*page, words])

                cut = draw.words_that_fit(rest, fits_here)
                if not cut:
                    break  # one word taller than the card: drawn smaller, the only way
                pages[-1].append(cut)
                rest = rest[len(cut) :].lstrip()
                pages.append([])
            pages[-1].append(rest)
        return pages

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        return [(self.left_title, self.left), (self.right_title, self.right_rect)]

    def handle(self, action: Action) -> None:
        act = action.act
        if act in (Act.UP, Act.SCROLL_UP, Act.DOWN, Act.SCROLL_DOWN):
            step = -1 if act in (Act.UP, Act.SCROLL_UP) else 1
            self.page = max(0, min(self.parts - 1, self.page + step))
        elif act in (Act.CONFIRM, Act.PAUSE, Act.BACK, Act.CLICK, Act.ADVANCE):
            self.app.stack.pop()

    def picture(self) -> tuple:
        return (self.page, self.parts)

    def spoken(self) -> str:
        left = self.pages[min(self.page, len(self.pages) - 1)]
        right = self.right_pages[min(self.page, len(self.right_pages) - 1)]
        return f"{self.title}. {self.left_title}. " + " ".join([*left, self.right_title, *right])

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        surface.fill(app.theme.stage_bg)
        draw.heading(surface, app, self.title, self.sub)
        more = (
            _(" (part {n} of {of})").format(n=self.page + 1, of=self.parts)
            if self.parts > 1
            else ""
        )
        left = self.pages[min(self.page, len(self.pages) - 1)]
        right = self.right_pages[min(self.page, len(self.right_pages) - 1)]
        draw.card(surface, app, self.left, self.left_title + more, left)
        draw.card(surface, app, self.right_rect, self.right_title + more, right)
        draw.hint(surface, app, _keys(self.parts))
