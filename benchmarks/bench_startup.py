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

APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from rugdiary.core.clock import SystemClock
from rugdiary.ui.app import open_database, prepare_application
from rugdiary.ui.main_window import MainWindow
from rugdiary.ui.services import Services
app = prepare_application("light", "en")
clock = SystemClock()
db = open_database(Path(sys.argv[1]), clock=clock)
w = MainWindow(Services.for_database(db, clock), settings=None); w.show()
def done():
    print(RSS_EXPR, flush=True); app.quit()
QTimer.singleShot(0, done)
app.exec()
db.close()
""".replace("RSS_EXPR", RSS)


def _time(code: str, *args: str) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    rss_kb = float(proc.stdout.readline())
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=60)
    return elapsed * 1000, rss_kb / 1024


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="rugdiary-start-") as folder:
        data = Path(folder) / "data"
        subprocess.run(
            [sys.executable, "-m", "rugdiary", "--data-dir", str(data), "demo", "--days", "90"],
            check=True,
            capture_output=True,
        )
        _time(BARE)  # warm the file cache for both
        _time(APP, str(data))
        bare, app, typical = [], [], []
        for _ in range(ROUNDS):
            bare.append(_time(BARE))
            typical.append(_time(TYPICAL))
            app.append(_time(APP, str(data)))
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
