"""Why a value or a file was refused, in the UI's language: the core's English reasons."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

_PLACEHOLDER = re.compile(r"%(\d)")

EVERY_BACKUP_UNREADABLE = r"no backup could be read \((.+)\)"
"""database.restore's reason when no backup it tried could be read. Its group lists each
backup's own reason ("name: reason; name: reason"), and those are put in the UI's language
one by one: the template alone would leave them in English inside a Dutch sentence."""

_NEXT_BACKUP = re.compile(r"; (?=[^\s;:/\\]+\.json: )")
"""Where one backup's part of that list ends: before the next backup's file name."""


def table() -> list[tuple[str, str]]:
    """(pattern, template) for each English reason; the first pattern that matches wins.

    Every reason `exchange.import_data` gives for the CSV files, for the whole file and
    for the JSON export's entries, sessions, sitting, activities, activity_scores and
    flares, the core validators' included; forms that show a core validator's reason
    (the diary form, the editors) put it through here too, and so does the player, for a
    programme it cannot play and a session it cannot save (storage/errors.py). So do the
    start-up dialogs and the Settings page, for a diary file or data folder that cannot be
    used, a backup that cannot be restored (storage/atomic.py, database.py) and the
    autostart switch (ui/autostart.py), and the Programs page's Import, Export and Print
    sheet, for the reasons of a programme file a person meets (core/program_file.py: cut
    off, newer, not one, too large, a missing exercise, its pictures; the rarer ones of a
    hand-made or hostile zip stay English). Left in English: the reasons of programmes and
    exercises in a JSON export (core/programs.py, exercises.py, body.py: many, and met only
    in a hand-edited file), Python's own words after "not valid JSON:" and "not valid CSV:",
    an operating system's own words for a failed write (also in brackets after a reason
    of ours), and a reason added later until it has its line here (the tests find it).

    A pattern matches the whole message, and its groups are the values that go back in
    unchanged as %1, %2, … of the template. Built per call because the template is looked
    up in the translation installed now: the language can change while the app runs.
    Every template is a literal translate() call, so that pyside6-lupdate finds it.
    """
    return [
        # -- the whole file --------------------------------------------------------------
        (
            r"the file is empty",
            QCoreApplication.translate("Reasons", "the file is empty"),
        ),
        (
            r"the file is UTF-16 text; save it as UTF-8 \(CSV UTF-8\) instead",
            QCoreApplication.translate(
                "Reasons", "the file is UTF-16 text; save it as UTF-8 (CSV UTF-8) instead"
            ),
        ),
        (
            r"the file is binary, not text \(it contains NUL bytes\)",
            QCoreApplication.translate(
                "Reasons", "the file is binary, not text (it contains NUL bytes)"
            ),
        ),
        (
            r"not UTF-8 text \(byte (0x[0-9a-f]{2})\); save it as UTF-8 \(CSV UTF-8\)",
            QCoreApplication.translate(
                "Reasons", "not UTF-8 text (byte %1); save it as UTF-8 (CSV UTF-8)"
            ),
        ),
        (
            r"not valid JSON: nested too deeply",
            QCoreApplication.translate("Reasons", "not valid JSON: nested too deeply"),
        ),
        (
            r"not valid JSON: (.+)",
            QCoreApplication.translate("Reasons", "not valid JSON: %1"),
        ),
        (
            r"not a RugDiary export: the file must hold one JSON object",
            QCoreApplication.translate(
                "Reasons", "not a RugDiary export: the file must hold one JSON object"
            ),
        ),
        (
            r"a FHIR bundle is for other systems; import a JSON export",
            QCoreApplication.translate(
                "Reasons", "a FHIR bundle is for other systems; import a JSON export"
            ),
        ),
        (
            r'not a RugDiary export \(expected "format": "(.+)"\)',
            QCoreApplication.translate(
                "Reasons", 'not a RugDiary export (expected "format": "%1")'
            ),
        ),
        (
            r"must be a whole number from (-?\d+)",
            QCoreApplication.translate("Reasons", "must be a whole number from %1"),
        ),
        (
            r"the file was made by a newer RugDiary \(export version (\d+); this one reads "
            r"up to (\d+)\); update RugDiary to import it",
            QCoreApplication.translate(
                "Reasons",
                "the file was made by a newer RugDiary (export version %1; this one reads "
                "up to %2); update RugDiary to import it",
            ),
        ),
        (
            r"must be a whole number",
            QCoreApplication.translate("Reasons", "must be a whole number"),
        ),
        (
            r"the data is in schema (\d+), newer than this RugDiary knows \((\d+)\); "
            r"update RugDiary to import it",
            QCoreApplication.translate(
                "Reasons",
                "the data is in schema %1, newer than this RugDiary knows (%2); "
                "update RugDiary to import it",
            ),
        ),
        (
            r"must be an object of tables",
            QCoreApplication.translate("Reasons", "must be an object of tables"),
        ),
        (
            r"is not a known table \((.+)\)",
            QCoreApplication.translate("Reasons", "is not a known table (%1)"),
        ),
        (
            r"must be a list of records",
            QCoreApplication.translate("Reasons", "must be a list of records"),
        ),
        (
            r"record (\d+) must be an object",
            QCoreApplication.translate("Reasons", "record %1 must be an object"),
        ),
        (
            r"contains a broken character \(a lone surrogate\)",
            QCoreApplication.translate("Reasons", "contains a broken character (a lone surrogate)"),
        ),
        (
            r"the number is too large to store",
            QCoreApplication.translate("Reasons", "the number is too large to store"),
        ),
        (
            r"NaN and Infinity cannot be stored",
            QCoreApplication.translate("Reasons", "NaN and Infinity cannot be stored"),
        ),
        # -- a CSV's lines and header ----------------------------------------------------
        (
            r"a quote opened in this line is never closed",
            QCoreApplication.translate("Reasons", "a quote opened in this line is never closed"),
        ),
        (
            r"not valid CSV: (.+)",
            QCoreApplication.translate("Reasons", "not valid CSV: %1"),
        ),
        (
            r"the first line must name the columns: date,pain,stress\[,note\]",
            QCoreApplication.translate(
                "Reasons", "the first line must name the columns: date,pain,stress[,note]"
            ),
        ),
        (
            r"has no name in the header",
            QCoreApplication.translate("Reasons", "has no name in the header"),
        ),
        (
            r"is not a known column; expected date, pain, stress and optionally note "
            r"\(or datum, pijn, stress, notitie\)",
            QCoreApplication.translate(
                "Reasons",
                "is not a known column; expected date, pain, stress and optionally note "
                "(or datum, pijn, stress, notitie)",
            ),
        ),
        (
            r"is not a known column; expected (.+)",
            QCoreApplication.translate("Reasons", "is not a known column; expected %1"),
        ),
        (
            r"column (.+) appears twice",
            QCoreApplication.translate("Reasons", "column %1 appears twice"),
        ),
        (
            r"column is missing \(give `at`, or `date` and `time`\)",
            QCoreApplication.translate(
                "Reasons", "column is missing (give `at`, or `date` and `time`)"
            ),
        ),
        (
            r"column is missing",
            QCoreApplication.translate("Reasons", "column is missing"),
        ),
        (
            r"the file ends inside this row \(no line end after it\), so it may be cut off; "
            r"if the row is complete, end it with a line break",
            QCoreApplication.translate(
                "Reasons",
                "the file ends inside this row (no line end after it), so it may be cut off; "
                "if the row is complete, end it with a line break",
            ),
        ),
        (
            r"has (\d+) values but the header names (\d+)",
            QCoreApplication.translate("Reasons", "has %1 values but the header names %2"),
        ),
        (
            r"has (\d+) values but the header names (\d+); the row may be cut off",
            QCoreApplication.translate(
                "Reasons", "has %1 values but the header names %2; the row may be cut off"
            ),
        ),
        (
            # The diary file's own (database.schema_of), before the CSV cell's below would
            # translate only its end: "the data version is geen heel getal".
            r"the data version is not a whole number",
            QCoreApplication.translate("Reasons", "the data version is not a whole number"),
        ),
        # -- a CSV's cells ---------------------------------------------------------------
        (
            r"(.+) is not a whole number",
            QCoreApplication.translate("Reasons", "%1 is not a whole number"),
        ),
        (
            r"(.+) is not yes or no",
            QCoreApplication.translate("Reasons", "%1 is not yes or no"),
        ),
        (
            r"(.+) is not a date and time like 2026-03-02T09:00:00\+01:00",
            QCoreApplication.translate(
                "Reasons", "%1 is not a date and time like 2026-03-02T09:00:00+01:00"
            ),
        ),
        (
            r"(.+) is not a date like 2026-03-02 or 2026-03-02T09:30",
            QCoreApplication.translate(
                "Reasons", "%1 is not a date like 2026-03-02 or 2026-03-02T09:30"
            ),
        ),
        (
            r"(.+) is not a date like 2026-03-02",
            QCoreApplication.translate("Reasons", "%1 is not a date like 2026-03-02"),
        ),
        (
            r"(.+) is not a time like 09:30",
            QCoreApplication.translate("Reasons", "%1 is not a time like 09:30"),
        ),
        (
            r"(\S+) does not match `at` \((.+)\); fix or clear one",
            QCoreApplication.translate("Reasons", "%1 does not match `at` (%2); fix or clear one"),
        ),
        (
            r"(\S+) does not match `at` \((.+)\)",
            QCoreApplication.translate("Reasons", "%1 does not match `at` (%2)"),
        ),
        (
            r"(\S+) does not match started_at \((.+)\)",
            QCoreApplication.translate("Reasons", "%1 does not match started_at (%2)"),
        ),
        (
            r"(\S+) cannot be placed in this computer's time zone",
            QCoreApplication.translate(
                "Reasons", "%1 cannot be placed in this computer's time zone"
            ),
        ),
        (
            r"(\S+ \S+) does not exist on this computer's clock \(the clocks moved that day\)",
            QCoreApplication.translate(
                "Reasons", "%1 does not exist on this computer's clock (the clocks moved that day)"
            ),
        ),
        (
            r"(.+) has more than one \| between name and dose",
            QCoreApplication.translate("Reasons", "%1 has more than one | between name and dose"),
        ),
        # -- the records: ids and days -----------------------------------------------------
        (
            r"the same id is on line (\d+)",
            QCoreApplication.translate("Reasons", "the same id is on line %1"),
        ),
        (
            r"the same id is on line (\d+) with other values",
            QCoreApplication.translate("Reasons", "the same id is on line %1 with other values"),
        ),
        (
            r"(.+) is also on line (\d+)",
            QCoreApplication.translate("Reasons", "%1 is also on line %2"),
        ),
        (
            r"(.+) lies in the future",
            QCoreApplication.translate("Reasons", "%1 lies in the future"),
        ),
        # -- the records' fields (core validators) ---------------------------------------
        (
            r"is required",
            QCoreApplication.translate("Reasons", "is required"),
        ),
        (
            r"is not a diary field",
            QCoreApplication.translate("Reasons", "is not a diary field"),
        ),
        (
            r"is not a session field",
            QCoreApplication.translate("Reasons", "is not a session field"),
        ),
        (
            r"is not a field of a sitting day",
            QCoreApplication.translate("Reasons", "is not a field of a sitting day"),
        ),
        (
            r"is not an activity field",
            QCoreApplication.translate("Reasons", "is not an activity field"),
        ),
        (
            r"is not a score field",
            QCoreApplication.translate("Reasons", "is not a score field"),
        ),
        (
            r"is not a flare-up field",
            QCoreApplication.translate("Reasons", "is not a flare-up field"),
        ),
        (
            r"(.+) is not a date and time like 2026-03-14T08:30\+01:00",
            QCoreApplication.translate(
                "Reasons", "%1 is not a date and time like 2026-03-14T08:30+01:00"
            ),
        ),
        (
            r"must be a date and time in ISO 8601 form",
            QCoreApplication.translate("Reasons", "must be a date and time in ISO 8601 form"),
        ),
        (
            r"must be a date from the years (\d+) to (\d+), not (-?\d+)",
            QCoreApplication.translate("Reasons", "must be a date from the years %1 to %2, not %3"),
        ),
        (
            r"must be a date from the years (\d+) to (\d+)",
            QCoreApplication.translate("Reasons", "must be a date from the years %1 to %2"),
        ),
        (
            r"must lie in the years (\d+) to (\d+)",
            QCoreApplication.translate("Reasons", "must lie in the years %1 to %2"),
        ),
        (
            r"must be a whole number from (-?\d+) to (-?\d+)",
            QCoreApplication.translate("Reasons", "must be a whole number from %1 to %2"),
        ),
        (
            r"must be from (-?\d+) to (-?\d+), not (-?\d+)",
            QCoreApplication.translate("Reasons", "must be from %1 to %2, not %3"),
        ),
        (
            r"must be a whole number of at least 0",
            QCoreApplication.translate("Reasons", "must be a whole number of at least 0"),
        ),
        (
            r"must be true or false",
            QCoreApplication.translate("Reasons", "must be true or false"),
        ),
        (
            r"must be a non-empty text",
            QCoreApplication.translate("Reasons", "must be a non-empty text"),
        ),
        (
            r"must be non-empty text",
            QCoreApplication.translate("Reasons", "must be non-empty text"),
        ),
        (
            r"must be text",
            QCoreApplication.translate("Reasons", "must be text"),
        ),
        (
            r"must be a list",
            QCoreApplication.translate("Reasons", "must be a list"),
        ),
        (
            r"has (\d+) characters; at most (\d+) fit",
            QCoreApplication.translate("Reasons", "has %1 characters; at most %2 fit"),
        ),
        (
            r"has at most (\d+) characters",
            QCoreApplication.translate("Reasons", "has at most %1 characters"),
        ),
        (
            r"contains the control character U\+([0-9A-F]{4,6}), which a diary cannot hold",
            QCoreApplication.translate(
                "Reasons", "contains the control character U+%1, which a diary cannot hold"
            ),
        ),
        (
            r"at most (\d+) tags",
            QCoreApplication.translate("Reasons", "at most %1 tags"),
        ),
        (
            r"every tag must be non-empty text",
            QCoreApplication.translate("Reasons", "every tag must be non-empty text"),
        ),
        (
            r"a tag has at most (\d+) characters",
            QCoreApplication.translate("Reasons", "a tag has at most %1 characters"),
        ),
        (
            r"a value that is not text is not a body region; use one of (.+)",
            QCoreApplication.translate(
                "Reasons", "a value that is not text is not a body region; use one of %1"
            ),
        ),
        (
            r"(.+) is not a body region; use one of (.+)",
            QCoreApplication.translate("Reasons", "%1 is not a body region; use one of %2"),
        ),
        (
            r"names a body region more than once",
            QCoreApplication.translate("Reasons", "names a body region more than once"),
        ),
        (
            r"at most (\d+) medicines",
            QCoreApplication.translate("Reasons", "at most %1 medicines"),
        ),
        (
            r"must be an object with name and dose",
            QCoreApplication.translate("Reasons", "must be an object with name and dose"),
        ),
        (
            r"unknown field (.+)",
            QCoreApplication.translate("Reasons", "unknown field %1"),
        ),
        (
            r"name and dose have at most (\d+) characters",
            QCoreApplication.translate("Reasons", "name and dose have at most %1 characters"),
        ),
        (
            r"must be one of (.+) or null",
            QCoreApplication.translate("Reasons", "must be one of %1 or null"),
        ),
        (
            r"must be one of (.+)",
            QCoreApplication.translate("Reasons", "must be one of %1"),
        ),
        (
            r"must be a slug like 'bird-dog' \(a-z, 0-9 and dashes\)",
            QCoreApplication.translate(
                "Reasons", "must be a slug like 'bird-dog' (a-z, 0-9 and dashes)"
            ),
        ),
        (
            r"must not be before started_at",
            QCoreApplication.translate("Reasons", "must not be before started_at"),
        ),
        (
            r"a completed session has no stop reason",
            QCoreApplication.translate("Reasons", "a completed session has no stop reason"),
        ),
        (
            r"cannot be more than a day",
            QCoreApplication.translate("Reasons", "cannot be more than a day"),
        ),
        (
            r"is required: say which activity, e\.g\. 'put on socks'",
            QCoreApplication.translate(
                "Reasons", "is required: say which activity, e.g. 'put on socks'"
            ),
        ),
        (
            r"must be written without extra spaces",
            QCoreApplication.translate("Reasons", "must be written without extra spaces"),
        ),
        (
            r"lies before the activity was named",
            QCoreApplication.translate("Reasons", "lies before the activity was named"),
        ),
        (
            # core/activities.py: a name in use, and a sixth activity (also the storage's,
            # when activities were added elsewhere while "My activities" was open).
            r"you already have an activity called (.+)",
            QCoreApplication.translate("Reasons", "you already have an activity called %1"),
        ),
        (
            r"at most (\d+) activities at a time; retire one before adding another",
            QCoreApplication.translate(
                "Reasons", "at most %1 activities at a time; retire one before adding another"
            ),
        ),
        (
            r"(\S+) must come after the start, (\S+)",
            QCoreApplication.translate("Reasons", "%1 must come after the start, %2"),
        ),
        # -- the player: a programme it cannot play, a session it cannot save ------------
        (
            # Quoted id only: program_file's longer "... in the file or in this RugDiary"
            # must not be half translated.
            r"there is no exercise ('[^']*')",
            QCoreApplication.translate("Reasons", "there is no exercise %1"),
        ),
        (
            r"the disk is full",
            QCoreApplication.translate("Reasons", "the disk is full"),
        ),
        (
            r"the diary file has gone missing since RugDiary opened it \(moved, deleted, or on "
            r"a disk that is no longer connected\?\)",
            QCoreApplication.translate(
                "Reasons",
                "the diary file has gone missing since RugDiary opened it (moved, deleted, or "
                "on a disk that is no longer connected?)",
            ),
        ),
        (
            r"the data folder is read-only or not writable",
            QCoreApplication.translate("Reasons", "the data folder is read-only or not writable"),
        ),
        (
            r"another RugDiary window or command is using this data folder; "
            r"close it or try again in a moment",
            QCoreApplication.translate(
                "Reasons",
                "another RugDiary window or command is using this data folder; "
                "close it or try again in a moment",
            ),
        ),
        (
            r"the lock file (.+) cannot be made or opened: the data folder is read-only or "
            r"not writable",
            QCoreApplication.translate(
                "Reasons",
                "the lock file %1 cannot be made or opened: the data folder is read-only or "
                "not writable",
            ),
        ),
        (
            r"the lock file (.+) belongs to another user \(uid (\d+)\), so this user cannot use "
            r"the folder; remove that file or run RugDiary as its owner",
            QCoreApplication.translate(
                "Reasons",
                "the lock file %1 belongs to another user (uid %2), so this user cannot use "
                "the folder; remove that file or run RugDiary as its owner",
            ),
        ),
        (
            r"the lock file (.+) cannot be opened \((.+)\)",
            QCoreApplication.translate("Reasons", "the lock file %1 cannot be opened (%2)"),
        ),
        # -- the diary file and its folder (start-up, a restore) -------------------------
        (
            r"the file is not text; it may be damaged",
            QCoreApplication.translate("Reasons", "the file is not text; it may be damaged"),
        ),
        (
            r"the file is cut off or damaged \(line (\d+), column (\d+)\)",
            QCoreApplication.translate(
                "Reasons", "the file is cut off or damaged (line %1, column %2)"
            ),
        ),
        (
            r"the file does not hold diary tables",
            QCoreApplication.translate("Reasons", "the file does not hold diary tables"),
        ),
        (
            r"table (.+) is not a set of records",
            QCoreApplication.translate("Reasons", "table %1 is not a set of records"),
        ),
        (
            r"table (.+) has a malformed record (.+)",
            QCoreApplication.translate("Reasons", "table %1 has a malformed record %2"),
        ),
        (
            r"this is a folder, not a diary file",
            QCoreApplication.translate("Reasons", "this is a folder, not a diary file"),
        ),
        (
            r"the file cannot be read \(no permission\)",
            QCoreApplication.translate("Reasons", "the file cannot be read (no permission)"),
        ),
        (
            r"it was written by a newer RugDiary \(data version (\d+); this version reads up "
            r"to (\d+)\)\. Update RugDiary to open it\.",
            QCoreApplication.translate(
                "Reasons",
                "it was written by a newer RugDiary (data version %1; this version reads up "
                "to %2). Update RugDiary to open it.",
            ),
        ),
        (
            r"it is a link to (.+), which does not exist \(is that disk connected\?\); "
            r"nothing was changed",
            QCoreApplication.translate(
                "Reasons",
                "it is a link to %1, which does not exist (is that disk connected?); "
                "nothing was changed",
            ),
        ),
        (
            r"it is a link to (.+), which leads round in a loop; nothing was changed",
            QCoreApplication.translate(
                "Reasons", "it is a link to %1, which leads round in a loop; nothing was changed"
            ),
        ),
        (
            r"the data folder cannot be created \((.+)\)",
            QCoreApplication.translate("Reasons", "the data folder cannot be created (%1)"),
        ),
        (
            r"the diary file is missing, but the folder has (\d+) backup\(s\), the newest "
            r"from (.+); restore it rather than start an empty diary",
            QCoreApplication.translate(
                "Reasons",
                "the diary file is missing, but the folder has %1 backup(s), the newest "
                "from %2; restore it rather than start an empty diary",
            ),
        ),
        (
            r"there are no backups to restore",
            QCoreApplication.translate("Reasons", "there are no backups to restore"),
        ),
        (
            EVERY_BACKUP_UNREADABLE,
            QCoreApplication.translate("Reasons", "no backup could be read (%1)"),
        ),
        # -- programme files: Import and Export (core/program_file.py) ------------------
        (
            r"the file is cut off or damaged \((.+), column (\d+)\)",
            QCoreApplication.translate("Reasons", "the file is cut off or damaged (%1, column %2)"),
        ),
        (
            r"the file is cut off or damaged",
            QCoreApplication.translate("Reasons", "the file is cut off or damaged"),
        ),
        (
            r"the file is nested too deeply",
            QCoreApplication.translate("Reasons", "the file is nested too deeply"),
        ),
        (
            r"the file is too large to be a programme file",
            QCoreApplication.translate("Reasons", "the file is too large to be a programme file"),
        ),
        (
            r"this is not a programme file \(not text\)",
            QCoreApplication.translate("Reasons", "this is not a programme file (not text)"),
        ),
        (
            r"is not a programme file \(no JSON object\)",
            QCoreApplication.translate("Reasons", "is not a programme file (no JSON object)"),
        ),
        (
            r"must be ('[^']*'): this is not a programme file",
            QCoreApplication.translate("Reasons", "must be %1: this is not a programme file"),
        ),
        (
            r"is (\d+): the file was made by a newer RugDiary; this one reads version (\d+)",
            QCoreApplication.translate(
                "Reasons",
                "is %1: the file was made by a newer RugDiary; this one reads version %2",
            ),
        ),
        (
            # The whole of it: the player's shorter "there is no exercise 'x'" is a line of
            # its own, and half of this one translated would mix two languages.
            r"there is no exercise ('[^']*') in the file or in this RugDiary",
            QCoreApplication.translate(
                "Reasons", "there is no exercise %1 in the file or in this RugDiary"
            ),
        ),
        (
            r"('[^']*') is the id of a built-in exercise",
            QCoreApplication.translate("Reasons", "%1 is the id of a built-in exercise"),
        ),
        (
            r"is missing from the zip",
            QCoreApplication.translate("Reasons", "is missing from the zip"),
        ),
        (
            r"is damaged in the zip",
            QCoreApplication.translate("Reasons", "is damaged in the zip"),
        ),
        (
            r"is too large",
            QCoreApplication.translate("Reasons", "is too large"),
        ),
        (
            r"unpacks to far more than its size \(a zip bomb\?\)",
            QCoreApplication.translate(
                "Reasons", "unpacks to far more than its size (a zip bomb?)"
            ),
        ),
        (
            r"pictures travel only in a zip programme file",
            QCoreApplication.translate("Reasons", "pictures travel only in a zip programme file"),
        ),
        (
            r"there is no picture ('[^']*') in the file",
            QCoreApplication.translate("Reasons", "there is no picture %1 in the file"),
        ),
        (
            r"is not the picture of any exercise in the file",
            QCoreApplication.translate("Reasons", "is not the picture of any exercise in the file"),
        ),
        (
            r"is not a PNG or JPEG picture",
            QCoreApplication.translate("Reasons", "is not a PNG or JPEG picture"),
        ),
        (
            r"is (\d+) × (\d+) pixels; pictures may be at most (\d+) × (\d+)",
            QCoreApplication.translate(
                "Reasons", "is %1 × %2 pixels; pictures may be at most %3 × %4"
            ),
        ),
        (
            r"is not a complete PNG picture",
            QCoreApplication.translate("Reasons", "is not a complete PNG picture"),
        ),
        (
            r"is a PNG picture that is cut off",
            QCoreApplication.translate("Reasons", "is a PNG picture that is cut off"),
        ),
        (
            r"is not a readable JPEG picture",
            QCoreApplication.translate("Reasons", "is not a readable JPEG picture"),
        ),
        (
            r"is a JPEG picture that is cut off",
            QCoreApplication.translate("Reasons", "is a JPEG picture that is cut off"),
        ),
        (
            r"is a JPEG picture without a size",
            QCoreApplication.translate("Reasons", "is a JPEG picture without a size"),
        ),
        (
            r"is a (PNG|JPG) picture with another name",
            QCoreApplication.translate("Reasons", "is a %1 picture with another name"),
        ),
        # -- starting at login (ui/autostart.py) -----------------------------------------
        (
            r"starting at login is not supported on this system yet",
            QCoreApplication.translate(
                "Reasons", "starting at login is not supported on this system yet"
            ),
        ),
        (
            r"the autostart folder (.+) cannot be written \((.+)\)",
            QCoreApplication.translate("Reasons", "the autostart folder %1 cannot be written (%2)"),
        ),
        (
            r"the autostart file (.+) cannot be removed \((.+)\)",
            QCoreApplication.translate("Reasons", "the autostart file %1 cannot be removed (%2)"),
        ),
    ]


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A table pattern compiled once: the table is built for every reason shown."""
    return re.compile(pattern, re.DOTALL)


