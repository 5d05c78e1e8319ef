"""The freeze menu: what the room can do once the scene is stopped, one small scene a page.

Each page is an overlay over the frozen stage that pops with a *request* saying what the
room chose: `Open(page)` to show another page, or `Redirect`, `HotSeat`, `Rewind`, `Resume`.
Pages never call the story runtime; the stage (`StageScene.resume`) turns each request into
the runtime call and opens the page that follows, so one place drives the runtime and one
fact says whether the scene is frozen (the runtime's phase: the stage keeps a page open for
exactly as long as it is FROZEN). Pages read what they show from the stage through the
narrow `FreezeHost`.

The root (`FreezeMenu`) offers 1 Redirect (only when an intervention point is on stage or
has just passed), 2 Hot-seat, 3 Rewind, 4 Resume; every other page goes back to it with Esc
or Backspace, and the thought goes back to the hot-seat list. The facilitator's question for
the room stays on screen throughout.

Adding a page: a class here that pops with a request, a line in `registry.SCREENS`, and
(if it needs the runtime) a request type here and its case in `StageScene.resume`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import pygame

from game.story.views import Moment, Phase, StageView, ThoughtView

from ..input import Action
from ..keymap import Act, choice_keys, key_name
from . import draw
from .menu import Item, Menu, MenuScene, column, grid
from .options import OWN_KEY, TALLY_KEYS, option_cards, option_menu, place

if TYPE_CHECKING:
    from ..app import App

#: Asked when the stop is not at an intervention point the author wrote a question for.
GENERIC_PROMPT = "Ask the room: what did you notice? What might the manager do differently?"
#: Rows of earlier moments shown at once on the rewind page.
REWIND_ROWS = 4


# ----- what a page asks the stage to do ---------------------------------------------------


@dataclass(frozen=True)
class Open:
    """Show another page of the freeze menu (a name in `registry.SCREENS`)."""

    page: str


@dataclass(frozen=True)
class Redirect:
    """Replay the moment with option `option` of the redirect point."""

    option: int


@dataclass(frozen=True)
class HotSeat:
    """Hear what the actor `actor` is thinking."""

    actor: str


@dataclass(frozen=True)
class Rewind:
    """Go back to the earlier moment numbered `moment` (a `Moment.index`)."""

    moment: int


@dataclass(frozen=True)
class Resume:
    """Play the scene on."""


@dataclass(frozen=True)
class Words:
    """The room's own words are typed (`game.ui.screens.own_idea`): ask which option they
    are closest to."""

    text: str


@dataclass(frozen=True)
class EditWords:
    """Back to the own-words box, with the words typed so far."""

    text: str


@dataclass(frozen=True)
class Mapped:
    """Say the room's `words` on stage and follow option `option` of the redirect or the
    decision they were judged closest to."""

    option: int
    words: str


@dataclass(frozen=True)
class Cancel:
    """Nothing said after all: back to the decision's cards (a decision has no freeze menu)."""


#: Everything a freeze page can pop with.
Request = Open | Redirect | HotSeat | Rewind | Resume | Words | EditWords | Mapped | Cancel


class FreezeHost(Protocol):
    """What the pages read from the stage under them (and the one thing they change while
    open: a show of hands on a redirect card)."""

    @property
    def view(self) -> StageView: ...

    @property
    def solo(self) -> bool: ...

    def moments(self) -> list[Moment]: ...

    def tally_of(self, index: int) -> int | None: ...

    def add_tally(self, index: int, delta: int) -> None: ...

    def paint_thought(self, surface: pygame.Surface, thought: ThoughtView) -> None: ...


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(".,;:!?")
    return f"{cut}\u2026"


# ----- the pages ----------------------------------------------------------------------------


