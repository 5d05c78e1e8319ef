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

from game.records.journal import JournalError, list_sessions, read_journal, resolve_session
from game.records.outbox import LrsClient, Outbox, script_path
from game.records.xapi import build_statements, load_lrs_settings, save_lrs_settings, settings_path
from game.storage import atomic_write_text, user_scripts_dir
from game.story.errors import ScriptError
from game.story.loader import load_script

ROOT = Path(__file__).resolve().parents[2]
SETTABLE = ("endpoint", "username", "home_page", "room_account", "learner_account", "activity_base")


def script_folders() -> list[Path]:
    """The shipped scenarios, then the user's own (a record names its script by path first)."""
    return [ROOT / "scripts", user_scripts_dir()]


def _status() -> int:
    settings, warning = load_lrs_settings()
    if warning:
        print(f"xapi: warning: {warning}", file=sys.stderr)
    outbox = Outbox()
    where = settings.where() if settings.configured else "nowhere (no LRS set up)"
    print(f"Statements go to: {where}")
    if settings.configured:
        password = "set" if settings.password else "not set"
        print(f"User name: {settings.username or '(none)'}; password: {password}")
    print(f"The room's account: {settings.room_account} at {settings.home_page}")
    learner = settings.learner_account or "(none: solo practice is not sent)"
    print(f"Solo learner's account: {learner}")
    print(f"Waiting in the outbox: {outbox.count()} statements ({outbox.batches})")
    print(f"Settings file: {settings_path()}")
    return 0


def _setup(args: argparse.Namespace) -> int:
    settings, warning = load_lrs_settings()
    if warning:
        print(f"xapi: warning: {warning}", file=sys.stderr)
    changes = {name: getattr(args, name) for name in SETTABLE if getattr(args, name) is not None}
    settings = replace(settings, **changes)
    if args.password_stdin:
        settings = replace(settings, password=sys.stdin.readline().rstrip("\r\n"))
    elif args.username and sys.stdin.isatty():
        settings = replace(settings, password=getpass.getpass("LRS password (not shown): "))
    try:
        save_lrs_settings(settings)
    except ValueError as exc:
        print(f"xapi setup: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"xapi setup: cannot write {settings_path()}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"Saved to {settings_path()} (readable by you only).")
    return 0


def _send() -> int:
    settings, warning = load_lrs_settings()
    if warning:
        print(f"xapi: warning: {warning}", file=sys.stderr)
    outbox = Outbox()
    queued = outbox.queue_sessions(settings, script_folders(), now=lambda: float("inf"))
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


def _export(args: argparse.Namespace) -> int:
    settings, warning = load_lrs_settings()
    if warning:
        print(f"xapi: warning: {warning}", file=sys.stderr)
    try:
        paths = (
            [resolve_session(ref) for ref in args.sessions]
            if args.sessions
            else [info.path for info in reversed(list_sessions())]
        )
    except JournalError as exc:
        print(f"xapi export: {exc}", file=sys.stderr)
        return 2
    statements = []
    for path in paths:
        try:
            record = read_journal(path)
            script = load_script(script_path(record.script, script_folders()))
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
    print(f"Wrote {len(statements)} statements from {len(paths)} sessions to {args.output}")
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
    if args.command == "status":
        return _status()
    if args.command == "setup":
        return _setup(args)
    if args.command == "send":
        return _send()
    return _export(args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
