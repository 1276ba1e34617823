"""A launch while RugDiary runs but does not answer: said plainly, a non-zero exit, no window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from rugdiary.ui import app as ui_app
from rugdiary.ui import dialogs, single_instance
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.single_instance import say_not_answering, server_name
from tests.ui.test_single_instance import HUNG_INSTANCE, Process


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The message boxes shown, as if on a desktop (the tests run offscreen)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _parent, title, text: shown.append((title, text))
    )
    monkeypatch.setattr(dialogs, "can_show_windows", lambda: True)
    return shown


@pytest.fixture
def hung_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A RugDiary on a data folder that listens but answers nothing (hung, or stopped)."""
    monkeypatch.setattr(single_instance, "REPLY_TIMEOUT_MS", 500)  # not a launch's patience
    data = tmp_path / "data"
    hung_script = tmp_path / "hung.py"
    hung_script.write_text(HUNG_INSTANCE, "utf-8")
    hung = Process(hung_script, server_name(data))
    try:
        assert hung.next_line() == "ready"
        yield data
    finally:
        hung.stop()
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(server_name(data))


def test_a_launch_while_the_running_copy_hangs_says_so_and_exits_non_zero(
    hung_copy: Path,
    shown_errors: list[tuple[str, str]],
    capsys: pytest.CaptureFixture[str],
    restore_app_look: QApplication,
) -> None:
    """It was: exit code 0 after ~2 s, no window, no word: RugDiary seemed not to start."""
    windows_before = _main_windows()
    assert ui_app.start_gui(hung_copy, theme="light", lang="en") == ui_app.EXIT_DATA_FILE
    [(title, text)] = shown_errors
    assert title == "RugDiary is open but not answering"
    assert "already open with this diary" in text
    assert "Wait a moment, then start RugDiary again" in text
    assert "close the open RugDiary" in text
    assert str(hung_copy) in text
    err = capsys.readouterr().err
    assert f"rugdiary: RugDiary is already open on the data folder {hung_copy} " in err
    assert "does not answer; wait a moment and try again" in err
    # No second window on the same diary, and the diary was not even opened.
    assert _main_windows() == windows_before
    assert not hung_copy.exists()


def test_without_a_display_it_is_said_on_stderr_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Offscreen nobody sees a message box, and it would wait for ever for a click."""
    monkeypatch.setattr(dialogs, "show_error", lambda *_args: pytest.fail("a box nobody sees"))
    assert not dialogs.can_show_windows()  # the tests run offscreen
    say_not_answering(tmp_path / "data")
    assert "does not answer" in capsys.readouterr().err


def _main_windows() -> int:
    return sum(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets())
