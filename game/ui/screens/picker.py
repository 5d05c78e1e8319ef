"""The scenario picker: one card per script, broken ones included with what is wrong.

A script that fails to load still gets a card, greyed, with its first error as
`file:line:col: message`, so an author sees at once why their scenario is missing while
every other scenario still plays. Cards show the summary, playing time, content notes and,
when this machine has solo practice history for the scenario, a line of progress.
"""

from __future__ import annotations

import os

import pygame

from game.i18n import N_, _
from game.records.progress import card_line, load_progress
from game.story.errors import ScriptError, format_diagnostic
from game.story.library import Entry

from ..input import Action
from ..keymap import Act, key_name
from . import draw
from .menu import Item, Menu, MenuScene

#: Most scenario buttons shown at once in the list; the list scrolls with the focus. Each is
#: tall enough for a long title on two lines at the body size, so larger text shows fewer.
ROWS = 5
#: The authoring sample: listed last, after the scenarios a room came to play, and labelled
#: as what it is, so nobody in a room mistakes it for training.
SAMPLE_ID = "example"
SAMPLE_LABEL = N_("For script authors: {title}")


def card_lines(entry: Entry, progress: str | None) -> list[str]:
    """What a card says under its title."""
    if not entry.playable:
        first = format_diagnostic(entry.errors[0], with_source=False)
        if len(entry.errors) > 1:
            first = _("{problem} (more problems: {count})").format(
                problem=first, count=len(entry.errors) - 1
            )
        return [_("Cannot be played: {problem}").format(problem=first)]
    notes = "; ".join(entry.content_notes) or _("none")
    lines = [
        entry.summary,
        _("About {minutes} minutes.  Content notes: {notes}").format(
            minutes=entry.minutes, notes=notes
        ),
    ]
    if progress:
        lines.append(_("Your practice: {progress}").format(progress=progress))
    return lines


