"""Speech bubbles and thought clouds, with text revealed at a reading pace.

A speech bubble is a rounded panel with a pointed tail down to the speaker's head, the
speaker's name on a tab, the stage direction as an italic line, and the words. A thought
(hot-seating) is a cloud with a trail of small circles instead of a tail, a different fill
and "<name> thinks" on its tab: distinct by shape and by words, not only by colour.

The caller drives the reveal: `shown_chars` is how many characters of `text` have been
"spoken" so far (the screens helper advances it with time; pass `len(text)` or more for all).
Words appear whole, so a word never jumps from one line to the next as it is typed, and the
font size is chosen for the whole text, so the bubble never changes as it fills.

Usage::

    tail = speaker_anchor(lay, view.actors)            # from game.ui.art.stage, or None
    draw_speech_bubble(surface, lay.bubble_rect, "Jo", line.says, shown, line.direction,
                       tail=tail, theme=theme, layout=lay, text=text)
    draw_thought_bubble(surface, lay.bubble_rect, "Jo", thought.text, len(thought.text),
                        tail=tail, theme=theme, layout=lay, text=text)
"""

from __future__ import annotations

import pygame
from pygame import Rect

from .layout import Layout
from .text import TextRenderer
from .theme import Colour, Theme
from .widgets import draw_panel

_DIRECTION_SHARE = 0.34  # at most this much of the bubble for the stage direction


def revealed(text: str, shown_chars: int) -> str:
    """The first `shown_chars` characters of `text`, extended to the end of the word under way.

    Greedy word-wrap of whole words gives the same lines for a prefix as for the full text,
    so revealed text stays where it will end up.
    """
    if shown_chars >= len(text):
        return text
    if shown_chars <= 0:
        return ""
    end = shown_chars
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[:end]


def _tab(
    surface: pygame.Surface,
    rect: Rect,
    label: str,
    *,
    italic: bool,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
) -> int:
    """The name tab straddling the bubble's top-left edge; returns the tab's bottom y."""
    img, tab = _tab_place(rect, label, italic=italic, theme=theme, layout=layout, text=text)
    pygame.draw.rect(surface, theme.accent, tab, border_radius=layout.px(12))
    pygame.draw.rect(surface, theme.outline, tab, layout.outline, border_radius=layout.px(12))
    surface.blit(img, img.get_rect(center=tab.center))
    return tab.bottom


