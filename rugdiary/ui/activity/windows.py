"""Windows: idle time from GetLastInputInfo; lock and full screen from the notification state."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any, Final

from rugdiary.core.activity import ActivityUnavailableError, Capability

QUNS_NOT_PRESENT: Final = 1
"""Screen saver, locked screen or another user's session."""
QUNS_BUSY_STATES: Final = frozenset({2, 3, 4, 6, 7})
"""Full-screen app, Direct3D full screen, presentation mode, quiet time (focus assist), a
full-screen store app: Windows itself holds notifications back in these."""


class LASTINPUTINFO(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32)]


class WindowsSource:
    """Asks user32 and shell32; the libraries are passed in so tests can fake them."""

    name = "windows"
    capabilities: frozenset[Capability] = frozenset({"idle", "lock", "fullscreen", "dnd"})

    def __init__(self, user32: Any = None, kernel32: Any = None, shell32: Any = None) -> None:
        if user32 is None or kernel32 is None or shell32 is None:
            windll: Any = getattr(ctypes, "windll", None)
            if windll is None:
                raise ActivityUnavailableError("not Windows")
            user32, kernel32, shell32 = windll.user32, windll.kernel32, windll.shell32
        self.user32, self.kernel32, self.shell32 = user32, kernel32, shell32

    def idle_seconds(self) -> float:
        info = LASTINPUTINFO()
        info.cbSize = ctypes.sizeof(LASTINPUTINFO)
        if not self.user32.GetLastInputInfo(ctypes.byref(info)):
            raise ActivityUnavailableError("GetLastInputInfo failed")
        # Both are 32-bit millisecond tick counts that wrap after 49.7 days.
        now = int(self.kernel32.GetTickCount()) & 0xFFFFFFFF
        return ((now - info.dwTime) & 0xFFFFFFFF) / 1000.0

    def _state(self) -> int | None:
        state = ctypes.c_int()
        if self.shell32.SHQueryUserNotificationState(ctypes.byref(state)) != 0:
            return None
        return state.value

    def locked(self) -> bool | None:
        state = self._state()
        return None if state is None else state == QUNS_NOT_PRESENT

    def busy(self) -> bool | None:
        state = self._state()
        return None if state is None else state in QUNS_BUSY_STATES

    def watch(self, callback: Callable[[], None] | None) -> None:
        """The lock is seen at the next sample."""

    def close(self) -> None:
        """Nothing to let go of."""
