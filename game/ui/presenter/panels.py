"""Drawing the presenter view: a laptop screen read at arm's length, not a projector.

The view is a few panels in a fixed arrangement (header and cue across the top; what is on
stage, what comes next and the moments worth stopping on the left; the hidden thoughts, the
room's own words and the content note on the right; the controls along the foot). Each
panel is a `Column` that stacks wrapped text top-down and cuts whatever no longer fits, so a
long line or note never spills into its neighbour. Sizes grow with the window and the
text-size setting. Clickable things are noted as `Target`s while drawing; the presenter
turns a click into a command from them. Nothing here reads the runtime: the drawing gets
the stage's view and the look-ahead (`game.story.presenting`) as values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame
from pygame import Rect

from game.i18n import _
from game.story.presenting import PointAhead, PresenterView
from game.story.views import Phase, PointView, RunMode, StageView

from .controls import Control

if TYPE_CHECKING:
    from ..app import App

#: The design size: sizes below are pixels at 1280x800 and text size 1.0.
DESIGN = (1280, 800)
#: Marks that carry meaning alongside colour (never colour alone).
STOP_MARK, PASSING_MARK, FROZEN_MARK = "!", "\u00bb", "||"


@dataclass(frozen=True)
class Target:
    """A clickable area and the command it gives: ("control", name), ("choose", index),
    ("tally", index, delta) or ("hotseat", actor id)."""

    rect: Rect
    command: tuple


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes for one presenter window and text-size setting."""

    width: int
    height: int
    scale: float

    def px(self, at_design: float) -> int:
        return max(1, round(at_design * self.scale))

    @property
    def head(self) -> int:
        return self.px(30)

    @property
    def body(self) -> int:
        return self.px(24)

    @property
    def small(self) -> int:
        return max(14, self.px(20))

    @property
    def gap(self) -> int:
        return self.px(10)

    @property
    def margin(self) -> int:
        return self.px(16)


def sizes(size: tuple[int, int], text_scale: float) -> Sizes:
    unit = min(size[0] / DESIGN[0], size[1] / DESIGN[1])
    return Sizes(size[0], size[1], max(0.6, unit) * text_scale)


@dataclass
class Column:
    """Stacks wrapped text down a rectangle; what does not fit is cut at the bottom edge."""

    surface: pygame.Surface
    app: App
    rect: Rect
    y: int = 0
    targets: list[Target] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.y = self.rect.y

    @property
    def full(self) -> bool:
        return self.y >= self.rect.bottom

    def text(
        self,
        text: str,
        size: int,
        colour: tuple[int, int, int],
        *,
        bold: bool = False,
        indent: int = 0,
        right: int = 0,
        gap: int = 0,
    ) -> Rect:
        """Draw `text` wrapped to the column (less `indent` and `right`); its rectangle."""
        if self.full or not text:
            return Rect(self.rect.x, self.y, 0, 0)
        width = self.rect.w - indent - right
        img = self.app.text.render(text, size, colour, width=width, bold=bold)
        height = min(img.get_height(), self.rect.bottom - self.y)
        at = (self.rect.x + indent, self.y)
        self.surface.blit(img, at, Rect(0, 0, min(img.get_width(), width), height))
        self.y += height + gap
        return Rect(at, (width, height))

    def space(self, pixels: int) -> None:
        self.y += pixels


