"""The player's settings, kept between runs and never the reason the game fails to start.

Settings are read once at start-up and written (atomically, via `game.storage`) whenever the
settings screen changes one or the window changes size. A damaged file is moved aside by
`load_json`; the defaults are used and the app shows the warning once. Unknown keys are
ignored and out-of-range values are clamped, so a settings file from an older or newer
version, or one edited by hand, still works as far as it can.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from game.i18n import AUTO, LANGUAGES, _, resolve
from game.storage import atomic_write_json, load_json

from .layout import MAX_SIZE, MIN_SIZE, TEXT_SCALE_RANGE

#: Reading-speed multipliers offered on the settings screen (1.0 is a room's pace).
READING_SPEEDS: tuple[float, ...] = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
TEXT_SCALES: tuple[float, ...] = (0.8, 0.9, 1.0, 1.15, 1.3, 1.45, 1.6)
VOLUMES: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
#: The typefaces offered, by the name kept in the file, with the name the screen shows.
#: The highest display number the projector setting takes.
MAX_DISPLAY = 15
FONTS: dict[str, str] = {"atkinson": "Atkinson Hyperlegible", "opendyslexic": "OpenDyslexic"}


@dataclass(frozen=True)
class Settings:
    """Everything the settings screen can change. Frozen: a change makes a new one."""

    fullscreen: bool = False
    window: tuple[int, int] = (1280, 720)
    text_scale: float = 1.0
    reading_speed: float = 1.0
    auto_advance: bool = True
    high_contrast: bool = False
    colour_blind_safe: bool = False
    volume: float = 0.8
    muted: bool = False
    #: The typeface (a key of FONTS): OpenDyslexic for readers who find it easier.
    font: str = "atkinson"
    #: Each line read aloud as it types, in a voice per character.
    speak_lines: bool = False
    #: Menus, cards, feedback and the focused control read aloud too (lines as well).
    self_voicing: bool = False
    #: The interface's and the scenarios' language: "auto" follows the system's.
    language: str = AUTO
    #: The presenter view opens with the game (F9 opens and closes it, and keeps the choice).
    presenter: bool = False
    #: The display the stage fills when the presenter view is open on two displays (SDL's
    #: numbering: 0 is usually the laptop's own screen). F8 swaps it.
    projector_display: int = 1

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["window"] = list(self.window)
        return data

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Settings:
        """Build from a parsed file, keeping what is usable and clamping what is not."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        defaults = cls()
        for key, value in raw.items():
            if key not in known:
                continue
            wanted = getattr(defaults, key)
            if isinstance(wanted, bool):
                if isinstance(value, bool):
                    values[key] = value
            elif isinstance(wanted, float):
                # Bounded before float(): a 400-digit whole number would overflow it.
                if isinstance(value, int | float) and not isinstance(value, bool):
                    values[key] = float(max(-1e6, min(1e6, value)))
            elif isinstance(wanted, int):
                if isinstance(value, int) and not isinstance(value, bool):
                    values[key] = max(0, min(MAX_DISPLAY, value))
            elif key == "window" and _is_size(value):
                values[key] = clamp_size((int(value[0]), int(value[1])))
            elif isinstance(value, str) and value in _NAMED.get(key, ()):
                values[key] = value
        settings = replace(defaults, **values)
        return settings.clamped()

    def clamped(self) -> Settings:
        low, high = TEXT_SCALE_RANGE
        return replace(
            self,
            text_scale=min(high, max(low, self.text_scale)),
            reading_speed=min(READING_SPEEDS[-1], max(READING_SPEEDS[0], self.reading_speed)),
            volume=min(1.0, max(0.0, self.volume)),
            window=clamp_size(self.window),
        )


def _is_size(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )


def clamp_size(size: tuple[int, int]) -> tuple[int, int]:
    """A window size inside the range the layout is designed for."""
    return (
        min(MAX_SIZE[0], max(MIN_SIZE[0], size[0])),
        min(MAX_SIZE[1], max(MIN_SIZE[1], size[1])),
    )


def load_settings(path: Path) -> tuple[Settings, str | None]:
    """The saved settings (or the defaults) and a warning to show once if the file was bad."""
    raw: dict[str, Any]
    raw, warning = load_json(path, {})
    return Settings.from_json(raw), warning


def save_settings(settings: Settings, path: Path) -> None:
    atomic_write_json(path, settings.to_json())


def next_font(current: str, delta: int) -> str:
    """The typeface after (delta=+1) or before (-1) `current`, stopping at the ends."""
    names = list(FONTS)
    index = names.index(current) if current in names else 0
    return names[max(0, min(len(names) - 1, index + delta))]


#: Settings that take one of a few names, and the names each accepts.
_NAMED: dict[str, frozenset[str]] = {
    "font": frozenset(FONTS),
    "language": frozenset({AUTO, *LANGUAGES}),
}


def next_language(current: str, delta: int) -> str:
    """The language setting after (+1) or before (-1) `current`: automatic, then each one."""
    names = [AUTO, *LANGUAGES]
    index = names.index(current) if current in names else 0
    return names[max(0, min(len(names) - 1, index + delta))]


def language_label(setting: str) -> str:
    """How the setting reads: "Automatic (Cymraeg)" names what the system chose."""
    if setting in LANGUAGES:
        return LANGUAGES[setting]
    return _("Automatic ({language})").format(language=LANGUAGES[resolve(setting)])


def step(choices: tuple[float, ...], current: float, delta: int) -> float:
    """The next (delta=+1) or previous (-1) value in `choices`, from wherever `current` is."""
    nearest = min(range(len(choices)), key=lambda i: abs(choices[i] - current))
    return choices[max(0, min(len(choices) - 1, nearest + delta))]
