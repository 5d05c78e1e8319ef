"""The game's side: a problem sending reaches the title once, the state the settings screen."""

from __future__ import annotations

from pathlib import Path

from game.records.outbox import Outbox, Sender
from game.records.xapi import LrsSettings, build_statements
from game.storage import folders
from game.ui.learning_records import SenderLink
from tests.records.helpers import recorded_run
from tests.story.factory import forum_script
from tests.ui.pilot import Pilot, Player

from .ralph import free_port


def test_a_refused_connection_is_told_once_on_the_title_and_shown_in_settings(
    tmp_path: Path,
) -> None:
    pilot = Pilot()
    link = pilot.app.sender = SenderLink(pilot.app, settle=3600)  # started by hand below
    nowhere = LrsSettings(endpoint=f"http://127.0.0.1:{free_port()}/xAPI/")
    record = recorded_run(forum_script())
    outbox = Outbox(folders().xapi)
    outbox.add(record.session_id, -1, build_statements(record, nowhere, forum_script()).statements)
    link.sender = Sender(nowhere, outbox, folders().sessions)
    problem = link.sender.once().problem
    assert problem and "refused the connection" in problem

    pilot.step()
    assert pilot.name == "title" and pilot.top.footer() == problem
    link.sender.once()  # the same problem again: not told again
    Player(pilot, "keyboard").pick_key(pilot.top.menu, "settings")
    pilot.step()
    assert pilot.app.notice is None
    assert link.status().startswith("Learning records: waiting: 9.") and problem in link.status()
    shot = tmp_path / "settings.png"
    pilot.screenshot(shot)
    assert shot.stat().st_size > 0
    link.stop()
