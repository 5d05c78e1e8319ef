"""The six sets, as props placed in per cent of the stage (x of width, y of height).

Props stay on the back wall and the back of the floor (above `HORIZON`, and away from the
middle of the floor where the cast stands), in muted colours: the set says where we are,
the actors carry the scene.
"""

from __future__ import annotations

from .pen import Colour, Pen, mix, shade

HORIZON = 64.0  # where the back wall meets the floor
_VANISH = (50.0, 40.0)  # one-point perspective, for floors and the corridor
_SKY = (170, 200, 220)
_WOOD = (150, 112, 80)
_METAL = (150, 156, 162)
_PAPER = (236, 232, 220)
_GREEN = (96, 140, 92)


def _room(pen: Pen, wall: Colour, floor: Colour, boards: bool = True) -> None:
    """Back wall, floor with perspective lines, skirting board and a ceiling shadow."""
    pen.box(0, 0, 100, HORIZON, wall, outline=False)
    pen.box(0, 0, 100, 4, shade(wall, 0.85), outline=False)
    pen.box(0, HORIZON, 100, 100, floor, outline=False)
    line = shade(floor, 0.88)
    if boards:
        for i in range(-6, 17):
            pen.stroke(
                [(_VANISH[0] + (i * 10 - 50) * 0.22, HORIZON), (i * 10 - 5, 100)], 0.12, line
            )
    for y in (70, 78, 89):
        pen.stroke([(0, y), (100, y)], 0.1, line)
    pen.box(0, HORIZON - 1.6, 100, HORIZON + 0.4, shade(wall, 0.7), outline=False)


def _window(pen: Pen, x0: float, y0: float, x1: float, y1: float, blinds: bool = False) -> None:
    frame = (226, 226, 222)
    pen.box(x0, y0, x1, y1, frame, radius=0.3)
    pen.box(x0 + 0.8, y0 + 1.4, x1 - 0.8, y1 - 1.4, _SKY, outline=False)
    pen.oval(x0 + (x1 - x0) * 0.7, y0 + (y1 - y0) * 0.35, 3, 2.6, (236, 240, 244), outline=False)
    pen.stroke([((x0 + x1) / 2, y0 + 1.4), ((x0 + x1) / 2, y1 - 1.4)], 0.5, frame)
    if blinds:
        for k in range(int((y1 - y0) / 3)):
            y = y0 + 2 + k * 3
            pen.stroke([(x0 + 0.8, y), (x1 - 0.8, y)], 0.25, shade(frame, 0.92))


def _clock(pen: Pen, x: float, y: float) -> None:
    pen.oval(x, y, 2.2, 3.9, _PAPER)
    pen.stroke([(x, y), (x, y - 2.4)], 0.25, (40, 40, 40))
    pen.stroke([(x, y), (x + 1.2, y + 0.4)], 0.25, (40, 40, 40))


def _plant(pen: Pen, x: float, y: float) -> None:
    """A pot plant standing on the floor line at (x, y)."""
    for dx, dy in ((-2, -7), (2, -8), (0, -11), (-3.5, -4), (3.5, -5)):
        pen.oval(x + dx, y - 6 + dy * 0.6, 2.4, 4.2, _GREEN)
    pen.box(x - 2.6, y - 6, x + 2.6, y, (170, 96, 70), radius=0.6)


def _table(pen: Pen, x0: float, x1: float, top: float, colour: Colour) -> None:
    pen.box(x0, top, x1, top + 2, colour, radius=0.4)
    for x in (x0 + 1.5, x1 - 2.5):
        pen.box(x, top + 2, x + 1, HORIZON + 2, shade(colour, 0.75), outline=False)


def bare_stage(pen: Pen) -> None:
    """For an unknown backdrop: an empty stage with a curtain, so the scene still plays."""
    _room(pen, (74, 60, 70), (96, 76, 62))
    for x0, x1 in ((0, 10), (90, 100)):
        pen.box(x0, 0, x1, HORIZON + 6, (130, 40, 50), outline=False)


