"""Issue 11, item 12: the smaller failures."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from game.records.choices import choice_table, write_csv
from game.records.report import write_handout
from game.storage import folders
from game.story.loader import load_script
from game.ui.keymap import Act
from tests.hostile.conftest import played_run
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario

ROOT = Path(__file__).resolve().parents[2]


def test_a_progress_file_that_is_a_folder_keeps_the_solo_debrief() -> None:
    folders().progress.mkdir(parents=True)
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    play_stage(player, {})
    assert pilot.name == "debrief"
    assert "practice history could not be saved" in pilot.top.message


def test_a_nul_in_a_progress_title_does_not_break_its_card_or_chart() -> None:
    run = {
        "session": "s1",
        "date": "2026-01-02T10:00:00+00:00",
        "ending": "x",
        "title": "Sup\u0000ported\u001b[2J",
        "tone": "just",
        "criteria": {
            "compassion": {
                "name": "Com\u0000passion",
                "value": 1,
                "worst": -3,
                "best": 3,
                "fraction": 0.5,
            }
        },
    }
    data = {
        "format": "freeze-frame-progress",
        "version": 1,
        "scenarios": {"example": {"title": "Ex\u0000ample", "runs": [run]}},
    }
    folders().progress.parent.mkdir(parents=True)
    folders().progress.write_text(json.dumps(data), encoding="utf-8")
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    player.pick_key(pilot.top.menu, "start")
    picker = pilot.top
    picker.menu.focus_on(next(i.key for i in picker.menu.items if "example" in i.key))
    pilot.step()  # the card with the progress line is drawn
    assert "Sup\u0000ported" in picker.progress["example"]
    pilot.do(Act.BACK)
    player.pick_key(pilot.top.menu, "progress")
    assert pilot.name == "progress"
    pilot.top.menu.focus_on(next(i.key for i in pilot.top.menu.items if "example" in i.key))
    pilot.step()


def test_handouts_and_the_csv_are_readable_by_others_as_any_new_file(tmp_path: Path) -> None:
    """mkstemp made them 0600: a facilitator could not share them from a shared folder."""
    old = os.umask(0o022)
    try:
        script = load_script(str(ROOT / "scripts" / "example.yaml"))
        record = played_run(script)
        files = write_handout(record, script, tmp_path / "h.html", None)
        write_csv(choice_table(folders().sessions), tmp_path / "c.csv")
    finally:
        os.umask(old)
    for path in (files.html, tmp_path / "c.csv"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
