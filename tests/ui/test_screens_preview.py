"""Author preview: any beat, reload on save keeping the place, errors over the last good version."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pygame
import pytest

from game.story.views import Phase
from game.ui import preview
from game.ui.app import App
from game.ui.input import Action
from game.ui.keymap import Act

ROOT = Path(__file__).resolve().parents[2]
DT = 1 / 60


@pytest.fixture
def script(tmp_path: Path) -> Path:
    for name in ("example.yaml", "criteria.yaml"):
        shutil.copy(ROOT / "scripts" / name, tmp_path / name)
    return tmp_path / "example.yaml"


def open_preview(path: Path, start: str | None = None) -> tuple[App, preview.Watch]:
    app = App((1024, 576), strict=True, animate=False)
    app.library = type(app.library)(str(path.parent))
    watch = preview.Watch(str(path))
    watch.changed(preview.POLL_SECONDS)
    preview.begin(app, watch, start)
    app.frame(DT)
    return app, watch


def save(path: Path, text: str, bump: float) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + bump))


def pixels(app: App) -> bytes:
    return pygame.image.tobytes(app.screen, "RGB")


def frames(app: App, seconds: float) -> None:
    for _ in range(round(seconds / DT)):
        app.frame(DT)


def test_starts_at_any_beat(script: Path) -> None:
    app, _ = open_preview(script, "office_talk")
    stage = app.stack.top
    assert stage.name == "stage" and stage.view.beat_id == "office_talk"


def test_an_unknown_beat_is_refused_with_a_hint(script: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        preview.main([str(script), "--from", "ofice_talk"])
    assert exit_info.value.code == 2
    assert "did you mean 'office_talk'" in capsys.readouterr().err


def test_saving_reloads_and_keeps_the_place(script: Path) -> None:
    app, watch = open_preview(script)
    stage = app.stack.top
    for _ in range(2):
        stage.next()
    assert stage.view.line_index == 2
    text = script.read_text(encoding="utf-8")
    save(script, text.replace("Right. Fine.", "Right. Fine, then."), 5)
    frames(app, 0.1)
    assert stage.view.line.says == "Right. Fine."  # not yet: polled a few times a second
    frames(app, preview.POLL_SECONDS)
    assert stage.view.line_index == 2 and stage.view.line.says == "Right. Fine, then."
    assert watch.error == ""


def test_a_broken_edit_shows_the_error_over_the_last_good_version(script: Path) -> None:
    app, watch = open_preview(script)
    stage = app.stack.top
    stage.next()
    frames(app, DT)
    shown = pixels(app)
    text = script.read_text(encoding="utf-8")
    save(script, text.replace("start: arrival", "start: [arrival"), 5)
    frames(app, preview.POLL_SECONDS + DT)
    assert app.stack.top is stage and stage.view.line_index == 1  # still playing the good one
    assert "example.yaml:" in watch.error and ": error:" in watch.error
    assert pixels(app) != shown  # the error panel is on screen, over the last good picture
    assert stage.rt.script.start == "arrival"
    save(script, text, 10)
    frames(app, preview.POLL_SECONDS + DT)
    assert watch.error == "" and stage.view.line_index == 1


def test_a_script_broken_from_the_start_waits_for_a_fix(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    save(script, text.replace("start: arrival", "start: nowhere"), 1)
    app, watch = open_preview(script)
    assert app.stack.top.name == "broken" and "nowhere" in watch.error
    save(script, text, 5)
    frames(app, preview.POLL_SECONDS + DT)
    assert app.stack.top.name == "stage" and watch.error == ""


def test_an_edit_that_changes_the_path_restarts_at_the_same_beat(script: Path) -> None:
    app, _ = open_preview(script, "office_talk")
    stage = app.stack.top
    while stage.rt.phase is Phase.PLAYING:
        stage.next()
    stage.handle(Action(Act.CHOOSE_3))  # ask HR
    assert stage.view.acting  # the choice is acted out first: the manager says it
    while stage.view.acting:
        stage.next()
    assert stage.view.beat_id == "hr_advice"
    assert app.stack.top.name == "feedback"  # solo feedback stays up while the file changes
    text = script.read_text(encoding="utf-8")
    save(script, text.replace("goto: hr_advice", "goto: review"), 5)
    frames(app, preview.POLL_SECONDS + DT)
    # The old path no longer replays (the choice now leads elsewhere): a fresh run at the
    # beat the author was looking at.
    assert stage.rt.start == "hr_advice" and stage.view.beat_id == "hr_advice"
    assert app.stack.top is stage


def test_a_save_while_frozen_reloads_and_stays_frozen(script: Path) -> None:
    app, _ = open_preview(script)
    stage = app.stack.top
    stage.handle(Action(Act.BUZZ))
    assert app.stack.top.name == "freeze"
    text = script.read_text(encoding="utf-8")
    save(script, text.replace("Sorry, sorry.", "Sorry!"), 5)
    frames(app, preview.POLL_SECONDS + DT)
    assert stage.view.line.says.startswith("Sorry!")
    assert app.stack.top.name == "freeze" and app.stack.top.stage is stage
    assert stage.rt.phase is Phase.FROZEN


def test_f3_shows_where_the_run_is(script: Path) -> None:
    app, _ = open_preview(script)
    before = app.screen.copy()
    from game.ui.input import Action

    app.dispatch(Action(Act.DEBUG_OVERLAY))
    app.frame(DT)
    assert app.debug
    assert (
        before.get_at((40, 120)) != app.screen.get_at((40, 120))
        or before.get_view("2").raw != app.screen.get_view("2").raw
    )


def test_a_broken_save_at_a_decision_keeps_the_cards_clear_and_tells_the_terminal(
    script: Path, capsys
) -> None:
    app, watch = open_preview(script, "office_talk")
    stage = app.stack.top
    while stage.rt.phase is Phase.PLAYING:
        stage.next()
    frames(app, DT)
    text = script.read_text(encoding="utf-8")
    save(script, text.replace("goto: hr_advice", "goto: hr_advise"), 5)
    frames(app, preview.POLL_SECONDS + DT)
    assert "'hr_advise' is not a beat or ending" in watch.error
    assert "hint: did you mean 'hr_advice'?" in watch.error  # the hint, on screen
    err = capsys.readouterr().err
    assert "[FF301]" in err and "hint: did you mean 'hr_advice'?" in err  # and in the terminal
    panel = preview.error_area(app, cards=True)
    assert stage.cards.rects and not any(panel.colliderect(r) for r in stage.cards.rects)
    assert panel.h > 0 and panel.bottom <= app.layout.height


def test_play_can_start_with_flags_set(script: Path, capsys) -> None:
    app = App((1024, 576), strict=True, animate=False)
    app.library = type(app.library)(str(script.parent))
    watch = preview.Watch(str(script))
    preview.begin(app, watch, "office_talk", frozenset({"talked_privately"}))
    stage = app.stack.top
    assert "talked_privately" in stage.view.flags
    assert stage.view.line is not None
    while stage.rt.phase is Phase.PLAYING:
        stage.next()
    assert stage.view.decision.options[1].available  # the later start, open with the flag
    with pytest.raises(SystemExit):
        preview.main([str(script), "--set", "talked_privatly"])
    assert "did you mean 'talked_privately'" in capsys.readouterr().err