class FreezePage(MenuScene):
    """One page over the frozen stage. Subclasses set `menu`, lay it out and draw it."""

    overlay = True
    #: Where Esc and Backspace go.
    back: Request = Open("freeze")
    #: A short panel over the lower stage (else as tall as the stage, for a list of lines).
    compact = True

    def __init__(self, app: App, stage: FreezeHost) -> None:
        super().__init__(app)
        self.stage = stage
        self.menu = Menu([])

    def done(self, request: Request) -> None:
        """Close this page and hand `request` to the stage."""
        self.app.stack.pop(request)

    def handle(self, action: Action) -> None:
        if action.act in (Act.PAUSE, Act.BACK):
            self.done(self.back)
            return
        chosen = self.menu.handle(action)
        if chosen is not None:
            self.done(self.chosen(chosen))

    def chosen(self, key: str) -> Request:
        """The request for the item with `key`."""
        raise NotImplementedError

    def picture(self) -> tuple:
        """The page's own state; the stage's picture covers the frozen stage under it."""
        return (self.name, self.menu.focus, tuple((i.label, i.enabled) for i in self.menu.items))

    def panel(self) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The page's panel, its question line and the area for its buttons.

        The root menu and the hot-seat are a compact panel over the lower stage, so the faces
        and the line in the bubble stay in view while the room talks about them; the rewind
        list (lines of text, not the stage) takes the height it needs. The keys hint sits
        inside the panel's own foot, covering nothing.
        """
        lay = self.app.layout
        safe = lay.safe_rect
        compact = self.compact
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

    def relayout(self) -> None:
        lay = self.app.layout
        self.menu.rects = grid(self.panel()[2], len(self.menu.items), 2, lay.gap)

    def draw_panel(self, surface: pygame.Surface, lead: str, keys: str) -> None:
        """The panel with `lead` (the question) on top, the menu, and `keys` in its foot."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        panel, area, _ = self.panel()
        draw.backing(surface, app, panel)
        img = app.text.fit(
            lead, lay.title_size, theme.text, width=area.w, height=area.h, bold=True, align="center"
        )
        surface.blit(img, img.get_rect(center=area.center))
        draw.menu(surface, app, self.menu, numbered=self.compact)
        draw.hint(surface, app, keys, panel.inflate(-2 * lay.padding, -lay.padding).bottomleft)


class FreezeMenu(FreezePage):
    """The root: redirect, hot-seat, rewind or resume. `note` replaces the room's question
    once (after a rewind: where the scene went back to)."""

    name = "freeze"

    def __init__(self, app: App, stage: FreezeHost, note: str = "") -> None:
        super().__init__(app, stage)
        self.note = note
        allowed = stage.view.allowed
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

    def handle(self, action: Action) -> None:
        if action.act in (Act.PAUSE, Act.BACK):
            return  # the root has nowhere to go back to
        if action.act is Act.ADVANCE:
            self.done(Resume())  # the clicker's "next" plays the scene on
            return
        super().handle(action)

    def chosen(self, key: str) -> Request:
        return Resume() if key == "resume" else Open(key)

    def room_prompt(self) -> str:
        view = self.stage.view
        point = view.redirect or view.decision
        return point.facilitator_prompt if point and point.facilitator_prompt else GENERIC_PROMPT

    def picture(self) -> tuple:
        return (*super().picture(), self.note)

    def draw(self, surface: pygame.Surface) -> None:
        """This menu over the frozen stage. Drawn only when `picture` changes (the app keeps
        the screen as it is otherwise), so the menu's panels cost nothing while it is held."""
        lead = self.note or (
            self.room_prompt() if not self.stage.solo else "What would you like to do?"
        )
        keys = f"{choice_keys(4)}, arrows and {key_name(Act.CONFIRM)}, or click."
        self.draw_panel(surface, lead, f"{keys}  {key_name(Act.ADVANCE)} resumes.")


class RedirectPage(FreezePage):
    """The redirect point's options as cards; + and - count hands on the focused card."""

    name = "redirect"

    def __init__(self, app: App, stage: FreezeHost) -> None:
        super().__init__(app, stage)
        point = stage.view.redirect
        assert point is not None, "a redirect page opened with nothing to redirect"
        self.point = point
        self.menu = option_menu(point, own=True)

    def relayout(self) -> None:
        place(self.app, self.menu)

    def handle(self, action: Action) -> None:
        focused = self.menu.focused
        if action.act in (Act.PLUS, Act.MINUS) and focused and focused.key != OWN_KEY:
            if not self.stage.solo:
                delta = 1 if action.act is Act.PLUS else -1
                self.stage.add_tally(int(focused.key), delta)
            return
        super().handle(action)

    def chosen(self, key: str) -> Request:
        return Open("own_words") if key == OWN_KEY else Redirect(int(key))

    def draw(self, surface: pygame.Surface) -> None:
        point = self.stage.view.redirect or self.point
        prompt = point.prompt
        if point.late:
            prompt = f"{prompt} (the moment has just passed)"
        note = "" if self.stage.solo else point.facilitator_prompt
        enter, back = key_name(Act.CONFIRM), key_name(Act.PAUSE)
        keys = f"{choice_keys(len(point.options) + 1)} or arrows then {enter}; {back}: back"
        if not self.stage.solo:
            keys = f"{keys}; {TALLY_KEYS}"
        option_cards(
            surface,
            self.app,
            point,
            self.menu,
            self.stage.tally_of,
            prompt=prompt,
            note=note,
            keys=keys,
            own=True,
        )


