"""The command line: the declared console script works, and a mistyped command gets help."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

from game import cli


def test_the_declared_console_script_is_the_command_line(capsys, monkeypatch) -> None:
    (entry,) = metadata.entry_points(group="console_scripts", name="freeze-frame")
    assert entry.load() is cli.main
    monkeypatch.setattr(sys, "argv", ["freeze-frame", "--help"])
    assert entry.load()() == 0
    assert "typecheck" in capsys.readouterr().out


def test_the_installed_freeze_frame_script_runs_a_tool() -> None:
    script = Path(sys.executable).parent / (
        "freeze-frame.exe" if sys.platform == "win32" else "freeze-frame"
    )
    done = subprocess.run(
        [str(script), "analyse", "scripts/example.yaml"],
        cwd=cli.paths.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "ending" in done.stdout.lower()


def test_an_unknown_command_suggests_the_nearest(capsys) -> None:
    assert cli.run(["anaylse", "x.yaml"]) == 2
    assert "unknown command 'anaylse'; did you mean 'analyse'?" in capsys.readouterr().err
    assert cli.run(["typechek"]) == 2
    assert "did you mean 'typecheck'?" in capsys.readouterr().err


def test_a_command_like_no_other_gets_no_guess(capsys) -> None:
    assert cli.run(["xyzzy"]) == 2
    err = capsys.readouterr().err
    assert "unknown command 'xyzzy'" in err and "did you mean" not in err


def test_typecheck_outside_the_projects_venv_says_how_to_install_mypy(capsys, monkeypatch) -> None:
    """In an environment someone else manages, typecheck installs nothing: it says how."""
    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(cli.sys, "prefix", "/somewhere/else")
    assert cli.run(["typecheck"]) == 2
    assert 'pip install -e ".[dev]"' in capsys.readouterr().err
