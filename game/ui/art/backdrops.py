"""Backdrops: one painted set per setting in `BACKDROPS`, drawn once per size and kept.

Each set is a back wall, a floor and a few props that say where we are (a hospital bed, a
whiteboard, a pegboard of tools), kept muted and low in contrast so that the figures, the
bubbles and the words in front of them stand out. A soft vignette darkens the edges as stage
lighting would; the theme then washes the whole set towards the stage background (hard, in
high contrast).

Usage::

    backdrops = BackdropPainter()
    stage.blit(backdrops.get("ward", lay.size, theme), (0, 0))

Coordinates in the room painters are per cent of the width (x) and height (y); the floor
meets the wall at `HORIZON`.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

import pygame

from ...story.model import BACKDROPS
from ..cache import surface_cache
from ..theme import Theme
from . import rooms
from .pen import SUPERSAMPLE, Pen

_CACHE_SIZE = 5  # a script's backdrops (five at most in the shipped ones): 8 MB each at 1080p
_MAX_DRAWN_WIDTH = 3840  # supersample only while the drawing stays this wide or less
_STRIP_ROWS = 120  # rows of the backdrop painted at a time (at 2x and 1080p: 3.5 MB drawn)
_VIGNETTE = ((0.0, 0), (0.55, 0), (0.85, 70), (1.0, 150))  # (distance, alpha) from centre

_ROOMS: dict[str, Callable[[Pen], None]] = {
    "office": rooms.office,
    "meeting_room": rooms.meeting_room,
    "ward": rooms.ward,
    "workshop": rooms.workshop,
    "corridor": rooms.corridor,
    "staff_room": rooms.staff_room,
}
assert set(_ROOMS) == set(BACKDROPS), "every backdrop needs a painter"


def paint_backdrop(backdrop_id: str, size: tuple[int, int], theme: Theme) -> pygame.Surface:
    """A freshly painted backdrop. Unknown ids get a plain stage, never an error.

    Drawn at twice the size and scaled down, a strip of `_STRIP_ROWS` rows at a time: the
    whole drawing at 2x is 33 MB at 1080p, the largest thing the game ever held, and it was
    the peak of its memory. A 2:1 smooth scale averages each 2x2 block on its own and the pen
    places every shape by whole pixels, so the strips give exactly the pixels of one drawing
    (`tests/ui/test_art_backdrops.py` compares the two). One strip is drawn on again and
    again and scaled straight into its rows of the picture: a new strip and its scaled copy
    for every band were most of the painting's time (fresh memory is mapped page by page),
    and a scenario's first frame waits for its backdrop.
    """
    width, height = size
    ss = SUPERSAMPLE if width * SUPERSAMPLE <= _MAX_DRAWN_WIDTH else 1
    paint = _ROOMS.get(backdrop_id, rooms.bare_stage)
    surface = _blank(size)
    strip = pygame.Surface((width * ss, min(_STRIP_ROWS, height) * ss), 0, surface)
    for top in range(0, height, _STRIP_ROWS):
        rows = min(_STRIP_ROWS, height - top)
        drawn = (
            strip
            if rows * ss == strip.get_height()
            else strip.subsurface((0, 0, width * ss, rows * ss))
        )
        drawn.fill((0, 0, 0))
        pen = Pen(
            drawn,
            width * ss / 100,
            theme.outline,
            max(1, round(height * ss / 400)),
            unit_y=height * ss / 100,
            top=top * ss,
        )
        paint(pen)
        band = surface.subsurface((0, top, width, rows))
        if ss == 1:
            band.blit(drawn, (0, 0))
        else:
            pygame.transform.smoothscale(drawn, (width, rows), band)
    surface.blit(pygame.transform.smoothscale(_vignette_grid(), size), (0, 0))
    if theme.backdrop_wash:
        wash = pygame.Surface((width, _STRIP_ROWS), pygame.SRCALPHA)
        wash.fill((*theme.stage_bg, theme.backdrop_wash))
        for top in range(0, height, _STRIP_ROWS):
            surface.blit(wash, (0, top))
    return surface


def _blank(size: tuple[int, int]) -> pygame.Surface:
    """A surface to paint on, in the display's format when there is a display (so blitting
    the finished backdrop costs nothing), as drawn otherwise (tests, tools)."""
    screen = pygame.display.get_surface()
    return pygame.Surface(size) if screen is None else pygame.Surface(size, 0, screen)


@functools.cache
def _vignette_grid() -> pygame.Surface:
    """Dark edges and corners as a small radial ramp, scaled up smoothly to each backdrop
    (cheap, no banding). The same for every backdrop and size, so worked out once: a
    pixel at a time, it took as long as painting a room."""
    grid_w, grid_h = 48, 27
    small = pygame.Surface((grid_w, grid_h), pygame.SRCALPHA)
    for y in range(grid_h):
        for x in range(grid_w):
            dx, dy = (x + 0.5) / grid_w * 2 - 1, (y + 0.5) / grid_h * 2 - 1
            small.set_at((x, y), (0, 0, 0, _ramp(min(1.0, (dx * dx + dy * dy) ** 0.5 / 1.2))))
    return small


def _ramp(distance: float) -> int:
    for (d0, a0), (d1, a1) in itertools.pairwise(_VIGNETTE):
        if distance <= d1:
            return round(a0 + (a1 - a0) * (distance - d0) / (d1 - d0))
    return _VIGNETTE[-1][1]


class BackdropPainter:
    """Backdrops by (id, size, theme), painted once: a few at 4K are tens of MB, so bounded."""

    def __init__(self, max_entries: int = _CACHE_SIZE) -> None:
        # Bounded by count: a script's backdrops must all stay, at any window size.
        self.cache = surface_cache(max_entries, 0)

    def get(self, backdrop_id: str, size: tuple[int, int], theme: Theme) -> pygame.Surface:
        key = (backdrop_id, tuple(size), theme.name)
        return self.cache.get_or_make(key, lambda: paint_backdrop(backdrop_id, size, theme))
