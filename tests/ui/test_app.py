"""Start-up: the data-file dialogs (patched in ui.dialogs), run_gui's exit code, screenshots."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import filelock
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rugdiary.core.clock import FakeClock
from rugdiary.core.diary import DiaryEntry
from rugdiary.storage.database import LOCK_NAME, Database, list_backups
from rugdiary.storage.repositories import EntryRepository
from rugdiary.ui import app as ui_app
from rugdiary.ui import dialogs
from rugdiary.ui.dialogs import DataFileChoice, DataFileProblem
from rugdiary.ui.first_run import DONE_KEY
from rugdiary.ui.safety import ACKNOWLEDGED_KEY
from rugdiary.ui.services import Services

MakeEntry = Callable[..., DiaryEntry]
Asked = list[tuple[DataFileProblem, Path, str]]


def answer(monkeypatch: pytest.MonkeyPatch, *choices: DataFileChoice) -> Asked:
    """Patch the one dialog function; record what it was asked and answer in turn."""
    asked: Asked = []
    replies = list(choices)

    def fake(parent: object, problem: DataFileProblem, path: Path, reason: str) -> DataFileChoice:
        asked.append((problem, path, reason))
        return replies.pop(0)

    monkeypatch.setattr(dialogs, "ask_data_file_problem", fake)
    return asked


@pytest.fixture
def diary_with_backup(data_dir: Path, clock: FakeClock, make_entry: MakeEntry) -> DiaryEntry:
    """A data folder whose backup holds one entry."""
    entry = make_entry(note="from the backup")
    with Database.open(data_dir, clock=clock) as db:
        EntryRepository(db, clock).add(entry)
    clock.advance(60)
    with Database.open(data_dir, clock=clock) as db:
        db.backup_now()
    assert list_backups(data_dir)
    return entry


def test_corrupt_file_restore_latest_backup(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock, diary_with_backup: DiaryEntry
) -> None:
    diary_file = data_dir / "diary.json"
    diary_file.write_bytes(b'{"entries": {"1": {"at": ')
    asked = answer(monkeypatch, DataFileChoice.RESTORE)

    db = ui_app.open_database(data_dir, clock=clock)
    assert db is not None
    try:
        assert EntryRepository(db, clock).list() == [diary_with_backup]
    finally:
        db.close()
    ((problem, path, reason),) = asked
    assert problem is DataFileProblem.CORRUPT
    assert path == diary_file
    assert reason
    damaged = list(data_dir.glob("diary.json.damaged-*"))
    assert len(damaged) == 1, "the unreadable file is kept aside, never deleted"
    assert damaged[0].read_bytes() == b'{"entries": {"1": {"at": '


def test_corrupt_file_quit_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock, diary_with_backup: DiaryEntry
) -> None:
    diary_file = data_dir / "diary.json"
    diary_file.write_bytes(b"\x00\xff binary")
    answer(monkeypatch, DataFileChoice.QUIT)
    assert ui_app.open_database(data_dir, clock=clock) is None
    assert diary_file.read_bytes() == b"\x00\xff binary"


def test_no_backup_to_restore_is_explained(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "diary.json").write_text("")
    answer(monkeypatch, DataFileChoice.RESTORE)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text: errors.append((title, text))
    )
    assert ui_app.open_database(data_dir, clock=clock) is None
    ((title, text),) = errors
    assert title == "No backup could be restored"
    assert str(data_dir) in text
    assert (data_dir / "diary.json").read_text() == ""


def test_newer_schema_only_offers_quit(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True)
    newer = {"_meta": {"1": {"schema": 99}}, "entries": {}}
    (data_dir / "diary.json").write_text(json.dumps(newer))
    asked = answer(monkeypatch, DataFileChoice.QUIT)
    assert ui_app.open_database(data_dir, clock=clock) is None
    assert asked[0][0] is DataFileProblem.NEWER


def test_locked_folder_try_again(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True)
    other = filelock.FileLock(data_dir / LOCK_NAME)
    other.acquire()
    asked: Asked = []

    def fake(parent: object, problem: DataFileProblem, path: Path, reason: str) -> DataFileChoice:
        asked.append((problem, path, reason))
        other.release()  # the other RugDiary was closed meanwhile
        return DataFileChoice.RETRY

    monkeypatch.setattr(dialogs, "ask_data_file_problem", fake)
    db = ui_app.open_database(data_dir, clock=clock, lock_timeout=0.05)
    assert db is not None
    db.close()
    assert [a[0] for a in asked] == [DataFileProblem.LOCKED]


@pytest.fixture
def restore_app_look(qapp: QApplication) -> Iterator[None]:
    """run_gui applies a theme to the shared test QApplication; undo that afterwards."""
    palette, font, style = qapp.palette(), qapp.font(), qapp.style().name()
    yield
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyle(style)


@pytest.mark.usefixtures("restore_app_look")
def test_run_gui_returns_3_when_the_user_quits(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "diary.json").write_text("[1, 2")
    asked = answer(monkeypatch, DataFileChoice.QUIT)
    assert ui_app.run_gui(data_dir, theme="light", lang="en") == ui_app.EXIT_DATA_FILE
    assert asked[0][0] is DataFileProblem.CORRUPT
    assert (data_dir / "diary.json").read_text() == "[1, 2"


def test_dialog_text_is_plain_words_with_the_path() -> None:
    path = Path("/home/someone/.local/share/RugDiary/diary.json")
    for problem in DataFileProblem:
        title, text = dialogs.data_file_texts(problem, path, "the file is empty")
        assert str(path) in text
        assert "the file is empty" in text
        assert "Traceback" not in text
        for fear_word in ("damage", "fatal", "crash", "error"):
            assert fear_word not in (title + text).lower()


@pytest.mark.parametrize(
    ("problem", "button_text", "expected"),
    [
        (DataFileProblem.CORRUPT, "Restore latest backup", DataFileChoice.RESTORE),
        (DataFileProblem.CORRUPT, "Quit", DataFileChoice.QUIT),
        (DataFileProblem.LOCKED, "Try again", DataFileChoice.RETRY),
        (DataFileProblem.NEWER, "Quit", DataFileChoice.QUIT),
    ],
)
def test_data_file_dialog_buttons(
    qtbot: QtBot, problem: DataFileProblem, button_text: str, expected: DataFileChoice
) -> None:
    seen: list[list[str]] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, click)
    choice = dialogs.ask_data_file_problem(None, problem, Path("/x/diary.json"), "it is empty")
    assert choice is expected
    if problem is DataFileProblem.CORRUPT:
        assert seen == [["Restore latest backup", "Quit"]]
    elif problem is DataFileProblem.LOCKED:
        assert seen == [["Try again", "Quit"]]
    else:
        assert seen == [["Quit"]]


def test_a_screenshot_of_an_unknown_page_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="valid pages: today, diary"):
        ui_app.screenshot_png(tmp_path / "data", "charts")


def test_a_screenshot_in_a_fresh_process(
    tmp_path: Path, clock: FakeClock, make_entry: MakeEntry
) -> None:
    """Scale factor and platform must be set before Qt starts, hence a child process."""
    data = tmp_path / "data"
    with Database.open(data, clock=clock) as db:
        EntryRepository(db, clock).add(make_entry(tags=("walking",)))
    out = tmp_path / "shot.png"
    code = (
        "import sys; from pathlib import Path; from rugdiary.ui.app import screenshot_png;"
        "Path(sys.argv[2]).write_bytes(screenshot_png(Path(sys.argv[1]), 'diary', theme='dark'))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(data), str(out)],
        check=True,
        env=env,
        timeout=60,
        capture_output=True,
        text=True,
    )
    assert done.stderr == "", "a screenshot run prints nothing"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2200, 1440)
    # Dark theme: the window background is dark.
    assert image.pixelColor(5, image.height() - 5).lightness() < 80


def test_the_demo_diary_lives_in_its_own_folder(tmp_path: Path, clock: FakeClock) -> None:
    from rugdiary.storage.repositories import EntryRepository, SettingsRepository
    from rugdiary.ui.app import _open_demo

    real = tmp_path / "data"
    demo = _open_demo(real, clock)
    try:
        assert demo.data_dir == real / "demo"
        assert EntryRepository(demo, clock).count() > 60
        assert SettingsRepository(demo).get("first_run_done") is True
    finally:
        demo.close()
    assert not (real / "diary.json").exists(), "the person's own diary is not touched"


def test_the_demo_diary_is_written_in_the_apps_language(tmp_path: Path, clock: FakeClock) -> None:
    from PySide6.QtCore import QLocale

    from rugdiary.core.demo import DEMO_TEXTS
    from rugdiary.ui.app import _open_demo

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    try:
        demo = _open_demo(tmp_path / "data", clock)
    finally:
        QLocale.setDefault(before)
    try:
        tags = {tag for entry in EntryRepository(demo, clock).list() for tag in entry.tags}
    finally:
        demo.close()
    dutch = DEMO_TEXTS["nl"]
    assert tags
    assert tags <= set(dutch.stress_tags + dutch.pain_tags + dutch.ease_tags)


def test_the_chart_libraries_are_warmed_up_in_the_background() -> None:
    """In a fresh process: nothing of matplotlib before, everything for a chart after."""
    code = (
        "import sys\n"
        "from rugdiary.ui import app\n"
        "from rugdiary.ui.insights import chart_jobs\n"
        "assert 'matplotlib' not in sys.modules\n"
        "app.warm_up_charts_in_background().join(120)\n"
        "assert chart_jobs._warm.is_set()\n"
        "wanted = ('matplotlib.figure', 'numpy', 'scipy.stats')\n"
        "print(sorted(m for m in wanted if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['matplotlib.figure', 'numpy', 'scipy.stats']"


EVERY_REMINDER = {
    "diary": {"enabled": True, "time": "23:58"},
    "exercises": [{"program_id": "desk-break", "days": list(range(7)), "time": "23:58"}],
    "breaks": {"enabled": True, "every_min": 50, "start": "00:00", "end": "23:59"},
    "quiet": {"enabled": False},
}
"""Every kind of reminder on, movement breaks too, as `make bench` launches the app."""


def _launch_again(
    tmp_path: Path, before: str, after: str, reminders: dict[str, object] | None = None
) -> str:
    """Run `before`, start_gui on a diary past its first run, then `after`; give its output.

    In a fresh process, so what start-up imports and loads can be seen.
    """
    data = tmp_path / "data"
    with Database.open(data, clock=FakeClock()) as db:
        settings = Services.for_database(db, FakeClock()).settings
        settings.set(DONE_KEY, True)
        settings.set(ACKNOWLEDGED_KEY, True)
        if reminders is not None:
            settings.set("reminders", reminders)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        f"{before}"
        "from rugdiary.ui.app import start_gui\n"
        "running = start_gui(Path(sys.argv[1]), theme='light', lang='en')\n"
        "running.app.processEvents()\n"
        f"{after}"
        "running.close()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
        },
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_start_up_imports_no_chart_library_and_no_welcome(tmp_path: Path) -> None:
    """A launch after the first, as `make bench` times it, loads only what the window shows.

    With every reminder on, up to the first paint: no matplotlib, numpy, scipy, fpdf or Qt
    Multimedia, not the welcome screens, not Qt's SVG library (the window icon comes from
    PNGs), not the figure code (the Today page needs a programme's length, not its
    figures), and not the activity sources with D-Bus (looked for after the window is up).
    """
    after = (
        "heavy = ('matplotlib', 'numpy', 'scipy', 'fpdf', 'PySide6.QtMultimedia',\n"
        "         'PySide6.QtSvg', 'PySide6.QtDBus', 'rugdiary.ui.first_run.welcome',\n"
        "         'rugdiary.core.body', 'rugdiary.core.figures', 'rugdiary.core.figure_drawing',\n"
        "         'rugdiary.ui.activity', 'rugdiary.ui.widgets.pose_figure', 'rugdiary.reports')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "maps = Path('/proc/self/maps')\n"
        "if maps.exists() and 'libQt6Svg' in maps.read_text():\n"
        "    loaded.append('libQt6Svg')\n"
        "assert running.reminders.timer.isActive(), 'reminders are on'\n"
        "assert running.reminders.detect_timer.isActive(), 'the activity source comes later'\n"
        "print(sorted(loaded))\n"
    )
    assert _launch_again(tmp_path, "", after, EVERY_REMINDER) == "[]"


def test_a_launch_reads_none_of_its_own_sources(tmp_path: Path) -> None:
    """PySide is told which modules use it (ui/__init__.py), so it reads none to find out.

    Launched as `rugdiary` does (preload first); what PySide reads stays in linecache.
    """
    before = "from rugdiary.preload import import_qt_free_layers\nimport_qt_free_layers()\n"
    after = "import linecache\nprint('\\n'.join(sorted(linecache.cache)))\n"
    read = _launch_again(tmp_path, before, after, EVERY_REMINDER).splitlines()
    ours = [p for p in read if "site-packages" not in p and Path(p).name != "enum.py"]
    assert ours == [], "only PySide's own reads (its packages and enum.py) are left"


def test_the_today_page_is_read_once_at_launch(tmp_path: Path) -> None:
    """The reminder service starts after the window: it asks for no second refresh."""
    before = (
        "from rugdiary.ui.today.controller import TodayController\n"
        "refreshes = []\n"
        "original = TodayController.refresh\n"
        "def counted(self):\n"
        "    refreshes.append(1)\n"
        "    original(self)\n"
        "TodayController.refresh = counted\n"
    )
    # Launched twice: the first launch stores the reminder state the service starts with.
    _launch_again(tmp_path, before, "print(len(refreshes))\n", EVERY_REMINDER)
    assert _launch_again(tmp_path, before, "print(len(refreshes))\n") == "1"


def test_the_activity_source_is_looked_for_after_the_window_is_shown(tmp_path: Path) -> None:
    """Movement breaks on: start_gui returns with the window up and the source not looked for."""
    before = (
        "from rugdiary.ui import app as ui_app\n"
        "from rugdiary.ui.main_window import MainWindow\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "looked: list[list[bool]] = []\n"
        "def look():\n"
        "    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]\n"
        "    looked.append([w.isVisible() for w in windows])\n"
        "    QTimer.singleShot(0, QApplication.instance().quit)\n"
        "    return None\n"
        "ui_app._detect_activity = look\n"
    )
    after = (
        "print(looked)\n"
        "QTimer.singleShot(30_000, running.app.quit)\n"
        "running.app.exec()\n"
        "service = running.reminders\n"
        "print(looked, service.activity_missing, service.scheduler.clock_breaks)\n"
    )
    out = _launch_again(tmp_path, before, after, EVERY_REMINDER).splitlines()
    assert out == ["[]", "[[True]] True True"], "looked for once, with the window shown"


def test_window_icon_has_every_png_size() -> None:
    icon = ui_app.window_icon()
    sizes = sorted(size.width() for size in icon.availableSizes())
    assert sizes == list(ui_app.WINDOW_ICON_SIZES)
    assert not icon.pixmap(32, 32).isNull()


def test_the_first_window_imports_no_qt_free_module_after_qt(tmp_path: Path) -> None:
    """`preload.import_qt_free_layers` covers what the first window uses (see its docstring)."""
    before = (
        "from rugdiary.preload import import_qt_free_layers\n"
        "import_qt_free_layers()\n"
        "loaded_first = set(sys.modules)\n"
    )
    after = (
        "qt_free = ('rugdiary.core', 'rugdiary.storage', 'tinydb', 'filelock')\n"
        "print(sorted(m for m in sys.modules if m not in loaded_first and m.startswith(qt_free)))\n"
    )
    assert _launch_again(tmp_path, before, after) == "[]"


def test_start_up_loads_no_lock_library_no_openssl_and_only_what_it_shows(tmp_path: Path) -> None:
    """What start-up was slimmed of stays off it (issue 16; each a few ms of every start).

    The folder lock is our own flock (storage/folder_lock.py): filelock, with `secrets`,
    `hmac` and OpenSSL under it, comes only where flock is missing. The single-instance
    name is hashed by Qt, not hashlib. Only the page shown is built, and the reminder
    banner makes its labels and buttons when a reminder first shows.
    """
    after = (
        "deferred = ('filelock', 'secrets', 'hmac', 'hashlib', '_hashlib')\n"
        "loaded = [m for m in deferred if m in sys.modules]\n"
        "maps = Path('/proc/self/maps')\n"
        "if maps.exists() and 'libcrypto' in maps.read_text():\n"
        "    loaded.append('libcrypto')\n"
        "window = running.window\n"
        "print(sorted(loaded), sorted(window._built), window.banner._parts is None)\n"
    )
    out = _launch_again(tmp_path, "", after, EVERY_REMINDER)
    assert out == "[] ['today'] True"


def test_start_up_makes_no_qt_class_it_does_not_use(tmp_path: Path) -> None:
    """PySide makes a Qt class, with its enums, when a module first names it; start-up names
    none that the window does not use (~3 ms of every start, measured).

    The screen-reader events come with the first announcement (ui/announce.py), QProcess
    with the first desktop notification (ui/notifications.py), QFormLayout with the first
    form (ui/widgets/form_parts.py). Skipped where PySide makes every class on import.
    """
    after = (
        "from PySide6 import QtCore, QtGui, QtWidgets\n"
        "made = {**vars(QtCore), **vars(QtGui), **vars(QtWidgets)}\n"
        "unused = ('QAccessible', 'QAccessibleEvent', 'QAccessibleValueChangeEvent',\n"
        "          'QProcess', 'QFormLayout')\n"
        "print('eager' if 'QPdfWriter' in made else sorted(n for n in unused if n in made))\n"
    )
    made = _launch_again(tmp_path, "", after, EVERY_REMINDER)
    if made == "eager":
        pytest.skip("this PySide makes its classes on import (PYSIDE6_OPTION_LAZY=0)")
    assert made == "[]"


def test_the_collector_is_paused_for_the_launch_and_running_after(tmp_path: Path) -> None:
    """Paused from the preload to the shown window (issue 16), on again afterwards, with
    what start-up made frozen; a plain start_gui (as tests call it) freezes nothing."""
    watch = (
        "import gc\n"
        "from rugdiary import preload\n"
        "counts, at_resume = [], []\n"
        "gc.callbacks.append(lambda phase, info: counts.append(1) if phase == 'start' else None)\n"
        "resume = preload.resume_collector\n"
        "def counted_resume():\n"
        "    at_resume.append(len(counts))\n"
        "    resume()\n"
        "preload.resume_collector = counted_resume\n"
    )
    launch = f"{watch}preload.import_qt_free_layers()\nstarted = len(counts)\n"
    after = "print(at_resume[0] - started, gc.isenabled(), gc.get_freeze_count() > 0)\n"
    assert _launch_again(tmp_path / "launch", launch, after) == "0 True True"
    plain = f"{watch}started = 0\n"
    assert _launch_again(tmp_path / "plain", plain, after).endswith(" True False")


def test_a_process_with_the_collector_off_keeps_it_off() -> None:
    import gc

    from rugdiary import preload

    gc.disable()
    try:
        preload.pause_collector(launch=True)
        preload.resume_collector()
        assert not gc.isenabled()
    finally:
        gc.enable()


# -- a full disk at start-up ------------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs, filled up by the test when it is ready; unmounted afterwards."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (.ci/run runs as root)")
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        pytest.skip(f"mount failed: {done.stderr.strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> None:
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)


def test_a_full_disk_opens_the_diary_and_says_no_backup_was_made(
    monkeypatch: pytest.MonkeyPatch, full_disk: Path, clock: FakeClock, make_entry: MakeEntry
) -> None:
    """The reviewer's gui_open.py: the backup made on opening failed with ENOSPC, and the
    app ended with a traceback, showing neither a window nor a dialog."""
    folder = full_disk / "data"
    entry = make_entry(note="still here")
    with Database.open(folder, clock=clock) as db:
        EntryRepository(db, clock).add(entry)
    clock.advance(3600)
    (folder / "backups").rename(full_disk / "elsewhere")  # so opening wants a new backup
    _fill(full_disk)
    asked = answer(monkeypatch)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: shown.append((title, text)))
    db = ui_app.open_database(folder, clock=clock)
    assert db is not None
    try:
        assert EntryRepository(db, clock).list() == [entry]
    finally:
        db.close()
    assert asked == []
    ((title, text),) = shown
    assert title == "No backup was made on opening"
    assert "could not make its usual backup of it: the disk is full." in text
    assert str(folder / "backups") in text


def test_a_new_diary_on_a_full_disk_is_a_dialog_naming_the_file_and_the_cause(
    monkeypatch: pytest.MonkeyPatch, full_disk: Path, clock: FakeClock
) -> None:
    folder = full_disk / "data"
    folder.mkdir()
    _fill(full_disk)
    asked = answer(monkeypatch, DataFileChoice.QUIT)
    assert ui_app.open_database(folder, clock=clock) is None
    ((problem, path, reason),) = asked
    assert problem is DataFileProblem.OTHER
    assert path == folder / "diary.json"
    assert reason == "the disk is full"
    assert not (folder / "diary.json").exists()


def test_the_pictures_folder_the_exercise_editor_makes_is_private(tmp_path: Path) -> None:
    """Own exercises' pictures are health data, in a folder of the data folder: 0700 as it
    is, not the umask's 0755 (and one an older version made 0755 is tightened)."""
    from rugdiary.ui.programs.exercise_editor_controller import copy_picture_in

    source = tmp_path / "photo.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n")
    pictures = tmp_path / "data" / "pictures"
    staged = copy_picture_in(source, pictures)
    assert (pictures.stat().st_mode & 0o777, staged.stat().st_mode & 0o777) == (0o700, 0o600)
    os.chmod(pictures, 0o755)
    copy_picture_in(source, pictures)
    assert pictures.stat().st_mode & 0o777 == 0o700
