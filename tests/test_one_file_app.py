"""The pieces of the one-file app that run without building it: user scripts beside the
shipped ones, the smoke run CI gives the built app, and the bench's note when none is built.
(.ci/run builds the app and runs it headless from an empty environment.)"""

from __future__ import annotations

import shutil
from pathlib import Path

from game.bench import app as app_bench
from game.storage import folders
from game.tools import build, smoke
from tests.ui.pilot import Pilot

ROOT = Path(__file__).resolve().parents[1]


def test_the_users_own_scripts_are_listed_after_the_shipped_ones() -> None:
    mine = folders().scripts
    mine.mkdir(parents=True)
    text = (ROOT / "scripts" / "example.yaml").read_text(encoding="utf-8")
    (mine / "my_own.yaml").write_text(text.replace("id: example", "id: my_own", 1), "utf-8")
    shutil.copy(ROOT / "scripts" / "example.yaml", mine / "copy.yaml")
    entries = Pilot().app.library.entries()
    shipped = sorted((ROOT / "scripts").glob("*.yaml"))
    assert [Path(e.path).name for e in entries[-2:]] == ["copy.yaml", "my_own.yaml"]
    assert len(entries) == len(shipped) - 1 + 2, "criteria.yaml is not a scenario"
    mine_entry, copy_entry = entries[-1], entries[-2]
    assert mine_entry.playable and mine_entry.id == "my_own"
    assert not copy_entry.playable, "a second script with a shipped id is listed as broken"


def test_the_smoke_run_shows_the_title_then_plays_a_scene(capsys) -> None:
    assert smoke.main(["--seconds", "0.5"]) == 0
    out = capsys.readouterr().out
    assert "then 'Example" in out or "on stage" in out
    assert "all well" in out


def test_first_frame_prints_a_time_and_stops(capsys) -> None:
    assert smoke.main(["--first-frame"]) == 0
    assert float(capsys.readouterr().out.strip()) > 0


def test_the_bench_notes_when_no_app_is_built(tmp_path: Path) -> None:
    figures = app_bench.measure(1, tmp_path / "FreezeFrame")
    assert figures["built"] is False and "python3 main.py build" in figures["note"]


def test_the_app_carries_the_scenarios_the_fonts_and_every_command() -> None:
    args = build.pyinstaller_args(Path("dist"), Path("work"))
    data = [args[i + 1] for i, a in enumerate(args) if a == "--add-data"]
    assert any(d.endswith("scripts") for d in data)
    assert any(d.replace("\\", "/").endswith("assets/fonts") for d in data)
    hidden = {args[i + 1] for i, a in enumerate(args) if a == "--hidden-import"}
    assert {"game.tools.xapi", "game.ui.screens.title", "game.ui.screens.stage"} <= hidden
    assert args[args.index("--collect-data") + 1] == "game", "its translations (game/locale)"
    assert "pytest" in args and "ralph" in args, "test-only packages are left out"
