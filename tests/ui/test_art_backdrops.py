"""Backdrops: one distinct set per setting, painted once per size."""

import itertools
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.story.model import BACKDROPS
from game.ui.art import backdrops
from game.ui.art.backdrops import BackdropPainter, paint_backdrop
from game.ui.theme import make_theme

SIZE = (480, 270)


def _pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def _share_differing(a: bytes, b: bytes) -> float:
    differing = sum(a[i : i + 3] != b[i : i + 3] for i in range(0, len(a), 3))
    return differing / (len(a) / 3)


def test_every_backdrop_renders_and_they_are_distinct():
    painter, theme = BackdropPainter(), make_theme()
    pictures = {b: _pixels(painter.get(b, SIZE, theme)) for b in BACKDROPS}
    for a, b in itertools.combinations(BACKDROPS, 2):
        assert _share_differing(pictures[a], pictures[b]) > 0.3, (a, b)


def test_backdrop_fills_the_size_and_is_cached_per_size_and_theme():
    painter = BackdropPainter()
    ward = painter.get("ward", SIZE, make_theme())
    assert ward.get_size() == SIZE
    assert painter.get("ward", SIZE, make_theme()) is ward
    assert painter.get("ward", (240, 135), make_theme()).get_size() == (240, 135)
    assert painter.get("ward", SIZE, make_theme(high_contrast=True)) is not ward


def test_high_contrast_washes_the_backdrop_darker():
    painter = BackdropPainter()
    normal = painter.get("office", SIZE, make_theme())
    hc = painter.get("office", SIZE, make_theme(high_contrast=True))
    assert sum(_pixels(hc)) < 0.7 * sum(_pixels(normal))


def test_cache_is_bounded():
    painter = BackdropPainter(max_entries=2)
    first = painter.get("ward", SIZE, make_theme())
    painter.get("office", SIZE, make_theme())
    painter.get("corridor", SIZE, make_theme())
    assert painter.get("ward", SIZE, make_theme()) is not first


def test_an_unknown_backdrop_still_paints_a_stage():
    surface = BackdropPainter().get("moon_base", SIZE, make_theme())
    assert surface.get_size() == SIZE
    assert len(set(_pixels(surface)[::300])) > 5


def test_painting_in_strips_gives_exactly_the_pixels_of_one_whole_drawing(monkeypatch):
    """Backdrops are drawn at 2x a strip at a time (the whole 2x drawing was the game's
    memory peak): every pixel must be the one the whole drawing gives, at odd sizes too."""
    for size in ((480, 270), (301, 177)):
        for theme in (make_theme(), make_theme(high_contrast=True)):
            strips = {b: _pixels(paint_backdrop(b, size, theme)) for b in BACKDROPS}
            monkeypatch.setattr(backdrops, "_STRIP_ROWS", size[1])
            for backdrop, pixels in strips.items():
                assert _pixels(paint_backdrop(backdrop, size, theme)) == pixels, backdrop
            monkeypatch.undo()
