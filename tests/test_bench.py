"""`main.py bench --quick`: every section is there and every figure is a sane number.

A smoke test of the benchmark, not of the game's speed: nothing here asserts a time.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os

import pytest

from game.tools import bench

SCREENS = {
    "stage, line typing",
    "stage, speaker changes",
    "freeze overlay, up and held",
    "hot-seat thought bubble",
    "decision option cards",
    "debrief with chart",
    "scenario picker",
}


#: Figures that may rightly be negative: a change (memory can shrink between rounds, and a
#: tiny quick-mode script can even time faster than a smaller one), and the budget verdicts.
SIGNED = {
    "growth",
    "growth_after_first_mib",
    "growth_per_round_mib",
    "growth_after_first_pct",
    "budgets",
}


def numbers(value: object):
    """Every number anywhere in a parsed JSON value, except under the SIGNED keys."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in SIGNED:
                yield from numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from numbers(item)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield value


@pytest.fixture(scope="module")
def result() -> dict:
    """One quick run for the whole module, its JSON parsed; the environment restored after."""
    out = io.StringIO()
    with (
        pytest.MonkeyPatch.context() as env,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        env.setenv("FREEZE_FRAME_HOME", "")
        code = bench.main(["--quick", "--json", "--size", "1024x576"])
    assert code == 0
    return json.loads(out.getvalue())


def test_every_section_is_reported(result: dict) -> None:
    assert set(result) >= {
        "machine",
        "size",
        "frames",
        "buzzer",
        "speech",
        "startup",
        "tools",
        "memory",
    }
    assert result["size"] == [1024, 576] and result["quick"] is True
    assert set(result["frames"]["screens"]) == SCREENS
    assert set(result["startup"]) == {"title", "scene"}
    shipped = result["tools"]["shipped"]
    assert "example.yaml" in shipped and "criteria.yaml" not in shipped
    assert list(result["tools"]["generated"]["sizes"]) == ["60", "300"]
    assert list(result["tools"]["generated"]["growth"]) == ["60->300"]


def test_frames_are_counted_as_asked(result: dict) -> None:
    assert result["frames"]["floor"]["samples"] == bench.QUICK.frames
    for timing in result["frames"]["screens"].values():
        assert timing["samples"] == bench.QUICK.frames
        assert timing["median_ms"] <= timing["p99_ms"] <= timing["max_ms"]


def test_every_figure_is_a_finite_non_negative_number(result: dict) -> None:
    found = list(numbers(result))
    assert len(found) > 100
    assert all(math.isfinite(n) and n >= 0 for n in found)


def test_the_buzz_was_measured_and_the_big_script_has_millions_of_paths(result: dict) -> None:
    assert result["buzzer"]["buzzes"] >= 1
    assert result["presenter"]["buzz_frames_max"] >= 1
    assert result["presenter"]["presenter_size"] == [1280, 800]
    assert result["buzzer"]["frames_max"] >= 1
    assert result["tools"]["generated"]["many_paths"]["paths"] > 1_000_000
    mem = result["memory"]
    assert len(mem["resident_after_each_mib"]) == bench.QUICK.rounds == mem["rounds"]
    assert mem["peak_mib"] >= max(mem["resident_after_each_mib"]) * 0.5


def test_speech_was_heard_on_the_same_lines_it_was_timed_without(result: dict) -> None:
    """With an engine (CI installs eSpeak NG), every line was queued and heard while its
    frames were timed, and the silent run timed as many frames; without one, a note says why."""
    speech = result["speech"]
    if "note" in speech and not os.environ.get("CI"):
        pytest.skip(f"no speech engine here: {speech['note']}")
    assert speech["lines"] >= 2 and speech["started"] >= 1
    assert speech["queued"] >= speech["started"]
    assert speech["spoken"]["samples"] == speech["silent"]["samples"] > speech["lines"]
    assert "Spoken lines (pyttsx3" in bench.table(result)


def test_every_budget_is_judged(result: dict) -> None:
    names = [b["budget"] for b in result["budgets"]]
    # two with the presenter view open; two of issue 9's (a scene's start-up, peak memory);
    # one with speech (where an engine is)
    assert len(names) == 2 * len(SCREENS) + 10 + ("spoken" in result["speech"])
    assert {"start-up to a scene (s)", "peak memory (MiB)"} <= set(names)
    assert all(isinstance(b["met"], bool) for b in result["budgets"])


def test_the_table_names_every_screen_and_budget(result: dict) -> None:
    text = bench.table(result)
    for name in SCREENS:
        assert name in text
    assert text.count("(limit ") == len(result["budgets"])


def test_a_bad_size_is_refused_without_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        bench.main(["--size", "big"])
    assert stop.value.code == 2
    assert "is not WIDTHxHEIGHT" in capsys.readouterr().err
