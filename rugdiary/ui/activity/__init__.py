"""Finds this desktop's activity source: X11, Mutter, freedesktop ScreenSaver, Windows, macOS."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from rugdiary.core.activity import ActivitySource, ActivityUnavailableError, CombinedSource

if TYPE_CHECKING:
    from collections.abc import Sequence


def _first_answering(factories: Sequence[Callable[[], ActivitySource]]) -> ActivitySource | None:
    """The first source that can be made and answers an idle query now."""
    for factory in factories:
        try:
            source = factory()
        except ActivityUnavailableError:
            continue
        try:
            source.idle_seconds()
        except (ActivityUnavailableError, OSError):
            source.close()
            continue
        return source
    return None


def detect_activity_source(
    env: Mapping[str, str] | None = None, platform: str | None = None
) -> ActivitySource | None:
    """The source to use here, or None: movement breaks then follow the clock.

    Linux: X11's screen saver extension on an X11 session; on Wayland (or where X11
    fails) GNOME's Mutter IdleMonitor, then org.freedesktop.ScreenSaver (KDE and others).
    The lock comes from logind's LockedHint and the screen saver's GetActive as well;
    do-not-disturb from GNOME's settings. Windows and macOS ask their own APIs.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        from rugdiary.ui.activity.windows import WindowsSource

        return _first_answering([WindowsSource])
    if platform == "darwin":
        from rugdiary.ui.activity.macos import MacSource

        return _first_answering([MacSource])
    from rugdiary.ui.activity.dbus import (
        GnomeDoNotDisturb,
        LogindLock,
        MutterSource,
        ScreenSaverLock,
        ScreenSaverSource,
    )

    wayland = env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))
    desktop = env.get("XDG_CURRENT_DESKTOP", "").upper().split(":")
    factories: list[Callable[[], ActivitySource]] = []
    if env.get("DISPLAY") and not wayland:
        # Under XWayland the X server only sees input to X windows: not the real idle time.
        from rugdiary.ui.activity.x11 import X11Source, XDisplay

        factories.append(lambda: X11Source(XDisplay(env.get("DISPLAY"))))
    if "GNOME" in desktop:
        factories.append(MutterSource)
    factories += [ScreenSaverSource, MutterSource]
    idle = _first_answering(factories)
    if idle is None:
        return None
    lock: list[ActivitySource] = []
    logind = LogindLock()
    if logind.locked() is not None:
        lock.append(logind)
    if not isinstance(idle, ScreenSaverSource):
        saver = ScreenSaverLock()
        if saver.locked() is not None:
            lock.append(saver)
    busy: list[ActivitySource] = []
    if GnomeDoNotDisturb.available(dict(env)):
        busy.append(GnomeDoNotDisturb())
    if not lock and not busy:
        return idle
    return CombinedSource(idle, lock=lock, busy=busy)
