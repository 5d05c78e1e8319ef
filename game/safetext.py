"""Text and names that came from a file, made safe for where they go next.

Scripts, session records and progress files are written by people and by other programs,
so any character can arrive in them. Three places care:

- the stage: pygame refuses a NUL, and SDL_ttf crashed on a 10 MiB line and took 26 s to
  wrap a 100,000-character one, so `drawable` cuts text to `MAX_TEXT` characters and
  swaps control characters for a visible mark before anything reaches a font;
- a terminal: `validate`, `report list` and the other tools print what files say, and an
  escape sequence printed raw can retitle the window, clear the screen or fake a line of
  output, so `visible` writes every control character as a `\\x1b`-style escape (and
  `pictured`, for a source line with a caret under it, as one control-picture character);
- a file name: the handout's name is built from a record's session id and scenario id,
  and a crafted record could say `../../somewhere`, so `safe_name` keeps only letters,
  digits, `-`, `_` and `.` and never a leading dot.

The validator refuses control characters and text longer than `MAX_TEXT` in scripts
(FF212, FF213), so a script that validates is drawn exactly as written; the stage still
cleans what it draws, because progress files and records are not validated scripts.
No pygame here: the story layer and the command-line tools use it too.
"""

from __future__ import annotations

import re

#: The longest text the stage will draw, and the longest a script may hold (FF213).
#: Wrapping and shrinking 1,000 characters to fit a panel takes about 0.1-0.3 s once
#: (then it is cached); far longer text stalls frames for seconds. The longest text in
#: the shipped scenarios is under 400 characters.
MAX_TEXT = 1_000

#: Characters that are not text: C0 controls except tab and line feed, DEL, C1 controls
#: (U+0080-U+009F, which include a one-byte terminal escape), and lone surrogates.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: For a terminal, tab and line feed are escaped too: a value must stay on its line.
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
#: What the stage draws in place of a control character: the replacement character, which
#: Atkinson Hyperlegible draws as an empty box, so something visibly stands where it was.
MARK = "\ufffd"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
#: File names built from ids stay well under every file system's limit (255 bytes).
MAX_NAME = 80


def first_control(text: str) -> str | None:
    """The first control character in `text` (None when there is none)."""
    found = CONTROL.search(text)
    return found.group() if found else None


def describe_char(char: str) -> str:
    """A character as an author can look it up: 'U+0000 (NUL)' style, without the name."""
    return f"U+{ord(char):04X}"


def drawable(text: str, limit: int = MAX_TEXT) -> str:
    """`text` as the stage may draw it: at most `limit` characters, no control characters.

    A tab becomes a space; any other control character becomes `MARK`, so what was there
    is seen rather than silently dropped. Cut text ends with an ellipsis.
    """
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    if CONTROL.search(text) is None and "\t" not in text:
        return text
    return CONTROL.sub(MARK, text.replace("\t", " "))


def visible(text: str) -> str:
    """`text` for a terminal: each control character written out as an escape."""
    return _TERMINAL.sub(_escape, text)


def pictured(text: str) -> str:
    """`text` for a terminal, one character for one: each control character as its Unicode
    control picture (ESC as U+241B), so a caret under a source line still points right."""
    return CONTROL.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    )


def safe_name(text: str, fallback: str) -> str:
    """A file-name part from untrusted text: no separators, no `..`, no leading dot."""
    cleaned = _UNSAFE_NAME.sub("_", text).strip("._-")[:MAX_NAME]
    return cleaned or fallback
