"""Plain-words hints for YAML syntax errors (FF101), read from the lines around the fault.

libyaml names the rule it could not apply ("could not find expected ':'"), which means
nothing to an author, and it often notices a mistake one line late: a key without its colon
is only found out when the next line starts. So each hint looks at the faulty line and the
line above it and names the likely slip in the author's terms: a missing colon, no space
after a dash, curly quotes pasted from a word processor, an apostrophe inside single quotes.
"""

from __future__ import annotations

import re

#: Quote marks a word processor substitutes for straight ones; YAML does not treat them as quotes.
_CURLY = re.compile(r"(?:^|[:\-\[{,])\s*[\u201c\u201d\u2018\u2019\u201e]")
#: `-who: jo`: a list item whose dash has no space after it, so YAML reads `-who` as a word.
_DASH_GLUED = re.compile(r"\s*-([^\s\-][^:\s]*:?)")
#: Where a line's key starts: after its indentation and any list dashes.
_KEY_PREFIX = re.compile(r"\s*(?:-\s+)*")
#: A value that opens with a bracket, e.g. `says: [Whispers] Jo...`: YAML reads a list.
_OPENING_BRACKET = re.compile(r"(?:^|:\s|-\s)\s*[\[{]")
#: A value that opens with a quote, e.g. `says: 'Sorry I can't...'` -> the quote character.
_OPENING_QUOTE = re.compile(r"""(?:^|:\s|-\s)\s*(["'])""")

TABS = "indent with spaces, never tabs"
CURLY = 'these look like curly quotes from a word processor; use straight quotes " instead'
COLON_IN_TEXT = "text containing ': ' must be in quotes, e.g. says: \"Note: this\""
NO_COLON = "the key on this line or the line above is missing its ':' or the space after ':'"
SINGLE = "an apostrophe inside single quotes ends the text: write it '' or use double quotes"
DOUBLE = 'a " inside double quotes ends the text: write it \\" or use single quotes outside'
QUOTES = "check the quotes on this line and the line above: a quote inside quoted text ends it"
UNCLOSED = "a quote was opened and not closed"
BRACKET = "a [ or { on this line or the line above is not closed"
LIST_LINE_UP = (
    "list items under a key must line up: check the indentation of this line and the one above"
)
SPECIAL_START = 'text starting with @, ` or % must be in quotes, e.g. says: "@Jo, a word"'
BRACKET_TEXT = 'text starting with [ or { must be in quotes, e.g. says: "[Quietly] Jo..."'
AFTER_END = "something follows the closing quote or bracket: keep all the text inside it"
INDENT = "check this line is indented the same as the lines beside it"


def syntax_hint(problem: str, lines: list[str], line: int, col: int) -> str:
    """A hint for libyaml's `problem` at 1-based `line` and `col` of the script's `lines`."""
    here = lines[line - 1] if 1 <= line <= len(lines) else ""
    above_at = _line_above(lines, line)
    above = lines[above_at - 1] if above_at else ""
    if "tab" in problem:
        return TABS
    if "end of stream" in problem or "quoted scalar" in problem:
        return UNCLOSED
    if _CURLY.search(here):
        return CURLY
    glued = _DASH_GLUED.match(here) or _DASH_GLUED.match(above)
    if glued:
        word = glued.group(1)
        return f"put a space after the dash: '- {word}', not '-{word}'"
    if "mapping values are not allowed" in problem:
        if ": " in here[: max(col - 1, 0)] or _continues_text(lines, above_at):
            return COLON_IN_TEXT  # the colon is inside a value, not after a key
        return _missing_colon(above) or f"{NO_COLON}; or, if this is text, put it in quotes"
    if "could not find expected ':'" in problem:
        return _missing_colon(above) or NO_COLON
    if "did not find expected key" in problem:
        if _OPENING_BRACKET.search(here):
            return BRACKET_TEXT
        return _quote_hint(here) or _quote_hint(above) or INDENT
    if "cannot start any token" in problem:
        return _cannot_start(here[col - 1 : col])
    if "expected comment or line break" in problem:
        return AFTER_END
    if "expected '-' indicator" in problem:
        return LIST_LINE_UP
    if "expected ',' or" in problem:
        return BRACKET
    if "block" in problem or "indentation" in problem:
        return INDENT
    return ""