class HotSeatPage(FreezePage):
    """Who should we hear from? One button per character on stage."""

    name = "hotseat"

    def __init__(self, app: App, stage: FreezeHost) -> None:
        super().__init__(app, stage)
        actors = stage.view.actors
        self.menu = Menu([Item(f"{a.name} \u2014 {a.role}", a.id) for a in actors], columns=2)

    def chosen(self, key: str) -> Request:
        return HotSeat(key)

    def draw(self, surface: pygame.Surface) -> None:
        keys = f"Choose a character.  {key_name(Act.PAUSE)}: back"
        self.draw_panel(surface, "Who should we hear from?", keys)


class ThoughtPage(FreezePage):
    """A character's thought, over the frozen stage without the speech bubble."""

    name = "thought"
    back: Request = Open("hotseat")

    def __init__(self, app: App, stage: FreezeHost, thought: ThoughtView) -> None:
        super().__init__(app, stage)
        self.thought = thought

    def relayout(self) -> None:
        self.menu.rects = []

    def handle(self, action: Action) -> None:
        if action.act in (Act.CONFIRM, Act.CLICK, Act.ADVANCE):
            self.done(Open("freeze"))
        else:
            super().handle(action)

    def picture(self) -> tuple:
        return (*super().picture(), self.thought)

    def draw(self, surface: pygame.Surface) -> None:
        self.stage.paint_thought(surface, self.thought)
        # In the header strip, between the scene's name and the FREEZE stamp: it covers
        # neither the thought nor the nameplates.
        lay = self.app.layout
        corner = (lay.header_rect.x + lay.header_rect.w // 3, lay.header_rect.bottom)
        keys = f"{key_name(Act.CONFIRM)}: freeze menu \u00b7 {key_name(Act.PAUSE)}: someone else"
        draw.hint(surface, self.app, keys, corner)


class RewindPage(FreezePage):
    """The earlier moments of this attempt, newest first, four rows at a time. Opened from
    an ending too ("try another way"): Esc then goes back to the ending."""

    name = "rewind"
    compact = False

    def __init__(self, app: App, stage: FreezeHost) -> None:
        super().__init__(app, stage)
        if stage.view.phase is Phase.ENDED:
            self.back = Cancel()
        self.top = 0  # first moment row shown
        lay = app.layout
        # One line per moment, all at one size: about two characters per body-size em.
        limit = max(20, self.panel()[2].w * 2 // lay.body_size - 4)
        self.menu = Menu(
            [
                Item(shorten(f"{m.speaker_name}: {m.text}", limit), str(m.index))
                for m in reversed(stage.moments())
            ],
            digits=False,
        )

    def relayout(self) -> None:
        """Keep the focused moment among the rows shown; rows off the page are not clickable."""
        focus = self.menu.focus_index
        if focus < self.top:
            self.top = focus
        elif focus >= self.top + REWIND_ROWS:
            self.top = focus - REWIND_ROWS + 1
        lay = self.app.layout
        rows = column(self.panel()[2], REWIND_ROWS, lay.px(96), lay.gap)
        off = pygame.Rect(-10, -10, 0, 0)
        self.menu.rects = [
            rows[i - self.top] if self.top <= i < self.top + REWIND_ROWS else off
            for i in range(len(self.menu.items))
        ]

    def handle(self, action: Action) -> None:
        if action.act in (Act.SCROLL_UP, Act.SCROLL_DOWN):
            self.menu.move_focus(-1 if action.act is Act.SCROLL_UP else 1)
        super().handle(action)
        if self.app.stack.top is self:
            self.relayout()

    def chosen(self, key: str) -> Request:
        return Rewind(int(key))

    def picture(self) -> tuple:
        return (*super().picture(), self.top)

    def draw(self, surface: pygame.Surface) -> None:
        count = len(self.menu.items)
        lead = f"Go back to which moment? ({count} earlier, newest first)"
        up, down = key_name(Act.UP), key_name(Act.DOWN)
        keys = f"{up}/{down} and {key_name(Act.CONFIRM)}.  {key_name(Act.PAUSE)}: back"
        self.draw_panel(surface, lead, keys)
