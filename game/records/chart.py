"""The criteria chart as shapes: one layout, drawn as SVG in the handout and as a PNG.

Each criterion gets a track from choosing the worst alternative at every moment (left, 0%)
to choosing the best (right, 100%): the outlined track is "best possible", and a hatched bar
from the left edge shows where this run's choices sat on average (game/story/scoring.py).
Both are labelled in words and numbers, so the chart reads in grey
print and to anyone who cannot tell the colours apart. Computing the geometry once here
keeps the SVG and the PNG from drifting apart.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

from game.i18n import N_, _
from game.records.progress import RunSummary
from game.story.views import CriterionResult

WIDTH = 760
LABEL_X = 8
TRACK_X = 250
TRACK_W = 380
ROW_H = 52
TOP = 44
BAR_H = 18
LEGEND_BEST = N_("Best possible: the best alternative at every moment")
NOT_TESTED = N_("Not tested by this scenario: {criteria}")

INK = (23, 32, 42)
MUTED = (84, 94, 106)
RUN_FILL = (198, 219, 239)  # light blue under the hatching
RUN_INK = (8, 69, 148)  # dark blue hatching; distinct from INK in grey as well
BEST_FILL = (255, 255, 255)
PAST_FILL = (171, 178, 185)  # earlier runs: plain grey, no hatching


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    style: str  # "best" (outlined track), "run" (hatched bar) or "past" (plain grey bar)


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline
    text: str
    size: int
    style: str  # "text", "muted" or "bold"
    anchor: str = "start"  # "start", "middle" or "end", as in SVG


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    boxes: tuple[Box, ...]
    labels: tuple[Label, ...]
    title: str


def signed(n: int) -> str:
    """+2, 0 or -1 as people read them on the handout: with a real minus sign (U+2212)."""
    return f"+{n}" if n > 0 else (f"\u2212{-n}" if n < 0 else "0")


def layout(
    criteria: tuple[CriterionResult, ...] | list[CriterionResult], heading: str = ""
) -> Chart:
    """Place every criterion's track, bar and numbers, under `heading` when one is given.

    The handout has its own heading above the chart; a PNG on a slide needs one inside it.
    """
    head = 30 if heading else 0
    boxes: list[Box] = [
        Box(LABEL_X, head + 12, 28, 14, "run"),
        Box(LABEL_X + 150, head + 12, 28, 14, "best"),
    ]
    labels: list[Label] = [
        Label(LABEL_X + 36, head + 24, _("This run"), 14, "text"),
        Label(LABEL_X + 186, head + 24, _(LEGEND_BEST), 14, "text"),
    ]
    if heading:
        labels.append(Label(LABEL_X, 22, heading, 17, "bold"))
    tested = [c for c in criteria if c.tested]
    for i, c in enumerate(tested):
        bar_y = head + TOP + i * ROW_H + 6
        bounds = _("Moments that tested it: {count}").format(count=c.moments)
        labels.append(Label(LABEL_X, bar_y + 14, c.name, 15, "bold"))
        labels.append(Label(LABEL_X, bar_y + 34, bounds, 12, "muted"))
        boxes.append(Box(TRACK_X, bar_y, TRACK_W, BAR_H, "best"))
        if c.fraction > 0:
            boxes.append(Box(TRACK_X, bar_y, TRACK_W * c.fraction, BAR_H, "run"))
        note = _("{percent}% of the way from the worst choices to the best").format(percent=c.value)
        value = _("this run {percent}%").format(percent=c.value)
        labels.append(Label(TRACK_X + TRACK_W + 10, bar_y + 14, value, 14, "bold"))
        labels.append(Label(TRACK_X, bar_y + BAR_H + 15, note, 12, "muted"))
    height = head + TOP + max(1, len(tested)) * ROW_H + 8
    untested = [c.name for c in criteria if not c.tested]
    # A full bar for a criterion no choice can move would read as a triumph: name them instead.
    for line in (
        textwrap.wrap(_(NOT_TESTED).format(criteria=", ".join(untested)), 100) if untested else ()
    ):
        labels.append(Label(LABEL_X, height + 8, line, 12, "muted"))
        height += 18
    title = heading or _("Criteria: this run against the best possible")
    return Chart(WIDTH, height, tuple(boxes), tuple(labels), title)


TREND_ROW_H = 78
TREND_BAR_H = 44
TREND_X = 250
TREND_W = 390
TREND_MAX_RUNS = 8


def trend_layout(runs: list[RunSummary], heading: str = "") -> Chart:
    """Progress over time: per criterion, one column per run (oldest left, at most 8).

    Each column's outline is the best possible; its fill rises to where that run landed.
    The latest run is hatched, earlier ones plain grey, and the latest percentage is
    written beside each row, so the trend reads without colour.
    """
    shown = runs[-TREND_MAX_RUNS:]
    ids: dict[str, str] = {}
    for run in shown:
        for cid, name in run.names.items():
            ids.setdefault(cid, name)
    head = 30 if heading else 0
    boxes = [
        Box(LABEL_X, head + 12, 28, 14, "run"),
        Box(LABEL_X + 140, head + 12, 28, 14, "past"),
        Box(LABEL_X + 300, head + 12, 28, 14, "best"),
    ]
    labels = [
        Label(LABEL_X + 36, head + 24, _("Latest run"), 14, "text"),
        Label(LABEL_X + 176, head + 24, _("Earlier runs"), 14, "text"),
        Label(LABEL_X + 336, head + 24, _("Best possible"), 14, "text"),
    ]
    if heading:
        labels.append(Label(LABEL_X, 22, heading, 17, "bold"))
    step = min(56.0, TREND_W / max(1, len(shown)))  # few runs sit together, not spread out
    width = min(40.0, step * 0.7)
    for row, (cid, name) in enumerate(ids.items()):
        top = head + TOP + row * TREND_ROW_H
        labels.append(Label(LABEL_X, top + 26, name, 15, "bold"))
        for col, run in enumerate(shown):
            x = TREND_X + col * step + (step - width) / 2
            boxes.append(Box(x, top, width, TREND_BAR_H, "best"))
            fraction = run.fractions.get(cid)
            if fraction:
                filled = TREND_BAR_H * fraction
                style = "run" if col == len(shown) - 1 else "past"
                boxes.append(Box(x, top + TREND_BAR_H - filled, width, filled, style))
        latest = shown[-1].fractions.get(cid) if shown else None
        note = (
            _("latest: not scored")
            if latest is None
            else _("latest {percent}%").format(percent=round(latest * 100))
        )
        labels.append(Label(TREND_X + TREND_W + 12, top + 26, note, 14, "bold"))
    bottom = head + TOP + len(ids) * TREND_ROW_H
    for col, run in enumerate(shown):
        x = TREND_X + col * step + step / 2
        labels.append(Label(x, bottom, run.day.rsplit(" ", 1)[0], 11, "muted", "middle"))
    if not shown:
        labels.append(Label(LABEL_X, head + TOP + 20, _("No practice runs yet."), 15, "text"))
    title = heading or _("Progress over time: each run against the best possible")
    return Chart(WIDTH, bottom + 12, tuple(boxes), tuple(labels), title)


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


_SVG_TEXT = {
    "text": f'fill="{_hex(INK)}"',
    "muted": f'fill="{_hex(MUTED)}"',
    "bold": f'fill="{_hex(INK)}" font-weight="bold"',
}
_SVG_BOX = {
    "best": f'fill="{_hex(BEST_FILL)}" stroke="{_hex(INK)}" stroke-width="1.5"',
    "run": f'fill="url(#ff-hatch)" stroke="{_hex(RUN_INK)}" stroke-width="1.5"',
    "past": f'fill="{_hex(PAST_FILL)}" stroke="{_hex(INK)}" stroke-width="1"',
}


def to_svg(chart: Chart) -> str:
    """Inline SVG for the handout: no external references, prints as drawn.

    The hatching is an SVG pattern rather than a CSS background because browsers drop
    backgrounds when printing unless told otherwise, and patterns they keep.
    """
    out = [
        f'<svg class="chart" viewBox="0 0 {chart.width} {chart.height}" role="img" '
        'aria-labelledby="ff-chart-title" '
        'font-family="Atkinson Hyperlegible, Verdana, sans-serif">',
        f'<title id="ff-chart-title">{escape(chart.title)}</title>',
        '<defs><pattern id="ff-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="8" height="8" fill="{_hex(RUN_FILL)}"/>'
        f'<line x1="0" y1="0" x2="0" y2="8" stroke="{_hex(RUN_INK)}" stroke-width="4"/>'
        "</pattern></defs>",
    ]
    for b in chart.boxes:
        out.append(
            f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" '
            f"{_SVG_BOX[b.style]}/>"
        )
    for t in chart.labels:
        out.append(
            f'<text x="{t.x:.1f}" y="{t.y:.1f}" font-size="{t.size}" text-anchor="{t.anchor}" '
            f"{_SVG_TEXT[t.style]}>{escape(t.text)}</text>"
        )
    out.append("</svg>")
    return "\n".join(out)
