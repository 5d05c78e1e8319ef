"""Test-wide setup that must happen before anything imports pygame.

SDL reads its video and audio drivers when pygame initialises, so the dummy drivers are set
here, at import time, before any test module is collected. FREEZE_FRAME_HOME points every
file the game writes (settings, session records, progress, logs) at a throwaway folder, and
each test gets its own via the `ff_home` fixture (autouse), so no test sees another's files.
"""

from __future__ import annotations

import os
import tempfile

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
# The interface's language follows the system's by default: tests see English wherever run.
os.environ["LANGUAGE"] = "en"
os.environ["FREEZE_FRAME_HOME"] = tempfile.mkdtemp(prefix="freeze-frame-tests-")

import pytest


@pytest.fixture(autouse=True)
def ff_home(tmp_path, monkeypatch):
    """A fresh FREEZE_FRAME_HOME for each test."""
    home = tmp_path / "ff-home"
    monkeypatch.setenv("FREEZE_FRAME_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def english_interface():
    """Each test starts with the interface in English: the language is the process's (a
    game sets it from its settings), so a test that played in Welsh must not leave the
    next test's notices and handouts in Welsh."""
    from game.i18n import set_language

    set_language("en")
    yield
    set_language("en")
