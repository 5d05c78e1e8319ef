"""`python3 main.py xapi ...`: learning records for the trust's LRS, from the command line.

    xapi status                      where statements go, and how many wait in the outbox
    xapi setup --endpoint URL ...    set the LRS and the accounts (password asked, never shown)
    xapi send                        make statements for new sessions and send the outbox now
    xapi export -o FILE [SESSION..]  the statements of chosen sessions, for upload by hand

Settings live in the user's config folder (`lrs.json`, owner-only), never in the project;
nothing here prints the password.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import replace
from pathlib import Path

from game import paths
from game.records.journal import JournalError, list_sessions, read_journal, resolve_session
from game.records.outbox import LrsClient, Outbox, script_path
from game.records.xapi import LrsSettings, build_statements, load_lrs_settings, save_lrs_settings
from game.storage import Folders, atomic_write_text, folders
from game.story.errors import ScriptError
from game.story.loader import load_script

SETTABLE = ("endpoint", "username", "home_page", "room_account", "learner_account", "activity_base")


def script_folders(where: Folders) -> list[Path]:
    """The shipped scenarios, then the user's own (a record names its script by path first)."""
    return [paths.SCRIPTS, where.scripts]


def _settings(where: Folders) -> LrsSettings:
    settings, warning = load_lrs_settings(where.lrs_settings)
    if warning:
        print(f"xapi: warning: {warning}", file=sys.stderr)
    return settings


def _status(where: Folders) -> int:
    settings = _settings(where)
    outbox = Outbox(where.xapi)
    lrs = settings.where() if settings.configured else "nowhere (no LRS set up)"
    print(f"Statements go to: {lrs}")
    if settings.configured:
        password = "set" if settings.password else "not set"
        print(f"User name: {settings.username or '(none)'}; password: {password}")
    print(f"The room's account: {settings.room_account} at {settings.home_page}")
    learner = settings.learner_account or "(none: solo practice is not sent)"
    print(f"Solo learner's account: {learner}")
    print(f"Waiting in the outbox: {outbox.count()} statements ({outbox.batches})")
    print(f"Settings file: {where.lrs_settings}")
    return 0


def _setup(args: argparse.Namespace, where: Folders) -> int:
    settings = _settings(where)
    changes = {name: getattr(args, name) for name in SETTABLE if getattr(args, name) is not None}
    settings = replace(settings, **changes)
    if args.password_stdin:
        settings = replace(settings, password=sys.stdin.readline().rstrip("\r\n"))
    elif args.username and sys.stdin.isatty():
        settings = replace(settings, password=getpass.getpass("LRS password (not shown): "))
    try:
        save_lrs_settings(settings, where.lrs_settings)
    except ValueError as exc:
        print(f"xapi setup: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"xapi setup: cannot write {where.lrs_settings}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Saved to {where.lrs_settings} (readable by you only).")
    return 0


def _send(where: Folders) -> int:
    settings = _settings(where)
    outbox = Outbox(where.xapi)
    queued = outbox.queue_sessions(
        settings, where.sessions, script_folders(where), now=lambda: float("inf")
    )
    for line in queued.warnings:
        print(f"xapi send: {line}", file=sys.stderr)
    if not settings.configured:
        print(
            f"No LRS is set up, so nothing was sent; {outbox.count()} statements are kept. "
            "Set one with `python3 main.py xapi setup --endpoint URL --username NAME`."
        )
        return 0
    report = outbox.send(LrsClient(settings))
    for line in report.warnings:
        print(f"xapi send: warning: {line}", file=sys.stderr)
    print(f"Sent {report.sent} statements to {settings.where()}; {report.waiting} waiting.")
    if report.problem:
        print(f"xapi send: {report.problem}", file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace, where: Folders) -> int:
    settings = _settings(where)
    try:
        chosen = (
            [resolve_session(ref, where.sessions) for ref in args.sessions]
            if args.sessions
            else [info.path for info in reversed(list_sessions(where.sessions))]
        )
    except JournalError as exc:
        print(f"xapi export: {exc}", file=sys.stderr)
        return 2
    statements = []
    for path in chosen:
        try:
            record = read_journal(path)
            script = load_script(script_path(record.script, script_folders(where)))
        except (JournalError, ScriptError, OSError) as exc:
            print(f"xapi export: {path.stem}: left out ({exc})", file=sys.stderr)
            continue
        built = build_statements(record, settings, script)
        for line in built.warnings:
            print(f"xapi export: warning: {line}", file=sys.stderr)
        statements += built.statements
    try:
        atomic_write_text(args.output, json.dumps(statements, indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        print(f"xapi export: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Wrote {len(statements)} statements from {len(chosen)} sessions to {args.output}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="main.py xapi", description="Learning records (xAPI) for a Learning Record Store."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="where statements go and how many are waiting")
    setup = sub.add_parser("setup", help="set the LRS and the accounts statements are about")
    setup.add_argument("--endpoint", help="the LRS's xAPI address, e.g. https://lrs.example/xAPI/")
    setup.add_argument("--username", help="the LRS's HTTP basic user name (the password is asked)")
    setup.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    setup.add_argument("--home-page", dest="home_page", help="the trust's address, for accounts")
    setup.add_argument("--room-account", dest="room_account", help="the room's account name")
    setup.add_argument(
        "--learner-account", dest="learner_account", help="solo: your account ('' for none)"
    )
    setup.add_argument("--activity-base", dest="activity_base", help="prefix of activity ids")
    sub.add_parser("send", help="make statements for new sessions and send the outbox now")
    export = sub.add_parser("export", help="write the statements of chosen sessions to a file")
    export.add_argument("-o", "--output", type=Path, required=True, help="the JSON file to write")
    export.add_argument("sessions", nargs="*", help="session ids or files (default: all)")
    args = parser.parse_args(argv)
    where = folders()
    if args.command == "status":
        return _status(where)
    if args.command == "setup":
        return _setup(args, where)
    if args.command == "send":
        return _send(where)
    return _export(args, where)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
