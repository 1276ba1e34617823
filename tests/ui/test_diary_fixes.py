"""The Diary page keeps what a person typed and says what it did: undo, Esc, quit, midnight,
focus, names, Dutch messages, tags with commas and the hour that comes twice."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import DiaryEntry, Medication, ValidationError
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui import dialogs
from rugdiary.ui.diary.entry_form_view import from_qdatetime, split_tags
from rugdiary.ui.diary.page import DiaryPage
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.reasons import reason_text
from tests.ui.conftest import MULTIMEDIA_NOISE, OFFSCREEN_NOISE
from tests.ui.test_a11y_walker import name_problems

MakeEntry = Callable[..., DiaryEntry]


def focused() -> object:
    return QApplication.focusWidget()


def seed(repo: EntryRepository, diary: DiaryPage, *entries: DiaryEntry) -> None:
    for entry in entries:
        repo.add(entry)
    diary.controller.reload()


@pytest.fixture(autouse=True)
def _no_real_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window left with typed answers closes after its test without a real dialog."""
    monkeypatch.setattr(dialogs, "ask_discard_unsaved", lambda parent, detail=None: True)


class Asked:
    """ask_discard_unsaved, patched: counts the questions and gives `answer`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: bool = False) -> None:
        self.count = 0
        self.answer = answer
        self.details: list[str | None] = []

        def ask(parent: object, detail: str | None = None) -> bool:
            self.count += 1
            self.details.append(detail)
            return self.answer

        monkeypatch.setattr(dialogs, "ask_discard_unsaved", ask)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[Asked]:
    """The question patched; after the test it lets the window close (no real dialog)."""
    answers = Asked(monkeypatch)
    yield answers
    answers.answer = True


@contextmanager
def in_dutch(app: QApplication) -> Iterator[None]:
    from rugdiary.resources import resource

    translator = QTranslator()
    assert translator.load(QLocale("nl"), "rugdiary", "_", str(resource("i18n"))), "make qm"
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)


# -- 1. one undo stack for Today and Diary, and every step said --------------------------------


def test_ctrl_z_after_a_quick_entry_on_today_takes_that_entry_back_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
    clock: FakeClock,
) -> None:
    old = make_entry(days_ago=10)
    seed(repo, diary, old)
    diary.controller.edit(old)
    diary.view.form.note.setPlainText("physio: more walking")
    assert diary.controller.save()

    window.show_page("today")
    quick = window.today.view.quick
    qtbot.keyClick(quick.pain, Qt.Key.Key_8)
    qtbot.keyClick(quick.stress, Qt.Key.Key_4)
    qtbot.keyClick(quick.stress, Qt.Key.Key_Return)
    today = clock.now().date()
    assert [(e.pain, e.stress) for e in repo.list(today, today)] == [(8, 4)]
    assert window.undo_action.text() == "&Undo add entry"

    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repo.list(today, today) == [], "the quick entry is taken back"
    assert repo.get(old.id).note == "physio: more walking", "the older change stays"  # type: ignore[union-attr]
    assert window.statusBar().currentMessage() == "Undone: add entry"
    assert not window.today.view.is_logged_shown()
    assert window.today.view.isAncestorOf(focused()), "the keyboard stays on the page"

    qtbot.keyClick(
        focused(),
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [(e.pain, e.stress) for e in repo.list(today, today)] == [(8, 4)]
    assert window.statusBar().currentMessage() == "Redone: add entry"
    assert window.today.view.is_logged_shown()
    assert diary.model.row_of(repo.list(today, today)[0].id) >= 0, "the Diary list shows it"


def test_undo_and_redo_on_the_diary_page_say_what_they_did(
    qtbot: QtBot, window: MainWindow, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    entry = make_entry()
    seed(repo, diary, entry)
    diary.controller.delete_row(diary.model.row_of(entry.id))
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert repo.list() == [entry]
    assert window.statusBar().currentMessage() == "Undone: delete entry"
    window.redo_action.trigger()
    assert repo.list() == []
    assert window.statusBar().currentMessage() == "Redone: delete entry"


def test_an_undo_that_fails_says_why_and_not_that_it_was_done(
    window: MainWindow, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    entry = make_entry()
    seed(repo, diary, entry)
    diary.controller.edit(entry)
    diary.view.form.pain.setValue(9)
    assert diary.controller.save()
    repo.delete(entry.id)  # the command line deleted it meanwhile
    window.undo_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Could not undo change entry"), message
    assert not window.undo_action.isEnabled(), "the failed step left the stack"


# -- 2. undo while the form holds changes to the same entry ------------------------------------


def test_undo_while_changing_that_entry_asks_first_and_keeping_changes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
    asked: Asked,
) -> None:
    entry = make_entry(pain=3)
    seed(repo, diary, entry)
    c, form = diary.controller, diary.view.form
    c.edit(entry)
    form.pain.setValue(6)
    form.note.setPlainText("slept badly")
    assert c.save()
    c.edit(repo.get(entry.id))  # type: ignore[arg-type]
    form.note.setPlainText("slept badly; long drive, 2 h sitting")
    form.pain.setFocus()
    qtbot.keyClick(form.pain, Qt.Key.Key_7)
    index = window.undo_stack.index()

    qtbot.keyClick(form.pain, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert asked.count == 1
    assert asked.details == ["Undo the earlier change and leave it?"]
    assert c.editing is not None, "kept: still changing the entry"
    assert form.note.toPlainText() == "slept badly; long drive, 2 h sitting"
    assert form.pain.value() == 7
    assert repo.get(entry.id).pain == 6  # type: ignore[union-attr]
    assert window.undo_stack.index() == index, "nothing was undone"

    asked.answer = True
    qtbot.keyClick(form.pain, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert asked.count == 2
    assert c.editing is None
    assert repo.get(entry.id).pain == 3  # type: ignore[union-attr]
    assert window.statusBar().currentMessage() == "Undone: change entry"


def test_undo_without_typed_changes_or_of_another_entry_does_not_ask(
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
    asked: Asked,
) -> None:
    first, second = make_entry(hour=8, pain=1), make_entry(hour=10, pain=2)
    seed(repo, diary, first, second)
    c, form = diary.controller, diary.view.form
    c.edit(first)
    form.pain.setValue(5)
    assert c.save()
    c.edit(second)
    form.pain.setValue(9)  # typed into another entry than the undo changes
    window.undo_action.trigger()
    assert repo.get(first.id).pain == 1  # type: ignore[union-attr]
    assert c.editing == second
    assert form.pain.value() == 9
    assert asked.count == 0

    asked.answer = True
    c.cancel_edit()  # leaves the 9 typed into the other entry
    asked.count = 0
    c.edit(first)
    window.redo_action.trigger()  # opened, nothing typed: it changes, without a question
    assert repo.get(first.id).pain == 5  # type: ignore[union-attr]
    assert c.editing is None
    assert asked.count == 0


# -- 3. unsaved input: the date alone, Esc, quitting -------------------------------------------


def test_a_changed_date_and_time_alone_is_unsaved_input(
    diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry, asked: Asked
) -> None:
    a, b = make_entry(days_ago=1), make_entry(days_ago=2)
    seed(repo, diary, a, b)
    c = diary.controller
    c.edit(a)
    assert not c.has_unsaved_input()
    c.form.when.setDateTime(QDateTime(QDate(2026, 3, 1), QTime(21, 30)))
    assert c.has_unsaved_input()
    c.edit_row(diary.model.row_of(b.id))
    assert asked.count == 1
    assert c.editing == a, "kept"


def test_escape_asks_before_dropping_typed_changes_and_is_instant_otherwise(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry, asked: Asked
) -> None:
    entry = make_entry()
    seed(repo, diary, entry)
    c, form = diary.controller, diary.view.form
    c.edit(entry)
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Woke up at 4 with a sharp pain")
    qtbot.keyClick(form.note, Qt.Key.Key_Escape)
    assert asked.count == 1
    assert asked.details == ["Leave it and go back to a new entry?"]
    assert c.editing == entry
    assert form.note.toPlainText() == "Woke up at 4 with a sharp pain"

    asked.answer = True
    qtbot.keyClick(form.note, Qt.Key.Key_Escape)
    assert asked.count == 2
    assert c.editing is None
    assert repo.list() == [entry]

    c.edit(entry)
    qtbot.keyClick(form.pain, Qt.Key.Key_Escape)
    assert asked.count == 2, "nothing typed: Esc goes back without a question"
    assert c.editing is None


@pytest.mark.parametrize("page", ["diary", "today"])
def test_quitting_with_typed_answers_asks_and_keeping_them_stays_open(
    qtbot: QtBot, window: MainWindow, repo: EntryRepository, asked: Asked, page: str
) -> None:
    window.show_page(page)
    form = window.diary.view.form if page == "diary" else window.today.view.quick
    form.pain.setValue(6)
    window.show_page("today" if page == "diary" else "diary")

    assert not window.close()
    assert asked.count == 1
    assert asked.details == ["Quit RugDiary and leave it?"]
    assert window.isVisible()
    assert window.current_page() == page, "the answers kept are shown"
    assert form.pain.value() == 6

    asked.answer = True
    assert window.close()
    assert asked.count == 2
    assert repo.list() == []


def test_quitting_with_nothing_typed_does_not_ask(
    window: MainWindow, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry, asked: Asked
) -> None:
    entry = make_entry()
    seed(repo, diary, entry)
    diary.controller.edit(entry)  # opened, not changed
    window.today.view.quick.where_button.setChecked(True)  # folded out, nothing chosen
    assert window.close()
    assert asked.count == 0


@pytest.mark.qt_log_ignore(
    r"QSystemTrayIcon|systemTrayWindowChanged", OFFSCREEN_NOISE, MULTIMEDIA_NOISE
)
def test_the_trays_quit_asks_about_typed_answers_and_keeping_them_shows_them(
    window: MainWindow, asked: Asked, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tray's Quit closes no window, so it asks itself; kept, the app runs on."""
    from PySide6.QtGui import QIcon, QPixmap
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from rugdiary.ui.app import _connect_tray
    from rugdiary.ui.reminders import ReminderTray

    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    pixmap = QPixmap(16, 16)
    pixmap.fill()
    tray = ReminderTray.create(QIcon(pixmap))
    assert tray is not None
    _connect_tray(QApplication.instance(), tray, window)  # type: ignore[arg-type]
    window.show_page("diary")
    window.diary.view.form.pain.setValue(6)
    window.show_page("today")
    window.hide()  # as in the tray

    tray.quit_action.trigger()  # wired as the app wires it
    assert asked.details == ["Quit RugDiary and leave it?"]
    assert quits == []
    assert window.isVisible()
    assert window.current_page() == "diary"

    asked.answer = True
    tray.quit_action.trigger()
    assert quits == [True]
    tray.deleteLater()


