"""GUI side of issue 15: asking before a saved file replaces another, and a lost diary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import new_entry
from rugdiary.storage.database import Database
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui import app as ui_app
from rugdiary.ui import dialogs
from rugdiary.ui.dialogs import DataFileChoice, DataFileProblem
from tests.ui.test_reasons import dutch  # noqa: F401  (a fixture)


def _typed(monkeypatch: pytest.MonkeyPatch, path: Path, selected: str = "") -> None:
    """The save dialog returns `path`, as if the user typed it there."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), selected))
    )


@pytest.mark.parametrize("answer", [True, False])
def test_report_name_given_a_suffix_asks_before_replacing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, answer: bool
) -> None:
    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"an older report")
    asked: list[Path] = []
    monkeypatch.setattr(dialogs, "ask_replace_file", lambda _p, path: asked.append(path) or answer)
    _typed(monkeypatch, tmp_path / "report")
    chosen = dialogs.choose_report_file(None, tmp_path / "suggested.pdf")
    assert asked == [existing]
    assert chosen == (existing if answer else None)
    _typed(monkeypatch, tmp_path / "new")
    assert dialogs.choose_report_file(None, tmp_path / "suggested.pdf") == tmp_path / "new.pdf"
    assert asked == [existing], "a new name needs no question"


def test_chart_name_given_a_suffix_asks_before_replacing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    existing = tmp_path / "chart.svg"
    existing.write_text("<svg/>")
    asked: list[Path] = []
    monkeypatch.setattr(dialogs, "ask_replace_file", lambda _p, path: asked.append(path) or False)
    _typed(monkeypatch, tmp_path / "chart", "SVG drawing (*.svg)")
    assert dialogs.choose_chart_file(None, tmp_path / "c.png") is None
    assert asked == [existing]


@pytest.mark.parametrize(
    ("key", "expected"), [(Qt.Key.Key_Escape, False), (Qt.Key.Key_Return, False)]
)
def test_replace_question_keeps_the_file_on_escape_and_enter(
    qtbot: QtBot, tmp_path: Path, key: Qt.Key, expected: bool
) -> None:
    seen: list[str] = []

    def interact() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend(sorted(b.text() for b in box.buttons()))
        QTest.keyClick(box, key)

    QTimer.singleShot(0, interact)
    assert dialogs.ask_replace_file(None, tmp_path / "report.pdf") is expected
    assert seen == ["Cancel", "Replace"]


def test_a_lost_diary_with_backups_is_explained_and_restored(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    with Database.open(data_dir, clock=clock) as db:
        entry = EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=2, stress=5))
        db.backup_now()
    (data_dir / "diary.json").unlink()
    asked: list[DataFileProblem] = []

    def restore(
        _parent: object, problem: DataFileProblem, path: Path, reason: str
    ) -> DataFileChoice:
        asked.append(problem)
        assert path == data_dir / "diary.json"
        assert "backup" in reason
        return DataFileChoice.RESTORE

    monkeypatch.setattr(dialogs, "ask_data_file_problem", restore)
    db = ui_app.open_database(data_dir, clock=clock)
    assert db is not None
    try:
        assert [e.id for e in EntryRepository(db).list()] == [entry.id]
    finally:
        db.close()
    assert asked == [DataFileProblem.MISSING]


def test_a_lost_diary_is_not_replaced_when_the_user_quits(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    with Database.open(data_dir, clock=clock) as db:
        db.backup_now()
    (data_dir / "diary.json").unlink()
    monkeypatch.setattr(dialogs, "ask_data_file_problem", lambda *_a: DataFileChoice.QUIT)
    assert ui_app.open_database(data_dir, clock=clock) is None
    assert not (data_dir / "diary.json").exists()


def test_lost_diary_text_names_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    title, text = dialogs.data_file_texts(DataFileProblem.MISSING, tmp_path / "diary.json", "gone")
    assert title == "Your diary file is missing"
    assert str(tmp_path / "diary.json") in text
    assert "backup" in text


def test_a_failed_backup_after_a_save_is_told_in_the_status_bar(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    import errno

    from rugdiary.storage import database as database_module

    notices: list[str] = []

    class Window:
        def show_notice(self, text: str, offer_undo: bool = False) -> None:
            notices.append(text)

    with Database.open(data_dir, clock=clock) as db:
        ui_app.report_backup_problems(db, Window())  # type: ignore[arg-type]
        clock.advance(86400)

        def no_space(*_args: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(database_module, "_write_backup", no_space)
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=1, stress=1))
        assert len(EntryRepository(db).list()) == 1
    assert notices == ["Saved, but the daily backup could not be made: the disk is full"]


@pytest.mark.usefixtures("dutch")
def test_a_failed_backup_after_a_save_is_told_in_dutch(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    """The reason is the storage layer's English one; the status bar says it in Dutch."""
    import errno

    from rugdiary.storage import database as database_module

    notices: list[str] = []

    class Window:
        def show_notice(self, text: str, offer_undo: bool = False) -> None:
            notices.append(text)

    with Database.open(data_dir, clock=clock) as db:
        ui_app.report_backup_problems(db, Window())  # type: ignore[arg-type]
        clock.advance(86400)

        def no_space(*_args: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(database_module, "_write_backup", no_space)
        EntryRepository(db, clock).add(new_entry(now=clock.now(), pain=1, stress=1))
    (notice,) = notices
    assert notice.endswith(": de schijf is vol")
