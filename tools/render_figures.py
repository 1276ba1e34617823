"""`make figures`: a contact sheet of every exercise's keyframes and an animated GIF of each.

Drawn with the player's own painter (ui.widgets.pose_figure.paint_drawing), light theme,
into docs/figures/. `--only ID` renders one exercise; `--strip N` adds a strip of N
in-between frames per exercise side by side (for checking a movement by eye).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from rugdiary.core.body import Pose
from rugdiary.core.content import load_exercise_file, load_library
from rugdiary.core.exercises import Exercise, Figure, FigureStyle
from rugdiary.core.figure_drawing import scene_for
from rugdiary.resources import resources_dir
from rugdiary.ui.widgets.pose_figure import paint_drawing

CELL_W, CELL_H = 300, 200
LABEL_W = 190
STYLE = FigureStyle(background="#ffffff")
GIF_FRAMES = 24
MAX_COLUMNS = 8


def _frame_image(exercise: Exercise, phase: float, mirrored: bool, w: int, h: int) -> QImage:
    figure = exercise.figure
    assert figure is not None
    scene = scene_for(figure)
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_drawing(
        painter, scene.drawing(figure.at_phase(phase, mirrored=mirrored)), STYLE, QRectF(0, 0, w, h)
    )
    painter.end()
    return image


def _cells(figure: Figure, strip: int) -> list[tuple[str, Pose]]:
    if strip:
        return [(f"{i}/{strip}", figure.at_phase(i / strip)) for i in range(strip)]
    return [(f"{k.name} ({k.at:g})", k.pose) for k in figure.keyframes]


def contact_sheet(exercises: list[Exercise], strip: int, lang: str) -> QImage:
    """Each exercise's keyframes (or a strip of in-between frames) beside its name.

    More than MAX_COLUMNS cells wrap onto further lines, so one long exercise (stairs has
    16 keyframes) does not make the whole sheet twice as wide.
    """
    figures = [e.figure for e in exercises if e.figure]
    columns = min(MAX_COLUMNS, max(len(_cells(f, strip)) for f in figures))
    lines = [math.ceil(len(_cells(f, strip)) / columns) for f in figures]
    width = LABEL_W + columns * CELL_W
    image = QImage(width, sum(lines) * CELL_H, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(17)
    small = QFont()
    small.setPixelSize(13)
    top = 0
    for exercise, line_count in zip(exercises, lines, strict=True):
        figure = exercise.figure
        assert figure is not None
        scene = scene_for(figure)
        painter.setPen(QColor("#202020"))
        painter.setFont(font)
        painter.drawText(
            QRectF(10, top + 10, LABEL_W - 16, CELL_H - 20),
            Qt.TextFlag.TextWordWrap,
            exercise.name.get(lang) + f"\n\n{figure.camera} view",
        )
        for index, (label, pose) in enumerate(_cells(figure, strip)):
            row, col = divmod(index, columns)
            rect = QRectF(LABEL_W + col * CELL_W, top + row * CELL_H, CELL_W, CELL_H)
            paint_drawing(painter, scene.drawing(pose), STYLE, rect.adjusted(4, 18, -4, -4))
            painter.setFont(small)
            painter.setPen(QColor("#555555"))
            painter.drawText(rect.adjusted(8, 2, 0, 0), label)
        top += line_count * CELL_H
        painter.setPen(QColor("#dddddd"))
        painter.drawLine(0, top - 1, width, top - 1)
    painter.end()
    return image


def animated_gif(exercise: Exercise, path: Path) -> None:
    """One cycle (both sides for a per-side exercise) as a looping GIF, via Pillow."""
    from PIL import Image

    frames = []
    sides = (False, True) if exercise.dose(exercise_level()).per_side else (False,)
    for mirrored in sides:
        for i in range(GIF_FRAMES):
            qimage = _frame_image(exercise, i / GIF_FRAMES, mirrored, 300, 200)
            qimage = qimage.convertToFormat(QImage.Format.Format_RGB888)
            data = bytes(qimage.constBits())[: qimage.sizeInBytes()]
            frame = Image.frombuffer(
                "RGB", (qimage.width(), qimage.height()), data, "raw", "RGB", qimage.bytesPerLine()
            )
            frames.append(frame.convert("P", palette=Image.Palette.ADAPTIVE, colors=32))
    assert exercise.figure is not None
    duration = round(exercise.figure.cycle_s * 1000 / GIF_FRAMES)
    tmp = path.with_suffix(".gif.tmp")
    frames[0].save(
        tmp, format="GIF", save_all=True, append_images=frames[1:], duration=duration, loop=0
    )
    tmp.replace(path)


def exercise_level():  # type: ignore[no-untyped-def]
    from rugdiary.core.exercises import Level

    return Level.BEGINNER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/figures"))
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--strip", type=int, default=0)
    parser.add_argument("--no-gif", action="store_true")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--lenient", action="store_true", help="draw even if contacts miss")
    args = parser.parse_args(argv)
    if args.lenient:
        import rugdiary.core.figures as figures

        figures.CONTACT_TOLERANCE_CM = 100.0
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if args.only:
        folder = resources_dir() / "exercises"
        exercises = [load_exercise_file(folder / f"{i}.json") for i in args.only]
    else:
        exercises = [e for e in load_library(resources_dir()).exercises.values() if e.figure]
    args.out.mkdir(parents=True, exist_ok=True)
    sheet = contact_sheet(exercises, args.strip, args.lang)
    name = "contact-sheet.png" if not args.only and not args.strip else "check.png"
    tmp = args.out / (name + ".tmp.png")
    sheet.save(str(tmp))
    tmp.replace(args.out / name)
    print(args.out / name)
    if not args.no_gif:
        for exercise in exercises:
            animated_gif(exercise, args.out / f"{exercise.id}.gif")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