def test_ctrl_q_quits_also_when_closing_only_hides_in_the_tray(
    qtbot: QtBot, window: MainWindow, asked: Asked, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    monkeypatch.setattr(window, "tray", object())
    monkeypatch.setattr(window.preferences, "keep_in_tray", lambda: True)
    monkeypatch.setattr(window.preferences, "tray_explained", lambda: True)  # no box at close
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quits == [True]
    assert asked.count == 0, "nothing typed, nothing to ask"


# -- 4. "now" after midnight -------------------------------------------------------------------


def test_the_when_field_shows_today_the_morning_after(
    window: MainWindow, repo: EntryRepository, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 3, 1, 23, 40).astimezone())
    window.show_page("diary")
    c, form = window.diary.controller, window.diary.view.form
    clock.set(datetime(2026, 3, 2, 9, 15).astimezone())
    window.show_page("today")
    window.show_page("diary")
    assert form.when.date() == QDate(2026, 3, 2)
    assert not c.has_unsaved_input(), "moving it on is not typing"
    form.pain.setValue(6)
    form.stress.setValue(5)
    form.show_more(True)
    form.when.setTime(QTime(8, 0))
    assert c.save()
    (entry,) = repo.list()
    assert entry.day == date(2026, 3, 2)
    assert (entry.at.hour, entry.at.minute) == (8, 0)


