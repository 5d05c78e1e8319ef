"""Shared pieces of the stage's interface: panels, badges, icons, hatching, buttons, FREEZE.

The bigger widgets live beside this module: `bubbles` (speech and thought), `cards` (option
cards), `chart` (the debrief's criteria chart). They all follow one shape::

    draw_x(surface, rect, <data>, *, theme=theme, layout=lay, text=text_renderer)

Drawing functions change nothing but `surface` (no global state, no file access, no clock),
take every size from the `Layout` and every colour from the `Theme`, and return the hit
rectangles a mouse needs where there are any. Icons (lock, triangles, speech mark) are drawn
as shapes, not font glyphs, so they look the same in every palette and font.

Usage::

    rect = draw_button(surface, Rect(...), "Resume", focused=True, theme=theme, layout=lay,
                       text=text)
    overlay = compose_freeze_overlay(theme=theme, layout=lay, text=text)  # once per size;
    # compact=True puts a smaller FREEZE in the header, clear of option cards
    frozen = picture.copy(); frozen.blit(overlay, (0, 0))                  # once per freeze
"""

from __future__ import annotations

import itertools

import pygame
from pygame import Rect

from game.i18n import _

from .layout import Layout
from .text import TextRenderer
from .theme import Colour, Theme


def draw_panel(
    surface: pygame.Surface,
    rect: Rect,
    fill: Colour,
    *,
    theme: Theme,
    layout: Layout,
    radius: int | None = None,
    shadow: bool = True,
    border: Colour | None = None,
    border_width: int | None = None,
) -> None:
    """A rounded panel with the illustration's outline and a hard drop shadow below-right.

    The shadow is solid ink, like a cut-out laid on the stage: it matches the flat style and
    costs no per-frame allocation (a translucent one would need a new surface each time).
    """
    r = layout.radius if radius is None else radius
    if shadow:
        offset = layout.px(7)
        pygame.draw.rect(surface, theme.outline, rect.move(offset, offset), border_radius=r)
    pygame.draw.rect(surface, fill, rect, border_radius=r)
    pygame.draw.rect(
        surface, border or theme.outline, rect, border_width or layout.outline, border_radius=r
    )


