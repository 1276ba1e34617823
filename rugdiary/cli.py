"""Command line: `rugdiary` starts the app; sub-commands log, list, check, back up and demo."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn

from rugdiary import __version__
from rugdiary.core.body_regions import REGION_IDS

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_DATA = 3


class BadInputError(Exception):
    """Input that cannot be used; the message names the field (or file and line)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    from rugdiary.storage.errors import (
        CorruptDataError,
        DataFileError,
        MissingDiaryError,
        StorageWriteError,
    )

    try:
        return handler(args)
    except BadInputError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except DataFileError as exc:
        _error(f"the data file cannot be used: {exc.reason}\n  file: {exc.path}")
        if isinstance(exc, CorruptDataError):
            _error("the file was left untouched; `rugdiary restore` puts the latest backup back")
        elif isinstance(exc, MissingDiaryError):
            _error("no empty diary was made; `rugdiary restore` puts the latest backup back")
        return EXIT_DATA
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except StorageWriteError as exc:
        _error(f"nothing was saved: {exc.reason}\n  file: {exc.path}")
        return EXIT_DATA


def _error(message: str) -> None:
    print(f"rugdiary: {message}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"rugdiary: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rugdiary",
        description="RugDiary: exercises, a pain and stress diary, and charts for low back pain. "
        "Without a command, the app starts.",
    )
    parser.add_argument("--version", action="version", version=f"RugDiary {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: $RUGDIARY_DATA_DIR, else the platform's data folder)",
    )
    parser.set_defaults(handler=_cmd_gui, theme="system", lang=None)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    gui = sub.add_parser("gui", help="start the app (the default)")
    gui.add_argument(
        "--theme", choices=("system", "light", "dark", "high-contrast"), default="system"
    )
    gui.add_argument("--lang", choices=("en", "nl"))
    gui.set_defaults(handler=_cmd_gui)

    add = sub.add_parser("add", help="log a diary entry; prints its id")
    add.add_argument("--pain", required=True, help="pain now, 0-10")
    add.add_argument("--stress", required=True, help="stress, 0-10")
    add.add_argument("--at", help="when, ISO 8601 (default: now), e.g. 2026-03-14T08:30")
    for name in ("worst-pain", "sleep", "mood", "confidence", "work-demand", "support"):
        add.add_argument(f"--{name}", help=f"{name.replace('-', ' ')}, 0-10")
    add.add_argument("--activity-min", help="minutes of activity, 0-1440")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument(
        "--medication", action="append", default=[], metavar="NAME[:DOSE]", help="repeatable"
    )
    add.add_argument(
        "--where",
        action="append",
        default=[],
        choices=REGION_IDS,
        metavar="REGION",
        help=f"where it hurts (repeatable), one of: {', '.join(REGION_IDS)}",
    )
    add.add_argument("--note", default="")
    add.add_argument("--flare-up", action="store_true")
    add.add_argument("--for-physio", action="store_true", help="mark for the physiotherapist")
    add.set_defaults(handler=_cmd_add)

    lst = sub.add_parser("list", help="list entries, newest first")
    lst.add_argument("--from", dest="start", metavar="DATE")
    lst.add_argument("--to", dest="end", metavar="DATE")
    lst.add_argument("--tag")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    lst.set_defaults(handler=_cmd_list)

    summary = sub.add_parser("summary", help="pain, stress and how they move together")
    summary.add_argument("--from", dest="start", metavar="DATE", help="default: the first entry")
    summary.add_argument("--to", dest="end", metavar="DATE", help="default: today")
    summary.add_argument("--lang", choices=("en", "nl"), default="en")
    summary.add_argument("--json", action="store_true", help="machine-readable output")
    summary.set_defaults(handler=_cmd_summary)

    programs = sub.add_parser("programs", help="built-in and your own exercise programs")
    programs.add_argument("--json", action="store_true", help="machine-readable output")
    programs.add_argument("--lang", choices=("en", "nl"), default="en")
    programs.set_defaults(handler=_cmd_programs)
    from rugdiary.cli_programs import add_programme_commands

    add_programme_commands(programs, _Parser)
    from rugdiary.cli_activities import add_activity_commands

    add_activity_commands(sub, _Parser)
    from rugdiary.cli_flare import add_flare_commands

    add_flare_commands(sub, _Parser)

    report = sub.add_parser("report", help="a PDF report for your physiotherapist")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    report.add_argument("--from", dest="start", metavar="DATE", help="default: the first entry")
    report.add_argument("--to", dest="end", metavar="DATE", help="default: today")
    report.add_argument("--lang", choices=("en", "nl"), default="en")
    report.add_argument("--name", default=None, help="your name, printed on the report")
    report.add_argument("--appendix", action="store_true", help="also list every entry")
    report.add_argument("--force", action="store_true", help="replace FILE if it exists")
    report.set_defaults(handler=_cmd_report)

    export = sub.add_parser("export", help="export your diary (contains health data)")
    export.add_argument("--format", required=True, choices=("csv", "json", "fhir"))
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--from", dest="start", metavar="DATE")
    export.add_argument("--to", dest="end", metavar="DATE")
    export.add_argument(
        "--table", choices=("entries", "sessions"), default="entries", help="for csv: which records"
    )
    export.add_argument(
        "--semicolon",
        action="store_true",
        help="for csv: separate values with ; (Excel where numbers have decimal commas)",
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(handler=_cmd_export)

    imp = sub.add_parser("import", help="import a csv or json file: all of it, or nothing")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="records whose id is already in the diary with other values replace the stored ones",
    )
    imp.set_defaults(handler=_cmd_import)

    check = sub.add_parser("check", help="check the data file without changing it")
    check.set_defaults(handler=_cmd_check)

    backup = sub.add_parser("backup", help="make a backup now")
    backup.set_defaults(handler=_cmd_backup)

    restore = sub.add_parser("restore", help="put a backup back (default: the newest readable one)")
    restore.add_argument("backup", nargs="?", help="a backup file (see `rugdiary restore --list`)")
    restore.add_argument("--list", action="store_true", help="list the backups")
    restore.add_argument(
        "--force",
        action="store_true",
        help="also when the diary is from a newer RugDiary (it is set aside, not deleted)",
    )
    restore.set_defaults(handler=_cmd_restore)

    demo = sub.add_parser("demo", help="fill an empty data folder with realistic sample data")
    demo.add_argument("--days", type=int, default=120)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--lang", choices=("en", "nl"), default="en", help="language of the tags and notes"
    )
    demo.set_defaults(handler=_cmd_demo)

    shot = sub.add_parser("screenshot", help="render a page to a PNG file, without a display")
    shot.add_argument("--page", required=True)
    shot.add_argument("-o", "--output", required=True, metavar="FILE.png")
    shot.add_argument("--lang", choices=("en", "nl"), default="en")
    shot.add_argument("--theme", choices=("light", "dark", "high-contrast"), default="light")
    shot.add_argument("--size", default="1100x720", metavar="WxH")
    shot.add_argument("--scale", type=float, default=1.0, help="e.g. 2 for 200%% scaling")
    shot.add_argument("--force", action="store_true", help="replace FILE.png if it exists")
    shot.set_defaults(handler=_cmd_screenshot)
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    from rugdiary.paths import data_dir

    try:
        folder = data_dir(args.data_dir)
    except ValueError:
        raise BadInputError(
            "--data-dir: the folder name is empty; give a folder, or leave the option out"
        ) from None
    if folder.exists() and not folder.is_dir():
        # Else every command ended in a traceback ("Not a directory: …/diary.json").
        raise BadInputError(f"--data-dir: {folder} is a file, not a folder")
    return folder


