"""The room's own idea: type what the room said, then map it to the closest authored option.

Reached from the extra card at every redirect (the freeze menu's redirect page) and every
decision (the stage's cards). Two pages, each a freeze-style overlay that pops with a
request for the stage, which alone calls the runtime (`StageScene.resume`):

- `OwnWordsPage`: a text box. Typing arrives as TEXTINPUT (so accents and an input
  method work; the method's unfinished text is shown in brackets), Ctrl+V pastes from the
  clipboard, Backspace deletes (in an empty box it goes back, as Esc and a click off the
  panel do), Enter goes on. At most `MAX_OWN_WORDS` characters, the runtime's limit too.
- `ClosestPage`: "Which of these is it closest to?" with the authored options as cards and
  the one sharing most words focused as the suggestion (`game.story.similar`); Enter
  confirms it, a digit, an arrow or a click changes it, Esc goes back to the words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import _
from game.story.runtime import MAX_OWN_WORDS, own_words
from game.story.similar import closest
from game.story.views import Phase, PointView

from ..input import Action
from ..keymap import Act, choice_keys, key_name, paste_name
from . import draw
from .freeze import Cancel, EditWords, FreezeHost, FreezePage, Mapped, Open, Request, Words
from .options import option_cards, option_menu, place

if TYPE_CHECKING:
    from ..app import App


def own_point(view: PointView | None, redirect: PointView | None) -> PointView:
    """The point the room's words are for: the redirect offered at a freeze, else the
    decision on stage."""
    point = redirect or view
    assert point is not None, "an own-idea page opened with no redirect or decision"
    return point


def paste_text() -> str:
    """The clipboard's text, or "" where there is none (or no clipboard, as on a server)."""
    try:
        return pygame.scrap.get_text() or ""
    except pygame.error:
        return ""


class OwnWordsPage(FreezePage):
    """A text box for what the room says the manager should say."""

    name = "own_words"
    takes_text = True

    def __init__(self, app: App, stage: FreezeHost, text: str = "") -> None:
        super().__init__(app, stage)
        view = stage.view
        self.point = own_point(view.decision, view.redirect)
        self.text = text[:MAX_OWN_WORDS]
        self.composing = ""  # an input method's text not yet committed
        self.back: Request = Open("redirect") if view.phase is Phase.FROZEN else Cancel()

    def enter(self) -> None:
        super().enter()
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(self.box())

    def exit(self) -> None:
        pygame.key.stop_text_input()

    def relayout(self) -> None:
        self.menu.rects = []

    def box(self) -> pygame.Rect:
        """The text box: the panel's body, where an input method's window should open."""
        return self.panel()[2]

    def panel(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """Two thirds of the safe area, low over the stage: the words fit at body size."""
        lay = self.app.layout
        safe = lay.safe_rect
        panel = pygame.Rect(0, 0, round(safe.w * 0.9), round(safe.h * 0.62))
        panel.midbottom = safe.midbottom
        inner = panel.inflate(-2 * lay.padding, -2 * lay.padding)
        lead = pygame.Rect(inner.x, inner.y, inner.w, round(lay.height * 0.12))
        foot = self.app.text.line_height(lay.small_size) + lay.gap
        top = lead.bottom + lay.gap // 2
        return panel, lead, pygame.Rect(inner.x, top, inner.w, inner.bottom - foot - top)

    def add(self, text: str) -> None:
        """Type `text` at the end (line breaks become spaces), up to the limit."""
        text = " ".join(text.splitlines())
        self.text = (self.text + text)[:MAX_OWN_WORDS]
        self.composing = ""

    def handle(self, action: Action) -> None:
        act = action.act
        if act is Act.TEXT:
            self.add(action.text)
        elif act is Act.COMPOSE:
            self.composing = action.text
        elif act is Act.PASTE:
            self.add(paste_text())
        elif act is Act.BACK and self.text:
            self.text = self.text[:-1]
        elif act in (Act.PAUSE, Act.BACK):  # Backspace in an empty box goes back too
            self.done(self.back)
        elif act is Act.CLICK and action.pos and not self.panel()[0].collidepoint(action.pos):
            self.done(self.back)  # a click off the panel: nothing to say after all
        elif act is Act.CONFIRM and own_words(self.text):
            self.done(Words(own_words(self.text)))

    def picture(self) -> tuple:
        return (self.name, self.text, self.composing)

    def draw(self, surface: pygame.Surface) -> None:
        app, lay, theme = self.app, self.app.layout, self.app.theme
        panel, lead, box = self.panel()
        draw.backing(surface, app, panel)
        question = _("{question} \u2014 in the room\u2019s own words:").format(
            question=self.point.prompt
        )
        img = app.text.fit(
            question, lay.title_size, theme.text, width=lead.w, height=lead.h, bold=True
        )
        surface.blit(img, img.get_rect(midleft=lead.midleft))
        pygame.draw.rect(surface, theme.panel, box, border_radius=lay.radius)
        pygame.draw.rect(surface, theme.accent, box, width=lay.px(4), border_radius=lay.radius)
        inner = box.inflate(-2 * lay.padding, -2 * lay.padding)
        # The caret is a bar after the text; composing text shows in brackets, not yet typed.
        shown = self.text + (f"[{self.composing}]" if self.composing else "") + "|"
        words = app.text.fit(shown, lay.body_size, theme.panel_text, width=inner.w, height=inner.h)
        surface.blit(words, inner.topleft)
        count = f"{len(self.text)}/{MAX_OWN_WORDS}"
        keys = _(
            "{confirm}: say it on stage \u00b7 {paste}: paste \u00b7 "
            "{cancel}: cancel \u00b7 {count}"
        ).format(
            confirm=key_name(Act.CONFIRM),
            paste=paste_name(),
            cancel=key_name(Act.PAUSE),
            count=count,
        )
        draw.hint(surface, app, keys, panel.inflate(-2 * lay.padding, -lay.padding).bottomleft)


class ClosestPage(FreezePage):
    """Which authored option the room's words are closest to, the suggestion focused."""

    name = "closest"

    def __init__(self, app: App, stage: FreezeHost, words: str) -> None:
        super().__init__(app, stage)
        view = stage.view
        self.point = own_point(view.decision, view.redirect)
        self.words = words
        self.menu = option_menu(self.point)
        options = self.point.options
        self.suggested = closest(words, [o.says for o in options], [o.available for o in options])
        self.menu.focus = self.suggested if self.suggested >= 0 else None
        self.back = EditWords(words)

    def relayout(self) -> None:
        place(self.app, self.menu)

    def chosen(self, key: str) -> Request:
        return Mapped(int(key), self.words)

    def draw(self, surface: pygame.Surface) -> None:
        prompt = _("\u201c{words}\u201d \u2014 which of these is it closest to?").format(
            words=self.words
        )
        number = self.suggested + 1
        keys = _(
            "Suggested: {number} (shares the most words). {confirm} confirms; "
            "{choose}, arrows or a click to change; {back}: edit the words"
        ).format(
            number=number,
            confirm=key_name(Act.CONFIRM),
            choose=choice_keys(len(self.point.options)),
            back=key_name(Act.PAUSE),
        )
        option_cards(
            surface, self.app, self.point, self.menu, lambda _: None, prompt=prompt, keys=keys
        )
