"""Heads: skin, hair styles and a face for each emotion in `EMOTIONS`.

Each emotion changes all three features a viewer reads first, brows, eyes and mouth, plus a
small cue (a tear, a sweat drop, flushed or rosy cheeks) so that a face still reads from the
back of a room when the figure is small. Units are per cent of the figure's height; the head
is large (a quarter of the figure) on purpose, so faces carry on a projector.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .pen import Colour, Pen

SKIN: dict[str, Colour] = {
    "light": (243, 206, 180),
    "medium": (224, 172, 132),
    "tan": (196, 138, 96),
    "brown": (146, 96, 62),
    "dark": (98, 64, 44),
}
HAIR: dict[str, Colour] = {
    "black": (38, 34, 38),
    "brown": (112, 72, 42),
    "blonde": (228, 192, 112),
    "red": (180, 80, 42),
    "grey": (158, 158, 164),
    "white": (236, 236, 236),
}
_EYE = (34, 30, 40)
_WHITE = (255, 255, 255)
_MOUTH = (70, 22, 30)  # dark enough to read on every skin tone
_TEAR = (110, 180, 240)
_FLUSH = (226, 84, 70)
_ROSY = (240, 128, 120)


@dataclass(frozen=True)
class Head:
    """Where the head is: centre and radii, in figure units."""

    cx: float
    cy: float
    rx: float
    ry: float


def draw_head(pen: Pen, head: Head, skin: str, hair: str, style: str, emotion: str) -> None:
    """Back hair, ears, head, front hair and the face for `emotion`, in that order."""
    skin_c, hair_c = SKIN[skin], HAIR[hair]
    h = head
    if style == "long":
        pen.box(
            h.cx - h.rx * 1.12,
            h.cy - h.ry * 0.2,
            h.cx + h.rx * 1.12,
            h.cy + h.ry * 1.5,
            hair_c,
            radius=h.rx * 0.5,
        )
    if style == "bun":
        pen.oval(h.cx, h.cy - h.ry * 0.95, h.rx * 0.42, h.ry * 0.34, hair_c)
    for side in (-1, 1):
        pen.oval(h.cx + side * h.rx * 0.98, h.cy + h.ry * 0.12, h.rx * 0.2, h.ry * 0.22, skin_c)
    if style == "curly":
        for i in range(9):
            a = math.pi * (0.95 + 1.1 * i / 8)
            pen.oval(
                h.cx + math.cos(a) * h.rx * 0.98,
                h.cy + math.sin(a) * h.ry * 0.9,
                h.rx * 0.34,
                h.ry * 0.3,
                hair_c,
            )
    pen.oval(h.cx, h.cy, h.rx, h.ry, skin_c)
    _front_hair(pen, h, hair_c, style)
    draw_face(pen, h, skin_c, emotion)


def _front_hair(pen: Pen, h: Head, colour: Colour, style: str) -> None:
    """Hair over the top of the head. Bald heads get a little grey at the temples instead."""
    if style == "bald":
        for side in (-1, 1):
            pen.box(
                h.cx + side * h.rx * 0.92,
                h.cy - h.ry * 0.25,
                h.cx + side * h.rx * 1.04,
                h.cy + h.ry * 0.15,
                colour,
                radius=h.rx * 0.1,
                outline=False,
            )
        return
    depth = {"cropped": 0.42, "short": 0.5, "long": 0.45, "bun": 0.42, "curly": 0.52}[style]
    top = h.cy - h.ry * 1.06
    fringe = h.cy - h.ry * (1 - depth * 1.1)
    # Over the crown, down to sideburns at the temples, then a hairline that swoops across
    # the forehead: a curved hairline reads as hair, a straight one as a hat.
    pts = []
    for i in range(25):
        a = math.pi + math.pi * i / 24
        pts.append((h.cx + math.cos(a) * h.rx * 1.05, h.cy + math.sin(a) * (h.cy - top)))
    pts += [
        (h.cx + h.rx * 1.04, h.cy + h.ry * 0.12),
        (h.cx + h.rx * 0.84, h.cy + h.ry * 0.1),
        (h.cx + h.rx * 0.78, h.cy - h.ry * 0.3),
        (h.cx + h.rx * 0.35, fringe),
        (h.cx - h.rx * 0.3, fringe + h.ry * 0.1),
        (h.cx - h.rx * 0.78, h.cy - h.ry * 0.22),
        (h.cx - h.rx * 0.84, h.cy + h.ry * 0.1),
        (h.cx - h.rx * 1.04, h.cy + h.ry * 0.12),
    ]
    pen.poly(pts, colour)


def draw_face(pen: Pen, h: Head, skin: Colour, emotion: str) -> None:
    """Brows, eyes, mouth and the emotion's small cue."""
    eye_y, eye_dx = h.cy + h.ry * 0.05, h.rx * 0.4
    brow_y = eye_y - h.ry * 0.32
    mouth_y = h.cy + h.ry * 0.5
    w = h.rx * 0.13  # feature line weight
    face = _FACES[emotion]
    face(pen, h, skin, eye_y, eye_dx, brow_y, mouth_y, w)