def heading(col: Column, s: Sizes, text: str) -> None:
    """A panel's title: bold, muted, with a rule under it."""
    theme = col.app.theme
    col.space(s.gap // 2)
    rect = col.text(text.upper(), s.small, theme.text_muted, bold=True)
    if rect.h:
        y = rect.bottom + s.px(2)
        pygame.draw.line(col.surface, theme.outline, (col.rect.x, y), (col.rect.right, y), 1)
        col.space(s.px(6))


def button(
    surface: pygame.Surface, app: App, s: Sizes, rect: Rect, label: str, enabled: bool
) -> None:
    """A button; a disabled one is drawn as an outline with muted text (and so reads as
    unavailable in shape, not only in colour)."""
    theme = app.theme
    radius = s.px(8)
    if enabled:
        pygame.draw.rect(surface, theme.button, rect, border_radius=radius)
        pygame.draw.rect(surface, theme.outline, rect, width=2, border_radius=radius)
        colour = theme.button_text
    else:
        pygame.draw.rect(surface, theme.text_muted, rect, width=2, border_radius=radius)
        colour = theme.text_muted
    img = app.text.fit(
        label,
        s.small,
        colour,
        width=rect.w - s.gap,
        height=rect.h - s.px(4),
        bold=enabled,
        align="center",
    )
    surface.blit(img, img.get_rect(center=rect.center))


# ----- the header and the cue -------------------------------------------------------------


def clock(seconds: float) -> str:
    """03:07 for 187 seconds."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def elapsed_text(seconds: float, minutes: int) -> str:
    over = _(" \u2014 over time") if minutes and seconds > minutes * 60 else ""
    return (
        _("Elapsed {clock} of {minutes} min").format(clock=clock(seconds), minutes=minutes) + over
    )


def cue(view: StageView | None, ahead: PresenterView | None) -> tuple[str, str]:
    """The private cue (mark and words) for the facilitator now; ("", "") for none."""
    if view is None or ahead is None:
        return "", ""
    if view.mode is RunMode.ANTI_MODEL:
        return "", _("The traditional approach plays through: nobody stops it.")
    if view.phase is Phase.FROZEN:
        return FROZEN_MARK, _("Frozen: the room is talking.")
    if view.phase is Phase.DECIDING:
        return STOP_MARK, _("Decision: the room chooses (count the hands).")
    if view.phase is Phase.PLAYING and view.intervention_here:
        return STOP_MARK, _("STOP NOW: a moment to intervene is on stage.")
    if ahead.passing is not None:
        return PASSING_MARK, _("PASSING: stop now or it will be missed \u2014 {prompt}").format(
            prompt=ahead.passing.prompt
        )
    return "", ""


def header(
    surface: pygame.Surface, app: App, s: Sizes, title: str, elapsed: str, rect: Rect
) -> None:
    theme = app.theme
    right = app.text.render(elapsed, s.body, theme.text, bold=True)
    surface.blit(right, right.get_rect(midright=(rect.right, rect.centery)))
    left = app.text.fit(
        title,
        s.body,
        theme.text,
        width=rect.w - right.get_width() - 2 * s.gap,
        height=rect.h,
        bold=True,
    )
    surface.blit(left, left.get_rect(midleft=(rect.x, rect.centery)))


def cue_bar(surface: pygame.Surface, app: App, s: Sizes, mark: str, words: str, rect: Rect) -> None:
    """The cue across the top: a filled band with a mark when the facilitator should act."""
    theme = app.theme
    if not words:
        return
    urgent = bool(mark)
    if urgent:
        pygame.draw.rect(surface, theme.accent, rect, border_radius=s.px(8))
    colour = theme.accent_text if urgent else theme.text_muted
    text = f"{mark}  {words}" if mark else words
    img = app.text.fit(
        text,
        s.head if urgent else s.body,
        colour,
        width=rect.w - 2 * s.gap,
        height=rect.h,
        bold=urgent,
    )
    surface.blit(img, img.get_rect(midleft=(rect.x + s.gap, rect.centery)))


# ----- the left column: the stage, what comes, the moments worth stopping ----------------


def on_stage(col: Column, s: Sizes, view: StageView | None, ahead: PresenterView | None) -> None:
    theme = col.app.theme
    heading(col, s, _("On stage now"))
    if view is None:
        col.text(
            _("No run on stage yet: choose a scenario and Facilitator in the stage window."),
            s.body,
            theme.text,
            gap=s.gap,
        )
        return
    if view.phase is Phase.ENDED:
        ending = view.ending.title if view.ending else _("The scene ends here")
        col.text(_("The end: {title}").format(title=ending), s.body, theme.text, bold=True)
    elif view.line is not None:
        who = view.speaker.name if view.speaker else view.line.who
        col.text(f"{who}: {view.line.says}", s.body, theme.text, bold=True, gap=s.gap // 2)
    elif view.decision is not None:
        col.text(view.decision.prompt, s.body, theme.text, bold=True, gap=s.gap // 2)
    if ahead is None or not ahead.upcoming:
        return
    heading(col, s, _("Next"))
    for line in ahead.upcoming:
        mark = f"{STOP_MARK} " if line.intervention else ""
        col.text(f"{mark}{line.speaker}: {line.says}", s.small, theme.text, gap=s.px(4))


def _distance(point: PointAhead) -> str:
    if point.lines_away == 0:
        return _("now")
    if point.lines_away == 1:
        return _("next line")
    return _("in {count} lines").format(count=point.lines_away)


def points(
    col: Column,
    s: Sizes,
    ahead: PresenterView | None,
    live: PointView | None,
    tally_of: dict[int, int] | None,
) -> None:
    """The coming moments worth stopping; the one the room is on now (`live`: a decision or
    a redirect offered) with its options clickable and the hand counts with minus and plus."""
    theme = col.app.theme
    shown: list[PointAhead] = list(ahead.coming[:3]) if ahead else []
    if not shown and live is None:
        return
    heading(col, s, _("Moments worth stopping"))
    if live is not None and all(p.id != live.id for p in shown):
        says = tuple(o.says for o in live.options)
        shown.insert(
            0, PointAhead(live.id, "intervention", live.prompt, live.facilitator_prompt, says, 0)
        )
    for point in shown:
        kind = _("Decision") if point.kind == "decision" else _("Intervention point")
        mark = f"{STOP_MARK} " if point.lines_away == 0 else ""
        col.text(
            f"{mark}{kind} \u00b7 {_distance(point)}: {point.prompt}",
            s.small,
            theme.text,
            bold=True,
            gap=s.px(2),
        )
        if point.facilitator_prompt:
            col.text(
                _("Ask the room: {prompt}").format(prompt=point.facilitator_prompt),
                s.small,
                theme.text_muted,
                indent=s.margin,
                gap=s.px(2),
            )
        is_live = live is not None and point.id == live.id
        for index, text in enumerate(point.options):
            option(col, s, index, text, is_live, live, tally_of)
        col.space(s.gap)


def option(
    col: Column,
    s: Sizes,
    index: int,
    says: str,
    is_live: bool,
    live: PointView | None,
    tally_of: dict[int, int] | None,
) -> None:
    """One option, numbered; live, it can be clicked and carries its hand count."""
    theme = col.app.theme
    counter = s.px(150) if is_live and tally_of is not None else 0
    open_ = not (is_live and live is not None and not live.options[index].available)
    colour = theme.text if open_ else theme.text_muted
    locked = "" if open_ else _(" (locked)")
    rect = col.text(
        f"{index + 1}  {says}{locked}",
        s.small,
        colour,
        indent=s.margin,
        right=counter,
        gap=s.px(4),
    )
    if not is_live or not rect.h:
        return
    if open_:
        col.targets.append(Target(rect, ("choose", index)))
    if tally_of is None:
        return
    size = s.px(30)
    row = Rect(col.rect.right - counter, rect.y, counter, size)
    minus, plus = Rect(row.x, row.y, size, size), Rect(row.right - size, row.y, size, size)
    for box, label, delta in ((minus, "\u2212", -1), (plus, "+", 1)):
        button(col.surface, col.app, s, box, label, open_)
        if open_:
            col.targets.append(Target(box, ("tally", index, delta)))
    count = col.app.text.render(
        _("{n} hands").format(n=tally_of.get(index, 0)), s.small, theme.text, bold=True
    )
    col.surface.blit(count, count.get_rect(center=row.center))


# ----- the right column: hidden thoughts, the room's words, the content note ---------------


def thoughts(col: Column, s: Sizes, view: StageView | None, ahead: PresenterView | None) -> None:
    theme = col.app.theme
    frozen = view is not None and view.phase is Phase.FROZEN
    heading(col, s, _("Thinking now (not on the projector)"))
    if ahead is None or not ahead.thoughts:
        ended = view is not None and view.phase is Phase.ENDED
        nobody = _("The run has ended: the debrief reveals the context.") if ended else None
        col.text(nobody or _("Nobody on stage."), s.small, theme.text_muted, gap=s.gap)
        return
    for inner in ahead.thoughts:
        rect = col.text(f"{inner.name}: {inner.text}", s.small, theme.text, gap=s.px(6))
        if frozen and rect.h:
            col.targets.append(Target(rect, ("hotseat", inner.id)))
    if frozen:
        col.text(_("Click a name to hot-seat them."), s.small, theme.text_muted, gap=s.gap)


def own_words(col: Column, s: Sizes, typed: str | None, can_open: bool) -> None:
    """The box for the room's own words: what is typed in the own-words box, if it is open."""
    theme = col.app.theme
    heading(col, s, _("The room's own words"))
    if typed is None:
        hint = (
            _("Press \u201cRoom's own words\u201d below, then type what the room said.")
            if can_open
            else _("Opens at a decision, or at a freeze with a redirect.")
        )
        col.text(hint, s.small, theme.text_muted, gap=s.gap)
        return
    box = Rect(col.rect.x, col.y, col.rect.w, s.px(84))
    pygame.draw.rect(col.surface, theme.panel, box, border_radius=s.px(6))
    pygame.draw.rect(col.surface, theme.accent, box, width=s.px(3), border_radius=s.px(6))
    inner = box.inflate(-2 * s.gap, -2 * s.gap)
    img = col.app.text.fit(typed + "|", s.small, theme.panel_text, width=inner.w, height=inner.h)
    col.surface.blit(img, inner.topleft)
    col.space(box.h + s.px(4))
    col.text(
        _("Typing goes to the box on stage too: Enter says it, Esc cancels."),
        s.small,
        theme.text_muted,
        gap=s.gap,
    )


def notes(col: Column, s: Sizes, ahead: PresenterView | None) -> None:
    theme = col.app.theme
    if ahead is None or not ahead.notes:
        return
    heading(col, s, _("Content note (facilitator only)"))
    for note in ahead.notes:
        col.text(note, s.small, theme.text, gap=s.px(4))


# ----- the controls ---------------------------------------------------------------------------


def control_row(
    surface: pygame.Surface, app: App, s: Sizes, rect: Rect, row: list[Control]
) -> list[Target]:
    """The buttons along the foot, each labelled with the key that does the same."""
    gap = s.gap
    width = (rect.w - gap * (len(row) - 1)) // max(1, len(row))
    found = []
    for i, control in enumerate(row):
        box = Rect(rect.x + i * (width + gap), rect.y, width, rect.h)
        label = f"{control.label} [{control.key}]" if control.key else control.label
        button(surface, app, s, box, label, control.enabled)
        if control.enabled:
            found.append(Target(box, ("control", control.command)))
    return found