#: How far above a syntax error to look for the quote that ran on into it.
_QUOTE_LOOKBACK = 200


def unclosed_quote(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """The 1-based (line, column, hint) of a quote that was opened and left unclosed on its
    own line, when the text it started runs on to the error at `line`.

    libyaml reads an unclosed quote as text that goes on until the next quote mark, often
    lines later, and then fails there with an unrelated complaint. The author's slip is on
    the line where the quote opened, so that is where the error belongs.
    """
    for number in range(line - 1, max(0, line - _QUOTE_LOOKBACK), -1):
        text = lines[number - 1]
        found = _OPENING_QUOTE.search(text)
        if text.lstrip().startswith("#") or not found:
            continue
        mark = found.group(1)
        if _closing(text, found.end(), mark) is not None:
            continue
        closes = None
        for later in range(number + 1, line + 1):
            if _closing(lines[later - 1], 0, mark) is not None:
                closes = later
                break
        if closes is None or closes >= line - 1:
            where = f" (line {closes})" if closes else ""
            hint = (
                f"a quote opened here is not closed on this line, so the text runs on to "
                f"the next {mark}{where}: close it at the end of this line"
            )
            return number, found.start(1) + 1, hint
        return None
    return None


def _closing(text: str, start: int, mark: str) -> int | None:
    """Index of the quote that closes text opened with `mark` before `start`, if on this line."""
    i = start
    while i < len(text):
        char = text[i]
        if mark == '"' and char == "\\":
            i += 2
            continue
        if char == mark:
            if mark == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _cannot_start(char: str) -> str:
    """A character YAML keeps for itself at the start of a value, or a tab inside a line."""
    if char == "\t":
        return TABS
    if char in ("@", "`", "%"):
        return SPECIAL_START
    return "put this text in quotes"


def _line_above(lines: list[str], line: int) -> int:
    """The number of the nearest line above with something other than a comment (0: none)."""
    for number in range(min(line, len(lines) + 1) - 1, 0, -1):
        text = lines[number - 1].strip()
        if text and not text.startswith("#"):
            return number
    return 0


def _continues_text(lines: list[str], line: int) -> bool:
    """Whether `line` carries on the unquoted text of a `key: text` line above it.

    `summary: A long` followed by a deeper `text that goes on` is one piece of text, so a
    colon after it is a colon in text, not a sign that `text that goes on` lacks its own.
    """
    start = _line_above(lines, line) if line else 0
    if not start:
        return False
    key_line = lines[start - 1]
    _, colon, value = key_line.partition(": ")
    if not colon or not value.strip() or value.lstrip()[0] in "|>#":
        return False
    prefix = _KEY_PREFIX.match(key_line)  # it matches every line, if only the empty start
    key_col = prefix.end() if prefix else 0
    text = lines[line - 1]
    return len(text) - len(text.lstrip()) > key_col


def _missing_colon(above: str) -> str:
    """Name the line above when it is a bare key, such as `scene staff_room` or `lines`."""
    content = above.strip().removeprefix("- ").split(" #")[0].rstrip()
    if not content or content.endswith(":") or ": " in content or content[0] in "[{\"'|>&*!":
        return ""
    lacks = "a space after its ':'" if ":" in content else "a ':'"
    return f"the line above ('{content}') looks like it needs {lacks}"


def _quote_hint(text: str) -> str:
    """Which kind of quote was ended early by the same mark inside the text."""
    found = _OPENING_QUOTE.search(text)
    if not found:
        return QUOTES if "'" in text or '"' in text else ""
    return SINGLE if found.group(1) == "'" else DOUBLE
