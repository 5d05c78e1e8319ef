"""What the stage makes ahead, in the quiet frames of a line, so that the frame bringing on
the next line (the stage's busiest) has less to do: the coming line's words fitted to the
bubble, and the speaker's and listeners' name labels when it comes in the same beat. Driven
by real key events on the example scenario."""

from __future__ import annotations

import game.ui.art.stage as stage_art
from game.ui.keymap import Act
from game.ui.settings import Settings
from tests.ui.pilot import Pilot, Player, start_scenario


def _next_line(pilot: Pilot, stage, made: list[str]):
    """Play the line on `stage`'s quiet frames, show it whole, then (`made` emptied) bring
    on the next line; the stage's view then."""
    pilot.step(3)  # the line's quiet frames
    if stage.typing:
        pilot.do(Act.CONFIRM)  # the whole line at once
    made.clear()
    pilot.do(Act.CONFIRM)
    return stage.view


def test_the_next_lines_name_labels_are_made_before_it_comes_on(monkeypatch) -> None:
    pilot = Pilot(settings=Settings(auto_advance=False))
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    made: list[str] = []
    real = stage_art.draw_name_label

    def counted(surface, rect, actor, **kwargs):
        made.append(actor.id)
        return real(surface, rect, actor, **kwargs)

    monkeypatch.setattr(stage_art, "draw_name_label", counted)
    stage = pilot.stage
    checked = 0
    for _ in range(12):
        coming = stage.rt.coming_line()
        beat = stage.view.beat_id
        before = stage.view.speaker
        view = _next_line(pilot, stage, made)
        if coming is not None and view.line is not None and view.speaker != before:
            assert (view.beat_id, view.line.says) == (coming[0], coming[1].says)
            if view.beat_id != beat:
                continue  # a new beat: a new set, labels and all
            assert made == [], f"labels made in the frame that changed speaker: {made}"
            checked += 1
    assert checked >= 2  # speakers changed within a beat, and nothing was made then


def test_the_next_lines_words_are_fitted_before_it_comes_on_in_this_beat_or_the_next(
    monkeypatch,
) -> None:
    """Every line the runtime says is coming (across beats too) comes on without rendering
    any of its words in its first frame, nor its new scene's name in the header: the sizes
    tried, the first word and the header were made in a quiet frame of the line before."""
    pilot = Pilot(settings=Settings(auto_advance=False))
    start_scenario(Player(pilot, "keyboard"), "example", "facilitator", anti_model=False)
    stage = pilot.stage
    made: list[str] = []
    cache = pilot.app.text._cache
    real_put = cache.put

    def noted(key, surface):
        made.append(key[1])
        return real_put(key, surface)

    monkeypatch.setattr(cache, "put", noted)
    beats, lines, scenes = set(), 0, 0
    for _ in range(30):
        coming = stage.rt.coming_line()
        beat, place = stage.view.beat_id, stage.place()
        view = _next_line(pilot, stage, made)
        if coming is None or view.line is None:
            if view.decision is not None:
                pilot.do(Act.CHOOSE_1)
            continue
        assert (view.beat_id, view.line.says) == (coming[0], coming[1].says)
        words = view.line.says.split()
        assert not [m for m in made if words and m.startswith(words[0])], made
        lines += 1
        if view.beat_id != beat:
            beats.add(view.beat_id)
            if view.scene.name not in place:
                scenes += 1
                assert not [m for m in made if view.scene.name in m], made  # the header
    assert lines >= 3 and beats and scenes, (lines, beats, scenes)  # within beats and across
