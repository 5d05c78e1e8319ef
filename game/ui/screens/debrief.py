"""The debrief: how it ended, the criteria, what the room did, and what to talk about.

Four pages, because a room reads one thing at a time from the back: 1 Outcome (this run
beside the traditional approach's), 2 Criteria (this run against the best the scenario
allows), 3 Timeline (every freeze, redirect, hot-seat, rewind, missed moment and choice
with its feedback; two columns a page, Up/Down turn the pages), 4 Discuss (the scenario's
questions), 5 Compare (each attempt that reached an ending beside the traditional
approach's path, criterion by criterion: the room rewound from an ending and tried another
way). Export writes the handout with the records helper's report writer. The timeline's
wording is the handout's (`game.records.report.timeline`), so the screen and the paper
never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.i18n import N_, _
from game.records.journal import JournalError, read_journal
from game.records.report import comparison, default_name, timeline, tone_name, write_handout
from game.records.session import ResumeError, Session
from game.story.model import Ending
from game.story.runtime import Runtime, anti_model_result

from ..chart import draw_criteria_chart, screen_chart
from ..chart_png import save_png
from ..input import Action
from ..keymap import CHOOSES, Act, choice_keys, key_name
from ..layout import Layout
from ..scene_stack import Scene
from . import draw
from .flow import go_to_title
from .menu import Item, Menu, grid

#: The pages' names (translated where drawn).
PAGES = (N_("Outcome"), N_("Criteria"), N_("Timeline"), N_("Discuss"), N_("Compare"))


def leave_ask() -> str:
    """Asked on the first Esc: a debrief is where the room talks, so one stray key must not
    end it."""
    return _("Leave the debrief? {key} again: back to the title.  Any other key: stay.").format(
        key=key_name(Act.PAUSE)
    )


def keys_hint() -> str:
    """The debrief's keys, named from the keymap, in the language in use."""
    return _(
        "{pages}: pages.  {up}/{down}: a long page's next part.  {left}/{right} and "
        "{confirm}: buttons."
    ).format(
        pages=choice_keys(len(PAGES)),
        up=key_name(Act.UP),
        down=key_name(Act.DOWN),
        left=key_name(Act.LEFT),
        right=key_name(Act.RIGHT),
        confirm=key_name(Act.CONFIRM),
    )


def keys_wordings() -> tuple[str, ...]:
    """The keys hint, longest first: large text on a small window shows a shorter one
    rather than wrap it onto a second line the page needs."""
    keys = {
        "pages": choice_keys(len(PAGES)),
        "up": key_name(Act.UP),
        "down": key_name(Act.DOWN),
        "left": key_name(Act.LEFT),
        "right": key_name(Act.RIGHT),
        "enter": key_name(Act.CONFIRM),
    }
    return (
        keys_hint(),
        _("{pages}: pages.  {up}/{down}: more.  {left}/{right}, {enter}: buttons.").format(**keys),
        _("{pages}: pages.  {up}/{down}: more.").format(**keys),
    )


@dataclass(frozen=True)
class CompareLayout:
    """The Compare page's table cut to the screen: the criteria column's width, each
    other column's, the pages (per page: the header's columns shown and the rows shown,
    the Ending row first) and a row's height."""

    first: int
    width: int
    pages: list[tuple[list[int], list[int]]]
    height: Callable[[list[str]], int]


def screen_text(text: str) -> str:
    """The handout's wording with the one glyph the screen font lacks (an arrow) swapped."""
    return text.replace("\u2192", "\u2014")


def _recorded(session: Session | None) -> bool:
    """Whether there is a record to make a handout from (not when the folder refused it)."""
    return session is not None and session.journal.path.exists()


