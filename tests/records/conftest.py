"""Every records test writes under its own tmp folder, never the user's real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from game import storage


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "ff-home"
    monkeypatch.setenv(storage.HOME_ENV, str(folder))
    return folder
