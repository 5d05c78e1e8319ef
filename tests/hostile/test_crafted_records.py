"""Issue 11, item 7: a crafted record (one e-mailed to a facilitator, say) can neither put a
handout outside the handouts folder nor make the game load a scenario from elsewhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.records.journal import read_journal
from game.records.report import default_name, write_handout
from game.records.session import ResumeError, script_path_for
from game.storage import folders
from game.story.loader import load_script
from game.ui.chart_png import save_png
from tests.hostile.conftest import played_run

ROOT = Path(__file__).resolve().parents[2]


def craft(path: Path, session: str, script_id: str, script_path: str) -> None:
    """Rewrite a real record's header as an attacker would."""
    lines = path.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    header["session"] = session
    header["script"].update(id=script_id, path=script_path)
    lines[0] = json.dumps(header).encode()
    path.write_bytes(b"\n".join(lines))


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    folder = tmp_path / "scripts"
    folder.mkdir()
    for name in ("example.yaml", "criteria.yaml"):
        shutil.copy(ROOT / "scripts" / name, folder / name)
    return folder


def test_the_handout_name_cannot_leave_the_handouts_folder(tmp_path: Path, scripts: Path) -> None:
    script = load_script(str(scripts / "example.yaml"))
    record = played_run(script)
    craft(record.path, "../../../escaped", "../../evil", str(scripts / "example.yaml"))
    crafted = read_journal(record.path)
    name = default_name(crafted)
    assert "/" not in name and ".." not in name and name.endswith(".html")
    handouts = folders().handouts  # where the debrief's Export button writes
    files = write_handout(crafted, script, handouts / name, save_png)
    assert files.html.parent == handouts
    written = [p for p in tmp_path.rglob("*escaped*") if p.is_file()]
    assert written and all(p.parent == handouts for p in written), written


def test_a_record_cannot_name_a_scenario_outside_the_scenario_folder(
    tmp_path: Path, scripts: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(scripts / "example.yaml", outside / "planted.yaml")
    script = load_script(str(scripts / "example.yaml"))
    record = played_run(script)
    craft(record.path, record.session_id, "planted", str(outside / "planted.yaml"))
    with pytest.raises(ResumeError, match="cannot be found"):
        script_path_for(read_journal(record.path), scripts)
    craft(record.path, record.session_id, "../elsewhere/planted", "")
    with pytest.raises(ResumeError):
        script_path_for(read_journal(record.path), scripts)
    # The honest cases still work: the recorded path inside the folder, or the id there.
    craft(record.path, record.session_id, "example", str(scripts / "example.yaml"))
    assert script_path_for(read_journal(record.path), scripts) == str(scripts / "example.yaml")
    craft(record.path, record.session_id, "example", "/gone/example.yaml")
    assert script_path_for(read_journal(record.path), scripts) == str(scripts / "example.yaml")
