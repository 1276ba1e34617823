"""Start-up fixes: later launches during the first dialogs, unknown stored choices, the demo's
answers, and the data-file dialog's reason in the app's language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.storage.database import Database
from rugdiary.ui import app as ui_app
from rugdiary.ui import dialogs, single_instance
from rugdiary.ui.dialogs import DataFileProblem
from rugdiary.ui.first_run import DONE_KEY
from rugdiary.ui.safety import ACKNOWLEDGED_KEY
from rugdiary.ui.services import Services
from tests.ui.test_reasons import dutch  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[2]

SECOND_LAUNCH = (
    "import sys\n"
    "from pathlib import Path\n"
    "from rugdiary.ui import dialogs\n"
    "dialogs.exec_dialog = lambda dialog: print('a second welcome', flush=True) or True\n"
    "from rugdiary.ui.app import start_gui\n"
    "started = start_gui(Path(sys.argv[1]), theme='light', lang='en')\n"
    "print('handed over' if started == 0 else 'a second copy', flush=True)\n"
    "if started != 0:\n"
    "    started.close()\n"
)
"""The real start-up path, as a launch from the desktop runs it a second time."""


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }


def launch_again(qtbot: QtBot, tmp_path: Path, data: Path) -> str:
    """Start RugDiary once more on `data` while this one runs its event loop; its last line."""
    process = subprocess.Popen(
        [sys.executable, "-c", SECOND_LAUNCH, str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
    )
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
        out, err = process.communicate()
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    return out.strip().splitlines()[-1]


@pytest.fixture
def raised(monkeypatch: pytest.MonkeyPatch) -> list[QWidget]:
    """What a hand-over brought to the front."""
    brought: list[QWidget] = []
    monkeypatch.setattr(single_instance, "bring_to_front", brought.append)
    return brought


@pytest.mark.usefixtures("restore_app_look")
def test_a_second_launch_during_the_welcome_brings_it_forward_and_starts_no_copy(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, raised: list[QWidget]
) -> None:
    data = tmp_path / "data"
    during: list[str] = []
    shown: list[QDialog] = []

    def welcome(dialog: QDialog) -> bool:
        if type(dialog).__name__ != "FirstRunDialog":
            return True  # the red-flag notice after it, read and confirmed
        # Shown modally, as exec() shows it; the person reads it while launching again.
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
        shown.append(dialog)
        during.append(launch_again(qtbot, tmp_path, data))
        dialog.close()
        return True

    monkeypatch.setattr(dialogs, "exec_dialog", welcome)
    running = ui_app.start_gui(data, theme="light", lang="en")
    assert not isinstance(running, int)
    try:
        assert during == ["handed over"]
        assert raised == shown, "the welcome came forward"
        # Once the window is there, a hand-over brings the window forward.
        assert launch_again(qtbot, tmp_path, data) == "handed over"
        assert raised[-1] is running.window
    finally:
        running.instance.close()
        running.window.close()
        running.close()
        running.reminders.deleteLater()  # parented to the shared QApplication


def test_a_start_that_ends_in_a_data_file_question_stops_listening(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, restore_app_look: QApplication
) -> None:
    """Quitting from the question: a later start in the same process must not hand over to
    the listener this one left behind (and find nobody to raise)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "diary.json").write_text("[1, 2")
    monkeypatch.setattr(
        dialogs, "ask_data_file_problem", lambda *_args: dialogs.DataFileChoice.QUIT
    )
    assert ui_app.start_gui(data, theme="light", lang="en") == ui_app.EXIT_DATA_FILE
    assert single_instance.SingleInstance.for_data_dir(data).try_hand_over() is False


# -- a stored choice this version does not know --------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [("theme", "sepia"), ("theme", 3), ("language", 5), ("language", ["nl"])],
)
def test_an_unknown_stored_theme_or_language_starts_with_the_default(
    tmp_path: Path, key: str, value: object
) -> None:
    """Hand-edited, or imported from a newer version's export: never a failed start."""
    data = tmp_path / "data"
    with Database.open(data, clock=FakeClock()) as db:
        settings = Services.for_database(db, FakeClock()).settings
        settings.set(DONE_KEY, True)
        settings.set(ACKNOWLEDGED_KEY, True)
        settings.set(key, value)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rugdiary.ui.app import start_gui\n"
        "running = start_gui(Path(sys.argv[1]))\n"  # theme and language from the diary
        "print(running.window.isVisible())\n"
        "running.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


# -- "Try with example data" keeps the other answers ----------------------------------------------


