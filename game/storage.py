"""Where Freeze Frame keeps its files, and how it writes and reads them without losing any.

A facilitator's laptop may lose power mid-session, and a manager may open a settings file
in a text editor and leave it half-edited. So every whole-file write goes to a temporary
file in the same folder, is flushed and fsynced, then renamed over the old one (a rename
within one folder is atomic: readers see the old file or the new one, never half of
either), and the folder itself is fsynced so the rename survives a power cut. Every read
of such a file tolerates damage: a file that cannot be used is moved aside (kept, for
anyone who wants to rescue it by hand), the defaults are used, and the caller gets a
sentence to show the user. The game never fails to start because of one bad file.

Only regular files are read: a named pipe (FIFO) called `settings.json` or `tom.yaml` would
block a plain `open` for ever, and a device would never end. `open_regular` opens without
blocking and checks what it opened before anything reads from it.

Folders come from platformdirs so they follow each platform's conventions; the
`FREEZE_FRAME_HOME` environment variable puts everything under one folder instead, which
is what tests, CI and portable installs want. It is read in one place (`folders()`), once,
where the program starts. No pygame here.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

from game.i18n import N_, _

APP_NAME = "FreezeFrame"
HOME_ENV = "FREEZE_FRAME_HOME"

T = TypeVar("T")


@dataclass(frozen=True)
class Folders:
    """Where this run of the program keeps the user's files.

    Worked out once, where the program starts (`folders()`), and passed to the code that
    reads and writes records, progress, settings and handouts, so nothing deeper reads the
    environment and a test or a tool can point any of it anywhere.
    """

    data: Path  # session records, progress, the error log, the xAPI outbox
    config: Path  # settings, LRS settings
    handouts: Path  # where the debrief's Export button puts handouts
    #: The user's own scenarios, read beside the shipped ones. Outside the app: the one-file
    #: app unpacks its shipped scripts afresh each start, so nothing kept there would last.
    scripts: Path

    @property
    def sessions(self) -> Path:
        return self.data / "sessions"

    @property
    def progress(self) -> Path:
        return self.data / "progress.json"

    @property
    def log(self) -> Path:
        return self.data / "freeze-frame.log"

    @property
    def settings(self) -> Path:
        return self.config / "settings.json"

    @property
    def lrs_settings(self) -> Path:
        """The LRS's address and credentials (owner-only; see game/records/xapi.py)."""
        return self.config / "lrs.json"

    @property
    def xapi(self) -> Path:
        """The xAPI outbox and its ledger (game/records/outbox.py)."""
        return self.data / "xapi"


def folders(environ: Mapping[str, str] = os.environ) -> Folders:
    """The folders: everything under `FREEZE_FRAME_HOME` if it is set, else the platform's own.

    Call this at the program's edge (the game's start, a tool's `main`) and pass the result
    in; none of the folders is created here.
    """
    value = environ.get(HOME_ENV, "").strip()
    if value:
        home = Path(value).expanduser()
        return Folders(home / "data", home / "config", home / "handouts", home / "scripts")
    return Folders(
        data=platformdirs.user_data_path(APP_NAME, appauthor=False),
        config=platformdirs.user_config_path(APP_NAME, appauthor=False),
        handouts=platformdirs.user_documents_path() / "Freeze Frame handouts",
        scripts=platformdirs.user_documents_path() / "Freeze Frame scripts",
    )


class NotRegularFile(OSError):
    """A path that names a pipe, a folder, a device or a socket where a file was expected."""


_KINDS = (
    (stat.S_ISDIR, N_("it is a folder")),
    (stat.S_ISFIFO, N_("it is a named pipe, not a file")),
    (stat.S_ISCHR, N_("it is a device, not a file")),
    (stat.S_ISBLK, N_("it is a device, not a file")),
    (stat.S_ISSOCK, N_("it is a socket, not a file")),
)


