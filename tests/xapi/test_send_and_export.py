"""The outbox end to end: the game killed mid-send, `xapi send` and `xapi export`."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from ralph.models.xapi.base.statements import BaseXapiStatement

from game.records.journal import read_journal
from game.records.outbox import Outbox
from game.records.session import finish_session, start_session
from game.records.xapi import LrsSettings, build_statements, registration, save_lrs_settings
from game.storage import folders
from game.story.loader import load_script
from game.story.views import Phase
from game.tools import xapi as xapi_tool
from tests.records.helpers import Clock, random_step

from .ralph import Ralph

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scripts" / "example.yaml"


def played(seed: int, room: str = "facilitator") -> Path:
    """A whole run of the example, recorded as the game records it; its record's path."""
    session = start_session(load_script(str(EXAMPLE)), room, folders().sessions, clock=Clock())
    rng = random.Random(seed)
    for _ in range(2000):
        if session.runtime.phase is Phase.ENDED:
            break
        random_step(session.runtime, rng)
    finish_session(session, folders().progress)
    return session.journal.path


def expected_ids(paths: list[Path], settings: LrsSettings) -> list[str]:
    script = load_script(str(EXAMPLE))
    ids = []
    for path in paths:
        ids += [s["id"] for s in build_statements(read_journal(path), settings, script).statements]
    return sorted(ids)


def stored_ids(ralph: Ralph, paths: list[Path]) -> list[str]:
    ids = []
    for path in paths:
        ids += [s["id"] for s in ralph.statements(registration(read_journal(path).session_id))]
    return sorted(ids)


def test_killing_the_game_mid_send_loses_and_duplicates_nothing(
    ralph: Ralph, lrs: LrsSettings, ff_home: Path
) -> None:
    save_lrs_settings(lrs, folders().lrs_settings)
    paths = [played(seed) for seed in range(8)]
    wanted = expected_ids(paths, lrs)
    lrs_file = ralph.folder / "fs" / "fs_lrs.jsonl"

    def lines() -> int:
        return lrs_file.read_bytes().count(b"\n") if lrs_file.exists() else 0

    before = lines()
    env = {**os.environ, "FREEZE_FRAME_HOME": str(ff_home), "SDL_VIDEODRIVER": "dummy"}
    game = subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=ROOT, env=env)
    deadline = time.monotonic() + 120
    while lines() == before and game.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # watching another process; nothing here is timed
    game.send_signal(signal.SIGKILL)
    game.wait(30)
    sent_before_kill = lines() - before
    assert 0 < sent_before_kill < len(wanted), "killed while sending, not before or after"
    assert Outbox(folders().xapi).pending(), "what was not confirmed is still in the outbox"

    assert xapi_tool.main(["send"]) == 0  # the next start (or `xapi send`) sends the rest
    assert Outbox(folders().xapi).pending() == []
    assert stored_ids(ralph, paths) == wanted, "every statement once: none lost, none twice"


def test_send_with_no_lrs_keeps_everything_then_sends_it_once_one_is_set(
    ralph: Ralph, lrs: LrsSettings, capsys
) -> None:
    paths = [played(1), played(2, "solo")]
    assert xapi_tool.main(["send"]) == 0
    out = capsys.readouterr()
    assert "nothing was sent" in out.out and "no learner account" in out.err
    kept = Outbox(folders().xapi).count()
    assert kept == len(expected_ids(paths[:1], lrs)), "the room's run kept, the solo one not made"
    save_lrs_settings(lrs, folders().lrs_settings)
    assert xapi_tool.main(["send"]) == 0
    assert f"Sent {kept} statements" in capsys.readouterr().out
    assert stored_ids(ralph, paths[:1]) == expected_ids(paths[:1], lrs)
    assert xapi_tool.main(["send"]) == 0
    assert "Sent 0 statements" in capsys.readouterr().out, "nothing made or sent twice"


def test_export_writes_the_chosen_sessions_as_valid_statements(
    lrs: LrsSettings, tmp_path: Path
) -> None:
    save_lrs_settings(lrs, folders().lrs_settings)
    first, _not_chosen, third = played(3), played(4), played(5)
    out = tmp_path / "statements.json"
    chosen = [read_journal(p).session_id for p in (first, third)]
    assert xapi_tool.main(["export", "-o", str(out), *chosen]) == 0
    statements = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(s["id"] for s in statements) == expected_ids([first, third], lrs)
    assert {s["context"]["registration"] for s in statements} == {registration(c) for c in chosen}
    for statement in statements:
        BaseXapiStatement.model_validate(statement)
    assert Outbox(folders().xapi).pending() == [], "an export sends nothing and queues nothing"


def test_setup_keeps_the_password_out_of_sight(capsys, monkeypatch, ff_home: Path) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pass\n"))
    args = ["setup", "--endpoint", "https://lrs.example/xAPI/", "--username", "u"]
    assert xapi_tool.main([*args, "--password-stdin", "--room-account", "ward-7-room"]) == 0
    assert xapi_tool.main(["status"]) == 0
    out = capsys.readouterr().out
    assert "s3cret-pass" not in out and "password: set" in out and "ward-7-room" in out
    saved = ff_home / "config" / "lrs.json"
    assert json.loads(saved.read_text())["password"] == "s3cret-pass"
    if os.name == "posix":
        assert saved.stat().st_mode & 0o077 == 0, "readable by its owner only"
    assert xapi_tool.main(["setup", "--endpoint", "ftp://lrs.example"]) == 2
