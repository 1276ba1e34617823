"""The countdown ring and the pose figure: they paint every built-in pose, inside their frame."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFontInfo, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rugdiary.core.content import Library
from rugdiary.core.exercises import Level
from rugdiary.core.player import pose_for_step
from rugdiary.core.programs import DoseOverride, Program, ProgramItem, build_timeline
from rugdiary.ui.player.page import PlayerPage
from rugdiary.ui.widgets.countdown_ring import CountdownRing
from rugdiary.ui.widgets.pose_figure import PoseFigure


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_ring_draws_the_remaining_fraction_clockwise_from_twelve(qtbot: QtBot) -> None:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(300, 300)
    ring.set_state(0.25, "3", unit="seconds")
    assert ring.text() == "3"
    assert ring.unit() == "seconds"
    assert ring.fraction() == 0.25
    assert ring.spoken_text() == "3 seconds"
    image = ring.grab().toImage()
    highlight = ring.palette().color(QPalette.ColorRole.Highlight)
    centre, radius = 150.0, 150.0 - 300 * 0.075 / 2

    def at(degrees_clockwise_from_12: float) -> QColor:
        rad = math.radians(degrees_clockwise_from_12)
        x = centre + radius * math.sin(rad)
        y = centre - radius * math.cos(rad)
        return image.pixelColor(round(x), round(y))

    assert _close(at(45), highlight), "the first quarter (12 to 3 o'clock) is drawn"
    assert not _close(at(200), highlight), "the rest of the ring is only the track"
    assert not _close(at(300), highlight)


def test_ring_dims_while_paused_and_ignores_repeats(qtbot: QtBot) -> None:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(200, 200)
    ring.set_state(1.0, "10", unit="seconds", caption="paused", dimmed=True)
    assert ring.spoken_text() == "10 seconds, paused"
    image = ring.grab().toImage()
    highlight = ring.palette().color(QPalette.ColorRole.Highlight)
    assert not _close(image.pixelColor(100, 8), highlight, tolerance=10)


def _figure_pixels(image: QImage, colour: QColor) -> list[tuple[int, int]]:
    return [
        (x, y)
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if _close(image.pixelColor(x, y), colour, tolerance=12)
    ]


def test_every_builtin_exercise_paints_all_its_poses_inside_the_widget(
    qtbot: QtBot, library: Library
) -> None:
    widget = PoseFigure()
    qtbot.addWidget(widget)
    widget.resize(240, 160)
    for exercise in library.exercises.values():
        figure = exercise.figure
        assert figure is not None, exercise.id
        widget.set_figure(figure)
        frame = widget._frame
        assert frame is not None
        near = QColor(widget.figure_style().near)
        poses = [pose for _, pose in figure.poses]
        poses += [pose.mirrored() for pose in poses]
        for pose in poses:
            widget.set_pose(pose)
            assert widget._frame is frame, "the frame never changes while the figure moves"
            image = widget.grab().toImage()
            assert _figure_pixels(image, near), f"{exercise.id}: nothing drawn"
            drawing = widget.drawing()
            assert drawing is not None
            k, dx, dy = widget.view_scale(drawing)
            for name, (x, y) in drawing.joints.items():
                px = QPointF(dx + x * k, dy + y * k)
                assert 0 <= px.x() <= widget.width(), (exercise.id, name)
                assert 0 <= px.y() <= widget.height(), (exercise.id, name)


def test_every_builtin_exercise_animates_through_its_steps(qtbot: QtBot, library: Library) -> None:
    """Each step kind of each exercise, at several instants, left and right side."""
    widget = PoseFigure()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    for exercise in library.exercises.values():
        assert exercise.figure is not None
        program = Program(
            id="one",
            name=exercise.name,
            description=exercise.name,
            frequency=exercise.name,
            level=Level.BEGINNER,
            sessions_per_week=1,
            items=(ProgramItem(exercise.id, overrides=(("all", DoseOverride(sets=2)),)),),
        )
        timeline = build_timeline(program, library.exercises, Level.BEGINNER)
        widget.set_figure(exercise.figure)
        seen = set()
        for step in timeline.steps:
            if (step.kind, step.side) in seen:
                continue
            seen.add((step.kind, step.side))
            for fraction in (0.0, 0.3, 0.5, 1.0):
                widget.set_pose(pose_for_step(exercise.figure, step, step.duration_s * fraction))
                assert not widget.grab().isNull()


def test_a_user_picture_replaces_the_figure(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "exercise.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff0000"))
    assert image.save(str(path))
    widget = PoseFigure()
    qtbot.addWidget(widget)
    widget.resize(200, 200)
    assert widget.set_picture(path) is True
    assert widget.has_picture()
    shown = widget.grab().toImage()
    assert _close(shown.pixelColor(100, 100), QColor("#ff0000"), tolerance=5)
    assert _close(shown.pixelColor(100, 10), QColor("#ff0000"), tolerance=5) is False
    assert widget.set_picture(tmp_path / "missing.png") is False
    assert not widget.has_picture()


def test_a_custom_exercise_with_a_picture_plays(
    qtbot: QtBot, player: PlayerPage, library: Library, tmp_path: Path
) -> None:
    image = QImage(30, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    assert image.save(str(tmp_path / "mine.png"))
    custom = replace(
        library.exercises["glute-bridge"], id="my-bridge", figure=None, picture="mine.png"
    )
    exercises = {**library.exercises, "my-bridge": custom}
    program = Program(
        id="mine",
        name=custom.name,
        description=custom.name,
        frequency=custom.name,
        level=Level.BEGINNER,
        sessions_per_week=1,
        items=(ProgramItem("my-bridge"),),
    )
    player.controller.pictures_dir = tmp_path
    assert player.controller.start(program, Level.BEGINNER, exercises=exercises)
    qtbot.keyClick(player.view.before.pain, Qt.Key.Key_Space)
    assert player.view.play.figure.has_picture()


def test_the_words_for_the_mat_grow_with_the_window(
    qtbot: QtBot, player: PlayerPage, tiny_program: Program
) -> None:
    assert player.controller.start(tiny_program, Level.BEGINNER)
    player.controller.begin()
    play, view = player.view.play, player.view
    sizes = {}
    for width, height in ((750, 520), (1450, 930)):
        view.resize(width, height)
        qtbot.waitUntil(lambda w=width: play.width() == w)
        sizes[width] = {
            "phase": play.phase_label.font().pixelSize(),
            "counters": play.counters_label.font().pixelSize(),
            "next": play.next_label.font().pixelSize(),
            "steps": QFontInfo(play.instructions.font()).pixelSize(),
            "figure": play.figure.width() * play.figure.height(),
            "page": play.width() * play.height(),
        }
    small, large = sizes[750], sizes[1450]
    # From two metres: the phase at least 32 px even in a small window, twice that on a big one.
    assert small["phase"] >= 32
    assert large["phase"] >= 2 * small["phase"] * 0.9
    assert large["next"] > small["next"] >= 18
    assert large["counters"] > small["counters"]
    # The steps: never below body text, and larger on a large screen (they stayed at body
    # size, a quarter of the phase's height).
    body = QFontInfo(QApplication.font()).pixelSize()
    assert small["steps"] >= body
    assert large["steps"] >= 1.2 * body
    # The figure is the largest thing on the page.
    for measured in (small, large):
        assert measured["figure"] >= 0.25 * measured["page"]
    player.controller.timer.stop()