def test_the_when_field_moves_on_at_midnight_while_the_page_is_open(
    diary: DiaryPage, clock: FakeClock
) -> None:
    c, form = diary.controller, diary.view.form
    watcher = c.day_watcher
    assert watcher.timer.isActive(), "a timer waits for the new day"
    clock.set(clock.now().replace(hour=23, minute=59))
    clock.advance(120)
    assert watcher.check()
    assert form.when.date() == QDate(2026, 3, 3)
    assert diary.view.list.to_date.date() == QDate(2026, 3, 3), "the list's today too"


def test_a_when_the_person_set_is_never_moved(diary: DiaryPage, clock: FakeClock) -> None:
    form = diary.view.form
    form.show_more(True)
    form.when.setDateTime(QDateTime(QDate(2026, 2, 27), QTime(7, 0)))
    clock.advance(24 * 3600)
    diary.controller.day_watcher.check()
    diary.view.hide()
    diary.view.show()
    assert form.when.dateTime() == QDateTime(QDate(2026, 2, 27), QTime(7, 0))


# -- 5. an import or a restore forgets the undo steps ------------------------------------------


def test_undo_after_an_import_that_replaced_an_entry_does_not_bring_the_old_one_back(
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
    tmp_path: Path,
) -> None:
    from tests.ui.test_data_files import Asked as FileDialogs
    from tests.ui.test_data_files import _export

    entry = make_entry(days_ago=1, pain=3)
    seed(repo, diary, entry)
    diary.controller.edit(entry)
    diary.view.form.pain.setValue(5)
    assert diary.controller.save()
    files = FileDialogs(monkeypatch)
    copy = _export(window, files, tmp_path / "copy.json")
    copy.write_text(copy.read_text("utf-8").replace('"pain": 5', '"pain": 8'), "utf-8")
    files.open_file = copy
    files.import_answer = dialogs.ImportDataChoice.REPLACE
    assert window.undo_action.isEnabled()

    assert window.data_files().import_file()
    assert repo.get(entry.id).pain == 8  # type: ignore[union-attr]
    assert not window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert repo.get(entry.id).pain == 8  # type: ignore[union-attr]


