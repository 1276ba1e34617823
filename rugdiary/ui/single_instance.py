"""One RugDiary window per person and data folder: a second launch hands over and exits.

QLocalServer and QLocalSocket come from QtNetwork, but they only use a Unix domain
socket (a file under the temp folder) or, on Windows, a named pipe. Neither opens a
network connection or a port: the app keeps its promise never to use the network.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCryptographicHash, QObject, Qt
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

RAISE = "raise"
"""The message that asks the running instance to bring its window forward."""

ACK = b"ok\n"
MAX_MESSAGE = 1024
"""Longer lines are dropped: only short commands ("raise", "log") are ever sent."""

CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 2000


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

    Messages are single lines of UTF-8 text; the receiver answers "ok".
    """

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None
        self._on_message: Callable[[str], None] | None = None
        self._readers: list[_LineReader] = []

    @classmethod
    def for_data_dir(cls, data_dir: Path | str, parent: QObject | None = None) -> SingleInstance:
        return cls(server_name(data_dir), parent)

    # -- the second launch -------------------------------------------------------------------

    def try_hand_over(self, message: str = RAISE) -> bool:
        """Send `message` to a running instance; True means it took it and this one should exit.

        False when nobody listens (including a socket file left by a crash), so this
        process should start normally and `listen`.
        """
        line = _encode(message)
        socket = QLocalSocket()
        try:
            socket.connectToServer(self.key)
            if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
                return False
            socket.write(line)
            if not socket.waitForBytesWritten(CONNECT_TIMEOUT_MS):
                return False
            # The answer only confirms; a running instance that is busy for a moment has
            # still received the message, and it holds the diary's lock anyway.
            socket.waitForReadyRead(REPLY_TIMEOUT_MS)
            return True
        finally:
            # Python owns this socket and frees it; deleteLater as well would free it twice.
            socket.abort()

    # -- the first launch --------------------------------------------------------------------

    def listen(self, on_message: Callable[[str], None]) -> bool:
        """Accept hand-overs from later launches and pass each message to `on_message`.

        Returns False, without listening, when another instance already listens (it
        started at the same moment: call `try_hand_over` again). A name left behind by
        a crashed instance is taken over.

        The probe comes first because with UserAccessOption Qt builds the socket in a
        private folder and renames it into place, which would silently replace the
        socket of a live instance instead of failing with AddressInUseError.
        """
        self._on_message = on_message
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
        return True

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def close(self) -> None:
        """Stop listening and remove the socket name (also done when the app quits)."""
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
            return probe.waitForConnected(CONNECT_TIMEOUT_MS)
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
        self._socket.deleteLater()

    def read(self) -> None:
        socket = self._socket
        self._buffer += bytes(socket.readAll().data())
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            if len(line) <= MAX_MESSAGE:
                self._deliver(line)
            if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                socket.write(ACK)
                socket.flush()
        if len(self._buffer) > MAX_MESSAGE:
            # Not one of our short commands: drop it rather than grow without end.
            self._buffer = b""


def _encode(message: str) -> bytes:
    text = " ".join(message.split())
    if not text:
        raise ValueError("the hand-over message is empty")
    data = text.encode("utf-8")
    if len(data) > MAX_MESSAGE:
        raise ValueError(f"the hand-over message is longer than {MAX_MESSAGE} bytes")
    return data + b"\n"
