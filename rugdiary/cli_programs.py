"""`rugdiary programs export | import | sheet`: programme files and the printable sheet."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

LEVELS = ("beginner", "intermediate", "advanced")


def add_programme_commands(programs: argparse.ArgumentParser, parser_class: Any) -> None:
    """The sub-commands of `rugdiary programs`; without one it still lists the programmes."""
    sub = programs.add_subparsers(
        title="programme files", metavar="ACTION", parser_class=parser_class
    )
    export = sub.add_parser("export", help="write a programme to a file to share or keep")
    export.add_argument("id", metavar="ID", help="the programme's id (see `rugdiary programs`)")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--note", help="a note from the physiotherapist, carried in the file")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(handler=cmd_export)

    imp = sub.add_parser("import", help="add a programme from a file: all of it, or nothing")
    imp.add_argument("file", metavar="FILE")
    choice = imp.add_mutually_exclusive_group()
    choice.add_argument(
        "--replace", action="store_true", help="replace your own items that have the same id"
    )
    choice.add_argument(
        "--keep-both", action="store_true", help="keep yours and add the file's under a new id"
    )
    imp.set_defaults(handler=cmd_import)

    sheet = sub.add_parser("sheet", help="a printable A4 sheet of a programme (PDF)")
    sheet.add_argument("id", metavar="ID")
    sheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    sheet.add_argument("--level", choices=LEVELS, help="default: the programme's own level")
    # no default of its own: `rugdiary programs --lang nl sheet ID` keeps the nl given
    # before the action (the sub-command's default "en" used to overwrite it)
    sheet.add_argument("--lang", choices=("en", "nl"), default=argparse.SUPPRESS)
    sheet.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    sheet.set_defaults(handler=cmd_sheet)


def _content(args: argparse.Namespace) -> tuple[Any, list[Any], list[Any], Path]:
    """The built-in library, the person's own exercises and programmes, and the pictures folder."""
    from rugdiary import cli
    from rugdiary.core.content import load_library
    from rugdiary.resources import resources_dir
    from rugdiary.storage.program_files import PICTURES_DIR
    from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository

    library = load_library(resources_dir())
    # Read-only, as `programs` itself: an export or a sheet changes nothing, so it works
    # on a read-only folder and makes no diary in a mistyped --data-dir.
    with cli._open(args, read_only=True) as db:
        own_exercises = ExerciseRepository(db).list()
        own_programs = ProgramRepository(db).list()
        pictures_dir = db.data_dir / PICTURES_DIR
    return library, own_exercises, own_programs, pictures_dir


def _find(args: argparse.Namespace) -> tuple[Any, dict[str, Any], Path]:
    from rugdiary import cli

    library, own_exercises, own_programs, pictures_dir = _content(args)
    programs = {**library.programs, **{p.id: p for p in own_programs}}
    program = programs.get(args.id)
    if program is None:
        raise cli.BadInputError(
            f"ID: there is no programme {args.id!r}; `rugdiary programs` lists them"
        )
    exercises = {**library.exercises, **{e.id: e for e in own_exercises}}
    return program, exercises, pictures_dir


def _write(args: argparse.Namespace, payload: bytes) -> Path:
    from rugdiary import cli
    from rugdiary.storage.program_files import OutputExistsError, write_new_file

    # The callers checked `-o` against the data folder's own files (cli._checked_output).
    output = Path(args.output)
    try:
        write_new_file(output, payload, force=args.force)
    except OutputExistsError:
        raise cli.BadInputError(f"-o: {output} exists already; add --force to replace it") from None
    except OSError as exc:
        raise cli.BadInputError(f"-o: cannot write {output} ({exc.strerror})") from None
    print(output)
    return output