def test_a_restored_backup_forgets_the_undo_steps(
    window: MainWindow, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    seed(repo, diary, make_entry())
    diary.controller.delete_row(1)
    assert window.undo_action.isEnabled()
    window.settings_page.controller.diaryRestored.emit(Path("backup.json"))
    assert not window.undo_action.isEnabled()


# -- 6. where the keyboard goes after Save and Delete ------------------------------------------


def test_after_saving_a_new_entry_the_keyboard_is_back_on_pain(
    qtbot: QtBot, diary: DiaryPage
) -> None:
    form = diary.view.form
    form.pain.setValue(4)
    form.stress.setValue(4)
    form.save_button.setFocus()
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert focused() is form.pain


def test_after_saving_a_change_the_keyboard_is_on_the_saved_row(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    entry = make_entry()
    seed(repo, diary, entry, make_entry(days_ago=1))
    form, table = diary.view.form, diary.view.list.table
    diary.controller.edit(entry)
    form.save_button.setFocus()
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert focused() is table
    assert diary.model.entry_at(table.currentIndex().row()) == entry


def test_after_delete_the_keyboard_is_on_the_next_row_and_down_stays_in_the_list(
    qtbot: QtBot,
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
) -> None:
    entries = [make_entry(days_ago=1, hour=h) for h in (7, 8, 9)]
    seed(repo, diary, *entries)
    lst = diary.view.list
    lst.select_row(diary.model.row_of(entries[2].id))
    qtbot.mouseClick(lst.delete_button, Qt.MouseButton.LeftButton)
    assert focused() is lst.table
    assert diary.model.entry_at(lst.selected_row()) == entries[1]
    qtbot.keyClick(lst.table, Qt.Key.Key_Down)
    assert window.current_page() == "diary"
    assert diary.model.entry_at(lst.selected_row()) == entries[0]

    qtbot.keyClick(lst.table, Qt.Key.Key_Delete)
    qtbot.keyClick(lst.table, Qt.Key.Key_Delete)
    assert repo.list() == []
    assert focused() is diary.view.form.pain, "no entry left: a new one is where to go"


# -- 7. names start with the words on the control ----------------------------------------------


def _edit_with_everything(diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry) -> None:
    entry = make_entry(medication=(Medication("ibuprofen", "400 mg"),), note="n", tags=("work",))
    seed(repo, diary, entry)
    diary.controller.edit(entry)
    diary.view.list.select_row(diary.model.row_of(entry.id))


def test_names_start_with_the_visible_words_while_editing_with_details_open(
    diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    _edit_with_everything(diary, repo, make_entry)
    form = diary.view.form
    assert form.more_panel.isVisible()
    assert name_problems(diary.view) == []
    assert form.more_button.accessibleName() == "Fewer details"
    form.show_more(False)
    assert form.more_button.accessibleName() == "More details"
    assert form.medication.rows()[0].remove.accessibleName() == "Remove: Medicine 1"
    assert diary.view.list.delete_button.accessibleDescription() == "Delete the selected entry"


def test_names_start_with_the_visible_words_in_dutch(
    qapp: QApplication, qtbot: QtBot, services: Any, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    with in_dutch(qapp):
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.show_page("diary")
        _edit_with_everything(window.diary, repo, make_entry)
        assert name_problems(window.diary.view) == []
        remove = window.diary.view.form.medication.rows()[0].remove
        assert remove.accessibleName() == "Verwijderen: Medicijn 1"


# -- 8. validation messages in the person's language -------------------------------------------


def test_validation_messages_are_in_dutch_in_the_dutch_window(
    qapp: QApplication, qtbot: QtBot, services: Any, repo: EntryRepository
) -> None:
    with in_dutch(qapp):
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.show_page("diary")
        c, form = window.diary.controller, window.diary.view.form
        form.pain.setValue(3)
        form.stress.setValue(4)
        form.note.setPlainText("x" * 5001)
        assert not c.save()
        assert form.message.text() == "Notitie: heeft 5001 tekens; er passen er hoogstens 5000 in"
        form.note.clear()
        form.tags.setText("een heel erg lange tag die over de veertig tekens gaat")
        assert not c.save()
        assert form.message.text() == "Labels: " + reason_text("a tag has at most 40 characters")
        assert "characters" not in form.message.text()
        assert repo.list() == []


# -- 9. a tag with a comma stays one tag -------------------------------------------------------


def test_a_tag_with_a_comma_survives_a_change_elsewhere(
    diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    entry = make_entry(tags=("back, left side", "work"))
    seed(repo, diary, entry)
    c, form = diary.controller, diary.view.form
    c.edit(entry)
    assert not c.has_unsaved_input()
    form.pain.setValue(5)
    assert c.save()
    assert repo.get(entry.id).tags == ("back, left side", "work")  # type: ignore[union-attr]

    c.edit(repo.get(entry.id))  # type: ignore[arg-type]
    form.tags.setText(form.tags.text() + ", walking")
    assert c.save()
    assert repo.get(entry.id).tags == ("back, left side", "work", "walking")  # type: ignore[union-attr]


def test_split_tags_keeps_known_tags_with_commas_whole() -> None:
    assert split_tags("a, b, c") == ("a", "b", "c")
    assert split_tags("Back,  Left side, work", ("back, left side",)) == ("back, left side", "work")
    assert split_tags("back, work", ("back, left side",)) == ("back", "work")


# -- 10. the hour that comes twice when summer time ends ---------------------------------------


@pytest.fixture
def amsterdam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Europe/Amsterdam for Python and Qt alike (both read TZ); the zone as before after."""
    if not hasattr(time, "tzset") or not Path("/usr/share/zoneinfo/Europe/Amsterdam").exists():
        pytest.skip("needs time.tzset and the system time zone database")
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


CET, CEST = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))


@pytest.mark.usefixtures("amsterdam")
@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (datetime(2026, 10, 25, 2, 30, tzinfo=CET), datetime(2026, 10, 25, 2, 45, tzinfo=CET)),
        (datetime(2026, 10, 25, 2, 30, tzinfo=CEST), datetime(2026, 10, 25, 2, 45, tzinfo=CEST)),
    ],
    ids=["second", "first"],
)
def test_changing_a_time_in_the_repeated_hour_keeps_that_hour(
    diary: DiaryPage,
    repo: EntryRepository,
    clock: FakeClock,
    stored: datetime,
    expected: datetime,
) -> None:
    clock.set(datetime(2026, 10, 25, 9, 0, tzinfo=CET))
    entry = DiaryEntry(at=stored, pain=7, stress=6, created=clock.now(), updated=clock.now())
    seed(repo, diary, entry)
    c, form = diary.controller, diary.view.form
    c.edit(entry)
    form.when.setTime(QTime(2, 45))
    assert c.save()
    saved = repo.get(entry.id)
    assert saved is not None
    assert saved.at == expected, saved.at
    assert saved.at - stored == timedelta(minutes=15)


@pytest.mark.usefixtures("amsterdam")
def test_from_qdatetime_outside_the_repeated_hour_is_the_plain_local_time() -> None:
    summer = from_qdatetime(QDateTime(QDate(2026, 7, 1), QTime(12, 0)), like=datetime.now(CET))
    assert summer == datetime(2026, 7, 1, 12, 0, tzinfo=CEST)
    value = QDateTime(QDate(2026, 10, 25), QTime(2, 30))
    assert from_qdatetime(value).utcoffset() == timedelta(seconds=value.offsetFromUtc())


def test_validation_error_reason_is_kept_when_unknown() -> None:
    # A reason of the form's own (already in the person's language) passes unchanged.
    error = ValidationError("at", "lies in the future. Choose a moment up to now.")
    assert reason_text(error.message) == error.message
