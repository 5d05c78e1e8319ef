"""The handout: valid, self-contained HTML with the run's choices and no room names."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pygame

from game.records import report
from game.records.journal import read_journal
from game.records.session import replay_record
from game.tools import report as report_tool
from game.ui.chart_png import save_png
from tests.story.factory import forum_script

from .helpers import ROOM_WORDS, recorded_run

VOID = {"meta", "br", "hr", "img", "link", "input", "col", "wbr", "area", "base", "source"}


class Balance(HTMLParser):
    """Checks every element is closed in order; collects text and attribute values."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.attrs: list[str] = []
        self.seen: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        self.attrs += [v or "" for _, v in attrs]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen.add(tag)
        self.attrs += [v or "" for _, v in attrs]

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def tricky_script():
    """Script text with markup in it: the handout must show it, not obey it."""
    script = forum_script()
    search = script.interventions["search"]
    first = replace(search.options[0], says='Are you OK? <b>"Tom" & co</b>')
    changed = replace(search, options=(first, *search.options[1:]))
    return replace(
        script,
        interventions={"search": changed},
        discussion_questions=("What steps would we take now?", "What would <i>we</i> change?"),
    )


def parse(html: str) -> Balance:
    checker = Balance()
    checker.feed(html)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    return checker


def test_handout_is_valid_html_with_the_runs_choices(tmp_path: Path) -> None:
    script = tricky_script()
    record = recorded_run(script)
    files = report.write_handout(record, script, tmp_path / "handout.html", save_png)
    html = files.html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    checker = parse(html)
    text = " ".join(checker.text)
    assert {"svg", "table", "ol", "style"} <= checker.seen
    assert "<b>" not in html and "&lt;b&gt;" in html, "script text is escaped"
    assert 'Are you OK? <b>"Tom" & co</b>' in text
    assert "Agree support" in text  # the decision
    assert "nobody stopped the search" in text  # the missed moment's feedback
    # each moment names the strongest alternative the room had, and what it would change
    assert (
        "Strongest alternative here: \u201cCall HR\u201d. "
        "It would have changed: +1 Compassion; +1 Safety."
    ) in text  # at the missed search
    assert "It would have led to confront." in text  # where the redirect would have gone
    assert "The strongest choice the room had here." in text  # support, at the decision
    assert "Mum fell again last night." in text  # the hot-seat
    assert "9 for" in text and "attempt 2 begins" in text and "played on as it was" in text
    assert "What would <i>we</i> change?" in text
    assert f"in the room\u2019s own words: \u201c{ROOM_WORDS}\u201d" in text  # escaped:
    assert escape(ROOM_WORDS) in html and ROOM_WORDS not in html
    assert "Good" in text and "bad outcome" in text  # this ending and the anti-model beside it
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    assert root.tag == "svg" and len(root.findall("rect")) >= 4
    assert "://" not in html and "src=" not in html, "nothing is fetched from anywhere"
    assert "@page" in html and "A4" in html


def test_the_chart_png_is_written_beside_it(tmp_path: Path) -> None:
    script = forum_script()
    files = report.write_handout(recorded_run(script), script, tmp_path / "h.html", save_png)
    assert files.png == tmp_path / "h-chart.png"
    image = pygame.image.load(str(files.png))
    assert image.get_width() > 1000, "twice the layout's size, crisp on a slide"
    assert image.get_at((2, 2))[:3] == (255, 255, 255)
    assert not list(tmp_path.glob(".*")), "no temporary file left behind"


def test_no_names_of_the_room_reach_the_handout(tmp_path: Path) -> None:
    script = forum_script()
    record = recorded_run(script)
    lines = record.path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    header["facilitator"] = "Priya Facilitator"  # fields nobody should write, but suppose
    header["participants"] = ["Dana Delegate"]
    first = json.loads(lines[1])
    first["event"]["data"]["room"] = "Dana Delegate"
    record.path.write_text("\n".join([json.dumps(header), json.dumps(first), *lines[2:]]) + "\n")
    html = report.render_html(
        read_journal(record.path), script, replay_record(record, script).result()
    )
    assert "Priya" not in html and "Dana" not in html


