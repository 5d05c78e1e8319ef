"""Rendered text, cached: the stage redraws the same words every frame, so render each once.

Fonts are loaded from a shipped family (assets/fonts/): Atkinson Hyperlegible (OFL) by
default, or OpenDyslexic (CC-BY 3.0) for readers who find it easier, once per (size, bold,
italic); rendered surfaces are kept in a bounded cache (`game.ui.cache`: by count and by
bytes, least recently used first out) keyed by everything that changes the pixels. Word-wrap
is pygame-ce's own (`wraplength`), done in C.

Usage::

    text = TextRenderer()                       # or TextRenderer(font_dir, max_entries)
    surf = text.render("Are you OK?", lay.body_size, theme.panel_text, width=800)
    surf = text.render("(quietly)", lay.small_size, theme.panel_muted, italic=True)
    surf = text.fit(long_text, lay.body_size, theme.panel_text, width=800, height=200)

Needs `pygame.font` initialised (pygame.init() does it). Never call it with a new font
directory in the frame loop: the first call at each size reads a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from game import paths
from game.safetext import drawable

from .cache import surface_cache

FONT_DIR = paths.FONTS


@dataclass(frozen=True)
class Family:
    """A shipped typeface: its four files, and the scale that makes its text as wide as the
    default's. OpenDyslexic is about a quarter wider and much taller at the same point size;
    drawn at 0.82 of it, lines take the same width and keep the taller line spacing its
    readers need, so every layout holds with either family."""

    files: dict[tuple[bool, bool], str]
    scale: float = 1.0


def _family(stem: str, ext: str, scale: float = 1.0) -> Family:
    styles = {(False, False): "Regular", (True, False): "Bold"}
    styles |= {(False, True): "Italic", (True, True): "BoldItalic"}
    return Family({k: f"{stem}-{v}.{ext}" for k, v in styles.items()}, scale)


#: The typefaces the settings screen offers, by the name settings keep.
FAMILIES: dict[str, Family] = {
    "atkinson": _family("AtkinsonHyperlegible", "ttf"),
    "opendyslexic": _family("OpenDyslexic", "otf", 0.82),
}
_ALIGN = {"left": pygame.FONT_LEFT, "center": pygame.FONT_CENTER, "right": pygame.FONT_RIGHT}
_FIT_STEP = 0.9  # each try at fitting text is this much smaller than the last

Colour = tuple[int, int, int]
_MEASURE: Colour = (0, 0, 0)  # measuring renders once in one colour, cached like any text
#: Rendered text kept at most: a typing line leaves a surface per word shown, each as wide as
#: its bubble, so a count alone let 600 of them hold 150 MB at 1080p.
TEXT_CACHE_MIB = 16


class TextRenderer:
    """Fonts by size and style, and a bounded cache of rendered text surfaces."""

    def __init__(
        self,
        font_dir: Path = FONT_DIR,
        max_entries: int = 600,
        family: str = "atkinson",
        max_mib: float = TEXT_CACHE_MIB,
    ) -> None:
        self._font_dir = Path(font_dir)
        self.family = FAMILIES.get(family, FAMILIES["atkinson"])
        self._fonts: dict[tuple[int, bool, bool], pygame.font.Font] = {}
        self._cache = surface_cache(max_entries, max_mib)

    def __len__(self) -> int:
        return len(self._cache)

    @property
    def hits(self) -> int:
        return self._cache.hits

    @property
    def misses(self) -> int:
        return self._cache.misses

    def set_family(self, name: str) -> None:
        """Draw with another typeface from now on (a settings change, never in a frame loop
        of its own): fonts and rendered text of the old one are dropped."""
        family = FAMILIES.get(name, FAMILIES["atkinson"])
        if family is not self.family:
            self.family = family
            self._fonts.clear()
            self._cache.clear()

    def font(self, size: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        """The font at this size and style, loaded on first use and kept."""
        key = (size, bold, italic)
        font = self._fonts.get(key)
        if font is None:
            scaled = max(1, round(size * self.family.scale))
            font = pygame.font.Font(self._font_dir / self.family.files[(bold, italic)], scaled)
            self._fonts[key] = font
        return font

    def line_height(self, size: int, bold: bool = False, italic: bool = False) -> int:
        return self.font(size, bold, italic).get_linesize()

    def render(
        self,
        text: str,
        size: int,
        colour: Colour,
        *,
        width: int | None = None,
        bold: bool = False,
        italic: bool = False,
        align: str = "left",
    ) -> pygame.Surface:
        """`text` as an anti-aliased surface with a transparent background.

        With `width`, lines wrap at word boundaries to fit it (and at newlines); `align` then
        places each line ("left", "center", "right"). The result is cached: do not draw on it.
        Text from files is cleaned first (`game.safetext.drawable`): a NUL would make pygame
        raise and a huge text would stall or crash SDL_ttf, whatever let it through.
        """
        text = drawable(text)
        wrap = max(1, width) if width else 0
        key = (size, text, tuple(colour), wrap, bold, italic, align)
        surface = self._cache.get(key)
        if surface is not None:
            return surface
        font = self.font(size, bold, italic)
        font.align = _ALIGN[align]
        return self._cache.put(key, font.render(text, True, colour, wraplength=wrap))

    def measure(
        self,
        text: str,
        size: int,
        *,
        width: int | None = None,
        bold: bool = False,
        italic: bool = False,
    ) -> tuple[int, int]:
        """The (width, height) `render` would give, whatever the colour."""
        return self.render(text, size, _MEASURE, width=width, bold=bold, italic=italic).get_size()

    def fit_size(
        self,
        text: str,
        size: int,
        *,
        width: int,
        height: int,
        min_size: int = 14,
        bold: bool = False,
        italic: bool = False,
    ) -> int:
        """The largest size up to `size` (never below `min_size`) at which `text` fits.

        Long option texts and authors' long lines still fit their card or bubble instead of
        spilling; text only shrinks as far as it must.
        """
        while size > min_size:
            if self.measure(text, size, width=width, bold=bold, italic=italic)[1] <= height:
                return size
            size = max(min_size, int(size * _FIT_STEP))
        return min_size

    def fit(
        self,
        text: str,
        size: int,
        colour: Colour,
        *,
        width: int,
        height: int,
        min_size: int = 14,
        bold: bool = False,
        italic: bool = False,
        align: str = "left",
    ) -> pygame.Surface:
        """`render` at `fit_size`: the text wrapped to `width`, shrunk to fit `height`."""
        size = self.fit_size(
            text, size, width=width, height=height, min_size=min_size, bold=bold, italic=italic
        )
        return self.render(text, size, colour, width=width, bold=bold, italic=italic, align=align)
