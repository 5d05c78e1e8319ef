"""Regenerate docs/screenshots/roles-*.png: role reversal as the room sees it.

Plays a scenario headless by keyboard, standing in a character's shoes, and saves the role
choice, the manager style, the inner voice on stage, a manager's action landing, and the
role debrief. Usage: `.venv/bin/python tools/roles_screenshots.py [--script PATH]
[--role ID] [--style traditional|just] [--size 1920x1080] [--text-scale 1.6] [--out DIR]`
(default: the tests' small fixture, as Pat, facing a just and learning manager; the
docs/screenshots set is Tom: --script scripts/tom.yaml --role tom).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from headless import ROOT  # first: the drivers, a throwaway home, the path

# isort: split

from game.story.views import Phase
from game.ui.keymap import Act
from game.ui.settings import Settings
from tests.ui.pilot import Pilot, Player, play_stage


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--script", default=str(ROOT / "tests" / "roles" / "roles.yaml"))
    parser.add_argument("--role", default="pat")
    parser.add_argument("--style", default="just", choices=("traditional", "just"))
    parser.add_argument("--size", default="1920x1080", help="window size, WxH")
    parser.add_argument("--text-scale", type=float, default=1.0, help="0.8 to 1.6")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    scripts = Path(tempfile.mkdtemp(prefix="freeze-frame-scripts-"))
    script = Path(args.script)
    shutil.copy(script, scripts / script.name)
    shutil.copy(ROOT / "scripts" / "criteria.yaml", scripts / "criteria.yaml")
    out = Path(args.out)
    suffix = f"{width}x{height}" + (
        f"-{round(args.text_scale * 100)}" if args.text_scale != 1 else ""
    )
    settings = Settings(auto_advance=False, text_scale=args.text_scale)
    pilot = Pilot((width, height), settings=settings, scripts_dir=scripts)
    keys = Player(pilot, "keyboard")

    def shot(name: str) -> None:
        path = out / f"roles-{name}-{suffix}.png"
        pilot.screenshot(path)
        print(path)

    keys.pick_key(pilot.top.menu, "start")
    keys.pick(pilot.top.menu, 0)
    keys.pick_key(pilot.top.menu, "facilitator")
    shot("choice")
    keys.pick_key(pilot.top.menu, args.role)
    shot("style")
    keys.pick_key(pilot.top.menu, args.style)
    keys.pick_key(pilot.top.menu, "forum")
    landed = voice = False
    for _ in range(400):  # on stage: the first "how it lands" and the first inner voice
        stage = pilot.stage
        if stage is None or stage.rt.phase is not Phase.PLAYING or (landed and voice):
            break
        heard = stage.inner_voice()
        if heard and heard[0].startswith("How it lands") and not landed:
            shot("landed")
            landed = True
        elif heard and not heard[0].startswith("How it lands") and not voice:
            shot("inner-voice")
            voice = True
        pilot.do(Act.CONFIRM)
    play_stage(keys, {})
    shot("debrief")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
