"""Solo progress: one entry per finished run, in date order, recovered when damaged."""

from __future__ import annotations

import json

from game.records import progress
from game.story.model import Ending
from game.story.views import CriterionResult, RunResult
from tests.story.factory import forum_script


def result(compassion: int, ending: str = "good", tone: str = "just") -> RunResult:
    return RunResult(
        ending=Ending(ending, ending.title(), f"{ending} outcome", tone),
        criteria=(
            CriterionResult("compassion", "Compassion", compassion, -3, 5),
            CriterionResult("safety", "Safety", 1, 1, 1),
        ),
        missed=(),
        choices=(),
        timeline=(),
    )


def test_runs_are_kept_once_each_in_date_order() -> None:
    script = forum_script()
    progress.record_run(script, result(5), "s2", "2026-11-20T10:00:00+00:00")
    progress.record_run(script, result(-3, "bad", "traditional"), "s1", "2026-11-02T09:00:00+00:00")
    progress.record_run(script, result(5), "s2", "2026-11-20T10:00:00+00:00")  # again, once
    data, warning = progress.load_progress()
    assert warning is None
    runs = progress.history(data, "test")
    assert [r.session for r in runs] == ["s1", "s2"]
    assert runs[0].fractions == {"compassion": 0.0, "safety": 1.0}
    assert runs[1].fractions["compassion"] == 1.0 and runs[1].names["compassion"] == "Compassion"
    assert runs[0].overall == 0.5 and runs[1].tone == "just"
    assert progress.card_line(data, "test") == "2 practice runs; last 20 Nov 2026: Good (just)"
    assert progress.card_line(data, "other") is None


def test_a_mangled_progress_file_is_moved_aside() -> None:
    path = progress.progress_path()
    path.parent.mkdir(parents=True)
    bad = {
        "format": "freeze-frame-progress",
        "version": 1,
        "scenarios": {"test": {"runs": [{"date": 5, "criteria": {}}]}},
    }
    path.write_text(json.dumps(bad))
    data, warning = progress.load_progress()
    assert data == progress.empty()
    assert "damaged" in warning and "progress.json.corrupt-" in warning
    assert list(path.parent.glob("progress.json.corrupt-*"))


def test_a_file_from_a_newer_version_is_not_overwritten_silently() -> None:
    path = progress.progress_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"format": "freeze-frame-progress", "version": 7, "scenarios": {}}')
    data, warning = progress.load_progress()
    assert data == progress.empty() and "newer Freeze Frame" in warning
    kept = list(path.parent.glob("progress.json.corrupt-*"))
    assert len(kept) == 1 and '"version": 7' in kept[0].read_text()


def test_hand_edited_dates_still_show() -> None:
    summary = progress.RunSummary("last tuesday", "s", "", "", "", {}, {})
    assert summary.day == "last tuesday" and summary.overall == 0.0
