"""Try again and compare, driven by real key events: from the ending, Backspace opens the
rewind list; the room goes back, redirects, reaches another ending; the debrief's Compare
page and the handout show both attempts beside the traditional approach."""

from __future__ import annotations

from pathlib import Path

import pygame

from game import storage
from game.story.loader import load_script
from game.story.views import Phase
from game.tools.rehearse import Rehearsal, parse_plan
from game.ui.keymap import Act
from tests.ui.pilot import Pilot, Player, start_scenario
from tests.ui.textcheck import TextSpy, problems, text_on_screen

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"


def to_the_ending(pilot: Pilot) -> None:
    while pilot.stage.view.phase is not Phase.ENDED:
        if pilot.stage.view.phase is Phase.DECIDING:
            pilot.key(pygame.K_1)  # the written warning: the traditional choice
        else:
            pilot.do(Act.CONFIRM)
    assert pilot.name == "stage"


def test_rewind_from_the_ending_and_compare_in_the_debrief(tmp_path: Path) -> None:
    for size in ((1920, 1080), (1024, 576)):
        pilot = Pilot(size)
        start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
        to_the_ending(pilot)
        first = pilot.stage.view.ending
        pilot.screenshot(SHOTS / f"ending-try-again-{size[0]}x{size[1]}.png")
        pilot.do(Act.BACK)  # Backspace: rewind and try another way
        assert pilot.name == "rewind"
        pilot.do(Act.PAUSE)  # Esc: back to the ending, nothing changed
        assert pilot.name == "stage" and pilot.stage.view.phase is Phase.ENDED
        pilot.do(Act.BACK)
        menu = pilot.top.menu
        target = next(i for i, it in enumerate(menu.items) if "third time" in it.label)
        for _ in range(target):
            pilot.do(Act.DOWN)
        pilot.do(Act.CONFIRM)
        assert pilot.name == "freeze" and pilot.stage.rt.attempt == 2
        pilot.do(Act.CHOOSE_1)  # Redirect
        pilot.do(Act.CHOOSE_1)  # "Morning, Jo. Are you OK?..."
        while pilot.stage.view.phase is not Phase.ENDED:
            if pilot.stage.view.phase is Phase.DECIDING:
                cards = pilot.stage.cards.items
                pilot.key(pygame.K_2 if cards[1].enabled else pygame.K_1)
            else:
                pilot.do(Act.CONFIRM)
        assert pilot.stage.view.ending != first
        pilot.settle()  # the ending stands a moment before Enter means it (issue 13)
        pilot.do(Act.CONFIRM)
        assert pilot.name == "debrief"
        pilot.key(pygame.K_5)
        header, rows = pilot.top.compared
        assert header[1:] == ["Traditional approach", "Attempt 1", "Attempt 2"]
        assert rows[0][0] == "Ending" and rows[0][2] == first.title and rows[0][3] != first.title
        assert len(rows) > 1 and all(cell.endswith("%") or cell == "\u2014" for cell in rows[1][1:])
        pilot.step()
        pilot.screenshot(SHOTS / f"debrief-compare-{size[0]}x{size[1]}.png")
    pilot.top.export()
    assert pilot.top.message.startswith("Handout saved as ")  # its name, never the path
    saved = pilot.top.handouts / pilot.top.message.split()[3]
    html = saved.read_text(encoding="utf-8")
    assert "Attempts compared" in html and "Attempt 2" in html and "Traditional approach" in html


#: Six tries that each reach an ending (one by the room's own words), through the real stage.
SIX_ENDINGS = """\
advance to decision
choose 1
advance to ending
rewind to "third time"
redirect 1
advance to decision
choose 2
advance to ending
rewind to "third time"
redirect 2
advance to decision
choose 3
advance to decision
choose 1
advance to ending
rewind to "third time"
redirect 2
advance to decision
choose 3
advance to decision
choose 2
advance to ending
rewind to "What does Alex do now"
resume
choose 1
advance to ending
rewind to "What does Alex do now"
resume
own words "We'll go straight to HR on this."
closest 3
advance to decision
choose 1
advance to ending
debrief compare
"""


def test_compare_pages_through_every_attempt_beside_the_traditional_one(tmp_path: Path) -> None:
    """More attempts than fit across: every one is on some page of Compare, each page with
    the traditional approach's column and the Ending row; Down and the wheel turn the pages;
    the handout has them all too."""
    script = load_script(str(ROOT / "scripts" / "example.yaml"))
    plan, errors = parse_plan(SIX_ENDINGS)
    assert not errors
    for size in ((1920, 1080), (1024, 576)):
        folders = storage.Folders(tmp_path, tmp_path / "c", tmp_path / "h", tmp_path / "s")
        rehearsal = Rehearsal.begin(script, plan, size, folders)
        for step in plan.steps:
            rehearsal.run(step)
        pilot, debrief = rehearsal.p, rehearsal.p.top
        header, rows = debrief.compared
        assert header[1:] == ["Traditional approach", *(f"Attempt {n}" for n in range(1, 7))]
        pages = debrief.compare_layout().pages
        assert len(pages) > 1
        seen: set[int] = set()
        for number, (columns, shown) in enumerate(pages):
            assert debrief.compare_page == number
            assert columns[0] == 1 and shown[0] == 0  # the traditional column, the Ending row
            seen.update(columns)
            seen.update(shown)
            pilot.screenshot(SHOTS / f"compare-attempts-p{number + 1}-{size[0]}x{size[1]}.png")
            if number % 2:
                pilot.wheel(-1)  # the wheel turns the pages too
            else:
                pilot.do(Act.DOWN)
        assert debrief.compare_page == len(pages) - 1  # it stops at the last page
        assert seen >= set(range(1, len(header))) | set(range(len(rows)))
        pilot.do(Act.UP)
        assert debrief.compare_page == len(pages) - 2
        assert "Page" in debrief.compare_note(0) and "of 6 endings" in debrief.compare_note(0)
    debrief.export()
    html = (debrief.handouts / debrief.message.split()[3]).read_text(encoding="utf-8")
    assert all(f"<th>Attempt {n}</th>" in html for n in range(1, 7))
    assert html.count("<th>Traditional approach</th>") == 2  # five attempts a table, then one


def test_compare_at_the_largest_text_neither_clips_nor_overlaps(tmp_path: Path) -> None:
    """At 160 % text the table takes fewer attempts and criteria a page, at full size."""
    script = load_script(str(ROOT / "scripts" / "example.yaml"))
    plan, _ = parse_plan(SIX_ENDINGS)
    for size in ((1920, 1080), (1024, 576)):
        folders = storage.Folders(tmp_path, tmp_path / "c", tmp_path / "h", tmp_path / "s")
        rehearsal = Rehearsal.begin(script, plan, size, folders, text_scale=1.6)
        for step in plan.steps:
            rehearsal.run(step)
        pilot, spy = rehearsal.p, TextSpy(rehearsal.p.app)
        for _ in rehearsal.p.top.compare_layout().pages:
            wrong = problems(pilot.app, text_on_screen(pilot.app, spy), pilot.app.layout.floor_size)
            assert not wrong, wrong
            pilot.do(Act.DOWN)
        pilot.screenshot(SHOTS / f"compare-attempts-160-{size[0]}x{size[1]}.png")
