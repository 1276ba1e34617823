"""The library's exercise pictures: a start-position inset only where it can be read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from rugdiary.core.content import load_exercises
from rugdiary.ui.programs.library_model import THUMB_SIZE
from rugdiary.ui.programs.library_view import FIGURE_SIZE
from rugdiary.ui.programs.thumbnails import INSET_MIN_WIDTH, ExercisePictures

EXERCISES = load_exercises(Path(__file__).parents[3] / "resources")


def _inked_share(image: QImage, right: float, bottom: float) -> float:
    """The share of pixels in the top left corner (to `right` x `bottom` of the picture)
    that are not transparent."""
    w, h = round(image.width() * right), round(image.height() * bottom)
    inked = sum(1 for y in range(h) for x in range(w) if image.pixelColor(x, y).alpha() > 40)
    return inked / (w * h)


def test_the_preview_has_the_inset_and_the_thumbnail_does_not(
    qapp: QApplication, tmp_path: Path
) -> None:
    assert THUMB_SIZE.width() < INSET_MIN_WIDTH <= FIGURE_SIZE.width()
    pictures = ExercisePictures(tmp_path)
    exercise = EXERCISES["knee-rolls"]
    big = pictures.pixmap(exercise, FIGURE_SIZE, 1.0).toImage()
    small = pictures.pixmap(exercise, QSize(THUMB_SIZE), 1.0).toImage()
    # the inset sits in the top left third: drawn in the preview (its frame and the
    # figure lying on its side), empty in the thumbnail, where the knees stand centred
    assert _inked_share(big, 0.3, 0.3) >= 0.08
    assert _inked_share(small, 0.3, 0.3) <= 0.01