class DebriefScene(Scene):
    name = "debrief"

    def __init__(
        self,
        app,
        runtime: Runtime,
        *,
        room: str,
        anti_model_ending: str = "",
        session: Session | None = None,
        warning: str | None = None,
    ) -> None:
        super().__init__(app)
        self.rt = runtime
        self.script = runtime.script
        self.room = room
        self.session = session
        self.result = runtime.result()
        #: The Compare page: a header row, then the ending and each tested criterion.
        # A role run's criteria are that role's: the manager's traditional path does not compare.
        traditional = anti_model_result(self.script) if runtime.seat.is_manager else None
        self.compared = comparison(self.result.attempts, traditional)
        #: How many columns after the criteria's are the traditional approach's (0 or 1).
        self.fixed = 0 if traditional is None else 1
        self.watched = bool(anti_model_ending)
        self.anti = self.script.endings.get(anti_model_ending or self.script.anti_model_ending)
        #: (heading, body) per timeline entry: "0:42  Redirect", then what happened and why.
        self.entries = [
            (
                f"{e.when}  {e.label}"
                + (" " + _("(attempt {number})").format(number=e.attempt) if e.attempt > 1 else ""),
                "\n".join(
                    [
                        screen_text(e.text),
                        *(screen_text(d) for d in e.details),
                        *([_("Why: {reason}").format(reason=e.feedback)] if e.feedback else []),
                    ]
                ),
            )
            for e in timeline(
                list(runtime.events), self.script, runtime.verdicts, solo=room == "solo"
            )
        ]
        self.page = 0
        self.scroll = 0
        self.chart_top = 0  # first criterion shown, when the Criteria page scrolls
        self.outcome_part = 0  # which part of the outcomes shows, when they need more room
        self._outcome_key: tuple = ()
        self._outcome: tuple[list[pygame.Rect], int, int, list[list[str]]] = ([], 0, 0, [])
        self.compare_page = 0  # the page of the Compare table shown
        self._compare_key: tuple = ()
        self._compare_layout: CompareLayout | None = None
        self._pages_key: tuple = ()
        self._pages: list[list[tuple[int, str, bool, pygame.Rect]]] = []
        self.message = warning or ""
        self.leaving = False  # Esc was pressed once: a second Esc goes to the title
        self.handouts: Path | None = None  # where the handout went, once exported
        buttons = [
            Item(_("Export handout"), "export", _recorded(session), _("no record")),
            Item(_("Play again"), "again"),
            Item(_("Back to title"), "title"),
        ]
        if not runtime.seat.is_manager:  # role reversal: the run through their eyes again
            person = self.script.cast.get(runtime.seat.role)
            name = person.name if person else runtime.seat.role
            buttons.insert(1, Item(_("Through {who}'s eyes").format(who=name), "role"))
        self.buttons = Menu(buttons, columns=len(buttons), digits=False)
        self.tabs: list[pygame.Rect] = []
        #: Whether the tabs show their digit keys (dropped when five do not fit in a row),
        #: and their labels' size (smaller than the body size only to keep one row).
        self.tab_keys = True
        self.tab_size = 0
        self.keys = ""  # the keys hint: the longest wording that fits one line

    def enter(self) -> None:
        self.relayout()

    def relayout(self) -> None:
        """Top down: the title line, the tabs across the whole width, the page, the buttons
        and the keys. Tabs and buttons are as tall as their words at the body size."""
        app, lay = self.app, self.app.layout
        safe = lay.safe_rect
        height = draw.row_height(app)
        self.keys = draw.one_line(app, keys_wordings())
        row = pygame.Rect(safe.x, draw.hint_top(app, self.keys) - lay.gap - height, safe.w, height)
        count = len(self.buttons.items)
        self.buttons.rects = grid(row, count, count, lay.gap)
        self.title_h = app.text.line_height(lay.small_size, bold=True)
        columns, self.tab_keys, self.tab_size = self._tab_row()
        rows = -(-len(PAGES) // columns)
        gap = lay.px(12)
        top = lay.header_rect.y + self.title_h + lay.px(6)
        tabs = pygame.Rect(safe.x, top, safe.w, rows * height + (rows - 1) * gap)
        self.tabs = grid(tabs, len(PAGES), columns, gap)

    def _tab_row(self) -> tuple[int, bool, int]:
        """How the five tabs go: (columns, whether they show their digit keys, label size).

        One row with their keys while every label fits whole at the body size beside its
        key badge; then one row without the badges (the keys hint names the digits); then
        one row at a smaller size, as long as it is no smaller than the tabs at the default
        text size (a larger setting never makes them smaller) nor under the floor; else two
        rows at the body size. A second row takes from every page the height of a tab."""
        app, lay = self.app, self.app.layout
        gap = lay.px(12)
        badge = app.text.measure("5", lay.small_size, bold=True)[0] + lay.px(20 + 16)
        inner = (lay.safe_rect.w - (len(PAGES) - 1) * gap) // len(PAGES) - 2 * lay.padding

        def widest(size: int) -> int:
            return max(app.text.measure(_(p), size, bold=True)[0] for p in PAGES)

        body = lay.body_size
        if widest(body) + badge <= inner:
            return len(PAGES), True, body
        if widest(body) <= inner:
            return len(PAGES), False, body
        least = max(lay.floor_size, Layout(lay.width, lay.height).body_size)
        size = body
        while size > least and widest(size) > inner:
            size -= 1
        if widest(size) <= inner:
            return len(PAGES), False, size
        return -(-len(PAGES) // 2), True, body

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        found = [(i.label, r) for i, r in zip(self.buttons.items, self.buttons.rects, strict=True)]
        return found + list(zip(map(_, PAGES), self.tabs, strict=True))

    @property
    def body(self) -> pygame.Rect:
        lay = self.app.layout
        top = self.tabs[-1].bottom + lay.px(12) + lay.gap  # under the bar of the page shown
        return pygame.Rect(
            lay.safe_rect.x, top, lay.safe_rect.w, self.buttons.rects[0].y - lay.gap - top
        )

    # ----- actions ----------------------------------------------------------------------

    def handle(self, action: Action) -> None:
        act = action.act
        if act in (Act.PAUSE, Act.BACK):
            if self.leaving:
                self._to_title()
            else:
                self.leaving = True
            return
        if act is not Act.POINT:
            self.leaving = False
        if act in CHOOSES:
            self.page = CHOOSES.index(act)
            return
        if act in (Act.UP, Act.SCROLL_UP, Act.DOWN, Act.SCROLL_DOWN):
            step = -1 if act in (Act.UP, Act.SCROLL_UP) else 1
            if self.page == 0 and 0 <= self.outcome_part + step < self.outcome_parts():
                self.outcome_part += step  # outcomes too long for the page go on in parts
                return
            if self.page == 1:  # a Criteria page too long for the screen scrolls
                last = sum(1 for c in self.result.criteria if c.tested) - self.chart_rows()
                self.chart_top = max(0, min(last, self.chart_top + step))
                return
            if self.page == 4:  # the Compare table's next part: more criteria or attempts
                last = len(self.compare_layout().pages) - 1
                self.compare_page = max(0, min(last, self.compare_page + step))
                return
            if self.page == 2:  # a page of the timeline at a time
                last = max(0, len(self.timeline_pages()) - 1)
                self.scroll = max(0, min(last, self.scroll + step))
            self.page = 2
            return
        if act is Act.ADVANCE:
            self.page = (self.page + 1) % len(PAGES)
            return
        if act is Act.CLICK and action.pos:
            tab = next((i for i, r in enumerate(self.tabs) if r.collidepoint(action.pos)), None)
            if tab is not None:
                self.page = tab
                return
        chosen = self.buttons.handle(action)
        if chosen == "export":
            self.export()
        elif chosen == "folder" and self.handouts is not None:
            self.message = self.app.open_folder(self.handouts) or self.message
        elif chosen == "role":
            self.app.push("role_debrief", self.rt)
        elif chosen == "again":
            self.app.replace("mode", self.script)
        elif chosen == "title":
            self._to_title()

    def _to_title(self) -> None:
        go_to_title(self.app)

    def export(self) -> None:
        """Write the handout (HTML and a chart PNG) and say where it went."""
        assert self.session is not None
        try:
            record = read_journal(self.session.journal.path)
            out = self.app.folders.handouts / default_name(record)
            files = write_handout(record, self.script, out, save_png)
        except (OSError, JournalError, ResumeError) as exc:
            self.message = _("The handout could not be written: {reason}").format(reason=exc)
            return
        # The file's name, never its full path: on a real laptop the path names the user.
        # A record the disk cut short makes a handout of part of the run: said, not hidden.
        saved = _(
            "Handout saved as {file} in the handouts folder. "
            "Press {key} on \u201c{button}\u201d to see it."
        ).format(file=files.html.name, key=key_name(Act.CONFIRM), button=_("Open the folder"))
        self.message = " ".join([saved, *files.warnings])
        self.buttons.items[0] = Item(_("Open the folder"), "folder")
        self.handouts = files.html.parent

    # ----- drawing ----------------------------------------------------------------------

    def picture(self) -> tuple:
        """Redraw only when the page, the timeline's scroll, the message or the focus changes."""
        return (
            self.page,
            self.scroll,
            self.chart_top,
            self.outcome_part,
            self.compare_page,
            self.message,
            self.buttons.focus,
            self.leaving,
            self.buttons.items[0].key,
        )

    def draw(self, surface: pygame.Surface) -> None:
        app, lay, theme = self.app, self.app.layout, self.app.theme
        surface.fill(theme.stage_bg)
        head = app.text.fit(
            _("Debrief: {title}").format(title=self.script.title),
            lay.small_size,
            theme.text,
            width=lay.safe_rect.w,
            height=self.title_h,
            bold=True,
            min_size=lay.floor_size,
        )
        surface.blit(head, lay.header_rect.topleft)
        for index, (name, rect) in enumerate(zip(PAGES, self.tabs, strict=True)):
            key = str(index + 1) if self.tab_keys else ""
            draw.button(surface, app, rect, _(name), key=key, size=self.tab_size)
            if index == self.page:
                # The page shown: a bar under its tab. Only the button Enter presses has
                # the focus ring, so the room never sees two and wonders which is live.
                bar = pygame.Rect(rect.x, rect.bottom + lay.px(4), rect.w, lay.px(8))
                pygame.draw.rect(surface, theme.accent, bar, border_radius=lay.px(4))
        pages = [self._outcome_page, self._criteria, self._timeline, self._discuss, self._compare]
        pages[self.page](surface)
        labels = [draw.shown_label(item) for item in self.buttons.items]
        size = draw.shared_size(app, labels, self.buttons.rects[0])
        draw.menu(surface, app, self.buttons, numbered=False, centre=True, size=size)
        draw.hint(surface, app, leave_ask() if self.leaving else self.message or self.keys)

    def _outcome_words(self) -> tuple[tuple[str, list[str]], tuple[str, list[str]]]:
        """The two cards' titles and lines: this run, and the traditional approach."""
        ours = (_("This run"), [*self._ending_lines(self.result.ending), self.missed_line()])
        how = _("As you watched it") if self.watched else _("Had nobody stopped it")
        first, *rest = self._ending_lines(self.anti)
        return ours, (_("The traditional approach"), [f"{how}: {first}", *rest])

    def outcome_layout(self) -> tuple[list[pygame.Rect], int, int, list[list[str]]]:
        """The Outcome page: the two cards' rects, one title size and one body size for both
        (the run's own outcome must not read smaller, or larger, than the other), and each
        card's body in parts, one a screen.

        The body is fitted to its card, but never smaller than the small size at the default
        text size: words that need more room than the page has go on in further parts
        (Up/Down), as the Timeline's do, instead of shrinking to the floor."""
        app, lay = self.app, self.app.layout
        cards = self._outcome_words()
        key = (lay.size, lay.text_scale, self.message)
        if self._outcome_key == key:
            return self._outcome
        least = max(lay.floor_size, Layout(lay.width, lay.height).small_size)
        area = self.body
        for paged in (False, True):
            if paged:  # a line under the cards says which part shows
                area = pygame.Rect(
                    area.x, area.y, area.w, area.h - app.text.line_height(lay.small_size)
                )
            rects = grid(area, 2, 2, lay.gap * 2)
            head = min(
                draw.card_title_size(app, r, t) for r, (t, _l) in zip(rects, cards, strict=True)
            )
            size = min(
                draw.card_body_size(app, r, t, lines, title_size=head)
                for r, (t, lines) in zip(rects, cards, strict=True)
            )
            if size >= least or paged:
                size = max(size, least)
                parts = [
                    _parts(
                        app,
                        "\n\n".join(line for line in lines if line),
                        size,
                        draw.card_body_rect(app, r, t, head),
                    )
                    for r, (t, lines) in zip(rects, cards, strict=True)
                ]
                break
        self._outcome_key, self._outcome = key, (rects, head, size, parts)
        return self._outcome

    def outcome_parts(self) -> int:
        """How many parts the Outcome page's words take (1: they fit the page)."""
        return max(len(p) for p in self.outcome_layout()[3])

    def _outcome_page(self, surface: pygame.Surface) -> None:
        rects, head, size, parts = self.outcome_layout()
        count = self.outcome_parts()
        shown = min(self.outcome_part, count - 1)
        for rect, (title, _lines), part in zip(rects, self._outcome_words(), parts, strict=True):
            words = part[shown] if shown < len(part) else ""
            draw.card(surface, self.app, rect, title, [words], size=size, title_size=head)
        if count > 1:
            self._more(
                surface,
                _("Part {part} of {count}  ({down}: more, {up}: back)").format(
                    part=shown + 1, count=count, down=key_name(Act.DOWN), up=key_name(Act.UP)
                ),
                bottom=self.body.bottom,
            )

    def missed_line(self) -> str:
        """How many moments passed unstopped, counted as the timeline lists them: over every
        attempt, saying how many of them were in the last one when the room rewound."""
        solo = self.room == "solo"
        every = sum(1 for e in self.rt.events if e.kind == "missed")
        final = len(self.result.missed)
        attempts = self.rt.attempt
        if not every:
            return ""
        if attempts == 1:
            line = (
                _("Moments you let pass: {count}") if solo else _("Moments nobody stopped: {count}")
            )
            return line.format(count=every)
        line = (
            _("Moments you let pass: {count} over {attempts} attempts ({last} in the last)")
            if solo
            else _("Moments nobody stopped: {count} over {attempts} attempts ({last} in the last)")
        )
        return line.format(count=every, attempts=attempts, last=final)

    @staticmethod
    def _ending_lines(ending: Ending | None) -> list[str]:
        if ending is None:
            return [_("The run stopped without reaching an ending.")]
        context = (
            [_("What nobody in the room could see: {context}").format(context=ending.context)]
            if ending.context
            else []
        )
        return [
            f"{ending.title} ({tone_name(ending.tone)})",
            ending.outcome,
            *context,
        ]

    def _untested(self) -> tuple[str, int]:
        """The line naming the criteria no moment tested, and its height ("" and 0: none)."""
        names = [c.name for c in self.result.criteria if not c.tested]
        if not names:
            return "", 0
        words = _("Not tested by the choices in this run: {criteria}").format(
            criteria=", ".join(names)
        )
        lay = self.app.layout
        return words, self.app.text.measure(words, lay.small_size, width=self.body.w)[1]

    def chart_rows(self) -> int:
        """How many tested criteria fit on the Criteria page at once (rows as tall as the
        chart's geometry makes them): with more, the page scrolls instead of shrinking its
        words, and gives up a line to say which rows show."""
        app, lay = self.app, self.app.layout
        geometry = screen_chart(self.result.criteria, lay, app.text, self.body.w, count=0)
        room = self.body.h - self._untested()[1] - geometry.rows_top
        count = sum(1 for c in self.result.criteria if c.tested)
        if not count or room >= count * geometry.row_h:
            return count
        note = app.text.line_height(lay.small_size)
        return max(1, int((room - note) // geometry.row_h))

    def _criteria(self, surface: pygame.Surface) -> None:
        """Where the run's choices sat between the worst and best alternatives, criterion by
        criterion; those no moment tested are named below, not drawn as a score."""
        app, lay = self.app, self.app.layout
        if not self.result.criteria and not self.rt.seat.is_manager:  # a role with no score
            words = _("This role is not scored: its debrief is for reflection (the button below).")
            draw.paragraph(surface, app, self.body, words)
            return
        tested = sum(1 for c in self.result.criteria if c.tested)
        words, note_h = self._untested()
        shown = self.chart_rows()
        top = max(0, min(self.chart_top, tested - shown))
        spread = 0.0
        if shown == tested and tested:  # room to spare: rows up to two lines and more apart
            geometry = screen_chart(self.result.criteria, lay, app.text, self.body.w, count=0)
            room = self.body.h - note_h - geometry.rows_top - lay.gap
            spread = min(app.text.line_height(lay.small_size) * 2.2, room / tested)
        chart = draw_criteria_chart(
            surface,
            self.body,
            self.result.criteria,
            theme=app.theme,
            layout=lay,
            text=app.text,
            first=top,
            count=shown,
            row_h=spread,
        )
        if shown < tested:  # which rows show, on the line under them
            where = _("{first}-{last} of {count} ({up}/{down} to scroll)").format(
                first=top + 1,
                last=top + shown,
                count=tested,
                up=key_name(Act.UP),
                down=key_name(Act.DOWN),
            )
            foot = self.body.y + round(chart.rows_top + shown * chart.row_h)
            self._more(surface, where, bottom=foot + app.text.line_height(lay.small_size))
        if words:
            note = pygame.Rect(self.body.x, self.body.bottom - note_h, self.body.w, note_h)
            draw.paragraph(surface, app, note, words, size=lay.small_size)

    def _more(self, surface: pygame.Surface, note: str, bottom: int | None = None) -> None:
        """Which part of a long page is shown, at the right of the page: at its top, or
        with its foot at `bottom`."""
        app, lay = self.app, self.app.layout
        img = app.text.render(note, lay.small_size, app.theme.text_muted)
        if bottom is not None:
            surface.blit(img, img.get_rect(bottomright=(self.body.right, bottom)))
        else:
            surface.blit(img, img.get_rect(topright=(self.body.right, self.body.y)))

    def _paged(self) -> pygame.Rect:
        """The page's area above the line that says which part of a long page shows."""
        area = self.body.copy()
        area.h -= self.app.text.line_height(self.app.layout.small_size)
        return area

    def timeline_pages(self) -> list[list[tuple[int, str, bool, pygame.Rect]]]:
        """The timeline laid out as pages of two columns, filled top to bottom, left column
        first: per page, (entry, the words shown there, whether they continue the entry,
        where they go). An entry that does not fit the rest of a column goes on in the
        next, split between lines or, for a long line, between words, so no column is left
        half empty."""
        app, lay = self.app, self.app.layout
        key = (lay.size, lay.text_scale, app.text.family, len(self.entries))
        if self._pages_key == key:
            return self._pages
        area, gap = self._paged(), lay.gap
        width = (area.w - 2 * gap) // 2
        head_h = app.text.line_height(lay.small_size, bold=True)
        line_h = app.text.line_height(lay.small_size)
        pages: list[list[tuple[int, str, bool, pygame.Rect]]] = []
        page: list[tuple[int, str, bool, pygame.Rect]] = []
        column, y = 0, area.y

        def tall(words: str) -> int:
            return app.text.measure(words, lay.small_size, width=width)[1]

        def fits_after(done: list[str], room: int) -> Callable[[str], bool]:
            return lambda more: tall("\n".join([*done, more])) <= room

        for index, (_head, rest) in enumerate(self.entries):
            lines, continued = rest.split("\n"), False
            while lines:
                room = area.bottom - y - head_h
                taken: list[str] = []
                while lines and tall("\n".join([*taken, lines[0]])) <= room:
                    taken.append(lines.pop(0))
                if lines and room >= 2 * line_h:  # a long line: as many words as fit here
                    cut = draw.words_that_fit(lines[0], fits_after(taken, room))
                    if cut:
                        taken.append(cut)
                        lines[0] = lines[0][len(cut) :].lstrip()
                if not taken and y == area.y:  # taller than a whole column: cut below
                    taken.append(lines.pop(0))
                if taken:
                    height = min(head_h + tall("\n".join(taken)), area.bottom - y)
                    x = area.x + column * (width + 2 * gap)
                    spot = pygame.Rect(x, y, width, height)
                    page.append((index, "\n".join(taken), continued, spot))
                    y += height + gap
                    continued = True
                if lines:  # the rest goes on in the next column, or on the next page
                    column, y = column + 1, area.y
                    if column == 2:
                        pages.append(page)
                        page, column = [], 0
        if page:
            pages.append(page)
        self._pages_key, self._pages = key, pages
        return pages

    def _timeline(self, surface: pygame.Surface) -> None:
        app, lay, theme = self.app, self.app.layout, self.app.theme
        if not self.entries:
            draw.paragraph(surface, app, self.body, _("Nothing was recorded in this run."))
            return
        pages = self.timeline_pages()
        shown = min(self.scroll, len(pages) - 1)  # a resize can leave fewer pages
        head_h = app.text.line_height(lay.small_size, bold=True)
        for index, words, continued, spot in pages[shown]:
            head = self.entries[index][0]
            if continued:
                head = _("{heading}, continued").format(heading=head)
            top = app.text.render(head, lay.small_size, theme.accent, bold=True)
            surface.blit(top, spot.topleft)
            img = app.text.fit(
                words,
                lay.small_size,
                theme.text,
                width=spot.w,
                height=max(1, spot.h - head_h),
                min_size=lay.floor_size,
            )
            surface.blit(img, (spot.x, spot.y + head_h))
        if len(pages) > 1:
            first, last = pages[shown][0][0], pages[shown][-1][0]
            self._more(
                surface,
                _(
                    "Page {page} of {pages}: entries {first}-{last} of {count}  "
                    "({down}: next page, {up}: back)"
                ).format(
                    page=shown + 1,
                    pages=len(pages),
                    first=first + 1,
                    last=last + 1,
                    count=len(self.entries),
                    down=key_name(Act.DOWN),
                    up=key_name(Act.UP),
                ),
                bottom=self.body.bottom,
            )

    def compare_layout(self) -> CompareLayout:
        """The Compare table cut into pages that fit at the body size, as many attempt
        columns a page as stay readable from the back (the traditional approach's column and
        the criteria's names are on every page, and the Ending row too); Up/Down and the
        wheel turn the pages, the criteria first, then the next attempts."""
        app, lay = self.app, self.app.layout
        key = (lay.size, lay.text_scale)
        if self._compare_layout is not None and self._compare_key == key:
            return self._compare_layout
        header, rows = self.compared
        fixed = list(range(1, 1 + self.fixed))
        tried = list(range(1 + self.fixed, len(header)))
        area = self._paged()
        first = area.w * 3 // 10
        # A column narrower than this would cut "Attempt 12", the widest heading.
        widest = _("Attempt {number}").format(number=12)
        least = app.text.measure(widest, lay.body_size, bold=True)[0] + 2 * lay.gap
        per = max(1, min(len(tried), (area.w - first) // least - len(fixed)))
        width = (area.w - first) // (len(fixed) + per)
        line = app.text.line_height(lay.body_size)

        def tall(row: list[str]) -> int:
            """A row's height: its tallest cell (bold as drawn), one or two lines (three
            for the endings' titles)."""
            heads = row is header
            words = [(row[0], first, True)] + [(cell, width, heads) for cell in row[1:]]
            need = max(
                app.text.measure(cell, lay.body_size, width=w - lay.gap, bold=bold)[1]
                for cell, w, bold in words
            )
            most = 3 if row is rows[0] else 2
            return min(most * line, max(line, need)) + lay.px(12)

        def cut(pinned: int, rest: range) -> list[list[int]]:
            """`rest` (row numbers) in runs that fit under `pinned` pixels of rows."""
            runs: list[list[int]] = [[]]
            y = pinned
            for index in rest:
                height = tall(rows[index])
                if runs[-1] and y + height > area.h:
                    runs.append([])
                    y = pinned
                runs[-1].append(index)
                y += height
            return runs

        # The Ending row stays on every page, unless (large text on a small window) that
        # leaves room for fewer than three criteria: then it scrolls with them.
        criteria = [[0, *run] for run in cut(tall(header) + tall(rows[0]), range(1, len(rows)))]
        if len(criteria) > 1 and len(criteria[0]) < 4:  # the Ending and under 3 criteria
            criteria = cut(tall(header), range(len(rows)))
        groups = [tried[i : i + per] for i in range(0, len(tried), per)] or [[]]
        pages = [(fixed + group, chunk) for group in groups for chunk in criteria]
        self._compare_key = key
        self._compare_layout = CompareLayout(first, width, pages, tall)
        return self._compare_layout

    def _compare(self, surface: pygame.Surface) -> None:
        """The attempts and the traditional approach in columns, a row per criterion; a page
        of them at a time, with a line saying which attempts and criteria show."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        header, rows = self.compared
        table = self.compare_layout()
        shown = min(self.compare_page, len(table.pages) - 1)
        columns, chosen = table.pages[shown]
        body = self.body
        y = body.y
        for index, row in enumerate([header, *(rows[i] for i in chosen)]):
            row_h = table.height(row)
            if index % 2:  # bands, so a row reads across without relying on colour
                pygame.draw.rect(surface, theme.panel, (body.x, y, body.w, row_h))
            colour = theme.panel_text if index % 2 else theme.text
            cells = [(0, row[0])] + [(n + 1, row[col]) for n, col in enumerate(columns)]
            for place, cell in cells:
                x = body.x if place == 0 else body.x + table.first + (place - 1) * table.width
                w = (table.first if place == 0 else table.width) - lay.gap
                img = app.text.fit(
                    cell,
                    lay.body_size,
                    colour,
                    width=w,
                    height=row_h,
                    bold=index == 0 or place == 0,
                    min_size=lay.floor_size,
                )
                surface.blit(img, img.get_rect(midleft=(x + lay.px(8), y + row_h // 2)))
            y += row_h
        if self.fixed and columns:
            # The traditional approach is the first column, set apart by a rule.
            x = body.x + table.first + table.width - lay.gap // 2
            pygame.draw.line(surface, theme.text, (x, body.y), (x, y), max(1, lay.px(3)))
        if len(table.pages) > 1:
            self._more(surface, self.compare_note(shown), bottom=body.bottom)

    def compare_note(self, shown: int) -> str:
        """ "Page 2 of 3: Attempt 4 to Attempt 6 of 7 endings, criteria 1-6 of 9 (Down: next
        page, Up: back)": which attempts (those that reached an ending) and criteria show."""
        header, rows = self.compared
        table = self.compare_layout()
        columns, chosen = table.pages[shown]
        tried = [c for c in columns if c > self.fixed]
        every = len(header) - 1 - self.fixed
        criteria = [i for i in chosen if i]
        parts = []
        if tried and len(tried) < every:
            parts.append(
                _("{first} to {last} of {count} endings").format(
                    first=header[tried[0]], last=header[tried[-1]], count=every
                )
            )
        if criteria and len(criteria) < len(rows) - 1:
            parts.append(
                _("criteria {first}-{last} of {count}").format(
                    first=criteria[0], last=criteria[-1], count=len(rows) - 1
                )
            )
        where = ", ".join(parts)
        page = _("Page {page} of {pages}").format(page=shown + 1, pages=len(table.pages))
        keys = _("({down}: next page, {up}: back)").format(
            down=key_name(Act.DOWN), up=key_name(Act.UP)
        )
        # The fullest wording that fits the page's width on one line.
        for note in (f"{page}: {where}  {keys}", f"{page}: {where}", f"{page}  {keys}"):
            if self.app.text.measure(note, self.app.layout.small_size)[0] <= self.body.w:
                return note
        return page

    def _discuss(self, surface: pygame.Surface) -> None:
        questions = self.script.discussion_questions or (_("What would you do differently?"),)
        text = "\n\n".join(f"{i + 1}. {q}" for i, q in enumerate(questions))
        draw.paragraph(surface, self.app, self.body, text)


def _parts(app, text: str, size: int, box: pygame.Rect) -> list[str]:
    """`text` at `size`, wrapped to `box`'s width, in parts each no taller than `box`:
    split between lines, or between words in a long line; no part starts with a blank."""

    def fits(words: list[str]) -> bool:
        return app.text.measure("\n".join(words), size, width=box.w)[1] <= box.h

    parts: list[str] = []
    taken: list[str] = []
    lines = text.split("\n")
    while lines:
        line = lines.pop(0)
        if not taken and not line.strip():
            continue
        if fits([*taken, line]):
            taken.append(line)
            continue
        done = list(taken)

        def fits_after(more: str, done: list[str] = done) -> bool:
            return fits([*done, more])

        cut = draw.words_that_fit(line, fits_after)
        if cut:
            taken.append(cut)
            lines.insert(0, line[len(cut) :].lstrip())
        elif taken:
            lines.insert(0, line)
        else:  # not one word fits: it stands alone (and is cut at the card's foot)
            taken.append(line)
        parts.append("\n".join(taken))
        taken = []
    if taken:
        parts.append("\n".join(taken))
    return parts or [""]
