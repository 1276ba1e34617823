"""Each platform's activity source with its system calls faked, and X11 for real under Xvfb."""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import time
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from xvfb import has_xvfb, xvfb_display

from rugdiary.core.activity import ActivityUnavailableError, CombinedSource
from rugdiary.ui.activity import detect_activity_source
from rugdiary.ui.activity.dbus import (
    LOGIND,
    MUTTER,
    PROPERTIES,
    SCREENSAVER,
    GnomeDoNotDisturb,
    LogindLock,
    MutterSource,
    ScreenSaverSource,
)
from rugdiary.ui.activity.macos import ANY_INPUT_EVENT, HID_SYSTEM_STATE, MacSource
from rugdiary.ui.activity.windows import WindowsSource
from rugdiary.ui.activity.x11 import SCREEN_SAVER_ON, X11Source, XDisplay

# --------------------------------------------------------------------------- X11, faked


class FakeXDisplay:
    """The XDisplay calls, answered from plain data."""

    root = 1

    def __init__(self, idle_s: float = 0.0, state: int = 0) -> None:
        self.idle_s, self.state = idle_s, state
        self.props: dict[tuple[int, str], list[int]] = {}
        self.atoms = {"_NET_WM_STATE_FULLSCREEN": 77, "_NET_WM_STATE_ABOVE": 78}
        self.closed = False

    def query(self) -> tuple[float, int]:
        return self.idle_s, self.state

    def atom(self, name: str) -> int:
        return self.atoms.get(name, 0)

    def window_property(self, window: int, name: str) -> list[int] | None:
        return self.props.get((window, name))

    def close(self) -> None:
        self.closed = True


def test_x11_idle_lock_and_full_screen_from_the_display() -> None:
    display = FakeXDisplay(idle_s=12.5, state=SCREEN_SAVER_ON)
    source = X11Source(display)  # type: ignore[arg-type]
    assert source.idle_seconds() == 12.5
    assert source.locked() is True
    assert source.busy() is None, "no window manager hints: cannot tell"
    display.state = 0
    display.props[(1, "_NET_ACTIVE_WINDOW")] = [42]
    assert source.locked() is False
    assert source.busy() is False, "an active window without a state"
    display.props[(42, "_NET_WM_STATE")] = [78]
    assert source.busy() is False
    display.props[(42, "_NET_WM_STATE")] = [78, 77]
    assert source.busy() is True
    display.props[(1, "_NET_ACTIVE_WINDOW")] = [0]
    assert source.busy() is None
    source.close()
    assert display.closed


def test_x11_without_libraries_or_display_is_unavailable() -> None:
    def missing(_name: str) -> Any:
        raise OSError("libXss.so.1: cannot open shared object file")

    with pytest.raises(ActivityUnavailableError, match="missing"):
        XDisplay(load=missing)


# --------------------------------------------------------------------------- Windows, faked


class FakeUser32:
    def __init__(self, last_input_ms: int, ok: bool = True) -> None:
        self.last_input_ms, self.ok = last_input_ms, ok

    def GetLastInputInfo(self, info: Any) -> int:
        target = info._obj
        assert target.cbSize == 8, "cbSize must be set before the call"
        target.dwTime = self.last_input_ms
        return 1 if self.ok else 0


class FakeKernel32:
    def __init__(self, tick_ms: int) -> None:
        self.tick_ms = tick_ms

    def GetTickCount(self) -> int:
        return self.tick_ms


class FakeShell32:
    def __init__(self, state: int, result: int = 0) -> None:
        self.state, self.result = state, result

    def SHQueryUserNotificationState(self, out: Any) -> int:
        out._obj.value = self.state
        return self.result


def test_windows_idle_time_from_last_input_and_tick_count() -> None:
    source = WindowsSource(FakeUser32(10_000), FakeKernel32(25_500), FakeShell32(5))
    assert source.idle_seconds() == 15.5
    # GetTickCount wraps after 49.7 days; the difference still comes out right.
    wrapped = WindowsSource(FakeUser32(0xFFFFFF00), FakeKernel32(0x100), FakeShell32(5))
    assert wrapped.idle_seconds() == pytest.approx(0.512)
    failing = WindowsSource(FakeUser32(0, ok=False), FakeKernel32(0), FakeShell32(5))
    with pytest.raises(ActivityUnavailableError):
        failing.idle_seconds()


@pytest.mark.parametrize(
    ("state", "locked", "busy"),
    [
        (1, True, False),
        (2, False, True),
        (3, False, True),
        (4, False, True),
        (5, False, False),
        (6, False, True),
        (7, False, True),
    ],
)
def test_windows_notification_state_says_locked_or_busy(
    state: int, locked: bool, busy: bool
) -> None:
    source = WindowsSource(FakeUser32(0), FakeKernel32(0), FakeShell32(state))
    assert (source.locked(), source.busy()) == (locked, busy)