def test_the_chart_layout_shows_numbers_and_patterns() -> None:
    script = forum_script()
    result = replay_record(recorded_run(script), script).result()
    chart = report.charts.layout(result.criteria, "Heading")
    words = [label.text for label in chart.labels]
    assert "Heading" in words and "This run" in words
    for c in result.criteria:
        if c.tested:
            assert c.name in words and f"{c.value}%" in words
    runs = [b for b in chart.boxes if b.style == "run"]
    assert runs, "this run is drawn hatched, not by colour alone"
    assert 'fill="url(#ff-hatch)"' in report.charts.to_svg(chart)


def test_report_tool_by_session_id(tmp_path: Path, capsys) -> None:
    script_file = Path(__file__).resolve().parents[2] / "scripts" / "example.yaml"
    record = recorded_run(forum_script())
    out = tmp_path / "by-id.html"
    code = report_tool.main([record.session_id[:-1], "-o", str(out), "--script", str(script_file)])
    # the record was made on the test script, not example.yaml: the tool says so, no traceback
    assert code == 1 and "report:" in capsys.readouterr().err
    assert not out.exists()
    assert report_tool.main(["no-such-session"]) == 1
    assert report_tool.main(["list"]) == 0
    assert record.session_id in capsys.readouterr().out


def test_criteria_no_choice_can_move_are_named_not_drawn_as_perfect() -> None:
    from game.story.views import CriterionResult

    chart = report.charts.layout(
        [CriterionResult("a", "Safety", 0.0, 0), CriterionResult("b", "Learning", 0.5, 3)]
    )
    words = [label.text for label in chart.labels]
    assert "Not tested by this scenario: Safety" in words
    assert "Learning" in words and "Safety" not in words
    assert len([b for b in chart.boxes if b.style == "run"]) == 1 + 1  # legend, Learning


def test_a_freeze_the_room_let_go_is_one_entry() -> None:
    from game.story.runtime import Runtime

    rt = Runtime(forum_script())
    rt.advance()
    rt.buzz()
    rt.resume()
    entries = report.timeline(rt.events, rt.script)
    assert [e.label for e in entries] == ["Freeze"]
    assert entries[0].details[-1] == "The room let the scene play on as it was."


def test_a_show_of_hands_counted_press_by_press_is_one_entry_with_the_last_counts() -> None:
    from game.story.runtime import Runtime

    rt = Runtime(forum_script())
    rt.advance()
    rt.advance()  # the manager's line: the intervention point `search`
    rt.buzz()
    for count in (1, 2, 3):
        rt.tally(0, count)  # a facilitator pressing + once a hand
    rt.tally(1, 1)
    rt.tally(1, 0)  # one press too many, taken back
    entries = report.timeline(rt.events, rt.script)
    hands = [e for e in entries if e.label == "Show of hands"]
    assert len(hands) == 1
    assert hands[0].text.startswith("3 for \u201cAre you OK?\u201d; 0 for")


def test_the_chart_renders_at_any_scale_with_hatching_in_the_bar() -> None:
    from game.records.chart import RUN_INK, layout
    from game.story.views import CriterionResult
    from game.ui.chart_png import render

    chart = layout([CriterionResult("a", "Learning", 0.75, 2)])
    bar = [b for b in chart.boxes if b.style == "run"][-1]  # after the key's swatch
    for scale in (1, 1.5, 2):
        image = render(chart, scale=scale)
        assert image.get_size() == (round(chart.width * scale), round(chart.height * scale))
        row = round((bar.y + bar.h / 2) * scale)
        xs = range(round(bar.x * scale) + 3, round((bar.x + bar.w) * scale) - 3)
        inks = sum(1 for x in xs if tuple(image.get_at((x, row)))[:3] == RUN_INK)
        assert 0.1 < inks / len(xs) < 0.9, "stripes, not a solid fill or an empty bar"


def test_the_records_draw_no_picture_themselves(tmp_path: Path) -> None:
    """The chart writer is brought by the caller: without one, only the HTML is written."""
    script = forum_script()
    out = tmp_path / "handout" / "h.html"
    out.parent.mkdir()
    files = report.write_handout(recorded_run(script), script, out, None)
    assert files.html.is_file() and files.png is None
    assert [p.name for p in out.parent.iterdir()] == ["h.html"]


def test_the_records_never_import_the_ui() -> None:
    code = (
        "import sys, game.records.report, game.records.choices, game.tools.export_csv; "
        "print(sorted(m for m in sys.modules if m.startswith(('pygame', 'game.ui'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