def _template_for(message: str) -> tuple[str, str, tuple[str, ...]] | None:
    """The first (pattern, template, values) of the table that matches all of `message`."""
    for pattern, template in table():
        found = _compiled(pattern).fullmatch(message)
        if found is not None:
            return pattern, template, found.groups()
    return None


def _each_backup_text(listing: str) -> str:
    """The listing ("name: reason; name: reason") with each reason in the UI's language."""
    parts = []
    for part in _NEXT_BACKUP.split(listing):
        name, colon, reason = part.partition(": ")
        parts.append(f"{name}{colon}{reason_text(reason)}" if colon else part)
    return "; ".join(parts)


def reason_text(message: str) -> str:
    """`message` (an import problem's or the storage's reason) in the UI's language;
    unchanged if unknown.

    An unknown reason is still the reason: English beats a line that says nothing.
    """
    matched = _template_for(message)
    if matched is None:
        return message
    pattern, template, values = matched
    if pattern == EVERY_BACKUP_UNREADABLE:
        values = (_each_backup_text(values[0]),)

    def value(placeholder: re.Match[str]) -> str:
        index = int(placeholder.group(1)) - 1
        return values[index] if 0 <= index < len(values) else placeholder.group(0)

    # One pass, so that a value holding "%2" is never filled in again.
    return _PLACEHOLDER.sub(value, template)


def is_known(message: str) -> bool:
    """Whether `message` has a line in the table (the tests check that every one does)."""
    return _template_for(message) is not None
