"""Typed reading of YAML nodes: every wrong value becomes a diagnostic at its own position.

The loader asks for "text", "a whole number", "an id" and so on; this module answers with a
value, or records what is wrong and answers with a harmless default so loading can go on and
report every problem in the file in one pass. Scalars are interpreted here, from the text the
author wrote, so `says: Yes` stays the word "Yes" (YAML 1.1 would turn it into `True`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from game.safetext import MAX_TEXT, describe_char, first_control
from game.story.errors import Diagnostic, closest, diagnostic, did_you_mean, one_of
from game.story.model import ALWAYS, Condition, Pos
from game.story.yamlnodes import Document, Mapping, Node, Scalar, Sequence

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*\Z")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})
#: Text wrapped whole in curly quotes (double or single): a word processor's quotes, which YAML
#: keeps as letters, so they would show on stage.
_CURLY_WRAPPED = re.compile("\\s*(?:\u201c.*\u201d|\u2018.*\u2019|\u201e.*\u201c)\\s*\\Z", re.S)


def _straightened(value: str) -> str:
    """The text in straight double quotes, as the author should write it (kept short)."""
    inner = value.strip()[1:-1]
    inner = inner if len(inner) <= 40 else inner[:37] + "..."
    return '"' + inner.replace('"', '\\"') + '"'


def describe(node: Node) -> str:
    """How a value reads in a message: 'a list', 'nothing', or the text itself."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if is_nothing(node):
        return "nothing"
    shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return f"'{shown}'"


def is_nothing(node: Node) -> bool:
    return isinstance(node, Scalar) and node.is_nothing


def suggest_id(value: str) -> str:
    """The id an author probably meant: 'Arrival Scene' -> 'arrival_scene'."""
    words = re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")
    return words if ID_PATTERN.match(words) else ""


class Fields(dict[str, Node]):
    """The values of a mapping by key, plus the key nodes: some problems belong on the key."""

    def __init__(self) -> None:
        super().__init__()
        self.key_nodes: dict[str, Node] = {}


