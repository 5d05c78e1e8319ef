"""Option cards for a decision or a redirect: the question, then 2-4 large numbered cards.

Shared by the stage (decisions) and the freeze menu (redirects) so both read and behave the
same. The cards are the art helper's (`game.ui.cards`); this adds the question, the room's
show-of-hands count on each card (facilitator mode: "Hands: 5 of 12, most", with - and +
buttons for a mouse) and the hit rectangles the `Menu` needs for mouse and focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.i18n import N_, _
from game.story.views import OptionView, PointView

from ..cards import card_rects, draw_option_cards
from ..input import Action
from ..keymap import Act, key_name
from ..widgets import draw_panel
from . import draw
from .menu import Item, Menu

if TYPE_CHECKING:
    from ..app import App


def tally_keys() -> str:
    """The hint for counting hands, in the language in use and with the keys bound now."""
    return _("{plus}/{minus} (or click them on a card): count a show of hands").format(
        plus=key_name(Act.PLUS), minus=key_name(Act.MINUS)
    )


#: The extra card at every redirect and decision: the room's own words (its menu key).
OWN_KEY = "own"
OWN_WORDS = N_("Our own idea: type what the room says the manager should say")


def own_card() -> OptionView:
    """The own-idea card, in the language in use."""
    return OptionView(-1, _(OWN_WORDS), True, "")


def option_menu(point: PointView, own: bool = False) -> Menu:
    """A menu over the point's options; digits choose, arrows move between cards. `own`:
    a last card for the room's own words.

    No card is focused at first: a room reading on with Enter must not choose card 1."""
    items = [Item(o.says, str(o.index), o.available, o.locked_reason) for o in point.options]
    if own:
        items.append(Item(_(OWN_WORDS), OWN_KEY))
    return Menu(items, columns=2 if len(items) >= 4 else 1, unfocused=True)


def hands_buttons(app: App, card: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
    """The - and + buttons at the top right of a card, for counting hands with a mouse."""
    lay = app.layout
    side = app.text.line_height(lay.small_size)
    plus = pygame.Rect(0, 0, side, side)
    plus.topright = (card.right - lay.padding, card.y + lay.px(8))
    return plus.move(-(side + lay.px(10)), 0), plus


def hands_input(app: App, menu: Menu, action: Action) -> tuple[int, int] | None:
    """What a show-of-hands action counts: (option index, +1 or -1), or None.

    + and - count on the focused card; with none focused yet they start on the first open
    card (and focus it, so the room sees where the count goes) instead of being lost. A
    click on a card's - or + counts on that card."""
    if action.act in (Act.PLUS, Act.MINUS):
        if menu.focus is None and menu.items:
            menu.focus = menu.first_enabled()
        item = menu.focused
        if item is None or item.key == OWN_KEY:  # nobody votes on words not yet typed
            return None
        return int(item.key), 1 if action.act is Act.PLUS else -1
    if action.act is Act.CLICK and action.pos is not None:
        for item, rect in zip(menu.items, menu.rects, strict=False):
            if item.key == OWN_KEY:
                continue
            minus, plus = hands_buttons(app, rect)
            if plus.collidepoint(action.pos):
                return int(item.key), 1
            if minus.collidepoint(action.pos):
                return int(item.key), -1
    return None


def cards_area(app: App) -> pygame.Rect:
    """The card grid, ending above the keys hint: the hint goes under the cards, on the
    covered stage, and the safe line keeps both out of the bottom tenth."""
    lay = app.layout
    area = lay.card_grid_rect.copy()
    area.h = min(area.h, draw.hint_top(app) - lay.gap // 2 - area.y)
    return area


def place(app: App, menu: Menu) -> None:
    """The cards' rectangles, exactly where `draw_option_cards` will draw them."""
    menu.rects = card_rects(cards_area(app), len(menu.items), app.layout)


def option_cards(
    surface: pygame.Surface,
    app: App,
    point: PointView,
    menu: Menu,
    tally: Callable[[int], int | None],
    *,
    focus: bool = True,
    prompt: str | None = None,
    note: str = "",
    keys: str = "",
    own: bool = False,
) -> None:
    """The question in the prompt band (with `note` under it: the facilitator's question for
    the room), the cards, their tallies and `keys` under them; `own`: the own-idea card last.

    Everything under the header is covered first: half-hidden nameplates or a strip of
    the speech bubble between the cards would only distract from the choice."""
    lay, theme = app.layout, app.theme
    top = lay.header_rect.bottom - lay.px(6)  # over the foot of the header strip too
    grid = cards_area(app)
    pygame.draw.rect(surface, theme.stage_bg, (0, top, lay.width, lay.height - top))
    under = lay.header_rect.bottom + lay.px(6)  # the header's words can reach its foot
    band = pygame.Rect(0, under, lay.width, grid.y - under - lay.px(8))
    area = pygame.Rect(lay.prompt_rect.x, band.y, lay.prompt_rect.w, band.h)
    text = prompt if prompt is not None else point.prompt
    low = None
    if note:
        low = app.text.fit(
            _("Ask the room: {question}").format(question=note),
            lay.small_size,
            theme.accent,
            width=area.w,
            height=area.h // 2,
            italic=True,
        )
        area.h -= low.get_height()
    img = app.text.fit(text, lay.title_size, theme.text, width=area.w, height=area.h, bold=True)
    surface.blit(img, img.get_rect(midleft=(area.x, area.centery)))
    if low is not None:
        surface.blit(low, (area.x, area.bottom))
    if keys:
        draw.hint(surface, app, keys, (grid.x, lay.safe_rect.bottom))
    counts = {o.index: tally(o.index) for o in point.options}
    counting = not any(n is None for n in counts.values())  # solo: nobody counts hands
    rects = draw_option_cards(
        surface,
        grid,
        (*point.options, own_card()) if own else point.options,
        menu.focus if focus else None,
        theme=theme,
        layout=lay,
        text=app.text,
        reserve=app.text.line_height(lay.small_size) + lay.px(8) if counting else 0,
    )
    if not counting:
        return
    total = sum(n or 0 for n in counts.values())
    top = max(n or 0 for n in counts.values())
    leaders = [i for i, n in counts.items() if n == top and top > 0]
    for option, rect in zip(point.options, rects, strict=False):  # not the own-idea card
        _hands(surface, app, rect, counts[option.index] or 0, total, leaders == [option.index])


def _hands(
    surface: pygame.Surface,
    app: App,
    card: pygame.Rect,
    hands: int,
    total: int,
    leading: bool,
) -> None:
    """ "Hands: 5 of 12, most" and the - and + buttons, at the top right of a card. The
    leading option says so in words, never by colour alone."""
    lay, theme = app.layout, app.theme
    minus, plus = hands_buttons(app, card)
    for rect, sign in ((minus, "\u2212"), (plus, "+")):
        draw_panel(
            surface, rect, theme.panel, theme=theme, layout=lay, radius=lay.px(8), shadow=False
        )
        mark = app.text.render(sign, lay.small_size, theme.panel_text, bold=True)
        surface.blit(mark, mark.get_rect(center=rect.center))
    words = (
        _("Hands: {count} of {total}").format(count=hands, total=total)
        if total
        else _("Hands: {count}").format(count=hands)
    )
    if leading:
        words = _("{hands}, most").format(hands=words)
    label = app.text.render(words, lay.small_size, theme.accent_text, bold=True)
    spot = label.get_rect(midright=(minus.x - lay.px(14), minus.centery))
    pygame.draw.rect(
        surface, theme.accent, spot.inflate(lay.px(16), lay.px(4)), border_radius=lay.px(10)
    )
    surface.blit(label, spot)
