"""Solo progress: one entry per finished run, in date order, recovered when damaged."""

from __future__ import annotations

import json

from game.records import progress
from game.storage import folders
from game.story.model import Ending
from game.story.views import CriterionResult, RunResult
from tests.story.factory import forum_script


def result(compassion: float, ending: str = "good", tone: str = "just") -> RunResult:
    """A run's result: compassion judged at two moments, safety at none."""
    return RunResult(
        ending=Ending(ending, ending.title(), f"{ending} outcome", tone),
        criteria=(
            CriterionResult("compassion", "Compassion", compassion, 2),
            CriterionResult("safety", "Safety", 0.0, 0),
        ),
        missed=(),
        choices=(),
        timeline=(),
    )


def test_runs_are_kept_once_each_in_date_order() -> None:
    script = forum_script()
    progress.record_run(script, result(1.0), "s2", "2026-11-20T10:00:00+00:00", folders().progress)
    progress.record_run(
        script,
        result(0.0, "bad", "traditional"),
        "s1",
        "2026-11-02T09:00:00+00:00",
        folders().progress,
    )
    progress.record_run(
        script, result(1.0), "s2", "2026-11-20T10:00:00+00:00", folders().progress
    )  # again, once
    data, warning = progress.load_progress(folders().progress)
    assert warning is None
    runs = progress.history(data, "test")
    assert [r.session for r in runs] == ["s1", "s2"]
    assert runs[0].fractions == {"compassion": 0.0}, "safety cannot move here: left out"
    assert runs[1].fractions["compassion"] == 1.0 and runs[1].names["compassion"] == "Compassion"
    assert runs[1].tone == "just"
    assert progress.card_line(data, "test") == (
        # the time: two runs a day
        "Practice runs: 2; last 20 Nov 2026 10:00: Good (just and learning)"
    )
    assert progress.card_line(data, "other") is None


def test_a_mangled_progress_file_is_moved_aside() -> None:
    path = folders().progress
    path.parent.mkdir(parents=True)
    bad = {
        "format": "freeze-frame-progress",
        "version": 1,
        "scenarios": {"test": {"runs": [{"date": 5, "criteria": {}}]}},
    }
    path.write_text(json.dumps(bad))
    data, warning = progress.load_progress(folders().progress)
    assert data == progress.empty()
    assert "damaged" in warning and "progress.json.corrupt-" in warning
    assert list(path.parent.glob("progress.json.corrupt-*"))


def test_a_file_from_a_newer_version_is_not_overwritten_silently() -> None:
    path = folders().progress
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "freeze-frame-progress", "version": 7, "scenarios": {}}')
    data, warning = progress.load_progress(folders().progress)
    assert data == progress.empty() and "newer Freeze Frame" in warning
    kept = list(path.parent.glob("progress.json.corrupt-*"))
    assert len(kept) == 1 and '"version": 7' in kept[0].read_text()


def test_hand_edited_dates_still_show() -> None:
    summary = progress.RunSummary("last tuesday", "s", "", "", "", {}, {})
    assert summary.day == "last tuesday" == summary.when and summary.clock == ""


def test_the_trend_chart_shows_the_latest_run_hatched_and_in_words() -> None:
    import xml.etree.ElementTree as ET

    from game.records.chart import to_svg, trend_layout

    script = forum_script()
    for day in range(1, 11):
        score = (day % 9) / 8
        progress.record_run(
            script, result(score), f"s{day:02d}", f"2026-11-{day:02d}T09:00:00", folders().progress
        )
    runs = progress.history(progress.load_progress(folders().progress)[0], "test")
    chart = trend_layout(runs, "Your progress")
    words = [label.text for label in chart.labels]
    assert "Compassion" in words and "Your progress" in words
    assert "Safety" not in words, "a criterion no choice can move is not charted as perfect"
    assert "latest 12%" in words  # day 10 scored 1/8 of the way from worst to best
    assert words.count("10 Nov") == 1 and "2 Nov" not in words, "the last 8 runs only"
    tracks = [b for b in chart.boxes if b.style == "best"]
    assert len(tracks) == 1 + 8
    hatched = [b for b in chart.boxes if b.style == "run"]
    assert len(hatched) == 1 + 1, "the legend and the latest run"
    assert ET.fromstring(to_svg(chart)).tag == "svg"
    assert "No practice runs yet." in [label.text for label in trend_layout([]).labels]


def test_runs_saved_under_the_old_measure_draw_no_bars() -> None:
    """Before choices were judged against their alternatives, fractions placed totals between
    the worst and best paths: they do not compare, so the trend leaves them out."""
    script = forum_script()
    path = folders().progress
    progress.record_run(script, result(1.0), "s2", "2026-11-20T10:00:00+00:00", path)
    data, _ = progress.load_progress(path)
    old = {
        "session": "s1",
        "date": "2026-11-02T09:00:00+00:00",
        "ending": "bad",
        "criteria": {"compassion": {"value": 4, "worst": -3, "best": 5, "fraction": 0.875}},
    }
    data["scenarios"]["test"]["runs"].insert(0, old)
    path.write_text(json.dumps(data))
    runs = progress.history(progress.load_progress(path)[0], "test")
    assert [r.session for r in runs] == ["s1", "s2"]
    assert runs[0].fractions == {} and runs[1].fractions == {"compassion": 1.0}