def _brows(
    pen: Pen, h: Head, eye_dx: float, brow_y: float, w: float, inner: float, outer: float
) -> None:
    """Two brows; `inner`/`outer` raise (negative) or lower (positive) each end."""
    for side in (-1, 1):
        x_in, x_out = h.cx + side * eye_dx * 0.45, h.cx + side * eye_dx * 1.45
        pen.stroke([(x_in, brow_y + inner), (x_out, brow_y + outer)], w * 1.1, _EYE)


def _dot_eyes(
    pen: Pen,
    h: Head,
    eye_y: float,
    eye_dx: float,
    size: float = 1.0,
    look: tuple[float, float] = (0, 0),
) -> None:
    """Eyes with whites, so they read on every skin tone; `look` moves the pupils."""
    for side in (-1, 1):
        x = h.cx + side * eye_dx
        pen.oval(x, eye_y, h.rx * 0.19 * size, h.ry * 0.17 * size, _WHITE)
        px, py = x + look[0], eye_y + look[1]
        pen.oval(px, py, h.rx * 0.1 * size, h.ry * 0.1 * size, _EYE, outline=False)
        pen.oval(
            px + h.rx * 0.03, py - h.ry * 0.03, h.rx * 0.03, h.rx * 0.03, _WHITE, outline=False
        )


def _arc_eyes(pen: Pen, h: Head, eye_y: float, eye_dx: float, w: float, up: bool) -> None:
    """Closed eyes: smiling arcs (up) or the soft closed lids of relief (down)."""
    start, stop = (0.15 * math.pi, 0.85 * math.pi) if up else (1.15 * math.pi, 1.85 * math.pi)
    for side in (-1, 1):
        pen.arc(
            h.cx + side * eye_dx,
            eye_y + (h.ry * 0.08 if up else -h.ry * 0.1),
            h.rx * 0.17,
            h.ry * 0.14,
            start,
            stop,
            w,
            _EYE,
        )


def _drop(pen: Pen, x: float, y: float, r: float) -> None:
    """A tear or a bead of sweat: a round drop with a point on top."""
    pen.poly([(x, y - r * 2.2), (x - r * 0.8, y - r * 0.4), (x + r * 0.8, y - r * 0.4)], _TEAR)
    pen.oval(x, y, r, r, _TEAR)
    pen.poly(
        [(x, y - r * 2.0), (x - r * 0.7, y - r * 0.4), (x + r * 0.7, y - r * 0.4)],
        _TEAR,
        outline=False,
    )


def _cheeks(pen: Pen, h: Head, colour: Colour) -> None:
    for side in (-1, 1):
        pen.oval(
            h.cx + side * h.rx * 0.6,
            h.cy + h.ry * 0.32,
            h.rx * 0.17,
            h.ry * 0.09,
            colour,
            outline=False,
        )


def _neutral(pen, h, skin, eye_y, eye_dx, brow_y, mouth_y, w):
    _brows(pen, h, eye_dx, brow_y, w, 0, 0)
    _dot_eyes(pen, h, eye_y, eye_dx)
    pen.stroke([(h.cx - h.rx * 0.22, mouth_y), (h.cx + h.rx * 0.22, mouth_y)], w, _MOUTH)


def _anxious(pen, h, skin, eye_y, eye_dx, brow_y, mouth_y, w):
    _brows(pen, h, eye_dx, brow_y - h.ry * 0.06, w, -h.ry * 0.1, h.ry * 0.04)
    for side in (-1, 1):  # wide eyes: whites showing all round
        x = h.cx + side * eye_dx
        pen.oval(x, eye_y, h.rx * 0.16, h.ry * 0.16, _WHITE)
        pen.oval(x, eye_y, h.rx * 0.07, h.ry * 0.07, _EYE, outline=False)
    wave = [
        (h.cx + h.rx * (0.12 * i - 0.3), mouth_y + (h.ry * 0.04 if i % 2 else -h.ry * 0.04))
        for i in range(6)
    ]
    pen.stroke(wave, w * 0.9, _MOUTH)
    _drop(pen, h.cx + h.rx * 0.82, h.cy - h.ry * 0.4, h.rx * 0.16)


