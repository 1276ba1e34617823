"""One RugDiary window per person and data folder: a second launch hands over and exits.

QLocalServer and QLocalSocket come from QtNetwork, but they only use a Unix domain
socket (a file under the temp folder) or, on Windows, a named pipe. Neither opens a
network connection or a port: the app keeps its promise never to use the network.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QCryptographicHash,
    QDeadlineTimer,
    QDir,
    QLockFile,
    QObject,
    Qt,
)
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = "raise"
"""The message that asks the running instance to bring its window forward."""

ACK = b"ok\n"
MAX_MESSAGE = 1024
"""Longer lines are dropped: only short commands ("raise", "log") are ever sent."""

CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 5000
"""How long a later launch waits for the "ok". A copy started a moment earlier answers only
once its event loop runs, after the diary is open; on a slow disk that takes seconds, and
a launch that gave up too soon would say "not answering" while the window comes up."""

START_LOCK_WAIT_MS = 3000
"""How long `listen` waits for a launch that is taking the name at this moment.

It holds the lock for one probe and one listen (at most CONNECT_TIMEOUT_MS and a few ms);
one that holds it longer is stopped or hung: `listen` returns False, as when one listens.
"""

START_LOCK_STALE_MS = 10_000
"""A start lock this old is left by a launch that died holding it (Qt also sees a dead pid)."""

HAND_OVER_ATTEMPTS = 3
"""Connections tried when the running instance closes them without an answer: it is quitting,
and the next attempt finds its name gone (start normally) or a new one listening."""


class NotAnsweringError(Exception):
    """A RugDiary listens on the name but did not acknowledge the hand-over: it is hung, or
    still finishing after its window closed. Neither hand over (nothing would come forward)
    nor start a second window on the same diary: say so and let the person try again."""


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        # No user name in the environment or the password database: the home folder
        # still tells people apart.
        return str(Path.home())


def server_name(data_dir: Path | str, user: str | None = None) -> str:
    """The local socket name for `data_dir` and `user`.

    A hash keeps the name short (Unix socket paths are limited to about 100 bytes) and
    free of characters a pipe name cannot hold. Two people, or one person with two data
    folders (e.g. a test folder), get different names and so do not collide.
    """
    folder = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    who = _user_name() if user is None else user
    # Qt's SHA-256, the same digest as hashlib's: hashlib would load OpenSSL at every start.
    data = QByteArray(f"{who}\0{folder}".encode())
    hashed = QCryptographicHash.hash(data, QCryptographicHash.Algorithm.Sha256).toHex()
    digest = bytes(hashed.data()).decode("ascii")[:24]
    return f"rugdiary-{digest}"


def say_not_answering(data_dir: Path) -> None:
    """Tell the person that RugDiary is open on `data_dir` but did not take the hand-over.

    On stderr for a launch from a terminal, and in a message box wherever one can be
    seen: a launch from the desktop has no terminal, and exiting without a word looked
    like a RugDiary that does not start at all.
    """
    from rugdiary.ui import dialogs

    title, text, line = dialogs.not_answering_texts(data_dir)
    print(f"rugdiary: {line}", file=sys.stderr, flush=True)
    if dialogs.can_show_windows():
        dialogs.show_error(None, title, text)


def bring_to_front(window: QWidget) -> None:
    """Show `window` (also when hidden in the tray or minimised) and ask to make it active.

    A maximised window stays maximised. Window managers may still refuse focus
    stealing and only flash the task bar entry; that is their call.
    """
    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    if window.isMinimized():
        window.showNormal()
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """The hand-over between a running RugDiary and one started again.

    Use in `start_gui`, after the QApplication exists and before the diary is opened::

        instance = SingleInstance(server_name(data_dir), parent=app)
        if instance.try_hand_over(RAISE):
            return 0  # the running window came forward
        instance.listen(lambda message: bring_to_front(window))

    `try_hand_over` raises NotAnsweringError when a running instance does not answer
    (hung, or closing): `say_not_answering` tells the person. Messages are single lines
    of UTF-8 text; the receiver answers "ok" on receipt, before it acts on them.
    """

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None
        self._on_message: Callable[[str], None] | None = None
        self._readers: list[_LineReader] = []
        self._quit_watched: QCoreApplication | None = None

    @classmethod
    def for_data_dir(cls, data_dir: Path | str, parent: QObject | None = None) -> SingleInstance:
        return cls(server_name(data_dir), parent)

    # -- the second launch -------------------------------------------------------------------

    def try_hand_over(self, message: str = RAISE) -> bool:
        """Send `message` to a running instance; True means it took it and this one should exit.

        False when nobody listens (including a socket file left by a crash), so this
        process should start normally and `listen`. NotAnsweringError when one listens
        but sends no "ok" within REPLY_TIMEOUT_MS: exiting quietly then left the person
        with no window at all, and starting anyway would open the diary twice.
        """
        line = _encode(message)
        deadline = QDeadlineTimer(REPLY_TIMEOUT_MS)
        for _attempt in range(HAND_OVER_ATTEMPTS):
            answer = self._send(line, deadline)
            if answer is not None:
                return answer
        raise NotAnsweringError(self.key)

    def _send(self, line: bytes, deadline: QDeadlineTimer) -> bool | None:
        """True: acknowledged; False: nobody listens; None: the connection closed unanswered."""
        socket = QLocalSocket()
        try:
            socket.connectToServer(self.key)
            if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
                if _queue_full(socket):
                    raise NotAnsweringError(self.key)
                return False
            socket.write(line)
            socket.flush()
            reply = b""
            # A hung instance's socket still takes a short line (the system buffers it), so
            # only the answer tells a live instance from a hung one.
            while b"\n" not in reply and socket.waitForReadyRead(max(0, deadline.remainingTime())):
                reply += bytes(socket.readAll().data())
            reply += bytes(socket.readAll().data())
            if reply.startswith(ACK):
                return True
            if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                return None
            raise NotAnsweringError(self.key)
        finally:
            # Python owns this socket and frees it; deleteLater as well would free it twice.
            socket.abort()

    # -- the first launch --------------------------------------------------------------------

    def listen(self, on_message: Callable[[str], None]) -> bool:
        """Accept hand-overs from later launches and pass each message to `on_message`.

        Returns False, without listening, when another instance already listens or is
        taking the name at this moment (it started at the same moment: call
        `try_hand_over` again). A name left behind by a crashed instance is taken over.

        The probe comes first because with UserAccessOption Qt builds the socket in a
        private folder and renames it into place, which would silently replace the
        socket of a live instance instead of failing with AddressInUseError. Probe and
        listen hold a lock file next to the socket: without it two launches at the same
        moment (a double-click) both found nobody, the second socket replaced the first,
        and each opened a window on the same diary.
        """
        self._on_message = on_message
        # QLockFile, not a flock: it removes its file again (no litter in the temp folder
        # for every data folder ever used) and sees one left by a killed launch by its pid.
        lock = QLockFile(self._lock_path())
        lock.setStaleLockTime(START_LOCK_STALE_MS)
        locked = lock.tryLock(START_LOCK_WAIT_MS)
        if not locked and lock.error() == QLockFile.LockError.LockFailedError:
            return False  # another launch holds it: it listens now, or is hung
        # Otherwise the temp folder takes no file (read-only, full): listen unguarded.
        try:
            return self._probe_and_listen()
        finally:
            lock.unlock()

    def _lock_path(self) -> str:
        return os.path.join(QDir.tempPath(), f"{self.key}.lock")

    def _probe_and_listen(self) -> bool:
        if self._someone_listens():
            return False
        server = QLocalServer(self)
        # Only this user may connect (file mode 0700 on Unix, a user-only ACL on Windows).
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # Without the rename (other platforms, older Qt) a crash's socket file is in
            # the way; nobody answered the probe, so it is stale.
            if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
                QLocalServer.removeServer(self.key)
            if not server.listen(self.key):
                server.deleteLater()
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        app = QCoreApplication.instance()
        if app is not None:
            # Once the event loop has ended nothing answers a hand-over, yet closing (the
            # pages' last saves, the diary) takes a moment: a launch meanwhile starts anew.
            app.aboutToQuit.connect(self.close)
            self._quit_watched = app
        return True

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        """Stop listening and remove the socket name (also done when the app quits)."""
        if self._quit_watched is not None:
            self._quit_watched.aboutToQuit.disconnect(self.close)
            self._quit_watched = None
        for reader in self._readers:
            reader.release()
        self._readers.clear()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _someone_listens(self) -> bool:
        probe = QLocalSocket()
        try:
            probe.connectToServer(self.key)
            return probe.waitForConnected(CONNECT_TIMEOUT_MS) or _queue_full(probe)
        finally:
            probe.abort()

    def _accept(self) -> None:
        self._forget_closed()
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if socket is None:
                break
            self._readers.append(_LineReader(socket, self._deliver))

    def _forget_closed(self) -> None:
        """Free connections whose client has gone, from the event loop, never mid-teardown."""
        for reader in list(self._readers):
            if reader.finished():
                self._readers.remove(reader)
                reader.release()

    def _deliver(self, line: bytes) -> None:
        if self._on_message is None:
            return
        message = line.decode("utf-8", errors="replace").strip()
        if message:
            self._on_message(message)


class _LineReader(QObject):
    """Collects one connection's bytes into lines and answers each with "ok".

    Not a QObject child of the socket: the SingleInstance frees finished connections
    itself, on the next connection or when it closes, from the event loop.
    """

    def __init__(self, socket: QLocalSocket, deliver: Callable[[bytes], None]) -> None:
        super().__init__()
        self._socket = socket
        self._deliver = deliver
        self._buffer = b""
        socket.readyRead.connect(self.read)
        if socket.bytesAvailable():
            self.read()

    def finished(self) -> bool:
        return self._socket.state() == QLocalSocket.LocalSocketState.UnconnectedState

    def release(self) -> None:
        self._socket.readyRead.disconnect(self.read)
        # Closed now, not by deleteLater: after the event loop has ended, a client waiting
        # for its "ok" must see the connection go (and try again) rather than wait in vain.
        self._socket.abort()
        self._socket.deleteLater()

    def read(self) -> None:
        socket = self._socket
        self._buffer += bytes(socket.readAll().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            # The "ok" first: a message that ends the app ("quit") closes this connection.
            if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                socket.write(ACK)
                socket.flush()
            if len(line) <= MAX_MESSAGE:
                self._deliver(line)
        if len(self._buffer) > MAX_MESSAGE:
            # Not one of our short commands: drop it rather than grow without end.
            self._buffer = b""


def _queue_full(socket: QLocalSocket) -> bool:
    """After a failed wait: still connecting means a live name whose queue of connections is
    full (a hung instance many launches tried), not a free or a stale one (those refuse)."""
    return socket.state() == QLocalSocket.LocalSocketState.ConnectingState


def _encode(message: str) -> bytes:
    text = " ".join(message.split())
    if not text:
        raise ValueError("the hand-over message is empty")
    data = text.encode("utf-8")
    if len(data) > MAX_MESSAGE:
        raise ValueError(f"the hand-over message is longer than {MAX_MESSAGE} bytes")
    return data + b"\n"
