"""The debrief: how it ended, the criteria, what the room did, and what to talk about.

Four pages, because a room reads one thing at a time from the back: 1 Outcome (this run
beside the traditional approach's), 2 Criteria (this run against the best the scenario
allows), 3 Timeline (every freeze, redirect, hot-seat, rewind, missed moment and choice
with its feedback; scrollable), 4 Discuss (the scenario's questions), 5 Compare (each
attempt that reached an ending beside the traditional approach's path, criterion by
criterion: the room rewound from an ending and tried another way). Export writes the
handout with the records helper's report writer. The timeline's wording is the handout's
(`game.records.report.timeline`), so the screen and the paper never disagree.
"""

from __future__ import annotations

import pygame

from game.records.journal import JournalError, read_journal
from game.records.report import TONE_NAMES, comparison, default_name, timeline, write_handout
from game.records.session import ResumeError, Session
from game.story.model import Ending
from game.story.runtime import Runtime, anti_model_result

from ..chart import draw_criteria_chart
from ..chart_png import save_png
from ..input import Action
from ..keymap import CHOOSES, Act, choice_keys, key_name
from ..scene_stack import Scene
from . import draw
from .flow import go_to_title
from .menu import Item, Menu, grid

PAGES = ("Outcome", "Criteria", "Timeline", "Discuss", "Compare")
#: Asked on the first Esc: a debrief is where the room talks, so one stray key must not end it.
LEAVE_ASK = (
    f"Leave the debrief? {key_name(Act.PAUSE)} again: back to the title.  Any other key: stay."
)


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
        self.compared = comparison(self.result.attempts, anti_model_result(self.script))
        self.watched = bool(anti_model_ending)
        self.anti = self.script.endings.get(anti_model_ending or self.script.anti_model_ending)
        #: (heading, body) per timeline entry: "0:42  Redirect", then what happened and why.
        self.entries = [
            (
                f"{e.when}  {e.label}" + (f" (attempt {e.attempt})" if e.attempt > 1 else ""),
                "\n".join(
                    [
                        screen_text(e.text),
                        *(screen_text(d) for d in e.details),
                        *([f"Why: {e.feedback}"] if e.feedback else []),
                    ]
                ),
            )
            for e in timeline(list(runtime.events), self.script, runtime.verdicts)
        ]
        self.page = 0
        self.scroll = 0
        self.message = warning or ""
        self.leaving = False  # Esc was pressed once: a second Esc goes to the title
        buttons = [
            Item("Export handout", "export", _recorded(session), "no record"),
            Item("Play again", "again"),
            Item("Back to title", "title"),
        ]
        self.buttons = Menu(buttons, columns=3, digits=False)
        self.tabs: list[pygame.Rect] = []

    def enter(self) -> None:
        self.relayout()

    def relayout(self) -> None:
        lay = self.app.layout
        height = round(lay.height * 0.085)
        row = pygame.Rect(
            lay.safe_rect.x, draw.hint_top(self.app) - lay.gap - height, lay.safe_rect.w, height
        )
        self.buttons.rects = grid(row, 3, 3, lay.gap)
        tabs = pygame.Rect(
            lay.safe_rect.x + lay.safe_rect.w // 3,
            lay.header_rect.y,
            lay.safe_rect.w * 2 // 3,
            lay.header_rect.h,
        )
        self.tabs = grid(tabs, len(PAGES), len(PAGES), lay.px(12))

    def controls(self) -> list[tuple[str, pygame.Rect]]:
        found = [(i.label, r) for i, r in zip(self.buttons.items, self.buttons.rects, strict=True)]
        return found + list(zip(PAGES, self.tabs, strict=True))

    @property
    def body(self) -> pygame.Rect:
        lay = self.app.layout
        top = lay.header_rect.bottom + lay.gap
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
            self.scroll = max(0, min(len(self.entries) - 1, self.scroll + step))
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
            self.message = f"The handout could not be written: {exc}"
            return
        # A record the disk cut short makes a handout of part of the run: said, not hidden.
        self.message = " ".join([f"Handout saved: {files.html}", *files.warnings])

    # ----- drawing ----------------------------------------------------------------------

    def picture(self) -> tuple:
        """Redraw only when the page, the timeline's scroll, the message or the focus changes."""
        return self.page, self.scroll, self.message, self.buttons.focus, self.leaving

    def draw(self, surface: pygame.Surface) -> None:
        app, lay, theme = self.app, self.app.layout, self.app.theme
        surface.fill(theme.stage_bg)
        head = app.text.fit(
            f"Debrief: {self.script.title}",
            lay.small_size,
            theme.text,
            width=lay.safe_rect.w // 3 - lay.gap,
            height=lay.header_rect.h,
            bold=True,
        )
        surface.blit(head, head.get_rect(midleft=(lay.safe_rect.x, lay.header_rect.centery)))
        for index, (name, rect) in enumerate(zip(PAGES, self.tabs, strict=True)):
            draw.button(surface, app, rect, name, key=str(index + 1))
            if index == self.page:
                # The page shown: a bar under its tab. Only the button Enter presses has
                # the focus ring, so the room never sees two and wonders which is live.
                bar = pygame.Rect(rect.x, rect.bottom + lay.px(4), rect.w, lay.px(8))
                pygame.draw.rect(surface, theme.accent, bar, border_radius=lay.px(4))
        pages = [self._outcome, self._criteria, self._timeline, self._discuss, self._compare]
        pages[self.page](surface)
        draw.menu(surface, app, self.buttons, numbered=False, centre=True)
        keys = (
            f"{choice_keys(len(PAGES))}: pages.  {key_name(Act.UP)}/{key_name(Act.DOWN)}: scroll"
            f" the timeline.  {key_name(Act.LEFT)}/{key_name(Act.RIGHT)} and"
            f" {key_name(Act.CONFIRM)}: buttons."
        )
        draw.hint(surface, app, LEAVE_ASK if self.leaving else self.message or keys)

    def _outcome(self, surface: pygame.Surface) -> None:
        app, lay = self.app, self.app.layout
        left, right = grid(self.body, 2, 2, lay.gap * 2)
        missed = len(self.result.missed)
        extra = [f"Moments nobody stopped: {missed}"] if missed else []
        draw.card(surface, app, left, "This run", [*self._ending_lines(self.result.ending), *extra])
        how = "as you watched it" if self.watched else "had nobody stopped it"
        draw.card(
            surface, app, right, f"The traditional approach, {how}", self._ending_lines(self.anti)
        )

    @staticmethod
    def _ending_lines(ending: Ending | None) -> list[str]:
        if ending is None:
            return ["The run stopped without reaching an ending."]
        context = [f"What nobody in the room could see: {ending.context}"] if ending.context else []
        return [
            f"{ending.title} ({TONE_NAMES.get(ending.tone, ending.tone)})",
            ending.outcome,
            *context,
        ]

    def _criteria(self, surface: pygame.Surface) -> None:
        """Where the run's choices sat between the worst and best alternatives, criterion by
        criterion; those no moment tested are named below, not drawn as a score."""
        app, lay = self.app, self.app.layout
        tested = [c for c in self.result.criteria if c.tested]
        untested = [c.name for c in self.result.criteria if not c.tested]
        note_h = app.text.line_height(lay.small_size) * 2 if untested else 0
        chart = pygame.Rect(self.body.x, self.body.y, self.body.w, self.body.h - note_h)
        draw_criteria_chart(
            surface, chart, tested, theme=app.theme, layout=lay, text=app.text, percent=True
        )
        if untested:
            note = pygame.Rect(self.body.x, chart.bottom, self.body.w, note_h)
            words = "Not tested by the choices in this run: " + ", ".join(untested)
            draw.paragraph(surface, app, note, words, size=lay.small_size)

    def _timeline(self, surface: pygame.Surface) -> None:
        app, lay, theme = self.app, self.app.layout, self.app.theme
        body = self.body
        if not self.entries:
            draw.paragraph(surface, app, body, "Nothing was recorded in this run.")
            return
        y, last = body.y, self.scroll
        for index in range(self.scroll, len(self.entries)):
            head, rest = self.entries[index]
            top = app.text.render(head, lay.small_size, theme.accent, bold=True)
            img = app.text.render(rest, lay.body_size, theme.text, width=body.w)
            height = top.get_height() + img.get_height()
            if y + height > body.bottom and index > self.scroll:
                break
            clip = pygame.Rect(0, 0, body.w, max(0, body.bottom - y))
            surface.blit(top, (body.x, y), clip)
            below = pygame.Rect(0, 0, body.w, max(0, clip.h - top.get_height()))
            surface.blit(img, (body.x, y + top.get_height()), below)
            y += height + lay.gap
            last = index
        if self.scroll or last < len(self.entries) - 1:
            note = f"{self.scroll + 1}-{last + 1} of {len(self.entries)} (Up/Down to scroll)"
            img = app.text.render(note, lay.small_size, theme.text_muted)
            surface.blit(img, img.get_rect(topright=(body.right, body.y)))

    def _compare(self, surface: pygame.Surface) -> None:
        """The attempts and the traditional approach in columns, a row per criterion."""
        app, lay, theme = self.app, self.app.layout, self.app.theme
        header, rows = self.compared
        body = self.body
        first = body.w * 3 // 10
        width = (body.w - first) // max(1, len(header) - 1)
        row_h = app.text.line_height(lay.body_size) * 2 + lay.px(8)
        y = body.y
        for index, row in enumerate([header, *rows]):
            if y + row_h > body.bottom:
                break
            if index % 2:  # bands, so a row reads across without relying on colour
                pygame.draw.rect(surface, theme.panel, (body.x, y, body.w, row_h))
            colour = theme.panel_text if index % 2 else theme.text
            for col, cell in enumerate(row):
                x = body.x if col == 0 else body.x + first + (col - 1) * width
                w = (first if col == 0 else width) - lay.gap
                img = app.text.fit(
                    cell, lay.body_size, colour, width=w, height=row_h, bold=index == 0 or col == 0
                )
                surface.blit(img, img.get_rect(midleft=(x + lay.px(8), y + row_h // 2)))
            y += row_h

    def _discuss(self, surface: pygame.Surface) -> None:
        questions = self.script.discussion_questions or ("What would you do differently?",)
        text = "\n\n".join(f"{i + 1}. {q}" for i, q in enumerate(questions))
        draw.paragraph(surface, self.app, self.body, text)
