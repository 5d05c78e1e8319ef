"""The xAPI outbox: statements waiting for the LRS, kept on disk until it has them.

Statements are made from session records (see `xapi.py`) and put in the data folder,
`xapi/outbox/`, one JSON file per batch, each written atomically (a crash leaves the old
batch or the new one, never half of one). `xapi/queued.json` says, per session, up to which
event statements were made, so a restart neither forgets a session nor makes one twice.

Sending posts each batch to the LRS and deletes the batch file only after the LRS said yes.
A kill between the two leaves the batch to be sent again after a restart; that is harmless
because every statement id is fixed by its session and event, and an LRS stores a statement
id only once (xAPI 1.0.3, Statement Resource: the same statement again is not stored again).
So nothing is lost and nothing is stored twice. Anything the LRS refuses (a 401, a 400 and
its reason, a 5xx, a timeout, a refused connection) leaves the outbox as it was and becomes
one sentence for the user; the sender tries again later, waiting longer each time.

The game's sender is a daemon thread (`Sender`): the frame loop never waits for it, and it
never touches pygame. No LRS set: statements are still kept, ready for `xapi send` or
`xapi export`, and nothing is sent.
"""

from __future__ import annotations

import base64
import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.i18n import _
from game.records.journal import JournalError, list_sessions, read_journal
from game.records.xapi import XAPI_VERSION, LrsSettings, build_statements
from game.storage import atomic_write_json, fsync_dir, load_json

if TYPE_CHECKING:
    import urllib.error

#: Statements per POST: small enough for any LRS's request limit, few enough requests.
BATCH = 50
TIMEOUT = 15.0
#: Waits between failed attempts, in seconds: 5 s doubling to at most 10 minutes.
BACKOFF_FIRST, BACKOFF_MAX = 5.0, 600.0
#: How often the game's sender looks for new or changed session records.
SCAN_EVERY = 15.0
#: An unfinished record written to within this long is a run still on stage: left alone
#: until it ends (so the sender does no work during play) or goes quiet.
QUIET = 120.0


class LrsError(Exception):
    """The LRS did not take the statements; the message is written for the user."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Report:
    """What one pass did: statements queued and sent, and what went wrong, in words."""

    queued: int = 0
    sent: int = 0
    waiting: int = 0
    problem: str | None = None
    warnings: list[str] = field(default_factory=list)


class Outbox:
    """Batches of statements on disk, in the order they were made."""

    def __init__(self, folder: Path) -> None:
        """`folder`: the data folder's `xapi` (`Folders.xapi`)."""
        self.folder = folder
        self.batches = self.folder / "outbox"
        self.ledger_path = self.folder / "queued.json"

    # ----- the ledger: how far each session has been turned into statements ------------

    def ledger(self) -> tuple[dict[str, Any], str | None]:
        return load_json(self.ledger_path, {})

    def _done(
        self, ledger: dict[str, Any], session: str, seq: int, closed: bool, mtime: int
    ) -> None:
        ledger[session] = {"seq": seq, "closed": closed, "mtime_ns": mtime}
        atomic_write_json(self.ledger_path, ledger)

    # ----- batches -----------------------------------------------------------------------

    def pending(self) -> list[Path]:
        if not self.batches.is_dir():
            return []
        return sorted(p for p in self.batches.glob("*.json") if not p.name.startswith("."))

    def count(self) -> int:
        return sum(len(self.read(p)[0]) for p in self.pending())

    def add(self, session: str, first_seq: int, statements: list[dict[str, Any]]) -> None:
        """One batch file per session and starting event: made again after a crash, the
        same batch replaces itself instead of joining a copy of itself."""
        if statements:
            name = f"{session}.{first_seq + 1:06d}.json"
            atomic_write_json(self.batches / name, {"statements": statements})

    def read(self, path: Path) -> tuple[list[dict[str, Any]], str | None]:
        def check(raw: Any) -> None:
            if not isinstance(raw.get("statements"), list):
                raise ValueError("it holds no list of statements")

        empty: dict[str, Any] = {"statements": []}
        raw, warning = load_json(path, empty, check)
        return list(raw["statements"]), warning

    def remove(self, path: Path) -> None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        fsync_dir(path.parent)

    # ----- filling it --------------------------------------------------------------------

    def queue_sessions(
        self,
        settings: LrsSettings,
        sessions: Path,
        script_folders: Iterable[Path] = (),
        now: Callable[[], float] = time.time,
    ) -> Report:
        """Make statements for every record in `sessions` with events not yet queued; a
        record's scenario is the file it names, else the same id in `script_folders`."""
        # Imported here, in the sender's thread: the game starts it before the title, and
        # the title must come up without the YAML loader's import time (see README).
        from game.story.errors import ScriptError
        from game.story.loader import load_script

        report = Report()
        ledger, warning = self.ledger()
        if warning:
            report.warnings.append(warning)
        for info in reversed(list_sessions(sessions)):  # oldest first
            seen = ledger.get(info.session_id) or {}
            if seen.get("closed") or seen.get("mtime_ns") == info.modified_ns:
                continue
            if info.state == "unfinished" and now() - info.modified_ns / 1e9 < QUIET:
                continue  # on stage now: its statements are made when it ends or goes quiet
            last = int(seen.get("seq", -1))
            try:
                record = read_journal(info.path)
                script = load_script(script_path(record.script, script_folders))
            except (JournalError, ScriptError, OSError) as exc:
                report.warnings.append(f"{info.session_id}: no statements made ({exc})")
                continue
            built = build_statements(record, settings, script, after_seq=last)
            report.warnings += built.warnings
            self.add(info.session_id, last, built.statements)
            report.queued += len(built.statements)
            top = max((seq for seq, _ in record.numbered), default=last)
            closed = record.state in ("finished", "abandoned")
            self._done(ledger, info.session_id, top, closed, info.modified_ns)
        return report

    # ----- emptying it -------------------------------------------------------------------

    def send(self, client: LrsClient) -> Report:
        """Post every batch in order; stop at the first refusal, keeping it and the rest."""
        report = Report()
        for path in self.pending():
            statements, warning = self.read(path)
            if warning:
                report.warnings.append(warning)
            try:
                for start in range(0, len(statements), BATCH):
                    report.warnings += _post(client, statements[start : start + BATCH])
            except LrsError as exc:
                report.problem = str(exc)
                break
            self.remove(path)
            report.sent += len(statements)
        report.waiting = self.count()
        return report


