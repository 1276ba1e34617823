"""The entry list: grouping, editing, deleting with undo, and filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import DiaryEntry
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui import dialogs
from rugdiary.ui.diary.entry_list_model import ENTRY_ROLE, Column, EntryListModel, note_excerpt
from rugdiary.ui.diary.entry_list_view import TAGS_COLUMN_CHARS
from rugdiary.ui.diary.page import DiaryPage
from rugdiary.ui.main_window import MainWindow
from tests.ui.conftest import evening_session

MakeEntry = Callable[..., DiaryEntry]


def seed(repo: EntryRepository, diary: DiaryPage, *entries: DiaryEntry) -> None:
    for entry in entries:
        repo.add(entry)
    diary.controller.reload()


def row_cell(model: EntryListModel, row: int, column: Column) -> Any:
    return model.index(row, column).data()


# -- model ------------------------------------------------------------------------------------


def test_model_groups_by_day_newest_first_with_daily_means(make_entry: MakeEntry) -> None:
    model = EntryListModel()
    older = make_entry(days_ago=1, hour=20, pain=6, stress=2, tags=("work",))
    morning = make_entry(hour=8, pain=2, stress=3, note="Slept well.\nWalked.", flare_up=True)
    evening = make_entry(hour=21, pain=5, stress=6, for_physio=True)
    model.set_entries([older, morning, evening])

    assert model.rowCount() == 5
    assert model.day_rows() == [0, 3]
    assert [model.entry_at(r) for r in range(5)] == [None, evening, morning, None, older]
    header = row_cell(model, 0, Column.TIME)
    assert header.startswith("Mon, Mar 2, 2026")
    assert "average pain 3.5, stress 4.5" in header
    assert row_cell(model, 3, Column.TIME).endswith("· pain 6, stress 2"), "whole scores"
    assert (
        model.index(0, 0)
        .data(Qt.ItemDataRole.AccessibleTextRole)
        .startswith("Monday, March 2, 2026")
    )
    assert row_cell(model, 2, Column.TIME) == "8:00\u202fAM" or "8:00" in row_cell(
        model, 2, Column.TIME
    )
    assert row_cell(model, 2, Column.PAIN) == "2"
    assert row_cell(model, 2, Column.NOTE) == "Flare-up – Slept well. …"
    assert row_cell(model, 1, Column.NOTE) == "For physio"
    assert row_cell(model, 4, Column.TAGS) == "work"
    assert model.index(1, 0).data(ENTRY_ROLE) is evening
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_two_line_rows_start_at_the_top_whatever_they_hold(make_entry: MakeEntry) -> None:
    """A narrow list gives each row two lines. One with only its scores had them halfway
    down, a gap from its day's heading that other rows did not have."""
    model = EntryListModel()
    bare = make_entry(hour=20, pain=0, stress=1)
    noted = make_entry(hour=9, note="poor sleep")
    session = evening_session(bare.at.date())
    model.set_entries([bare, noted], [session])
    model.set_compact(True)
    top = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    rows = [r for r in range(model.rowCount()) if not model.is_day_row(r)]
    assert [model.session_at(r) for r in rows].count(session) == 1
    assert len(rows) == 3
    assert "\n" not in row_cell(model, model.row_of(bare.id), Column.TIME)
    for row in rows:
        assert model.index(row, Column.TIME).data(Qt.ItemDataRole.TextAlignmentRole) == top


def test_a_narrow_lists_day_heading_leaves_out_the_word_average(make_entry: MakeEntry) -> None:
    """ "gemiddelde pijn 3,0, st…" was cut off at 900 px; the decimal says it is a mean,
    and the tooltip and a screen reader still say "average"."""
    model = EntryListModel()
    model.set_entries([make_entry(hour=8, pain=2, stress=3), make_entry(hour=20, pain=5)])
    model.set_compact(True)
    day = model.day_rows()[0]
    shown = row_cell(model, day, Column.TIME)
    assert shown.splitlines()[1] == "pain 3.5, stress 3.5"
    index = model.index(day, Column.TIME)
    for role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        assert "average pain 3.5, stress 3.5" in index.data(role)
    model.set_compact(False)
    assert "average pain 3.5" in row_cell(model, day, Column.TIME)


