"""Turn untrusted bytes into a small tree of YAML nodes with positions, or say why not.

Scripts come from authors' editors, e-mail attachments and shared drives, so anything may
arrive: a Word document renamed .yaml, a Latin-1 file, an alias bomb, a `!!python/object`
tag. This module builds the node tree itself from libyaml's event stream instead of calling
`yaml.compose`, for three reasons measured or found on this project:

- libyaml's composer recurses in C and crashes the interpreter (a segfault, not an
  exception) on a few tens of thousands of nested brackets; an event loop with an explicit
  stack and a depth limit cannot;
- an alias is refused at its own line and column, before anything could be expanded;
- only standard tags are accepted, and scalars are never handed to a constructor, so no
  script can name a Python object.

Garbage collection is paused while the tree is built (see `game.story.perf`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from game.storage import read_regular
from game.story.errors import Diagnostic, diagnostic, source_lines, with_source
from game.story.model import Pos
from game.story.perf import paused_gc
from game.story.syntax_hints import syntax_hint, unclosed_quote

#: Generated benchmark scripts of 100,000 beats are 10-20 MB; anything far beyond is a mistake.
MAX_BYTES = 50 * 1024 * 1024
#: A scenario needs about eight levels; the limit leaves room and stops hostile nesting.
MAX_DEPTH = 40
#: A 100,000-beat script has about 3.5 million values; 50 MiB of `[],` would have 17 million
#: tiny lists and take gigabytes of memory, so the count of values is bounded too.
MAX_NODES = 8_000_000

#: Said in plain words: an author does not know that YAML keeps only the last of two keys.
DUPLICATE_HINT = (
    "the second one would replace the first and the first would be lost: "
    "rename or remove one of them"
)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD = "tag:yaml.org,2002:"
#: Tags an author may write (`!!str "yes"`); merge keys are caught later as unknown keys.
_ALLOWED_TAGS = frozenset(
    _STANDARD + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "merge")
) | {"!"}


@dataclass(slots=True)
class Scalar:
    """A piece of text as written. `plain` means unquoted and untagged, so 5 may mean 5."""

    value: str
    plain: bool
    line: int
    col: int

    @property
    def is_nothing(self) -> bool:
        """An empty value (`key:` with nothing after it, `~`, `null`): YAML's null."""
        return self.plain and self.value.strip().lower() in ("", "~", "null")


@dataclass(slots=True)
class Mapping:
    pairs: list[tuple[Node, Node]] = field(default_factory=list)
    line: int = 1
    col: int = 1


@dataclass(slots=True)
class Sequence:
    items: list[Node] = field(default_factory=list)
    line: int = 1
    col: int = 1


Node = Scalar | Mapping | Sequence


@dataclass(frozen=True)
class Document:
    """A parsed file: its path (for positions), its text (for source lines) and its tree."""

    path: str
    text: str
    root: Node

    def pos(self, node: Node) -> Pos:
        return Pos(self.path, node.line, node.col)


def read_bytes(path: str) -> tuple[bytes | None, list[Diagnostic]]:
    """The file's bytes (at most one byte over the limit, so the limit can be reported)."""
    where = Pos(path, 1, 1)
    try:  # only a regular file: a named pipe called x.yaml would block a plain open()
        return read_regular(path, MAX_BYTES + 1), []
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        return None, [diagnostic("FF001", where, what=path, reason=reason)]


def parse_bytes(data: bytes, path: str) -> tuple[Document | None, list[Diagnostic]]:
    """Decode and parse script bytes. Returns the document only when it was read whole."""
    if len(data) > MAX_BYTES:
        size = len(data) // (1024 * 1024)
        return None, [diagnostic("FF002", Pos(path, 1, 1), size=size, limit=MAX_BYTES >> 20)]
    text, problem = _decode(data, path)
    if problem:
        return None, [problem]
    root, diags = _compose(text, path)
    diags = with_source(diags, text)
    if root is None:
        return None, diags
    return Document(path, text, root), diags


def _decode(data: bytes, path: str) -> tuple[str, Diagnostic | None]:
    """UTF-8 (with or without a byte-order mark); otherwise say where the bad byte is."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", diagnostic(
            "FF004",
            Pos(path, 1, 1),
            byte=f"0x{data[0]:02X}",
            hint="this looks like UTF-16: save the file as UTF-8",
        )
    nul = data.find(b"\0")
    if nul >= 0:
        return "", diagnostic("FF003", _pos_of_byte(data, nul, path))
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        bad = f"0x{data[start]:02X}"
        return "", diagnostic(
            "FF004",
            _pos_of_byte(data, start, path),
            byte=bad,
            hint="in Notepad: Save As, Encoding UTF-8; in VS Code: "
            "Reopen with Encoding, then Save with Encoding UTF-8",
        )


def _pos_of_byte(data: bytes, index: int, path: str) -> Pos:
    """Line and column of a byte offset, counting the line's valid characters for the column."""
    line_start = data.rfind(b"\n", 0, index) + 1
    col = len(data[line_start:index].decode("utf-8", errors="replace")) + 1
    return Pos(path, data.count(b"\n", 0, index) + 1, col)


