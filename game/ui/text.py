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

from .cache import BoundedCache, surface_cache

FONT_DIR = paths.FONTS


@dataclass(frozen=True)
class Family:
    """A shipped typeface: its four files, and the scale that makes its text as wide as the
    default's. OpenDyslexic is about a quarter wider and much taller at the same point size;
    drawn at 0.82 of it, lines take the same width and keep the taller line spacing its
    readers need, so every layout holds with either family."""

    files: dict[tuple[bool, bool], str]
    scale: float = 1.0

    @property
    def key(self) -> str:
        """Which typeface this is, for the keys of pictures drawn in it (its regular file)."""
        return self.files[(False, False)]


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
_MEASURE: Colour = (0, 0, 0)  # measuring renders once, in one colour, and keeps the size
_SIZES_KEPT = 4096  # measured sizes kept: a few dozen bytes each
#: Rendered text kept at most. By count alone, 600 part-typed lines (each as wide as its
#: bubble) held 150 MB at 1080p; part-typed lines and measured text are no longer kept, so
#: what is left (whole lines, headers, cards, debrief pages) fits 8 MiB, and the stage's
#: second set surface (`StagePainter.warm`) has the other 8.
TEXT_CACHE_MIB = 8


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
        #: What `measure` found: sizes only. Fitting a line to its bubble measures the whole
        #: text at each size tried, a bubble-wide picture each; kept, they were most of what
        #: the text cache held, and nothing ever drew them.
        self._sizes: BoundedCache[tuple[int, int]] = BoundedCache(_SIZES_KEPT)

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
            self._sizes.clear()

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
        keep: bool = True,
    ) -> pygame.Surface:
        """`text` as an anti-aliased surface with a transparent background.

        With `width`, lines wrap at word boundaries to fit it (and at newlines); `align` then
        places each line ("left", "center", "right"). The result is cached: do not draw on it.
        `keep=False`: used if cached, but not kept when made (a line part-typed is drawn
        once, and each such picture is as wide as its bubble: kept, they crowded out of the
        cache what is made ahead for the next line). Text from files is cleaned first
        (`game.safetext.drawable`): a NUL would make pygame raise and a huge text would
        stall or crash SDL_ttf, whatever let it through.
        """
        text = drawable(text)
        wrap = max(1, width) if width else 0
        key = (size, text, tuple(colour), wrap, bold, italic, align)
        surface = self._cache.get(key)
        if surface is not None:
            return surface
        font = self.font(size, bold, italic)
        font.align = _ALIGN[align]
        made = font.render(text, True, colour, wraplength=wrap)
        return self._cache.put(key, made) if keep else made

    def measure(
        self,
        text: str,
        size: int,
        *,
        width: int | None = None,
        bold: bool = False,
        italic: bool = False,
    ) -> tuple[int, int]:
        """The (width, height) `render` would give, whatever the colour: worked out by
        rendering once, and only the size kept."""
        text = drawable(text)
        wrap = max(1, width) if width else 0
        key = (size, text, wrap, bold, italic)
        found = self._sizes.get(key)
        if found is None:
            font = self.font(size, bold, italic)
            picture = font.render(text, True, _MEASURE, wraplength=wrap)
            found = self._sizes.put(key, picture.get_size())
        return found

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
        """`render` at `fit_size`: the text wrapped to `width`, shrunk to fit `height`; if
        it is still too tall at `min_size`, cut after the last whole word that fits, with an
        ellipsis, so it never spills over whatever is below its box."""
        size = self.fit_size(
            text, size, width=width, height=height, min_size=min_size, bold=bold, italic=italic
        )
        if self.measure(text, size, width=width, bold=bold, italic=italic)[1] > height:
            text = self._cut(text, size, width, height, bold, italic)
        return self.render(text, size, colour, width=width, bold=bold, italic=italic, align=align)

    def _cut(self, text: str, size: int, width: int, height: int, bold: bool, italic: bool) -> str:
        """The most whole words of `text` that fit `height` at `size`, then an ellipsis."""
        words = text.split(" ")
        low, high = 1, len(words) - 1  # a binary search: each try renders once (cached)
        while low < high:
            mid = (low + high + 1) // 2
            trial = " ".join(words[:mid]) + "\u2026"
            if self.measure(trial, size, width=width, bold=bold, italic=italic)[1] <= height:
                low = mid
            else:
                high = mid - 1
        return " ".join(words[:low]).rstrip(".,;:") + "\u2026"
