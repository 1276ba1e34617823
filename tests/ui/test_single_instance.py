"""A second launch hands over to the running RugDiary and exits; two processes, as in real life."""

from __future__ import annotations

import hashlib
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rugdiary.ui.single_instance import (
    RAISE,
    SingleInstance,
    bring_to_front,
    server_name,
)

ROOT = Path(__file__).resolve().parents[2]

FIRST_INSTANCE = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from rugdiary.ui.single_instance import SingleInstance

app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])

def received(message):
    print(message, flush=True)
    if message == "quit":
        app.quit()

if not instance.listen(received):
    print("not listening", flush=True)
    sys.exit(1)
print("ready", flush=True)
QTimer.singleShot(30000, app.quit)  # never outlive a broken test run
sys.exit(app.exec())
"""

SECOND_LAUNCH = """
import sys
from PySide6.QtCore import QCoreApplication
from rugdiary.ui.single_instance import SingleInstance

app = QCoreApplication([])
handed_over = SingleInstance(sys.argv[1]).try_hand_over(sys.argv[2])
print("handed over" if handed_over else "nobody there", flush=True)
sys.exit(0 if handed_over else 1)
"""


class Process:
    """A helper Python process whose output lines can be awaited with a time limit."""

    def __init__(self, script: Path, *args: str) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        env["QT_QPA_PLATFORM"] = "offscreen"
        self.popen = subprocess.Popen(
            [sys.executable, str(script), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            self.lines.put(line.rstrip("\n"))

    def next_line(self, timeout: float = 15.0) -> str:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            stderr = self.popen.stderr.read() if self.popen.poll() is not None else ""
            raise AssertionError(f"no output within {timeout} s; stderr: {stderr}") from None

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.kill()
        self.popen.wait(timeout=10)
        for stream in (self.popen.stdout, self.popen.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def scripts(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "first_instance.py"
    first.write_text(FIRST_INSTANCE, "utf-8")
    second = tmp_path / "second_launch.py"
    second.write_text(SECOND_LAUNCH, "utf-8")
    return first, second


@pytest.fixture
def key(tmp_path: Path) -> Iterator[str]:
    name = server_name(tmp_path / "data")
    yield name
    # Whatever a test left (a killed process's socket), the next run starts clean.
    from PySide6.QtNetwork import QLocalServer

    QLocalServer.removeServer(name)


@pytest.fixture
def first_instance(scripts: tuple[Path, Path], key: str) -> Iterator[Process]:
    process = Process(scripts[0], key)
    try:
        assert process.next_line() == "ready"
        yield process
    finally:
        process.stop()


def test_second_launch_hands_over_raise_to_the_running_instance(
    first_instance: Process, key: str
) -> None:
    second = SingleInstance(key)
    assert second.try_hand_over(RAISE) is True
    assert first_instance.next_line() == "raise"
    # Commands travel the same way, and the first instance keeps listening.
    assert SingleInstance(key).try_hand_over("log") is True
    assert first_instance.next_line() == "log"
    assert SingleInstance(key).try_hand_over("quit") is True
    assert first_instance.next_line() == "quit"
    assert first_instance.popen.wait(timeout=10) == 0


def test_nobody_listening_means_start_normally(key: str) -> None:
    assert SingleInstance(key).try_hand_over(RAISE) is False


def test_running_app_receives_a_second_launch(
    qtbot: QtBot, scripts: tuple[Path, Path], key: str
) -> None:
    received: list[str] = []
    first = SingleInstance(key)
    assert first.listen(received.append)
    assert first.is_listening()
    try:
        for launch in range(1, 4):
            second = Process(scripts[1], key, RAISE)
            try:
                qtbot.waitUntil(lambda n=launch: received == [RAISE] * n, timeout=15000)
                assert second.next_line() == "handed over"
                assert second.popen.wait(timeout=10) == 0
            finally:
                second.stop()
    finally:
        first.close()
    assert not first.is_listening()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes vanish with their process")
def test_stale_name_left_by_a_crash_is_cleaned_up(
    qtbot: QtBot, scripts: tuple[Path, Path], key: str
) -> None:
    crashed = Process(scripts[0], key)
    try:
        assert crashed.next_line() == "ready"
    finally:
        crashed.stop()  # SIGKILL: no chance to remove its socket
    assert Path(QDir.tempPath(), key).exists(), "a killed server leaves its socket file"

    assert SingleInstance(key).try_hand_over(RAISE) is False
    received: list[str] = []
    fresh = SingleInstance(key)
    try:
        assert fresh.listen(received.append), "the stale name must be removed and reused"
        second = Process(scripts[1], key, "raise")
        try:
            qtbot.waitUntil(lambda: received == ["raise"], timeout=15000)
        finally:
            second.stop()
    finally:
        fresh.close()


def test_a_live_instance_keeps_its_name(first_instance: Process, key: str) -> None:
    late = SingleInstance(key)
    assert late.listen(lambda _message: None) is False
    assert not late.is_listening()
    assert SingleInstance(key).try_hand_over("quit") is True


def test_different_data_folders_do_not_collide(tmp_path: Path) -> None:
    one = SingleInstance.for_data_dir(tmp_path / "one")
    two = SingleInstance.for_data_dir(tmp_path / "two")
    try:
        assert one.key != two.key
        assert one.listen(lambda _message: None)
        assert SingleInstance(two.key).try_hand_over(RAISE) is False
        assert two.listen(lambda _message: None)
    finally:
        one.close()
        two.close()


def test_server_name_is_per_user_and_per_resolved_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    assert server_name(folder, "ann") != server_name(folder, "bob")
    monkeypatch.chdir(tmp_path)
    assert server_name(Path("data"), "ann") == server_name(folder, "ann")
    assert server_name(tmp_path / "x" / ".." / "data", "ann") == server_name(folder, "ann")
    name = server_name(folder)
    assert name.startswith("rugdiary-")
    assert len(name) < 40
    assert all(c.isalnum() or c == "-" for c in name)


def test_messages_must_be_short_and_not_empty(key: str) -> None:
    instance = SingleInstance(key)
    with pytest.raises(ValueError, match="empty"):
        instance.try_hand_over("   ")
    with pytest.raises(ValueError, match="longer"):
        instance.try_hand_over("x" * 2000)


def test_bring_to_front_shows_a_minimised_or_hidden_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible()
    assert not window.isMinimized()
    window.hide()  # as when kept in the tray
    bring_to_front(window)
    assert window.isVisible()


def test_server_name_is_the_same_as_earlier_versions_made(tmp_path: Path) -> None:
    """Made with Qt's SHA-256 now (no OpenSSL at start-up): a running older launch is found."""
    folder = (tmp_path / "dätä").resolve()
    expected = hashlib.sha256(f"jöhn\0{os.path.normcase(str(folder))}".encode()).hexdigest()
    assert server_name(folder, "jöhn") == f"rugdiary-{expected[:24]}"
