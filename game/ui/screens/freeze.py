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

from game.i18n import N_, _
from game.story.model import ScriptDocument
from game.story.views import Moment, Phase, StageView, ThoughtView

from ..input import Action
from ..keymap import Act, choice_keys, key_name
from ..widgets import freeze_stamp_rect, frozen_header_x
from . import draw
from .menu import Item, Menu, MenuScene, grid
from .options import OWN_KEY, hands_input, option_cards, option_menu, place, tally_keys

if TYPE_CHECKING:
    from ..app import App

#: Asked when the stop is not at an intervention point the author wrote a question for.
GENERIC_PROMPT = N_("Ask the room: what did you notice? What might the manager do differently?")
#: The runtime's speaker name for a moment that is a decision, not a line
#: (`game.story.runtime.Runtime.moments`); shown translated.
DECISION = "Decision"


def speaker_name(moment: Moment) -> str:
    """Who spoke at `moment`, or "Decision" in the language in use."""
    return _(DECISION) if moment.speaker_name == DECISION else moment.speaker_name


def thought_hints() -> tuple[str, ...]:
    """The keys on the hot-seat thought, longest first: the first that fits before FREEZE."""
    enter, esc = key_name(Act.CONFIRM), key_name(Act.PAUSE)
    return (
        _("{confirm}: freeze menu \u00b7 {back}: someone else").format(confirm=enter, back=esc),
        _("{confirm}: menu \u00b7 {back}: back").format(confirm=enter, back=esc),
        enter,
    )


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

    def where(self, moment: Moment) -> str: ...

    def passed(self) -> Moment | None: ...

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
        #: The page is hidden (H) so the room sees the whole frozen stage; any key shows it.
        self.hidden = False

    def done(self, request: Request) -> None:
        """Close this page and hand `request` to the stage."""
        self.app.stack.pop(request)

    def hide(self, action: Action) -> bool:
        """H hides the page; then any key or click shows it again, and does nothing else.
        True when `action` was used up so."""
        if self.hidden:
            if action.act is not Act.POINT:
                self.hidden = False
            return True
        if action.act is Act.HIDE:
            self.hidden = True
            return True
        return False

    def handle(self, action: Action) -> None:
        if self.hide(action):
            return
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
        items = tuple((i.label, i.enabled) for i in self.menu.items)
        return (self.name, self.menu.focus, items, self.hidden)

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
        title_line = self.app.text.line_height(lay.title_size, bold=True)
        lead_h = max(round(lay.height * (0.07 if compact else 0.12)), title_line)
        inner_w = round(safe.w * 0.9) - 2 * lay.padding
        foot = self.app.text.measure(self.keys(), lay.small_size, width=inner_w)[1] + lay.gap // 2
        if compact:  # as tall as its rows of two buttons need, standing on the safe line
            rows = max(1, -(-len(self.menu.items) // 2))
            width = (round(safe.w * 0.9) - 2 * lay.padding - lay.gap) // 2
            labels = [draw.shown_label(i, self.menu.short) for i in self.menu.items]
            lines = draw.label_lines(self.app, labels, width)
            body_h = rows * draw.row_height(self.app, lines) + (rows - 1) * lay.gap
            top = safe.bottom - (2 * lay.padding + lead_h + lay.gap // 2 + body_h + foot)
            top = max(top, lay.header_rect.bottom)  # very large text: the whole stage
            over = lay.bubble_rect.bottom - top
            if self.menu.short and over > 0:  # the last few pixels come off the question
                room = min(over, lead_h - self.app.text.line_height(lay.body_size, bold=True))
                lead_h, top = lead_h - max(0, room), top + max(0, room)
        else:
            top = lay.header_rect.bottom + lay.gap
        panel = pygame.Rect(0, top, round(safe.w * 0.9), safe.bottom - top)
        panel.centerx = safe.centerx
        inner = panel.inflate(-2 * lay.padding, -2 * lay.padding)
        lead = pygame.Rect(inner.x, inner.y, inner.w, lead_h)
        body_top = lead.bottom + lay.gap // 2
        return panel, lead, pygame.Rect(inner.x, body_top, inner.w, inner.bottom - foot - body_top)

    def relayout(self) -> None:
        """The buttons in the panel; their words cut to before the colon where the whole
        words would make the panel cover the frozen line (large text on a small screen), so
        the room still reads the line it stopped while it chooses what to do about it."""
        lay = self.app.layout
        self.menu.short = False
        if self.compact and self.panel()[0].top < lay.bubble_rect.bottom:
            self.menu.short = True
        self.menu.rects = grid(self.panel()[2], len(self.menu.items), 2, lay.gap)

    def draw_hidden(self, surface: pygame.Surface) -> None:
        """Hidden: only how to bring the page back, over the whole frozen stage."""
        lay = self.app.layout
        corner = (lay.safe_rect.x, lay.header_rect.bottom + lay.gap + lay.small_size)
        draw.hint(surface, self.app, _("Menu hidden: press any key to show it"), corner)

    def draw_menu(self, surface: pygame.Surface) -> None:
        """The page's buttons, numbered."""
        draw.menu(surface, self.app, self.menu)

    def keys(self) -> str:
        """The keys that work on this page, for the panel's foot (which is made as tall as
        they need at the panel's width, so they never cover its buttons)."""
        return ""

    def draw_panel(self, surface: pygame.Surface, lead: str) -> None:
        """The panel with `lead` (the question) on top, the menu, and `keys` in its foot."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        if self.hidden:
            self.draw_hidden(surface)
            return
        panel, area, _ = self.panel()
        draw.backing(surface, app, panel)
        img = app.text.fit(
            lead, lay.title_size, theme.text, width=area.w, height=area.h, bold=True, align="center"
        )
        surface.blit(img, img.get_rect(center=area.center))
        self.draw_menu(surface)
        foot = panel.inflate(-2 * lay.padding, -lay.padding)
        draw.hint(surface, app, self.keys(), foot.bottomleft, width=foot.w)


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
                    _("Redirect: try another response"),
                    "redirect",
                    "redirect" in allowed,
                    _("no moment for it here"),
                ),
                Item(_("Hot-seat: what are they thinking?"), "hotseat"),
                Item(
                    _("Rewind: to an earlier moment"),
                    "rewind",
                    "rewind" in allowed,
                    _("nothing earlier yet"),
                ),
                Item(_("Resume: play the scene on"), "resume"),
            ],
            columns=2,
        )
        if stage.view.documents:  # papers the story has reached: the room may read them
            self.menu.items.append(Item(_("Read: the papers so far"), "documents"))

    def handle(self, action: Action) -> None:
        if self.hide(action):
            return
        passed = self.stage.passed()
        if action.act is Act.BACK and passed is not None:
            self.done(Rewind(passed.index))  # straight back to the moment that passed
            return
        if action.act is Act.PAUSE:  # Esc: settings and quit, as on the playing stage
            self.app.push("pause", self.stage)
            return
        if action.act is Act.BACK:
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
        return point.facilitator_prompt if point and point.facilitator_prompt else _(GENERIC_PROMPT)

    def picture(self) -> tuple:
        return (*super().picture(), self.note)

    def draw(self, surface: pygame.Surface) -> None:
        """This menu over the frozen stage. Drawn only when `picture` changes (the app keeps
        the screen as it is otherwise), so the menu's panels cost nothing while it is held."""
        passed = self.stage.passed()
        lead = self.note or (
            self.room_prompt() if not self.stage.solo else _("What would you like to do?")
        )
        if passed is not None and not self.note:
            lead = _(
                "The moment has passed: {name}: \u201c{line}\u201d. {key}: rewind straight to it."
            ).format(
                name=speaker_name(passed), line=shorten(passed.text, 60), key=key_name(Act.BACK)
            )
        self.draw_panel(surface, lead)

    def keys(self) -> str:
        keys = _("{choose}, arrows and {confirm}, or click.").format(
            choose=choice_keys(4), confirm=key_name(Act.CONFIRM)
        )
        more = _("{hide}: hide.  {pause}: pause.").format(
            hide=key_name(Act.HIDE), pause=key_name(Act.PAUSE)
        )
        resumes = _("{key} resumes.").format(key=key_name(Act.ADVANCE))
        return f"{keys}  {more}  {resumes}"


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
        counted = None if self.stage.solo else hands_input(self.app, self.menu, action)
        if counted is not None:
            self.stage.add_tally(*counted)
            return
        super().handle(action)

    def chosen(self, key: str) -> Request:
        return Open("own_words") if key == OWN_KEY else Redirect(int(key))

    def draw(self, surface: pygame.Surface) -> None:
        point = self.stage.view.redirect or self.point
        prompt = point.prompt
        if point.late:
            prompt = _("{question} (the moment has just passed)").format(question=prompt)
        note = "" if self.stage.solo else point.facilitator_prompt
        enter, back = key_name(Act.CONFIRM), key_name(Act.PAUSE)
        keys = _("{choose} or arrows then {confirm}; {back}: back").format(
            choose=choice_keys(len(point.options) + 1), confirm=enter, back=back
        )
        if not self.stage.solo:
            keys = f"{keys}; {tally_keys()}"
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
        self.menu = Menu(
            [Item(f"{a.name} \u2014 {a.role}", a.id, brief=a.name) for a in actors], columns=2
        )

    def chosen(self, key: str) -> Request:
        return HotSeat(key)

    def keys(self) -> str:
        return _("Choose a character.  {hide}: hide.  {back}: back").format(
            hide=key_name(Act.HIDE), back=key_name(Act.PAUSE)
        )

    def draw(self, surface: pygame.Surface) -> None:
        self.draw_panel(surface, _("Who should we hear from?"))


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
        # In the header strip, after the scene's name and before the FREEZE stamp: it covers
        # neither the thought nor the nameplates; larger text takes a shorter wording.
        app, lay = self.app, self.app.layout
        name = app.text.measure(self.stage.view.scene.name, lay.small_size, bold=True)[0]
        x = frozen_header_x(lay) + min(name, lay.header_rect.w // 2) + 2 * lay.gap
        room = freeze_stamp_rect(lay, app.text).x - lay.gap - x
        hints = thought_hints()
        hint = next(
            (h for h in hints if app.text.measure(h, lay.small_size)[0] <= room),
            hints[-1],
        )
        draw.hint(surface, app, hint, (x, lay.header_rect.bottom))


class DocumentsPage(FreezePage):
    """The papers the story has reached (a statement, the rota, a policy extract): choose
    one, read it over the frozen stage; Esc goes back to the list, then to the menu."""

    name = "documents"

    def __init__(self, app: App, stage: FreezeHost) -> None:
        super().__init__(app, stage)
        self.papers = {doc.id: doc for doc in stage.view.documents}
        self.menu = Menu([Item(doc.title, doc.id) for doc in self.papers.values()], columns=2)
        self.reading: ScriptDocument | None = None

    def handle(self, action: Action) -> None:
        if self.reading is not None:
            if action.act in (Act.PAUSE, Act.BACK, Act.CONFIRM, Act.CLICK, Act.ADVANCE):
                self.reading = None  # back to the list
            return
        chosen = self.menu.handle(action) if action.act not in (Act.PAUSE, Act.BACK) else None
        if chosen is not None:
            self.reading = self.papers[chosen]
        elif action.act in (Act.PAUSE, Act.BACK):
            self.done(self.back)

    def picture(self) -> tuple:
        return (*super().picture(), self.reading)

    def keys(self) -> str:
        return _("Choose a paper.  {back}: back").format(back=key_name(Act.PAUSE))

    def draw(self, surface: pygame.Surface) -> None:
        if self.reading is None:
            self.draw_panel(surface, _("Which paper shall we read?"))
            return
        app, lay, theme = self.app, self.app.layout, self.app.theme
        panel = lay.safe_rect.copy()
        panel.top = lay.header_rect.bottom  # covers the nameplates, leaves FREEZE in view
        draw.backing(surface, app, panel)
        inner = panel.inflate(-2 * lay.padding, -2 * lay.padding)
        head = app.text.render(self.reading.title, lay.title_size, theme.text, bold=True)
        surface.blit(head, inner.topleft)
        body = inner.copy()
        body.top = inner.top + head.get_height() + lay.gap
        body.h = inner.bottom - body.top - app.text.line_height(lay.small_size) - lay.gap
        text = app.text.fit(
            self.reading.text,
            lay.body_size,
            theme.text,
            width=body.w,
            height=body.h,
            min_size=lay.floor_size,
        )
        surface.blit(text, body.topleft, area=pygame.Rect(0, 0, body.w, body.h))
        keys = _("{confirm} or {back}: back to the papers").format(
            confirm=key_name(Act.CONFIRM), back=key_name(Act.PAUSE)
        )
        draw.hint(surface, app, keys, (inner.x, inner.bottom))


class RewindPage(FreezePage):
    """The earlier moments of this attempt, newest first: two columns of as many as fit,
    each with its scene and, in words, whether it was a moment to intervene. Opened from an
    ending too ("try another way"): Esc then goes back to the ending."""

    name = "rewind"
    compact = False

    def __init__(self, app: App, stage: FreezeHost) -> None:
        super().__init__(app, stage)
        if stage.view.phase is Phase.ENDED:
            self.back = Cancel()
        self.top = 0  # first moment shown
        # Two lines per moment: where it was, then who said what (cut at the button's edge).
        self.menu = Menu(
            [
                Item(f"{stage.where(m)}\n{speaker_name(m)}: {m.text}", str(m.index))
                for m in reversed(stage.moments())
            ],
            digits=False,
        )

    def _moment_height(self) -> int:
        """A moment's button: the scene line (small) over the words (body size)."""
        app, lay = self.app, self.app.layout
        small = app.text.line_height(lay.small_size, bold=True)
        return small + app.text.line_height(lay.body_size) + lay.padding + lay.px(8)

    def rewind_rows(self) -> int:
        """How many moments show at once: two columns of as many as fill the panel, read
        down the left column and on down the right."""
        gap = self.app.layout.px(12)
        return 2 * max(1, (self.panel()[2].h + gap) // (self._moment_height() + gap))

    def relayout(self) -> None:
        """Keep the focused moment among those shown; ones off the page are not clickable."""
        shown = self.rewind_rows()
        focus = self.menu.focus_index
        if focus < self.top:
            self.top = focus
        elif focus >= self.top + shown:
            self.top = focus - shown + 1
        lay = self.app.layout
        body, gap, per = self.panel()[2], lay.px(12), shown // 2
        width, height = (body.w - lay.gap) // 2, self._moment_height()
        off = pygame.Rect(-10, -10, 0, 0)
        self.menu.rects = [off] * len(self.menu.items)
        for i in range(self.top, min(len(self.menu.items), self.top + shown)):
            col, row = divmod(i - self.top, per)
            x = body.x + col * (width + lay.gap)
            self.menu.rects[i] = pygame.Rect(x, body.y + row * (height + gap), width, height)

    def handle(self, action: Action) -> None:
        page = self.rewind_rows()
        steps = {  # the wheel, Page Up/Down (a page), Home and End, across the columns
            Act.SCROLL_UP: -1,
            Act.SCROLL_DOWN: 1,
            Act.BUZZ: -page,  # Page Up
            Act.ADVANCE: page,  # Page Down
            Act.FIRST: -len(self.menu.items),
            Act.LAST: len(self.menu.items),
            Act.LEFT: -(page // 2),
            Act.RIGHT: page // 2,
        }
        if not self.hidden and action.act in steps:
            self.menu.move_focus(steps[action.act])
            self.relayout()
            return
        super().handle(action)
        if self.app.stack.top is self:
            self.relayout()

    def chosen(self, key: str) -> Request:
        return Rewind(int(key))

    def picture(self) -> tuple:
        return (*super().picture(), self.top)

    def draw(self, surface: pygame.Surface) -> None:
        count = len(self.menu.items)
        lead = _("Go back to which moment? (earlier moments: {count}, newest first)").format(
            count=count
        )
        self.draw_panel(surface, lead)

    def keys(self) -> str:
        up, down = key_name(Act.UP), key_name(Act.DOWN)
        pages = f"{key_name(Act.BUZZ)}/{key_name(Act.ADVANCE)}"
        ends = f"{key_name(Act.FIRST)}/{key_name(Act.LAST)}"
        return f"{up}/{down}, {pages}, {ends}, {key_name(Act.CONFIRM)}.  " + _(
            "{hide}: hide.  {back}: back"
        ).format(hide=key_name(Act.HIDE), back=key_name(Act.PAUSE))

    def draw_menu(self, surface: pygame.Surface) -> None:
        """The moments' buttons: where (small, bold) over who said what, each one line at
        its full size, cut with an ellipsis where it runs out."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        for index, (item, rect) in enumerate(zip(self.menu.items, self.menu.rects, strict=True)):
            if not rect.w:
                continue
            focused = index == self.menu.focus
            draw.button(surface, app, rect, "", focused=focused)
            ink = theme.button_focus_text if focused and theme.button_focus_text else None
            ink = ink or theme.button_text
            inner = rect.inflate(-2 * lay.padding, -lay.padding)
            where, what = item.label.split("\n", 1)
            small = app.text.line_height(lay.small_size, bold=True)
            top = app.text.fit(
                where,
                lay.small_size,
                ink,
                width=inner.w,
                height=small,
                bold=True,
                min_size=lay.small_size,
            )
            surface.blit(top, inner.topleft)
            words = app.text.fit(
                what,
                lay.body_size,
                ink,
                width=inner.w,
                height=app.text.line_height(lay.body_size),
                min_size=lay.body_size,
            )
            surface.blit(words, (inner.x, inner.y + small))
