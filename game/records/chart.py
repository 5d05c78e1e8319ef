"""The criteria chart as shapes: one geometry, drawn on the debrief screen, as SVG in the
handout and as a PNG.

Each criterion gets a track from choosing the worst alternative at every moment (left, 0%)
to choosing the best (right, 100%): the outlined track is "best possible", and a hatched bar
from the left edge shows where this run's choices sat on average (game/story/scoring.py).
Both are labelled in words and numbers, so the chart reads in grey print, from the back of
a room and to anyone who cannot tell the colours apart.

`layout` places everything, in the units of whoever draws it (`Metrics`: SVG units on
paper, pixels on screen, with the text sizes each needs). It is pure (no pygame): the
handout's writer uses it as it is, and the screen (`game.ui.chart`) and the PNG
(`game.ui.chart_png`) paint the same boxes and labels, so the three never drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from game.i18n import N_, _
from game.records.progress import RunSummary
from game.story.views import CriterionResult

WIDTH = 760
LABEL_X = 8
TOP = 44
LEGEND_RUN = N_("This run")
LEGEND_BEST = N_("Best possible: the best alternative at every moment")
LEGEND_BEST_SHORT = N_("Best possible")  # when the longer key would take a second line
NOT_TESTED = N_("Not tested by this scenario: {criteria}")

INK = (23, 32, 42)
MUTED = (84, 94, 106)
RUN_FILL = (198, 219, 239)  # light blue under the hatching
RUN_INK = (8, 69, 148)  # dark blue hatching; distinct from INK in grey as well
BEST_FILL = (255, 255, 255)
PAST_FILL = (171, 178, 185)  # earlier runs: plain grey, no hatching

#: A line of text is this many times its size, top to bottom, in every drawing.
LINE = 1.25


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
    #: Where the first criterion's row starts and how tall every row is (0: no rows), so
    #: a screen knows how many rows fit before it draws.
    rows_top: float = 0
    row_h: float = 0


@dataclass(frozen=True)
class Metrics:
    """The sizes of one drawing of the criteria chart, in its own units."""

    width: float
    name_size: int = 15  # criterion names, bold: one size for every name
    value_size: int = 14  # "67%" after the track, bold
    note_size: int = 12  # "judged at 2 moments", the line under a track, the untested list
    legend_size: int = 14
    bar_h: float = 18
    pad: float = 6  # above each row's track
    gap: float = 10
    left: float = LABEL_X
    min_row_h: float = 52
    #: The explanatory lines (moments judged, "of the way from the worst..."): on paper,
    #: where the reader has time; a screen leaves them to the legend and the facilitator.
    notes: bool = True


#: The handout's chart: 760 units wide, sized for a printed page.
PAPER = Metrics(WIDTH)

#: The width of `text` at `size` (bold or not), in the drawing's units.
Measure = Callable[[str, int, bool], float]


def estimate(text: str, size: int, bold: bool) -> float:
    """A width for paper, where the reader's own font draws the SVG: an average letter of
    a humanist sans is a little over half its size wide."""
    return len(text) * size * (0.6 if bold else 0.55)


def signed(n: int) -> str:
    """+2, 0 or -1 as people read them on the handout: with a real minus sign (U+2212)."""
    return f"+{n}" if n > 0 else (f"\u2212{-n}" if n < 0 else "0")


def value_label(c: CriterionResult) -> str:
    """The number written after a criterion's track, on screen and on paper alike."""
    return f"{c.value}%"


def wrap(text: str, size: int, bold: bool, width: float, measure: Measure) -> list[str]:
    """`text` in lines no wider than `width` (a single long word stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _legend(m: Metrics, top: float, measure: Measure) -> tuple[list[Box], list[Label], float]:
    """The key: a hatched swatch for this run, an outlined one for the best possible, each
    followed by its words, on one line if it fits (with the short wording of the best if
    need be); else an entry that does not fit goes on the next line. Returns the boxes,
    the labels and the key's height."""
    size = m.legend_size
    line = size * LINE
    swatch_w, swatch_h = 2 * size, size

    def need(words: str) -> float:
        return swatch_w + m.gap / 2 + measure(words, size, False)

    best = LEGEND_BEST
    if m.left + need(_(LEGEND_RUN)) + 2 * m.gap + need(_(best)) > m.width:
        best = LEGEND_BEST_SHORT
    boxes, labels = [], []
    x, y = m.left, top
    for style, words in (("run", _(LEGEND_RUN)), ("best", _(best))):
        if x > m.left and x + need(words) > m.width:
            x, y = m.left, y + line
        boxes.append(Box(x, y + (line - swatch_h) / 2, swatch_w, swatch_h, style))
        labels.append(Label(x + swatch_w + m.gap / 2, y + size, words, size, "text"))
        x += need(words) + 2 * m.gap
    return boxes, labels, y + line - top


