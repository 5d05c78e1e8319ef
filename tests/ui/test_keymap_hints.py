"""On-screen key hints name the keys the keymap binds, so a rebinding changes every hint."""

from __future__ import annotations

import pygame
import pytest

from game.ui import keymap
from game.ui.keymap import KEYS, Act, choice_keys, key_name
from tests.ui.pilot import Pilot


def test_each_action_is_named_by_its_first_key() -> None:
    assert [key_name(a) for a in (Act.BUZZ, Act.CONFIRM, Act.PAUSE, Act.BACK)] == [
        "Space",
        "Enter",
        "Esc",
        "Backspace",
    ]
    assert (key_name(Act.ADVANCE), key_name(Act.QUIT), key_name(Act.MINUS)) == (
        "Page Down",
        "Q",
        "\u2212",
    )
    assert (choice_keys(4), choice_keys(2)) == ("1-4", "1-2")
    assert keymap.paste_name() == "Ctrl+V"


def test_a_rebound_key_changes_the_hints_that_name_it(monkeypatch: pytest.MonkeyPatch) -> None:
    pilot = Pilot()
    assert pilot.top.footer().endswith("Q quits.")
    rebound = {pygame.K_x: Act.QUIT, **{k: a for k, a in KEYS.items() if a is not Act.QUIT}}
    monkeypatch.setattr(keymap, "KEYS", rebound)
    assert key_name(Act.QUIT) == "X"
    assert pilot.top.footer().endswith("X quits.")
