"""The real app read through AT-SPI as Orca reads it: the Insights finding, the player's step."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path

import pytest
from xvfb import MISSING_XVFB, has_xvfb, xvfb_display

SYSTEM_PYTHON = "/usr/bin/python3"
READER = Path(__file__).with_name("atspi_reader.py")
A11Y_BUS_SERVICE = Path("/usr/share/dbus-1/services/org.a11y.Bus.service")


def _pyatspi_missing() -> bool:
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        return True
    found = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    )
    return found.returncode != 0


INSTALL = "apt-get install at-spi2-core python3-pyatspi dbus (.ci/run installs them)"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not has_xvfb(), reason=MISSING_XVFB),
    pytest.mark.skipif(
        shutil.which("dbus-daemon") is None, reason=f"dbus-daemon is not installed: {INSTALL}"
    ),
    pytest.mark.skipif(
        not A11Y_BUS_SERVICE.exists(), reason=f"at-spi2-core is not installed: {INSTALL}"
    ),
    pytest.mark.skipif(
        _pyatspi_missing(), reason=f"{SYSTEM_PYTHON} cannot import pyatspi: {INSTALL}"
    ),
]


@pytest.fixture
def desktop() -> Iterator[dict[str, str]]:
    """A private X display and session bus; the accessibility bus starts on it when asked for."""
    # Short paths: the buses' sockets live here, and a socket path has at most 107 bytes.
    runtime = Path(tempfile.mkdtemp(prefix="a11y-"))
    runtime.chmod(0o700)
    with ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, runtime, ignore_errors=True)
        display = cleanup.enter_context(xvfb_display())
        env = {
            **os.environ,
            "DISPLAY": display,
            "XDG_RUNTIME_DIR": str(runtime),
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
        env.pop("AT_SPI_BUS_ADDRESS", None)
        read_fd, write_fd = os.pipe()
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", f"--print-address={write_fd}"],
            pass_fds=(write_fd,),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        try:
            with os.fdopen(read_fd) as pipe:
                address = pipe.readline().strip()
            assert address, "dbus-daemon did not report its address"
            env["DBUS_SESSION_BUS_ADDRESS"] = address
            yield env
        finally:
            # at-spi-bus-launcher, its bus and the registry leave with the session bus.
            bus.terminate()
            bus.wait(timeout=10)


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "rugdiary", *args], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _expected_finding(env: dict[str, str], data: str, today: date) -> str:
    """The sentence `summary` gives for Insights' default period (the last three months)."""
    from rugdiary.ui.insights.ranges import DEFAULT_RANGE, period_for

    period = period_for(DEFAULT_RANGE, today, None)
    summary = _run(
        env, "--data-dir", data, "summary", "--json",
        "--from", period.start.isoformat(), "--to", period.end.isoformat(),
    )  # fmt: skip
    return str(json.loads(summary)["insight"])


def test_a_screen_reader_reads_the_finding_and_the_players_step(
    desktop: dict[str, str], tmp_path: Path
) -> None:
    from rugdiary.core.content import load_exercises
    from rugdiary.resources import resources_dir

    data = str(tmp_path / "data")
    env = {**desktop, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("RUGDIARY_DATA_DIR", None)
    _run(env, "--data-dir", data, "demo")
    # A returning user: the welcome and the red-flag notice were seen before.
    seed = (
        "import sys; from pathlib import Path; from rugdiary.storage.database import Database;"
        "from rugdiary.storage.repositories import SettingsRepository;"
        "db = Database.open(Path(sys.argv[1])); s = SettingsRepository(db);"
        "s.set('first_run_done', True); s.set('red_flags_acknowledged', True); db.close()"
    )
    subprocess.run([sys.executable, "-c", seed, data], check=True, env=env)
    programs = json.loads(_run(env, "--data-dir", data, "programs", "--json"))
    first_exercise = {p["name"]["en"]: p["steps"][0]["exercise_id"] for p in programs}
    exercises = load_exercises(resources_dir())
    started_on = date.today()

    app = subprocess.Popen(
        [sys.executable, "-m", "rugdiary", "--data-dir", data, "gui", "--lang", "en"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The reader polls (with a deadline) for the app, each page and each text.
        read = subprocess.run(
            [SYSTEM_PYTHON, str(READER)],
            env={k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert app.poll() is None, "the app ended while it was being read"
    finally:
        app.terminate()
        try:
            _, err = app.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
            _, err = app.communicate()
    assert read.returncode == 0, f"{read.stderr[-2000:]}\nThe app said:\n{err[-2000:]}"
    assert "Traceback" not in err, err
    result = json.loads(read.stdout)

    # The finding itself, not the label's job ("What your diary shows").
    days = {started_on, date.today()}  # a run across midnight
    assert result["finding"] in {_expected_finding(env, data, day) for day in days}

    assert result["pain"].startswith("Chosen: 3 of 10.")

    player = result["player"]
    assert player["Program"] == result["next_program"]
    exercise = exercises[first_exercise[player["Program"]]]
    assert player["Exercise"] == exercise.name.get("en")
    # The session opens with five seconds of "Get ready"; on a very slow machine the
    # reader may come later, and then hears the first exercise's own words.
    if float(player["seconds after Start"]) < 4.0:
        assert player["What to do now"] == "Get ready"
    else:
        assert player["What to do now"] in {"Get ready", "Move", "Hold", "Keep going"}
    steps = player["How to do this exercise"].splitlines()
    assert steps[0] == f"Start: {exercise.start.get('en')}"
    assert steps[1] == f"1. {exercise.steps[0].get('en')}"