def layout(
    criteria: Sequence[CriterionResult],
    heading: str = "",
    metrics: Metrics = PAPER,
    measure: Measure = estimate,
    *,
    first: int = 0,
    count: int | None = None,
    untested: bool = True,
) -> Chart:
    """Place the key, then every tested criterion's name, track, bar and number, under
    `heading` when one is given (a PNG on a slide needs one inside it; the handout has
    its own above the chart).

    Every row is as tall as the tallest needs (a long name wraps at one size, never
    shrinks), so a screen can show rows `first` to `first + count` of a long chart as a
    page. `untested`: name the criteria no moment tested under the chart (a screen that
    says so in its own words passes False).
    """
    m = metrics
    head = round(m.name_size * 2) if heading else 0
    labels: list[Label] = []
    if heading:
        labels.append(Label(m.left, head * 0.7, heading, round(m.name_size * 1.15), "bold"))
    boxes, keys, key_h = _legend(m, head + m.pad, measure)
    labels += keys
    tested = [c for c in criteria if c.tested]
    widest_value = max((measure(value_label(c), m.value_size, True) for c in tested), default=0)
    widest_name = max((measure(c.name, m.name_size, True) for c in tested), default=0)
    name_w = min(widest_name + m.gap, m.width * 0.5)
    track_x = m.left + name_w
    track_w = max(1.0, m.width - track_x - widest_value - 2 * m.gap)
    names = {c.id: wrap(c.name, m.name_size, True, name_w - m.gap, measure) for c in tested}
    name_line = m.name_size * 1.2
    tallest = max((len(lines) for lines in names.values()), default=1)
    # A row: the track beside the name's first line; the name's other lines, the moments
    # judged and the line under the track below it.
    below = (tallest - 1) * name_line
    if m.notes:
        below = max(below + m.note_size * LINE, m.note_size * LINE)
    row_h = max(m.min_row_h, m.pad + m.bar_h + below + 2 * m.pad)
    rows_top = head + m.pad + key_h + m.pad
    shown = tested[first : None if count is None else first + count]
    for i, c in enumerate(shown):
        bar_y = rows_top + i * row_h + m.pad
        baseline = bar_y + m.bar_h / 2 + m.name_size * 0.35
        for k, line in enumerate(names[c.id]):
            labels.append(Label(m.left, baseline + k * name_line, line, m.name_size, "bold"))
        boxes.append(Box(track_x, bar_y, track_w, m.bar_h, "best"))
        if c.fraction > 0:
            boxes.append(Box(track_x, bar_y, track_w * c.fraction, m.bar_h, "run"))
        value_y = bar_y + m.bar_h / 2 + m.value_size * 0.35
        labels.append(
            Label(track_x + track_w + m.gap, value_y, value_label(c), m.value_size, "bold")
        )
        if m.notes:
            moments = _("Moments that tested it: {count}").format(count=c.moments)
            under = baseline + (len(names[c.id]) - 1) * name_line + m.note_size * 1.6
            labels.append(Label(m.left, under, moments, m.note_size, "muted"))
            note = _("{percent}% of the way from the worst choices to the best").format(
                percent=c.value
            )
            at = bar_y + m.bar_h + m.note_size * LINE
            labels.append(Label(track_x, at, note, m.note_size, "muted"))
    height = rows_top + max(1, len(shown)) * row_h + m.pad
    names_untested = [c.name for c in criteria if not c.tested] if untested else []
    # A full bar for a criterion no choice can move would read as a triumph: name them instead.
    if names_untested:
        for line in wrap(
            _(NOT_TESTED).format(criteria=", ".join(names_untested)),
            m.note_size,
            False,
            m.width - m.left,
            measure,
        ):
            labels.append(Label(m.left, height + m.note_size, line, m.note_size, "muted"))
            height += m.note_size * 1.5
    title = heading or _("Criteria: this run against the best possible")
    return Chart(round(m.width), round(height), tuple(boxes), tuple(labels), title, rows_top, row_h)


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
