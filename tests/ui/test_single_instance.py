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

from rugdiary.ui import single_instance
from rugdiary.ui.single_instance import (
    RAISE,
    NotAnsweringError,
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


HUNG_INSTANCE = """
import sys
from PySide6.QtCore import QCoreApplication
from rugdiary.ui.single_instance import SingleInstance

app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
if not instance.listen(print):
    sys.exit(1)
print("ready", flush=True)
sys.stdin.readline()  # busy elsewhere, no event loop: as a hung (or stopped) RugDiary
"""

CLOSING_INSTANCE = """
import sys
from PySide6.QtCore import QCoreApplication
from rugdiary.ui.single_instance import SingleInstance

app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
if not instance.listen(lambda message: message == "quit" and app.quit()):
    sys.exit(1)
print("ready", flush=True)
app.exec()
print("closing", flush=True)
sys.stdin.readline()  # the window is gone, the last saves are still being made
"""

RACING_LAUNCH = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from rugdiary.ui import single_instance
from rugdiary.ui.single_instance import SingleInstance

app = QCoreApplication([])
single_instance.START_LOCK_WAIT_MS = 300  # the test's patience, not a launch's
if sys.argv[2] == "pause after the probe":
    probe = SingleInstance._someone_listens

    def paused_probe(self):
        found = probe(self)
        print("probed", flush=True)
        sys.stdin.readline()  # the test says when this launch goes on to listen
        return found

    SingleInstance._someone_listens = paused_probe
instance = SingleInstance(sys.argv[1])
listening = instance.listen(lambda message: message == "quit" and app.quit())
print("listening" if listening else "not listening", flush=True)
if listening:
    QTimer.singleShot(30000, app.quit)  # never outlive a broken test run
    app.exec()
"""


class Process:
    """A helper Python process whose output lines can be awaited with a time limit."""

    def __init__(self, script: Path, *args: str) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        env["QT_QPA_PLATFORM"] = "offscreen"
        self.popen = subprocess.Popen(
            [sys.executable, str(script), *args],
            stdin=subprocess.PIPE,
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

    def send(self, line: str) -> None:
        assert self.popen.stdin is not None
        self.popen.stdin.write(line + "\n")
        self.popen.stdin.flush()

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.kill()
        self.popen.wait(timeout=10)
        for stream in (self.popen.stdin, self.popen.stdout, self.popen.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def scripts(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "first_instance.py"
    first.write_text(FIRST_INSTANCE, "utf-8")
    second = tmp_path / "second_launch.py"
    second.write_text(SECOND_LAUNCH, "utf-8")
    return first, second


def script(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def quick_reply(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hung instance is known sooner: the tests need not wait a launch's full patience."""
    monkeypatch.setattr(single_instance, "REPLY_TIMEOUT_MS", 500)


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


# -- a running instance that does not answer (review item 2) ------------------------------------


@pytest.mark.usefixtures("quick_reply")
def test_a_hung_instance_is_not_taken_for_a_hand_over(tmp_path: Path, key: str) -> None:
    """It was: no "ok" came, the launch counted it as handed over and exited without a word."""
    hung = Process(script(tmp_path, "hung", HUNG_INSTANCE), key)
    try:
        assert hung.next_line() == "ready"
        with pytest.raises(NotAnsweringError):
            SingleInstance(key).try_hand_over(RAISE)
        # Nor is its name taken: a second window would open on the same diary.
        late = SingleInstance(key)
        assert late.listen(lambda _message: None) is False
        with pytest.raises(NotAnsweringError):
            late.try_hand_over(RAISE)
    finally:
        hung.stop()


@pytest.mark.usefixtures("quick_reply")
def test_an_instance_that_is_closing_lets_the_next_launch_start(tmp_path: Path, key: str) -> None:
    """Its event loop has ended, its last saves go on: a launch then starts a new window
    rather than handing over to a window that is gone (or waiting for an "ok" in vain)."""
    closing = Process(script(tmp_path, "closing", CLOSING_INSTANCE), key)
    fresh = SingleInstance(key)
    try:
        assert closing.next_line() == "ready"
        # Acknowledged although the message ends the app: the "ok" goes out first.
        assert SingleInstance(key).try_hand_over("quit") is True
        assert closing.next_line() == "closing"
        assert closing.popen.poll() is None, "still closing"
        assert SingleInstance(key).try_hand_over(RAISE) is False
        assert fresh.listen(lambda _message: None) is True
    finally:
        fresh.close()
        closing.stop()


# -- two launches at the same moment (review item 11) -------------------------------------------


def test_two_launches_at_the_same_moment_make_one_listener(tmp_path: Path, key: str) -> None:
    """The first launch has probed (nobody there) and not yet listened when the second one
    probes: both found nobody, both listened, and each opened a window on the same diary."""
    racing = script(tmp_path, "racing", RACING_LAUNCH)
    first = Process(racing, key, "pause after the probe")
    second: Process | None = None
    try:
        assert first.next_line() == "probed"
        second = Process(racing, key, "straight on")
        # It waits for the first one's probe and listen, gives up after its 300 ms and hands
        # over (in the app); without the lock it probed, found nobody and listened as well.
        assert second.next_line() == "not listening"
        first.send("go on")
        assert first.next_line() == "listening"
        assert SingleInstance(key).try_hand_over("quit") is True
        assert first.popen.wait(timeout=10) == 0
    finally:
        first.stop()
        if second is not None:
            second.stop()


def test_a_launch_killed_while_taking_the_name_does_not_block_the_next(
    tmp_path: Path, key: str
) -> None:
    """Killed (kill -9) between probe and listen: its start lock stays behind, and is seen
    to be stale by its dead process, as a crashed instance's socket is."""
    killed = Process(script(tmp_path, "racing", RACING_LAUNCH), key, "pause after the probe")
    try:
        assert killed.next_line() == "probed"
    finally:
        killed.stop()  # SIGKILL while it holds the start lock
    fresh = SingleInstance(key)
    try:
        assert fresh.listen(lambda _message: None) is True
    finally:
        fresh.close()
    assert not Path(QDir.tempPath(), f"{key}.lock").exists(), "the lock file is removed"
