"""The set-up every screenshot tool needs before pygame is imported: import this first.

SDL's dummy video and audio drivers (no window, no sound card needed), a throwaway home so a
screenshot run never touches the user's settings, records or progress, and the project's
root on the path so `game` and `tests` import when a tool runs as `python tools/<name>.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["FREEZE_FRAME_HOME"] = tempfile.mkdtemp(prefix="freeze-frame-shots-")

#: The project's root folder.
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
