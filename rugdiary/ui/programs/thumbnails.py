"""Pictures of exercises: the start pose rendered from SVG, or the user's own picture file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from rugdiary.core.exercises import Exercise, FigureStyle, render_svg
from rugdiary.ui.widgets.pose_figure import palette_style

INSET_MIN_WIDTH = 240
"""Logical pixels a picture needs for its start-position inset (a third as wide) to read."""

CARD_RADIUS = 6
"""Corner radius, in logical pixels, of the card a selected row's picture sits on."""


def figure_style() -> FigureStyle:
    """The player's figure colours, so a thumbnail looks like the figure it opens."""
    return palette_style(QGuiApplication.palette())


def _render(renderer: QSvgRenderer, size: QSize, ratio: float) -> QPixmap:
    image = QImage(
        max(1, round(size.width() * ratio)),
        max(1, round(size.height() * ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Keep the drawing's proportions inside the requested box.
    view = renderer.viewBoxF()
    scale = min(image.width() / max(view.width(), 1), image.height() / max(view.height(), 1))
    w, h = view.width() * scale, view.height() * scale
    renderer.render(painter, QRectF((image.width() - w) / 2, (image.height() - h) / 2, w, h))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def on_card(pixmap: QPixmap, colour: QColor) -> QPixmap:
    """`pixmap` drawn on a rounded card of `colour`, the same size.

    A selected row is filled with the highlight colour, which in every theme is close to
    the figure's own colour: drawn straight on it the figure all but disappears. On a card
    of the list's base colour it keeps the contrast it has on an unselected row.
    """
    ratio = pixmap.devicePixelRatio()
    image = QImage(pixmap.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    radius = CARD_RADIUS * ratio
    painter.drawRoundedRect(QRectF(image.rect()), radius, radius)
    painter.drawPixmap(0, 0, pixmap)
    painter.end()
    card = QPixmap.fromImage(image)
    card.setDevicePixelRatio(ratio)
    return card


def load_picture(path: Path, size: QSize, ratio: float = 1.0) -> QPixmap | None:
    """A PNG, JPEG or SVG file scaled to fit `size`; None when it cannot be read."""
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        return _render(renderer, size, ratio) if renderer.isValid() else None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        return None
    target = QSize(round(size.width() * ratio), round(size.height() * ratio))
    scaled = image.scaled(
        target, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    pixmap = QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


_PictureKey = tuple[str, str | None, int, int, float, str]


def _screen_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen is not None else 1.0


def _picture_key(exercise: Exercise, size: QSize, ratio: float) -> _PictureKey:
    """What a picture depends on: the exercise and its own picture file, the size, the
    pixel ratio and the figure colours (a theme change or a high-DPI screen draws anew)."""
    style = figure_style()
    return (
        exercise.id,
        exercise.picture,
        size.width(),
        size.height(),
        ratio,
        style.near + style.outline,
    )


class ExercisePictures:
    """Renders and caches exercise pictures, so scrolling the library never re-renders SVG.

    The cache key holds the size, the pixel ratio and the figure colours, so a theme
    change or a move to a high-DPI screen draws fresh pictures instead of blurry ones.
    """

    def __init__(self, pictures_dir: Path) -> None:
        self.pictures_dir = pictures_dir
        self._cache: dict[_PictureKey, QPixmap] = {}
        self._icons: dict[tuple[str, str | None, int, int, float, str, str], QIcon] = {}

    def clear(self) -> None:
        self._cache.clear()
        self._icons.clear()

    def forget(self, exercise_id: str) -> None:
        """Drop the cached pictures of one exercise (after its picture file changed)."""
        for key in [k for k in self._cache if k[0] == exercise_id]:
            del self._cache[key]
        for icon_key in [k for k in self._icons if k[0] == exercise_id]:
            del self._icons[icon_key]

    def icon(self, exercise: Exercise, size: QSize) -> QIcon:
        """The picture for a list row: as `pixmap` gives it, and on a card when selected.

        Cached as well, since a view asks for it each time it paints a row.
        """
        ratio = _screen_ratio()
        base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
        key = (*_picture_key(exercise, size, ratio), base.name())
        cached = self._icons.get(key)
        if cached is not None:
            return cached
        pixmap = self.pixmap(exercise, size, ratio)
        icon = QIcon()
        if not pixmap.isNull():
            icon.addPixmap(pixmap, QIcon.Mode.Normal)
            icon.addPixmap(on_card(pixmap, base), QIcon.Mode.Selected)
        self._icons[key] = icon
        return icon

    def pixmap(self, exercise: Exercise, size: QSize, ratio: float | None = None) -> QPixmap:
        """The key position (or the user's picture) at `size`; an empty pixmap when there is none.

        The work position shows what the exercise is about (a bridge, a side plank), where
        the start position is often the same for several exercises.
        """
        if ratio is None:
            ratio = _screen_ratio()
        key = _picture_key(exercise, size, ratio)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        pixmap: QPixmap | None = None
        if exercise.picture:
            pixmap = load_picture(self.pictures_dir / exercise.picture, size, ratio)
        elif exercise.figure is not None:
            # a start-position inset (Figure.inset) only where it can be read: in a list's
            # thumbnail it is a smudge in the corner
            inset = size.width() >= INSET_MIN_WIDTH
            work = exercise.figure.work
            svg = render_svg(exercise.figure, work, style=figure_style(), inset=inset)
            pixmap = _render(QSvgRenderer(QByteArray(svg.encode("utf-8"))), size, ratio)
        result = pixmap if pixmap is not None else QPixmap()
        self._cache[key] = result
        return result
