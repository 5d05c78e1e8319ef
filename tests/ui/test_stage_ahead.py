"""What the stage makes ahead, in the quiet frames of a line (frames that draw nothing), so
that the frame bringing on the next line, the stage's busiest, only shows it: the coming
line's set (backdrop, cast, name labels) and its words fitted to the bubble, in this beat or
the next, and a new scene's name for the header. Driven by real key events on the example
scenario."""

from __future__ import annotations

import pygame

import game.ui.art.stage as stage_art
from game.ui.art.stage import StageArt
from game.ui.keymap import Act
from game.ui.settings import Settings
from tests.ui.pilot import Pilot, Player, start_scenario


def _started(animate: bool = False) -> Pilot:
    pilot = Pilot(settings=Settings(auto_advance=False), animate=animate)
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    return pilot


def _next_line(pilot: Pilot, stage, made: list) -> object:
    """Show the line on `stage` whole, let two frames that draw nothing pass, then (`made`
    emptied) bring on the next line (or choose the first option at a decision); the
    stage's view then."""
    pilot.step(3)
    if stage.typing:
        pilot.do(Act.CONFIRM)  # the whole line at once
    pilot.step(2)  # nothing changes on show: the stage's idle turn
    made.clear()
    pilot.do(Act.CHOOSE_1 if stage.view.decision is not None else Act.CONFIRM)
    return stage.view


def test_the_coming_lines_set_and_labels_are_made_before_it_comes_on(monkeypatch) -> None:
    pilot = _started()
    stage = pilot.stage
    made: list[str] = []
    real_label, real_compose = stage_art.draw_name_label, stage_art.StageArt.compose

    def label(surface, rect, actor, **kwargs):
        made.append(f"label {actor.id}")
        return real_label(surface, rect, actor, **kwargs)

    def compose(art, backdrop, actors, **kwargs):
        made.append(f"set {backdrop}")
        return real_compose(art, backdrop, actors, **kwargs)

    monkeypatch.setattr(stage_art, "draw_name_label", label)
    monkeypatch.setattr(stage_art.StageArt, "compose", compose)
    changes, beats = 0, 0
    for _ in range(30):
        coming = stage.rt.coming()
        beat, before = stage.view.beat_id, stage.view.speaker
        view = _next_line(pilot, stage, made)
        if coming is None or view.line is None or view.speaker == before:
            continue
        assert (view.beat_id, view.line.says) == (coming.beat_id, coming.line.says)
        assert made == [], f"made in the frame that changed speaker: {made}"
        changes += 1
        beats += view.beat_id != beat
    assert changes >= 3 and beats >= 1, (changes, beats)  # within a beat and into new ones


def test_a_set_made_ahead_is_the_picture_a_set_made_then_would_be() -> None:
    """The set that changes places with the one on show, in the frame a line comes on, has
    exactly the pixels of the same set composed afresh in that frame."""
    pilot = _started()
    stage, app = pilot.stage, pilot.app
    made: list = []
    checked = 0
    for _ in range(20):
        view = _next_line(pilot, stage, made)
        if view.line is None or stage.painter._spare is None:
            continue
        shown = stage.painter.set_surface(view)
        fresh = stage.painter.art.compose(
            view.scene.backdrop, view.actors, theme=app.theme, layout=app.layout, text=app.text
        )
        assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(fresh, "RGB")
        checked += 1
    assert checked >= 5


def test_the_coming_lines_words_and_scene_name_are_made_before_it_comes_on(monkeypatch) -> None:
    """Every line the runtime says is coming (across beats too) comes on without rendering
    any of its words in its first frame, nor its new scene's name in the header: the sizes
    tried, the first word and the header were made in a quiet frame of the line before."""
    pilot = _started()
    stage = pilot.stage
    made: list[str] = []
    for cache in (pilot.app.text._cache, pilot.app.text._sizes):  # pictures, measured sizes

        def noted(key, value, real_put=cache.put):
            made.append(key[1])
            return real_put(key, value)

        monkeypatch.setattr(cache, "put", noted)
    beats, lines, scenes = set(), 0, 0
    for _ in range(30):
        coming = stage.rt.coming()
        beat, place = stage.view.beat_id, stage.place()
        view = _next_line(pilot, stage, made)
        if coming is None or view.line is None:
            continue
        assert (view.beat_id, view.line.says) == (coming.beat_id, coming.line.says)
        words = view.line.says.split()
        assert not [m for m in made if words and m.startswith(words[0])], made
        lines += 1
        if view.beat_id != beat:
            beats.add(view.beat_id)
            if view.scene.name not in place:
                scenes += 1
                assert not [m for m in made if view.scene.name in m], made  # the header
    assert lines >= 3 and beats and scenes, (lines, beats, scenes)  # within beats and across


def test_the_frozen_picture_is_made_ahead_in_a_frame_that_draws_nothing(monkeypatch) -> None:
    """The buzz only shows the frozen picture: it is made before the buzz, in a frame that
    drew nothing else (never stacked on a frame that draws), for every line as it types."""
    pilot = _started(animate=True)
    stage, app = pilot.stage, pilot.app
    drew, froze = [], []
    real_draw, real_frozen = app.stack.draw, stage.painter.frozen

    def draw(surface):
        drew.append(True)
        return real_draw(surface)

    def frozen(*args, **kwargs):
        froze.append(True)
        return real_frozen(*args, **kwargs)

    monkeypatch.setattr(app.stack, "draw", draw)
    monkeypatch.setattr(stage.painter, "frozen", frozen)
    lines = 0
    for _ in range(6):
        for _ in range(8):
            drew.clear(), froze.clear()
            pilot.step(1)
            assert not (drew and froze), "the frozen picture was made in a frame that drew"
        if stage.view.line is not None:
            assert stage._ready_key == stage._frozen_key()  # made, for this line
            lines += 1
        pilot.do(Act.CONFIRM)
    assert lines >= 4


def test_a_typeface_changed_mid_run_redraws_the_set_made_ahead_and_the_frozen_picture() -> None:
    """Settings can change in the middle of a run (pause, settings): the set on show, the
    one made ahead for the coming line, and the frozen picture are all made again in the
    new typeface, never shown as they were kept."""
    pilot = _started()
    stage, app = pilot.stage, pilot.app
    view = _next_line(pilot, stage, [])
    pilot.step(3)  # the frozen picture and the coming set made ahead, in the first typeface
    made_in = stage._ready_key
    pilot.do(Act.PAUSE)
    pilot.pick("settings")
    pilot.top.menu.focus_on("font")
    pilot.do(Act.RIGHT)
    assert app.settings.font == "opendyslexic"
    pilot.do(Act.BACK)  # settings
    pilot.do(Act.BACK)  # pause
    assert pilot.top is stage
    pilot.step(3)
    assert stage._ready_key != made_in and stage._ready_key == stage._frozen_key()
    fresh = StageArt().compose(
        view.scene.backdrop, view.actors, theme=app.theme, layout=app.layout, text=app.text
    )
    shown = stage.painter.set_surface(stage.view)
    assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(fresh, "RGB")
    coming = _next_line(pilot, stage, [])
    fresh = StageArt().compose(
        coming.scene.backdrop, coming.actors, theme=app.theme, layout=app.layout, text=app.text
    )
    shown = stage.painter.set_surface(coming)
    assert pygame.image.tobytes(shown, "RGB") == pygame.image.tobytes(fresh, "RGB")
