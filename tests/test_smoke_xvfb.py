"""Smoke test: the real app starts on a real (virtual) X display, shows its window, quits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from xvfb import MISSING_XVFB, has_xvfb, xvfb_display

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not has_xvfb(), reason=MISSING_XVFB),
    pytest.mark.skipif(
        shutil.which("xdotool") is None, reason="xdotool is not installed (.ci/run installs it)"
    ),
]


@pytest.fixture
def display() -> Iterator[str]:
    with xvfb_display() as number:
        yield number


def _wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    # Polling a separate process: there is no Qt event loop here to wait on.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_app_starts_hands_over_a_second_launch_and_quits(display: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "RUGDIARY_DATA_DIR": str(tmp_path / "data"),
    }
    # A returning user: the welcome and the red-flag notice were seen before.
    seed = (
        "import sys; from pathlib import Path; from rugdiary.storage.database import Database;"
        "from rugdiary.storage.repositories import SettingsRepository;"
        "db = Database.open(Path(sys.argv[1])); s = SettingsRepository(db);"
        "s.set('first_run_done', True); s.set('red_flags_acknowledged', True); db.close()"
    )
    subprocess.run([sys.executable, "-c", seed, str(tmp_path / "data")], check=True, env=env)
    app = subprocess.Popen(
        [sys.executable, "-m", "rugdiary"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def window_id() -> str:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "RugDiary"],
            env=env,
            capture_output=True,
            text=True,
        )
        return found.stdout.split()[0] if found.stdout.split() else ""

    try:
        assert _wait_for(lambda: bool(window_id()) or app.poll() is not None, 60), "no window"
        assert app.poll() is None, app.communicate()[1]
        # A second launch on the same data folder hands over to the first and exits.
        second = subprocess.run(
            [sys.executable, "-m", "rugdiary"], env=env, capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 0, second.stderr
        assert app.poll() is None, "the first window is still there"
        windows = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "RugDiary"],
            env=env,
            capture_output=True,
            text=True,
        ).stdout.split()
        assert len(windows) == 1
        # No window manager runs here: focus the window directly, then type through XTEST
        # (events sent to a window are marked synthetic, and Qt ignores those).
        subprocess.run(["xdotool", "windowfocus", "--sync", window_id()], env=env, check=True)
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True)
        _, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err
    assert (tmp_path / "data" / "diary.json").exists()
    assert list((tmp_path / "config").rglob("*.conf")), "window state is remembered in QSettings"
