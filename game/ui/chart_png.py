"""The criteria chart as a PNG, for slides and emails: the handout's chart, rasterised.

Drawn with pygame because text needs a font rasteriser and pygame already ships one
(with the game's own Atkinson Hyperlegible font); a hand-made PNG via zlib and struct
would have needed a bitmap font of our own. It works headless: no display is opened,
only `pygame.font` is initialised, and nothing here needs a window.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the tools print only what they did

import pygame

from game.records.chart import BEST_FILL, INK, MUTED, PAST_FILL, RUN_FILL, RUN_INK, Chart
from game.ui.text import TextRenderer

#: Pixels per chart unit: 2x gives a crisp picture on a projector or a printed page.
SCALE = 2
HATCH_STEP = 8  # chart units between hatch lines, as in the SVG pattern
_TEXT_COLOUR = {"text": INK, "muted": MUTED, "bold": INK}


def _hatch(surface: pygame.Surface, rect: pygame.Rect, scale: float) -> None:
    """Diagonal stripes inside `rect`: the bar reads as "this run" without its colour."""
    surface.fill(RUN_FILL, rect)
    clip = surface.get_clip()
    surface.set_clip(rect)
    step = max(3, round(HATCH_STEP * scale))
    for x in range(rect.left - rect.height, rect.right + step, step):
        end = (x + rect.height, rect.top)
        pygame.draw.line(surface, RUN_INK, (x, rect.bottom), end, max(1, round(2 * scale)))
    surface.set_clip(clip)
    pygame.draw.rect(surface, RUN_INK, rect, width=max(1, round(scale)))


def render(chart: Chart, text: TextRenderer | None = None, scale: float = SCALE) -> pygame.Surface:
    """The chart on a white surface, `scale` pixels per layout unit.

    A screen showing it (the progress screen) should render it once when it opens, at the
    scale that fits, and blit the result each frame: this loads fonts and draws text.
    """
    if not pygame.font.get_init():
        pygame.font.init()
    text = text or TextRenderer()
    surface = pygame.Surface((round(chart.width * scale), round(chart.height * scale)))
    surface.fill((255, 255, 255))
    for box in chart.boxes:
        rect = pygame.Rect(
            round(box.x * scale), round(box.y * scale), round(box.w * scale), round(box.h * scale)
        )
        if box.style == "run":
            _hatch(surface, rect, scale)
        else:
            surface.fill(PAST_FILL if box.style == "past" else BEST_FILL, rect)
            pygame.draw.rect(surface, INK, rect, width=max(1, round(scale)))
    for label in chart.labels:
        size = max(8, round(label.size * scale))
        bold = label.style == "bold"
        image = text.render(label.text, size, _TEXT_COLOUR[label.style], bold=bold)
        ascent = text.font(size, bold=bold).get_ascent()
        x = label.x * scale
        if label.anchor == "middle":
            x -= image.get_width() / 2
        elif label.anchor == "end":
            x -= image.get_width()
        surface.blit(image, (round(x), round(label.y * scale - ascent)))
    return surface


def save_png(chart: Chart, path: Path) -> None:
    """Write the chart atomically (a temporary PNG in the same folder, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".png")
    os.close(fd)
    try:
        pygame.image.save(render(chart), tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
