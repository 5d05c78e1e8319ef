"""The title screen: start, resume an interrupted run, settings, quit.

"Resume" appears only when a run stopped without an ending (the laptop died, someone chose
"Quit to title"); it carries the run on from its record, exactly where it stopped.
"""

from __future__ import annotations

from datetime import datetime

import pygame

from game.i18n import N_, _, month
from game.records.journal import JournalError, SessionInfo, mark_session, scan_sessions

from ..input import Action
from ..keymap import Act, key_name
from . import draw, registry
from .menu import Item, Menu, MenuScene, rows


def tagline() -> str:
    """The line under the name (in the chosen language)."""
    return _("Forum theatre for managers: stop the scene, change what happens")


#: How the resume item names who played.
ROOMS = {"solo": N_("solo"), "facilitator": N_("facilitated")}


def resume_label(info: SessionInfo) -> str:
    """ "Resume: Tom: a concern ... (solo, 23 Nov 20:31)": which run, whose, and when."""
    try:
        started = datetime.fromisoformat(info.started).astimezone()
        when = f", {started.day} {month(started.month, short=True)} {started:%H:%M}"
    except ValueError:
        when = ""
    return _("Resume: {title} ({room}{when})").format(
        title=info.script_title,
        room=_(ROOMS[info.room_mode]) if info.room_mode in ROOMS else info.room_mode,
        when=when,
    )


class TitleScene(MenuScene):
    name = "title"

    def enter(self) -> None:
        #: Shown once: a damaged settings file, a recovered error, a resume that failed.
        self.message = self.app.notice or getattr(self, "message", "")
        self.app.notice = None
        # Damaged records are set aside here, and every record that cannot be listed is
        # named, so none vanishes from Resume (and `report list`) without a word.
        sessions, problems = scan_sessions(self.app.folders.sessions, set_aside=True)
        self.unfinished = next((s for s in sessions if s.state == "unfinished"), None)
        if problems and not self.message:
            self.message = " ".join(problems)
        items = []
        if self.unfinished is not None:
            items.append(Item(resume_label(self.unfinished), "resume"))
        items += [
            Item(_("Choose a scenario"), "start"),
            Item(_("Your practice over time"), "progress"),
            Item(_("Settings"), "settings"),
            Item(_("Quit"), "quit", hotkey=key_name(Act.QUIT)),
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
        tag_h = app.text.measure(tagline(), lay.body_size, width=lay.safe_rect.w)[1]
        top = self.tag_y + tag_h + lay.gap
        bottom = draw.hint_top(app, self.footer()) - lay.gap
        area = pygame.Rect(lay.menu_rect.x, top, lay.menu_rect.w, bottom - top)
        wide = pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, bottom - top)
        self.menu.rects = rows(area, len(self.menu.items), draw.row_height(app), lay.gap, wide)

    def footer(self) -> str:
        """The line at the foot: the notice if there is one, else the keys that work here."""
        if self.message:
            return self.message
        keys = _("Arrows and {confirm}, or click. {quit} quits.").format(
            confirm=key_name(Act.CONFIRM), quit=key_name(Act.QUIT)
        )
        if self.unfinished is not None:
            keys += " " + _("{back} on Resume sets that run aside.").format(back=key_name(Act.BACK))
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
            registry.flow().resume_run(self.app, self.unfinished.path)
        elif action.act is Act.BACK and self.unfinished is not None and self.menu.focus == 0:
            # Backspace on "Resume" sets the old run aside, so it is not offered again.
            try:
                mark_session(self.unfinished.path, "abandoned")
            except (JournalError, OSError) as exc:
                self.app.notice = _("That run could not be set aside: {reason}").format(reason=exc)
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
            tagline(), lay.body_size, theme.text, width=lay.safe_rect.w, align="center"
        )
        surface.blit(tag, tag.get_rect(midtop=(lay.width // 2, self.tag_y)))
        draw.menu(surface, app, self.menu)
        draw.hint(surface, app, self.footer())
