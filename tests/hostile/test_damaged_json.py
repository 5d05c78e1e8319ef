"""Issue 11, item 4: damaged JSON anywhere is moved aside with a notice, and the game always
reaches its title. Only JSONDecodeError used to be caught, so deep nesting (RecursionError)
and over-long numbers (ValueError) stopped the game, and a damaged last record line made
Resume fail and the run impossible to set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.records.journal import read_journal
from game.records.progress import load_progress
from game.records.session import start_session
from game.storage import folders
from game.story.loader import load_script
from game.tools import export_csv, report
from game.ui.app import App
from game.ui.keymap import Act
from game.ui.settings import Settings, load_settings
from tests.ui.pilot import Pilot, Player

ROOT = Path(__file__).resolve().parents[2]

#: JSON that Python's parser chokes on in ways other than JSONDecodeError, or that holds
#: numbers no screen can use.
HOSTILE = {
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "long_number": b'{"volume": ' + b"9" * 5_000 + b"}",
    "infinite": b'{"format": "freeze-frame-progress", "version": 1e999}',
    "nan": b'{"volume": NaN}',
}


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def aside(path: Path) -> list[Path]:
    return list(path.parent.glob(f"{path.name}.corrupt-*"))


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_settings_are_moved_aside_and_the_game_starts(name: str) -> None:
    write(folders().settings, HOSTILE[name])
    settings, warning = load_settings(folders().settings)
    assert settings == Settings()
    assert warning and "could not be used" in warning
    assert aside(folders().settings) and not folders().settings.exists()
    write(folders().settings, HOSTILE[name])
    app = App((1024, 576), strict=True, animate=False)
    app.start("title")
    app.frame(1 / 60)
    assert app.stack.top.name == "title" and "settings.json" in app.stack.top.message


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_progress_is_moved_aside_and_the_picker_opens(name: str) -> None:
    write(folders().progress, HOSTILE[name])
    pilot = Pilot()
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "start")
    assert pilot.name == "picker" and "progress.json could not be used" in pilot.top.warning
    assert aside(folders().progress)


def test_progress_with_a_fraction_no_chart_can_draw_is_moved_aside() -> None:
    run = b'{"date": "2026-01-01", "criteria": {"c": {"fraction": 1e300}}}'
    write(
        folders().progress,
        b'{"format": "freeze-frame-progress", "version": 1, "scenarios": {"tom": {"runs": ['
        + run
        + b"]}}}",
    )
    data, warning = load_progress(folders().progress)
    assert warning and data["scenarios"] == {}


def header_line(**changes: object) -> bytes:
    import json

    header = {
        "type": "header",
        "format": "freeze-frame-session",
        "version": 2,
        "session": "20260101-000000-aaaaaa",
        "script": {"id": "example", "title": "Example", "path": "", "sha256": ""},
        "mode": "solo",
        "started": "2026-01-01T00:00:00+00:00",
        "app": "dev",
    }
    header.update(changes)
    return json.dumps(header).encode() + b"\n"


DAMAGED_HEADERS = {
    "deep": HOSTILE["deep"] + b"\n",
    "long_number": header_line().replace(b'"version": 2', b'"version": ' + b"9" * 5_000),
    "script_not_text": header_line(script={"id": ["x"], "title": {"a": 1}}),
    "criteria_not_objects": header_line(
        script={"id": "example", "title": "Example", "criteria": [1, 2]}
    ),
    "empty": b"",
}


def test_damaged_record_headers_are_set_aside_at_the_title_and_the_tools_say_so(capsys) -> None:
    folder = folders().sessions
    for name, data in DAMAGED_HEADERS.items():
        write(folder / f"{name}.jsonl", data)
    write(folder / "newer.jsonl", header_line(version=99))
    write(folder / "bom.jsonl", b"\xef\xbb\xbf" + header_line())
    assert report.main(["list"]) == 0
    captured = capsys.readouterr()
    assert "20260101-000000-aaaaaa" in captured.out  # the byte-order mark is no reason to hide
    for name in (*DAMAGED_HEADERS, "newer"):
        assert f"{name}.jsonl" in captured.err, name
    assert export_csv.main([]) == 0
    pilot = Pilot()
    assert pilot.name == "title"
    message = pilot.top.message
    assert "newer.jsonl: written by a newer Freeze Frame" in message
    assert "moved aside" in message
    left = sorted(p.name for p in folder.glob("*.jsonl"))
    assert left == ["bom.jsonl", "newer.jsonl"]
    for name in DAMAGED_HEADERS:
        assert list(folder.glob(f"{name}.jsonl.corrupt-*")), name


def unfinished_record() -> Path:
    """A solo run of the example stopped after a few lines, as a kill leaves it."""
    script = load_script(str(ROOT / "scripts" / "example.yaml"))
    session = start_session(script, "solo", folders().sessions)
    for _ in range(3):
        session.runtime.advance()
    session.journal.close()
    return session.journal.path


DAMAGED_LAST_LINES = {
    "deep": HOSTILE["deep"] + b"\n",
    "option_null": b'{"type":"event","seq":4,"event":{"kind":"choice","action":"choose",'
    b'"t":1.0,"step":4,"beat":"x","line":0,"attempt":0,"data":{"option":null}}}\n',
    "nan_time": b'{"type":"event","seq":4,"event":{"kind":"line","action":"advance",'
    b'"t":NaN,"step":4,"beat":"x","line":0,"attempt":0,"data":{"who":"a","says":"b"}}}\n',
    "long_unterminated": b'{"type":"event","seq":4,"event":"' + b"x" * 40_000,
}


@pytest.mark.parametrize("name", DAMAGED_LAST_LINES)
def test_a_damaged_last_line_still_resumes(name: str) -> None:
    path = unfinished_record()
    with open(path, "ab") as handle:
        handle.write(DAMAGED_LAST_LINES[name])
    assert read_journal(path).warnings
    pilot = Pilot()
    assert pilot.top.menu.items[0].key == "resume"
    pilot.do(Act.CONFIRM)
    assert pilot.name == "stage", pilot.app.notice


@pytest.mark.parametrize("name", DAMAGED_LAST_LINES)
def test_a_run_with_a_damaged_last_line_can_be_set_aside(name: str) -> None:
    path = unfinished_record()
    with open(path, "ab") as handle:
        handle.write(DAMAGED_LAST_LINES[name])
    pilot = Pilot()
    assert pilot.top.menu.items[0].key == "resume"
    pilot.do(Act.BACK)
    assert pilot.name == "title" and pilot.top.unfinished is None
    assert read_journal(path).state == "abandoned"