def _compose(text: str, path: str) -> tuple[Node | None, list[Diagnostic]]:
    """Build the node tree from parser events, collecting what is wrong on the way."""
    builder = _Builder(path)
    try:
        with paused_gc():
            builder.run(text)
    except _Stop:
        pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "end of stream" in (exc.problem or ""):
            mark = exc.context_mark  # an unclosed quote: point at where it was opened
        problem = exc.problem or exc.context or "not valid YAML"
        pos = Pos(path, mark.line + 1, mark.column + 1) if mark else Pos(path, 1, 1)
        lines = source_lines(text)
        hint = syntax_hint(problem, lines, pos.line, pos.col)
        opened = unclosed_quote(lines, pos.line)
        if opened is not None:
            pos, hint = Pos(path, opened[0], opened[1]), opened[2]
            problem = "a quote opened on this line is not closed"
        builder.diags.append(diagnostic("FF101", pos, problem=problem, hint=hint))
    except yaml.YAMLError as exc:
        index = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        reason = getattr(exc, "reason", "") or "not valid YAML"
        char = getattr(exc, "character", None)
        if isinstance(char, int):
            reason += f" (character U+{char:04X})"
        builder.diags.append(diagnostic("FF101", Pos(path, line, col), problem=reason))
    except (RecursionError, MemoryError):
        builder.diags.append(diagnostic("FF105", Pos(path, 1, 1), limit=MAX_DEPTH))
    root = builder.root
    empty = isinstance(root, Scalar) and root.is_nothing  # e.g. only `---`
    if (root is None or empty) and not builder.diags:
        builder.diags.append(diagnostic("FF005", Pos(path, 1, 1)))
    if any(d.is_error and d.code != "FF102" for d in builder.diags):
        return None, builder.diags
    return builder.root, builder.diags


class _Stop(Exception):
    """Stop reading: what is left of the file cannot be read sensibly."""


class _Builder:
    """Consumes events with an explicit stack; no recursion, so no depth can crash it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.root: Node | None = None
        self.diags: list[Diagnostic] = []
        self.stack: list[Mapping | Sequence] = []
        self.pending_key: list[Node | None] = []
        self.documents = 0
        self.count = 0

    def fail(self, code: str, mark: yaml.Mark, hint: str = "", **fields: object) -> None:
        self.diags.append(
            diagnostic(code, Pos(self.path, mark.line + 1, mark.column + 1), hint, **fields)
        )

    def run(self, text: str) -> None:
        # Typed as Any: the loop tells events apart by their exact class (quicker than
        # isinstance), which a type checker cannot follow from PyYAML's base `Event`.
        event: Any
        for event in yaml.parse(text, Loader=_LOADER):
            kind = type(event)
            if kind is yaml.ScalarEvent:  # most events: kept lean, it runs millions of times
                tag, mark = event.tag, event.start_mark
                if tag is not None:
                    self.check_tag(event)
                plain = tag is None and not event.style
                self.add(Scalar(event.value, plain, mark.line + 1, mark.column + 1))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.check_tag(event)
                node_type = Mapping if kind is yaml.MappingStartEvent else Sequence
                node = node_type([], event.start_mark.line + 1, event.start_mark.column + 1)
                self.add(node)
                self.stack.append(node)
                self.pending_key.append(None)
                if len(self.stack) > MAX_DEPTH:
                    self.fail("FF105", event.start_mark, limit=MAX_DEPTH)
                    raise _Stop
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                node = self.stack.pop()
                self.pending_key.pop()
                if isinstance(node, Mapping) and len(node.pairs) > 1:
                    self.check_duplicates(node)
            elif kind is yaml.AliasEvent:
                self.fail(
                    "FF103", event.start_mark, hint="write the text out in full where it is needed"
                )
                raise _Stop
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.fail("FF106", event.start_mark)
                    raise _Stop

    def check_tag(self, event: Any) -> None:  # a node event from `run`
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS:
            shown = "!!" + tag[len(_STANDARD) :] if tag.startswith(_STANDARD) else tag
            self.fail(
                "FF104",
                event.start_mark,
                tag=shown,
                hint="remove the tag: scripts hold only text, numbers, lists and mappings",
            )

    def add(self, node: Node) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            self.diags.append(
                diagnostic("FF107", Pos(self.path, node.line, node.col), limit=f"{MAX_NODES:,}")
            )
            raise _Stop
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            self.pending_key[-1] = node
        else:
            parent.pairs.append((key, node))
            self.pending_key[-1] = None

    def check_duplicates(self, node: Mapping) -> None:
        """Report a repeated key and keep the first: PyYAML would silently keep the last."""
        seen: dict[str, Node] = {}
        kept = []
        for key, value in node.pairs:
            if isinstance(key, Scalar):
                first = seen.setdefault(key.value, key)
                if first is not key:
                    self.diags.append(
                        diagnostic(
                            "FF102",
                            Pos(self.path, key.line, key.col),
                            key=key.value,
                            first=first.line,
                            hint=DUPLICATE_HINT,
                        )
                    )
                    continue
            kept.append((key, value))
        node.pairs = kept
