"""The criteria chart painted: on the debrief screen in the theme's colours, and as the
handout's PNG in print colours (`game.ui.chart_png`).

Where everything goes is worked out once, by `game.records.chart.layout` (pure, no pygame,
also the SVG in the handout); this module only paints a `Chart` it is given. The screen asks
for its chart in pixels, at its own text sizes (never under the floor for projected text,
every criterion's name at one size, a long name wrapped rather than shrunk), and the paper
asks for its chart in page units; both paint the same boxes and labels:

- a track per criterion from the worst alternatives (0 %) to the best (100 %), outlined:
  "best possible";
- this run's bar from the left, hatched (so it reads without its colour), and its number
  written after the track;
- a key above naming both.

Usage::

    chart = draw_criteria_chart(surface, rect, result.criteria, theme=theme, layout=lay,
                                text=text)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame
from pygame import Rect

from game.records import chart as charts
from game.story.views import CriterionResult

from .layout import Layout
from .text import TextRenderer
from .theme import Colour, Theme
from .widgets import hatch

#: Chart units between hatch lines, as in the SVG pattern.
HATCH_STEP = 8


@dataclass(frozen=True)
class Inks:
    """The colours a chart is painted in: a theme's on screen, print colours on paper."""

    text: Colour
    muted: Colour
    run_fill: Colour
    run_ink: Colour  # the hatching and outline of this run's bar
    best_fill: Colour  # inside the track
    best_ink: Colour  # the track's outline
    past: Colour  # earlier runs (the trend chart)


PAPER_INKS = Inks(
    charts.INK,
    charts.MUTED,
    charts.RUN_FILL,
    charts.RUN_INK,
    charts.BEST_FILL,
    charts.INK,
    charts.PAST_FILL,
)


def theme_inks(theme: Theme) -> Inks:
    """The chart in a theme's colours (high contrast: white bars hatched black on grey)."""
    return Inks(
        theme.text,
        theme.text_muted,
        theme.good,
        theme.outline,
        theme.track,
        theme.best,
        theme.track,
    )


def paint(
    surface: pygame.Surface,
    chart: charts.Chart,
    inks: Inks,
    text: TextRenderer,
    *,
    origin: tuple[int, int] = (0, 0),
    scale: float = 1.0,
) -> None:
    """Paint `chart` with its top left at `origin`, `scale` pixels per chart unit."""
    ox, oy = origin
    line = max(1, round(scale * 1.5))
    for box in chart.boxes:
        rect = Rect(
            ox + round(box.x * scale),
            oy + round(box.y * scale),
            max(1, round(box.w * scale)),
            max(1, round(box.h * scale)),
        )
        if box.style == "run":
            surface.fill(inks.run_fill, rect)
            step = max(3, round(HATCH_STEP * scale))
            hatch(surface, rect, inks.run_ink, step, max(1, round(2 * scale)))
            pygame.draw.rect(surface, inks.run_ink, rect, line)
        elif box.style == "past":
            surface.fill(inks.past, rect)
            pygame.draw.rect(surface, inks.text, rect, max(1, round(scale)))
        else:
            surface.fill(inks.best_fill, rect)
            pygame.draw.rect(surface, inks.best_ink, rect, line)
    colours = {"text": inks.text, "muted": inks.muted, "bold": inks.text}
    for label in chart.labels:
        size = max(8, round(label.size * scale))
        bold = label.style == "bold"
        image = text.render(label.text, size, colours[label.style], bold=bold)
        ascent = text.font(size, bold=bold).get_ascent()
        x = ox + label.x * scale
        if label.anchor == "middle":
            x -= image.get_width() / 2
        elif label.anchor == "end":
            x -= image.get_width()
        surface.blit(image, (round(x), oy + round(label.y * scale - ascent)))


def screen_metrics(
    layout: Layout, text: TextRenderer, width: int, row_h: float = 0
) -> charts.Metrics:
    """The chart's sizes on screen: names and numbers at the small size (one size for every
    name), the key a little smaller, nothing under the floor for projected text; rows at
    least `row_h` tall (a page with room to spare spreads its rows)."""
    small = layout.small_size
    return charts.Metrics(
        width=width,
        name_size=small,
        value_size=small,
        note_size=max(layout.floor_size, round(small * 0.8)),
        legend_size=max(layout.floor_size, round(small * 0.85)),
        bar_h=round(text.line_height(small) * 0.8),
        pad=layout.px(8),
        gap=layout.gap,
        left=0,
        min_row_h=row_h,
        notes=False,
    )


def screen_chart(
    criteria: Sequence[CriterionResult],
    layout: Layout,
    text: TextRenderer,
    width: int,
    *,
    first: int = 0,
    count: int | None = None,
    row_h: float = 0,
) -> charts.Chart:
    """The chart laid out in pixels for a screen `width` wide, measured with the game's own
    font: rows `first` to `first + count` of the tested criteria (all by default), each at
    least `row_h` tall."""

    def measure(words: str, size: int, bold: bool) -> float:
        return text.measure(words, size, bold=bold)[0]

    return charts.layout(
        criteria,
        metrics=screen_metrics(layout, text, width, row_h),
        measure=measure,
        first=first,
        count=count,
        untested=False,
    )


def draw_criteria_chart(
    surface: pygame.Surface,
    rect: Rect,
    criteria: Sequence[CriterionResult],
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
    first: int = 0,
    count: int | None = None,
    row_h: float = 0,
) -> charts.Chart:
    """Draw the chart (rows `first` to `first + count`, each at least `row_h` tall) at the
    top of `rect`; returns it."""
    chart = screen_chart(criteria, layout, text, rect.w, first=first, count=count, row_h=row_h)
    paint(surface, chart, theme_inks(theme), text, origin=rect.topleft)
    return chart