def office(pen: Pen) -> None:
    _room(pen, (200, 190, 170), (150, 120, 96))
    _window(pen, 6, 12, 28, 50, blinds=True)
    _clock(pen, 50, 14)
    pen.box(34, 20, 44, 32, (240, 236, 222))  # a framed certificate
    pen.box(35.5, 22.5, 42.5, 29.5, (226, 216, 190), outline=False)
    # Bookcase, right.
    pen.box(74, 18, 94, HORIZON, _WOOD, radius=0.4)
    for k, y in enumerate((21, 32, 43, 54)):
        x = 75.5
        for j in range(6):
            w = 1.6 + ((j + k) % 3) * 0.5
            colour = ((150, 60, 60), (60, 90, 140), (200, 170, 90), (80, 120, 90))[(j + k) % 4]
            pen.box(x, y + (j % 2), x + w, y + 9, colour, outline=False)
            x += w + 0.5
        pen.box(74.8, y + 9, 93.2, y + 10, shade(_WOOD, 0.7), outline=False)
    # Desk with a monitor, against the wall.
    _table(pen, 36, 64, 52, _WOOD)
    pen.box(46, 40, 56, 49, (50, 54, 62), radius=0.4)
    pen.box(47, 41.5, 55, 47.5, (120, 160, 190), outline=False)
    pen.box(50.5, 49, 51.5, 52, (50, 54, 62), outline=False)
    _plant(pen, 68, HORIZON)


def meeting_room(pen: Pen) -> None:
    _room(pen, (172, 182, 192), (112, 118, 132), boards=False)
    pen.box(26, 10, 74, 42, (246, 248, 248), radius=0.5)  # whiteboard
    for k, (x, w, c) in enumerate(
        (
            (30, 22, (40, 90, 170)),
            (30, 15, (40, 90, 170)),
            (30, 18, (180, 60, 60)),
            (56, 13, (60, 130, 80)),
        )
    ):
        pen.stroke([(x, 16 + k * 5), (x + w, 16 + k * 5)], 0.5, c)
    pen.box(46, 42, 54, 43.5, (150, 150, 150), outline=False)
    _window(pen, 80, 12, 96, 54)
    # A long table with chair backs behind it, and a water jug.
    for x in (16, 28, 40, 52, 64, 76):
        pen.box(x, 46, x + 7, 56, (70, 86, 120), radius=1.2)
    _table(pen, 12, 88, 54, (196, 186, 166))
    pen.box(47, 47.5, 50, 54, (200, 226, 240), radius=0.5)
    for x in (55, 58):
        pen.box(x, 50, x + 1.6, 54, (220, 236, 244), radius=0.3)


def ward(pen: Pen) -> None:
    _room(pen, (198, 222, 216), (170, 184, 190), boards=False)
    pen.stroke([(2, 8), (40, 8)], 0.6, _METAL)  # curtain rail and a drawn-back curtain
    for k in range(5):
        pen.box(
            3 + k * 3,
            8,
            6.5 + k * 3,
            HORIZON - 6,
            (120, 160, 196) if k % 2 else (140, 178, 210),
            radius=0.6,
        )
    pen.box(44, 18, 56, 26, (40, 110, 190), radius=0.5)  # hand-hygiene sign
    pen.oval(47, 22, 1.6, 2.4, _PAPER, outline=False)
    pen.box(49.5, 20.5, 54.5, 23.5, _PAPER, outline=False)
    # A hospital bed on the right, side on: frame on castors, mattress, pillow, blanket.
    frame = (196, 200, 208)
    pen.box(66, 36, 68.5, HORIZON - 1, frame, radius=0.6)  # head end
    pen.box(95.5, 42, 98, HORIZON - 1, frame, radius=0.6)  # foot end
    pen.box(67, 51, 97, 53.5, frame, radius=0.4)  # side rail of the frame
    pen.box(68, 46, 96, 51, (236, 238, 240), radius=1)  # mattress
    pen.box(69, 42.5, 77, 46.5, _PAPER, radius=1.4)  # pillow
    pen.box(75, 45, 96, 51.5, (110, 150, 190), radius=0.8)  # blanket
    pen.stroke([(75, 47.5), (96, 47.5)], 0.25, (90, 130, 170))
    for x in (69, 93):
        pen.box(x, 53.5, x + 1, HORIZON - 1.5, _METAL, outline=False)
        pen.oval(x + 0.5, HORIZON - 1, 1.1, 1.6, (60, 60, 66), outline=False)
    # Patient monitor on a stand.
    pen.box(58, 24, 64, 32, (50, 56, 64), radius=0.5)
    pen.stroke(
        [(58.6, 28.5), (60, 28.5), (60.6, 26), (61.4, 30.5), (62, 28.5), (63.4, 28.5)],
        0.22,
        (90, 220, 130),
    )
    pen.box(60.6, 32, 61.4, HORIZON + 1, _METAL, outline=False)


