"""The settings screen: each row shows its value in words; Left/Right or Enter change it.

Every change applies at once (the facilitator sees the bigger text or the high-contrast
palette straight away) and is saved, so the next session starts the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pygame

from game.i18n import N_, _

from .. import presenter
from ..input import Action
from ..keymap import Act, key_name
from ..learning_records import status
from ..settings import (
    FONTS,
    MAX_DISPLAY,
    READING_SPEEDS,
    TEXT_SCALES,
    VOLUMES,
    Settings,
    language_label,
    next_font,
    next_language,
    step,
)
from . import draw
from .menu import Item, Menu, MenuScene, rows


def hint_text() -> str:
    """The keys that work here (in the chosen language)."""
    return _(
        "{up}/{down}: choose.  {left}/{right} or {confirm}: change.  {back}: back.  "
        "Saved as you go."
    ).format(
        up=key_name(Act.UP),
        down=key_name(Act.DOWN),
        left=key_name(Act.LEFT),
        right=key_name(Act.RIGHT),
        confirm=key_name(Act.CONFIRM),
        back=key_name(Act.PAUSE),
    )


def _on_off(value: bool) -> str:
    return _("on") if value else _("off")


@dataclass(frozen=True)
class Row:
    """One setting: its label, how its value reads, and how Left (-1) / Right (+1) change it."""

    key: str
    label: str
    show: Callable[[Settings], str]
    change: Callable[[Settings, int], Settings]


def _toggle(name: str) -> Callable[[Settings, int], Settings]:
    def change(s: Settings, _delta: int) -> Settings:
        flipped: dict[str, Any] = {name: not getattr(s, name)}  # a field named at run time
        return replace(s, **flipped)

    return change


def _stepper(name: str, choices: tuple[float, ...]) -> Callable[[Settings, int], Settings]:
    def change(s: Settings, delta: int) -> Settings:
        stepped: dict[str, Any] = {name: step(choices, getattr(s, name), delta)}
        return replace(s, **stepped)

    return change


ROWS: tuple[Row, ...] = (
    Row(
        "fullscreen", N_("Fullscreen (F11)"), lambda s: _on_off(s.fullscreen), _toggle("fullscreen")
    ),
    Row(
        "text_scale",
        N_("Text size"),
        lambda s: f"{round(s.text_scale * 100)}%",
        _stepper("text_scale", TEXT_SCALES),
    ),
    Row(
        "language",
        N_("Language"),
        lambda s: language_label(s.language),
        lambda s, delta: replace(s, language=next_language(s.language, delta)),
    ),
    Row(
        "font",
        N_("Font"),
        lambda s: FONTS[s.font],
        lambda s, delta: replace(s, font=next_font(s.font, delta)),
    ),
    Row(
        "reading_speed",
        N_("Reading speed"),
        lambda s: f"{s.reading_speed:g}\u00d7",
        _stepper("reading_speed", READING_SPEEDS),
    ),
    Row(
        "auto_advance",
        N_("Auto-advance lines"),
        lambda s: _on_off(s.auto_advance),
        _toggle("auto_advance"),
    ),
    Row(
        "high_contrast",
        N_("High-contrast theme"),
        lambda s: _on_off(s.high_contrast),
        _toggle("high_contrast"),
    ),
    Row(
        "colour_blind_safe",
        N_("Colour-blind-safe colours"),
        lambda s: _on_off(s.colour_blind_safe),
        _toggle("colour_blind_safe"),
    ),
    Row(
        "volume",
        N_("Sound volume"),
        lambda s: f"{round(s.volume * 100)}%",
        _stepper("volume", VOLUMES),
    ),
    Row("muted", N_("Mute"), lambda s: _on_off(s.muted), _toggle("muted")),
    Row("speak_lines", N_("Speak lines"), lambda s: _on_off(s.speak_lines), _toggle("speak_lines")),
    Row(
        "self_voicing",
        N_("Read menus aloud"),
        lambda s: _on_off(s.self_voicing),
        _toggle("self_voicing"),
    ),
    Row(
        "presenter", N_("Presenter view (F9)"), lambda s: _on_off(s.presenter), _toggle("presenter")
    ),
    Row(
        "projector_display",
        N_("Projector (F8)"),
        lambda s: _("display {number}").format(number=s.projector_display),
        lambda s, delta: replace(
            s, projector_display=max(0, min(MAX_DISPLAY, s.projector_display + delta))
        ),
    ),
)
#: Rows whose setting needs a speech engine: they say so when there is none.
SPEECH_ROWS = frozenset({"speak_lines", "self_voicing"})
#: More steps than any row has: Enter on a row at its end goes back to its start.
_LONGEST = max(len(TEXT_SCALES), len(READING_SPEEDS), len(VOLUMES), MAX_DISPLAY + 1)
#: Rows that open, close or move the presenter view (`presenter.arrange`).
PRESENTER_ROWS = frozenset({"presenter", "projector_display"})


class SettingsScene(MenuScene):
    name = "settings"

    def __init__(self, app) -> None:
        super().__init__(app)
        self._problem = ""
        self.menu = Menu(self._items(), digits=False)

    def _items(self) -> list[Item]:
        problem = self.app.speech.problem
        items = [
            Item(
                f"{_(row.label)}: {row.show(self.app.settings)}"
                + (_(" (no speech engine)") if problem and row.key in SPEECH_ROWS else ""),
                row.key,
            )
            for row in ROWS
        ]
        return [*items, Item(_("Back"), "back")]

    def relayout(self) -> None:
        app, lay = self.app, self.app.layout
        top = draw.heading_bottom(app)
        bottom = draw.hint_top(app, hint_text()) - lay.gap // 2
        # The learning records' status, if any, sits between the menu and the keys.
        records = status(app)
        if records is not None:
            shown = app.text.render(records, lay.small_size, app.theme.text, width=lay.safe_rect.w)
            bottom -= shown.get_height() + lay.gap
        area = pygame.Rect(lay.menu_rect.x, top, lay.menu_rect.w, bottom - top)
        wide = pygame.Rect(lay.safe_rect.x, top, lay.safe_rect.w, bottom - top)
        focus = self.menu.focus
        self.menu = Menu(self._items(), digits=False, focus=focus)
        self.menu.focus = focus
        height = draw.row_height(app) - lay.px(8)
        self.menu.rects = rows(area, len(self.menu.items), height, lay.px(6), wide)
        self._problem = self.app.speech.problem

    def handle(self, action: Action) -> None:
        act = action.act
        if act in (Act.PAUSE, Act.BACK):
            self.app.stack.pop()
            return
        focused = self.menu.focused
        row = next((r for r in ROWS if focused and r.key == focused.key), None)
        if row is not None and act in (Act.LEFT, Act.RIGHT):
            self.apply(row, -1 if act is Act.LEFT else 1)
            return
        chosen = self.menu.handle(action)
        if chosen == "back":
            self.app.stack.pop()
        elif chosen is not None:
            self.apply(next(r for r in ROWS if r.key == chosen), 1, wrap=True)

    def apply(self, row: Row, delta: int, wrap: bool = False) -> None:
        """Change one setting. Left and Right stop at the ends (Right at 160 % must not jump
        to the smallest text in front of a room); Enter or a click on a stepped row, which
        only ever goes up, wraps round to the start."""
        new = row.change(self.app.settings, delta)
        if new == self.app.settings and wrap:
            new = row.change(self.app.settings, -_LONGEST)
        if row.key in PRESENTER_ROWS:  # opens, closes or moves a window as well
            wanted = new.presenter if row.key == "presenter" else self.app.presenter is not None
            presenter.arrange(self.app, new, wanted)
        else:
            self.app.change_settings(new)  # relayouts every scene, this one included

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.theme.stage_bg)
        draw.heading(surface, self.app, _("Settings"))
        draw.menu(surface, self.app, self.menu, numbered=False)
        draw.hint(surface, self.app, hint_text())
        records = status(self.app)
        if records is not None:
            corner = (self.app.layout.safe_rect.left, draw.hint_top(self.app) - self.app.layout.gap)
            draw.hint(surface, self.app, records, corner)
