"""Author preview: `python3 main.py play PATH [--from BEAT] [--set FLAG,FLAG]` plays any
script from any beat, with flags already set (as if earlier choices had set them).

Saving the file reloads it and keeps the place: the run so far is replayed on the new
version (so typo fixes keep every choice made), or, if the story no longer goes that way,
the run restarts at the same beat and line. An edit that breaks the script shows the errors
(`file:line:col: message` and the hint) over the last good version instead of closing, clear
of the option cards when they are up, and prints them in the terminal as `validate` would.
The file's mtime is polled a few times a second from `update` (never from `draw`), and the
script is parsed only when the mtime changes, through the app's library (cached by content).
F3 shows the beat, line, flags and phase. Runs here are not recorded.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.story import flow
from game.story.errors import ScriptError, did_you_mean, format_diagnostic, one_of
from game.story.library import ScriptLibrary
from game.story.model import Script
from game.story.runtime import Runtime
from game.story.views import Phase, RunMode

from .app import App, loop
from .presenter import options as presenter_options
from .scene_stack import Scene
from .screens import draw
from .screens.options import cards_area
from .screens.stage import StageScene

#: Seconds between looks at the file's modification time.
POLL_SECONDS = 0.3
#: At most this many errors are shown over the stage (the validator lists them all).
SHOWN_ERRORS = 3


@dataclass
class Watch:
    """The file being previewed, when it last changed, and what is wrong with it now."""

    path: str
    mtime: float = 0.0
    waited: float = 0.0
    error: str = ""  # the first few errors with their hints ("" when the file is fine)
    brief: str = ""  # the first error with its hint: what fits under option cards

    def changed(self, dt: float) -> bool:
        """True (at most every POLL_SECONDS) when the file's mtime moved since last seen."""
        self.waited += dt
        if self.waited < POLL_SECONDS:
            return False
        self.waited = 0.0
        try:
            mtime = os.stat(self.path).st_mtime
        except OSError:
            return False  # mid-save (some editors delete then write): look again next time
        if mtime == self.mtime:
            return False
        self.mtime = mtime
        return True


def describe(error: ScriptError, shown: int = SHOWN_ERRORS) -> str:
    """The first `shown` errors, each with its hint, for the panel over the stage."""
    errors = [d for d in error.diagnostics if d.is_error] or error.diagnostics
    lines = []
    for d in errors[:shown]:
        lines.append(format_diagnostic(d, with_source=False))
        if d.hint:
            lines.append(f"    hint: {d.hint}")
    if len(errors) > shown:
        lines.append(f"... and {len(errors) - shown} more: see the terminal")
    return "\n".join(lines)


def report(error: ScriptError, path: str) -> None:
    """Every problem in the terminal, with its line and hint, as `validate` prints them."""
    for found in error.diagnostics:
        print(format_diagnostic(found), file=sys.stderr)
    print(f"{path}: showing these errors in the window until the file is fixed", file=sys.stderr)


TITLE = "This edit cannot be played yet; the last good version stays on stage until you save a fix"


def error_area(app: App, cards: bool) -> pygame.Rect:
    """Where the errors go: across the upper stage, or, while option cards are up, in the
    band under them, so the cards stay readable and can still be chosen."""
    lay = app.layout
    if not cards:
        return pygame.Rect(
            lay.safe_rect.x, lay.header_rect.bottom, lay.safe_rect.w, round(lay.height * 0.42)
        )
    top = cards_area(app).bottom + lay.gap // 2
    return pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, lay.height - top - lay.gap // 2)


def draw_error(surface: pygame.Surface, app: App, text: str, cards: bool = False) -> None:
    """The script's errors in a panel over the last good picture, clear of any cards."""
    area = error_area(app, cards)
    draw.card(surface, app, area, TITLE, [text], size=app.layout.small_size)


def _path(events) -> list[tuple]:
    return [(e.step, e.kind, e.beat, e.line, e.attempt) for e in events]


def place_run(
    script: Script, old: Runtime, clock: Callable[[], float], flags: frozenset[str] = frozenset()
) -> Runtime:
    """The old run on the new script: replayed if it still goes the same way (a typo fix),
    else started again at the same beat and line (the story there was rewritten)."""
    try:
        replayed = Runtime.replay(script, old.events, clock=clock, flags=flags)
    except (ValueError, KeyError, IndexError, RuntimeError):
        replayed = None
    if replayed is not None and _path(replayed.events) == _path(old.events):
        return replayed
    beat = old.view().beat_id if old.view().beat_id in script.beats else None
    runtime = Runtime(script, RunMode.FORUM, start=beat, clock=clock, flags=flags)
    line = old.view().line_index
    while (
        runtime.phase is Phase.PLAYING
        and runtime.view().beat_id == beat
        and runtime.view().line_index < line
    ):
        runtime.advance()
    return runtime


