"""A solo manager's history per scenario: when they played, where it ended, how each criterion went.

Kept in one small JSON file rather than recomputed from session records so the scenario
cards and the progress screen read one file, once, when the menu opens. It is rewritten
atomically at the end of each solo run; a damaged file is moved aside and history starts
afresh (the session records are still there) with a warning for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game.i18n import N_, _, month
from game.storage import atomic_write_json, load_json
from game.story.model import Script
from game.story.roles import Seat, seat_words
from game.story.views import RunResult

FORMAT = "freeze-frame-progress"
VERSION = 1


def empty() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "scenarios": {}}


def _check(data: dict[str, Any]) -> None:
    """Raise ValueError unless `data` is a progress file this version can use."""
    if data.get("format") != FORMAT:
        raise ValueError(_("it is not a Freeze Frame progress file"))
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise ValueError(
            _("it was written by a newer Freeze Frame (format {version})").format(
                version=data.get("version")
            )
        )
    scenarios = data.get("scenarios")
    if not isinstance(scenarios, dict):
        raise ValueError(_("it has no list of scenarios"))
    for sid, entry in scenarios.items():
        runs = entry.get("runs") if isinstance(entry, dict) else None
        if not isinstance(runs, list) or not isinstance(entry.get("title", ""), str):
            raise ValueError(_("scenario {id!r} has no list of runs").format(id=sid))
        for run in runs:
            _check_run(sid, run)


def _check_run(sid: str, run: Any) -> None:
    """Every field a card or the chart reads has its type, and each fraction lies in 0..1
    (a chart cannot plot 1e300). Text fields may be missing, never another type."""
    ok = (
        isinstance(run, dict)
        and isinstance(run.get("date"), str)
        and all(
            isinstance(run.get(k, ""), str)
            for k in ("session", "ending", "title", "tone", "role", "style", "played")
        )
        and isinstance(run.get("criteria"), dict)
        and all(_criterion_ok(c) for c in run["criteria"].values())
    )
    if not ok:
        raise ValueError(_("a run of scenario {id!r} is damaged").format(id=sid))


def _criterion_ok(c: Any) -> bool:
    number = int | float
    return (
        isinstance(c, dict)
        and isinstance(c.get("fraction"), number)
        and not isinstance(c["fraction"], bool)
        and 0.0 <= c["fraction"] <= 1.0
        and isinstance(c.get("name", ""), str)
        and all(isinstance(c.get(k, 0), number) for k in ("best", "worst", "value"))
    )


def load_progress(path: Path) -> tuple[dict[str, Any], str | None]:
    """The whole history, and a warning for the user if the file had to be set aside."""
    return load_json(path, empty(), _check)


def record_run(
    script: Script,
    result: RunResult,
    session_id: str,
    date: str,
    path: Path,
) -> str | None:
    """Add one finished solo run to the progress file `path` (once per session)."""
    data, warning = load_progress(path)
    entry = data["scenarios"].setdefault(script.id, {"title": script.title, "runs": []})
    entry["title"] = script.title
    ending = result.ending
    run = {
        "session": session_id,
        "date": date,
        "measure": MEASURE,
        "ending": ending.id if ending else "",
        "title": ending.title if ending else "",
        "tone": ending.tone if ending else "",
        # Role reversal: whose shoes and which manager ("" for the manager), and in words.
        "role": result.role,
        "style": result.style,
        "played": seat_words(script, Seat(result.role, result.style)),
        "criteria": {
            c.id: {
                "name": c.name,
                "value": c.value,
                "worst": c.worst,
                "best": c.best,
                "fraction": round(c.fraction, 4),
                "moments": c.moments,
            }
            for c in result.criteria
        },
    }
    entry["runs"] = [r for r in entry["runs"] if r.get("session") != session_id] + [run]
    atomic_write_json(path, data)
    return warning


@dataclass(frozen=True)
class RunSummary:
    """One practice run as the scenario card and the progress chart show it."""

    date: str
    session: str
    ending: str
    ending_title: str
    tone: str
    fractions: dict[str, float]
    names: dict[str, str]
    #: "Played as Tom, the team leader, with a traditional manager" ("": as the manager).
    played: str = ""

    @property
    def day(self) -> str:
        """ "23 Nov 2026" from the ISO date, or the raw text if someone edited it by hand."""
        try:
            when = datetime.fromisoformat(self.date)
        except ValueError:
            return self.date
        return f"{when.day} {month(when.month, short=True)} {when.year}"

    @property
    def clock(self) -> str:
        """ "14:05" (as it was where it was played), or "" if the date has no time."""
        try:
            moment = datetime.fromisoformat(self.date)
        except ValueError:
            return ""
        return f"{moment:%H:%M}" if "T" in self.date else ""

    @property
    def when(self) -> str:
        """ "23 Nov 2026 14:05": two runs on one day must not read alike."""
        return f"{self.day} {self.clock}".strip()


#: How the fractions of a run were measured: each choice against the alternatives at its
#: moment (game/story/scoring.py). Runs saved before carry no `measure`: their fractions
#: placed totals between the worst and best totals of any path, which does not compare.
MEASURE = "alternatives"


def _tested(run: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Criteria some moment of the run tested (best differs from worst), measured as today;
    a run saved under the old measure keeps its date and ending but draws no bars."""
    if run.get("measure") != MEASURE:
        return []
    return [(cid, c) for cid, c in run["criteria"].items() if c.get("best", 1) != c.get("worst", 0)]


def history(data: dict[str, Any], script_id: str) -> list[RunSummary]:
    """The runs of one scenario, oldest first (the order of a chart over time).

    Criteria the scenario cannot move are left out: their fraction is 1.0 by definition,
    and a chart would show them as a perfect score.
    """
    runs = data.get("scenarios", {}).get(script_id, {}).get("runs", [])
    found = [
        RunSummary(
            date=run["date"],
            session=str(run.get("session", "")),
            ending=str(run.get("ending", "")),
            ending_title=str(run.get("title", "")),
            tone=str(run.get("tone", "")),
            fractions={cid: float(c["fraction"]) for cid, c in _tested(run)},
            names={cid: str(c.get("name", cid)) for cid, c in _tested(run)},
            played=str(run.get("played", "")),
        )
        for run in runs
    ]
    return sorted(found, key=lambda r: r.date)


#: An ending's tone in a few words, for the scenario card and the progress screen.
TONE_WORDS = {
    "just": N_("just and learning"),
    "mixed": N_("mixed"),
    "traditional": N_("traditional"),
}


def tone_words(tone: str) -> str:
    """`tone` in words, in the language in use (an unknown tone as it is written)."""
    return _(TONE_WORDS[tone]) if tone in TONE_WORDS else tone


def card_line(data: dict[str, Any], script_id: str) -> str | None:
    """One line for the scenario card: "3 practice runs; last 23 Nov 2026: Supported return"."""
    runs = history(data, script_id)
    if not runs:
        return None
    last = runs[-1]
    ending = last.ending_title or _("no ending reached")
    tone = f" ({tone_words(last.tone)})" if last.tone else ""
    played = f" ({last.played})" if last.played else ""
    return _("Practice runs: {count}; last {when}: {ending}").format(
        count=len(runs), when=last.when, ending=ending + tone + played
    )
