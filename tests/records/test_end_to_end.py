"""The shipped example scenario, recorded, killed, resumed, finished, reported and exported."""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.records import journal as jr
from game.records import progress
from game.records.session import finish_session, replay_record, resume_session, start_session
from game.storage import folders
from game.story.loader import load_script
from game.story.views import Phase
from game.tools import export_csv
from game.tools import report as report_tool

from .helpers import Clock, random_step

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scripts" / "example.yaml"


def test_a_solo_run_survives_a_crash_and_ends_in_the_handout_and_csv(tmp_path: Path) -> None:
    script = load_script(str(EXAMPLE))
    session = start_session(script, "solo", folders().sessions, clock=Clock())
    rng = random.Random(5)
    for _ in range(6):
        random_step(session.runtime, rng)
    if session.runtime.phase is Phase.ENDED:
        pytest.skip("this seed ended the run too early to crash it")
    before = session.runtime.view()
    path = session.journal.path
    del session  # the laptop's battery dies: nothing closed, nothing marked

    found = jr.find_unfinished(folders().sessions)
    assert found is not None and found.path == path and found.script_id == script.id
    resumed = resume_session(path, load_script(str(EXAMPLE)), clock=Clock())
    assert resumed.runtime.view() == before and resumed.warnings == []
    guard = 500
    while resumed.runtime.phase is not Phase.ENDED and guard:
        random_step(resumed.runtime, rng)
        guard -= 1
    assert resumed.runtime.phase is Phase.ENDED
    assert finish_session(resumed, folders().progress) is None
    assert jr.find_unfinished(folders().sessions) is None
    runs = progress.history(progress.load_progress(folders().progress)[0], script.id)
    assert len(runs) == 1 and runs[0].session == resumed.journal.session_id

    out = tmp_path / "handout.html"
    assert report_tool.main([resumed.journal.session_id, "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    HTMLParser().feed(html)
    assert script.title.split(":")[0] in html
    for question in script.discussion_questions:
        assert question in html
    assert (tmp_path / "handout-chart.png").stat().st_size > 1000

    csv_path = tmp_path / "choices.csv"
    assert export_csv.main(["-o", str(csv_path)]) == 0
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    record = jr.read_journal(path)
    made = [e for e in record.events if e.kind in ("redirect", "choice", "missed")]
    assert len(rows) == 1 + len(made)
    assert [r[rows[0].index("option_text")] for r in rows[1:]] == [
        getattr(e.data, "says", "") for e in made
    ]


PLAYER = """
import random, sys
from game.records.session import start_session
from game.storage import folders
from game.story.loader import load_script
from game.story.views import Phase
from tests.records.helpers import Clock, random_step

where = folders().sessions
session = start_session(load_script(sys.argv[1]), "facilitator", where, clock=Clock())
print(session.journal.path, flush=True)
rng = random.Random(int(sys.argv[2]))
while session.runtime.phase is not Phase.ENDED:
    random_step(session.runtime, rng)
input()  # hold still at the end until killed
"""


@pytest.mark.parametrize("seed", range(3))
def test_a_real_run_killed_at_random_replays_from_its_record(seed: int) -> None:
    target = random.Random(seed).randint(2, 20)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", PLAYER, str(EXAMPLE), str(seed)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        path = Path(proc.stdout.readline().strip())
        deadline = time.monotonic() + 60  # a bound for a stuck player, not a timing assertion
        while path.read_bytes().count(b"\n") < target and proc.poll() is None:
            assert time.monotonic() < deadline, "the player stopped making progress"
            time.sleep(0.001)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    record = jr.read_journal(path)
    assert all("cut short" in w for w in record.warnings)
    script = load_script(str(EXAMPLE))
    resumed = resume_session(path, script)  # completes an action the kill cut in two
    assert resumed.runtime.events[: len(record.events)] == record.events
    resumed.journal.close()
    completed = jr.read_journal(path)
    assert completed.warnings == [] and completed.events == resumed.runtime.events
    assert replay_record(completed, script).view() == resumed.runtime.view()


SHIPPED = sorted(p for p in (ROOT / "scripts").glob("*.yaml") if p.name != "criteria.yaml")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_scenario_gives_a_valid_handout(path: Path, tmp_path: Path) -> None:
    from game.records.report import write_handout
    from game.story.views import RunMode
    from game.ui.chart_png import save_png

    from .test_report import parse

    script = load_script(str(path))
    for mode, room in ((RunMode.ANTI_MODEL, "facilitator"), (RunMode.FORUM, "solo")):
        session = start_session(script, room, folders().sessions, run_mode=mode, clock=Clock())
        rng = random.Random(path.stem)
        for _ in range(400):
            if session.runtime.phase is Phase.ENDED:
                break
            random_step(session.runtime, rng)
        finish_session(session, folders().progress)
        record = jr.read_journal(session.journal.path)
        files = write_handout(record, script, tmp_path / f"{mode.value}.html", save_png)
        html = files.html.read_text(encoding="utf-8")
        parse(html)
        assert ("What you tried" if room == "solo" else "What the room tried") in html
        assert files.png is not None and files.png.stat().st_size > 1000
