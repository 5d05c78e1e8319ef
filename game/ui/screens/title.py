"""The title screen: start, resume an interrupted run, settings, quit.

"Resume" appears only when a run stopped without an ending (the laptop died, someone chose
"Quit to title"); it carries the run on from its record, exactly where it stopped.
"""

from __future__ import annotations

from datetime import datetime

import pygame

from game.records.journal import SessionInfo, find_unfinished, mark_session

from ..input import Action
from ..keymap import Act, key_name
from . import draw
from .flow import resume_run
from .menu import Item, Menu, MenuScene, rows

TAGLINE = "Forum theatre for managers: stop the scene, change what happens"


def resume_label(info: SessionInfo) -> str:
    """ "Resume: Tom: a concern at the start of a shift" (whose run and when: `resume_when`)."""
    return f"Resume: {info.script_title}"


def resume_when(info: SessionInfo) -> str:
    """ "the facilitator run of 23 Nov 20:31", said in the line under the menu."""
    try:
        started = datetime.fromisoformat(info.started).astimezone()
        when = f" of {started.day} {started:%b %H:%M}"
    except ValueError:
        when = ""
    return f"the {info.room_mode} run{when}"


class TitleScene(MenuScene):
    name = "title"

    def enter(self) -> None:
        #: Shown once: a damaged settings file, a recovered error, a resume that failed.
        self.message = self.app.notice or getattr(self, "message", "")
        self.app.notice = None
        self.unfinished = find_unfinished(self.app.folders.sessions)
        items = []
        if self.unfinished is not None:
            items.append(Item(resume_label(self.unfinished), "resume"))
        items += [
            Item("Choose a scenario", "start"),
            Item("Your practice over time", "progress"),
            Item("Settings", "settings"),
            Item("Quit", "quit", hotkey=key_name(Act.QUIT)),
        ]
        self.menu = Menu(items)
        self.relayout()

    def resume(self, result: object = None) -> None:
        self.enter()

    def relayout(self) -> None:
        """Top down: the name, the line under it, then the menu in what is left above the
        footer; buttons keep their height as text grows and go into two columns if need be."""
        app, lay = self.app, self.app.layout
        self.logo_y = round(lay.height * 0.05)
        self.tag_y = self.logo_y + app.text.line_height(lay.freeze_size, bold=True)
        tag_h = app.text.measure(TAGLINE, lay.body_size, width=lay.safe_rect.w)[1]
        top = self.tag_y + tag_h + lay.gap
        bottom = draw.hint_top(app, self.footer()) - lay.gap
        area = pygame.Rect(lay.menu_rect.x, top, lay.menu_rect.w, bottom - top)
        wide = pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, bottom - top)
        self.menu.rects = rows(area, len(self.menu.items), draw.row_height(app), lay.gap, wide)

    def footer(self) -> str:
        """The line at the foot: the notice if there is one, else the keys that work here."""
        if self.message:
            return self.message
        keys = f"Arrows and {key_name(Act.CONFIRM)}, or click. {key_name(Act.QUIT)} quits."
        if self.unfinished is not None:
            keys = (
                f"Resume carries on {resume_when(self.unfinished)}; {key_name(Act.BACK)} on it"
                f" sets it aside. {keys}"
            )
        return keys

    def handle(self, action: Action) -> None:
        if action.act is Act.QUIT:
            self.app.quit()
            return
        chosen = self.menu.handle(action)
        if chosen == "quit":
            self.app.quit()
        elif chosen == "start":
            self.app.push("picker")
        elif chosen in ("progress", "settings"):
            self.app.push(chosen)
        elif chosen == "resume" and self.unfinished is not None:
            resume_run(self.app, self.unfinished.path)
        elif action.act is Act.BACK and self.unfinished is not None and self.menu.focus == 0:
            # Backspace on "Resume" sets the old run aside, so it is not offered again.
            mark_session(self.unfinished.path, "abandoned")
            self.enter()

    def picture(self) -> tuple:
        """Redraw only when the menu (Resume comes and goes), its focus or the message changes."""
        return tuple(item.label for item in self.menu.items), self.menu.focus, self.message

    def draw(self, surface: pygame.Surface) -> None:
        app, lay, theme = self.app, self.app.layout, self.app.theme
        surface.fill(theme.stage_bg)
        title = app.text.render("FREEZE FRAME", lay.freeze_size, theme.accent, bold=True)
        surface.blit(title, title.get_rect(midtop=(lay.width // 2, self.logo_y)))
        tag = app.text.render(
            TAGLINE, lay.body_size, theme.text, width=lay.safe_rect.w, align="center"
        )
        surface.blit(tag, tag.get_rect(midtop=(lay.width // 2, self.tag_y)))
        draw.menu(surface, app, self.menu)
        draw.hint(surface, app, self.footer())