def test_windows_state_query_failing_means_cannot_tell() -> None:
    source = WindowsSource(FakeUser32(0), FakeKernel32(0), FakeShell32(5, result=-2147467259))
    assert (source.locked(), source.busy()) == (None, None)


def test_windows_source_is_unavailable_elsewhere() -> None:
    if hasattr(ctypes, "windll"):
        pytest.skip("this is Windows")
    with pytest.raises(ActivityUnavailableError):
        WindowsSource()


# --------------------------------------------------------------------------- macOS, faked


class FakeCoreGraphics:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.asked: list[tuple[int, int]] = []

    def CGEventSourceSecondsSinceLastEventType(self, state: int, kind: int) -> float:
        self.asked.append((state, kind))
        return self.seconds


def test_macos_idle_time_from_core_graphics() -> None:
    cg = FakeCoreGraphics(42.25)
    source = MacSource(cg)
    assert source.idle_seconds() == 42.25
    assert cg.asked == [(HID_SYSTEM_STATE, ANY_INPUT_EVENT)]
    assert (source.locked(), source.busy()) == (None, None)
    assert source.capabilities == frozenset({"idle"})
    with pytest.raises(ActivityUnavailableError):
        MacSource(FakeCoreGraphics(float("nan"))).idle_seconds()


# --------------------------------------------------------------------------- D-Bus, faked


class FakeBus:
    """Answers D-Bus calls from a table; an unknown call fails as a missing service does."""

    def __init__(self, answers: dict[tuple[str, str, str], list[Any]]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, str, str, str, str, tuple[Any, ...]]] = []

    def __call__(
        self, bus: str, service: str, path: str, interface: str, method: str, args: Sequence[Any]
    ) -> list[Any]:
        self.calls.append((bus, service, path, interface, method, tuple(args)))
        key = (service, interface, method)
        if key not in self.answers:
            raise ActivityUnavailableError(f"{service} did not answer: ServiceUnknown")
        return self.answers[key]


