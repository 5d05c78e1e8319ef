"""Where things go, as named proportions of the window.

Every rectangle and font size the stage uses comes from here, so one window size (a 1024x576
laptop window, a 1920x1080 projector, a 3840x2160 screen) gives one consistent picture and
drawing code holds no magic numbers.

Usage::

    lay = Layout(1920, 1080, text_scale=1.0)
    lay.body_size            # 40 px at 1080p and text_scale 1.0; >= 36 at 1080p always
    lay.safe_rect            # nothing important below it: projectors cut the bottom tenth off
    lay.bubble_rect, lay.cast_rect, lay.label_rect, lay.card_grid_rect, lay.prompt_rect
    lay.cast_slots(3)        # one Rect per actor: where each figure stands

The vertical bands of the stage, top to bottom (fractions of the height): header, speech
bubble, figures (whose feet stand on the floor line), name labels, then the bottom tenth,
which only the backdrop's floor uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from pygame import Rect

#: The window sizes the stage is designed and tested for.
MIN_SIZE = (1024, 576)
MAX_SIZE = (3840, 2160)
#: The user's text-size setting is clamped to this range.
TEXT_SCALE_RANGE = (0.8, 1.6)

_REFERENCE_HEIGHT = 1080
_BODY_AT_1080 = 40  # body text at 1080p, text_scale 1.0: readable from the back of a room
_MIN_READABLE = 14  # no text is ever drawn smaller, however small the window
#: The floor for projected text: no screen draws words smaller than this share of the window
#: height (24 px at 1080p), whatever the text-size setting, so the back of a room can read
#: everything on the screen. Body text is 40 px at 1080p, small text 32 px.
_FLOOR_AT_1080 = 24

# Vertical bands, as fractions of the window height.
_MARGIN = 0.03
_SAFE_BOTTOM = 0.9
_HEADER = (0.03, 0.095)
_BUBBLE = (0.105, 0.36)
_FIGURE_TOP = 0.37
_FLOOR = 0.795
_LABEL = (0.805, 0.895)
_PROMPT = (0.06, 0.19)
_CARDS = (0.21, 0.885)
_MAX_SHARE = 0.3  # of the stage width, per actor


@dataclass(frozen=True)
class Layout:
    """Rectangles and sizes for one window size and text scale. Cheap; make a new one on resize."""

    width: int
    height: int
    text_scale: float = 1.0

    def __post_init__(self) -> None:
        if self.width <= 0 or self.height <= 0:
            raise ValueError(f"window size must be positive, got {self.width}x{self.height}")
        low, high = TEXT_SCALE_RANGE
        object.__setattr__(self, "text_scale", min(high, max(low, float(self.text_scale))))

    # -- scale ---------------------------------------------------------------------------
    @property
    def size(self) -> tuple[int, int]:
        return (self.width, self.height)

    @property
    def unit(self) -> float:
        """One pixel at 1080p, in this window's pixels."""
        return self.height / _REFERENCE_HEIGHT

    def px(self, at_1080: float) -> int:
        """A length designed at 1080p, scaled to this window (at least 1 px)."""
        return max(1, round(at_1080 * self.unit))

    def _text(self, factor: float) -> int:
        return max(_MIN_READABLE, round(_BODY_AT_1080 * factor * self.unit * self.text_scale))

    @property
    def body_size(self) -> int:
        """Speech, options, menus."""
        return self._text(1.0)

    @property
    def speech_size(self) -> int:
        """Words in a speech or thought bubble: the main thing the room reads, so larger."""
        return self._text(1.2)

    @property
    def small_size(self) -> int:
        """Labels, roles, hints: still readable from the back at 1080p."""
        return self._text(0.8)

    @property
    def floor_size(self) -> int:
        """The smallest any words on screen may be (see `_FLOOR_AT_1080`): text that is
        shrunk to fit its box stops here."""
        return max(_MIN_READABLE, round(_FLOOR_AT_1080 * self.unit))

    @property
    def title_size(self) -> int:
        return self._text(1.5)

    @property
    def freeze_size(self) -> int:
        """The FREEZE word: part of the picture, so it scales with the window only."""
        return max(_MIN_READABLE, round(self.height * 0.12))

    @property
    def outline(self) -> int:
        """The illustration's one outline weight."""
        return self.px(4)

    @property
    def focus_width(self) -> int:
        return self.px(8)

    @property
    def radius(self) -> int:
        """Corner radius of panels, cards and buttons."""
        return self.px(22)

    @property
    def gap(self) -> int:
        return self.px(24)

    @property
    def padding(self) -> int:
        return self.px(28)

    # -- rectangles ----------------------------------------------------------------------
    def _band(self, top: float, bottom: float) -> Rect:
        safe = self.safe_rect
        return Rect(safe.x, round(top * self.height), safe.w, round((bottom - top) * self.height))

    @cached_property
    def screen_rect(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    @cached_property
    def safe_rect(self) -> Rect:
        """Where anything that matters may go: inside the margins, above the bottom tenth."""
        margin = round(_MARGIN * self.height)
        return Rect(
            margin, margin, self.width - 2 * margin, round(_SAFE_BOTTOM * self.height) - margin
        )

    @cached_property
    def header_rect(self) -> Rect:
        """Scene name and mode, top of the stage."""
        top, bottom = _HEADER
        # Larger text makes the strip taller (its words and the FREEZE button grow with the
        # setting), and everything below it starts that much lower.
        return self._band(top, top + (bottom - top) * max(1.0, self.text_scale))

    @property
    def _grown(self) -> float:
        """How much lower (as a share of the height) the bands under the header start,
        because larger text made the header taller."""
        return self.header_rect.bottom / self.height - _HEADER[1]

    @cached_property
    def bubble_rect(self) -> Rect:
        """The speech or thought bubble; its tail reaches down to the speaker's head."""
        band = self._band(_BUBBLE[0] + self._grown, _BUBBLE[1])
        return band.inflate(-round(band.w * 0.08), 0)

    @cached_property
    def cast_rect(self) -> Rect:
        """Where the figures stand: from the top of the tallest head to the floor line."""
        top, floor = round(_FIGURE_TOP * self.height), round(_FLOOR * self.height)
        return Rect(self.safe_rect.x, top, self.safe_rect.w, floor - top)

    @property
    def floor_y(self) -> int:
        return self.cast_rect.bottom

    @property
    def figure_height(self) -> int:
        return self.cast_rect.h

    @cached_property
    def label_rect(self) -> Rect:
        """The band of name labels under the figures."""
        return self._band(*_LABEL)

    @cached_property
    def prompt_rect(self) -> Rect:
        """The question above option cards ("What should the manager do instead?")."""
        return self._band(_PROMPT[0] + self._grown, _PROMPT[1] + self._grown)

    @cached_property
    def card_grid_rect(self) -> Rect:
        """Where 2-4 option cards go, and the freeze menu's items."""
        return self._band(_CARDS[0] + self._grown, _CARDS[1])

    @property
    def menu_rect(self) -> Rect:
        """A centred column for menus and the freeze choices."""
        grid = self.card_grid_rect
        return grid.inflate(-round(grid.w * 0.3), 0)

    def cast_slots(self, count: int) -> list[Rect]:
        """Where `count` figures stand, spread evenly across the stage, left to right.

        Each slot is as tall as the cast band; its width is the figure's and never more than
        an even share, so four actors still have room for their labels.
        """
        if count <= 0:
            return []
        stage = self.cast_rect
        share, left = self._shares(count)
        width = min(round(self.figure_height * 0.62), round(share * 0.92))
        return [
            Rect(round(left + share * (i + 0.5) - width / 2), stage.y, width, stage.h)
            for i in range(count)
        ]

    def _shares(self, count: int) -> tuple[float, float]:
        """Each actor's share of the stage width, and where the first share starts.

        Shares are capped so that two actors stand near each other, centre stage, as they
        would in a real scene, instead of at opposite walls.
        """
        stage = self.cast_rect
        share = min(stage.w / count, stage.w * _MAX_SHARE)
        return share, stage.centerx - share * count / 2

    def label_slots(self, count: int) -> list[Rect]:
        """The name label under each cast slot: wider than the figure, never overlapping."""
        if count <= 0:
            return []
        band = self.label_rect
        share, left = self._shares(count)
        width = round(share - self.gap)
        return [
            Rect(round(left + share * (i + 0.5) - width / 2), band.y, width, band.h)
            for i in range(count)
        ]
