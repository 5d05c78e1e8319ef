"""Every colour the stage uses, as named palettes in one place.

Drawing code never writes a colour literal: it asks the `Theme` it was given. That keeps the
three palettes honest (a new widget cannot forget the high-contrast one) and lets a facilitator
switch palettes mid-session without anything else changing.

Usage::

    theme = make_theme(high_contrast=False, colour_blind_safe=False)
    surface.fill(theme.stage_bg)

- `default`: light text on a dark stage, dark text on light panels; saturated enough to
  survive a washed-out projector.
- `colour_blind_safe`: the same shapes with Okabe-Ito hues (distinguishable with the common
  forms of colour blindness).
- `high_contrast`: pure black, white and yellow; the backdrop is washed down hard so that
  faces, bubbles and words stand out. Buttons are black with a white edge and white words;
  the focused one turns yellow with black words (and keeps its ring), so from the back of a
  room the live button is the only yellow one.

No palette carries meaning by colour alone: widgets add words, numbers, icons and hatching.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    """A palette. Field names say what a colour is for, never what hue it is."""

    name: str
    stage_bg: Colour  # behind everything, and the UI screens' background
    text: Colour  # text straight on the dark stage
    text_muted: Colour  # secondary text on the dark stage
    panel: Colour  # speech bubbles, cards, labels: light panels
    panel_text: Colour  # text on panels
    panel_muted: Colour  # stage directions and secondary text on panels
    thought: Colour  # thought-cloud fill: related to panel, but visibly different
    outline: Colour  # one outline colour for figures, bubbles, cards: the illustration's ink
    accent: Colour  # speaker highlight, focus ring, number badges
    accent_text: Colour  # text on the accent colour
    locked: Colour  # a locked option card's fill
    locked_text: Colour  # text on a locked card
    button: Colour
    button_text: Colour
    good: Colour  # chart: this run's bar when it is at or above zero
    bad: Colour  # chart: this run's bar when it is below zero
    best: Colour  # chart: the best-possible marker
    track: Colour  # chart: the worst..best range
    spotlight: Colour  # the warm light on the speaker
    freeze: Colour  # the FREEZE word and frame
    dim_alpha: int  # how far a freeze dims the stage (0..255)
    backdrop_wash: int  # how far the backdrop is washed towards stage_bg (0..255)
    emotion: dict[str, Colour] = field(default_factory=dict)  # small cue beside the word
    #: The button the keyboard is on, and its words, when a ring alone is not enough to
    #: tell it from the back of a room (high contrast); None: as the other buttons.
    button_focus: Colour | None = None
    button_focus_text: Colour | None = None
    button_edge: Colour | None = None  # a button's outline where ink would vanish (on black)


_DEFAULT = Theme(
    name="default",
    stage_bg=(22, 24, 33),
    text=(247, 244, 236),
    text_muted=(196, 196, 208),
    panel=(252, 249, 241),
    panel_text=(18, 18, 26),
    panel_muted=(74, 74, 92),
    thought=(226, 232, 250),
    outline=(34, 30, 40),
    accent=(255, 190, 40),
    accent_text=(18, 18, 26),
    locked=(150, 150, 158),
    locked_text=(38, 38, 46),
    button=(60, 92, 150),
    button_text=(255, 255, 255),
    good=(46, 160, 100),
    bad=(214, 70, 60),
    best=(90, 150, 235),
    track=(92, 96, 112),
    spotlight=(255, 238, 196),
    freeze=(255, 255, 255),
    dim_alpha=150,
    backdrop_wash=36,
    emotion={
        "neutral": (160, 164, 176),
        "anxious": (170, 120, 220),
        "angry": (226, 70, 60),
        "upset": (80, 130, 220),
        "relieved": (70, 190, 170),
        "happy": (250, 200, 60),
        "thoughtful": (140, 150, 230),
    },
)

# Okabe-Ito: orange E69F00, sky blue 56B4E9, bluish green 009E73, yellow F0E442,
# blue 0072B2, vermillion D55E00, reddish purple CC79A7.
_COLOUR_BLIND_SAFE = replace(
    _DEFAULT,
    name="colour_blind_safe",
    accent=(230, 159, 0),
    button=(0, 114, 178),
    good=(0, 158, 115),
    bad=(213, 94, 0),
    best=(86, 180, 233),
    emotion={
        "neutral": (170, 170, 170),
        "anxious": (204, 121, 167),
        "angry": (213, 94, 0),
        "upset": (0, 114, 178),
        "relieved": (0, 158, 115),
        "happy": (240, 228, 66),
        "thoughtful": (86, 180, 233),
    },
)

_BLACK, _WHITE, _YELLOW = (0, 0, 0), (255, 255, 255), (255, 255, 0)

_HIGH_CONTRAST = Theme(
    name="high_contrast",
    stage_bg=_BLACK,
    text=_WHITE,
    text_muted=_WHITE,
    panel=_WHITE,
    panel_text=_BLACK,
    panel_muted=_BLACK,
    thought=_YELLOW,
    outline=_BLACK,
    accent=_YELLOW,
    accent_text=_BLACK,
    locked=(90, 90, 90),
    locked_text=_WHITE,
    button=_BLACK,
    button_text=_WHITE,
    button_focus=_YELLOW,
    button_focus_text=_BLACK,
    button_edge=_WHITE,
    good=_WHITE,
    bad=_YELLOW,
    best=_WHITE,
    track=(70, 70, 70),
    spotlight=_WHITE,
    freeze=_YELLOW,
    dim_alpha=200,
    backdrop_wash=150,
    emotion=dict.fromkeys(_DEFAULT.emotion, _WHITE),
)

PALETTES: dict[str, Theme] = {t.name: t for t in (_DEFAULT, _COLOUR_BLIND_SAFE, _HIGH_CONTRAST)}


def make_theme(high_contrast: bool = False, colour_blind_safe: bool = False) -> Theme:
    """The palette for the user's settings. High contrast wins: it is colour-blind safe too."""
    if high_contrast:
        return _HIGH_CONTRAST
    if colour_blind_safe:
        return _COLOUR_BLIND_SAFE
    return _DEFAULT
