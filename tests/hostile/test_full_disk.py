"""Issue 11, item 5: a full or read-only disk is said at once, in words; the debrief stays;
no record is claimed that does not exist; a record cut by a full disk is marked as such.

These use a real file system of a few KB (tmpfs), mounted for the test and filled for real:
nothing is faked. Mounting needs root; without it the tests are skipped, and say so.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.records.journal import read_journal, scan_sessions
from game.storage import folders
from game.tools import report
from game.ui.keymap import Act
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario


def _mount(where: Path, options: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


def _home_on(tmp_path: Path, monkeypatch, name: str, options: str) -> Iterator[Path]:
    """The game's home folder on a small file system mounted with `options` (skipped
    without root), unmounted after the test."""
    where = tmp_path / name
    where.mkdir()
    if not _mount(where, options):
        pytest.skip("mounting a small file system needs root")
    monkeypatch.setenv("FREEZE_FRAME_HOME", str(where / "home"))
    yield where
    subprocess.run(["umount", "-l", str(where)], check=True)


@pytest.fixture
def disk(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A 256 KB file system holding the game's home folder."""
    yield from _home_on(tmp_path, monkeypatch, "disk", "size=256k")


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """An empty read-only file system holding the game's home folder."""
    yield from _home_on(tmp_path, monkeypatch, "ro", "size=64k,ro")


def fill(where: Path) -> None:
    """Write until the file system says it is full."""
    with open(where / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def test_a_disk_that_fills_mid_run_is_said_at_once_and_the_debrief_stays(disk: Path) -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    # Tom's run writes about 20 KB of record: it must ask for new blocks on the way.
    start_scenario(player, "tom", "solo", anti_model=False)
    stage = pilot.stage
    journal = stage.session.journal
    fill(disk)
    for _ in range(400):  # play on until the record needs a new block and is refused
        if journal.error or pilot.name != "stage" or stage.view.phase.name != "PLAYING":
            break
        player.advance()
    if journal.error is None:
        play_stage(player, {})
    assert journal.error and "disk refused to write" in journal.error
    assert "nothing from now on is kept" in journal.error
    if pilot.name == "stage":
        assert stage.notice == journal.error  # on the frame it happened, not later
        play_stage(player, {})
    assert pilot.name == "debrief"  # not lost to the failed progress write
    message = pilot.top.message
    assert "practice history could not be saved" in message
    assert "disk refused to write" in message
    assert journal.path.name.endswith(".cut.jsonl")
    player.pick_key(pilot.top.buttons, "export")
    assert "could not be written" in pilot.top.message  # no handout claimed
    (disk / "filler").unlink()  # room again: the handout says it covers part of the run
    player.pick_key(pilot.top.buttons, "export")
    assert "Handout saved" in pilot.top.message and "stops after" in pilot.top.message
    handout = next((Path(os.environ["FREEZE_FRAME_HOME"]) / "handouts").glob("*.html"))
    assert "Incomplete: the disk refused to write" in handout.read_text(encoding="utf-8")
    player.pick_key(pilot.top.buttons, "title")
    assert pilot.name == "title"
    assert pilot.top.unfinished is None  # the cut run is never offered for Resume
    sessions, _ = scan_sessions(folders().sessions)
    assert [s.state for s in sessions] == ["cut"]
    assert read_journal(journal.path).state == "cut"
    assert any("stops after" in w for w in read_journal(journal.path).warnings)


def test_list_shows_a_cut_record_as_cut(disk: Path, capsys) -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "tom", "facilitator", anti_model=False)
    fill(disk)
    play_stage(player, {})
    assert report.main(["list"]) == 0
    assert " cut " in capsys.readouterr().out


@pytest.mark.usefixtures("read_only")
def test_a_read_only_disk_says_nothing_is_kept_and_claims_no_record() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    stage = pilot.stage
    assert stage.notice.startswith("No session record can be kept")
    pilot.app.recover("a test's traceback")  # an error mid-run: back to the title
    assert pilot.name == "title" and pilot.top.unfinished is None
    assert "was not recorded, so it cannot be resumed" in pilot.top.message
    assert "was kept" not in pilot.top.message
    start_scenario(player, "example", "solo", anti_model=False)
    play_stage(player, {})
    assert pilot.name == "debrief"
    assert "practice history could not be saved" in pilot.top.message
    export = next(i for i in pilot.top.buttons.items if i.key == "export")
    assert not export.enabled  # there is no record to make a handout from
    pilot.do(Act.BACK)
