"""X11 idle time (XScreenSaver extension) and the active window's full-screen state, via ctypes."""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from typing import Any, Final

from rugdiary.core.activity import ActivityUnavailableError, Capability

SCREEN_SAVER_ON: Final = 1
"""XScreenSaverInfo.state while the screen saver (and usually the lock) runs."""

_ANY_PROPERTY_TYPE: Final = 0
_SUCCESS: Final = 0


class XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("eventMask", ctypes.c_ulong),
    ]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore_x_error(_display: int | None, _event: int | None) -> int:
    # Xlib's default handler exits the process; a window that closed between two calls
    # (BadWindow) must only make the full-screen answer "cannot tell".
    return 0


class XDisplay:
    """The few Xlib and XScreenSaver calls the source needs, on a connection of its own."""

    def __init__(
        self,
        display_name: str | None = None,
        *,
        load: Callable[[str], Any] = ctypes.CDLL,
    ) -> None:
        try:
            self.xlib = load(ctypes.util.find_library("X11") or "libX11.so.6")
            self.xss = load(ctypes.util.find_library("Xss") or "libXss.so.1")
        except OSError as error:
            raise ActivityUnavailableError(f"the X11 libraries are missing ({error})") from None
        x, s = self.xlib, self.xss
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
        ]
        x.XSetErrorHandler.restype = ctypes.c_void_p
        x.XSetErrorHandler.argtypes = [_ERROR_HANDLER]
        s.XScreenSaverQueryExtension.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        s.XScreenSaverAllocInfo.restype = ctypes.POINTER(XScreenSaverInfo)
        s.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(XScreenSaverInfo),
        ]
        self._handler = _ERROR_HANDLER(_ignore_x_error)  # kept alive with this object
        x.XSetErrorHandler(self._handler)
        name = display_name.encode() if display_name else None
        self.display = x.XOpenDisplay(name)
        if not self.display:
            raise ActivityUnavailableError("no X display to ask")
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not s.XScreenSaverQueryExtension(
            self.display, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            self.close()
            raise ActivityUnavailableError("the X server has no screen saver extension")
        self.root = x.XDefaultRootWindow(self.display)
        self.info = s.XScreenSaverAllocInfo()
        if not self.info:
            self.close()
            raise ActivityUnavailableError("no memory for the screen saver query")
        self._atoms: dict[str, int] = {}

    def query(self) -> tuple[float, int]:
        """(idle seconds, screen saver state)."""
        if not self.display:
            raise ActivityUnavailableError("the X display was closed")
        if not self.xss.XScreenSaverQueryInfo(self.display, self.root, self.info):
            raise ActivityUnavailableError("the X server did not answer the idle query")
        info = self.info.contents
        return info.idle / 1000.0, int(info.state)

    def atom(self, name: str) -> int:
        """The atom of `name`, or 0 when no client ever made it (so nothing uses it)."""
        if name not in self._atoms:
            found = int(self.xlib.XInternAtom(self.display, name.encode(), 1))
            if not found:
                return 0
            self._atoms[name] = found
        return self._atoms[name]

    def window_property(self, window: int, name: str) -> list[int] | None:
        """A 32-bit list property (windows, atoms) of `window`, or None when it has none."""
        prop = self.atom(name)
        if not prop or not self.display:
            return None
        actual_type = ctypes.c_ulong()
        actual_format = ctypes.c_int()
        count = ctypes.c_ulong()
        after = ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self.xlib.XGetWindowProperty(
            self.display,
            window,
            prop,
            0,
            1024,
            0,
            _ANY_PROPERTY_TYPE,
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(count),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        try:
            if status != _SUCCESS or not data or actual_format.value != 32:
                return None
            # Format 32 comes back as C longs, whatever their size on this machine.
            items = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [int(items[i]) for i in range(count.value)]
        finally:
            if data:
                self.xlib.XFree(data)

    def close(self) -> None:
        if getattr(self, "info", None):
            self.xlib.XFree(self.info)
            self.info = None
        if self.display:
            self.xlib.XCloseDisplay(self.display)
            self.display = None


class X11Source:
    """Idle time from the XScreenSaver extension; full screen from the window manager's hints.

    The screen saver's own state stands for a locked screen (X lockers run it). Full
    screen is `_NET_WM_STATE_FULLSCREEN` on `_NET_ACTIVE_WINDOW`; without a window
    manager that publishes them the source says it cannot tell.
    """

    name = "x11"
    capabilities: frozenset[Capability] = frozenset({"idle", "lock", "fullscreen"})

    def __init__(self, display: XDisplay | None = None) -> None:
        self.display = display if display is not None else XDisplay()

    def idle_seconds(self) -> float:
        return self.display.query()[0]

    def locked(self) -> bool | None:
        try:
            return self.display.query()[1] == SCREEN_SAVER_ON
        except ActivityUnavailableError:
            return None

    def busy(self) -> bool | None:
        return self.full_screen()

    def full_screen(self) -> bool | None:
        active = self.display.window_property(self.display.root, "_NET_ACTIVE_WINDOW")
        if not active or not active[0]:
            return None
        state = self.display.window_property(active[0], "_NET_WM_STATE")
        if state is None:
            return False
        full = self.display.atom("_NET_WM_STATE_FULLSCREEN")
        return bool(full) and full in state

    def watch(self, callback: Callable[[], None] | None) -> None:
        """X11 has no lock signal worth a connection; the lock is seen at the next sample."""

    def close(self) -> None:
        self.display.close()
