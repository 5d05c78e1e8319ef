"""The project's own folders, worked out in this one place (moving one is a one-line change).

The user's files (session records, progress, settings, handouts) live elsewhere, in the
folders `game.storage.Folders` describes.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
SCRIPTS = ROOT / "scripts"
FONTS = ROOT / "assets" / "fonts"
