"""`rugdiary flare start | end | list | delete`: log a flare-up, end it, list or remove them."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from datetime import date
from typing import Any


def add_flare_commands(sub: Any, parser_class: Any) -> None:
    """The `flare` command and its actions; without an action it lists the flare-ups."""
    flare = sub.add_parser("flare", help="log a flare-up: start, end and what helped")
    flare.add_argument("--json", action="store_true", help="machine-readable output")
    flare.set_defaults(handler=cmd_list)
    actions = flare.add_subparsers(title="actions", metavar="ACTION", parser_class=parser_class)

    start = actions.add_parser("start", help="your back is flaring up: note when it began")
    start.add_argument("--at", help="when, ISO 8601 (default: now), e.g. 2026-03-14T08:30")
    start.add_argument("--note", default="", help="what was going on (optional)")
    start.set_defaults(handler=cmd_start)

    end = actions.add_parser("end", help="the flare-up has settled: note when, and what helped")
    end.add_argument("--at", help="when, ISO 8601 (default: now)")
    end.add_argument("--helped", default="", help="what helped, in your own words")
    end.add_argument(
        "--tag", action="append", default=[], help="what helped, as a tag (repeatable)"
    )
    end.set_defaults(handler=cmd_end)

    lst = actions.add_parser("list", help="every flare-up you logged, oldest first")
    # SUPPRESS: unset here, `flare --json list` keeps the --json given before the action.
    lst.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    lst.set_defaults(handler=cmd_list)

    delete = actions.add_parser("delete", help="remove a flare-up logged by mistake")
    delete.add_argument(
        "id", metavar="ID", help="the flare-up's id (or its first characters); `flare list`"
    )
    delete.set_defaults(handler=cmd_delete)


def _when(args: argparse.Namespace) -> Any:
    from rugdiary import cli

    return cli.moment(args.at, "--at")


def cmd_start(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.diary import ValidationError
    from rugdiary.storage.repositories import FlareRepository

    when = _when(args)
    with cli._open(args) as db:
        try:
            record = FlareRepository(db).start(when, args.note)
        except ValidationError as exc:
            raise cli.BadInputError(str(exc)) from None
    print(record.id)
    if args.at:
        # A time in the spring-forward gap is stored shifted; say so, as `add` does.
        cli._say_if_moved(args.at, record.start, "the flare-up's start")
    return cli.EXIT_OK


def cmd_end(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.diary import ValidationError
    from rugdiary.storage.repositories import FlareRepository

    when = _when(args)
    with cli._open(args) as db:
        try:
            record = FlareRepository(db).end(when, args.helped, args.tag)
        except ValidationError as exc:
            raise cli.BadInputError(str(exc)) from None
    assert record.end is not None
    days = (record.end.date() - record.start.date()).days + 1
    print(f"{record.id}: {record.start:%Y-%m-%d %H:%M} to {record.end:%Y-%m-%d %H:%M} ({days} d)")
    if args.at:
        cli._say_if_moved(args.at, record.end, "the flare-up's end")
    return cli.EXIT_OK


MIN_DELETE_PREFIX = 8
"""As many characters of the id as `flare list` shows: the shortest key delete takes."""


def cmd_delete(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.flares import find_flare
    from rugdiary.storage.repositories import FlareRepository

    key = args.id.strip()
    if len(key) < MIN_DELETE_PREFIX:
        # A delete does not ask: one or two typed letters are too easily the wrong ones.
        raise cli.BadInputError(
            f"ID: give at least the {MIN_DELETE_PREFIX} characters `rugdiary flare list` shows"
        )
    with cli._open(args) as db:
        repo = FlareRepository(db)
        found = find_flare(repo.list(), key)
        if found is None:
            raise cli.BadInputError(
                f"ID: there is no flare-up {key!r} (or more than one starts so); "
                "`rugdiary flare list` shows them"
            )
        # Removed meanwhile (the app, a second command): what was asked is done.
        with contextlib.suppress(LookupError):
            repo.delete(found.id)
    end = f"{found.end:%Y-%m-%d %H:%M}" if found.end is not None else "now (it was running)"
    print(f"Removed the flare-up of {found.start:%Y-%m-%d %H:%M} to {end}.")
    return cli.EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.storage.repositories import FlareRepository

    with cli._open(args, read_only=True) as db:
        records, invalid = FlareRepository(db).list_checked()
    cli._warn_invalid(invalid)
    if args.json:
        rows = [{"id": r.id, **r.to_summary()} for r in records]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return cli.EXIT_OK
    if not records:
        print("No flare-ups logged.")
    for r in records:
        end = f"{r.end:%Y-%m-%d %H:%M}" if r.end is not None else "running"
        # The id's first characters: enough for `flare delete ID`, as `activities` lists them.
        line = f"{r.id[:8]}  {r.start:%Y-%m-%d %H:%M}  to {end:<16}"
        extras = [cli._printable(r.helped)] if r.helped else []
        extras += [f"#{cli._printable(t)}" for t in r.tags]
        print(f"{line}  {' '.join(extras)}".rstrip())
    return cli.EXIT_OK


def period_flare_records(
    args: argparse.Namespace, entries: list[Any], start: date, end: date
) -> list[Any]:
    """The flare-ups of `start`..`end` as the report and `summary --json` show them: the
    logged ones merged with the diary's flare-up days (core.flares.report_flare_records)."""
    from rugdiary import cli
    from rugdiary.core.flares import report_flare_records
    from rugdiary.storage.repositories import FlareRepository

    with cli._open(args, read_only=True) as db:
        records, invalid = FlareRepository(db).list_checked()
    cli._warn_invalid(invalid)
    return report_flare_records(records, entries, start, end, today=date.today())


def flare_summary(
    args: argparse.Namespace, entries: list[Any], start: date, end: date
) -> list[dict[str, Any]]:
    """`summary --json`'s "flare_ups": start, end (null while running), helped, tags, note."""
    return [r.to_summary() for r in period_flare_records(args, entries, start, end)]