def _tab_place(
    rect: Rect, label: str, *, italic: bool, theme: Theme, layout: Layout, text: TextRenderer
) -> tuple[pygame.Surface, Rect]:
    """The tab's name and where the tab goes. Only a third of it stands above the edge, so
    that at large text scales it stays clear of the header band above the bubble."""
    img = text.render(label, layout.small_size, theme.accent_text, bold=True, italic=italic)
    tab = Rect(0, 0, img.get_width() + 2 * layout.px(18), img.get_height() + layout.px(6))
    # Never up into the header band: at large text the header's words reach its foot.
    tab.topleft = (rect.x + layout.radius, max(rect.y - tab.h // 3, layout.header_rect.bottom))
    return img, tab


def _below(inner: Rect, top: int) -> None:
    """Move the top of `inner` down to `top` (if it is above it), keeping its bottom."""
    if inner.y < top:
        inner.h -= top - inner.y
        inner.y = top


def _body_text(
    surface: pygame.Surface,
    inner: Rect,
    text_value: str,
    shown_chars: int,
    direction: str,
    ink: Colour,
    *,
    layout: Layout,
    text: TextRenderer,
) -> None:
    """Direction (italic, in brackets) above the words, the block centred vertically."""
    direction_img, size, y = _body_layout(
        inner, text_value, direction, ink, layout=layout, text=text
    )
    if direction_img:
        surface.blit(direction_img, (inner.x, y))
        y += direction_img.get_height() + layout.px(4)
    shown = revealed(text_value, shown_chars)
    if shown:
        whole = shown == text_value  # drawn again and again; a part-typed line only once
        surface.blit(text.render(shown, size, ink, width=inner.w, keep=whole), (inner.x, y))


def _body_layout(
    inner: Rect, text_value: str, direction: str, ink: Colour, *, layout: Layout, text: TextRenderer
) -> tuple[pygame.Surface | None, int, int]:
    """The direction's picture (or None), the size of the words, and the block's top.

    The direction is at the body size in the words' own ink: from the back of a room, small
    grey italics cannot be read, and "(quietly, not looking up)" matters to the scene. Sizes
    and position come from the full text, so nothing moves while the words appear.
    """
    direction_img = None
    if direction:
        direction_img = text.fit(
            f"({direction})",
            layout.body_size,
            ink,
            width=inner.w,
            height=round(inner.h * _DIRECTION_SHARE),
            italic=True,
            min_size=layout.floor_size,
        )
    used = direction_img.get_height() + layout.px(4) if direction_img else 0
    size = text.fit_size(
        text_value,
        layout.speech_size,
        width=inner.w,
        height=inner.h - used,
        min_size=max(layout.floor_size, round(layout.body_size * 0.55)),
    )
    full_h = text.measure(text_value, size, width=inner.w)[1] if text_value else 0
    return direction_img, size, inner.y + max(0, (inner.h - used - full_h) // 2)


def _speech_inner(rect: Rect, tab_bottom: int, layout: Layout) -> Rect:
    """Where a speech bubble's words go: inside its padding, below its name tab."""
    inner = rect.inflate(-2 * layout.padding, -2 * layout.padding)
    _below(inner, tab_bottom + layout.px(4))
    return inner


def warm_speech_bubble(
    rect: Rect,
    speaker_name: str,
    text_value: str,
    direction: str,
    shown_chars: int,
    *,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
) -> None:
    """Make now, into the text cache, what `draw_speech_bubble` will make for a line still
    to come, showing `shown_chars` of it: its name tab, its direction, the size of its words
    (trying sizes renders the whole line at each, up to a millisecond at 1080p) and the
    words shown. They would otherwise fall in the frame that brings the line on, the
    stage's busiest."""
    _img, tab = _tab_place(rect, speaker_name, italic=False, theme=theme, layout=layout, text=text)
    inner = _speech_inner(rect, tab.bottom, layout)
    ink = theme.panel_text
    _direction, size, _top = _body_layout(
        inner, text_value, direction, ink, layout=layout, text=text
    )
    shown = revealed(text_value, shown_chars)
    if shown:
        text.render(shown, size, ink, width=inner.w)


def draw_speech_bubble(
    surface: pygame.Surface,
    rect: Rect,
    speaker_name: str,
    text_value: str,
    shown_chars: int,
    direction: str = "",
    *,
    tail: tuple[int, int] | None = None,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
) -> None:
    """A speech bubble in `rect`; its tail points at `tail` (a point below the bubble)."""
    fill = theme.panel
    draw_panel(surface, rect, fill, theme=theme, layout=layout)
    if tail is not None and tail[1] > rect.bottom:
        half = layout.px(34)
        base_x = max(rect.x + layout.radius + half, min(rect.right - layout.radius - half, tail[0]))
        # The tail leans from its base towards the head, but stops short of touching it.
        tip = (tail[0], max(rect.bottom + layout.px(20), tail[1] - layout.px(10)))
        left, right = (
            (base_x - half, rect.bottom - layout.outline),
            (base_x + half, rect.bottom - layout.outline),
        )
        pygame.draw.polygon(surface, fill, [left, right, tip])
        pygame.draw.line(surface, theme.outline, left, tip, layout.outline)
        pygame.draw.line(surface, theme.outline, right, tip, layout.outline)
    tab_bottom = _tab(
        surface, rect, speaker_name, italic=False, theme=theme, layout=layout, text=text
    )
    _body_text(
        surface,
        _speech_inner(rect, tab_bottom, layout),
        text_value,
        shown_chars,
        direction,
        theme.panel_text,
        layout=layout,
        text=text,
    )


def _cloud_circles(rect: Rect, bump: int) -> list[tuple[tuple[int, int], int]]:
    """Circles along the edge of `rect` whose union with it reads as a cloud."""
    circles = []
    n_x = max(3, rect.w // (bump * 2))
    n_y = max(1, rect.h // (bump * 2))
    for i in range(n_x + 1):
        x = rect.x + rect.w * i / n_x
        r = bump * (1.0 if i % 2 else 0.8)
        circles += [((round(x), rect.y), round(r)), ((round(x), rect.bottom), round(r))]
    for j in range(1, n_y):
        y = rect.y + rect.h * j / n_y
        r = bump * (0.9 if j % 2 else 0.75)
        circles += [((rect.x, round(y)), round(r)), ((rect.right, round(y)), round(r))]
    return circles


def draw_thought_bubble(
    surface: pygame.Surface,
    rect: Rect,
    thinker_name: str,
    text_value: str,
    shown_chars: int,
    *,
    tail: tuple[int, int] | None = None,
    theme: Theme,
    layout: Layout,
    text: TextRenderer,
) -> None:
    """A thought cloud in `rect`, with a trail of shrinking circles towards `tail`."""
    bump = layout.px(30)
    body = rect.inflate(-2 * bump, -2 * bump)
    circles = _cloud_circles(body, bump)
    trail = []
    if tail is not None and tail[1] > body.bottom:
        # Shrinking circles from the cloud's lower edge down to just beside the head.
        points = (
            (tail[0] + 5 * bump, rect.bottom - bump // 8),
            (tail[0] + round(3.3 * bump), rect.bottom + bump // 2),
            (tail[0] + 2 * bump, tail[1] + bump),
        )
        trail = [(pos, max(3, round(bump * (0.6 - 0.17 * k)))) for k, pos in enumerate(points)]
    w = layout.outline
    for center, r in circles + trail:  # ink first, every shape a little larger ...
        pygame.draw.circle(surface, theme.outline, center, r + w)
    pygame.draw.rect(surface, theme.outline, body.inflate(2 * w, 2 * w))
    for center, r in circles + trail:  # ... then the fill, leaving one outline round the union
        pygame.draw.circle(surface, theme.thought, center, r)
    pygame.draw.rect(surface, theme.thought, body)
    tab_bottom = _tab(
        surface,
        Rect(body.x - bump // 2, body.y - bump // 2, body.w, body.h),
        f"{thinker_name} thinks",
        italic=True,
        theme=theme,
        layout=layout,
        text=text,
    )
    inner = body.inflate(-layout.padding, 0)
    _below(inner, tab_bottom + layout.px(4))
    _body_text(
        surface,
        inner,
        text_value,
        shown_chars,
        "",
        theme.panel_text,
        layout=layout,
        text=text,
    )
