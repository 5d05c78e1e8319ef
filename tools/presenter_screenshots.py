"""Regenerate docs/screenshots/presenter-*.png: the projector and the laptop side by side.

Plays the presenter test's tour (tests/ui/two_windows.py: a facilitator's run of the
example from both windows) and, at each step, puts the stage window (1920x1080, shown at
half size, as the room sees it from afar) beside the presenter window (1280x800, at full
size, as the facilitator reads it at arm's length). Usage: `.venv/bin/python
tools/presenter_screenshots.py [--out docs/screenshots]`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from headless import ROOT  # first: the drivers, a throwaway home, the path

# isort: split

import pygame

from tests.ui.two_windows import PRESENTER, STAGE, TwoWindows, tour

GAP = 24
LABEL = 44


def side_by_side(two: TwoWindows) -> pygame.Surface:
    """The stage at half size beside the presenter view, each under a label."""
    app = two.p.app
    stage = pygame.transform.smoothscale(app.screen, (STAGE[0] // 2, STAGE[1] // 2))
    view = two.view.window.get_surface()
    height = LABEL + max(stage.get_height(), PRESENTER[1])
    sheet = pygame.Surface((stage.get_width() + GAP + PRESENTER[0], height))
    sheet.fill((40, 40, 48))
    for x, image, label in (
        (0, stage, "Projector: the stage (the room sees this)"),
        (stage.get_width() + GAP, view, "Laptop: the presenter view (only the facilitator)"),
    ):
        words = app.text.render(label, 28, (255, 255, 255), bold=True)
        sheet.blit(words, (x + 8, (LABEL - words.get_height()) // 2))
        sheet.blit(image, (x, LABEL))
    return sheet


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args(argv).out)
    out.mkdir(parents=True, exist_ok=True)
    two = TwoWindows()
    for number, step in enumerate(tour(two), start=1):
        for _ in range(12):  # the presenter shows the latest within a few quiet frames
            if two.view.current:
                break
            two.p.step()
        path = out / f"presenter-{number:02d}-{step}.png"
        pygame.image.save(side_by_side(two), str(path))
        print(path)
    two.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