def test_note_excerpt_shortens_long_first_lines() -> None:
    assert note_excerpt("") == ""
    assert note_excerpt("short") == "short"
    assert note_excerpt("a" * 100, limit=10) == "a" * 9 + "…"


# -- editing ----------------------------------------------------------------------------------


def test_enter_on_an_entry_edits_it_and_save_updates(
    qtbot: QtBot,
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
) -> None:
    entry = make_entry(pain=3, stress=4, tags=("work",), note="before")
    seed(repo, diary, entry)
    table = diary.view.list.table
    form = diary.view.form
    seed(repo, diary, make_entry(days_ago=1))
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert diary.model.entry_at(table.currentIndex().row()) == entry, "focus lands on an entry"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert diary.model.entry_at(table.currentIndex().row()) != entry, "the day row is skipped"
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert diary.model.entry_at(table.currentIndex().row()) == entry
    qtbot.keyClick(table, Qt.Key.Key_Return)

    assert diary.controller.editing == entry
    assert form.pain.value() == 3
    assert form.note.toPlainText() == "before"
    assert form.more_panel.isVisible(), "details in use are shown"
    assert form.cancel_button.isVisible()
    assert QApplication.focusWidget() is form.pain
    qtbot.keyClick(form.pain, "7")
    qtbot.keyClick(form.pain, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    saved = repo.get(entry.id)
    assert saved is not None
    assert len(repo.list()) == 2
    assert saved.pain == 7
    assert saved.stress == 4
    assert saved.note == "before"
    assert saved.at == entry.at, "the time of an edited entry stays unless changed"
    assert diary.controller.editing is None
    assert window.statusBar().currentMessage() == "Changes saved"
    assert form.pain.value() is None, "back to a new entry"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repo.get(entry.id).pain == 3  # type: ignore[union-attr]


def test_double_click_edits_and_escape_cancels(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
) -> None:
    entry = make_entry(pain=1, stress=1)
    seed(repo, diary, entry)
    table = diary.view.list.table
    rect = table.visualRect(diary.model.index(1, Column.PAIN))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert diary.controller.editing == entry
    form = diary.view.form
    asked: list[bool] = []
    monkeypatch.setattr(
        dialogs, "ask_discard_unsaved", lambda parent, detail=None: asked.append(True) or True
    )
    qtbot.keyClick(form.pain, Qt.Key.Key_Escape)
    assert asked == [], "nothing typed: Esc goes back at once"
    assert diary.controller.editing is None

    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(form.pain, "9")
    qtbot.keyClick(form.pain, Qt.Key.Key_Escape)
    assert asked == [True], "a typed change is dropped only after asking"
    assert diary.controller.editing is None
    assert form.pain.value() is None
    assert repo.list() == [entry], "cancel leaves the stored entry as it was"


def test_double_click_on_a_day_row_does_nothing(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    seed(repo, diary, make_entry())
    table = diary.view.list.table
    rect = table.visualRect(diary.model.index(0, 0))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert diary.controller.editing is None


# -- delete and undo ---------------------------------------------------------------------------


def test_delete_key_then_ctrl_z_restores_the_entry(
    qtbot: QtBot,
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
) -> None:
    keep = make_entry(days_ago=1)
    gone = make_entry(pain=8, stress=2, note="to be deleted", medication=())
    seed(repo, diary, keep, gone)
    lst = diary.view.list
    lst.select_row(diary.model.row_of(gone.id))
    lst.table.setFocus()
    qtbot.keyClick(lst.table, Qt.Key.Key_Delete)

    assert repo.list() == [keep]
    assert window.statusBar().currentMessage() == "Entry deleted"
    assert window.undo_button.isVisible()
    assert window.undo_action.isEnabled()
    assert "delete entry" in window.undo_action.text()
    assert diary.model.row_of(gone.id) == -1
    assert lst.selected_row() == diary.model.row_of(keep.id), "selection moves on"

    qtbot.keyClick(lst.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repo.get(gone.id) == gone, "the same entry, id and all, is back"
    assert diary.model.row_of(gone.id) >= 0
    assert lst.selected_row() == diary.model.row_of(gone.id)
    assert not window.undo_button.isVisible()

    qtbot.keyClick(
        lst.table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert repo.get(gone.id) is None, "redo deletes it again"


def test_delete_button_and_status_bar_undo_button(
    qtbot: QtBot,
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
) -> None:
    entry = make_entry()
    seed(repo, diary, entry)
    lst = diary.view.list
    assert not lst.delete_button.isEnabled()
    lst.select_row(1)
    assert lst.delete_button.isEnabled()
    qtbot.mouseClick(lst.delete_button, Qt.MouseButton.LeftButton)
    assert repo.list() == []
    assert "No entries yet" in lst.empty_label.text()
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert repo.list() == [entry]


def test_context_menu_offers_change_and_delete(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    entry = make_entry()
    seed(repo, diary, entry)
    table = diary.view.list.table
    diary.view.list.select_row(1)
    assert table.delete_action.isEnabled()
    table.delete_action.trigger()
    assert repo.list() == []
    assert table.indexAt(QPoint(-5, -5)).isValid() is False


def test_undo_of_add(
    qtbot: QtBot, window: MainWindow, diary: DiaryPage, repo: EntryRepository
) -> None:
    form = diary.view.form
    form.pain.setValue(2)
    form.stress.setValue(3)
    form.save_button.click()
    (entry,) = repo.list()
    window.undo_action.trigger()
    assert repo.list() == []
    window.redo_action.trigger()
    assert repo.list() == [entry]


def test_deleting_the_entry_being_edited_leaves_edit_mode(
    diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    entry = make_entry()
    seed(repo, diary, entry)
    diary.controller.edit_row(1)
    diary.controller.delete_row(1)
    assert diary.controller.editing is None
    assert not diary.view.form.cancel_button.isVisible()


# -- filters ----------------------------------------------------------------------------------


def test_filter_by_date_range_and_tag(
    qtbot: QtBot, diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    feb20 = make_entry(days_ago=10, tags=("work",))
    feb28 = make_entry(days_ago=2, tags=("work", "sitting"))
    mar01 = make_entry(days_ago=1, tags=("walking",))
    mar02 = make_entry(days_ago=0)
    seed(repo, diary, feb20, feb28, mar01, mar02)
    lst = diary.view.list
    model = diary.model
    assert model.entries() == [mar02, mar01, feb28, feb20]
    assert lst.from_date.date() == QDate(2026, 2, 20), "unfiltered: the range spans the data"
    assert lst.to_date.date() == QDate(2026, 3, 2)

    lst.from_date.setDate(QDate(2026, 2, 28))
    assert model.entries() == [mar02, mar01, feb28]
    lst.to_date.setDate(QDate(2026, 3, 1))
    assert model.entries() == [mar01, feb28]

    tags = [lst.tag_filter.itemText(i) for i in range(lst.tag_filter.count())]
    assert tags == ["All tags", "sitting", "walking", "work"]
    lst.tag_filter.setCurrentIndex(lst.tag_filter.findData("work"))
    assert model.entries() == [feb28]
    assert lst.count_label.text() == "1 entry"

    lst.from_date.setDate(QDate(2026, 3, 1))
    assert model.entries() == []
    assert lst.table.isHidden()
    assert "No entries match" in lst.empty_label.text()

    qtbot.mouseClick(lst.show_all_button, Qt.MouseButton.LeftButton)
    assert model.entries() == [mar02, mar01, feb28, feb20]
    assert lst.tag_filter.currentIndex() == 0
    assert lst.count_label.text() == "4 entries"


def test_date_range_typed_backwards_still_works(
    diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    a = make_entry(days_ago=3)
    b = make_entry(days_ago=1)
    seed(repo, diary, a, b)
    diary.controller.set_date_range(date(2026, 3, 1), date(2026, 2, 27))
    assert diary.model.entries() == [b, a]


def test_new_tag_appears_in_filter_and_completer_after_save(
    diary: DiaryPage, repo: EntryRepository
) -> None:
    form = diary.view.form
    form.pain.setValue(1)
    form.stress.setValue(1)
    form.tags.setText("Gardening")
    form.save_button.click()
    assert diary.view.list.tag_filter.findData("gardening") > 0
    # The person's own tags come first; the signs worth a doctor's look follow.
    assert form.tag_completer.model().stringList()[0] == "gardening"


def test_labels_column_fits_the_longest_label_unless_dragged(
    diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    # Wide enough for five columns (a narrow list shows each row on two lines instead).
    diary.view.window().resize(1400, 900)
    table = diary.view.list.table
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    narrow = metrics.horizontalAdvance("x" * TAGS_COLUMN_CHARS[0])  # where it starts
    long_label = "druk op het werk"
    seed(repo, diary, make_entry(tags=("werk",)), make_entry(days_ago=1, tags=(long_label,)))
    QApplication.processEvents()  # the table shows (it was hidden while empty) and is laid out
    assert not diary.model.compact
    assert header.sectionSize(Column.TAGS) > metrics.horizontalAdvance(long_label)
    assert header.sectionSize(Column.TAGS) > narrow

    seed(repo, diary, make_entry(days_ago=2, tags=("x" * 40,)))
    widest = header.sectionSize(Column.TAGS)
    # Up to 20 characters, or a third of the table when it is wide (issue 17).
    cap = max(metrics.horizontalAdvance("x" * 20), table.viewport().width() // 3)
    assert widest == cap, "a very long label is cut, not all"

    header.resizeSection(Column.TAGS, narrow + 5)  # the person drags the edge
    seed(repo, diary, make_entry(days_ago=3, tags=("something else",)))
    assert header.sectionSize(Column.TAGS) == narrow + 5


def test_opening_an_entry_asks_before_replacing_unsaved_answers(
    monkeypatch: pytest.MonkeyPatch,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
) -> None:
    entry = make_entry(pain=1, stress=1)
    seed(repo, diary, entry)
    form = diary.view.form
    form.pain.setValue(8)
    form.note.setPlainText("half written")
    asked: list[bool] = []
    monkeypatch.setattr(
        dialogs, "ask_discard_unsaved", lambda parent, detail=None: asked.append(True) or False
    )
    diary.controller.edit_row(1)
    assert asked == [True]
    assert diary.controller.editing is None
    assert form.pain.value() == 8
    assert form.note.toPlainText() == "half written"

    monkeypatch.setattr(dialogs, "ask_discard_unsaved", lambda parent, detail=None: True)
    diary.controller.edit_row(1)
    assert diary.controller.editing == entry
    assert form.pain.value() == 1


def test_opening_an_entry_from_an_empty_form_does_not_ask(
    monkeypatch: pytest.MonkeyPatch,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
) -> None:
    first, second = make_entry(hour=8), make_entry(hour=10)
    seed(repo, diary, first, second)

    def fail(parent: object, detail: str | None = None) -> bool:
        raise AssertionError("nothing typed, nothing to ask")

    monkeypatch.setattr(dialogs, "ask_discard_unsaved", fail)
    diary.controller.edit(first)
    diary.controller.edit(second)  # the loaded entry, unchanged, is not "unsaved"
    assert diary.controller.editing == second


def test_exercise_sessions_show_among_the_days_entries(
    qtbot: QtBot,
    diary: DiaryPage,
    repo: EntryRepository,
    services: Any,
    make_entry: MakeEntry,
    clock: Any,
) -> None:
    from dataclasses import replace
    from datetime import timedelta

    from rugdiary.core.sessions import StopReason

    repo.add(make_entry(hour=9, pain=5, stress=3))
    repo.add(make_entry(hour=20, pain=3, stress=2))
    today = clock.now()
    desk_break = {"program_id": "desk-break", "minutes": 4}
    services.sessions.add(
        evening_session(today.date(), "Desk break", **desk_break, pain_before=4, pain_after=3)
    )
    earlier = evening_session(today.date() - timedelta(days=3), "Desk break", **desk_break)
    services.sessions.add(
        replace(
            earlier,
            ended_at=earlier.started_at + timedelta(minutes=1),
            done_s=60,
            steps_done=2,
            completed=False,
            stopped_reason=StopReason.TIME,
        )
    )
    diary.controller.reload()
    model = diary.model
    # Today: day row, 20:00 entry, 18:00 session, 09:00 entry; then a day with only a session.
    assert model.day_rows() == [0, 4]
    assert model.session_at(2) is not None
    assert model.entry_at(2) is None
    assert model.data(model.index(2, Column.NOTE)) == "Exercise · 4 min, finished"
    assert model.data(model.index(2, Column.PAIN)) == "4 → 3"
    assert model.data(model.index(2, Column.TAGS)) == "Desk break"
    assert model.data(model.index(5, Column.NOTE)) == "Exercise · 1 min, stopped early"
    assert "pain 4.0, stress 2.5" in model.data(model.index(0, Column.TIME))
    assert "pain" not in model.data(model.index(4, Column.TIME)), "no averages without entries"
    diary.controller.edit_row(2)
    assert diary.controller._editing is None, "a session row is not a diary entry to edit"


def test_day_headings_of_this_year_leave_the_year_out_but_screen_readers_hear_it(
    make_entry: MakeEntry,
) -> None:
    model = EntryListModel()
    entry = make_entry(pain=4, stress=3)
    model.set_entries([entry], this_year=entry.day.year)
    assert row_cell(model, 0, Column.TIME) == "Mon, Mar 2 · pain 4, stress 3"
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Monday, March 2, 2026")

    model.set_entries([entry], this_year=entry.day.year + 1)
    assert row_cell(model, 0, Column.TIME).startswith("Mon, Mar 2, 2026 ·")


def test_sessions_name_programs_in_the_diary_language_or_as_recorded(
    qtbot: QtBot, services: Any, clock: Any
) -> None:
    """A session recorded in English reads in Dutch in a Dutch diary (as on the Session page)."""
    from dataclasses import replace
    from datetime import timedelta

    from PySide6.QtCore import QLocale

    from rugdiary.ui.services import builtin_content

    recorded = evening_session(clock.now().date(), "Desk break", program_id="desk-break", minutes=4)
    started = recorded.started_at
    services.sessions.add(recorded)
    services.sessions.add(
        replace(
            recorded,
            id="gone",
            program_id="deleted-own",
            program_name="My old one",
            started_at=started - timedelta(days=1),
            ended_at=started - timedelta(days=1) + timedelta(minutes=4),
        )
    )
    dutch = builtin_content().program("desk-break")
    assert dutch is not None
    expected = dutch.name.get("nl")
    assert expected != "Desk break"
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show_page("diary")
    model = window.diary.model
    rows = [row for row in range(model.rowCount()) if model.session_at(row) is not None]
    names = [model.index(row, Column.TAGS).data() for row in rows]
    spoken = [
        model.index(row, Column.TAGS).data(Qt.ItemDataRole.AccessibleTextRole) for row in rows
    ]
    assert names == [expected, "My old one"], "named as now; a deleted program as recorded"
    assert spoken == names, "screen readers hear the same name"
    stored = [s.program_name for s in services.sessions.list()]
    assert stored == ["Desk break", "My old one"], "the record itself is unchanged"


def test_a_session_played_to_the_end_with_much_skipped_reads_partly_done(
    diary: DiaryPage, clock: FakeClock
) -> None:
    """Not stopped, so not "stopped early" (core/player.py COMPLETED_MAX_SKIPPED)."""
    from dataclasses import replace

    session = replace(
        evening_session(clock.now().date(), "Desk break", program_id="desk-break", minutes=4),
        completed=False,
        stopped_reason=None,
    )
    model = diary.model
    assert model.session_text(session, Column.NOTE) == "Exercise · 4 min, partly done"
    assert model._session_lines(session)[1].endswith("4 min, partly done")