def not_regular_reason(mode: int) -> str | None:
    """Why a file of this `st_mode` cannot be read as a file (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    return next((_(reason) for test, reason in _KINDS if test(mode)), _("it is not a regular file"))


def open_regular(path: str | os.PathLike[str], flags: int = os.O_RDONLY) -> int:
    """A file descriptor for the regular file at `path`; NotRegularFile for anything else.

    Opened with O_NONBLOCK, so a named pipe is opened without waiting for a writer (and a
    pipe opened for writing with no reader fails at once); the check then refuses it. For a
    regular file O_NONBLOCK changes nothing.
    """
    extra = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags | extra, 0o666)  # the mode matters only with O_CREAT
    try:
        reason = not_regular_reason(os.fstat(fd).st_mode)
    except OSError:
        os.close(fd)
        raise
    if reason is not None:
        os.close(fd)
        raise NotRegularFile(errno.EINVAL, reason, str(path))
    return fd


def read_regular(path: str | os.PathLike[str], limit: int = -1) -> bytes:
    """The bytes of a regular file (at most `limit` when given); OSError otherwise."""
    with os.fdopen(open_regular(path), "rb") as handle:
        return handle.read(limit)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number this file may hold")


def parse_json(text: str) -> Any:
    """`json.loads` for files people and programs may have damaged: ValueError for anything
    unusable, with a reason. Python's own parser accepts NaN and Infinity and raises
    RecursionError on deep nesting and a bare ValueError on a 5,000-digit number; here all
    of those are ValueErrors, and a number too large for a float (1e999) is refused too."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise ValueError("its values are nested too deeply") from None


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"the number {text[:20]} is too large")
    return value


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` survive a power cut (a no-op where unsupported).

    Windows cannot open a directory for fsync, and its renames are journalled anyway.
    """
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Replace `path` with `text` (UTF-8) so that a crash leaves the old file or the new one.

    The temporary file lives in the same folder because a rename is only atomic within one
    file system. On any failure the temporary file is removed and the error re-raised; the
    file at `path` is untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file readable by its owner only; a handout or a CSV is made to
        # be shared, so it gets the permissions any new file would (0644 under umask 022).
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)


def _umask() -> int:
    """The process's umask (reading it means setting it; it is put straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_json(path: str | os.PathLike[str], obj: Any) -> None:
    """Write `obj` as indented JSON, atomically. Indented so a person can read and fix it."""
    atomic_write_text(path, json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def move_aside(path: Path) -> Path | None:
    """Rename a damaged file to `<name>.corrupt-<UTC timestamp>`; None if that failed."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    count = 1
    while backup.exists():
        count += 1
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{count}")
    try:
        os.replace(path, backup)
    except OSError:
        return None
    fsync_dir(path.parent)
    return backup


def load_json(
    path: str | os.PathLike[str],
    default: T,
    check: Callable[[Any], None] | None = None,
) -> tuple[T, str | None]:
    """Read a JSON file, recovering from damage. Returns (value, warning for the user or None).

    Missing file: a copy of `default`, no warning (a first start is not a problem).
    Unreadable, not JSON, not the same JSON type as `default`, or rejected by `check`
    (which raises ValueError with a reason): the file is moved aside, a copy of `default`
    is returned, and the warning says what happened and where the old file went.
    """
    target = Path(path)
    try:
        raw = read_regular(target)
    except FileNotFoundError:
        return copy.deepcopy(default), None
    except OSError as exc:
        return copy.deepcopy(default), (
            _("Your {file} could not be read ({reason}). Defaults are used instead.").format(
                file=target.name, reason=exc.strerror
            )
        )
    try:
        value = parse_json(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        reason = _("it is not UTF-8 text")
    except json.JSONDecodeError as exc:
        reason = _("it is not valid JSON (line {line}, column {column}: {problem})").format(
            line=exc.lineno, column=exc.colno, problem=exc.msg
        )
    except ValueError as exc:
        reason = _("it cannot be read ({reason})").format(reason=exc)
    else:
        problem = _shape_problem(value, default, check)
        if problem is None:
            return value, None
        reason = problem
    backup = move_aside(target)
    return copy.deepcopy(default), _warning(target, reason, backup)


def _shape_problem(value: Any, default: Any, check: Callable[[Any], None] | None) -> str | None:
    if default is not None and not isinstance(value, type(default)):
        kinds: dict[type, str] = {dict: "an object", list: "a list"}
        expected = kinds.get(type(default), type(default).__name__)
        return f"it holds {type(value).__name__} where {expected} was expected"
    if check is not None:
        try:
            check(value)
        except (ValueError, TypeError, KeyError) as exc:
            return str(exc) or _("its contents are not as expected")
    return None


def _warning(path: Path, reason: str, backup: Path | None = None) -> str:
    if backup is not None:
        kept = _("The damaged file was kept as {file}.").format(file=backup.name)
    else:
        kept = _("It could not be moved aside and will be replaced on the next save.")
    used = _("Your {file} could not be used: {reason}. Defaults are used instead.")
    return f"{used.format(file=path.name, reason=reason)} {kept}"
