"""The debrief's criteria chart: per criterion, this run against the best the script allows.

The debrief draws `CriterionResult`s, whose values are percentages: where the run's choices
sat between the worst (0) and the best (100) alternative at each moment (see
game/story/scoring.py). The chart itself draws any values on one shared scale.

One row per criterion, on one shared scale so that rows compare: a grey track spans what the
scenario makes possible (worst .. best), a thin line marks zero, an outlined ghost bar with
a notch shows the best possible, and the run's own bar grows from zero to its value. Every
meaning is carried twice or more:

- above zero the run's bar is hatched one way (/ / /), below zero cross-hatched (x x x);
- the number is written, with a drawn ▲ (above zero), ▼ (below) or a ring (zero), and the
  best possible beside it ("+3  (best +6)"); the worst is written inside the track's end;
- a legend at the top names each mark.

Usage::

    draw_criteria_chart(surface, rect, result.criteria, theme=theme, layout=lay, text=text)

`rows` is any sequence of objects with `name, value, worst, best`
(`game.story.views.CriterionResult` fits; `ChartRow` is a plain one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol

import pygame
from pygame import Rect

from game.i18n import N_, _

from .layout import Layout
from .text import TextRenderer
from .theme import Theme
from .widgets import draw_triangle, hatch

_NAME_SHARE = 0.3  # of the chart's width, for criterion names
_NUMBER_SHARE = 0.2  # of the chart's width, for the written values
_MINUS = "\u2212"  # a real minus sign: wider and clearer than a hyphen


class RowLike(Protocol):
    """What the chart draws of a criterion (read-only, so the runtime's frozen results fit)."""

    @property
    def name(self) -> str: ...
    @property
    def value(self) -> int: ...
    @property
    def worst(self) -> int: ...
    @property
    def best(self) -> int: ...


class ChartRow(NamedTuple):
    name: str
    value: int
    worst: int
    best: int


def signed(n: int) -> str:
    """ "+3", "0", "\u22122": the sign always written, with a true minus."""
    return f"+{n}" if n > 0 else (f"{_MINUS}{-n}" if n < 0 else "0")


def score_label(value: int, best: int, percent: bool = False) -> str:
    """ "67%  (best 100%)" (or "+3  (best +6)" for plain totals): a run's score as the
    debrief writes it, and progress over time too, so the two never disagree."""
    if percent:
        return _("{value}%  (best {best}%)").format(value=value, best=best)
    return _("{value}  (best {best})").format(value=signed(value), best=signed(best))


class _Scale(NamedTuple):
    """Maps scores to x across the bar area; shared by every row."""

    left: int
    width: int
    low: int
    high: int

    def x(self, value: float) -> int:
        span = max(1, self.high - self.low)
        return self.left + round((value - self.low) / span * self.width)


def bar_span(scale: _Scale, value: int) -> tuple[int, int]:
    """The run's bar from zero to `value`, as (left x, right x)."""
    a, b = scale.x(0), scale.x(value)
    return (min(a, b), max(a, b))


def draw_criteria_chart(
    surface: pygame.Surface,
    rect: Rect,
    rows: Sequence[RowLike],
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
    percent: bool = False,
    span: tuple[int, int] | None = None,
) -> list[Rect]:
    """Draw the chart in `rect`; returns each row's rect (for focus or tooltips). With
    `percent`, values are written as percentages ("67%  (best 100%)").

    `span`: the (lowest, highest) score the scale covers, when `rows` are one page of a
    longer chart whose pages must share one scale (default: these rows' own range)."""
    size = layout.small_size
    legend_h = _legend(surface, rect, theme=theme, layout=layout, text=text)
    body = Rect(rect.x, rect.y + legend_h, rect.w, rect.h - legend_h)
    if not rows:
        return []
    name_w = round(rect.w * _NAME_SHARE)
    number_w = round(rect.w * _NUMBER_SHARE)
    gap = layout.gap
    scale = _Scale(
        left=rect.x + name_w + gap,
        width=rect.w - name_w - number_w - 2 * gap,
        low=span[0] if span else min(0, *(r.worst for r in rows)),
        high=span[1] if span else max(0, *(r.best for r in rows)),
    )
    row_h = min(body.h // len(rows), round(text.line_height(size) * 2.2))
    rects = []
    for i, row in enumerate(rows):
        band = Rect(rect.x, body.y + i * row_h, rect.w, row_h)
        rects.append(band)
        _row(surface, band, row, scale, name_w, percent, theme=theme, layout=layout, text=text)
    zero = scale.x(0)
    pygame.draw.line(
        surface,
        theme.text,
        (zero, body.y),
        (zero, body.y + row_h * len(rows)),
        max(2, layout.outline // 2),
    )
    return rects


def _row(
    surface: pygame.Surface,
    band: Rect,
    row: RowLike,
    scale: _Scale,
    name_w: int,
    percent: bool,
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
) -> None:
    size = layout.small_size
    name = text.fit(
        row.name,
        size,
        theme.text,
        width=name_w,
        height=band.h,
        bold=True,
        min_size=layout.floor_size,
    )
    surface.blit(name, name.get_rect(midleft=(band.x, band.centery)))
    bar_h = round(band.h * 0.42)
    # Track: the whole range this scenario makes possible.
    track = Rect(
        scale.x(row.worst), band.centery - bar_h // 2 - layout.px(6), 0, bar_h + 2 * layout.px(6)
    )
    track.w = max(1, scale.x(row.best) - track.x)
    pygame.draw.rect(surface, theme.track, track, border_radius=layout.px(6))
    # Best possible: an outlined ghost bar from zero, and a notch at its end.
    left, right = bar_span(scale, row.best)
    ghost = Rect(left, band.centery - bar_h // 2, max(1, right - left), bar_h)
    pygame.draw.rect(surface, theme.best, ghost, max(2, layout.outline))
    pygame.draw.line(
        surface,
        theme.best,
        (scale.x(row.best), track.y - layout.px(6)),
        (scale.x(row.best), track.bottom + layout.px(6)),
        layout.px(6),
    )
    # This run: solid, hatched above zero, cross-hatched below.
    left, right = bar_span(scale, row.value)
    bar = Rect(left, band.centery - bar_h // 2, right - left, bar_h)
    if bar.w:
        colour = theme.good if row.value >= 0 else theme.bad
        pygame.draw.rect(surface, colour, bar)
        hatch(surface, bar, theme.outline, layout.px(14), max(1, layout.px(3)), cross=row.value < 0)
        pygame.draw.rect(surface, theme.outline, bar, max(1, layout.outline // 2))
    # The worst this scenario allows, written small inside the left end of the track.
    worst = text.render(signed(row.worst), max(layout.floor_size, round(size * 0.65)), theme.text)
    if track.w > worst.get_width() + layout.px(16):
        surface.blit(worst, worst.get_rect(midleft=(track.x + layout.px(8), track.centery)))
    # The run's value with a drawn ▲ (above zero), ▼ (below) or ring (zero), and the best.
    mark = round(size * 0.6)
    number_x = scale.left + scale.width + layout.gap
    centre = (number_x + mark // 2, band.centery)
    if row.value:
        up = row.value > 0
        draw_triangle(surface, centre, mark, up, theme.good if up else theme.bad, theme.text)
    else:
        pygame.draw.circle(surface, theme.text, centre, mark // 2, max(2, mark // 6))
    label = text.fit(
        score_label(row.value, row.best, percent),
        size,
        theme.text,
        width=band.right - number_x - mark - layout.px(10),
        height=band.h,
        bold=True,
        min_size=layout.floor_size,
    )
    surface.blit(label, label.get_rect(midleft=(number_x + mark + layout.px(10), band.centery)))


def _legend(
    surface: pygame.Surface, rect: Rect, *, theme: Theme, layout: Layout, text: TextRenderer
) -> int:
    """The key above the chart; returns its height."""
    size = _legend_size(layout)
    h = text.line_height(size)
    swatch = Rect(rect.x, rect.y + h // 4, h, h // 2)
    x = rect.x
    for kind, label in (
        ("run", N_("This run")),
        ("best", N_("Best possible")),
        ("track", N_("Worst to best range")),
    ):
        swatch.x = x
        if kind == "run":
            pygame.draw.rect(surface, theme.good, swatch)
            hatch(surface, swatch, theme.outline, layout.px(10), max(1, layout.px(2)))
        elif kind == "best":
            pygame.draw.rect(surface, theme.best, swatch, max(2, layout.outline))
        else:
            pygame.draw.rect(surface, theme.track, swatch, border_radius=layout.px(4))
        img = text.render(_(label), size, theme.text)
        surface.blit(img, (swatch.right + layout.px(10), rect.y))
        x = swatch.right + layout.px(10) + img.get_width() + 2 * layout.gap
    return legend_height(layout, text)


def _legend_size(layout: Layout) -> int:
    return max(layout.floor_size, round(layout.small_size * 0.85))


def legend_height(layout: Layout, text: TextRenderer) -> int:
    """How tall the key above the chart is."""
    return round(text.line_height(_legend_size(layout)) * 1.6)
