"""Issue 11, item 11: a folder of 1,000 scripts. The picker drew every hidden button each
frame (260-295 ms a key press, the text cache overflowing); it draws only what is seen."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.ui.keymap import Act
from tests.ui.pilot import Pilot, Player

ROOT = Path(__file__).resolve().parents[2]
COUNT = 1_000


def many_scripts(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(ROOT / "scripts" / "criteria.yaml", folder)
    text = (ROOT / "tests" / "broken" / "valid_base.yaml").read_text(encoding="utf-8")
    for i in range(COUNT):
        (folder / f"s{i:04d}.yaml").write_text(
            text.replace("id: broken", f"id: s{i:04d}").replace("One mistake", f"Scenario {i}"),
            encoding="utf-8",
        )
    return folder


def test_a_key_press_in_a_list_of_1000_draws_only_the_visible_rows(tmp_path: Path) -> None:
    pilot = Pilot(scripts_dir=many_scripts(tmp_path / "scripts"))
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "start")
    picker = pilot.top
    assert picker.name == "picker" and len(picker.menu.items) == COUNT
    text = pilot.app.text
    for _ in range(3):
        before = text.hits + text.misses
        pilot.do(Act.DOWN)
        drawn = text.hits + text.misses - before
        assert drawn < 60, f"{drawn} texts drawn for one key press"
    labels = {key[1] for key in text._cache}
    assert "Scenario 999" not in labels and "Scenario 500" not in labels
    assert "Scenario 3" in labels  # the focused row is drawn