def test_the_demo_runs_with_the_language_and_reminder_chosen_in_the_welcome(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rugdiary.ui import dialogs\n"
        "def welcome(dialog):\n"
        "    dialog.welcome.language.setCurrentIndex(dialog.welcome.language.findData('nl'))\n"
        "    dialog.next(); dialog.next()\n"
        "    dialog.setup.reminder.setChecked(False)\n"
        "    dialog.setup.demo.setChecked(True)\n"
        "    dialog.next(); dialog.next()\n"
        "    return True\n"
        "dialogs.exec_dialog = welcome\n"
        "from rugdiary.ui.app import start_gui\n"
        "running = start_gui(Path(sys.argv[1]))\n"
        "window = running.window\n"
        "print(window._services.data_dir.name, window.preferences.language(),\n"
        "      window.preferences.reminders().diary.enabled,\n"
        "      running.reminders.settings.diary.enabled)\n"
        "running.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [ui_app.DEMO_FOLDER, "nl", "False", "False"]


def test_the_demo_keeps_the_welcomes_answers(tmp_path: Path, clock: FakeClock) -> None:
    from rugdiary.core.reminders import DiaryReminder
    from rugdiary.storage.repositories import SettingsRepository
    from rugdiary.ui.first_run.welcome import FirstRunResult
    from rugdiary.ui.settings.preferences import Preferences

    answers = FirstRunResult(
        language="nl",
        reminder=DiaryReminder(enabled=False),
        wants_demo=True,
        red_flags_acknowledged=True,
        completed=True,
    )
    demo = ui_app._open_demo(tmp_path / "data", clock, answers)
    try:
        stored = Preferences(SettingsRepository(demo))
        assert stored.language() == "nl"
        assert stored.reminders().diary.enabled is False
        assert SettingsRepository(demo).get(DONE_KEY) is True
        assert SettingsRepository(demo).get(ACKNOWLEDGED_KEY) is True
    finally:
        demo.close()


# -- the data-file dialog's reason ---------------------------------------------------------------


@pytest.mark.usefixtures("dutch")
def test_the_data_file_dialog_gives_a_known_reason_in_the_apps_language() -> None:
    _title, text = dialogs.data_file_texts(
        DataFileProblem.LOCKED,
        Path("/data"),
        "another RugDiary window or command is using this data folder; "
        "close it or try again in a moment",
    )
    assert "another RugDiary window" not in text
    assert "een ander RugDiary-venster" in text


def test_starting_at_login_from_the_demo_opens_the_persons_own_folder(tmp_path: Path) -> None:
    """Switched on while trying the example diary, the login entry must not open the
    example: the person would log among invented entries. The example's window says what
    it is however it was opened."""
    data = tmp_path / "data"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rugdiary.ui import dialogs\n"
        "def welcome(dialog):\n"
        "    dialog.next(); dialog.next()\n"
        "    dialog.setup.demo.setChecked(True)\n"
        "    dialog.next(); dialog.next()\n"
        "    return True\n"
        "dialogs.exec_dialog = welcome\n"
        "from rugdiary.ui.app import start_gui\n"
        "running = start_gui(Path(sys.argv[1]))\n"
        "print(running.window.settings_page.controller.set_autostart(True))\n"
        "print(running.window.windowTitle())\n"
        "running.close()\n"
        "again = start_gui(Path(sys.argv[1]) / 'demo')\n"
        "print(again.window.windowTitle())\n"
        "again.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True", "RugDiary – demo diary", "RugDiary – demo diary"]
    entry = (tmp_path / "config" / "autostart" / "rugdiary.desktop").read_text("utf-8")
    (exec_line,) = [line for line in entry.splitlines() if line.startswith("Exec=")]
    assert exec_line.endswith(f"--data-dir {data.resolve()}")


def test_a_welcome_closed_with_its_window_button_still_shows_the_red_flag_notice(
    tmp_path: Path,
) -> None:
    """The notice is the welcome's last screen: closing the welcome's window skipped it for
    the whole first session."""
    data = tmp_path / "data"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from rugdiary.ui import dialogs\n"
        "seen = []\n"
        "def welcome(dialog):\n"
        "    dialog.close()\n"
        "    return False\n"
        "dialogs.exec_dialog = welcome\n"
        "dialogs.show_red_flag_notice = lambda parent, mode='help', signs=(): (\n"
        "    seen.append(mode) or True)\n"
        "from rugdiary.ui.app import start_gui\n"
        "running = start_gui(Path(sys.argv[1]))\n"
        "print(seen, running.window._services.settings.get('red_flags_acknowledged'))\n"
        "running.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(tmp_path),
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["['first_run']", "True"]