class PreviewStage(StageScene):
    """The stage, plus the file watch and the error panel."""

    name = "stage"

    def __init__(self, app: App, runtime: Runtime, watch: Watch) -> None:
        super().__init__(app, runtime, room="solo")
        self.watch = watch
        self.flags = runtime.initial_flags  # kept when a save reloads the script

    def enter(self) -> None:
        self.app.watchers.append(self.poll)
        super().enter()

    def exit(self) -> None:
        self.app.watchers.remove(self.poll)
        super().exit()

    def poll(self, dt: float) -> None:
        """Every frame, even under a menu: reload when the file was saved."""
        if self.watch.changed(dt):
            self.reload()

    def reload(self) -> None:
        try:
            script = self.app.library.load(self.watch.path)
        except ScriptError as exc:
            self.watch.error = describe(exc)
            self.watch.brief = describe(exc, shown=1)
            report(exc, self.watch.path)
            return
        self.watch.error = ""
        self.app.stack.close_above(self)  # menus over the stage belong to the old version
        self.rt = place_run(script, self.rt, lambda: self.app.now, self.flags)
        self._line_key = ()
        self.refresh()
        self.follow_phase()

    def picture(self) -> tuple:
        return (*super().picture(), self.watch.error)

    def paint(self, surface: pygame.Surface, frozen: bool = False) -> None:
        super().paint(surface, frozen)
        if self.watch.error and not frozen:
            cards = self.view.decision is not None and not self.anti_model
            text = self.watch.brief if cards else self.watch.error
            draw_error(surface, self.app, text, cards)


class BrokenScene(Scene):
    """The script could not be loaded at all yet: its errors, until a save fixes them."""

    name = "broken"

    def __init__(
        self, app: App, watch: Watch, start: str | None, flags: frozenset[str] = frozenset()
    ) -> None:
        super().__init__(app)
        self.watch = watch
        self.start = start
        self.flags = flags

    def update(self, dt: float) -> None:
        if self.watch.changed(dt):
            begin(self.app, self.watch, self.start, self.flags)

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.theme.stage_bg)
        draw.heading(surface, self.app, "Preview", self.watch.path)
        draw_error(surface, self.app, self.watch.error)
        draw.hint(surface, self.app, "Fix the file and save it: the preview reloads by itself.")


def begin(app: App, watch: Watch, start: str | None, flags: frozenset[str] = frozenset()) -> None:
    """Load the script and put it on stage, or show what is wrong with it."""
    try:
        script = app.library.load(watch.path)
    except ScriptError as exc:
        watch.error = describe(exc)
        watch.brief = describe(exc, shown=1)
        app.stack.reset(BrokenScene(app, watch, start, flags))
        return
    watch.error = watch.brief = ""
    if start not in script.beats:
        start = None  # the beat was renamed since: start from the top rather than fail
    runtime = Runtime(script, RunMode.FORUM, start=start, clock=lambda: app.now, flags=flags)
    app.stack.reset(PreviewStage(app, runtime, watch))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 main.py play", description="Play a script from any beat; reloads on save."
    )
    parser.add_argument("path", help="the scenario file (.yaml)")
    parser.add_argument("--from", dest="start", metavar="BEAT", help="the beat to start at")
    parser.add_argument(
        "--set",
        dest="flags",
        metavar="FLAG,FLAG",
        default="",
        help="start with these flags set, as if earlier choices had set them",
    )
    presenter_options.add_arguments(parser)
    args = parser.parse_args(argv)
    if not os.path.isfile(args.path):
        parser.error(f"no such file: {args.path}")
    library = ScriptLibrary(os.path.dirname(os.path.abspath(args.path)))
    flags = frozenset(f.strip() for f in args.flags.split(",") if f.strip())
    try:
        script: Script | None = library.load(args.path)
    except ScriptError as err:
        script = None  # the preview shows what is wrong on screen, and waits for a fix
        report(err, args.path)
    if script is not None:
        beats = script.beats
        if args.start is not None and args.start not in beats:
            hint = did_you_mean(args.start, beats) or one_of(beats)
            parser.error(f"{args.path}: there is no beat called '{args.start}'; {hint}")
        known = flow.flags_set(script) | {f for c in flow.conditions(script) for f in c.flags()}
        for flag in sorted(flags - known):
            hint = did_you_mean(flag, known) or one_of(known) or "this script uses no flags"
            parser.error(f"{args.path}: no option, beat or condition uses a flag '{flag}'; {hint}")
    app = App(scripts_dir=Path(library.folder))
    app.library = library  # already holds the parsed script
    watch = Watch(args.path)
    watch.changed(POLL_SECONDS)  # note the current mtime so the first poll does not reload
    begin(app, watch, args.start, flags)
    presenter_options.apply(app, args)
    return loop(app)
