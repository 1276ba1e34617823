"""File → Export my data and Import data, end to end through the main window."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import stat
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import DiaryEntry
from rugdiary.reports.exchange import entries_to_csv
from rugdiary.storage.database import Database, diary_path, list_backups
from rugdiary.ui import dialogs
from rugdiary.ui.data_files import controller
from rugdiary.ui.data_files.controller import plan_lines, spreadsheet_delimiter
from rugdiary.ui.data_files.export_dialog import DataExportDialog, ExportChoice, period_days
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
from tests.ui.conftest import evening_session


class Asked:
    """The dialogs the controller opened, with their answers patched in one place."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.errors: list[tuple[str, str]] = []
        self.problems: list[tuple[str, list[str], int]] = []
        self.confirms: list[tuple[str, list[str], int, int]] = []
        self.export: ExportChoice | None = None
        self.save_to: Path | None = None
        self.open_file: Path | None = None
        self.import_answer: dialogs.ImportDataChoice | None = dialogs.ImportDataChoice.ADD
        self.offered: list[ExportChoice | None] = []

        def export(parent: Any, today: date, last: ExportChoice | None = None) -> Any:
            self.offered.append(last)
            return self.export

        monkeypatch.setattr(dialogs, "ask_data_export", export)
        monkeypatch.setattr(
            dialogs, "choose_data_export_file", lambda parent, suggested: self.save_to
        )
        monkeypatch.setattr(dialogs, "choose_data_import_file", lambda parent: self.open_file)
        monkeypatch.setattr(
            dialogs, "show_error", lambda parent, title, text: self.errors.append((title, text))
        )
        monkeypatch.setattr(
            dialogs,
            "show_import_problems",
            lambda parent, name, problems, more: self.problems.append((name, problems, more)),
        )

        self.differing: list[list[str]] = []

        def confirm(
            parent: Any,
            name: str,
            adds: list[str],
            skipped: int,
            differing: list[str],
        ) -> Any:
            self.confirms.append((name, adds, skipped, len(differing)))
            self.differing.append(list(differing))
            return self.import_answer

        monkeypatch.setattr(dialogs, "ask_import_data", confirm)

        self.questions: list[str] = []
        self.export_empty = True

        def ask_export_empty(parent: Any, why: str) -> bool:
            self.questions.append(why)
            return self.export_empty

        monkeypatch.setattr(dialogs, "ask_export_empty", ask_export_empty)

    def only_error(self) -> tuple[str, str]:
        """The one message shown (title, text); fails when there were none or several."""
        ((title, text),) = self.errors
        return title, text


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    return Asked(monkeypatch)


def _entry(clock: FakeClock, days_ago: int, pain: int, **fields: Any) -> DiaryEntry:
    at = (clock.now() - timedelta(days=days_ago)).replace(hour=9)
    return DiaryEntry(at=at, pain=pain, stress=4, created=at, updated=at, **fields)


def _export(window: MainWindow, asked: Asked, target: Path, kind: str = "json") -> Path:
    """Export `kind` through File → Export my data into `target`, as a person would."""
    asked.export = ExportChoice(kind)
    asked.save_to = target
    window.export_data_action.trigger()
    return target


def _diary_bytes(db: Database) -> bytes:
    return diary_path(db.data_dir).read_bytes()


# -- the menu ----------------------------------------------------------------------------------


def test_the_file_menu_offers_export_and_import_above_quit(window: MainWindow) -> None:
    menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Export my data…", "&Import data…", "&Quit"]


# -- export ------------------------------------------------------------------------------------