def draw_focus_ring(surface: pygame.Surface, rect: Rect, *, theme: Theme, layout: Layout) -> None:
    """The keyboard focus: a thick accent ring with a dark edge, outside `rect`.

    Two rings (accent, then outline) so it shows on light and dark backgrounds alike.
    """
    w = layout.focus_width
    outer = rect.inflate(2 * w + 2 * layout.outline, 2 * w + 2 * layout.outline)
    pygame.draw.rect(surface, theme.outline, outer, layout.outline, border_radius=layout.radius + w)
    ring = rect.inflate(2 * w, 2 * w)
    pygame.draw.rect(surface, theme.accent, ring, w, border_radius=layout.radius + w // 2)


def draw_badge(
    surface: pygame.Surface,
    center: tuple[int, int],
    radius: int,
    label: str,
    fill: Colour,
    ink: Colour,
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
) -> None:
    """A round badge with a short bold label: the number key of an option."""
    pygame.draw.circle(surface, fill, center, radius)
    pygame.draw.circle(surface, theme.outline, center, radius, layout.outline)
    img = text.render(label, round(radius * 1.1), ink, bold=True)
    surface.blit(img, img.get_rect(center=center))


def draw_lock(surface: pygame.Surface, rect: Rect, colour: Colour, width: int) -> None:
    """A padlock filling `rect`: a shackle arc over a body with a keyhole."""
    body = Rect(rect.x, rect.y + rect.h * 4 // 9, rect.w, rect.h * 5 // 9)
    shackle = Rect(rect.x + rect.w // 5, rect.y, rect.w * 3 // 5, rect.h * 2 // 3)
    pygame.draw.ellipse(surface, colour, shackle, max(2, width))
    pygame.draw.rect(surface, colour, body, border_radius=max(1, rect.w // 8))
    hole = max(2, rect.w // 9)
    keyhole_colour = (255 - colour[0], 255 - colour[1], 255 - colour[2])
    pygame.draw.circle(surface, keyhole_colour, (body.centerx, body.centery - hole // 2), hole)
    pygame.draw.rect(
        surface, keyhole_colour, Rect(body.centerx - hole // 2, body.centery, hole, body.h // 3)
    )


def draw_triangle(
    surface: pygame.Surface,
    center: tuple[int, int],
    size: int,
    up: bool,
    colour: Colour,
    outline: Colour | None = None,
) -> None:
    """▲ (up) or ▼ (down), `size` px across, drawn because the font has no such glyph."""
    x, y = center
    h = size * 0.87
    if up:
        pts = [(x - size / 2, y + h / 2), (x + size / 2, y + h / 2), (x, y - h / 2)]
    else:
        pts = [(x - size / 2, y - h / 2), (x + size / 2, y - h / 2), (x, y + h / 2)]
    pygame.draw.polygon(surface, colour, pts)
    if outline is not None:
        pygame.draw.polygon(surface, outline, pts, max(1, size // 10))


def hatch(
    surface: pygame.Surface,
    rect: Rect,
    colour: Colour,
    spacing: int,
    width: int,
    cross: bool = False,
) -> None:
    """Diagonal lines across `rect` (both ways when `cross`): a pattern, so a bar's meaning
    survives greyscale printing and colour blindness."""
    if rect.w <= 0 or rect.h <= 0:
        return
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    for x in range(rect.x - rect.h, rect.right + spacing, spacing):
        pygame.draw.line(surface, colour, (x, rect.bottom), (x + rect.h, rect.y), width)
        if cross:
            pygame.draw.line(surface, colour, (x, rect.y), (x + rect.h, rect.bottom), width)
    surface.set_clip(clip)


def draw_button(
    surface: pygame.Surface,
    rect: Rect,
    label: str,
    *,
    focused: bool = False,
    enabled: bool = True,
    key_hint: str = "",
    centre: bool = True,
    size: int | None = None,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
) -> Rect:
    """A labelled button; returns its hit rect. `key_hint` (say "Space") shows in a badge.
    Without one the label is centred, unless `centre` is off (a list, whose labels line up
    on the left and may wrap onto two lines). `size`: the label's size when a row of buttons
    shares one smaller than the body size (the debrief's tabs), so none reads larger.

    Focus shows as the ring (shape), not only as a colour change; a disabled button is
    greyed and its label struck through.
    """
    fill, ink = (theme.button, theme.button_text) if enabled else (theme.locked, theme.locked_text)
    if focused and enabled and theme.button_focus and theme.button_focus_text:
        fill, ink = theme.button_focus, theme.button_focus_text
    draw_panel(
        surface,
        rect,
        fill,
        theme=theme,
        layout=layout,
        radius=layout.radius,
        border=theme.button_edge,
    )
    if focused:
        draw_focus_ring(surface, rect, theme=theme, layout=layout)
    inner = rect.inflate(-2 * layout.padding, -layout.padding)
    x = inner.x
    if key_hint:
        hint = text.render(key_hint, layout.small_size, theme.panel_text, bold=True)
        key = Rect(0, 0, hint.get_width() + layout.px(20), min(inner.h, hint.get_height()))
        key.midleft = (inner.x, inner.centery)
        pygame.draw.rect(surface, theme.panel, key, border_radius=layout.px(8))
        pygame.draw.rect(surface, theme.outline, key, layout.outline, border_radius=layout.px(8))
        surface.blit(hint, hint.get_rect(center=key.center))
        x = key.right + layout.px(16)
    img = text.fit(
        label,
        size or layout.body_size,
        ink,
        width=max(1, inner.right - x),
        height=inner.h,
        bold=True,
        min_size=layout.floor_size,
    )
    pos = img.get_rect(midleft=(x, inner.centery))
    if not key_hint and centre:
        pos.centerx = inner.centerx
    surface.blit(img, pos)
    if not enabled:
        pygame.draw.line(surface, ink, pos.midleft, pos.midright, layout.outline)
    return rect


def compose_freeze_overlay(
    *, theme: Theme, layout: Layout, text: TextRenderer, compact: bool = False
) -> pygame.Surface:
    """The freeze look as one transparent surface: blit it over the stage picture once.

    Dims the stage and frames it like a held film frame (a thick border with corner marks).
    FREEZE is stamped large across the middle of the stage (the moment of the buzz) or, with
    `compact`, smaller at the right of the header band, clear of a prompt and option cards.
    """
    overlay = pygame.Surface(layout.size, pygame.SRCALPHA)
    overlay.fill(_dimming(theme))
    inset, thick = _FRAME_INSET, _MARK_THICK
    frame = layout.screen_rect.inflate(-2 * layout.px(inset), -2 * layout.px(inset))
    pygame.draw.rect(overlay, theme.freeze, frame, layout.px(8), border_radius=layout.px(10))
    mark, thick = layout.px(90), layout.px(thick)
    for corner in ("topleft", "topright", "bottomleft", "bottomright"):
        x, y = getattr(frame, corner)
        sx = 1 if "left" in corner else -1
        sy = 1 if "top" in corner else -1
        pygame.draw.rect(
            overlay, theme.freeze, Rect(min(x, x + sx * mark), min(y, y + sy * thick), mark, thick)
        )
        pygame.draw.rect(
            overlay, theme.freeze, Rect(min(x, x + sx * thick), min(y, y + sy * mark), thick, mark)
        )
    size = layout.title_size if compact else layout.freeze_size
    word = text.render(_("FREEZE"), size, theme.freeze, bold=True)
    shadow = text.render(_("FREEZE"), size, theme.outline, bold=True)
    if compact:
        spot = freeze_stamp_rect(layout, text)
    else:
        spot = word.get_rect(center=(layout.width // 2, layout.cast_rect.y))
    overlay.blit(shadow, spot.move(layout.px(6), layout.px(6)))
    overlay.blit(word, spot)
    return overlay


#: The freeze frame's inset from the window's edge and its corner marks' thickness, at 1080p.
_FRAME_INSET, _MARK_THICK = 18, 18


def frozen_header_x(layout: Layout) -> int:
    """Where the frozen header's words start: after the frame's left corner mark, so the
    mark never hides the first letters of the scene's name."""
    mark = layout.px(_FRAME_INSET) + layout.px(_MARK_THICK)
    return max(layout.header_rect.x, mark + layout.px(12))


def _dimming(theme: Theme) -> tuple[int, int, int, int]:
    """The freeze overlay's colour wherever it only dims."""
    return (0, 0, 0, theme.dim_alpha)


def freeze_overlay(
    *, theme: Theme, layout: Layout, text: TextRenderer, compact: bool = False
) -> Patches:
    """`compose_freeze_overlay`'s picture, kept as `Patches`: what the stage holds."""
    whole = compose_freeze_overlay(theme=theme, layout=layout, text=text, compact=compact)
    if pygame.display.get_surface() is not None:
        whole = whole.convert_alpha()
    return Patches(whole, _dimming(theme))


def _differing_tiles(band: pygame.Surface, plain: tuple[int, ...], tile: int) -> list[bool]:
    """For each `tile`-wide column of `band`, whether any of its pixels is not `plain`
    (compared exactly, a line of pixels at a time)."""
    width = band.get_width()
    plain_line = bytes(plain) * width
    step = 4 * tile
    differs = [False] * -(-width // tile)
    data = pygame.image.tobytes(band, "RGBA")
    for start in range(0, len(data), 4 * width):
        line = data[start : start + 4 * width]
        if line == plain_line:
            continue
        for i in range(len(differs)):
            if not differs[i]:
                differs[i] = (
                    line[i * step : (i + 1) * step] != plain_line[i * step : (i + 1) * step]
                )
    return differs


class Patches:
    """A full-screen translucent picture that is one colour nearly everywhere (the freeze
    overlay: dimming, with a frame and a stamp), kept as that colour and the tiles that
    differ. Laid over a picture it gives exactly the pixels the whole picture would, and
    holds about a third of its memory (whole, it is 8 MB at 1080p).
    """

    TILE = 64

    def __init__(self, whole: pygame.Surface, plain: tuple[int, int, int, int]) -> None:
        width, height = whole.get_size()
        self.band = pygame.Surface((width, self.TILE), pygame.SRCALPHA, whole)
        self.band.fill(plain)
        #: (tile, where) for the parts that differ; rectangles of plain colour.
        self.pieces: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.plain: list[Rect] = []
        for y in range(0, height, self.TILE):
            rows = min(self.TILE, height - y)
            band = whole.subsurface(Rect(0, y, width, rows))
            x = 0
            for differ, run in itertools.groupby(_differing_tiles(band, plain, self.TILE)):
                span = Rect(x, y, min(len(list(run)) * self.TILE, width - x), rows)
                x = span.right
                if differ:
                    self.pieces.append((whole.subsurface(span).copy(), span.topleft))
                else:
                    self.plain.append(span)

    def blit_onto(self, surface: pygame.Surface) -> None:
        for piece, where in self.pieces:
            surface.blit(piece, where)
        for span in self.plain:
            surface.blit(self.band, span.topleft, Rect(0, 0, span.w, span.h))


def freeze_stamp_rect(layout: Layout, text: TextRenderer) -> Rect:
    """Where the compact FREEZE stamp sits: at the right of the header band, clear of the
    frame's corner mark. Hints in the header end before it."""
    width, height = text.measure(_("FREEZE"), layout.title_size, bold=True)
    spot = Rect(0, 0, width, height)
    spot.midright = layout.header_rect.midright
    spot.x -= layout.px(90)  # the corner mark's length
    return spot