def _angry(pen, h, skin, eye_y, eye_dx, brow_y, mouth_y, w):
    _cheeks(pen, h, _FLUSH)
    for side in (-1, 1):  # narrowed eyes: lids cut straight across the top
        x = h.cx + side * eye_dx
        pen.oval(x, eye_y + h.ry * 0.03, h.rx * 0.12, h.ry * 0.1, _EYE, outline=False)
        pen.box(
            x - h.rx * 0.16,
            eye_y - h.ry * 0.12,
            x + h.rx * 0.16,
            eye_y - h.ry * 0.01,
            skin,
            outline=False,
        )
    _brows(pen, h, eye_dx, brow_y + h.ry * 0.05, w * 1.3, h.ry * 0.12, -h.ry * 0.1)
    # Gritted teeth: a white bar with the mouth's outline and a line between the teeth.
    pen.box(
        h.cx - h.rx * 0.3,
        mouth_y - h.ry * 0.07,
        h.cx + h.rx * 0.3,
        mouth_y + h.ry * 0.09,
        _WHITE,
        radius=h.rx * 0.06,
    )
    pen.stroke(
        [(h.cx - h.rx * 0.28, mouth_y + h.ry * 0.01), (h.cx + h.rx * 0.28, mouth_y + h.ry * 0.01)],
        w * 0.5,
        _MOUTH,
    )


def _upset(pen, h, skin, eye_y, eye_dx, brow_y, mouth_y, w):
    _brows(pen, h, eye_dx, brow_y, w, -h.ry * 0.12, h.ry * 0.06)
    _dot_eyes(pen, h, eye_y + h.ry * 0.05, eye_dx, size=0.9)
    for side in (-1, 1):  # heavy lids: looking down
        x = h.cx + side * eye_dx
        pen.box(
            x - h.rx * 0.14,
            eye_y - h.ry * 0.12,
            x + h.rx * 0.14,
            eye_y + h.ry * 0.02,
            skin,
            outline=False,
        )
        pen.stroke(
            [(x - h.rx * 0.13, eye_y + h.ry * 0.02), (x + h.rx * 0.13, eye_y + h.ry * 0.02)],
            w * 0.7,
            _EYE,
        )
    pen.arc(
        h.cx,
        mouth_y + h.ry * 0.14,
        h.rx * 0.26,
        h.ry * 0.14,
        0.15 * math.pi,
        0.85 * math.pi,
        w,
        _MOUTH,
    )
    _drop(pen, h.cx - eye_dx - h.rx * 0.08, eye_y + h.ry * 0.32, h.rx * 0.11)


def _relieved(pen, h, skin, eye_y, eye_dx, brow_y, mouth_y, w):
    _brows(pen, h, eye_dx, brow_y - h.ry * 0.06, w, -h.ry * 0.05, h.ry * 0.03)
    _arc_eyes(pen, h, eye_y, eye_dx, w, up=False)
    pen.arc(
        h.cx,
        mouth_y - h.ry * 0.06,
        h.rx * 0.24,
        h.ry * 0.12,
        1.15 * math.pi,
        1.85 * math.pi,
        w,
        _MOUTH,
    )


def _happy(pen, h, skin, eye_y, eye_dx, brow_y, mouth_y, w):
    _cheeks(pen, h, _ROSY)
    _brows(pen, h, eye_dx, brow_y - h.ry * 0.1, w, 0, h.ry * 0.02)
    _arc_eyes(pen, h, eye_y, eye_dx, w, up=True)
    # An open smile: the lower half of an oval, dark, with a tongue.
    top = mouth_y - h.ry * 0.1
    pts = [
        (h.cx + math.cos(a) * h.rx * 0.36, top + math.sin(a) * h.ry * 0.3)
        for a in (math.pi * i / 16 for i in range(17))
    ]
    pen.poly(pts, _MOUTH)
    pen.oval(h.cx, top + h.ry * 0.2, h.rx * 0.16, h.ry * 0.07, (226, 110, 110), outline=False)


def _thoughtful(pen, h, skin, eye_y, eye_dx, brow_y, mouth_y, w):
    left, right = h.cx - eye_dx, h.cx + eye_dx
    pen.stroke([(left - eye_dx * 0.45, brow_y), (left + eye_dx * 0.45, brow_y)], w * 1.1, _EYE)
    pen.arc(
        right,
        brow_y + h.ry * 0.02,
        eye_dx * 0.5,
        h.ry * 0.12,
        0.1 * math.pi,
        0.9 * math.pi,
        w * 1.1,
        _EYE,
    )
    _dot_eyes(pen, h, eye_y, eye_dx, look=(h.rx * 0.07, -h.ry * 0.06))
    pen.stroke(
        [(h.cx + h.rx * 0.02, mouth_y), (h.cx + h.rx * 0.3, mouth_y - h.ry * 0.04)], w, _MOUTH
    )


_FACES = {
    "neutral": _neutral,
    "anxious": _anxious,
    "angry": _angry,
    "upset": _upset,
    "relieved": _relieved,
    "happy": _happy,
    "thoughtful": _thoughtful,
}