class PickerScene(MenuScene):
    name = "picker"

    def enter(self) -> None:
        # Stable sort: the library's order, with the authoring sample moved to the end.
        self.entries = sorted(self.app.library.entries(), key=lambda e: e.id == SAMPLE_ID)
        self.progress_data, warning = load_progress(self.app.folders.progress)
        self.progress = {e.id: card_line(self.progress_data, e.id) for e in self.entries}
        self.warning = warning or ""
        items = []
        for entry in self.entries:
            reason = "" if entry.playable else _("cannot be played")
            title = entry.title if entry.playable else os.path.basename(entry.path)
            if entry.id == SAMPLE_ID:
                title = _(SAMPLE_LABEL).format(title=title)
            items.append(Item(title, entry.path, entry.playable, reason))
        self.menu = Menu(items, digits=False)
        self.top = 0
        self.relayout()

    def relayout(self) -> None:
        lay = self.app.layout
        area = self._area()
        gap = lay.px(14)
        height = draw.row_height(self.app, lines=2)
        self.rows = max(1, min(ROWS, (area.h + gap) // (height + gap)))
        focus = self.menu.focus_index
        if focus < self.top:
            self.top = focus
        elif focus >= self.top + self.rows:
            self.top = focus - self.rows + 1
        self.top = max(0, min(self.top, len(self.menu.items) - self.rows))
        height = min(height, (area.h - gap * (self.rows - 1)) // self.rows)
        rows = [
            pygame.Rect(area.x, area.y + i * (height + gap), area.w * 2 // 5, height)
            for i in range(self.rows)
        ]
        hidden = pygame.Rect(-10, -10, 0, 0)
        self.menu.rects = [
            rows[i - self.top] if self.top <= i < self.top + self.rows else hidden
            for i in range(len(self.menu.items))
        ]
        self.detail = pygame.Rect(
            area.x + area.w * 2 // 5 + lay.gap * 2, area.y, area.w * 3 // 5 - lay.gap * 2, area.h
        )

    def _area(self) -> pygame.Rect:
        lay = self.app.layout
        top = draw.heading_bottom(self.app, sub=True)
        # Room for the longer hint ("More below"), whichever this size shows.
        bottom = draw.hint_top(self.app, self.hint_text(more=True)) - lay.gap // 2
        return pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, bottom - top)

    def handle(self, action: Action) -> None:
        act = action.act
        if act in (Act.PAUSE, Act.BACK):
            self.app.stack.pop()
            return
        if act in (Act.SCROLL_UP, Act.SCROLL_DOWN):
            step = 1 if act is Act.SCROLL_DOWN else -1
            self.menu.move_focus(step)
        chosen = self.menu.handle(action)
        self.relayout()
        if chosen is not None:
            self.choose(chosen)

    def choose(self, path: str) -> None:
        """A scenario was picked: load it and ask how it will be played."""
        try:
            script = self.app.library.load(path)
        except ScriptError:
            focus = self.menu.focus_index
            self.enter()  # the file broke since the list was made: show what is wrong
            self.menu.focus = min(focus, len(self.menu.items) - 1)
            self.relayout()
            return
        self.app.push("mode", script)

    def picture(self) -> tuple:
        """Redraw only when the focus or the scroll moves, or the list or a warning changes
        (a script found broken when chosen greys its item without moving the focus)."""
        items = tuple((i.label, i.enabled) for i in self.menu.items)
        return self.menu.focus, self.top, self.warning, items

    #: The screen's heading, and what Enter does, for the hint line.
    title = N_("Choose a scenario")

    def enter_does(self) -> str:
        return _("{up}/{down} and {confirm}, or click a scenario.").format(
            up=key_name(Act.UP), down=key_name(Act.DOWN), confirm=key_name(Act.CONFIRM)
        )

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        surface.fill(app.theme.stage_bg)
        draw.heading(surface, app, _(self.title), self.warning or self.count_line())
        draw.menu(surface, app, self.menu, numbered=False)
        if self.entries:
            self.draw_detail(surface, self.entries[self.menu.focus_index])
        draw.hint(surface, app, self.hint_text())

    def count_line(self) -> str:
        """ "6 training scenarios, 2 of them your own, and a sample for script authors": the
        list as it is. Scripts from the user's own folder are counted as theirs, and ones
        that cannot be played apart (they are listed, greyed, with what is wrong). Never a
        folder path: a projected path can show the laptop owner's name."""
        shipped = os.path.abspath(self.app.library.folder)
        scenarios = [e for e in self.entries if e.id != SAMPLE_ID]
        playable = [e for e in scenarios if e.playable]
        own = sum(os.path.dirname(os.path.abspath(e.path)) != shipped for e in playable)
        count = len(playable)
        parts = [
            _("1 training scenario")
            if count == 1
            else _("{count} training scenarios").format(count=count)
        ]
        if own:
            parts.append(
                _("1 of them your own") if own == 1 else _("{own} of them your own").format(own=own)
            )
        broken = len(scenarios) - count
        if broken:
            parts.append(
                _("1 that cannot be played")
                if broken == 1
                else _("{broken} that cannot be played").format(broken=broken)
            )
        if any(e.id == SAMPLE_ID for e in self.entries):
            parts.append(_("and a sample for script authors (last)"))
        return ", ".join(parts)

    def hint_text(self, more: bool | None = None) -> str:
        if more is None:
            more = len(self.entries) > self.rows
        return (
            self.enter_does()
            + ("  " + _("More below: scroll or arrow down.") if more else "")
            + "  "
            + _("{back}: back").format(back=key_name(Act.PAUSE))
        )

    def draw_detail(self, surface: pygame.Surface, entry: Entry) -> None:
        """The panel beside the list: the focused scenario's card."""
        # No title: the focused button beside it says which scenario this is.
        draw.card(
            surface,
            self.app,
            self.detail,
            "",
            card_lines(entry, self.progress.get(entry.id)),
            enabled=entry.playable,
            size=self.app.layout.small_size,
        )
