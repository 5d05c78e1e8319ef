"""A small drawing kit for the flat-illustration style: soft shapes, one outline weight.

Figures and backdrops are drawn with a `Pen` on a supersampled surface and scaled down
smoothly once (then cached), which gives anti-aliased edges from pygame's plain primitives.
Coordinates are in the picture's own units (say, per cent of a figure's height) so that the
art is defined once, as proportions, and drawn crisp at any size.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

Colour = tuple[int, int, int]
Point = tuple[float, float]

#: Art is drawn this many times larger than shown, then smooth-scaled down.
SUPERSAMPLE = 2


def shade(colour: Colour, factor: float) -> Colour:
    """`colour` darker (factor < 1) or lighter (factor > 1), for flat two-tone shading."""
    if factor <= 1:
        return tuple(round(c * factor) for c in colour)  # type: ignore[return-value]
    return tuple(round(c + (255 - c) * (factor - 1)) for c in colour)  # type: ignore[return-value]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """`a` moved a fraction `t` of the way to `b`."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


class Pen:
    """Draws on `surface` in units: x from `origin_x`, both axes scaled by `unit` pixels;
    the surface's first row is row `top` of the whole picture (a strip of a tall drawing).

    Every filled shape gets the same outline (`ink`, `weight` px) unless asked not to, which
    is what makes separately drawn parts read as one illustration.
    """

    def __init__(
        self,
        surface: pygame.Surface,
        unit: float,
        ink: Colour,
        weight: int,
        origin_x: float = 0.0,
        unit_y: float | None = None,
        top: int = 0,
    ) -> None:
        self.surface = surface
        self.ux = unit
        self.uy = unit if unit_y is None else unit_y
        self.ink = ink
        self.weight = max(1, weight)
        self.origin_x = origin_x
        self.top = top

    def p(self, x: float, y: float) -> tuple[int, int]:
        # `top` is taken off after rounding, so a picture drawn a strip at a time lands on
        # exactly the pixels it would drawn whole (round() halves to even).
        return (round(self.origin_x + x * self.ux), round(y * self.uy) - self.top)

    def rect(self, x0: float, y0: float, x1: float, y1: float) -> pygame.Rect:
        left, top = self.p(min(x0, x1), min(y0, y1))
        right, bottom = self.p(max(x0, x1), max(y0, y1))
        return pygame.Rect(left, top, max(1, right - left), max(1, bottom - top))

    def box(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        colour: Colour,
        radius: float = 0,
        outline: bool = True,
        **corners: float,
    ) -> None:
        """A (rounded) rectangle; `corners` like border_top_left_radius=3 are in units too."""
        r = self.rect(x0, y0, x1, y1)
        radii = {k: round(v * self.ux) for k, v in corners.items()}
        pygame.draw.rect(self.surface, colour, r, border_radius=round(radius * self.ux), **radii)
        if outline:
            pygame.draw.rect(
                self.surface,
                self.ink,
                r,
                self.weight,
                border_radius=round(radius * self.ux),
                **radii,
            )

    def oval(
        self, cx: float, cy: float, rx: float, ry: float, colour: Colour, outline: bool = True
    ) -> None:
        r = self.rect(cx - rx, cy - ry, cx + rx, cy + ry)
        pygame.draw.ellipse(self.surface, colour, r)
        if outline:
            pygame.draw.ellipse(self.surface, self.ink, r, self.weight)

    def poly(self, points: Sequence[Point], colour: Colour, outline: bool = True) -> None:
        pts = [self.p(x, y) for x, y in points]
        pygame.draw.polygon(self.surface, colour, pts)
        if outline:
            pygame.draw.polygon(self.surface, self.ink, pts, self.weight)

    def stroke(self, points: Sequence[Point], width: float, colour: Colour) -> None:
        """A line of `width` units with round ends and joints (brows, mouths, cords)."""
        pts = [self.p(x, y) for x, y in points]
        w = max(1, round(width * self.ux))
        if len(pts) > 1:
            pygame.draw.lines(self.surface, colour, False, pts, w)
        for pt in pts:
            pygame.draw.circle(self.surface, colour, pt, w / 2)

    def limb(self, points: Sequence[Point], width: float, colour: Colour) -> None:
        """An outlined round-ended limb through `points` (shoulder, elbow, hand)."""
        self.stroke(points, width + 2 * self.weight / self.ux, self.ink)
        self.stroke(points, width, colour)

    def arc(
        self,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        start: float,
        stop: float,
        width: float,
        colour: Colour,
    ) -> None:
        """An elliptical arc (angles in radians, counter-clockwise from 3 o'clock)."""
        pygame.draw.arc(
            self.surface,
            colour,
            self.rect(cx - rx, cy - ry, cx + rx, cy + ry),
            start,
            stop,
            max(1, round(width * self.ux)),
        )


def finish(big: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """The supersampled drawing scaled down smoothly to `size`, in the display's format.

    Converting once here makes every later blit of the cached picture cheap; without a
    window (tests, tools) the surface is returned as drawn.
    """
    small = big if big.get_size() == tuple(size) else pygame.transform.smoothscale(big, size)
    if pygame.display.get_surface() is None:
        return small
    return small.convert_alpha() if small.get_flags() & pygame.SRCALPHA else small.convert()
