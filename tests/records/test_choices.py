"""The CSV export: one row per recorded choice, safe in a spreadsheet, read back intact."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from game.records import choices
from game.storage import folders
from game.tools import export_csv
from tests.story.factory import forum_script

from .helpers import ROOM_WORDS, recorded_run


def awkward_script():
    """Option text with commas, quotes, a newline, accents, and a formula-looking start."""
    script = forum_script()
    search = script.interventions["search"]
    first = replace(search.options[0], says='=HYPERLINK("x") Are you OK, Zoë?\n"Really?"')
    return replace(
        script, interventions={"search": replace(search, options=(first, search.options[1]))}
    )


def test_csv_round_trips_through_the_csv_module(tmp_path: Path) -> None:
    record = recorded_run(awkward_script())
    recorded_run(forum_script(), "solo")
    out = tmp_path / "choices.csv"
    assert export_csv.main(["-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark for Excel"
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    table = choices.choice_table(folders().sessions)
    assert header == table.header
    assert body == [[str(choices.safe_cell(c)) for c in row] for row in table.rows]
    mine = [dict(zip(header, r, strict=True)) for r in body if r[0] == record.session_id]
    assert len(body) == 6 and len(mine) == 3, "one row per recorded choice, two sessions"
    assert [r["kind"] for r in mine] == ["missed", "redirect", "choice"]
    missed, first = mine[0], mine[1]
    assert first["room_mode"] == "facilitator"
    assert first["option_text"] == '\'=HYPERLINK("x") Are you OK, Zoë?\n"Really?"'
    assert first["score_compassion"] == "2" and first["score_safety"] == "0"
    assert first["show_of_hands_for_this"] == "9"
    assert first["show_of_hands_all"] == "option 1: 9; option 2: 3"
    assert first["attempt"] == "2" and first["feedback"] == "asks first"
    assert missed["option_number"] == "" and missed["score_compassion"] == "-1"
    assert first["own_words"] == "'" + ROOM_WORDS, "the room's words, formula-safe"
    assert missed["own_words"] == "" and mine[2]["own_words"] == ""


def test_formula_cells_are_neutralised_but_negative_scores_stay_numbers() -> None:
    for text in ("=1+1", "+44 20", "-cmd", "@SUM(A1)", "\tx"):
        assert choices.safe_cell(text) == "'" + text
    assert choices.safe_cell(-2) == -2 and choices.safe_cell("Are you OK?") == "Are you OK?"


def test_no_sessions_gives_a_header_only(capsys) -> None:
    assert export_csv.main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("session,date,scenario")


def test_a_damaged_record_is_reported_and_the_rest_exported(tmp_path: Path, capsys) -> None:
    record = recorded_run(forum_script())
    data = record.path.read_bytes()
    record.path.write_bytes(data[:-10])
    assert export_csv.main(["-o", str(tmp_path / "x.csv")]) == 0
    assert "cut short" in capsys.readouterr().err
    with open(tmp_path / "x.csv", encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 1 + 3


def test_the_docs_explain_every_column() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "records.md").read_text()
    for column in (*choices.FIXED, "score_<criterion>", *choices.TRAILING):
        assert f"| `{column}` |" in docs, f"docs/records.md does not explain {column}"


def test_each_choice_is_judged_against_its_alternatives_when_the_scenario_is_found() -> None:
    script = forum_script()
    record = recorded_run(script)
    table = choices.choice_table(folders().sessions, lambda _: script)
    rows = [dict(zip(table.header, r, strict=True)) for r in table.rows]
    mine = [r for r in rows if r["session"] == record.session_id]
    missed, redirect, choice = mine
    # Letting the search pass is the worst alternative there on both criteria.
    assert (missed["judged_compassion"], missed["judged_safety"]) == (0.0, 0.0)
    assert missed["strongest_option_number"] == 2  # calling HR: the strongest there
    assert redirect["judged_compassion"] == 1.0 and redirect["judged_safety"] == 0.0
    assert choice["judged_compassion"] == 1.0 and choice["strongest_option_number"] == 2
    unknown = choices.choice_table(folders().sessions, lambda _: None)
    assert all(r[table.header.index("judged_compassion")] == "" for r in unknown.rows)
