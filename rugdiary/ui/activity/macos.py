"""macOS: idle time from CoreGraphics' CGEventSourceSecondsSinceLastEventType."""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from typing import Any, Final

from rugdiary.core.activity import ActivityUnavailableError, Capability

HID_SYSTEM_STATE: Final = 1
"""kCGEventSourceStateHIDSystemState: input from the hardware, not synthesised events."""
ANY_INPUT_EVENT: Final = 0xFFFFFFFF
"""kCGAnyInputEventType."""


class MacSource:
    """Idle time only: the lock and full screen would need more of the Cocoa API."""

    name = "macos"
    capabilities: frozenset[Capability] = frozenset({"idle"})

    def __init__(self, core_graphics: Any = None) -> None:
        if core_graphics is None:
            path = ctypes.util.find_library("CoreGraphics")
            if path is None:
                raise ActivityUnavailableError("CoreGraphics is not here (not macOS)")
            core_graphics = ctypes.CDLL(path)
            function = core_graphics.CGEventSourceSecondsSinceLastEventType
            function.restype = ctypes.c_double
            function.argtypes = [ctypes.c_int32, ctypes.c_uint32]
        self.cg = core_graphics

    def idle_seconds(self) -> float:
        seconds = float(
            self.cg.CGEventSourceSecondsSinceLastEventType(HID_SYSTEM_STATE, ANY_INPUT_EVENT)
        )
        if seconds != seconds:  # NaN: the call failed
            raise ActivityUnavailableError("CoreGraphics gave no idle time")
        return seconds

    def locked(self) -> bool | None:
        return None

    def busy(self) -> bool | None:
        return None

    def watch(self, callback: Callable[[], None] | None) -> None:
        """Nothing to watch."""

    def close(self) -> None:
        """Nothing to let go of."""