def _open(args: argparse.Namespace, *, read_only: bool = False) -> Any:
    """The data folder's diary; `read_only` for commands that only read (no lock needed,
    so a diary on a read-only disk can still be listed, summarised and exported)."""
    from rugdiary.storage.database import Database

    return Database.open(_data_dir(args), read_only=read_only)


def _warn_invalid(invalid: Sequence[Any], what: str = "left out") -> None:
    """Say which stored records fail validation, as `check` does; never drop one unseen."""
    for record in invalid:
        _error(
            f"warning: {record.table} record {record.doc_id}: {record.field}: "
            f"{_printable(record.message)}; {what}"
        )
    if invalid:
        _error(f"warning: {len(invalid)} stored record(s) need attention; see `rugdiary check`")


def _printable(text: str) -> str:
    """`text` with control characters escaped, so a note cannot steer the terminal."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def _cmd_gui(args: argparse.Namespace) -> int:
    from rugdiary.preload import import_qt_free_layers

    import_qt_free_layers()  # before Qt: see there why the order matters
    try:
        from rugdiary.ui.app import run_gui
    except ImportError as exc:  # Qt itself cannot load: a system library is missing
        from rugdiary.ui.start_problems import EXIT_QT_START, diagnose_import_error

        print(diagnose_import_error(exc).message(), file=sys.stderr)
        return EXIT_QT_START

    return run_gui(_data_dir(args), theme=args.theme, lang=args.lang)


_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
"""Plain ASCII digits: int() would also take "1_0" (as 10) and other scripts' digits."""


def _score(value: str | None, field: str, high: int = 10) -> int | None:
    if value is None:
        return None
    if not _WHOLE_NUMBER.fullmatch(value.strip()):
        raise BadInputError(f"{field}: {value!r} is not a whole number from 0 to {high}")
    return int(value)


def _day(value: str | None, field: str) -> date | None:
    from rugdiary.core.diary import MAX_YEAR, MIN_YEAR

    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"{field}: {value!r} is not a date like 2026-03-14") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        # Entries lie in these years; a period far beyond them only overflows the statistics.
        raise BadInputError(f"{field}: must be a date from the years {MIN_YEAR} to {MAX_YEAR}")
    return day


