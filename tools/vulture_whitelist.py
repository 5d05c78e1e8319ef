"""Names the dead-code finder cannot see being used, each with the reason.

Run: `.venv/bin/vulture game tests tools --min-confidence 60` (this file is among `tools`).
Vulture reads the code without running it, so it misses what is used by name or by pygame.
"""

from html.parser import HTMLParser

import pygame

from game.ui.screens import (
    debrief,
    feedback,
    freeze,
    pause,
    settings_screen,
    setup,
    title,
)
from tests.hostile import conftest as hostile_conftest
from tests.hostile import test_special_files
from tests.ui import test_art_sound, test_art_text

# Opened by name through game/ui/screens/registry.py (`SCREENS`), never imported by class.
_ = (
    debrief.DebriefScene,
    feedback.FeedbackScene,
    freeze.FreezeMenu,
    freeze.RedirectPage,
    freeze.HotSeatPage,
    freeze.ThoughtPage,
    freeze.RewindPage,
    pause.PauseScene,
    settings_screen.SettingsScene,
    setup.ModeScene,
    title.TitleScene,
)

# A pygame.Rect's position, set to place the spotlight's pool (game/ui/art/stage.py).
_ = pygame.Rect(0, 0, 0, 0).midbottom
# A pygame.Window property: the smallest size the presenter window can be dragged to.
_ = pygame.Window.minimum_size

# Called by the standard library's HTMLParser (tests/records/test_report.py).
_ = (
    HTMLParser.handle_starttag,
    HTMLParser.handle_startendtag,
    HTMLParser.handle_endtag,
    HTMLParser.handle_data,
)

# Used by pytest by name: autouse fixtures and module marks.
_ = (
    hostile_conftest.no_hang,
    test_special_files.pytestmark,
    test_art_sound.no_mixer_left_running,
    test_art_text.fonts,
)
