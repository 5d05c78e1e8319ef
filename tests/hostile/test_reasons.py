"""Issue 11, item 10: the reason given is the true one, and no tool prints a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.records.journal import JournalError, read_journal, resolve_session
from game.records.session import ResumeError, resume_session
from game.storage import folders
from game.story.loader import load_script
from game.tools import graph, report
from tests.hostile.conftest import played_run

ROOT = Path(__file__).resolve().parents[2]
TOM = str(ROOT / "scripts" / "tom.yaml")


def test_a_damaged_middle_line_is_called_damage_not_an_edited_scenario(capsys) -> None:
    record = played_run(load_script(TOM))
    lines = record.path.read_bytes().split(b"\n")
    lines[5] = b'{"type": "event", "seq": 4, "event": {"kind": "line"'  # cut mid-object
    with open(record.path, "wb") as handle:
        handle.write(b"\n".join(lines[:-3]) + b"\n")  # and stopped early: resumable
    assert read_journal(record.path).state == "unfinished"
    with pytest.raises(ResumeError, match="record is damaged") as caught:
        resume_session(record.path, load_script(TOM))
    assert "edited" not in str(caught.value)
    assert report.main([str(record.path)]) == 1
    err = capsys.readouterr().err
    assert "record is damaged" in err and "Traceback" not in err


@pytest.mark.parametrize("ref", ["*", "?", "[0-9]", "2026*", "2026????-"])
def test_a_session_reference_is_not_a_pattern(ref: str, capsys) -> None:
    played_run(load_script(TOM))
    with pytest.raises(JournalError, match="no session"):
        resolve_session(ref, folders().sessions)
    assert report.main([ref]) == 1
    assert "no session" in capsys.readouterr().err


def test_the_unique_start_of_an_id_still_finds_its_record() -> None:
    record = played_run(load_script(TOM))
    assert resolve_session(record.session_id[:15], folders().sessions) == record.path


def test_graph_into_a_missing_folder_or_onto_a_folder_says_so(tmp_path: Path, capsys) -> None:
    assert graph.main([TOM, "-o", str(tmp_path / "missing" / "g.md")]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert graph.main([TOM, "-o", str(tmp_path)]) == 1
    assert "cannot write" in capsys.readouterr().err