def cmd_export(args: argparse.Namespace) -> int:
    from rugdiary import __version__, cli
    from rugdiary.core.diary import ValidationError
    from rugdiary.core.program_file import build_programme_file, own_exercises_of
    from rugdiary.storage.program_files import LeftOutBecause, export_pictures

    # Before any work, as export and report: never one of the data folder's own files
    # (with --force that replaced the diary with a programme), and no file without --force.
    cli._checked_output(args)
    program, exercises, pictures_dir = _find(args)
    own = own_exercises_of(program, exercises)
    try:
        pictures, left_out = export_pictures(pictures_dir, own)
        payload = build_programme_file(
            program,
            exercises,
            pictures,
            note=args.note,
            created_with=f"RugDiary {__version__}",
        )
    except ValidationError as exc:
        raise cli.BadInputError(str(exc)) from None
    output = _write(args, payload)
    why = {
        LeftOutBecause.MISSING: "its file {file} is missing or cannot be opened",
        LeftOutBecause.UNREADABLE: (
            "its file {file} is not a PNG or JPEG picture a programme file can hold "
            "(damaged, or too large)"
        ),
        LeftOutBecause.NOT_TRAVELLING: (
            "only PNG and JPEG pictures travel in a programme file; the app's Export "
            "draws an SVG picture into a PNG that does"
        ),
    }
    for exercise, because in left_out:
        file = pictures_dir / Path(exercise.picture or "").name
        cli._error(
            f"note: the picture of {exercise.id!r} stays behind: " + why[because].format(file=file)
        )
    cli._error(f"note: {output.name} holds this programme only, no diary data")
    return cli.EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from rugdiary import cli
    from rugdiary.core.content import load_library
    from rugdiary.core.program_file import (
        ImportConflictError,
        ProgrammeFileError,
        Resolution,
        plan_import,
        read_programme_file,
    )
    from rugdiary.resources import resources_dir
    from rugdiary.storage.program_files import PICTURES_DIR, apply_import, stored_picture
    from rugdiary.storage.repositories import ExerciseRepository, ProgramRepository

    source = Path(args.file)
    try:
        content = source.read_bytes()
    except OSError as exc:
        raise cli.BadInputError(f"{source}: cannot be read ({exc.strerror})") from None
    resolution = (
        Resolution.REPLACE if args.replace else Resolution.KEEP_BOTH if args.keep_both else None
    )
    library = load_library(resources_dir())
    try:
        incoming = read_programme_file(content, str(source))
        with cli._open(args) as db:
            pictures_dir = db.data_dir / PICTURES_DIR
            plan = plan_import(
                incoming,
                builtin_exercises=library.exercises,
                builtin_programs=library.programs,
                own_exercises=ExerciseRepository(db).list(),
                own_programs=ProgramRepository(db).list(),
                stored_picture=stored_picture(pictures_dir),
                resolution=resolution,
                file=str(source),
            )
            if plan.changes_anything:
                db.backup_now()  # easy to regret: keep the state before it
                apply_import(db, pictures_dir, plan)
    except ProgrammeFileError as exc:
        raise cli.BadInputError(f"{exc}; nothing was imported") from None
    except ImportConflictError as exc:
        ids = ", ".join(f"{c.kind} {c.id!r}" for c in exc.conflicts)
        how = (
            "--keep-both adds the file's copy under a new id; --replace puts it in place of yours"
            if exc.replaceable
            else "a built-in programme is never replaced; --keep-both adds the file's copy"
        )
        raise cli.BadInputError(
            f"{source}: already there with other content: {ids}. Nothing was imported; {how}"
        ) from None
    _say_imported(plan, source, incoming.program.id)
    return cli.EXIT_OK


def _say_imported(plan: Any, source: Path, file_program_id: str) -> None:
    if not plan.changes_anything:
        print(f"Nothing new in {source.name}: programme {plan.program_id!r} is already there.")
        return
    what = [f"programme {plan.program_id!r}"] if plan.program is not None else []
    if plan.exercises:
        ids = ", ".join(repr(e.id) for e in plan.exercises)
        what.append(f"{len(plan.exercises)} exercise(s) ({ids})")
    print(f"Imported {' and '.join(what)} from {source.name}.")
    for old, new in plan.renamed.items():
        print(f"Kept both: the file's {old!r} is now {new!r}.")
    if plan.program_id != file_program_id:
        print(f"Kept both: the file's programme {file_program_id!r} is now {plan.program_id!r}.")


def cmd_sheet(args: argparse.Namespace) -> int:
    from rugdiary import __version__, cli
    from rugdiary.core.diary import ValidationError
    from rugdiary.core.exercises import Level
    from rugdiary.reports.program_sheet import build_programme_sheet
    from rugdiary.storage.program_files import stored_picture

    # Before any work, as export and report: never one of the data folder's own files
    # (with --force that replaced the diary with a programme), and no file without --force.
    cli._checked_output(args)
    program, exercises, pictures_dir = _find(args)
    level = Level(args.level) if args.level else program.level
    read = stored_picture(pictures_dir)
    used = [exercises[i.exercise_id] for i in program.items if i.exercise_id in exercises]
    pictures = {e.id: data for e in used if e.picture and (data := read(e)) is not None}
    try:
        payload = build_programme_sheet(
            program,
            exercises,
            level,
            lang=args.lang,
            pictures=pictures,
            app_version=__version__,
        )
    except ValidationError as exc:
        raise cli.BadInputError(str(exc)) from None
    _write(args, payload)
    return cli.EXIT_OK
