"""figure_frame_ms_p95 and player_cpu_pct: the figure's cost per frame and during a session."""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow

from benchmarks.bench_player import MemoryStore, ScaledClock, Silent
from rugdiary.core.content import load_library
from rugdiary.core.exercises import Level
from rugdiary.core.figure_drawing import scene_for
from rugdiary.core.programs import Program, ProgramItem
from rugdiary.core.sessions import StopReason
from rugdiary.resources import resources_dir
from rugdiary.ui.player.page import build_player_page
from rugdiary.ui.widgets.pose_figure import PoseFigure, StaticLayers, paint_drawing

FRAME_SIZE = (600, 450)
FRAMES_PER_EXERCISE = 30
PLAY_S = 20.0
"""Real seconds of a programme played at real speed for the CPU measurement."""


def _app() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def _frame_ms() -> list[float]:
    """One player frame each: the pose at that instant, solved, drawn and painted at 600x450."""
    library = load_library(resources_dir())
    widget = PoseFigure()
    style = widget.figure_style()
    image = QImage(*FRAME_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    target = QRectF(0, 0, *FRAME_SIZE)
    times: list[float] = []
    for exercise in library.exercises.values():
        figure = exercise.figure
        assert figure is not None
        # built once per exercise when it is shown, like the player; its figure widget keeps
        # the painted floor, mat and props (StaticLayers) while the exercise is on screen
        scene = scene_for(figure)
        layers = StaticLayers()
        for i in range(FRAMES_PER_EXERCISE):
            image.fill(QColor("#ffffff"))
            t0 = time.perf_counter()
            pose = figure.at_phase(i / FRAMES_PER_EXERCISE, mirrored=bool(i % 2))
            painter = QPainter(image)
            paint_drawing(painter, scene.drawing(pose), style, target, layers)
            painter.end()
            times.append((time.perf_counter() - t0) * 1000)
    return times


def _player_cpu_pct(app: QApplication) -> float:
    """CPU of the whole app, as a share of one core, while a programme plays at real speed.

    The player page in a 1100x720 window plays bird dog, cat-camel and walking (holds,
    reps and a timed cycle), so the figure moves on every tick.
    """
    library = load_library(resources_dir())
    exercises = dict(library.exercises)
    name = exercises["walking"].name
    program = Program(
        id="bench-cpu",
        name=name,
        description=name,
        frequency=name,
        level=Level.BEGINNER,
        sessions_per_week=1,
        items=(ProgramItem("cat-camel"), ProgramItem("bird-dog"), ProgramItem("walking")),
    )
    clock = ScaledClock(1.0)
    page = build_player_page(exercises, MemoryStore(), clock, cues=Silent(), lang="en")
    window = QMainWindow()
    window.setCentralWidget(page.view)
    window.resize(1100, 720)
    window.show()
    assert page.controller.start(program, Level.BEGINNER)
    page.controller.begin()
    QTimer.singleShot(1000, app.quit)  # past the first paint and the get-ready step
    app.exec()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    QTimer.singleShot(round(PLAY_S * 1000), app.quit)
    app.exec()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    page.controller.stop(StopReason.OTHER)
    window.close()
    window.deleteLater()
    app.processEvents()
    return 100.0 * cpu / wall


def run() -> dict[str, float]:
    app = _app()
    results: dict[str, float] = {}
    times = sorted(_frame_ms())
    results["figure_frame_ms_p95"] = round(statistics.quantiles(times, n=20)[-1], 3)
    results["figure_frame_ms_p50"] = round(statistics.median(times), 3)
    results["figure_frames"] = float(len(times))
    results["player_cpu_pct"] = round(_player_cpu_pct(app), 2)
    return results


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
