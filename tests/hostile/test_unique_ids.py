"""Issue 11, item 9: two scripts with one id would mix up their practice history."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.story.library import ScriptLibrary
from game.tools import validate

ROOT = Path(__file__).resolve().parents[2]


def three_toms(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(ROOT / "scripts" / "criteria.yaml", folder)
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        shutil.copy(ROOT / "scripts" / "tom.yaml", folder / name)
    return folder


def test_validate_reports_an_id_used_by_two_scripts(tmp_path: Path, capsys) -> None:
    folder = three_toms(tmp_path / "scripts")
    assert validate.main([str(folder)]) == 1
    out = capsys.readouterr().out
    errors = [line for line in out.splitlines() if "[FF008]" in line]
    assert len(errors) == 2
    assert errors[0].startswith(str(folder / "b.yaml")) and str(folder / "a.yaml") in errors[0]
    assert errors[1].startswith(str(folder / "c.yaml"))


def test_the_picker_plays_only_the_first_script_with_an_id(tmp_path: Path) -> None:
    folder = three_toms(tmp_path / "scripts")
    entries = {Path(e.path).name: e for e in ScriptLibrary(str(folder)).entries()}
    assert entries["a.yaml"].playable
    assert not entries["b.yaml"].playable and not entries["c.yaml"].playable
    assert entries["b.yaml"].errors[0].code == "FF008"
