"""Progress over time on screen: one row per criterion, one column per practice run.

The handout's trend chart (`game.records.chart.trend_layout`) is sized for paper; on a
screen its labels would be too small to read, so this draws the same picture at the
stage's own text sizes. Each column's outline is the best possible and its fill rises to
where that run landed; the latest run is hatched and earlier ones plain, and the latest
percentage is written at the end of every row, so the trend reads without colour.

Usage::

    draw_trend(surface, rect, history(data, script_id), theme=theme, layout=lay, text=text)
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame
from pygame import Rect

from game.i18n import _
from game.records.chart import TREND_MAX_RUNS
from game.records.progress import RunSummary

from .layout import Layout
from .text import TextRenderer
from .theme import Theme
from .widgets import hatch

_NAME_SHARE = 0.42  # of the width, for criterion names
_NOTE_SHARE = 0.2  # of the width, for "latest 90%"


def draw_trend(
    surface: pygame.Surface,
    rect: Rect,
    runs: Sequence[RunSummary],
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
    ink: tuple[int, int, int] | None = None,
) -> None:
    """Draw the last runs of one scenario, oldest left, into `rect`."""
    ink = ink or theme.text
    shown = list(runs)[-TREND_MAX_RUNS:]
    names: dict[str, str] = {}
    for run in shown:
        for cid, name in run.names.items():
            names.setdefault(cid, name)
    if not names:
        return
    row_h = rect.h // (len(names) + 1)
    size = max(layout.floor_size, min(layout.small_size, round(row_h * 0.55)))
    name_w = round(rect.w * _NAME_SHARE)
    note_w = round(rect.w * _NOTE_SHARE)
    cols = Rect(rect.x + name_w, rect.y, rect.w - name_w - note_w, rect.h)
    step = min(cols.w // max(1, len(shown)), layout.px(90))
    bar_w, bar_h = round(step * 0.7), round(row_h * 0.8)
    line = max(1, layout.outline // 2)
    for row, (cid, name) in enumerate(names.items()):
        band = Rect(rect.x, rect.y + row * row_h, rect.w, row_h)
        label = text.fit(name, size, ink, width=name_w - layout.gap, height=row_h, bold=True)
        surface.blit(label, label.get_rect(midleft=(band.x, band.centery)))
        for col, run in enumerate(shown):
            cell = Rect(cols.x + col * step, band.centery - bar_h // 2, bar_w, bar_h)
            fraction = run.fractions.get(cid)
            if fraction:
                filled = Rect(cell.x, cell.bottom - round(bar_h * fraction), cell.w, 0)
                filled.h = cell.bottom - filled.y
                latest = col == len(shown) - 1
                pygame.draw.rect(surface, theme.good if latest else theme.track, filled)
                if latest:
                    hatch(surface, filled, theme.outline, layout.px(12), max(1, layout.px(3)))
            pygame.draw.rect(surface, theme.best, cell, line)
        # The latest run's score, as the debrief's chart writes it ("67%").
        last = shown[-1].fractions.get(cid)
        note = (
            _("not scored")
            if last is None
            else _("latest {percent}%").format(percent=round(last * 100))
        )
        img = text.fit(note, size, ink, width=note_w, height=row_h, bold=True)
        surface.blit(img, img.get_rect(midright=(rect.right, band.centery)))
    days = Rect(cols.x, rect.y + len(names) * row_h, cols.w, row_h)
    for col, run in enumerate(shown):
        # Day and time on two lines: two runs on one day must not read alike.
        when = f"{run.day.rsplit(' ', 1)[0]}\n{run.clock}".strip()
        day = text.fit(when, size, ink, width=step, height=row_h, min_size=layout.floor_size)
        surface.blit(day, day.get_rect(midtop=(cols.x + col * step + bar_w // 2, days.y)))