def moment(value: str | None, field: str) -> datetime:
    """`value` (ISO 8601) as a moment, or now when it is None.

    A moment later than now is refused, naming `field`: a year typed wrong (2027 for
    2026) made a flare-up of a whole year, which then refused every later start, and an
    entry or a score that stayed "the latest" until that day came.
    """
    from rugdiary.core.clock import TYPED_MOMENT_SLACK, SystemClock
    from rugdiary.core.diary import ValidationError, parse_datetime

    now = SystemClock().now()
    if not value:
        return now
    try:
        at = parse_datetime(value, field)
    except ValidationError as exc:
        raise BadInputError(str(exc)) from None
    if at > now + TYPED_MOMENT_SLACK:
        raise BadInputError(
            f"{field}: {at:%Y-%m-%d %H:%M} lies in the future (it is now {now:%Y-%m-%d %H:%M})"
        )
    return at


def _cmd_add(args: argparse.Namespace) -> int:
    from rugdiary.core.clock import SystemClock
    from rugdiary.core.diary import Medication, ValidationError, new_entry
    from rugdiary.core.safety import entry_notice_text, red_flag_signs, signs_language
    from rugdiary.storage.repositories import EntryRepository, SettingsRepository

    fields: dict[str, Any] = {
        "pain": _score(args.pain, "pain"),
        "stress": _score(args.stress, "stress"),
        "tags": args.tag,
        "regions": args.where,
        "note": args.note,
        "flare_up": args.flare_up,
        "for_physio": args.for_physio,
    }
    for name in ("worst_pain", "sleep", "mood", "confidence", "work_demand", "support"):
        fields[name] = _score(getattr(args, name), name)
    fields["activity_min"] = _score(args.activity_min, "activity_min", high=1440)
    fields["medication"] = tuple(
        Medication(*(part.strip() for part in item.split(":", 1))) for item in args.medication
    )
    clock = SystemClock()
    if args.at:
        fields["at"] = moment(args.at, "at")
    try:
        entry = new_entry(now=clock.now(), **fields)
    except ValidationError as exc:
        raise BadInputError(str(exc)) from None
    signs = red_flag_signs(entry)
    with _open(args) as db:
        EntryRepository(db, clock).add(entry)
        backup_problem = db.backup_problem
        # The app's language setting ("language"), when the person chose one.
        chosen = SettingsRepository(db).get("language") if signs else None
    print(entry.id)
    if signs:
        # As the app does after such an entry: name the sign and say to contact a doctor
        # now. In the app's language, else in the language of the tag the person typed.
        lang = chosen if chosen in ("en", "nl") else signs_language(entry) or "en"
        print(entry_notice_text(lang, signs), file=sys.stderr)
    if args.at:
        _say_if_moved(args.at, entry.at, "the entry")
    if backup_problem is not None:
        # The entry is on disk: saying "nothing was saved" would invite a duplicate.
        _error(
            f"warning: the entry was saved, but the daily backup failed: "
            f"{backup_problem.reason}\n  folder: {backup_problem.path}"
        )
    return EXIT_OK


def _say_if_moved(typed: str, stored: Any, what: str) -> None:
    """A local time that does not exist (clocks moving forward) is stored shifted: say so.

    `what` names what was stored ("the entry", "the score", "the flare-up's start"), so the
    note speaks of what the command made.
    """
    from datetime import datetime

    try:
        naive = datetime.fromisoformat(typed.strip())
    except ValueError:
        return
    # Seconds' fractions are not stored (flare-ups drop them): only a shifted clock counts.
    if naive.tzinfo is None and stored.replace(tzinfo=None, microsecond=0) != naive.replace(
        microsecond=0
    ):
        _error(
            f"note: {naive:%Y-%m-%d %H:%M} does not exist on this computer's clock (the "
            f"clocks moved that day); {what} was stored at {stored.isoformat()}"
        )