def _post(client: LrsClient, statements: list[dict[str, Any]]) -> list[str]:
    """Post a batch. A conflict (409: the LRS holds another statement with one of these ids,
    say from an older version's export sent by hand) is settled statement by statement: the
    one the LRS already has is left there, with a warning, and the others still go."""
    try:
        client.post(statements)
        return []
    except LrsError as exc:
        if exc.status != 409:
            raise
    warnings = []
    for statement in statements:
        try:
            client.post([statement])
        except LrsError as exc:
            if exc.status != 409:
                raise
            warnings.append(f"statement {statement.get('id')}: {exc}")
    return warnings


def script_path(script: dict[str, Any], folders: Iterable[Path]) -> str:
    """The scenario a record was played from, or a script of the same id in `folders`."""
    recorded = str(script.get("path", ""))
    if recorded and Path(recorded).is_file():
        return recorded
    for folder in folders:
        candidate = Path(folder) / f"{script.get('id', '')}.yaml"
        if candidate.is_file():
            return str(candidate)
    raise OSError(f"the scenario {script.get('id', '?')!r} cannot be found")


class LrsClient:
    """POSTs statements to an LRS's statements resource with HTTP basic authentication."""

    def __init__(self, settings: LrsSettings, timeout: float = TIMEOUT) -> None:
        self.settings = settings
        self.timeout = timeout
        pair = f"{settings.username}:{settings.password}".encode()
        self._auth = "Basic " + base64.b64encode(pair).decode("ascii")

    def post(self, statements: list[dict[str, Any]]) -> None:
        """Raises LrsError (with a sentence for the user) unless the LRS stored them all."""
        import urllib.error
        import urllib.request

        where = self.settings.where()
        request = urllib.request.Request(
            self.settings.statements_url(),
            data=json.dumps(statements, ensure_ascii=False).encode("utf-8"),
            method="POST",
            headers={
                "Authorization": self._auth,
                "Content-Type": "application/json; charset=utf-8",
                "X-Experience-API-Version": XAPI_VERSION,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                answer.read()
        except urllib.error.HTTPError as exc:
            raise LrsError(_refusal(exc, where), exc.code) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                text = _("The learning record store at {where} did not answer in time.")
            elif isinstance(reason, ConnectionRefusedError):
                text = _(
                    "The learning record store at {where} refused the connection (is it running?)."
                )
            else:
                text = _("The learning record store at {where} cannot be reached ({reason}).")
            raise LrsError(text.format(where=where, reason=reason)) from None


def _refusal(exc: urllib.error.HTTPError, where: str) -> str:
    """An HTTP refusal in words, with the LRS's own reason where it gave one."""
    try:
        body = exc.read(2000).decode("utf-8", "replace")
    except OSError:
        body = ""
    reason = ""
    with contextlib.suppress(ValueError, AttributeError):
        detail = json.loads(body).get("detail")
        reason = detail if isinstance(detail, str) else json.dumps(detail)[:300]
    reason = reason or body.strip()[:300]
    if exc.code in (401, 403):
        return _(
            "The learning record store at {where} did not accept the user name and password "
            "(HTTP {code}). Check them with `python3 main.py xapi setup`."
        ).format(where=where, code=exc.code)
    if exc.code == 409:
        return _(
            "The learning record store at {where} already holds a different statement with "
            "this id (HTTP 409); its own copy is kept."
        ).format(where=where)
    if exc.code >= 500:
        return _(
            "The learning record store at {where} has a problem of its own (HTTP {code})."
        ).format(where=where, code=exc.code)
    said = f": {reason}" if reason else ""
    return _(
        "The learning record store at {where} refused the statements (HTTP {code}){said}."
    ).format(where=where, code=exc.code, said=said)


class Sender:
    """The game's background sender: queue, send, wait, again, until `stop`.

    It tells the user about a problem once: `take_notice` hands over the sentence the first
    time it appears (and again only after statements got through, then failed anew).
    """

    def __init__(
        self,
        settings: LrsSettings,
        outbox: Outbox,
        sessions: Path,
        script_folders: Iterable[Path] = (),
    ) -> None:
        self.settings = settings
        self.outbox = outbox
        self.sessions = sessions
        self.script_folders = list(script_folders)
        self.status = _("Learning records: not sent (no LRS set up).")
        self._notice: str | None = None
        self._told: str | None = None
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="xapi-sender", daemon=True)

    def start(self) -> Sender:
        self._thread.start()
        return self

    def stop(self, wait: float = 2.0) -> None:
        """Stop after the attempt in progress (at most `wait` seconds: the game is closing)."""
        self._stopping = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(wait)

    def tell(self, notice: str) -> None:
        """Something for the user that is not the LRS's (a damaged settings file)."""
        self._notice = notice

    def take_notice(self) -> str | None:
        notice, self._notice = self._notice, None
        return notice

    def once(self) -> Report:
        """One pass: make statements for new events, then send if an LRS is set."""
        report = self.outbox.queue_sessions(self.settings, self.sessions, self.script_folders)
        if not self.settings.configured:
            report.waiting = self.outbox.count()
            self.status = _("Learning records: no LRS set up; statements kept: {count}.").format(
                count=report.waiting
            )
            return report
        sent = self.outbox.send(LrsClient(self.settings))
        report.sent, report.waiting, report.problem = sent.sent, sent.waiting, sent.problem
        report.warnings += sent.warnings
        where = self.settings.where()
        if report.problem is None:
            self._told = None
            self.status = _("Learning records: sent to {where}; none waiting.").format(where=where)
        else:
            self.status = _("Learning records: waiting: {count}. {problem}").format(
                count=report.waiting, problem=report.problem
            )
            if report.problem != self._told:
                self._notice = self._told = report.problem
        return report

    def _run(self) -> None:
        failures = 0
        while not self._stopping:
            try:
                report = self.once()
            except OSError as exc:  # the data folder itself failed: say so, keep trying
                report = Report(
                    problem=_("Learning records cannot be kept ({reason}).").format(
                        reason=exc.strerror
                    )
                )
                self.status = report.problem or ""
            except Exception as exc:  # a bug must not end the sending for the whole session
                report = Report(
                    problem=_("Learning records: an unexpected error ({error}).").format(
                        error=repr(exc)
                    )
                )
                self.status = report.problem or ""
            failures = failures + 1 if report.problem else 0
            self._wake.wait(backoff(failures))
            self._wake.clear()


def backoff(failures: int) -> float:
    """Seconds to wait after `failures` failed passes in a row (0: the usual scan)."""
    if failures == 0:
        return SCAN_EVERY
    return min(BACKOFF_MAX, BACKOFF_FIRST * 2.0 ** (failures - 1))