def workshop(pen: Pen) -> None:
    brick = (150, 108, 88)
    _room(pen, brick, (128, 128, 124), boards=False)
    mortar = mix(brick, (200, 190, 180), 0.35)
    for row in range(14):
        y = 5 + row * 4.2
        pen.stroke([(0, y), (100, y)], 0.12, mortar)
        for k in range(14):
            x = k * 8 + (4 if row % 2 else 0)
            pen.stroke([(x, y), (x, y + 4.2)], 0.08, mortar)
    for x in (18, 62):  # strip lights
        pen.box(x, 4, x + 20, 5.4, (236, 240, 230), radius=0.5)
    pen.box(8, 16, 42, 46, (176, 150, 110), radius=0.4)  # pegboard with tools
    tool = (70, 76, 84)
    pen.box(12, 20, 13.2, 32, _WOOD, outline=False)
    pen.box(10, 19, 15.4, 22, tool, radius=0.4)  # hammer
    pen.stroke([(20, 20), (20, 34)], 0.9, tool)  # spanner
    pen.oval(20, 20, 1.6, 2.2, tool, outline=False)
    pen.poly([(26, 20), (36, 20), (36, 28), (26, 32)], (190, 196, 200))  # saw
    pen.box(24, 19.5, 27, 26, (160, 60, 50), radius=0.5)
    pen.box(10, 37, 40, 43, (60, 64, 72), radius=0.4)  # a row of drawers
    # Workbench and shelves of boxes.
    _table(pen, 6, 46, 52, (120, 92, 66))
    pen.box(12, 47, 22, 52, (196, 60, 50), radius=0.5)  # toolbox
    for y in (24, 38, 52):
        pen.box(64, y, 94, y + 1, _METAL, outline=False)
        for k in range(3):
            pen.box(65 + k * 10, y - 7, 73 + k * 10, y, (186, 150, 100), radius=0.3)
    pen.box(64, 24, 65, HORIZON, _METAL, outline=False)
    pen.box(93, 24, 94, HORIZON, _METAL, outline=False)
    pen.box(52, 20, 58, 36, (220, 232, 70), radius=1.2)  # hi-vis on a hook
    pen.box(52, 30, 58, 31.5, (200, 200, 200), outline=False)
    for k in range(10):  # hazard stripe along the wall foot
        pen.poly(
            [
                (k * 10, HORIZON),
                (k * 10 + 5, HORIZON),
                (k * 10 + 7, HORIZON - 1.6),
                (k * 10 + 2, HORIZON - 1.6),
            ],
            (220, 190, 50),
            outline=False,
        )


