"""Role reversal on screen, played headless by posting real key events: choosing whose shoes
and the manager style, the played character's inner voice on stage, the role debrief, and
the record, handout, progress and CSV naming the role and style.

The fixture (tests/roles/roles.yaml) is played from a scratch scenario folder; every shipped
scenario that declares roles to play is played as each of them, with each manager style.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from game.records import choices, progress
from game.records.journal import list_sessions, read_journal
from game.records.report import render_html
from game.records.session import replay_record
from game.storage import folders
from game.story.events import run_seat
from game.story.loader import load_script
from game.story.roles import STYLES
from game.ui.keymap import Act
from game.ui.settings import Settings
from tests.ui.pilot import Pilot, Player, play_stage, start_scenario
from tests.ui.textcheck import TextSpy, problems, text_on_screen

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "roles.yaml"
SHIPPED = sorted(p for p in (ROOT / "scripts").glob("*.yaml") if p.name != "criteria.yaml")
#: Every shipped scenario x each role it lets the room play x each manager style.
SHIPPED_SEATS = [
    pytest.param(path.stem, role.who, style, id=f"{path.stem}-{role.who}-{style}")
    for path in SHIPPED
    for role in load_script(str(path)).shoes
    for style in STYLES
]


@pytest.fixture
def scripts(tmp_path: Path) -> Path:
    """A scenario folder holding the fixture (as `roles`) and the shared criteria."""
    folder = tmp_path / "scripts"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "roles.yaml")
    shutil.copy(ROOT / "scripts" / "criteria.yaml", folder / "criteria.yaml")
    return folder


def play_as(pilot: Pilot, name: str, role: str, style: str, choices: dict[str, int]) -> None:
    """From the title, by keyboard alone, to the screen after the ending."""
    keys = Player(pilot, "keyboard")
    start_scenario(keys, name, "solo", anti_model=False, role=role, style=style)
    assert pilot.stage.rt.seat.role == role and pilot.stage.rt.seat.style == style
    play_stage(keys, choices)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("role", ["pat", "rep"])
def test_each_role_with_each_style_plays_to_an_ending_by_keyboard(
    scripts: Path, role: str, style: str
) -> None:
    pilot = Pilot(scripts_dir=scripts)
    play_as(pilot, "roles", role, style, {"pat_says": 0, "rep_speaks": 0})
    assert pilot.names() == ["title", "debrief", "role_debrief"]
    eyes = pilot.top
    assert eyes.title in ("Through Pat's eyes", "Through Lou's eyes")
    ending = {"traditional": "A formal investigation", "just": "Supported on days"}[style]
    assert ending in eyes.sub and "Played as" in eyes.sub
    pilot.do(Act.CONFIRM)
    assert pilot.name == "debrief"
    debrief = pilot.top
    labels = [item.label for item in debrief.buttons.items]
    assert any(label.startswith("Through") for label in labels)
    debrief.buttons.focus = labels.index(next(lb for lb in labels if lb.startswith("Through")))
    pilot.do(Act.CONFIRM)
    assert pilot.name == "role_debrief"
    record = read_journal(list_sessions(folders().sessions)[0].path)
    assert run_seat(record.events) == (role, style)


def test_pat_hears_her_own_mind_and_how_each_action_lands(scripts: Path) -> None:
    pilot = Pilot(scripts_dir=scripts)
    keys = Player(pilot, "keyboard")
    start_scenario(keys, "roles", "facilitator", anti_model=False, role="pat", style="just")
    stage = pilot.top
    assert stage.inner_voice() == (
        "How it lands with Pat",
        "She asked. Nobody has asked me anything for weeks.",
    )
    assert "Forum run as Pat" in stage.header_text()[0]
    pilot.do(Act.CONFIRM)  # past the acted choice: the next beat's lines
    assert stage.inner_voice() == ("Pat thinks", "Dee asked. Maybe I can tell her.")
    play_stage(keys, {"pat_says": 1})
    eyes = pilot.top
    text = "\n".join([*eyes.landings, *eyes.right])
    assert "A month of days. I can breathe." in text
    assert "a month of day shifts" in text  # what Pat needed
    assert "afraid of losing the job" in text  # what Pat never said
    assert "I'm fine. It won't happen again." in text  # Pat's own choice
    assert "Not scored" in text


def test_a_scenario_without_roles_to_play_goes_straight_to_the_notice() -> None:
    pilot = Pilot()
    keys = Player(pilot, "keyboard")
    keys.pick_key(pilot.top.menu, "start")
    menu = pilot.top.menu
    keys.pick(menu, next(i for i, it in enumerate(menu.items) if Path(it.key).stem == "example"))
    keys.pick_key(pilot.top.menu, "solo")
    assert pilot.name == "notice"


def test_esc_steps_back_through_the_role_choice(scripts: Path) -> None:
    pilot = Pilot(scripts_dir=scripts)
    keys = Player(pilot, "keyboard")
    keys.pick_key(pilot.top.menu, "start")
    keys.pick(pilot.top.menu, 0)
    keys.pick_key(pilot.top.menu, "facilitator")
    assert pilot.name == "seat"
    assert [i.key for i in pilot.top.menu.items] == ["", "pat", "rep"]
    pilot.do(Act.CHOOSE_3)  # a digit picks a card directly
    assert pilot.name == "style"
    pilot.do(Act.PAUSE)
    assert pilot.name == "seat"
    pilot.do(Act.CHOOSE_1)  # the manager: today's game, with the anti-model offered
    assert pilot.name == "notice" and pilot.top.seat.is_manager
    assert pilot.top.menu.items[0].key == "anti_model"


@pytest.mark.parametrize("size", [(1024, 576), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_role_screens_fit_at_the_largest_text(scripts: Path, size: tuple[int, int]) -> None:
    """No text cut off, outside the window, under the floor or colliding at 160 %."""
    pilot = Pilot(size, settings=Settings(auto_advance=False, text_scale=1.6), scripts_dir=scripts)
    spy = TextSpy(pilot.app)
    keys = Player(pilot, "keyboard")
    found: list[str] = []

    def check() -> None:
        found.extend(
            f"{pilot.name}: {w}"
            for w in problems(
                pilot.app, text_on_screen(pilot.app, spy), pilot.app.layout.floor_size
            )
        )

    keys.pick_key(pilot.top.menu, "start")
    keys.pick(pilot.top.menu, 0)
    keys.pick_key(pilot.top.menu, "facilitator")
    check()  # whose shoes
    keys.pick_key(pilot.top.menu, "pat")
    check()  # which manager
    keys.pick_key(pilot.top.menu, "just")
    check()  # the notice, naming the role
    keys.pick_key(pilot.top.menu, "forum")
    for _ in range(4):  # the lines with Pat's inner voice beside them
        check()
        pilot.do(Act.CONFIRM)
    play_stage(keys, {"pat_says": 0})
    check()  # through Pat's eyes
    assert not found, "\n".join(found)


def test_handout_progress_and_csv_name_the_role_and_style(scripts: Path) -> None:
    pilot = Pilot(scripts_dir=scripts)
    play_as(pilot, "roles", "rep", "traditional", {"rep_speaks": 0})
    record = read_journal(list_sessions(folders().sessions)[0].path)
    script = load_script(str(scripts / "roles.yaml"))
    html = render_html(record, script, replay_record(record, script).result())
    assert "Played as Lou, the union rep, with a traditional manager" in html
    assert "Through Lou\u2019s eyes" in html and "writing a grievance tonight" in html
    assert "Leadership behaviours" in html  # the rep is scored
    history = progress.history(progress.load_progress(folders().progress)[0], "roles_fixture")
    assert history[-1].played == "Played as Lou, the union rep, with a traditional manager"
    line = progress.card_line(progress.load_progress(folders().progress)[0], "roles_fixture")
    assert line is not None and "Lou, the union rep" in line
    table = choices.choice_table(folders().sessions)
    rows = [dict(zip(table.header, r, strict=True)) for r in table.rows]
    assert [(r["role"], r["manager_style"], r["point"]) for r in rows] == [
        ("rep", "traditional", "rep_speaks")
    ]


def test_a_role_without_criteria_has_a_reflective_handout(scripts: Path) -> None:
    pilot = Pilot(scripts_dir=scripts)
    play_as(pilot, "roles", "pat", "traditional", {"pat_says": 1})
    record = read_journal(list_sessions(folders().sessions)[0].path)
    script = load_script(str(scripts / "roles.yaml"))
    html = render_html(record, script, replay_record(record, script).result())
    assert "Leadership behaviours" not in html and "not scored" in html
    assert "I&#x27;m the one who sleeps on shift now." in html  # escaped, as all script text


def test_role_text_is_escaped_in_the_handout_and_formula_safe_in_the_csv(
    scripts: Path,
) -> None:
    hostile = (scripts / "roles.yaml").read_text(encoding="utf-8")
    hostile = hostile.replace(
        '"A month of days. I can breathe."', '"<script>alert(1)</script> & breathe"'
    ).replace(
        "shoes: true\n    needed:", "shoes: true\n    label: \"=cmd|' /C calc'!A0\"\n    needed:", 1
    )
    (scripts / "roles.yaml").write_text(hostile, encoding="utf-8")
    pilot = Pilot(scripts_dir=scripts)
    play_as(pilot, "roles", "pat", "just", {"pat_says": 0})
    record = read_journal(list_sessions(folders().sessions)[0].path)
    script = load_script(str(scripts / "roles.yaml"))
    html = render_html(record, script, replay_record(record, script).result())
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; breathe" in html
    out = scripts / "choices.csv"
    choices.write_csv(choices.choice_table(folders().sessions), out)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        assert all(not cell.startswith("=") for row in csv.reader(handle) for cell in row)


@pytest.mark.parametrize(("name", "role", "style"), SHIPPED_SEATS)
def test_every_shipped_role_with_each_style_plays_to_an_ending(
    name: str, role: str, style: str
) -> None:
    """Each shipped scenario, as each role it declares, with each manager style, by keyboard
    alone: the room takes the first open option at its own points."""
    pilot = Pilot()
    play_as(pilot, name, role, style, {})
    assert pilot.names() == ["title", "debrief", "role_debrief"]
    assert pilot.stage is None and pilot.top.rt.ending is not None


def test_a_long_need_goes_on_from_part_to_part_at_full_size() -> None:
    """Tom's "what he needed" is a paragraph taller than the card at 160 % on a small
    screen: it is cut between words and goes on in the next part, every part at the body
    size (drawn smaller, the back of the room could not read it), and no word is lost."""
    pilot = Pilot((1024, 576), settings=Settings(auto_advance=False, text_scale=1.6))
    play_as(pilot, "tom", "tom", "just", {})
    eyes = pilot.top
    assert pilot.name == "role_debrief" and eyes.parts > 1
    app, lay = pilot.app, pilot.app.layout
    inner = eyes.right_rect.inflate(-lay.padding * 2, -lay.padding * 2)
    title = eyes.right_title + f" (part 1 of {eyes.parts})"
    room = inner.h - app.text.measure(title, lay.body_size, width=inner.w, bold=True)[1]
    for part in eyes.right_pages:
        assert app.text.measure("\n\n".join(part), lay.body_size, width=inner.w)[1] <= room
    assert " ".join(" ".join(part) for part in eyes.right_pages).split() == (
        " ".join(eyes.right).split()
    )
    assert len(eyes.right_pages) > 1 and eyes.right[0] not in eyes.right_pages[0]
