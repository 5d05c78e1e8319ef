"""Regenerate docs/screenshots/*.png: every screen of the game at 1920x1080 (or --size WxH).

Drives the real game headless through the same tour as the golden-image test, so the README's
pictures always show the game as it is. Usage: `.venv/bin/python tools/screenshots.py
[--size 1920x1080] [--out docs/screenshots] [--high-contrast] [--colour-blind-safe]
[--text-scale 1.6] [--language cy] [--font opendyslexic]`: the README's set is the default;
the others are for looking at every screen in each palette, at the largest text, in another
language (the interface and the example's scenario translation) and in the dyslexia-friendly
font before a change goes in. `--all` writes the README's set and every set in `SETS` (the
tour at 160 % text and in the high-contrast and colour-blind-safe palettes, at 1280x720 to
keep the repository small), as committed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from headless import ROOT  # first: the drivers, a throwaway home, the path

# isort: split

import pygame

from game.i18n import LANGUAGES
from game.ui.settings import FONTS, Settings
from tests.ui.pilot import Pilot, tour

#: The committed sets besides the README's: folder under docs/screenshots, and settings.
SETS: dict[str, dict[str, object]] = {
    "160": {"text_scale": 1.6},
    "high-contrast": {"high_contrast": True},
    "high-contrast-160": {"high_contrast": True, "text_scale": 1.6},
    "colour-blind-safe": {"colour_blind_safe": True},
    "colour-blind-safe-160": {"colour_blind_safe": True, "text_scale": 1.6},
}
SETS_SIZE = (1280, 720)


def shoot(size: tuple[int, int], out: Path, **settings: object) -> None:
    """The whole tour at `size` with these settings, one numbered PNG a screen, in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    pilot = Pilot(size, settings=Settings(auto_advance=False, **settings))
    for index, name in enumerate(tour(pilot), start=1):
        path = out / f"{index:02d}-{name}.png"
        pilot.screenshot(path)
        print(path)
    pygame.display.quit()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080", help="window size, WxH")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--colour-blind-safe", action="store_true")
    parser.add_argument("--text-scale", type=float, default=1.0, help="0.8 to 1.6")
    parser.add_argument("--all", action="store_true", help="the README's set and every SETS")
    parser.add_argument("--language", default="en", choices=sorted(LANGUAGES))
    parser.add_argument("--font", default="atkinson", choices=sorted(FONTS))
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    shoot(
        (width, height),
        out,
        high_contrast=args.high_contrast,
        colour_blind_safe=args.colour_blind_safe,
        text_scale=args.text_scale,
        language=args.language,
        font=args.font,
    )
    if args.all:
        for folder, settings in SETS.items():
            shoot(SETS_SIZE, out / folder, **settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
