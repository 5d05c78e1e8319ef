"""Atomic writes and damage-tolerant reads of settings and progress files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game import storage


def test_folders_follow_the_home_override(ff_home: Path) -> None:
    where = storage.folders()
    assert where.data == ff_home / "data" and where.sessions == ff_home / "data" / "sessions"
    assert where.config == ff_home / "config"
    assert where.settings == ff_home / "config" / "settings.json"
    assert where.handouts == ff_home / "handouts"
    assert storage.folders({storage.HOME_ENV: "/elsewhere"}).data == Path("/elsewhere/data")


def test_folders_come_from_platformdirs_without_override() -> None:
    where = storage.folders({})
    assert "FreezeFrame" in str(where.data) and "FreezeFrame" in str(where.config)
    assert storage.folders({storage.HOME_ENV: "  "}) == where


def test_atomic_write_json_round_trips_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.json"
    storage.atomic_write_json(path, {"speed": 3, "name": "Zoë"})
    storage.atomic_write_json(path, {"speed": 4})
    assert json.loads(path.read_text(encoding="utf-8")) == {"speed": 4}
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]


def test_failed_rename_keeps_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "progress.json"
    storage.atomic_write_json(path, {"runs": [1, 2, 3]})
    before = path.read_bytes()

    def power_cut(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError):
        storage.atomic_write_json(path, {"runs": list(range(10_000))})
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["progress.json"]


def test_failed_write_midway_keeps_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "settings.json"
    storage.atomic_write_text(path, "old")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        storage.atomic_write_text(path, "new text that never lands")
    monkeypatch.undo()
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_missing_file_gives_defaults_without_warning(tmp_path: Path) -> None:
    default = {"speed": 3}
    value, warning = storage.load_json(tmp_path / "nothing.json", default)
    assert value == default and warning is None
    value["speed"] = 9
    assert default == {"speed": 3}, "the caller's default must not be shared"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"speed": 3,', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[1, 2, 3]", "where an object was expected"),
        (b"", "not valid JSON"),
    ],
)
def test_corrupt_file_is_moved_aside_and_defaults_used(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    value, warning = storage.load_json(path, {"speed": 3})
    assert value == {"speed": 3}
    assert warning is not None and reason in warning and "settings.json" in warning
    assert not path.exists()
    backups = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == content
    assert backups[0].name in warning


def test_check_rejects_wrong_shape_and_two_backups_do_not_collide(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"

    def check(value):
        if value.get("format") != "x":
            raise ValueError("it is not a progress file")

    for _ in range(2):
        path.write_text('{"format": "y"}')
        value, warning = storage.load_json(path, {}, check)
        assert value == {} and "not a progress file" in warning
    assert len(list(tmp_path.glob("progress.json.corrupt-*"))) == 2


def test_good_file_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    storage.atomic_write_json(path, {"theme": "high contrast"})
    assert storage.load_json(path, {}) == ({"theme": "high contrast"}, None)
