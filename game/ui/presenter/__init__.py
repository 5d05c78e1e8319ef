"""The presenter view: the facilitator's own window beside the projected stage.

A second `pygame.Window` (pygame-ce's multi-window support) that the app draws after the
stage each frame. It shows what the room must not see yet, read from the stage's public
state and the runtime's read-only look-ahead (`game.story.presenting`): the lines to come,
the moments worth stopping with their prompts and options, each character's hidden
thoughts, the facilitator's content note, the hand counts, the room's own words as they are
typed, the time against the scenario's plan, and a private cue when a moment to intervene
is on stage or passing. Its buttons become what the stage already handles (`controls`).

Input from either window: the app reads one event queue. Keys, clicker and pad buttons
pressed while the presenter window has the focus go to the game exactly as if pressed on
the stage window (so the buzzer freezes the stage in the next frame whichever window has
focus); only the presenter's own mouse events and window events stay here.

F9 opens or closes the view; F8 swaps which display shows the stage (see `displays`).
The view is redrawn only when what it shows changes (a new line, a page, a hand counted,
the clock's second), so it costs the stage nothing in most frames.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pygame
from pygame import Rect

from game.i18n import N_, _
from game.story.presenting import PresenterView, look_ahead

from . import controls, displays, panels
from .displays import Placement

if TYPE_CHECKING:
    from ..app import App
    from ..settings import Settings

TITLE = N_("Freeze Frame: presenter view")
#: At most this many frames (a sixth of a second) between a change and the presenter showing
#: it, however busy the stage is (see `Presenter.draw`).
MAX_WAIT = 10
#: Window events that concern only the window they name.
_MOUSE = (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)


def _window_of(event: pygame.event.Event) -> int | None:
    window = getattr(event, "window", None)
    return getattr(window, "id", None)


class Presenter:
    """The open presenter window; `app.presenter` while it is open."""

    def __init__(self, app: App, placement: Placement, size: tuple[int, int] | None = None) -> None:
        self.app = app
        self.placement = placement
        desktops = pygame.display.get_desktop_sizes()
        desktop = desktops[min(placement.presenter, len(desktops) - 1)]
        size = size or displays.presenter_size(desktop, placement.separate)
        position = pygame.WINDOWPOS_CENTERED | placement.presenter
        self.window = pygame.Window(_(TITLE), size, position=position, resizable=True)
        self.window.minimum_size = (640, 400)
        self.targets: list[panels.Target] = []
        self._shown: tuple | None = None
        self._waited = 0  # frames the redraw has waited for a frame the stage left quiet
        self._ahead: PresenterView | None = None
        self._ahead_key: tuple = ()

    @property
    def id(self) -> int:
        return int(self.window.id)

    # ----- events ---------------------------------------------------------------------------

    def takes(self, event: pygame.event.Event) -> bool:
        """Handle `event` if it is the presenter's own (its mouse, its window); True if so.
        Keys and pad buttons are never taken: they act on the game from either window."""
        kind = event.type
        mine = _window_of(event) == self.id
        if kind == pygame.WINDOWCLOSE:
            if mine:
                toggle(self.app)  # as F9 does: closed, and kept closed next time
            else:
                self.app.quit()  # the stage window closed: with two open, SDL sends no QUIT
            return True
        if not mine:
            return False
        if kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.click(tuple(event.pos))
        elif kind in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.VIDEORESIZE):
            self._shown = None
        return kind in _MOUSE or kind in (
            pygame.WINDOWRESIZED,
            pygame.WINDOWSIZECHANGED,
            pygame.VIDEORESIZE,
        )

    def click(self, pos: tuple[int, int]) -> None:
        """Carry out the command under `pos`, if any."""
        target = next((t for t in self.targets if t.rect.collidepoint(pos)), None)
        if target is None:
            return
        kind, *args = target.command
        if kind == "control":
            controls.run(self.app, args[0])
        elif kind == "choose":
            controls.choose(self.app, args[0])
        elif kind == "tally":
            controls.tally(self.app, args[0], args[1])
        elif kind == "hotseat":
            controls.hotseat(self.app, args[0])

    # ----- what it shows --------------------------------------------------------------------

    def ahead(self) -> PresenterView | None:
        """The look-ahead for the run on stage, worked out again only when the stage's view
        changes (the stage fetches a new view after every runtime call)."""
        stage = controls.stage_of(self.app)
        if stage is None:
            self._ahead, self._ahead_key = None, ()
            return None
        key = (id(stage), stage.view, stage.rt.attempt)
        if key != self._ahead_key:
            self._ahead, self._ahead_key = look_ahead(stage.rt), key
        return self._ahead

    def typed(self) -> str | None:
        """The room's words in the own-words box on top, or None when it is not open."""
        top = self.app.stack.top
        if getattr(top, "name", "") == "own_words":
            return str(getattr(top, "text", ""))
        if getattr(top, "name", "") == "closest":
            return str(getattr(top, "words", ""))
        return None

    def elapsed(self, ahead: PresenterView | None) -> float:
        return self.app.now - ahead.started if ahead is not None else 0.0

    def picture(self) -> tuple:
        """Everything the view's picture depends on, compared each frame."""
        stage = controls.stage_of(self.app)
        ahead = self.ahead()
        view = stage.view if stage is not None else None
        tallies = repr(stage.rt.tallies) if stage is not None else ""
        top = self.app.stack.top
        return (
            view,
            ahead,
            tallies,
            getattr(top, "name", ""),
            self.typed(),
            tuple(controls.controls(self.app)),
            int(self.elapsed(ahead)),
            self.window.size,
            self.app.settings.text_scale,
            self.app.theme,
        )

    @property
    def current(self) -> bool:
        """The window shows the latest state (its clickable areas are where they are drawn)."""
        return self.picture() == self._shown

    def draw(self, busy: bool = False) -> bool:
        """Redraw and flip, if anything shown has changed since the last time; whether it
        did. `busy`: the stage redrew in this frame, so the presenter waits for a quieter
        one (at most `MAX_WAIT` frames): the two windows' work never piles up in one frame."""
        picture = self.picture()
        if picture == self._shown:
            self._waited = 0
            return False
        if busy and self._waited < MAX_WAIT:
            self._waited += 1
            return False
        self._shown, self._waited = picture, 0
        self.paint(self.window.get_surface())
        self.window.flip()
        return True

    def paint(self, surface: pygame.Surface) -> None:
        app = self.app
        s = panels.sizes(surface.get_size(), app.settings.text_scale)
        surface.fill(app.theme.stage_bg)
        stage = controls.stage_of(app)
        view = stage.view if stage is not None else None
        ahead = self.ahead()
        width, height = surface.get_size()
        m = s.margin
        title = stage.rt.script.title if stage is not None else _("Presenter view")
        minutes = ahead.minutes if ahead is not None else 0
        head = Rect(m, m // 2, width - 2 * m, s.px(40))
        panels.header(
            surface, app, s, title, panels.elapsed_text(self.elapsed(ahead), minutes), head
        )
        cue = Rect(m, head.bottom, width - 2 * m, s.px(48))
        panels.cue_bar(surface, app, s, *panels.cue(view, ahead), cue)
        foot = Rect(m, height - m - s.px(52), width - 2 * m, s.px(52))
        top, bottom = cue.bottom + s.gap, foot.y - s.gap
        left_w = round((width - 3 * m) * 0.58)
        left = panels.Column(surface, app, Rect(m, top, left_w, bottom - top))
        right = panels.Column(
            surface, app, Rect(2 * m + left_w, top, width - 3 * m - left_w, bottom - top)
        )
        panels.on_stage(left, s, view, ahead)
        live = None
        if view is not None and stage is not None and not stage.anti_model:
            live = view.redirect or view.decision
        tallies = None
        if stage is not None and live is not None and not stage.solo:
            tallies = dict(stage.rt.tallies.get(live.id, {}))
        panels.points(left, s, ahead, live, tallies)
        panels.thoughts(right, s, view, ahead)
        panels.own_words(right, s, self.typed(), controls.own_words_open(app) is not None)
        panels.notes(right, s, ahead)
        self.targets = [
            *left.targets,
            *right.targets,
            *panels.control_row(surface, app, s, foot, controls.controls(app)),
        ]

    def close(self) -> None:
        self.window.destroy()


# ----- opening, closing, swapping -------------------------------------------------------------


def placement(app: App) -> Placement:
    return displays.place(pygame.display.get_num_displays(), app.settings.projector_display)


def open_view(app: App, size: tuple[int, int] | None = None) -> Presenter:
    """Open the presenter view (or return the open one); with two displays the stage goes
    full-screen on the projector. `size`: the window's, instead of fitting its display (the
    bench and the tests, whose dummy display is smaller than a laptop's)."""
    if app.presenter is not None:
        return app.presenter
    where = placement(app)
    app.place_stage(where.stage if where.separate else None)
    app.presenter = Presenter(app, where, size)
    app.stack.relayout()
    return app.presenter


def close(app: App) -> None:
    """Close the presenter view; the stage stays where it is (the facilitator mode's own
    pages still work without it)."""
    if app.presenter is None:
        return
    app.presenter.close()
    app.presenter = None


def arrange(app: App, settings: Settings, wanted: bool) -> None:
    """Keep `settings` and put the windows where they say: the presenter view open (on the
    display the projector setting leaves for it) if `wanted`, else closed with the stage back
    in its usual window. F9, F8 and the settings screen's rows all come here."""
    close(app)
    app.change_settings(settings)
    if wanted:
        open_view(app)
    else:
        app.place_stage(None)


def toggle(app: App) -> None:
    """F9: open or close the presenter view, and remember the choice for next time."""
    wanted = app.presenter is None
    arrange(app, replace(app.settings, presenter=wanted), wanted)


def swap(app: App) -> None:
    """F8: the stage to the other display and the presenter view to this one; kept."""
    where = placement(app)
    if not where.separate:
        return  # one display: nothing to swap
    settings = replace(app.settings, projector_display=displays.swapped(where))
    arrange(app, settings, app.presenter is not None)