def test_export_writes_the_chosen_period_as_a_private_spreadsheet(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    old, recent = _entry(clock, 40, 2), _entry(clock, 3, 6, note="stairs, then better")
    services.entries.add_many([old, recent])
    start = clock.now().date() - timedelta(days=27)
    asked.export = ExportChoice("entries_csv", start, clock.now().date())
    asked.save_to = tmp_path / "diary.csv"

    window.export_data_action.trigger()

    written = asked.save_to.read_bytes()
    assert written == entries_to_csv([recent], delimiter=spreadsheet_delimiter(QLocale.system()))
    assert b"stairs, then better" in written
    assert stat.S_IMODE(asked.save_to.stat().st_mode) == 0o600
    assert str(asked.save_to) in window.statusBar().currentMessage()
    assert asked.errors == []


def test_the_complete_copy_imports_into_an_empty_diary_again(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    services.entries.add_many([_entry(clock, 2, 3), _entry(clock, 1, 5)])
    services.sessions.add(evening_session(clock.now().date() - timedelta(days=1)))
    _export(window, asked, tmp_path / "copy.json")
    document = json.loads(asked.save_to.read_text("utf-8"))
    assert len(document["tables"]["entries"]) == 2
    assert len(document["tables"]["sessions"]) == 1

    other = Database.open(tmp_path / "other", clock=clock)
    try:
        fresh = MainWindow(Services.for_database(other, clock))
        qtbot.addWidget(fresh)
        asked.open_file = asked.save_to
        assert fresh.data_files().import_file()
        assert asked.confirms[-1][1][:2] == ["2 diary entries", "1 exercise session"]
        assert sorted(e.pain for e in Services.for_database(other, clock).entries.list()) == [3, 5]
    finally:
        other.close()


def test_an_export_for_a_period_counts_every_record_it_had_to_leave_out(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    db: Database,
) -> None:
    """A damaged activity score or flare-up has no day, so a period cannot hold it: the
    person is told it was left out, as for a damaged entry."""
    services.entries.add(_entry(clock, 2, 3))

    def damage(tables: Any) -> Any:
        tables = {name: dict(docs) for name, docs in tables.items()}
        tables.setdefault("activity_scores", {})["90"] = {"id": "x", "score": "lots"}
        tables.setdefault("flares", {})["91"] = {"id": "y", "start": "soon"}
        return tables

    db.rewrite(damage)
    start = clock.now().date() - timedelta(days=27)
    asked.export = ExportChoice("json", start, clock.now().date())
    asked.save_to = tmp_path / "month.json"
    window.export_data_action.trigger()
    assert "2 records could not be read and were left out" in (window.statusBar().currentMessage())


def test_fhir_and_sessions_exports_are_the_formats_they_say(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    services.entries.add(_entry(clock, 1, 4))
    services.sessions.add(evening_session(clock.now().date() - timedelta(days=1)))
    asked.export = ExportChoice("fhir")
    asked.save_to = tmp_path / "fhir.json"
    window.export_data_action.trigger()
    assert json.loads(asked.save_to.read_text("utf-8"))["resourceType"] == "Bundle"
    asked.export = ExportChoice("sessions_csv")
    asked.save_to = tmp_path / "sessions.csv"
    window.export_data_action.trigger()
    rows = asked.save_to.read_text("utf-8-sig").splitlines()
    assert rows[0].startswith("id" + spreadsheet_delimiter(QLocale.system()))
    assert len(rows) == 2
    assert "core-stability-beginner" in rows[1]


def test_export_never_writes_over_the_diary(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, db: Database
) -> None:
    services.entries.add(_entry(clock, 1, 4))
    before = _diary_bytes(db)
    asked.export = ExportChoice("json")
    asked.save_to = diary_path(db.data_dir)
    window.export_data_action.trigger()
    assert _diary_bytes(db) == before
    title, text = asked.only_error()
    assert title == "The data was not exported"
    assert "RugDiary's own files" in text


def test_an_export_that_cannot_be_written_says_so_and_leaves_nothing(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    services.entries.add(_entry(clock, 1, 4))
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    asked.export = ExportChoice("entries_csv")
    asked.save_to = blocker / "diary.csv"
    window.export_data_action.trigger()
    title, text = asked.only_error()
    assert title == "The data was not exported"
    assert str(asked.save_to) in text
    assert blocker.read_text() == "not a folder"


def test_cancelling_the_export_writes_nothing(
    window: MainWindow, asked: Asked, tmp_path: Path
) -> None:
    asked.export = None
    asked.save_to = tmp_path / "never.csv"
    assert window.data_files().export() is None
    assert not asked.save_to.exists()


# -- import ------------------------------------------------------------------------------------


def test_import_shows_what_it_adds_then_adds_it_after_a_backup(
    diary: Any,
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    db: Database,
) -> None:
    services.entries.add(_entry(clock, 5, 1))
    source = tmp_path / "from the physio.csv"
    source.write_text("date,pain,stress,note\n2026-02-27,6,7,after the move\n2026-02-28,5,6,\n")
    asked.open_file = source
    backups_before = len(list_backups(db.data_dir))

    window.import_data_action.trigger()

    assert asked.confirms == [("from the physio.csv", ["2 diary entries"], 0, 0)]
    assert sorted(e.pain for e in services.entries.list()) == [1, 5, 6]
    assert len(list_backups(db.data_dir)) == backups_before + 1
    assert "Imported 2 records from from the physio.csv." in window.statusBar().currentMessage()
    # The Diary page reads the diary again, so the new entries are there to see.
    model = diary.view.list.model
    shown = [r for r in range(model.rowCount()) if model.entry_at(r) is not None]
    assert len(shown) == 3


def test_a_file_with_bad_lines_adds_nothing_and_names_each_line(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    services.entries.add(_entry(clock, 5, 1))
    source = tmp_path / "typo.csv"
    source.write_text("date,pain,stress\n2026-02-27,6,7\n2026-02-28,15,6\n2062-02-28,5,6\n")
    asked.open_file = source
    assert not window.data_files().import_file()
    ((name, problems, more),) = asked.problems
    assert name == "typo.csv"
    assert more == 0
    assert problems[0].startswith("Line 3, pain:")
    assert problems[1].startswith("Line 4, ")
    assert "lies in the future" in problems[1]
    assert asked.confirms == []
    assert [e.pain for e in services.entries.list()] == [1]


def test_a_file_already_in_the_diary_changes_nothing(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    services.entries.add(_entry(clock, 2, 3))
    asked.open_file = _export(window, asked, tmp_path / "copy.json")
    assert not window.data_files().import_file()
    title, text = asked.only_error()
    assert title == "Nothing new to import"
    assert "copy.json is in your diary already" in text
    assert asked.confirms == []


@pytest.mark.parametrize(
    ("answer", "pains"),
    [
        (dialogs.ImportDataChoice.ADD, [3, 6]),
        (dialogs.ImportDataChoice.REPLACE, [6, 8]),
        (None, [3]),
    ],
)
def test_records_that_differ_keep_mine_unless_the_person_says_replace(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    answer: dialogs.ImportDataChoice | None,
    pains: list[int],
) -> None:
    services.entries.add(_entry(clock, 2, 3))
    services.entries.add(_entry(clock, 1, 6))
    copy = _export(window, asked, tmp_path / "copy.json")
    services.entries.delete(services.entries.list()[0].id)  # the one of 1 day ago
    copy.write_text(copy.read_text("utf-8").replace('"pain": 3', '"pain": 8'), "utf-8")
    asked.open_file = copy
    asked.import_answer = answer

    assert window.data_files().import_file() is (answer is not None)

    assert asked.confirms[0][1:] == (["1 diary entry"], 0, 1)  # one to add, one differing
    # Replace names which of theirs it would overwrite.
    assert asked.differing == [["diary entry of Feb 28, 2026 09:00"]]
    assert sorted(e.pain for e in services.entries.list()) == pains


def test_a_file_that_only_differs_changes_nothing_unless_replace_is_chosen(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    db: Database,
) -> None:
    services.entries.add(_entry(clock, 2, 3))
    copy = _export(window, asked, tmp_path / "copy.json")
    copy.write_text(copy.read_text("utf-8").replace('"pain": 3', '"pain": 8'), "utf-8")
    asked.open_file = copy
    before, backups = _diary_bytes(db), len(list_backups(db.data_dir))
    asked.import_answer = dialogs.ImportDataChoice.ADD  # as if "keep mine" were offered
    assert not window.data_files().import_file()
    assert asked.confirms[0][1:] == ([], 0, 1)
    assert _diary_bytes(db) == before
    assert len(list_backups(db.data_dir)) == backups, "no backup pushed an older one out"
    asked.import_answer = dialogs.ImportDataChoice.REPLACE
    assert window.data_files().import_file()
    assert [e.pain for e in services.entries.list()] == [8]
    assert "1 of yours was replaced" in window.statusBar().currentMessage()


def test_an_import_changed_underneath_the_question_writes_nothing(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
) -> None:
    """Another window adds the file's entry while the question is open: the plan under
    the lock differs from the one shown, so nothing is written and the person is told."""
    source = tmp_path / "one.csv"
    source.write_text("date,pain,stress\n2026-02-27,6,7\n")
    asked.open_file = source

    def confirm_while_another_window_imports(*args: Any) -> dialogs.ImportDataChoice:
        other = Database.open(db.data_dir, clock=clock)
        try:
            from rugdiary.reports.exchange import import_data, merge_into_tables

            plan = import_data(source.read_bytes(), now=clock.now(), known_schema=1)
            other.rewrite(lambda current: merge_into_tables(current, plan))
        finally:
            other.close()
        return dialogs.ImportDataChoice.ADD

    monkeypatch.setattr(dialogs, "ask_import_data", confirm_while_another_window_imports)
    assert not window.data_files().import_file()
    title, text = asked.only_error()
    assert title == "Nothing was imported"
    assert "changed while you were choosing" in text
    assert [e.pain for e in services.entries.list()] == [6]


def test_an_edit_made_meanwhile_to_a_differing_record_is_never_replaced_unseen(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
) -> None:
    """The person saw their pain 3 and chose "replace"; meanwhile another window made it
    5. The counts are unchanged, but what Replace would overwrite is not what was shown."""
    services.entries.add(_entry(clock, 2, 3))
    copy = _export(window, asked, tmp_path / "copy.json")
    copy.write_text(copy.read_text("utf-8").replace('"pain": 3', '"pain": 8'), "utf-8")
    asked.open_file = copy

    def replace_while_another_window_edits(*args: Any) -> dialogs.ImportDataChoice:
        other = Database.open(db.data_dir, clock=clock)
        try:
            mine = Services.for_database(other, clock).entries
            (entry,) = mine.list()
            mine.update(dataclasses.replace(entry, pain=5))
        finally:
            other.close()
        return dialogs.ImportDataChoice.REPLACE

    monkeypatch.setattr(dialogs, "ask_import_data", replace_while_another_window_edits)
    assert not window.data_files().import_file()
    assert "changed while you were choosing" in asked.only_error()[1]
    assert [e.pain for e in services.entries.list()] == [5]


def test_a_write_meanwhile_that_leaves_the_plan_as_shown_does_not_stop_the_import(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
) -> None:
    """New rows get a fresh id in every plan; only what they hold is compared."""
    source = tmp_path / "one.csv"
    source.write_text("date,pain,stress\n2026-02-27,6,7\n")
    asked.open_file = source

    def confirm_while_another_window_logs(*args: Any) -> dialogs.ImportDataChoice:
        other = Database.open(db.data_dir, clock=clock)
        try:
            Services.for_database(other, clock).entries.add(_entry(clock, 0, 2))
        finally:
            other.close()
        return dialogs.ImportDataChoice.ADD

    monkeypatch.setattr(dialogs, "ask_import_data", confirm_while_another_window_logs)
    assert window.data_files().import_file()
    assert asked.errors == []
    assert sorted(e.pain for e in services.entries.list()) == [2, 6]


def test_an_empty_spreadsheet_says_it_holds_nothing(
    window: MainWindow, asked: Asked, tmp_path: Path
) -> None:
    source = tmp_path / "empty.csv"
    source.write_text("date,pain,stress\n")
    asked.open_file = source
    assert not window.data_files().import_file()
    title, text = asked.only_error()
    assert (title, text) == (
        "Nothing new to import",
        "empty.csv holds no diary records. Nothing was changed.",
    )


def test_a_huge_file_is_refused_before_it_is_read(
    window: MainWindow, asked: Asked, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(controller, "MAX_IMPORT_BYTES", 10)
    source = tmp_path / "film.csv"
    source.write_text("date,pain,stress\n2026-02-27,6,7\n")
    asked.open_file = source
    assert not window.data_files().import_file()
    title, text = asked.only_error()
    assert title == "Nothing was imported"
    assert "far larger than any diary" in text


def test_an_unreadable_file_is_named(window: MainWindow, asked: Asked, tmp_path: Path) -> None:
    asked.open_file = tmp_path / "gone.csv"
    assert not window.data_files().import_file()
    title, text = asked.only_error()
    assert title == "Nothing was imported"
    assert "gone.csv" in text


# -- the export dialog -------------------------------------------------------------------------


def test_period_days() -> None:
    today = date(2026, 3, 2)
    assert period_days("all", today, (today, today)) == (None, None)
    assert period_days("4w", today, (today, today)) == (date(2026, 2, 3), today)
    assert period_days("12m", today, (today, today)) == (date(2025, 3, 3), today)
    assert period_days("custom", today, (today, date(2026, 1, 1))) == (date(2026, 1, 1), today)


def test_the_dialog_reads_the_kind_and_chosen_dates(qtbot: QtBot) -> None:
    dialog = DataExportDialog(date(2026, 3, 2))
    qtbot.addWidget(dialog)
    assert dialog.choice() == ExportChoice("entries_csv")
    assert not dialog.from_date.isEnabled()
    dialog.kind_buttons["fhir"].setChecked(True)
    dialog.period.setCurrentIndex(dialog.period.findData("custom"))
    assert dialog.from_date.isEnabled()
    dialog.from_date.setDate(QDate(2026, 1, 5))
    dialog.to_date.setDate(QDate(2026, 2, 1))
    assert dialog.choice() == ExportChoice("fhir", date(2026, 1, 5), date(2026, 2, 1), "custom")
    # The kinds are the ones the exchange makes, each with its suffix.
    from rugdiary.reports.exchange import EXPORT_KINDS
    from rugdiary.ui.data_files.export_dialog import SUFFIXES

    assert list(dialog.kind_buttons) == list(EXPORT_KINDS) == list(SUFFIXES)
    # Every kind says what it is for, to a screen reader too.
    for button in dialog.kind_buttons.values():
        assert button.accessibleDescription()


def test_plan_lines_name_each_kind_of_record() -> None:
    from rugdiary.reports.exchange import ImportFormat, ImportResult

    plan = ImportResult(
        format=ImportFormat.JSON_EXPORT,
        records={"programs": ({"id": "p"},), "flares": ({"id": "f"}, {"id": "g"})},
    )
    assert plan_lines(plan) == ["1 program", "2 flare-ups"]


def test_an_import_dated_now_is_accepted(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    now = clock.now()
    source = tmp_path / "now.csv"
    source.write_text(f"at,pain,stress\n{now.isoformat()},2,3\n")
    asked.open_file = source
    assert window.data_files().import_file()
    assert [e.at for e in services.entries.list()] == [now]
    assert isinstance(now, datetime)


def test_the_report_page_offers_the_export_too(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    services.entries.add(_entry(clock, 1, 4))
    window.show_page("report")
    asked.export = ExportChoice("fhir")
    asked.save_to = tmp_path / "for the physio.json"
    window.report.view.export_data_button.click()
    assert json.loads(asked.save_to.read_text("utf-8"))["resourceType"] == "Bundle"


def test_spreadsheets_use_semicolons_where_numbers_have_decimal_commas() -> None:
    dutch = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    american = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert spreadsheet_delimiter(dutch) == spreadsheet_delimiter(german) == ";"
    assert spreadsheet_delimiter(american) == ","


def test_a_semicolon_spreadsheet_imports_back_unchanged(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    """What a Dutch computer's Excel opens in columns, RugDiary reads again."""
    monkeypatch.setattr(controller, "spreadsheet_delimiter", lambda _locale: ";")
    services.entries.add(_entry(clock, 1, 4, tags=("work", "a; b"), note="sat; then walked"))
    asked.export = ExportChoice("entries_csv")
    asked.save_to = tmp_path / "nl.csv"
    window.export_data_action.trigger()
    header = asked.save_to.read_text("utf-8-sig").splitlines()[0]
    assert header.startswith("id;date;time;at;pain;stress;")

    other = Database.open(tmp_path / "other", clock=clock)
    try:
        fresh = MainWindow(Services.for_database(other, clock))
        qtbot.addWidget(fresh)
        asked.open_file = asked.save_to
        assert fresh.data_files().import_file()
        (back,) = Services.for_database(other, clock).entries.list()
        assert back == services.entries.list()[0]
    finally:
        other.close()


def test_the_next_export_offers_the_last_ones_choices(
    qtbot: QtBot, window: MainWindow, asked: Asked, tmp_path: Path
) -> None:
    chosen = ExportChoice("sessions_csv", date(2026, 1, 5), date(2026, 2, 1), "custom")
    asked.export = chosen
    asked.save_to = tmp_path / "s.csv"
    window.export_data_action.trigger()
    window.export_data_action.trigger()
    assert asked.offered == [None, chosen]
    dialog = DataExportDialog(date(2026, 3, 2), None, chosen)
    qtbot.addWidget(dialog)
    assert dialog.choice() == chosen
    assert dialog.from_date.isEnabled()


def test_the_wrong_kind_of_file_gets_one_plain_sentence(
    window: MainWindow, asked: Asked, tmp_path: Path
) -> None:
    """An .xlsx is not a line to mend: say what to choose instead."""
    source = tmp_path / "scores.xlsx"
    source.write_bytes(b"PK\x03\x04\x00\x00binary")
    asked.open_file = source
    assert not window.data_files().import_file()
    assert asked.problems == []
    title, text = asked.only_error()
    assert title == "Nothing was imported"
    assert text.startswith("scores.xlsx is not a file RugDiary can import (the file is binary")
    assert "CSV UTF-8" in text


def test_a_diary_that_cannot_be_read_is_said_not_raised(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
) -> None:
    """A lock held by a virus scanner or a sync client reads as a PermissionError."""
    services.entries.add(_entry(clock, 1, 4))
    source = tmp_path / "one.csv"
    source.write_text("date,pain,stress\n2026-02-27,6,7\n")

    def locked(*_args: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(db, "read_tables", locked)
    monkeypatch.setattr(services.entries, "list_checked", locked)
    monkeypatch.setattr(services.entries, "list", locked)
    _export(window, asked, tmp_path / "copy.json")
    asked.open_file = source
    assert not window.data_files().import_file()
    assert [title for title, _text in asked.errors] == [
        "The data was not exported",
        "Nothing was imported",
    ]
    assert all("could not read your diary" in text for _title, text in asked.errors)
    assert not (tmp_path / "copy.json").exists()


def test_a_differing_record_is_named_as_the_person_knows_it() -> None:
    from rugdiary.reports.exchange import ImportConflict

    program = ImportConflict(4, "programs", "p1", {"id": "p1", "name": {"en": "Morning"}})
    assert controller.conflict_line(program) == "program “Morning”"
    odd = ImportConflict(9, "activity_scores", "sc1", {"id": "sc1"})
    assert controller.conflict_line(odd) == "activity_scores sc1 (line 9)"


def test_a_file_of_settings_only_says_yours_stay(
    window: MainWindow, services: Services, asked: Asked, tmp_path: Path
) -> None:
    services.settings.set("language", "en")
    source = tmp_path / "settings.json"
    source.write_text(
        '{"format": "rugdiary-export", "version": 1, "schema": 1, "tables": {\n'
        ' "settings": [{"language": "nl"}]\n'
        "}}\n"
    )
    asked.open_file = source
    assert not window.data_files().import_file()
    title, text = asked.only_error()
    assert title == "Nothing new to import"
    assert "your own settings stay as they are" in text


def test_a_file_dropped_on_the_window_is_imported(
    qtbot: QtBot, window: MainWindow, services: Services, asked: Asked, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from rugdiary.ui.main_window import dropped_diary_file

    source = tmp_path / "scores.csv"
    source.write_text("date,pain,stress\n2026-02-27,6,7\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    assert dropped_diary_file(mime) == source
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: len(asked.confirms) == 1)
    assert [e.pain for e in services.entries.list()] == [6]

    for urls in (
        [QUrl("https://example.org/scores.csv")],
        [QUrl.fromLocalFile(str(tmp_path / "photo.png"))],
        [QUrl.fromLocalFile(str(source)), QUrl.fromLocalFile(str(source))],
    ):
        other = QMimeData()
        other.setUrls(urls)
        assert dropped_diary_file(other) is None, urls


# -- replacing from a spreadsheet with fewer columns -------------------------------------------


def test_replace_from_a_spreadsheet_without_some_columns_keeps_what_they_held(
    window: MainWindow,
    services: Services,
    clock: FakeClock,
    asked: Asked,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Notes and tags deleted from the sheet, one score mended: only the score changes."""
    monkeypatch.setattr(controller, "spreadsheet_delimiter", lambda _locale: ",")
    for days_ago in (1, 2, 3):
        services.entries.add(
            _entry(clock, days_ago, days_ago + 2, note=f"walked {days_ago} km", tags=("work",))
        )
    sheet = _export(window, asked, tmp_path / "diary.csv", "entries_csv")
    rows = list(csv.DictReader(io.StringIO(sheet.read_text("utf-8-sig"))))
    rows[0]["pain"] = "7"
    out = io.StringIO()
    kept = [name for name in rows[0] if name not in ("note", "tags")]
    writer = csv.DictWriter(out, kept, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    edited = tmp_path / "diary-edited.csv"
    edited.write_text(out.getvalue(), "utf-8")
    asked.open_file = edited
    asked.import_answer = dialogs.ImportDataChoice.REPLACE

    assert window.data_files().import_file()

    assert asked.confirms == [("diary-edited.csv", [], 2, 1)]
    after = sorted(services.entries.list(), key=lambda e: e.at)
    assert [(e.pain, e.note, e.tags) for e in after] == [
        (7, "walked 3 km", ("work",)),
        (4, "walked 2 km", ("work",)),
        (3, "walked 1 km", ("work",)),
    ]


# -- a line to mend, or the wrong kind of file -------------------------------------------------


def test_a_quote_never_closed_is_a_line_to_mend_with_its_number(
    window: MainWindow, asked: Asked, tmp_path: Path
) -> None:
    source = tmp_path / "diary.csv"
    source.write_bytes(
        b"date,pain,stress,note\r\n2026-02-25,4,5,a\r\n2026-02-26,4,5,b\r\n"
        b'2026-02-27,4,5,c\r\n2026-02-28,4,5,"open\r\n2026-03-01,4,5,d\r\n'
    )
    asked.open_file = source
    assert not window.data_files().import_file()
    assert asked.errors == []
    assert asked.problems == [
        ("diary.csv", ["Line 5, row: a quote opened in this line is never closed"], 0)
    ]


def test_a_fhir_file_is_the_wrong_kind_of_file(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    services.entries.add(_entry(clock, 2, 5))
    asked.open_file = _export(window, asked, tmp_path / "rugdiary-fhir.json", "fhir")
    assert not window.data_files().import_file()
    assert asked.problems == []
    title, text = asked.only_error()
    assert title == "Nothing was imported"
    assert text.startswith(
        "rugdiary-fhir.json is not a file RugDiary can import (a FHIR bundle is for other "
        "systems; import a JSON export)."
    )


# -- differing records and problem lines in the person's words ---------------------------------


def _copy_with(flare_note: str, active_s: int) -> bytes:
    tables = {
        "flares": [
            {
                "id": "f1",
                "start": "2026-02-01T08:00:00+01:00",
                "end": "2026-02-03T08:00:00+01:00",
                "note": flare_note,
            }
        ],
        "sitting": [{"day": "2026-02-02", "active_s": active_s, "longest_s": 600}],
    }
    envelope = {"format": "rugdiary-export", "version": 1, "schema": 1, "tables": tables}
    return json.dumps(envelope).encode()


def test_differing_flare_ups_and_sitting_days_are_named_by_their_day(
    window: MainWindow, asked: Asked, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    first.write_bytes(_copy_with("calm", 3600))
    second.write_bytes(_copy_with("other", 7200))
    asked.open_file = first
    assert window.data_files().import_file()
    asked.open_file = second
    asked.import_answer = None
    assert not window.data_files().import_file()
    assert asked.differing[-1] == ["flare-up of Feb 1, 2026", "sitting times of Feb 2, 2026"]


@pytest.fixture
def dutch_dates() -> Iterator[None]:
    """Dates as the UI writes them in Dutch (apply_language sets the default locale)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    yield
    QLocale.setDefault(before)


@pytest.mark.usefixtures("dutch_dates")
def test_differing_records_are_dated_in_the_uis_language() -> None:
    from rugdiary.reports.exchange import ImportConflict

    flare = ImportConflict(1, "flares", "f1", {"id": "f1", "start": "2026-03-01T08:00:00+01:00"})
    sitting = ImportConflict(1, "sitting", "2026-03-02", {"day": "2026-03-02"})
    assert controller.conflict_line(flare).endswith(" 1 mrt 2026")
    assert controller.conflict_line(sitting).endswith(" 2 mrt 2026")
    assert "f1" not in controller.conflict_line(flare)


class _Words(QTranslator):
    """A translator of a few of the DataFiles texts, standing in for the Dutch .qm."""

    def __init__(self, words: dict[str, str]) -> None:
        super().__init__()
        self.words = words

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.words.get(source) if context == "DataFiles" else None

    def isEmpty(self) -> bool:
        return False


def test_the_imports_own_field_words_are_in_the_persons_language(qapp: QApplication) -> None:
    from rugdiary.reports.exchange import ImportProblem

    words = {
        "Line %1, %2: %3": "Regel %1, %2: %3",
        "row": "rij",
        "header": "kopregel",
        "file": "bestand",
        "column %1": "kolom %1",
    }
    translator = _Words(words)
    qapp.installTranslator(translator)
    try:
        texts = [
            controller._problem_text(ImportProblem(line, field, "why"))
            for line, field in (
                (5, "row"),
                (1, "header"),
                (1, "file"),
                (1, "column 2"),
                (3, "pijn"),
            )
        ]
    finally:
        qapp.removeTranslator(translator)
    assert texts == [
        "Regel 5, rij: why",
        "Regel 1, kopregel: why",
        "Regel 1, bestand: why",
        "Regel 1, kolom 2: why",
        "Regel 3, pijn: why",  # the file's own column, as the file names it
    ]


# -- the export dialog's dates, and an export with nothing in it --------------------------------


def test_the_greyed_dates_show_the_chosen_period(qtbot: QtBot) -> None:
    dialog = DataExportDialog(date(2026, 3, 10))
    qtbot.addWidget(dialog)
    today = QDate(2026, 3, 10)
    for code, first in (
        ("4w", QDate(2026, 2, 11)),
        ("3m", QDate(2025, 12, 10)),
        ("12m", QDate(2025, 3, 11)),
    ):
        dialog.period.setCurrentIndex(dialog.period.findData(code))
        assert (dialog.from_date.date(), dialog.to_date.date()) == (first, today), code
        assert not dialog.from_date.isEnabled()
    dialog.period.setCurrentIndex(dialog.period.findData("all"))
    assert (dialog.from_date.text(), dialog.to_date.date()) == ("first day", today)
    # The dates chosen under "Choose dates" come back when it is chosen again.
    dialog.period.setCurrentIndex(dialog.period.findData("custom"))
    dialog.from_date.setDate(QDate(2026, 1, 5))
    dialog.to_date.setDate(QDate(2026, 2, 1))
    dialog.period.setCurrentIndex(dialog.period.findData("3m"))
    dialog.period.setCurrentIndex(dialog.period.findData("custom"))
    assert (dialog.from_date.date(), dialog.to_date.date()) == (
        QDate(2026, 1, 5),
        QDate(2026, 2, 1),
    )


def test_an_export_with_nothing_in_its_period_asks_first(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    services.entries.add(_entry(clock, 60, 5))
    today = clock.now().date()
    start, end = period_days("4w", today, (today, today))
    asked.export = ExportChoice("entries_csv", start, end, "4w")
    asked.save_to = tmp_path / "empty.csv"
    asked.export_empty = False

    assert window.data_files().export() is None

    assert not asked.save_to.exists()
    assert asked.questions == [
        "There are no diary entries from February 3, 2026 to March 2, 2026, so the file "
        "would be empty."
    ]
    asked.export_empty = True
    assert window.data_files().export() == asked.save_to
    assert window.statusBar().currentMessage() == f"Exported 0 records to {asked.save_to}."


def test_the_export_says_how_many_records_it_wrote(
    window: MainWindow, services: Services, clock: FakeClock, asked: Asked, tmp_path: Path
) -> None:
    services.entries.add_many([_entry(clock, 1, 4), _entry(clock, 2, 5)])
    target = _export(window, asked, tmp_path / "diary.csv", "entries_csv")
    assert asked.questions == []
    assert window.statusBar().currentMessage() == f"Exported 2 records to {target}."
    asked.export = ExportChoice("sessions_csv")
    window.export_data_action.trigger()
    assert asked.questions[0] == ("There are no exercise sessions yet, so the file would be empty.")
