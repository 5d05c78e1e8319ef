"""The scenario picker: one card per script, broken ones included with what is wrong.

A script that fails to load still gets a card, greyed, with its first error as
`file:line:col: message`, so an author sees at once why their scenario is missing while
every other scenario still plays. Cards show the summary, playing time, content notes and,
when this machine has solo practice history for the scenario, a line of progress.
"""

from __future__ import annotations

import os

import pygame

from game.records.progress import card_line, load_progress
from game.story.errors import ScriptError, format_diagnostic
from game.story.library import Entry

from ..input import Action
from ..keymap import Act, key_name
from . import draw
from .menu import Item, Menu, MenuScene

#: Scenario buttons shown at once in the list; the list scrolls with the focus. Five, so
#: each is tall enough for a long title on two lines at a readable size.
ROWS = 5
#: The authoring sample: listed last, after the scenarios a room came to play.
SAMPLE_ID = "example"


def card_lines(entry: Entry, progress: str | None) -> list[str]:
    """What a card says under its title."""
    if not entry.playable:
        first = format_diagnostic(entry.errors[0], with_source=False)
        more = f" (and {len(entry.errors) - 1} more)" if len(entry.errors) > 1 else ""
        return [f"Cannot be played: {first}{more}"]
    notes = "; ".join(entry.content_notes) or "none"
    lines = [entry.summary, f"About {entry.minutes} minutes.  Content notes: {notes}"]
    if progress:
        lines.append(f"Your practice: {progress}")
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
            reason = "" if entry.playable else "cannot be played"
            title = entry.title if entry.playable else os.path.basename(entry.path)
            items.append(Item(title, entry.path, entry.playable, reason))
        self.menu = Menu(items, digits=False)
        self.top = 0
        self.relayout()

    def relayout(self) -> None:
        lay = self.app.layout
        focus = self.menu.focus_index
        if focus < self.top:
            self.top = focus
        elif focus >= self.top + ROWS:
            self.top = focus - ROWS + 1
        area = self._area()
        height, gap = min(lay.px(136), (area.h - lay.px(14) * (ROWS - 1)) // ROWS), lay.px(14)
        rows = [
            pygame.Rect(area.x, area.y + i * (height + gap), area.w * 2 // 5, height)
            for i in range(ROWS)
        ]
        hidden = pygame.Rect(-10, -10, 0, 0)
        self.menu.rects = [
            rows[i - self.top] if self.top <= i < self.top + ROWS else hidden
            for i in range(len(self.menu.items))
        ]
        self.detail = pygame.Rect(
            area.x + area.w * 2 // 5 + lay.gap * 2, area.y, area.w * 3 // 5 - lay.gap * 2, area.h
        )

    def _area(self) -> pygame.Rect:
        lay = self.app.layout
        top = lay.header_rect.bottom + lay.small_size + lay.gap
        return pygame.Rect(
            lay.safe_rect.x, top, lay.safe_rect.w, lay.safe_rect.bottom - top - lay.small_size * 2
        )

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
    title = "Choose a scenario"
    enter_does = (
        f"{key_name(Act.UP)}/{key_name(Act.DOWN)} and {key_name(Act.CONFIRM)}, or click a scenario."
    )

    def draw(self, surface: pygame.Surface) -> None:
        app = self.app
        surface.fill(app.theme.stage_bg)
        count = len(self.entries)
        draw.heading(
            surface,
            app,
            self.title,
            self.warning or f"{count} scenario{'s' if count != 1 else ''} in {app.library.folder}",
        )
        draw.menu(surface, app, self.menu, numbered=False)
        if self.entries:
            self.draw_detail(surface, self.entries[self.menu.focus_index])
        more = count > ROWS
        draw.hint(
            surface,
            app,
            self.enter_does
            + ("  More below: scroll or arrow down." if more else "")
            + f"  {key_name(Act.PAUSE)}: back",
        )

    def draw_detail(self, surface: pygame.Surface, entry: Entry) -> None:
        """The panel beside the list: the focused scenario's card."""
        draw.card(
            surface,
            self.app,
            self.detail,
            self.menu.items[self.menu.focus_index].label,
            card_lines(entry, self.progress.get(entry.id)),
            enabled=entry.playable,
            size=self.app.layout.body_size,
        )
