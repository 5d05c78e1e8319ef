"""The session record: one run, one JSON Lines file, each event on disk as it happens.

A whole-file rewrite per event would cost more and risk more; appending one line and
fsyncing it means that when the power goes, everything recorded up to the last complete
line survives, and at worst the line being written is cut short. Readers therefore skip a
damaged last line with a warning and keep everything before it, and a journal reopened
to carry on trims that partial line first so new events never glue onto it.

Line 1 is a header (format, version, session id, the scenario and a hash of its file,
facilitator or solo, start time, app version). Then `{"type": "event", "seq": n, "event":
{...}}` lines, `seq` counting from 0 so a gap shows, and at most one closing
`{"type": "mark", "state": "finished" | "abandoned"}`. The header is built from fixed
fields only: nothing here accepts the name of anyone in the room.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from game import __version__
from game.i18n import _
from game.storage import fsync_dir, move_aside, open_regular, parse_json, read_regular
from game.story.events import FORMAT_VERSION, Event
from game.story.model import Script

FORMAT = "freeze-frame-session"
#: The record format: its events are written in `game.story.events`' format, so the two
#: versions move together. Format 1 records are still read (`Event.from_json` upgrades them).
VERSION = FORMAT_VERSION
SUFFIX = ".jsonl"
#: The name of a record whose writing stopped (a full disk): listed, never resumed.
CUT_SUFFIX = ".cut" + SUFFIX
ROOM_MODES = ("facilitator", "solo")
#: How much of a journal's end `list_sessions` reads to learn its state.
TAIL_BYTES = 16_384


class JournalError(ValueError):
    """A file that is not a session record this version can read; the message says why."""


class NewerRecord(JournalError):
    """A record in a format newer than this version reads: left alone for the newer game."""


def app_version() -> str:
    """The game's version, for the record (`game.__version__`)."""
    return __version__


def file_sha256(path: str) -> str:
    """Hash of the scenario file, so a resumed or reported run can tell it was edited since."""
    try:
        return hashlib.sha256(read_regular(path)).hexdigest()
    except OSError:
        return ""


def new_session_id(now: datetime) -> str:
    """Sortable by time, unique enough for one user's sessions: 20261123-201503-a1b2c3."""
    return f"{now.astimezone(UTC):%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"


