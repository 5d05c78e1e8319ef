"""Regenerate docs/screenshots/*.png: every screen of the game at 1920x1080 (or --size WxH).

Drives the real game headless through the same tour as the golden-image test, so the README's
pictures always show the game as it is. Usage: `.venv/bin/python tools/screenshots.py
[--size 1920x1080] [--out docs/screenshots] [--high-contrast] [--colour-blind-safe]
[--text-scale 1.6] [--language cy] [--font opendyslexic]`: the README's set is the default;
the others are for looking at every screen in each palette, at the largest text, in another
language (the interface and the example's scenario translation) and in the dyslexia-friendly
font before a change goes in.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# A throwaway home: screenshots never touch the user's settings, records or progress.
os.environ["FREEZE_FRAME_HOME"] = tempfile.mkdtemp(prefix="freeze-frame-shots-")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.i18n import LANGUAGES  # noqa: E402
from game.ui.settings import FONTS, Settings  # noqa: E402
from tests.ui.pilot import Pilot, tour  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080", help="window size, WxH")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--colour-blind-safe", action="store_true")
    parser.add_argument("--text-scale", type=float, default=1.0, help="0.8 to 1.6")
    parser.add_argument("--language", default="en", choices=sorted(LANGUAGES))
    parser.add_argument("--font", default="atkinson", choices=sorted(FONTS))
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        auto_advance=False,
        high_contrast=args.high_contrast,
        colour_blind_safe=args.colour_blind_safe,
        text_scale=args.text_scale,
        language=args.language,
        font=args.font,
    )
    pilot = Pilot((width, height), settings=settings)
    for index, name in enumerate(tour(pilot), start=1):
        path = out / f"{index:02d}-{name}.png"
        pilot.screenshot(path)
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
