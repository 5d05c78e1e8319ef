"""Issue 11, items 2 and 3: pipes, folders, devices and link loops where files should be.

A named pipe (FIFO) called like a script, a record, the settings or the progress file used
to block the picker, the start-up and the tools for ever; `validate FOLDER` skipped what
the picker lists. Every test here runs under `no_hang`, so old code fails instead of hanging.
"""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from game.records.journal import JournalError, list_sessions, read_journal
from game.storage import folders
from game.story.library import ScriptLibrary
from game.tools import export_csv, report, validate
from game.ui.app import App, loop
from game.ui.screens.picker import PickerScene
from tests.ui.pilot import Pilot, Player, start_scenario

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.usefixtures("no_hang")


def scripts_with(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in ("example.yaml", "criteria.yaml"):
        shutil.copy(ROOT / "scripts" / name, folder / name)
    return folder


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def test_a_pipe_named_like_a_script_is_listed_as_unplayable(tmp_path: Path) -> None:
    folder = scripts_with(tmp_path / "scripts")
    fifo(folder / "pipe.yaml")
    entries = {Path(e.path).name: e for e in ScriptLibrary(str(folder)).entries()}
    assert entries["example.yaml"].playable
    assert not entries["pipe.yaml"].playable
    assert "named pipe" in entries["pipe.yaml"].errors[0].message


def test_pipes_for_settings_progress_and_a_record_still_reach_title_and_picker(
    tmp_path: Path,
) -> None:
    where = folders()
    for path in (where.settings, where.progress, where.sessions / "x.jsonl"):
        fifo(path)
    folder = scripts_with(tmp_path / "scripts")
    fifo(folder / "pipe.yaml")
    app = App((1024, 576), strict=True, animate=False, scripts_dir=folder)
    assert "settings.json could not be read (it is a named pipe" in (app.notice or "")
    app.start("title")
    app.frame(1 / 60)
    assert app.stack.top.name == "title"
    app.stack.push(PickerScene(app))
    app.frame(1 / 60)
    picker = app.stack.top
    assert picker.name == "picker" and "progress.json could not be read" in picker.warning
    assert list_sessions(folders().sessions) == []


def test_the_tools_refuse_pipes_instead_of_waiting(tmp_path: Path, capsys) -> None:
    record = fifo(folders().sessions / "20260101-000000-abcdef.jsonl")
    assert report.main(["list"]) == 0
    assert report.main([str(record)]) == 1
    assert "named pipe" in capsys.readouterr().err
    assert export_csv.main([]) == 0
    script = fifo(tmp_path / "pipe.yaml")
    assert validate.main([str(script)]) == 1
    assert "pipe.yaml:1:1: error: cannot read" in capsys.readouterr().out
    with pytest.raises(JournalError, match="named pipe"):
        read_journal(record)


def test_validate_folder_reports_what_the_picker_lists_but_cannot_read(
    tmp_path: Path, capsys
) -> None:
    """Old code skipped all four silently and said the folder was valid."""
    folder = scripts_with(tmp_path / "scripts")
    fifo(folder / "pipe.yaml")
    (folder / "folder.yaml").mkdir()
    os.symlink(folder / "loop.yaml", folder / "loop.yaml")
    os.symlink("/dev/null", folder / "device.yaml")
    assert validate.main([str(folder)]) == 1
    out = capsys.readouterr().out
    for name, reason in [
        ("pipe.yaml", "named pipe"),
        ("folder.yaml", "folder"),
        ("loop.yaml", "symbolic links"),
        ("device.yaml", "device"),
    ]:
        line = next((x for x in out.splitlines() if x.startswith(str(folder / name))), "")
        assert reason in line and "[FF001]" in line, out
    listed = {Path(p).name for p in ScriptLibrary(str(folder)).paths()}
    assert {"pipe.yaml", "folder.yaml", "loop.yaml", "device.yaml"} <= listed


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_the_game_with_the_record_closed(signum: int) -> None:
    """SDL turned these into a window event; a stuck game could only be SIGKILLed."""
    pilot = Pilot()
    start_scenario(Player(pilot, "keyboard"), "example", "solo", anti_model=False)
    session = pilot.stage.session
    assert session is not None
    before = signal.getsignal(signum)
    pilot.app.watchers.append(lambda _dt: os.kill(os.getpid(), signum))
    assert loop(pilot.app) == 128 + signum
    assert not pilot.app.running and pilot.app.stack.top is None
    assert session.journal._handle is None  # closed, and fsynced by close()
    assert read_journal(session.journal.path).state == "unfinished"  # resumable
    assert signal.getsignal(signum) == before


def test_the_config_folder_itself_being_a_pipe_is_a_notice_not_a_crash() -> None:
    config = folders().config
    config.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(config)
    app = App((1024, 576), strict=True, animate=False)
    assert "settings.json could not be read" in (app.notice or "")
