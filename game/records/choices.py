"""Every recorded choice across sessions as table rows, for L&D to analyse in a spreadsheet.

One row per redirect, decision or missed moment, with each criterion's score in its own
column so a pivot table can total them. Where the scenario file can be found, each row also
says how the choice was judged against the alternatives the room had at that moment (the
same measure as the debrief: 0 the worst alternative there, 1 the best; blank where the
alternatives did not differ) and which alternative was the strongest. The scores come from
the session records alone (no scenario file needed): the record's header lists the
scenario's criteria, so a criterion the scenario has but the option did not score shows 0,
and one it does not have stays blank.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from game.records.journal import JournalError, JournalRecord, list_sessions, read_journal
from game.records.session import ResumeError, replay_record
from game.storage import atomic_write_text
from game.story.events import Chosen, Missed, OwnWords, Redirected, Tallied, run_mode, run_seat
from game.story.model import Script
from game.story.scoring import Judged

#: The events that are rows: something said (or not) at a point, and what it scored.
CHOICES = (Redirected, Chosen, Missed)
FIXED = (
    "session",
    "date",
    "scenario",
    "scenario_title",
    "room_mode",
    "run_mode",
    "role",
    "manager_style",
    "attempt",
    "seconds",
    "point",
    "kind",
    "option_number",
    "option_text",
)
TRAILING = ("feedback", "show_of_hands_for_this", "show_of_hands_all")
STRONGEST = ("strongest_option_number", "strongest_option_text")
#: The last column: what the room said in its own words, when it did (mapped to the row's
#: option).
OWN = ("own_words",)
#: Finds the scenario a record was played from (None: not found; the judged columns stay
#: blank for that record).
ScriptFinder = Callable[[JournalRecord], Script | None]
#: A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float


@dataclass
class Table:
    header: list[str]
    rows: list[list[Cell]]
    warnings: list[str]


def safe_cell(value: Cell) -> Cell:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers pass."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _criteria_order(records: Iterable[JournalRecord]) -> list[str]:
    order: dict[str, None] = {}
    for record in records:
        for c in record.script.get("criteria", []):
            order.setdefault(str(c.get("id", "")), None)
        for e in record.events:
            if isinstance(e.data, CHOICES):
                for cid in e.data.scores:
                    order.setdefault(cid, None)
    return [c for c in order if c]


def _verdicts(record: JournalRecord, find: ScriptFinder | None) -> list[Judged] | None:
    """The record's moments judged on its scenario, if the scenario can be found and the
    record still replays on it."""
    script = find(record) if find is not None else None
    if script is None:
        return None
    try:
        return replay_record(record, script).verdicts
    except ResumeError:
        return None


def _judged_cells(verdict: Judged | None, criteria: list[str]) -> list[Cell]:
    if verdict is None:
        return ["" for _ in [*criteria, "option", "says"]]
    strong = verdict.strongest()
    return [
        *(round(verdict.positions[c], 3) if c in verdict.positions else "" for c in criteria),
        strong.option + 1 if strong.option >= 0 else "",
        strong.says or "(let it pass)",
    ]


def _rows(
    record: JournalRecord, criteria: list[str], find: ScriptFinder | None = None
) -> list[list[Cell]]:
    own = {str(c.get("id")) for c in record.script.get("criteria", [])}
    events = record.events
    start = events[0].t if events else 0.0
    mode = run_mode(events)
    role, style = run_seat(events)
    tallies: dict[tuple[int, str], dict[int, int]] = {}
    rows: list[list[Cell]] = []
    words = ""  # the room's own words, recorded just before the option they map to
    verdicts = _verdicts(record, find)
    moments = sum(1 for e in events if isinstance(e.data, CHOICES))
    if verdicts is not None and len(verdicts) != moments:
        verdicts = None  # an anti-model run is not judged
    for e in events:
        made = e.data
        if isinstance(made, Tallied):
            tallies.setdefault((e.attempt, made.point), {})[made.option] = made.count
            continue
        if isinstance(made, OwnWords):
            words = made.words
            continue
        if not isinstance(made, CHOICES):
            continue
        counts = tallies.pop((e.attempt, made.point), {})
        option = -1 if isinstance(made, Missed) else made.option
        scores = made.scores
        rows.append(
            [
                record.session_id,
                str(record.header.get("started", "")),
                str(record.script.get("id", "")),
                str(record.script.get("title", "")),
                str(record.header.get("mode", "")),
                mode,
                role or "manager",  # whose shoes the room stood in
                style,
                e.attempt,
                round(e.t - start, 1),
                made.point,
                e.kind,
                option + 1 if option >= 0 else "",
                "" if isinstance(made, Missed) else made.says,
                *(int(scores.get(c, 0)) if c in own or c in scores else "" for c in criteria),
                made.feedback,
                counts.get(option, "") if counts else "",
                "; ".join(f"option {i + 1}: {n}" for i, n in sorted(counts.items())),
                *_judged_cells(verdicts[len(rows)] if verdicts else None, criteria),
                words,
            ]
        )
        words = ""
    return rows


def choice_table(folder: Path, find: ScriptFinder | None = None) -> Table:
    """Rows for every session in the sessions folder `folder`, oldest session first; with
    `find`, each choice also judged against its alternatives on the record's scenario."""
    records, warnings = [], []
    for info in reversed(list_sessions(folder)):
        try:
            record = read_journal(info.path)
        except JournalError as exc:
            warnings.append(str(exc))
            continue
        warnings += record.warnings
        records.append(record)
    records.sort(key=lambda r: (str(r.header.get("started", "")), r.session_id))
    criteria = _criteria_order(records)
    header = [
        *FIXED,
        *(f"score_{c}" for c in criteria),
        *TRAILING,
        *(f"judged_{c}" for c in criteria),
        *STRONGEST,
        *OWN,
    ]
    rows = [row for record in records for row in _rows(record, criteria, find)]
    return Table(header, rows, warnings)


def to_csv(table: Table) -> str:
    """The table as CSV text (Excel's dialect: commas, quotes, CRLF), cells made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.header)
    writer.writerows([safe_cell(cell) for cell in row] for row in table.rows)
    return buffer.getvalue()


def write_csv(table: Table, path: Path) -> None:
    """Atomically, as UTF-8 with a byte-order mark so Excel reads accents and curly quotes."""
    atomic_write_text(path, "\ufeff" + to_csv(table))
