"""Issue 11, item 6: a solo run killed on its ending screen used never to reach the
practice history (written only on leaving that screen, while its record already read as
finished). It is written the moment the ending is on screen."""

from __future__ import annotations

from game.records.journal import read_journal
from game.records.progress import history, load_progress
from game.storage import folders
from game.story.views import Phase
from tests.ui.pilot import Pilot, Player, start_scenario


def test_the_ending_on_screen_is_already_in_the_practice_history() -> None:
    pilot = Pilot()
    player = Player(pilot, "keyboard")
    start_scenario(player, "example", "solo", anti_model=False)
    stage = pilot.stage
    for _ in range(500):
        if pilot.name == "feedback":
            player.confirm()
        elif stage.view.phase is Phase.ENDED:
            break
        elif stage.view.phase is Phase.DECIDING:
            player.pick(stage.cards, 0)
        else:
            player.advance()
    assert pilot.name == "stage" and stage.view.phase is Phase.ENDED
    # Killed here: nothing more runs. What is on disk must already say it all.
    record = read_journal(stage.session.journal.path)
    assert record.state == "finished"
    runs = history(load_progress(folders().progress)[0], "example")
    assert [r.session for r in runs] == [record.session_id]
    assert runs[0].ending == stage.rt.ending