def _cmd_list(args: argparse.Namespace) -> int:
    from rugdiary.storage.repositories import EntryRepository

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if start is not None and end is not None and end < start:
        # As summary, export and report say it; "No entries in this period" misled.
        raise BadInputError(f"--to: {end} lies before --from {start}")
    with _open(args, read_only=True) as db:
        entries, invalid = EntryRepository(db).list_checked(start, end)
    if args.tag:
        wanted = args.tag.strip().lower()
        entries = [e for e in entries if wanted in e.tags]
    _warn_invalid(invalid)
    if args.json:
        json.dump([e.to_dict() for e in entries], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    if not entries:
        print("No entries in this period.")
    for e in entries:
        extras = [f"#{_printable(t)}" for t in e.tags]
        if e.flare_up:
            extras.insert(0, "flare-up")
        line = f"{e.at:%Y-%m-%d %H:%M}  pain {e.pain:>2}  stress {e.stress:>2}  {' '.join(extras)}"
        if e.note.strip():
            line += f"  {_printable(e.note.splitlines()[0][:60])}"
        print(line.rstrip())
    return EXIT_OK


def _period_data(
    args: argparse.Namespace,
) -> tuple[date, date, list[Any], list[Any], list[Any]]:
    """The period asked for (default: first entry to today), its entries, sessions and
    sitting days, read in one visit to the diary.

    Entries reach back before the period: the weeks before it give the personal
    baseline of the detrended figures, as `summary` and the report both need.
    """
    from rugdiary.core.stats import DETREND_WINDOW_DAYS
    from rugdiary.storage.repositories import (
        EntryRepository,
        SessionRepository,
        SittingRepository,
    )

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    today = date.today()
    if start is not None and start > today:
        raise BadInputError(f"--from: {start} lies in the future (today is {today})")
    if end is not None and end > today:
        # Days to come counted as days not logged: "35 of 121 days (29%)" for a diary
        # filled in every day so far.
        _error(f"note: --to {end} lies in the future; the period ends today, {today}")
        end = today
    end = end or today
    with _open(args, read_only=True) as db:
        entries_repo = EntryRepository(db)
        if start is None:
            oldest = entries_repo.oldest_day()
            start = min(oldest, end) if oldest else end
        if end < start:
            raise BadInputError(f"--to: {end} lies before --from {start}")
        lookback = start - timedelta(days=DETREND_WINDOW_DAYS - 1)
        entries, invalid = entries_repo.list_checked(lookback, end)
        sessions, invalid_sessions = SessionRepository(db).list_checked(start, end)
        sitting = SittingRepository(db).list(start, end)
    _warn_invalid([*invalid, *invalid_sessions])
    return start, end, entries, sessions, sitting


def _cmd_report(args: argparse.Namespace) -> int:
    from rugdiary import __version__
    from rugdiary.cli_activities import report_activity_changes
    from rugdiary.cli_flare import period_flare_records
    from rugdiary.core.body_regions import region_counts
    from rugdiary.core.clock import SystemClock
    from rugdiary.core.content import BuiltinContent
    from rugdiary.core.sessions import named_as_now
    from rugdiary.reports.pdf import build_report_pdf
    from rugdiary.resources import resources_dir
    from rugdiary.storage.repositories import (
        ProgramRepository,
        SettingsRepository,
        stored_reminder_state,
    )

    output = _checked_output(args)
    _existing_diary(args, "report on")
    start, end, entries, sessions, sitting = _period_data(args)
    with _open(args, read_only=True) as db:
        reminders = stored_reminder_state(SettingsRepository(db))
        own_programs = {p.id: p for p in ProgramRepository(db).list()}
    builtin = BuiltinContent(resources_dir())

    def name_now(program_id: str) -> str | None:
        program = own_programs.get(program_id) or builtin.program(program_id)
        return None if program is None else program.name.get(args.lang)

    # Each program named as it is now, in the report's language (as in the app); the
    # exports keep the name each session was recorded with.
    sessions = named_as_now(sessions, name_now)
    payload = build_report_pdf(
        entries,
        sessions,
        start,
        end,
        lang=args.lang,
        patient_name=args.name,
        include_appendix=args.appendix,
        app_version=__version__,
        generated_at=SystemClock().now(),
        reminders=reminders,
        sitting=sitting,
        region_counts=region_counts(entries, start, end),
        activity_changes=report_activity_changes(args, start, end),
        flare_records=period_flare_records(args, entries, start, end),
    )
    return _write_health_file(output, payload)


def _checked_output(args: argparse.Namespace) -> Path:
    """The -o file, refused when it is one of the data folder's own files, or when it
    exists and --force was not given. Checked before any work, so nothing is wasted."""
    from rugdiary.storage.database import is_data_folder_file

    output = Path(args.output)
    target = output.resolve()
    if is_data_folder_file(_data_dir(args), target):
        raise BadInputError(
            f"-o: {output} is one of the data folder's own files (the diary, its lock, "
            "its backups or the pictures of your own exercises); choose a file outside it"
        )
    if target.is_dir():
        raise BadInputError(f"-o: {output} is a folder; give a file name")
    if output.exists() and not args.force:
        raise BadInputError(f"-o: {output} already exists; add --force to replace it")
    return target


def _write_health_file(output: Path, payload: bytes) -> int:
    """Write an export or report atomically, print its path, and say what it holds.

    Atomic like the diary (temp file beside it, fsync, rename): a full disk leaves
    the earlier file of that name as it was, never a fragment.
    """
    from rugdiary.storage.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(output, payload)
    except OSError as exc:
        raise BadInputError(
            f"-o: cannot write {output} ({exc.strerror or exc}); nothing was written"
        ) from None
    print(output)
    # Said on stderr so that scripts reading the path from stdout are not confused.
    _error(f"note: {output.name} contains health data; share it only with people you trust")
    return EXIT_OK


SUMMARY_WORDS = {
    "en": {
        "period": "{start} to {end}: {logged} of {days} days logged, {entries} entries",
        "pain": "Pain:  ",
        "stress": "Stress:",
        "scores": "{label} mean {mean}, median {median}, highest {most}",
        "sessions": "Exercise sessions: {count} ({minutes} minutes)",
    },
    "nl": {
        "period": "{start} t/m {end}: {logged} van {days} dagen ingevuld, {entries} registraties",
        "pain": "Pijn:  ",
        "stress": "Stress:",
        "scores": "{label} gemiddeld {mean}, mediaan {median}, hoogste {most}",
        "sessions": "Oefensessies: {count} ({minutes} minuten)",
    },
}
"""`summary`'s lines around the sentences, in the language of `--lang` (as those are)."""

PROGRAM_WORDS = {
    "en": {
        "line": "{id:<26} {name} ({level}, about {minutes} min, {kind})",
        "cannot_start": "{id:<26} {name} (cannot start: {why}, {kind})",
        "missing": "the exercise {ids} is missing",
        "missing_many": "the exercises {ids} are missing",
        "builtin": "built-in",
        "own": "your own",
        "beginner": "beginner",
        "intermediate": "intermediate",
        "advanced": "advanced",
    },
    "nl": {
        "line": "{id:<26} {name} ({level}, ongeveer {minutes} min, {kind})",
        "cannot_start": "{id:<26} {name} (kan niet starten: {why}, {kind})",
        "missing": "de oefening {ids} ontbreekt",
        "missing_many": "de oefeningen {ids} ontbreken",
        "builtin": "ingebouwd",
        "own": "van jezelf",
        "beginner": "beginner",
        "intermediate": "halfgevorderd",
        "advanced": "gevorderd",
    },
}


def _cmd_summary(args: argparse.Namespace) -> int:
    from rugdiary.core.body_regions import region_counts
    from rugdiary.core.stats import build_summary

    start, end, entries, sessions, sitting = _period_data(args)
    summary = build_summary(entries, sessions, start, end, args.lang)
    # Per day: minutes at the computer, longest unbroken stretch, breaks.
    summary["sitting"] = [d.to_summary() for d in sitting]
    summary["regions"] = region_counts(entries, start, end)  # entries marking each body region
    from rugdiary.cli_activities import summary_activities  # first and last score, change

    summary.update(summary_activities(args, start, end))
    from rugdiary.cli_flare import flare_summary  # logged flare-ups and flagged days, merged

    summary["flare_ups"] = flare_summary(args, entries, start, end)
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    pain, stress = summary["pain"], summary["stress"]
    words = SUMMARY_WORDS[args.lang]

    def num(value: object) -> str:
        # Dutch writes a decimal comma, as the sentences below do.
        return str(value).replace(".", ",") if args.lang == "nl" else str(value)

    print(
        words["period"].format(
            start=summary["from"],
            end=summary["to"],
            logged=summary["days_logged"],
            days=summary["days_in_period"],
            entries=summary["entries"],
        )
    )
    if pain["mean"] is not None:
        for label, block in ((words["pain"], pain), (words["stress"], stress)):
            print(
                words["scores"].format(
                    label=label,
                    mean=num(block["mean"]),
                    median=num(block["median"]),
                    most=num(block["max"]),
                )
            )
    sessions_block = summary["sessions"]
    print(
        words["sessions"].format(
            count=sessions_block["count"], minutes=num(sessions_block["minutes"])
        )
    )
    print()
    print(summary["insight"])
    print(summary["caveat"])
    return EXIT_OK


def _cmd_programs(args: argparse.Namespace) -> int:
    from rugdiary.core.content import load_library
    from rugdiary.core.diary import ValidationError
    from rugdiary.core.exercises import Level
    from rugdiary.core.programs import build_timeline
    from rugdiary.resources import resources_dir
    from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository

    library = load_library(resources_dir())
    with _open(args, read_only=True) as db:
        own_exercises = {e.id: e for e in ExerciseRepository(db).list()}
        own_programs = ProgramRepository(db).list()
    exercises = {**library.exercises, **own_exercises}
    listed = []
    for program in (*library.programs.values(), *own_programs):
        try:
            timeline = build_timeline(program, exercises, program.level)
        except ValidationError as error:
            # An own exercise it uses was deleted (the app allows that, after asking): the
            # app lists such a programme as one that cannot start, and so does this; it
            # must not stop the listing of every other one.
            listed.append(_unplayable_program(program, exercises, library, error))
            continue
        listed.append(
            {
                "id": program.id,
                "name": program.name.to_dict(),
                "builtin": program.id in library.programs,
                "level": program.level.value,
                "sessions_per_week": program.sessions_per_week,
                "steps": [
                    {
                        "exercise_id": item.exercise_id,
                        "name": exercises[item.exercise_id].name.to_dict(),
                        "dose": item.dose(exercises[item.exercise_id], program.level).to_dict(),
                    }
                    for item in program.items
                ],
                "total_s": timeline.total_s,
                "total_s_by_level": {
                    level.value: build_timeline(program, exercises, level).total_s
                    for level in Level
                },
                "cannot_start": None,
                "missing_exercises": [],
            }
        )
    if args.json:
        json.dump(listed, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    words = PROGRAM_WORDS[args.lang]
    for item in listed:
        if item["cannot_start"] is not None:
            missing = item["missing_exercises"]
            print(
                words["cannot_start"].format(
                    id=item["id"],
                    name=item["name"][args.lang],
                    why=(
                        words["missing" if len(missing) == 1 else "missing_many"].format(
                            ids=", ".join(repr(i) for i in missing)
                        )
                        if missing
                        else item["cannot_start"]
                    ),
                    kind=words["builtin" if item["builtin"] else "own"],
                )
            )
            continue
        print(
            words["line"].format(
                id=item["id"],
                name=item["name"][args.lang],
                level=words[item["level"]],
                minutes=round(item["total_s"] / 60),
                kind=words["builtin" if item["builtin"] else "own"],
            )
        )
    return EXIT_OK


def _unplayable_program(
    program: Any, exercises: dict[str, Any], library: Any, error: Any
) -> dict[str, Any]:
    """A programme `programs` lists that cannot start: no length, and the reason why
    (`cannot_start`, the core's words; `missing_exercises`, the ids no longer there)."""
    missing = list(
        dict.fromkeys(i.exercise_id for i in program.items if i.exercise_id not in exercises)
    )
    return {
        "id": program.id,
        "name": program.name.to_dict(),
        "builtin": program.id in library.programs,
        "level": program.level.value,
        "sessions_per_week": program.sessions_per_week,
        "steps": [
            {
                "exercise_id": item.exercise_id,
                "name": (
                    exercises[item.exercise_id].name.to_dict()
                    if item.exercise_id in exercises
                    else None
                ),
                "dose": None,
            }
            for item in program.items
        ],
        "total_s": None,
        "total_s_by_level": None,
        "cannot_start": f"{error.field}: {error.message}",
        "missing_exercises": missing,
    }


def _cmd_export(args: argparse.Namespace) -> int:
    from rugdiary import __version__
    from rugdiary.core.clock import SystemClock
    from rugdiary.reports import exchange
    from rugdiary.storage.database import SCHEMA_VERSION
    from rugdiary.storage.repositories import (
        EntryRepository,
        SessionRepository,
    )

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if start and end and end < start:
        raise BadInputError(f"--to: {end} lies before --from {start}")
    output = _checked_output(args)
    _existing_diary(args, "export")
    now = SystemClock().now()
    with _open(args, read_only=True) as db:
        entries, invalid = EntryRepository(db).list_checked()
        sessions, invalid_sessions = SessionRepository(db).list_checked()
        if args.format == "json":
            kind = "json"
            # Without a period, records that fail validation are exported as stored.
            kept = start is None and end is None
            _warn_invalid(
                [*invalid, *invalid_sessions], "exported as stored" if kept else "left out"
            )
        elif args.format == "fhir":
            kind = "fhir"
            _warn_invalid(invalid)
        elif args.table == "sessions":
            kind = "sessions_csv"
            _warn_invalid(invalid_sessions)
        else:
            kind = "entries_csv"
            _warn_invalid(invalid)
        payload = exchange.export_file(
            kind,
            tables=db.read_tables(),
            entries=entries,
            sessions=sessions,
            schema=SCHEMA_VERSION,
            app_version=__version__,
            now=now,
            start=start,
            end=end,
            csv_delimiter=";" if args.semicolon else ",",
        )
    return _write_health_file(output, payload)


def _cmd_import(args: argparse.Namespace) -> int:
    from rugdiary.core.clock import SystemClock
    from rugdiary.reports import exchange
    from rugdiary.storage.database import SCHEMA_VERSION
    from rugdiary.storage.repositories import EntryRepository, SessionRepository

    source = Path(args.file)
    try:
        content = source.read_bytes()
    except OSError as exc:
        raise BadInputError(f"{source}: cannot be read ({exc.strerror})") from None
    # The duplicate check and the write happen under one hold of the lock: checked
    # before it, two imports of one file at once would both add everything.
    with _open(args) as db, db.transaction():
        tables = db.read_tables()
        try:
            plan = exchange.import_data(
                content,
                now=SystemClock().now(),
                known_schema=SCHEMA_VERSION,
                existing_entries=EntryRepository(db).list(),
                existing_sessions=SessionRepository(db).list(),
                existing_records={name: tables.get(name, {}).values() for name in tables},
            )
        except exchange.ImportFailed as failed:
            for problem in failed.problems:
                _error(f"{source}:{problem.line}: {problem.field}: {problem.message}")
            if failed.more:
                _error(f"... and {failed.more} more")
            raise BadInputError(f"{source}: nothing was imported") from None
        if plan.conflicts and not args.replace:
            for conflict in plan.conflicts:
                _error(f"{source}:{conflict.line}: {str(conflict).partition(', ')[2]}")
            raise BadInputError(
                f"{source}: nothing was imported; {len(plan.conflicts)} record(s) are already in "
                "the diary with other values. Add --replace to replace them with the file's"
            )
        replaced = len(plan.conflicts)
        if plan.entries or plan.sessions or any(plan.records.values()) or replaced:
            db.backup_now()  # an import is easy to regret: keep the state before it
            db.rewrite(lambda current: exchange.merge_into_tables(current, plan, replace=True))
    message = (
        f"Imported {_imported_counts(plan.counts())} "
        f"from {source.name}; skipped {plan.duplicates} already in the diary"
    )
    print(message + (f"; replaced {replaced} with the file's values." if replaced else "."))
    return EXIT_OK


IMPORTED_WORDS: dict[str, tuple[str, str]] = {
    "entries": ("1 entry", "{n} entries"),
    "sessions": ("1 session", "{n} sessions"),
    "programs": ("1 program", "{n} programs"),
    "exercises": ("1 exercise of your own", "{n} exercises of your own"),
    "settings": ("your settings", "your settings"),
    "activities": ("1 activity", "{n} activities"),
    "activity_scores": ("1 activity score", "{n} activity scores"),
    "flares": ("1 flare-up", "{n} flare-ups"),
    "sitting": ("1 day of sitting times", "{n} days of sitting times"),
}
"""Each table's records counted in words (exchange.EXPORT_TABLES), as the app's
data_files.plan_lines words them, but for "entry" and "session" as the CLI always said."""


def _imported_counts(counts: dict[str, int]) -> str:
    """ "1 entry and 0 sessions", and every other table the import adds to, from
    ImportResult.counts as the app's question has them: a copy of only activities and
    flare-ups said "Imported 0 entries and 0 sessions" though it added them."""
    parts = []
    for name, n in counts.items():
        if n or name in ("entries", "sessions"):
            one, many = IMPORTED_WORDS[name]
            parts.append(one if n == 1 else many.replace("{n}", str(n)))
    return " and ".join([", ".join(parts[:-1]), parts[-1]])


def _record_parsers() -> dict[str, Callable[[Any], Any]]:
    """Each stored table and what reads one of its records (raising on a bad one)."""
    from rugdiary.core.activities import Activity, ActivityScore
    from rugdiary.core.diary import DiaryEntry
    from rugdiary.core.exercises import Exercise
    from rugdiary.core.flares import FlareRecord
    from rugdiary.core.programs import Program
    from rugdiary.core.sessions import Session
    from rugdiary.core.sitting import SittingDay

    return {
        "entries": DiaryEntry.from_dict,
        "sessions": Session.from_dict,
        "activities": Activity.from_dict,
        "activity_scores": ActivityScore.from_dict,
        "flares": FlareRecord.from_dict,
        "sitting": SittingDay.from_dict,
        "programs": Program.from_dict,
        "exercises": Exercise.from_dict,
    }


def _record_label(doc: Any) -> str:
    """When a stored record is from (or its id): what a person can find it by."""
    if isinstance(doc, dict):
        for key in ("at", "started_at", "start", "day", "id"):
            if isinstance(doc.get(key), str):
                return f" ({_printable(doc[key])})"
    return ""


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _existing_diary(args: argparse.Namespace, what: str) -> None:
    """Refuse `what` when the data folder holds no diary: a mistyped --data-dir gave an
    empty export or report, and `backup` made an empty diary there to back up."""
    from rugdiary.storage.database import diary_path, list_backups

    folder = _data_dir(args)
    # With backups there, the diary went missing: opening it says so and offers restore.
    if not diary_path(folder).exists() and not list_backups(folder):
        raise BadInputError(f"there is no diary in {folder}: nothing to {what} (check --data-dir)")


def _cmd_check(args: argparse.Namespace) -> int:
    """Read-only on purpose: no lock, no migration, no backup; only reports.

    Every table is read as the app reads it: a session or a score that the pages leave
    out (and warn about) was once "in good order" here, as only the entries were read.
    """
    from rugdiary.core.diary import ValidationError
    from rugdiary.storage.database import diary_path, list_backups, read_checked, schema_of

    folder = _data_dir(args)
    path = diary_path(folder)
    if not path.exists():
        backups = list_backups(folder)
        if backups:
            _error(
                f"the diary file {path} is missing, but {folder} has {len(backups)} backup(s); "
                "`rugdiary restore` puts the newest back"
            )
            return EXIT_DATA
        print(f"No diary yet in {folder}; it is created when you first save an entry.")
        return EXIT_OK
    tables = read_checked(path)
    problems = []
    for table, parse in _record_parsers().items():
        for doc_id, doc in tables.get(table, {}).items():
            try:
                parse(doc)
            except ValidationError as exc:
                problems.append(f"{table} record {doc_id}{_record_label(doc)}: {exc}")
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
                problems.append(f"{table} record {doc_id}{_record_label(doc)}: malformed ({exc})")
    print(f"Data file: {path}")
    print(f"Data version: {schema_of(tables)}")
    print(f"Entries: {len(tables.get('entries', {}))}")
    print(f"Backups: {len(list_backups(folder))}")
    for problem in problems:
        _error(problem)
    if problems:
        _error(f"{len(problems)} record(s) need attention; the file was not changed")
        return EXIT_DATA
    print("The data file is in good order.")
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    _existing_diary(args, "back up")
    with _open(args) as db:
        backup = db.backup_now()
    print(backup.path)
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from rugdiary.storage.database import list_backups, restore
    from rugdiary.storage.errors import CorruptDataError, NewerSchemaError

    folder = _data_dir(args)
    if args.list:
        backups = list_backups(folder)
        if not backups:
            print("No backups yet.")
        for b in backups:
            print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.path}")
        return EXIT_OK
    chosen = Path(args.backup) if args.backup else None
    if chosen is not None and not chosen.is_file():
        raise BadInputError(f"backup: {chosen} is not a file")
    if chosen is None and not list_backups(folder):
        raise BadInputError(f"there are no backups in {folder} yet; your diary was not changed")
    try:
        done = restore(folder, chosen, replace_newer=args.force)
    except NewerSchemaError as exc:
        # The diary is not damaged: a newer RugDiary wrote it, and putting an older backup
        # in its place would lose what was added there since.
        _error(f"the data file cannot be used: {exc.reason}\n  file: {exc.path}")
        _error(
            "nothing was restored; `rugdiary restore --force` sets that diary aside (it is "
            "kept) and puts the backup back"
        )
        return EXIT_DATA
    except CorruptDataError as exc:
        if chosen is None:
            raise
        # The diary is fine: the file chosen is not a backup (an export, say).
        raise BadInputError(
            f"backup: {chosen} is not a RugDiary backup that can be read ({exc.reason}); "
            "your diary was not changed. An export goes in with `rugdiary import`."
        ) from None
    print(f"Restored {done.used}")
    if done.kept is not None:
        print(f"The diary as it was is kept as a backup: {done.kept}")
    if done.set_aside is not None:
        print(f"The diary as it was is set aside as: {done.set_aside}")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from rugdiary.core.clock import SystemClock
    from rugdiary.core.content import load_library
    from rugdiary.core.demo import generate_demo_diary
    from rugdiary.resources import resources_dir
    from rugdiary.storage.repositories import EntryRepository, SessionRepository

    if not 0 < args.days <= 3660 * 3:
        raise BadInputError("--days: must be from 1 to 10980")
    clock = SystemClock()
    with _open(args) as db:
        repo = EntryRepository(db, clock)
        if repo.count():
            raise BadInputError(
                f"data folder: {db.data_dir} already holds a diary; demo data goes into an "
                "empty folder, e.g. rugdiary --data-dir /tmp/rugdiary-demo demo"
            )
        demo = generate_demo_diary(
            args.days, args.seed, clock.now(), load_library(resources_dir()), lang=args.lang
        )
        repo.add_many(demo.entries)
        SessionRepository(db).add_many(demo.sessions)
        from rugdiary.cli_activities import add_demo_activities  # my activities, scored

        add_demo_activities(db, args.days, args.seed, clock.now(), args.lang)
    print(
        f"Added {len(demo.entries)} sample entries and {len(demo.sessions)} exercise sessions "
        f"over {args.days} days."
    )
    return EXIT_OK


def _cmd_screenshot(args: argparse.Namespace) -> int:
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        raise BadInputError(f"--size: {args.size!r} is not like 1100x720") from None
    if not 0.5 <= args.scale <= 4:
        raise BadInputError("--scale: must be from 0.5 to 4")
    # Both must be set before Qt starts: a screenshot never needs a display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    from rugdiary.ui.app import PAGES, screenshot_png

    if args.page not in PAGES:
        raise BadInputError(f"--page: unknown page {args.page!r}; valid pages: {', '.join(PAGES)}")
    # As export and report: a picture of the diary never lands on the diary, and an
    # existing file is replaced only with --force (atomically, 0600: it shows health data).
    output = _checked_output(args)
    payload = screenshot_png(
        _data_dir(args), args.page, theme=args.theme, lang=args.lang, size=(width, height)
    )
    from rugdiary.storage.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(output, payload)
    except OSError as exc:
        raise BadInputError(
            f"-o: cannot write {output} ({exc.strerror or exc}); nothing was written"
        ) from None
    print(args.output)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