class Variant:
    """What QtDBus hands back for a `v` value."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def variant(self) -> Any:
        return self.value


def test_mutter_idle_time_is_in_milliseconds() -> None:
    bus = FakeBus({(MUTTER[0], MUTTER[2], "GetIdletime"): [93_500]})
    source = MutterSource(bus)
    assert source.idle_seconds() == 93.5
    assert bus.calls[0][:3] == ("session", MUTTER[0], MUTTER[1])
    assert source.locked() is None


@pytest.mark.parametrize("answer", [[], ["soon"], [-5], [True]])
def test_mutter_odd_answers_are_unavailable(answer: list[Any]) -> None:
    source = MutterSource(FakeBus({(MUTTER[0], MUTTER[2], "GetIdletime"): answer}))
    with pytest.raises(ActivityUnavailableError):
        source.idle_seconds()


def test_freedesktop_screensaver_idle_and_active() -> None:
    bus = FakeBus(
        {
            (SCREENSAVER[0], SCREENSAVER[2], "GetSessionIdleTime"): [4_000],
            (SCREENSAVER[0], SCREENSAVER[2], "GetActive"): [True],
        }
    )
    source = ScreenSaverSource(bus)
    assert source.idle_seconds() == 4.0
    assert source.locked() is True
    missing = ScreenSaverSource(FakeBus({}))
    with pytest.raises(ActivityUnavailableError):
        missing.idle_seconds()
    assert missing.locked() is None


def test_logind_locked_hint_through_the_properties_interface() -> None:
    bus = FakeBus({(LOGIND[0], PROPERTIES, "Get"): [Variant(True)]})
    lock = LogindLock(bus)
    assert lock.locked() is True
    assert bus.calls[0] == (
        "system",
        LOGIND[0],
        LOGIND[1],
        PROPERTIES,
        "Get",
        (LOGIND[2], "LockedHint"),
    )
    assert LogindLock(FakeBus({(LOGIND[0], PROPERTIES, "Get"): [Variant("yes")]})).locked() is None
    assert LogindLock(FakeBus({})).locked() is None
    with pytest.raises(ActivityUnavailableError):
        lock.idle_seconds()


@pytest.mark.parametrize(("out", "busy"), [("false\n", True), ("true\n", False), ("", None)])
def test_gnome_do_not_disturb_from_show_banners(out: str, busy: bool | None) -> None:
    asked: list[Sequence[str]] = []

    def run(command: Sequence[str]) -> str:
        asked.append(command)
        return out

    assert GnomeDoNotDisturb(run).busy() is busy
    assert list(asked[0]) == ["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"]


def test_gnome_do_not_disturb_is_kept_longer_while_it_holds_a_break() -> None:
    """Each answer costs a gsettings process: a break held all day must not ask every minute."""
    clock = [0.0]
    answer = ["false\n"]  # do not disturb on
    asked: list[float] = []

    def run(_command: Sequence[str]) -> str:
        asked.append(clock[0])
        return answer[0]

    dnd = GnomeDoNotDisturb(run, monotonic=lambda: clock[0])
    for _minute in range(8 * 60):  # the tracker asks every minute while the break is held
        assert dnd.busy() is True
        clock[0] += 60
    minutes = [round(t / 60) for t in asked]
    assert minutes[:4] == [0, 1, 6, 21], "kept 1, 5, then 15 minutes"
    assert len(asked) <= 35
    answer[0] = "true\n"  # switched off: noticed within a quarter of an hour
    off_at = clock[0]
    while dnd.busy():
        clock[0] += 60
    assert clock[0] - off_at <= 15 * 60
    clock[0] += 50 * 60  # the next break, long after: a new hold starts with a short keep
    answer[0] = "false\n"
    assert dnd.busy() is True
    clock[0] += 60
    before = len(asked)
    dnd.busy()
    assert len(asked) == before + 1, "asked again a minute into a new hold"


def test_gnome_do_not_disturb_only_on_gnome() -> None:
    assert not GnomeDoNotDisturb.available({"XDG_CURRENT_DESKTOP": "KDE"})
    on_gnome = GnomeDoNotDisturb.available({"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"})
    assert on_gnome == (shutil.which("gsettings") is not None)


def test_combined_source_lists_what_it_can_tell() -> None:
    bus = FakeBus(
        {
            (MUTTER[0], MUTTER[2], "GetIdletime"): [0],
            (LOGIND[0], PROPERTIES, "Get"): [Variant(False)],
        }
    )
    combined = CombinedSource(
        MutterSource(bus), lock=[LogindLock(bus)], busy=[GnomeDoNotDisturb(lambda _c: "false")]
    )
    assert combined.name == "mutter"
    assert combined.capabilities == frozenset({"idle", "lock", "dnd"})
    assert (combined.locked(), combined.busy()) == (False, True)


def test_detection_finds_nothing_without_a_desktop() -> None:
    # No display and no session bus here: the clock schedule is used.
    assert detect_activity_source({}, "linux") is None
    assert detect_activity_source({}, "darwin") is None
    if not hasattr(ctypes, "windll"):
        assert detect_activity_source({}, "win32") is None


# --------------------------------------------------------------------------- X11 for real


needs_xvfb = pytest.mark.skipif(
    not has_xvfb() or shutil.which("xdotool") is None,
    reason="Xvfb and xdotool are not installed (.ci/run installs them)",
)


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb_display("640x480") as number:
        yield number


def _idle_grows(source: X11Source, above: float, timeout: float = 10.0) -> float:
    # Real idle time needs real time to pass; the X server counts it, not a Qt loop.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        idle = source.idle_seconds()
        if idle >= above:
            return idle
        time.sleep(0.05)
    raise AssertionError(f"the X idle time did not reach {above} s")


@needs_xvfb
def test_x11_idle_time_resets_when_xdotool_moves_the_mouse(display: str) -> None:
    source = X11Source(XDisplay(display))
    try:
        before = _idle_grows(source, 0.4)
        subprocess.run(
            ["xdotool", "mousemove", "100", "100"],
            env={**os.environ, "DISPLAY": display},
            check=True,
            timeout=10,
        )
        after = source.idle_seconds()
        assert after < before
        assert after < 0.3
        assert source.locked() is False, "Xvfb runs no screen saver"
        assert source.busy() is None, "no window manager: cannot tell full screen"
    finally:
        source.close()


@needs_xvfb
@pytest.mark.skipif(shutil.which("xprop") is None, reason="xprop is not installed")
def test_x11_full_screen_read_from_real_window_properties(display: str) -> None:
    xdisplay = XDisplay(display)
    source = X11Source(xdisplay)
    env = {**os.environ, "DISPLAY": display}

    def xprop(*args: str) -> None:
        subprocess.run(["xprop", "-root", *args], env=env, check=True, timeout=10)

    try:
        # What a window manager does, on the root window standing in for the active one.
        xprop("-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW", str(xdisplay.root))
        xprop("-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE", "_NET_WM_STATE_ABOVE")
        assert source.busy() is False
        xprop("-f", "_NET_WM_STATE", "32a", "-set", "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN")
        assert source.busy() is True
    finally:
        source.close()


@needs_xvfb
def test_detection_picks_x11_on_an_x_display(display: str) -> None:
    source = detect_activity_source({"DISPLAY": display, "XDG_SESSION_TYPE": "x11"}, "linux")
    assert source is not None
    try:
        assert source.name == "x11"
        assert source.idle_seconds() >= 0
    finally:
        source.close()
