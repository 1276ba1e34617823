"""A save that cannot be written keeps everything typed and says why."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rugdiary.core.diary import DiaryEntry
from rugdiary.storage.errors import DataLockedError, StorageWriteError
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui import dialogs
from rugdiary.ui.diary.page import DiaryPage
from rugdiary.ui.main_window import MainWindow

MakeEntry = Callable[..., DiaryEntry]


@pytest.fixture(autouse=True)
def _window_closes_without_asking() -> Iterator[None]:
    """Tests here leave answers typed; the window closed after each must not wait on the
    "not saved yet" question (tests/ui/test_diary_fixes.py tests that question)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dialogs, "ask_discard_unsaved", lambda parent, detail=None: True)
        yield


def fill_form(qtbot: QtBot, diary: DiaryPage) -> None:
    form = diary.view.form
    form.pain.setValue(6)
    form.stress.setValue(5)
    form.show_more()
    qtbot.keyClicks(form.tags, "work")
    qtbot.keyClicks(form.note, "A long day at the desk.")


def assert_form_kept(diary: DiaryPage) -> None:
    form = diary.view.form
    assert form.pain.value() == 6
    assert form.stress.value() == 5
    assert form.tags.text() == "work"
    assert form.note.toPlainText() == "A long day at the desk."


@pytest.mark.parametrize(
    ("error", "reason_shown"),
    [
        (StorageWriteError(Path("/data/diary.json"), "the disk is full"), "the disk is full"),
        (
            DataLockedError(Path("/data"), "another RugDiary is using this data folder"),
            "another RugDiary is using this data folder",
        ),
    ],
)
def test_failed_save_keeps_the_form_and_says_why(
    qtbot: QtBot,
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
    reason_shown: str,
) -> None:
    def refuse(entry: DiaryEntry) -> DiaryEntry:
        raise error

    monkeypatch.setattr(repo, "add", refuse)
    fill_form(qtbot, diary)
    form = diary.view.form
    qtbot.keyClick(form.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert repo.list() == []
    assert_form_kept(diary)
    assert form.message.isVisible()
    assert reason_shown in form.message.text()
    assert "still here" in form.message.text()
    assert "Traceback" not in form.message.text()
    assert window.statusBar().currentMessage() == "Not saved"
    assert not window.undo_action.isEnabled(), "nothing to undo: nothing happened"

    monkeypatch.undo()  # the disk has room again: the same form saves
    qtbot.keyClick(form.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (entry,) = repo.list()
    assert entry.note == "A long day at the desk."
    assert form.message.isHidden()


def test_failed_edit_stays_in_edit_mode(
    qtbot: QtBot,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = make_entry(pain=2)
    repo.add(entry)
    diary.controller.reload()
    diary.controller.edit_row(1)

    def refuse(changed: DiaryEntry) -> DiaryEntry:
        raise StorageWriteError(Path("x"), "the data folder is read-only or not writable")

    monkeypatch.setattr(repo, "update", refuse)
    diary.view.form.pain.setValue(9)
    assert not diary.controller.save()
    assert diary.controller.editing == entry
    assert diary.view.form.pain.value() == 9
    assert "read-only" in diary.view.form.message.text()
    assert repo.get(entry.id) == entry


def test_edit_of_an_entry_deleted_elsewhere_keeps_the_text(
    diary: DiaryPage, repo: EntryRepository, make_entry: MakeEntry
) -> None:
    entry = make_entry(note="keep me")
    repo.add(entry)
    diary.controller.reload()
    diary.controller.edit_row(1)
    repo.delete(entry.id)  # e.g. from the command line
    assert not diary.controller.save()
    form = diary.view.form
    assert form.note.toPlainText() == "keep me"
    assert "deleted in the meantime" in form.message.text()
    assert diary.controller.save(), "Save now adds it as a new entry"
    (again,) = repo.list()
    assert again.note == "keep me"
    assert again.id != entry.id


def test_failed_delete_keeps_the_entry_and_says_why(
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = make_entry()
    repo.add(entry)
    diary.controller.reload()

    def refuse(entry_id: str) -> DiaryEntry:
        raise StorageWriteError(Path("x"), "the disk is full")

    monkeypatch.setattr(repo, "delete", refuse)
    diary.controller.delete_row(1)
    assert repo.list() == [entry]
    assert "the disk is full" in window.statusBar().currentMessage()
    assert not window.undo_action.isEnabled()


def test_failed_undo_is_reported_not_raised(
    window: MainWindow,
    diary: DiaryPage,
    repo: EntryRepository,
    make_entry: MakeEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = make_entry()
    repo.add(entry)
    diary.controller.reload()
    diary.controller.delete_row(1)

    def refuse(entry: DiaryEntry) -> None:
        raise StorageWriteError(Path("x"), "the disk is full")

    monkeypatch.setattr(repo, "restore", refuse)
    window.undo_action.trigger()
    assert repo.list() == []
    assert window.statusBar().currentMessage() == "Could not undo delete entry: the disk is full."

    assert window.undo_stack.count() == 0, "the failed step leaves the stack"


@pytest.fixture
def read_only(data_dir: Path) -> Iterator[Callable[[], None]]:
    """Turns the data folder read-only on request, even for root, and back afterwards."""
    undo: list[list[str]] = []

    def make_read_only() -> None:
        if os.geteuid() == 0:
            # Root ignores permission bits; an immutable folder stops even root.
            chattr = shutil.which("chattr")
            if chattr is None or subprocess.run([chattr, "+i", str(data_dir)]).returncode:
                pytest.skip("running as root and this file system has no immutable flag")
            undo.append([chattr, "-i", str(data_dir)])
        else:
            data_dir.chmod(0o500)

    yield make_read_only
    for command in undo:
        subprocess.run(command, check=True)
    data_dir.chmod(0o700)


def test_read_only_data_folder_keeps_the_form(
    qtbot: QtBot,
    diary: DiaryPage,
    repo: EntryRepository,
    read_only: Callable[[], None],
) -> None:
    fill_form(qtbot, diary)
    read_only()
    assert not diary.controller.save()
    assert repo.list() == []
    assert_form_kept(diary)
    assert "read-only" in diary.view.form.message.text()
