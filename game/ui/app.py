"""The window and the frame loop: events become actions, then time passes, then one picture.

`App` owns what every scene shares (settings, layout, theme, text cache, sound, the scene
stack, the game clock) and passes itself to scenes instead of living in globals. Each frame
is `frame(dt, events)`: translate events to actions and hand them to the top scene, call
`update(dt)`, then draw. Time only enters through `dt`, and `app.now` (the sum of every `dt`)
is the clock the story runtime records events with, so tests drive the whole game with a fake
clock by calling `frame` themselves.

Errors: in the real game an unexpected error in a scene is written to the log, the run in
progress is kept (its record is on disk event by event) and the player is returned to the
title with a short apology instead of a traceback. With `strict=True` (tests, the author
preview under pytest) errors propagate, so nothing is ever swallowed in a test.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import paths, storage
from game.i18n import N_, _, language, set_language
from game.storage import Folders, open_regular
from game.story.library import ScriptLibrary

from .cache import return_freed_pictures
from .input import Action, Input
from .keymap import Act
from .layout import Layout
from .scene_stack import Scene, SceneStack
from .screens import registry
from .settings import Settings, clamp_size, load_settings, save_settings
from .sound import Sounds
from .speech import Speech
from .text import TextRenderer
from .theme import Theme, make_theme
from .widgets import Patches, freeze_overlay

if TYPE_CHECKING:
    from .art.stage import StageArt
    from .learning_records import SenderLink
    from .presenter import Presenter

SCRIPTS_DIR = paths.SCRIPTS
WINDOW_TITLE = N_("Freeze Frame: forum theatre for managers")
FPS = 60
#: Seconds after the window changes (F11, a resize) during which pointer movement is not
#: taken as the player's: the system moves the pointer (or the window under it), and a card
#: that lands under it must not take the focus, or the next Enter would choose it.
POINTER_SETTLE = 0.5

log = logging.getLogger("freeze_frame")


def system_open(folder: Path) -> None:
    """Open `folder` in the desktop's file manager, without waiting for it."""
    if sys.platform == "win32":
        os.startfile(folder)  # a folder the game itself wrote
        return
    command = "open" if sys.platform == "darwin" else "xdg-open"
    subprocess.Popen(  # a fixed program and a path, no shell
        [command, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


class App:
    """The running game: one window, one scene stack, one clock."""

    def __init__(
        self,
        size: tuple[int, int] | None = None,
        *,
        settings: Settings | None = None,
        settings_warning: str | None = None,
        scripts_dir: Path = SCRIPTS_DIR,
        strict: bool = False,
        animate: bool = True,
        persist: bool = True,
        folders: Folders | None = None,
    ) -> None:
        return_freed_pictures()
        pygame.init()
        #: Where the user's files go: worked out once, here or by whoever made the app.
        self.folders = folders or storage.folders()
        #: Shows a folder in the system's file manager (the debrief's "Open the folder");
        #: a test puts a recorder here, since no file manager runs headless.
        self.folder_opener: Callable[[Path], object] = system_open
        if settings is None:
            settings, settings_warning = load_settings(self.folders.settings)
        if size is not None:
            settings = replace(settings, window=clamp_size(size))
        self.settings = settings
        #: Shown once (the title puts it up): a damaged settings file, a log written, etc.
        self.notice: str | None = settings_warning
        self.scripts_dir = Path(scripts_dir)
        #: Parses each script once per content; the picker, resume and preview share it.
        self.library = ScriptLibrary(
            str(self.scripts_dir),
            set_language(settings.language),
            more=(str(self.folders.scripts),),
        )
        self.strict = strict
        #: False for screenshots and golden images: text appears whole, nothing moves.
        self.animate = animate
        self.persist = persist
        self.now = 0.0
        self._pointer_still_until = 0.0  # see POINTER_SETTLE
        self.running = True
        self.debug = False
        #: The learning records' background sender (`learning_records.SenderLink`), if any.
        self.sender: SenderLink | None = None
        #: Called with `dt` every frame before the top scene's update, whatever is on top
        #: (the author preview's file watch, which must notice a save under a menu too).
        self.watchers: list[Callable[[float], None]] = []
        #: What the screen shows (see `Scene.picture`); None: the next frame draws afresh.
        self.shown: tuple | None = None
        self.text = TextRenderer()
        self.input = Input()
        self.stack = SceneStack()
        #: The facilitator's presenter view (`game.ui.presenter`) while it is open, and the
        #: display the stage fills while it is open on two displays (None: as the settings say).
        self.presenter: Presenter | None = None
        self.projector: int | None = None
        pygame.display.set_caption(_(WINDOW_TITLE))
        self.screen = self._open_window()
        self.input.open_joysticks()
        self.sound = Sounds(settings.volume, settings.muted)
        self.text.set_family(settings.font)
        #: Spoken lines and self-voicing; its worker starts only once one of them is on.
        self.speech = Speech(self.library.language, volume=self._speech_volume(settings))
        self._start_speech()
        self.layout, self.theme = self._style()
        self._overlay: tuple[tuple, Patches] | None = None

    @functools.cached_property
    def stage_art(self) -> StageArt:
        """Painted backdrops and figures, kept from one run to the next: painting one takes
        tens of milliseconds, a stutter if every new run on stage painted them again.
        Made on first use: the title screen does not need the art modules' import time."""
        from .art.stage import StageArt

        return StageArt()

    def style_key(self) -> tuple:
        """What every kept picture looks like besides what it shows: the window's size, the
        text size, the theme, the typeface and the language. A picture kept under another
        key is made again (settings can change in the middle of a run, from the pause menu)."""
        lay = self.layout
        return (lay.size, lay.text_scale, self.theme.name, self.text.family.key, language())

    def freeze_overlay(self) -> Patches:
        """The freeze's dimming, frame and stamp for the window's size and style: made once
        (10-20 ms) and kept for every run, between the title's first two frames
        (`after_first_frame`), so that neither a scenario's first frame nor its first buzz
        waits for it; again after a change of size or style, ahead of the next buzz."""
        key = self.style_key()
        if self._overlay is None or self._overlay[0] != key:
            made = freeze_overlay(
                theme=self.theme, layout=self.layout, text=self.text, compact=True
            )
            self._overlay = (key, made)
        return self._overlay[1]

    # ----- window and style -----------------------------------------------------------

    def _open_window(self) -> pygame.Surface:
        # Without a window manager (a bare X session on a venue's laptop, a kiosk) nobody
        # moves the window: a fullscreen window opened from a centred one stays where it was,
        # cut off at the right and bottom. So the window is put in the corner first, and
        # centred again on the way back.
        if self.projector is not None:  # the presenter view is on the other display
            size = pygame.display.get_desktop_sizes()[self.projector]
            return pygame.display.set_mode(size, pygame.FULLSCREEN, display=self.projector)
        if self.settings.fullscreen:
            size = pygame.display.get_desktop_sizes()[0]
            pygame.display.set_window_position((0, 0))
            return pygame.display.set_mode(clamp_size(size), pygame.FULLSCREEN)
        screen = pygame.display.set_mode(self.settings.window, pygame.RESIZABLE)
        centred = pygame.WINDOWPOS_CENTERED
        pygame.display.set_window_position((centred, centred))
        return screen

    @staticmethod
    def _speech_volume(settings: Settings) -> float:
        return 0.0 if settings.muted else settings.volume

    def _start_speech(self) -> None:
        """Load the speech engine (in its own thread) once spoken lines or self-voicing is on,
        here at start-up or in a settings change, never inside a scene's frame."""
        if self.settings.speak_lines or self.settings.self_voicing:
            self.speech.start()

    def speak_line(self, speaker: int, text: str) -> None:
        """A line aloud in the voice of the cast's `speaker`-th member, if spoken lines are
        on; it cuts off the line before, which the room has moved past."""
        if self.settings.speak_lines or self.settings.self_voicing:
            self.speech.cancel()
            self.speech.line(speaker, text)

    def _style(self) -> tuple[Layout, Theme]:
        width, height = self.screen.get_size()
        layout = Layout(width, height, self.settings.text_scale)
        theme = make_theme(self.settings.high_contrast, self.settings.colour_blind_safe)
        return layout, theme

    def change_settings(self, settings: Settings) -> None:
        """Apply new settings now (window, style, sound) and keep them for next time."""
        old, self.settings = self.settings, settings
        # A window the user resized already has its new size: reopen only when it must change.
        wrong_size = not settings.fullscreen and self.screen.get_size() != settings.window
        if old.fullscreen != settings.fullscreen or wrong_size:
            self.screen = self._open_window()
        self.sound.set_volume(settings.volume)
        self.sound.set_muted(settings.muted)
        self.speech.set_volume(self._speech_volume(settings))
        self.library.language = self.speech.language = set_language(settings.language)
        pygame.display.set_caption(_(WINDOW_TITLE))
        self.text.set_family(settings.font)
        self._start_speech()
        self.layout, self.theme = self._style()
        self.shown = None
        self.stack.relayout()
        if self.persist:
            try:
                save_settings(settings, self.folders.settings)
            except OSError as exc:
                self.notice = _("Your settings could not be saved ({reason}).").format(
                    reason=exc.strerror
                )

    def place_stage(self, display: int | None) -> None:
        """Put the stage full-screen on `display` (None: back to what the settings say)."""
        if display == self.projector:
            return
        self.projector = display
        self.screen = self._open_window()
        self.layout, self.theme = self._style()
        self.shown = None
        self.stack.relayout()

    def open_folder(self, folder: Path) -> str | None:
        """Show `folder` to the user; a sentence saying why not if that fails, else None."""
        try:
            self.folder_opener(folder)
        except OSError as exc:
            return _("The folder could not be opened ({reason}).").format(
                reason=exc.strerror or exc
            )
        return None

    def toggle_fullscreen(self) -> None:
        self.change_settings(replace(self.settings, fullscreen=not self.settings.fullscreen))

    def resize(self, size: tuple[int, int]) -> None:
        """The user dragged the window: keep the size (within the designed range)."""
        if self.settings.fullscreen or clamp_size(size) == self.settings.window:
            return
        self.screen = pygame.display.get_surface() or self.screen
        self.change_settings(replace(self.settings, window=clamp_size(size)))

    # ----- the frame ------------------------------------------------------------------

    def dispatch(self, action: Action) -> None:
        """Actions the whole game answers the same way; everything else goes to the top scene."""
        if action.act in (Act.FULLSCREEN, Act.RESIZE):
            self._pointer_still_until = self.now + POINTER_SETTLE
        if action.act is Act.CLOSE:
            self.quit()
        elif action.act is Act.FULLSCREEN:
            self.toggle_fullscreen()
        elif action.act is Act.RESIZE and action.size:
            self.resize(action.size)
        elif action.act is Act.POINT and self.now < self._pointer_still_until:
            return  # the window moved under the pointer: not the player's move
        elif action.act is Act.DEBUG_OVERLAY:
            self.debug = not self.debug
        elif action.act in (Act.PRESENTER, Act.SWAP_DISPLAYS):
            from . import presenter

            (presenter.toggle if action.act is Act.PRESENTER else presenter.swap)(self)
        elif self.stack.top is not None:
            self.stack.top.handle(action)

    def frame(self, dt: float, events: list[pygame.event.Event] | None = None) -> None:
        """One frame: events (the queue unless given), update(dt), draw, flip."""
        if events is None:
            events = pygame.event.get()
        for event in events:
            if self.presenter is not None and self.presenter.takes(event):
                continue  # the presenter window's own clicks; its keys act on the game
            top = self.stack.top
            buzzer, typing = bool(top and top.buzzer), bool(top and top.takes_text)
            for action in self.input.translate(event, buzzer=buzzer, typing=typing):
                if self.running:
                    self.dispatch(action)
        if not self.running:
            return
        self.now += dt
        for watcher in list(self.watchers):
            watcher(dt)
        if self.stack.top is not None:
            self.stack.top.update(dt)
            if self.settings.self_voicing:
                self.speech.say(self.stack.top.spoken())
        self.speech.update()
        self.draw()

    def draw(self) -> None:
        """Draw the scenes on show, unless they would draw the same picture again; flip. A
        frame in which neither window drew gives the top scene its `idle` turn."""
        picture = self.stack.picture()
        if picture is not None:
            picture = (self.debug, picture)
        drew = picture is None or picture != self.shown
        if drew:
            self.stack.draw(self.screen)
        self.shown = picture
        pygame.display.flip()
        if self.presenter is not None:
            drew = self.presenter.draw(busy=drew) or drew
        if not drew and self.stack.top is not None:
            self.stack.top.idle()

    def guarded_frame(self, dt: float) -> None:
        """`frame`, but an unexpected error is logged and play goes back to the title."""
        try:
            self.frame(dt)
        except Exception:
            if self.strict:
                raise
            self.recover(traceback.format_exc())

    def recover(self, details: str) -> None:
        where = write_log(details, self.folders.log)
        sentences = [
            _("Something went wrong, so you are back at the title."),
            self._kept(),
            _("Details were written to {path}.").format(path=where),
        ]
        self.notice = " ".join(s for s in sentences if s)
        try:
            self.stack.clear()
        except Exception:
            log.exception("closing scenes after an error")
            self.stack.scenes.clear()
        self.push("title")

    def _kept(self) -> str:
        """What is true of the run on stage after an error: never claim a record that the
        disk refused (a full disk, a read-only folder) or that was never started."""
        stage = self.stack.find("stage")
        session = getattr(stage, "session", None)
        if stage is None:
            return ""
        if session is None or session.journal.error or not session.journal.path.exists():
            return _("The run on stage was not recorded, so it cannot be resumed.")
        return _("Your run was kept and can be resumed.")

    # ----- screens by name (see `screens/registry.py`) -----------------------------------

    def push(self, name: str, *args: Any, **kwargs: Any) -> Scene:
        """Open the screen called `name` over the current one."""
        scene = registry.make(self, name, *args, **kwargs)
        self.stack.push(scene)
        return scene

    def replace(self, name: str, *args: Any, **kwargs: Any) -> Scene:
        """Swap the top screen for the one called `name`."""
        scene = registry.make(self, name, *args, **kwargs)
        self.stack.replace(scene)
        return scene

    def start(self, name: str, *args: Any, **kwargs: Any) -> Scene:
        """Close every screen and start again from the one called `name`."""
        scene = registry.make(self, name, *args, **kwargs)
        self.stack.reset(scene)
        return scene

    def after_first_frame(self) -> None:
        """What the title's first picture need not wait for, done before the second: every
        screen's module imported (`registry.preload`), the sounds synthesised and the freeze
        overlay made, so no later frame, not even the first buzz's, waits for them."""
        registry.preload()
        self.sound.prepare()
        self.freeze_overlay()

    def quit(self) -> None:
        """Close every scene (each saves what it holds), then stop the loop."""
        self.running = False
        self.stack.clear()
        self.speech.close()
        if self.presenter is not None:
            self.presenter.close()
            self.presenter = None


def write_log(details: str, path: Path) -> Path:
    """Append an error report to the log `path`; returns where it went."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT  # never a pipe: it would block
        with os.fdopen(open_regular(path, flags), "a", encoding="utf-8") as handle:
            handle.write(details + "\n")
    except OSError:
        log.error(details)
    return path


def run(argv: list[str]) -> int:
    """`python3 main.py [--presenter] [--projector-display N]`: the game, from the title."""
    import argparse

    from .learning_records import SenderLink
    from .presenter import options

    parser = argparse.ArgumentParser(prog="python3 main.py", description="Play Freeze Frame.")
    options.add_arguments(parser)
    args = parser.parse_args(argv)
    app = App()
    sender = app.sender = SenderLink(app)
    app.start("title")
    options.apply(app, args)
    try:
        return loop(app)
    finally:
        sender.stop()


#: The signals that end the game as closing its window does: Ctrl+C, and `kill`'s default.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def stop_signals() -> Iterator[list[int]]:
    """While the loop runs, Ctrl+C and SIGTERM ask it to stop; yields the signals received.

    SDL installs its own handlers, which turn these signals into a window-close event that
    only a running frame loop reads, so a game stuck anywhere else could only be killed
    with SIGKILL. These Python handlers replace them (installed after `pygame.init`). A
    handler only notes the signal: closing the scenes writes to the session record under
    its lock, which must not happen in the middle of whatever the frame was doing, so the
    loop does it between frames. A second signal is not caught: it ends the process.
    """
    received: list[int] = []

    def note(signum: int, _frame: object) -> None:
        received.append(signum)
        signal.signal(signum, signal.SIG_DFL)

    previous = {signum: signal.signal(signum, note) for signum in STOP_SIGNALS}
    try:
        yield received
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def loop(app: App) -> int:
    """Run frames until the player quits or a signal stops the game; returns the exit status.

    The real clock lives here and only here. Stopped by a signal, the game closes every
    scene as a closed window does (a run's record is closed, resumable) and returns the
    shell's usual 128 + the signal's number. Once the first picture is up, the work the
    title does not need is done between two frames (`App.after_first_frame`): the title
    appears sooner, and no later frame waits for it.
    """
    clock = pygame.time.Clock()
    status = 0
    with stop_signals() as received:
        app.guarded_frame(0.0)
        app.after_first_frame()
        while app.running:
            if received:
                status = 128 + received[0]
                app.quit()
                break
            dt = clock.tick(FPS) / 1000.0
            app.guarded_frame(min(dt, 0.25))
    pygame.quit()
    return status