def _line(obj: dict[str, Any]) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _now_iso(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone().isoformat(timespec="seconds")


def _after_last_newline(handle: BinaryIO, size: int) -> int:
    """The offset just after the file's last newline (0 if it has none), read backwards in
    TAIL_BYTES pieces: a damaged last line may be any length."""
    end = size
    while end > 0:
        start = max(0, end - TAIL_BYTES)
        handle.seek(start)
        cut = handle.read(end - start).rfind(b"\n")
        if cut >= 0:
            return start + cut + 1
        end = start
    return 0


def trim_partial_tail(path: Path) -> int:
    """Cut a last line that has no newline (a write the power cut interrupted); bytes removed."""
    with os.fdopen(open_regular(path, os.O_RDWR), "rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return 0
        keep = _after_last_newline(handle, size)
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
        return size - keep


class SessionJournal:
    """Appends a run's events to its record file as they happen.

    Each `append` writes and flushes its line before returning, so the event is in the
    operating system's hands: a crash or a kill of the game loses nothing. Forcing it onto
    the disk itself (fsync) costs a few milliseconds, too long to spend inside a frame on
    a busy laptop, so a small background thread does it straight after every append; a
    power cut can cost at most the events of those last few milliseconds, and a cut line
    is skipped when the record is read back. `close` waits for the last fsync.
    """

    def __init__(self, path: Path, handle: BinaryIO | None, session_id: str, next_seq: int) -> None:
        self.path = path
        self.session_id = session_id
        self._handle: BinaryIO | None = handle
        self._seq = next_seq
        self.error: str | None = None
        self._dirty = threading.Event()
        self._lock = threading.Lock()
        self._closing = False
        self._syncer: threading.Thread | None = None
        if handle is not None:
            self._syncer = threading.Thread(target=self._sync_loop, daemon=True)
            self._syncer.start()

    def _sync_loop(self) -> None:
        """fsync whenever lines were written since the last one, until the journal closes."""
        while True:
            self._dirty.wait()
            self._dirty.clear()
            if self._closing:
                return
            self.sync()

    def sync(self) -> None:
        """Force what was written onto the disk now; a disk that refuses stops the record."""
        handle = self._handle
        if handle is None:
            return
        try:
            os.fsync(handle.fileno())
        except (OSError, ValueError) as exc:  # ValueError: the file was closed meanwhile
            if handle is self._handle:
                self._stop(exc)

    def _stop(self, exc: Exception) -> None:
        """Stop recording (never the game), mark the record as cut, and say why in words
        the host shows at once (`error`): what is kept, and what is not.

        The mark is the file's name, `<id>.cut.jsonl`: a rename needs no free space, where
        a closing line could not be written on a full disk. Without it the record would
        read as a run stopped mid-scene and be offered for Resume, though the run went on.
        Only the first cause is told: the background fsync and the frame's own write can
        fail together, and the second sees only the file the first closed ("I/O operation
        on closed file"), which would hide the real reason (a full disk) from the user.
        """
        with self._lock:
            if self._handle is None:
                return  # stopped already, by the first cause
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
            cut = self.path.with_name(f"{self.session_id}{CUT_SUFFIX}")
            try:
                os.replace(self.path, cut)
            except OSError:
                pass  # a read-only disk: the record stays as it is, complete up to here
            else:
                self.path = cut
            reason = getattr(exc, "strerror", None) or exc
            self.error = _(
                "The session record stopped after {count} events: the disk refused to "
                "write ({reason}). The run plays on, but nothing from now on is kept: it "
                "cannot be resumed, and a handout would cover only what came before."
            ).format(count=self._seq, reason=reason)

    @classmethod
    def create(
        cls,
        script: Script,
        room_mode: str,
        folder: Path,
        now: datetime | None = None,
        anti_model_ending: str = "",
    ) -> SessionJournal:
        """Start a new record for a run of `script` ("facilitator" or "solo") in `folder`.
        `anti_model_ending`: the ending of the traditional run the room watched first ("" if
        it did not), kept so a resumed run's debrief still says the room saw it.

        If the data folder cannot be written, the journal comes back with `error` set and
        records nothing: the run itself must still be playable.
        """
        if room_mode not in ROOM_MODES:
            raise ValueError(f"room mode must be one of {ROOM_MODES}, not {room_mode!r}")
        now = now or datetime.now(UTC)
        session_id = new_session_id(now)
        path = folder / f"{session_id}{SUFFIX}"
        header = {
            "type": "header",
            "format": FORMAT,
            "version": VERSION,
            "session": session_id,
            "script": {
                "id": script.id,
                "title": script.title,
                "path": str(Path(script.path).resolve()) if Path(script.path).exists() else "",
                "sha256": file_sha256(script.path),
                "criteria": [{"id": c.id, "name": c.name} for c in script.criteria.values()],
            },
            "mode": room_mode,
            "anti_model_ending": anti_model_ending,
            "started": _now_iso(now),
            "app": app_version(),
        }
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle = open(path, "xb")  # noqa: SIM115 - held open for the run, closed in close()
        except OSError as exc:  # a read-only or missing data folder: play on, unrecorded
            journal = cls(path, None, session_id, 0)
            journal.error = _(
                "No session record can be kept in {folder} ({reason}). The run "
                "plays on, but it cannot be resumed or made into a handout."
            ).format(folder=folder, reason=exc.strerror or exc)
            return journal
        journal = cls(path, handle, session_id, 0)
        journal._write(header)
        fsync_dir(folder)
        return journal

    @classmethod
    def reopen(cls, path: Path) -> SessionJournal:
        """Carry on appending to an interrupted record (after `read_journal` and a replay)."""
        record = read_journal(path)
        trim_partial_tail(path)
        last_seq = max((seq for seq, _ in record.numbered), default=-1)
        # Held open for the whole run; O_APPEND, so every write lands at the end.
        handle = os.fdopen(open_regular(path, os.O_WRONLY | os.O_APPEND), "ab")
        return cls(path, handle, str(record.header["session"]), last_seq + 1)

    def _write(self, obj: dict[str, Any]) -> None:
        """Put one line in the file; a disk that refuses stops the record, never the game.

        The runtime calls `append` in the middle of an action, so an exception here would
        leave a run half-changed on a full disk or a pulled USB stick. Instead the record
        stops, `error` says why (the host shows it), and the run plays on unrecorded.
        """
        with self._lock:
            if self._handle is None:
                return
            try:
                self._handle.write(_line(obj))
                self._handle.flush()
            except OSError as exc:
                failed = exc
            else:
                self._dirty.set()
                return
        self._stop(failed)

    def append(self, event: Event) -> None:
        """Record one event (pass this as the runtime's `on_event`)."""
        self._write({"type": "event", "seq": self._seq, "event": event.to_json()})
        self._seq += 1

    def close(self, state: str | None = None) -> None:
        """Close the file; with "finished" or "abandoned", mark the run so nobody resumes it."""
        if state is not None:
            if state not in ("finished", "abandoned"):
                raise ValueError(f"a run is marked finished or abandoned, not {state!r}")
            self._write({"type": "mark", "state": state, "at": _now_iso()})
        if self._syncer is not None:
            self._closing = True
            self._dirty.set()
            self._syncer.join()
            self._syncer = None
        self.sync()
        with self._lock:
            if self._handle is not None:
                self._handle.close()
                self._handle = None

    def __enter__(self) -> SessionJournal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class JournalRecord:
    """A record read back: its header, its events in order, its state, what was wrong."""

    path: Path
    header: dict[str, Any]
    numbered: list[tuple[int, Event]]
    #: "unfinished" (no ending, no mark: resumable), "finished", "abandoned", or "cut" (the
    #: disk refused to write mid-run: the record stops early and is never resumed)
    state: str
    warnings: list[str] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [event for _, event in self.numbered]

    @property
    def session_id(self) -> str:
        return str(self.header.get("session", self.path.stem))

    @property
    def script(self) -> dict[str, Any]:
        return dict(self.header.get("script") or {})


#: The header's text fields (may be missing, never another type): every reader uses them.
_HEADER_TEXT = ("session", "mode", "started", "app")
_SCRIPT_TEXT = ("id", "title", "path", "sha256")


def _parse_header(raw: bytes, name: str) -> dict[str, Any]:
    """The header line, checked field by field; JournalError saying what is wrong.

    A byte-order mark (an editor's) is allowed. A newer format raises NewerRecord, so the
    record is left alone for the game that wrote it rather than set aside as damaged.
    """
    try:
        header = parse_json(raw.decode("utf-8-sig"))
    except ValueError as exc:  # not UTF-8, not JSON, nested too deep, a 5,000-digit number
        raise JournalError(f"{name}: the first line is not a session header ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise JournalError(f"{name}: not a Freeze Frame session record")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise JournalError(f"{name}: its record format is not a whole number")
    if version > VERSION:
        raise NewerRecord(
            f"{name}: written by a newer Freeze Frame (record format {version}); "
            f"this version reads format {VERSION}"
        )
    script = header.get("script")
    if not isinstance(script, dict):
        raise JournalError(f"{name}: the header does not say which scenario was played")
    wrong = [k for k in _HEADER_TEXT if not isinstance(header.get(k, ""), str)]
    wrong += [f"script {k}" for k in _SCRIPT_TEXT if not isinstance(script.get(k, ""), str)]
    criteria = script.get("criteria", [])
    if not isinstance(criteria, list) or not all(
        isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("name"), str)
        for c in criteria
    ):
        wrong.append("script criteria")
    if header.get("mode", "solo") not in ROOM_MODES:
        wrong.append("mode")
    if wrong:
        raise JournalError(f"{name}: the header's {', '.join(wrong)} is damaged")
    return header


def _parse_body_line(raw: bytes, version: int) -> tuple[str, int, Any]:
    """("event", seq, Event) or ("mark", -1, state); raises ValueError saying what is damaged."""
    try:
        obj = parse_json(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None  # other ValueErrors say enough
    if not isinstance(obj, dict):
        raise ValueError("not an object")
    if obj.get("type") == "mark" and obj.get("state") in ("finished", "abandoned"):
        return "mark", -1, obj["state"]
    if obj.get("type") == "event":
        seq = obj.get("seq")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
            raise ValueError("its sequence number is missing or not a whole number")
        return "event", seq, Event.from_json(obj.get("event"), version)
    raise ValueError("not an event or an end mark")


def read_journal(path: str | os.PathLike[str]) -> JournalRecord:
    """Read a record, keeping every complete event; raises JournalError if it has no header."""
    path = Path(path)
    try:
        raw = read_regular(path)
    except OSError as exc:
        raise JournalError(f"{path.name}: cannot be read ({exc.strerror})") from None
    lines = raw.split(b"\n")
    partial = lines.pop()  # after the last newline: b"" when the file ended cleanly
    if not lines:
        raise JournalError(f"{path.name}: empty, or cut short before its header was written")
    header = _parse_header(lines[0], path.name)
    numbered: list[tuple[int, Event]] = []
    state, warnings = "unfinished", []
    for number, raw_line in enumerate(lines[1:], start=2):
        if not raw_line.strip():
            continue
        try:
            kind, seq, value = _parse_body_line(raw_line, header["version"])
        except ValueError as exc:  # an EventError too: the message says what is wrong
            last = number == len(lines) and not partial
            where = "its last line" if last else f"line {number}"
            warnings.append(f"{path.name}: {where} is damaged and was skipped ({exc}).")
            continue
        if kind == "mark":
            state = value
            continue
        if numbered and seq != numbered[-1][0] + 1:
            warnings.append(f"{path.name}: events {numbered[-1][0] + 1} to {seq - 1} are missing.")
        numbered.append((seq, value))
        # The last event decides (as `_tail_state` reads it): a room that rewound from an
        # ending is playing again.
        state = "finished" if value.kind == "ending" else "unfinished"
    if partial.strip():
        warnings.append(
            _(
                "{file}: the last event was cut short when the session stopped "
                "and was skipped; the {count} events before it are kept."
            ).format(file=path.name, count=len(numbered))
        )
    state = _cut_or(path, state)
    if state == "cut":
        warnings.append(
            _(
                "{file}: the disk refused to write during this run, so its record stops "
                "after {count} events; what happened next was not recorded."
            ).format(file=path.name, count=len(numbered))
        )
    return JournalRecord(path, header, numbered, state, warnings)


@dataclass(frozen=True)
class SessionInfo:
    """What the title screen and the tools need to list a session without reading it all."""

    path: Path
    session_id: str
    script_id: str
    script_title: str
    room_mode: str
    started: str
    state: str  # as in JournalRecord, or "empty" when no event was ever recorded
    modified_ns: int  # when it was last written: the most recently active run comes first


def _tail_state(path: Path, size: int, version: int) -> str:
    with os.fdopen(open_regular(path), "rb") as handle:
        handle.seek(max(0, size - TAIL_BYTES))
        tail = handle.read()
    complete = tail.split(b"\n")[:-1]
    for raw in reversed(complete[1:] if size > TAIL_BYTES else complete):
        try:
            kind, _, value = _parse_body_line(raw, version)
        except ValueError:
            continue
        if kind == "mark":
            return str(value)
        return "finished" if value.kind == "ending" else "unfinished"
    # Nothing readable after the header: killed before its first event, nothing to resume.
    return "unfinished" if size > TAIL_BYTES else "empty"


def _cut_or(path: Path, state: str) -> str:
    """ "cut" for a record whose writing stopped before the run ended (see `_stop`)."""
    return "cut" if state in ("unfinished", "empty") and path.name.endswith(CUT_SUFFIX) else state


def session_info(path: Path) -> SessionInfo:
    """Header and state from the first line and the end of the file only."""
    with os.fdopen(open_regular(path), "rb") as handle:
        first = handle.readline(TAIL_BYTES)
        size = handle.seek(0, os.SEEK_END)
        modified = os.fstat(handle.fileno()).st_mtime_ns
    if not first.endswith(b"\n"):
        raise JournalError(f"{path.name}: cut short before its header was written")
    header = _parse_header(first, path.name)
    script = header["script"]
    return SessionInfo(
        path=path,
        session_id=str(header.get("session", path.stem)),
        script_id=str(script.get("id", "")),
        script_title=str(script.get("title", "")),
        room_mode=str(header.get("mode", "")),
        started=str(header.get("started", "")),
        state=_cut_or(path, _tail_state(path, size, header["version"])),
        modified_ns=modified,
    )


def list_sessions(folder: Path) -> list[SessionInfo]:
    """Every readable session record, most recently written first (see `scan_sessions`)."""
    return scan_sessions(folder)[0]


def scan_sessions(folder: Path, set_aside: bool = False) -> tuple[list[SessionInfo], list[str]]:
    """Every readable record, most recently written first, and a sentence for each file
    named like a record that cannot be listed, so none vanishes without a word.

    With `set_aside` (the game, at its title), a damaged record (empty, not a record, a
    header that does not read) is moved aside as `<name>.corrupt-<time>` and the sentence
    says where; one in a newer format, or one that cannot be opened, is left where it is.
    """
    found, problems = [], []
    try:
        paths = sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
    except OSError:
        paths = []
    for path in paths:
        try:
            found.append(session_info(path))
        except NewerRecord as exc:
            problems.append(f"{exc}; it is left as it is.")
        except JournalError as exc:
            moved = move_aside(path) if set_aside else None
            kept = f" It was moved aside as {moved.name}." if moved else ""
            problems.append(f"{exc}.{kept}")
        except OSError as exc:
            problems.append(f"{path.name}: cannot be read ({exc.strerror or exc}).")
    found.sort(key=lambda s: (s.modified_ns, s.started), reverse=True)
    return found, problems


def find_unfinished(folder: Path) -> SessionInfo | None:
    """The newest run that stopped without an ending and was not abandoned: offer "Resume"."""
    return next((s for s in list_sessions(folder) if s.state == "unfinished"), None)


def mark_session(path: Path, state: str) -> None:
    """Mark a record finished or abandoned (e.g. the user declined to resume it)."""
    journal = SessionJournal.reopen(path)
    journal.close(state)


def resolve_session(ref: str, folder: Path) -> Path:
    """A record from a path, a session id, or the unique start of one in `folder`.

    An id is matched by its plain characters: `?`, `*` and `[0-1]` are not patterns here,
    so a reference never names a record it does not spell out. Anything that exists at
    `ref` is returned as it is; reading it says what is wrong if it is not a record.
    """
    as_path = Path(ref)
    if ref and (os.path.lexists(as_path) or os.sep in ref or ref.endswith(SUFFIX)):
        if os.path.lexists(as_path):
            return as_path
        raise JournalError(f"no session {ref!r}: there is no such file")
    try:
        names = sorted(p.name for p in folder.iterdir() if p.name.endswith(SUFFIX))
    except OSError:
        names = []
    if f"{ref}{SUFFIX}" in names:
        return folder / f"{ref}{SUFFIX}"
    matches = [name for name in names if name.startswith(ref)] if ref else []
    if len(matches) == 1:
        return folder / matches[0]
    if matches:
        shown = ", ".join(name[: -len(SUFFIX)] for name in matches[:5])
        raise JournalError(f"{ref!r} matches several sessions ({shown}); give more of the id")
    raise JournalError(f"no session {ref!r}: not a file, and not an id in {folder}")