class Reader:
    """Reads values out of one document, collecting diagnostics instead of stopping."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.diags: list[Diagnostic] = []

    def pos(self, node: Node) -> Pos:
        return self.doc.pos(node)

    def report(self, code: str, node: Node, hint: str = "", **fields: object) -> None:
        self.diags.append(diagnostic(code, self.pos(node), hint, **fields))

    def wrong_type(self, node: Node, what: str, expected: str) -> None:
        hint = ""
        if expected == "text" and isinstance(node, Mapping):
            hint = "text containing ': ' must be in quotes, e.g. \"Note: like this\""
        self.report("FF201", node, hint, what=what, expected=expected, found=describe(node))

    # Containers -------------------------------------------------------------------------

    def fields(
        self, node: Node, what: str, required: Iterable[str], optional: Iterable[str]
    ) -> Fields | None:
        """A mapping with known keys: unknown keys and missing required ones are reported."""
        if not isinstance(node, Mapping):
            self.wrong_type(node, what, "a set of 'key: value' lines")
            return None
        required = tuple(required)
        allowed = (*required, *optional)
        found = Fields()
        misspelt: set[str] = set()  # required keys an unknown key was probably meant to be
        for key, value in node.pairs:
            name = self.key(key, what)
            if name is None:
                continue
            if name not in allowed:
                close = closest(name, allowed)
                misspelt.add(close)
                hint = f"did you mean '{close}'?" if close else one_of(allowed)
                self.report("FF203", key, hint, key=name, what=what)
                continue
            found[name] = value
            found.key_nodes[name] = key
        for name in required:
            if name not in found and name not in misspelt:
                self.report("FF202", node, what=what, key=name)
        return found

    def entries(self, node: Node, what: str) -> list[tuple[str, Scalar, Node]]:
        """A mapping from author-chosen ids to values (beats, cast...): ids are checked."""
        if not isinstance(node, Mapping):
            self.wrong_type(node, what, "a set of 'id: ...' entries")
            return []
        out = []
        for key, value in node.pairs:
            name = self.key(key, what)  # None unless the key is a Scalar
            if name is not None and isinstance(key, Scalar) and self.check_id(key, name):
                out.append((name, key, value))
        return out

    def items(self, node: Node, what: str, *, non_empty: bool = False) -> list[Node]:
        """A list; a single value where a list is expected is an error, said plainly."""
        if not isinstance(node, Sequence):
            self.wrong_type(node, what, "a list (lines starting with '- ')")
            return []
        if non_empty and not node.items:
            self.report("FF211", node, what=what)
        return node.items

    def key(self, node: Node, what: str) -> str | None:
        if isinstance(node, Scalar):
            return node.value
        self.wrong_type(node, f"a key in {what}", "a plain name")
        return None

    # Scalars ----------------------------------------------------------------------------

    def text(self, node: Node | None, what: str, *, required: bool = True) -> str:
        """Text as written; an empty value is an error only where text is required."""
        if node is None:
            return ""
        if not isinstance(node, Scalar):
            self.wrong_type(node, what, "text")
            return ""
        if is_nothing(node) or not node.value.strip():
            if required:
                self.wrong_type(node, what, "text")
            return ""
        if _CURLY_WRAPPED.match(node.value):
            self.report("FF414", node, f"write {_straightened(node.value)}")
        return self.drawable(node, what)

    def drawable(self, node: Scalar, what: str) -> str:
        """Text the stage can draw: a control character or a huge text is an error here, or
        it would crash or stall the stage after the script validated clean."""
        value = node.value
        char = first_control(value)
        if char is not None:
            self.report("FF220", node, what=what, char=describe_char(char))
        if len(value) > MAX_TEXT:
            self.report("FF221", node, what=what, length=f"{len(value):,}", limit=f"{MAX_TEXT:,}")
        return value

    def text_list(self, node: Node | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        return tuple(self.text(item, f"an entry of {what}") for item in self.items(node, what))

    def integer(self, node: Node | None, what: str, low: int, high: int) -> int | None:
        if node is None:
            return None
        value = node.value.strip() if isinstance(node, Scalar) else ""
        if not _INT.match(value):
            self.wrong_type(node, what, "a whole number")
            return None
        # Python refuses (or is slow) to convert thousands of digits; no count is that long.
        number = int(value) if len(value) <= 12 else high + 1
        if not low <= number <= high:
            shown = value if len(value) <= 12 else value[:9] + "..."
            self.report("FF205", node, what=what, allowed=f"from {low} to {high}", value=shown)
            return None
        return number

    def boolean(self, node: Node | None, what: str) -> bool:
        if node is None:
            return False
        value = node.value.strip().lower() if isinstance(node, Scalar) else ""
        if value in _TRUE:
            return True
        if value not in _FALSE:
            self.wrong_type(node, what, "true or false")
        return False

    def boolean_or_condition(self, node: Node | None, what: str) -> tuple[bool, Condition]:
        """`true`/`false`, or a condition in the `if:` vocabulary, meaning "true where this
        holds": (True, the condition). None or false: (False, ALWAYS)."""
        if isinstance(node, Scalar) and node.value.strip().lower() in _TRUE | _FALSE:
            return self.boolean(node, what), ALWAYS
        if node is None:
            return False, ALWAYS
        return True, self.condition(node)

    def check_id(self, node: Node, value: str) -> bool:
        if ID_PATTERN.match(value):
            return True
        better = suggest_id(value)
        self.report("FF204", node, f"for example: {better}" if better else "", value=value)
        return False

    def ident(self, node: Node | None, what: str) -> str:
        """An id (a flag, a beat...); '' when missing or wrong, after reporting it."""
        text = self.text(node, what)
        if node is None or not text:
            return ""
        return text if self.check_id(node, text) else ""

    def ident_list(self, node: Node | None, what: str) -> tuple[str, ...]:
        """One id or a list of them: `sets: asked` and `sets: [asked]` mean the same."""
        if node is None:
            return ()
        if isinstance(node, Scalar):
            return tuple(filter(None, [self.ident(node, what)]))
        return tuple(filter(None, (self.ident(item, what) for item in self.items(node, what))))

    def choice(self, node: Node | None, what: str, vocabulary: Collection[str]) -> str:
        """A value from a fixed vocabulary (emotions, backdrops...)."""
        text = self.text(node, what)
        if node is None or not text:
            return ""
        if text in vocabulary:
            return text
        self.report(
            "FF206",
            node,
            did_you_mean(text, vocabulary) or one_of(vocabulary),
            value=text,
            what=what,
        )
        return ""

    def reference(
        self, node: Node | None, what: str, known: Collection[str] | None, code: str
    ) -> str:
        """An id that must name something defined elsewhere (None: that part is unreadable)."""
        text = self.ident(node, what)
        if node is None or not text or known is None or text in known:
            return text
        self.report(code, node, did_you_mean(text, known), value=text)
        return ""

    def condition(self, node: Node | None) -> Condition:
        """`if: flag`, `if: not flag`, `if: [a, not b]` (all of) or `if: {any: [a, b]}`.

        An `{any: [...]}` may also stand as one entry of an all-of list. That is the whole
        vocabulary: flags, `not`, all of, any of.
        """
        if node is None:
            return ALWAYS
        if isinstance(node, Mapping):
            return Condition((), self.pos(node), tuple(filter(None, [self._any_of(node)])))
        parts = [node] if isinstance(node, Scalar) else self.items(node, "if", non_empty=True)
        terms, groups = [], []
        for part in parts:
            if isinstance(part, Mapping):
                group = self._any_of(part)
                if group:
                    groups.append(group)
                continue
            term = self._term(part)
            if term is not None:
                terms.append(term)
        return Condition(tuple(terms), self.pos(node), tuple(groups))

    def _any_of(self, node: Mapping) -> tuple[tuple[str, bool], ...]:
        """`{any: [a, not b]}`: at least one of the terms must hold."""
        f = self.fields(node, "a condition", ("any",), ())
        if f is None or "any" not in f:
            return ()
        items = f["any"]
        parts = [items] if isinstance(items, Scalar) else self.items(items, "any", non_empty=True)
        return tuple(t for t in map(self._term, parts) if t is not None)

    def _term(self, part: Node) -> tuple[str, bool] | None:
        text = self.text(part, "a condition")
        if not text:
            return None
        words = text.split()
        wanted = not (len(words) == 2 and words[0] == "not")
        flag = words[-1]
        if len(words) > (1 if wanted else 2) or flag == "not" or not ID_PATTERN.match(flag):
            self.report("FF210", part, text=text)
            return None
        return (flag, wanted)