def corridor(pen: Pen) -> None:
    wall, floor = (206, 210, 196), (160, 170, 176)
    vx, vy = _VANISH
    far = (38.0, 24.0, 62.0, 52.0)  # the far end of the corridor
    pen.box(0, 0, 100, 100, shade(wall, 0.9), outline=False)
    pen.poly([(0, 100), (far[0], far[3]), (far[2], far[3]), (100, 100)], floor, outline=False)
    pen.poly(
        [(0, 0), (far[0], far[1]), (far[2], far[1]), (100, 0)], shade(wall, 0.8), outline=False
    )
    pen.poly([(0, 0), (far[0], far[1]), (far[0], far[3]), (0, 100)], wall, outline=False)
    pen.poly([(100, 0), (far[2], far[1]), (far[2], far[3]), (100, 100)], wall, outline=False)
    pen.box(*far, (186, 192, 184), outline=False)
    pen.box(45, 30, 55, 52, (120, 140, 170), radius=0.3)  # double doors at the end
    pen.stroke([(50, 30), (50, 52)], 0.3, shade((120, 140, 170), 0.7))
    for x in (46.5, 51.5):
        pen.box(x, 33, x + 2, 38, _SKY, outline=False)
    # Doors on each side wall, in perspective, and a handrail.
    for side in (-1, 1):
        for t0, t1 in ((0.15, 0.3), (0.5, 0.6)):
            xa = vx + (side * 50) * (1 - t0)
            xb = vx + (side * 50) * (1 - t1)
            top_a, top_b = 16 + (vy - 16) * t0 * 0.5, 16 + (vy - 16) * t1 * 0.5
            bot_a = 100 - (100 - far[3]) * t0 - 10 * (1 - t0)
            bot_b = 100 - (100 - far[3]) * t1 - 10 * (1 - t1)
            pen.poly([(xa, top_a), (xb, top_b), (xb, bot_b), (xa, bot_a)], (150, 120, 100))
        rail = [(vx + side * 50, 58), (vx + side * (far[2] - vx), 47)]
        pen.stroke(rail, 0.6, (120, 150, 180))
    for t in (0.0, 0.35, 0.6, 0.8):  # ceiling lights, receding
        y = far[1] * t
        half = 12 * (1 - t) + 4
        pen.box(
            vx - half, y + 2, vx + half, y + 3.2 - t, (246, 246, 236), radius=0.4, outline=False
        )


def staff_room(pen: Pen) -> None:
    _room(pen, (216, 198, 160), (140, 110, 86))
    _clock(pen, 48, 14)
    pen.box(8, 14, 34, 40, (186, 140, 96), radius=0.5)  # noticeboard
    notes = (
        (10, 17, (246, 230, 120)),
        (17, 16, _PAPER),
        (25, 18, (240, 170, 170)),
        (11, 27, (170, 210, 240)),
        (20, 28, (246, 230, 120)),
        (27, 29, _PAPER),
    )
    for x, y, c in notes:
        pen.box(x, y, x + 6, y + 8, c, outline=False)
        pen.oval(x + 3, y + 0.8, 0.5, 0.8, (200, 50, 50), outline=False)
    # Kitchenette on the right: wall cupboards, counter, kettle, mugs, a fridge.
    pen.box(58, 10, 88, 26, (236, 234, 224), radius=0.4)
    pen.stroke([(73, 10), (73, 26)], 0.3, (190, 190, 180))
    pen.box(58, 48, 88, HORIZON, (236, 234, 224), radius=0.3)
    pen.box(57, 46, 89, 48.5, (120, 110, 100), radius=0.3)
    pen.box(62, 39, 67, 46, (200, 60, 60), radius=1.2)  # kettle
    for x in (72, 76, 80):
        pen.box(x, 42, x + 2.6, 46, (240, 240, 240) if x != 76 else (90, 130, 180), radius=0.5)
    pen.box(90, 14, 99, HORIZON, (230, 232, 234), radius=0.8)
    pen.stroke([(91.5, 24), (91.5, 32)], 0.5, _METAL)
    # A sofa against the left wall.
    sofa = (110, 130, 120)
    pen.box(6, 46, 36, 58, sofa, radius=1.6)
    pen.box(4, 52, 38, HORIZON + 1, shade(sofa, 0.85), radius=1.4)
    for x in (4, 35):
        pen.box(x, 49, x + 3, HORIZON + 1, shade(sofa, 0.75), radius=1.2)
