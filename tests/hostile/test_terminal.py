"""Issue 11, item 8: what the tools print from a file never acts on the terminal.

An escape printed raw can retitle the window, clear the screen, or (with a carriage return)
overwrite the summary with a fake "all valid". Every control character is shown instead.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from game.tools import report, validate
from tests.hostile.conftest import played_run

ROOT = Path(__file__).resolve().parents[2]
#: Anything a terminal would act on, besides the line breaks between printed lines.
ACTS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def test_validate_shows_escapes_from_a_script_instead_of_printing_them(
    tmp_path: Path, capsys
) -> None:
    shutil.copy(ROOT / "scripts" / "criteria.yaml", tmp_path)
    example = (ROOT / "scripts" / "example.yaml").read_text(encoding="utf-8")
    # A raw escape (a syntax error whose source line is printed), an escape in a key (an
    # unknown key is named in its message), and a file name with an escape in it.
    (tmp_path / "raw.yaml").write_text(example + "\nx: \x1b]0;owned\x07\n", encoding="utf-8")
    fake = '"\\e[2J\\r1 script checked: all valid, nothing to fix\\e[8m": 1\n'
    (tmp_path / "key.yaml").write_text(example + fake, encoding="utf-8")
    (tmp_path / "name\x1b[2J.yaml").write_text(example + "zzz: 1\n", encoding="utf-8")
    assert validate.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert not ACTS.search(out), [line for line in out.splitlines() if ACTS.search(line)]
    assert "\\x1b[2J\\r1 script checked" in out  # the key, shown for what it is
    assert "name\\x1b[2J.yaml" in out
    assert "\u241b]0;owned\u2407" in out  # the raw line, one picture per character
    lines = out.splitlines()
    source = next(i for i, line in enumerate(lines) if "\u241b" in line)
    assert lines[source][lines[source + 1].index("^")] == "\u241b"  # the caret points at it


def test_report_list_shows_escapes_from_a_record(capsys) -> None:
    from game.story.loader import load_script

    record = played_run(load_script(str(ROOT / "scripts" / "example.yaml")))
    lines = record.path.read_bytes().split(b"\n")
    header = json.loads(lines[0])
    header["script"]["title"] = "\x1b]0;owned\x07Tom\x9b2J"
    lines[0] = json.dumps(header).encode()
    record.path.write_bytes(b"\n".join(lines))
    assert report.main(["list"]) == 0
    out = capsys.readouterr().out
    assert not ACTS.search(out) and "\\x1b]0;owned\\x07Tom\\x9b2J" in out
