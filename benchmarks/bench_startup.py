"""startup_ratio and rss_mb_start: the app's start against a bare PySide6 QMainWindow."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 7

# Each child prints its resident memory once the window is shown and the event loop idle.
# Current RSS from /proc: ru_maxrss would report the parent's high-water mark, which a
# child inherits across fork and exec on Linux.
RSS = "int(next(l for l in open('/proc/self/status') if l.startswith('VmRSS')).split()[1])"

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1100, 720); w.show()
def done():
    print(RSS_EXPR, flush=True); app.quit()
QTimer.singleShot(0, done)
app.exec()
""".replace("RSS_EXPR", RSS)

# For scale, not a target: a window with what any real app's first page has (a navigation
# list, a column of labels, a button and a slider, one Qt enum), and no logic or data.
TYPICAL = """
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListWidget, QMainWindow, QPushButton, QSlider,
    QVBoxLayout, QWidget,
)
app = QApplication([])
w = QMainWindow(); w.resize(1100, 720)
body = QWidget(); row = QHBoxLayout(body)
nav = QListWidget(); nav.addItems(["Today", "Diary", "Insights", "Exercises"]); row.addWidget(nav)
column = QVBoxLayout(); row.addLayout(column)
for i in range(20):
    label = QLabel(f"Line {i}"); label.setWordWrap(True); column.addWidget(label)
column.addWidget(QPushButton("Start")); column.addWidget(QSlider(Qt.Orientation.Horizontal))
w.setCentralWidget(body); w.show()
def done():
    print(RSS_EXPR, flush=True); app.quit()
QTimer.singleShot(0, done)
app.exec()
""".replace("RSS_EXPR", RSS)

# The launch as `rugdiary` does it (command-line module, single-instance check, diary,
# preferences, reminder service, window), on a diary set up by `_prepare` with every kind
# of reminder switched on, as issue 6 asks.
APP = """
import sys
from pathlib import Path
import rugdiary.cli
from rugdiary.preload import import_qt_free_layers
import_qt_free_layers()  # as rugdiary.cli does before the GUI
from rugdiary.ui.app import start_gui
from PySide6.QtCore import QTimer
running = start_gui(Path(sys.argv[1]), theme="light", lang="en")
assert running.reminders.timer.isActive(), "reminders are on"
def done():
    print(RSS_EXPR, flush=True); running.app.quit()
QTimer.singleShot(0, done)
running.app.exec()
running.close()
""".replace("RSS_EXPR", RSS)

PREPARE = """
import sys
from datetime import timedelta
from pathlib import Path
from rugdiary.core.clock import SystemClock
from rugdiary.storage.database import Database
from rugdiary.ui.first_run import DONE_KEY
from rugdiary.ui.safety import ACKNOWLEDGED_KEY
from rugdiary.ui.services import Services
clock = SystemClock()
db = Database.open(Path(sys.argv[1]), clock=clock)
settings = Services.for_database(db, clock).settings
later = (clock.now() + timedelta(hours=2)).strftime("%H:%M")
settings.set(DONE_KEY, True)
settings.set(ACKNOWLEDGED_KEY, True)
settings.set("reminders", {
    "diary": {"enabled": True, "time": later},
    "exercises": [{"program_id": "desk-break", "days": list(range(7)), "time": later}],
    "breaks": {"enabled": True, "every_min": 50, "start": "00:00", "end": "23:59",
               "days": list(range(7))},
    "quiet": {"enabled": False},
})
db.close()
"""


def _time(code: str, *args: str, config: str = "") -> tuple[float, float]:
    # A fresh config folder: window state and the last page start from the defaults.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if config:
        env["XDG_CONFIG_HOME"] = config
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    rss_kb = float(proc.stdout.readline())
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=60)
    return elapsed * 1000, rss_kb / 1024


def compile_bytecode() -> None:
    """Bytecode for every module of the app, as an installed copy has it.

    pip and PyInstaller compile it at install time. In a checkout whose sources are newer
    than their caches, with PYTHONDONTWRITEBYTECODE set (as on the shared build machine),
    every launch compiles each changed module again: measured that way, a third of
    "start-up" was the compiler (ratio ~3.9 against ~2.9 on the same commit).
    """
    import compileall

    import rugdiary

    compileall.compile_dir(Path(rugdiary.__file__).parent, quiet=1)


def run() -> dict[str, float]:
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="rugdiary-start-") as folder:
        data = Path(folder) / "data"
        subprocess.run(
            [sys.executable, "-m", "rugdiary", "--data-dir", str(data), "demo", "--days", "90"],
            check=True,
            capture_output=True,
        )
        subprocess.run([sys.executable, "-c", PREPARE, str(data)], check=True)
        config = str(Path(folder) / "config")
        _time(BARE)  # warm the file cache for both
        _time(APP, str(data), config=config)
        bare, app, typical = [], [], []
        for _ in range(ROUNDS):
            bare.append(_time(BARE))
            typical.append(_time(TYPICAL))
            app.append(_time(APP, str(data), config=config))
    bare_ms = statistics.median(b[0] for b in bare)
    app_ms = statistics.median(a[0] for a in app)
    typical_ms = statistics.median(t[0] for t in typical)
    bare_rss = statistics.median(b[1] for b in bare)
    app_rss = statistics.median(a[1] for a in app)
    return {
        "startup_ratio": round(app_ms / bare_ms, 3),
        "startup_ms": round(app_ms, 1),
        "startup_bare_qt_ms": round(bare_ms, 1),
        "startup_typical_window_ratio": round(typical_ms / bare_ms, 3),
        "rss_mb_start": round(app_rss, 1),
        "rss_mb_bare_qt": round(bare_rss, 1),
        "rss_mb_start_over_bare": round(app_rss - bare_rss, 1),
    }
