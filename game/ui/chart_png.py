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

from game.records.chart import Chart
from game.ui.chart import PAPER_INKS, paint
from game.ui.text import TextRenderer

#: Pixels per chart unit: 2x gives a crisp picture on a projector or a printed page.
SCALE = 2


def render(chart: Chart, text: TextRenderer | None = None, scale: float = SCALE) -> pygame.Surface:
    """The chart on a white surface, `scale` pixels per layout unit, painted as the debrief
    screen paints its own (`game.ui.chart.paint`), in print colours.

    A screen showing it (the progress screen) should render it once when it opens, at the
    scale that fits, and blit the result each frame: this loads fonts and draws text.
    """
    if not pygame.font.get_init():
        pygame.font.init()
    text = text or TextRenderer()
    surface = pygame.Surface((round(chart.width * scale), round(chart.height * scale)))
    surface.fill((255, 255, 255))
    paint(surface, chart, PAPER_INKS, text, scale=scale)
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
