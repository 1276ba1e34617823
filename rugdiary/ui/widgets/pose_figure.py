"""The exercise's stick figure drawn with QPainter, or a picture for a user's own exercise."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from rugdiary.core.exercises import (
    ANGLE_FIELDS,
    CHAIR_BACK,
    HEAD_RADIUS,
    LIMB_STROKE,
    TRUNK_STROKE,
    VIEW_MARGIN,
    Figure,
    Frame,
    Point,
    Pose,
    PropKind,
    fit_frame,
    forward_kinematics,
)
from rugdiary.ui.motion import reduce_motion


class PoseFigure(QWidget):
    """Draws one pose of a figure inside the figure's fixed frame, scaled to the widget.

    The frame comes from `fit_frame`, which covers every pose on both sides,
    so the figure keeps its size and place while it moves: only the limbs move.
    A picture (a user's own exercise) is shown instead when there is no figure.
    With reduced motion (ui.motion) it shows the held pose and does not animate.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figure: Figure | None = None
        self._frame: Frame | None = None
        self._pose: Pose | None = None
        self._picture: QPixmap | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(180, 120))
        self.setAccessibleName(self.tr("Exercise figure"))

    def figure(self) -> Figure | None:
        return self._figure

    def pose(self) -> Pose | None:
        return self._pose

    def shown_pose(self) -> Pose | None:
        """The pose actually drawn: with reduced motion, the held pose of the side in use.

        The player keeps sending in-between poses; snapping them to the work pose (or its
        mirror for the right side) keeps the picture still yet still shows what to do.
        """
        pose, figure = self._pose, self._figure
        if pose is None or figure is None or not reduce_motion():
            return pose
        work, mirrored = figure.work, figure.work.mirrored()
        return mirrored if _distance(pose, mirrored) < _distance(pose, work) else work

    def has_picture(self) -> bool:
        return self._picture is not None

    def set_figure(self, figure: Figure | None, pose: Pose | None = None) -> None:
        """Show `figure` (its start pose unless `pose` is given); None clears the drawing."""
        if figure is not self._figure:
            self._figure = figure
            self._frame = fit_frame(figure) if figure is not None else None
        self._picture = None
        self._pose = pose if pose is not None else (figure.start if figure is not None else None)
        self.update()

    def set_pose(self, pose: Pose) -> None:
        """Move to `pose`; repaints only when it differs from the one shown."""
        if pose != self._pose:
            self._pose = pose
            self.update()

    def set_picture(self, path: Path | None) -> bool:
        """Show an image file instead of a figure; False (and nothing shown) if it cannot load."""
        self._figure = None
        self._frame = None
        self._pose = None
        self._picture = None
        if path is not None:
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                self._picture = pixmap
        self.update()
        return self._picture is not None

    def sizeHint(self) -> QSize:
        return QSize(360, 240)

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._picture is not None:
            self._paint_picture(painter)
        else:
            pose = self.shown_pose()
            if self._figure is not None and self._frame is not None and pose is not None:
                self._paint_figure(painter, self._figure, self._frame, pose)
        painter.end()

    def _paint_picture(self, painter: QPainter) -> None:
        assert self._picture is not None
        scaled = self._picture.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - scaled.width()) / 2
        y = (self.height() - scaled.height()) / 2
        painter.drawPixmap(
            QRectF(x, y, scaled.width(), scaled.height()),
            self._picture,
            QRectF(self._picture.rect()),
        )

    def view_scale(self, frame: Frame) -> tuple[float, float, float]:
        """(pixels per view unit, x offset, y offset) that fit the frame's box in the widget."""
        k = min(self.width() / frame.width, self.height() / frame.height)
        dx = (self.width() - frame.width * k) / 2
        dy = (self.height() - frame.height * k) / 2
        return k, dx, dy

    def _paint_figure(self, painter: QPainter, figure: Figure, frame: Frame, pose: Pose) -> None:
        palette = self.palette()
        near = palette.color(QPalette.ColorRole.Highlight)
        far = QColor(near)
        far.setAlphaF(0.45)
        floor = QColor(palette.color(QPalette.ColorRole.Mid))
        prop_colour = QColor(palette.color(QPalette.ColorRole.Mid))
        prop_colour.setAlphaF(0.8)
        k, dx, dy = self.view_scale(frame)
        unit = frame.scale * k  # pixels per body unit

        def px(point: Point) -> QPointF:
            view = frame.to_view(point)
            return QPointF(dx + view.x * k, dy + view.y * k)

        def polyline(points: list[Point], colour: QColor, width: float) -> None:
            pen = QPen(colour, width * unit)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            for a, b in itertools.pairwise(points):
                painter.drawLine(px(a), px(b))

        def box(left: float, bottom: float, right: float, top: float) -> None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(prop_colour)
            top_left = px(Point(left, top))
            painter.drawRoundedRect(
                QRectF(top_left.x(), top_left.y(), (right - left) * unit, (top - bottom) * unit),
                0.015 * unit,
                0.015 * unit,
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)

        joints = forward_kinematics(pose)
        floor_y = dy + frame.to_view(Point(0, 0)).y * k
        pen = QPen(floor, 0.02 * unit)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(
            QPointF(dx + VIEW_MARGIN / 2 * k, floor_y),
            QPointF(dx + (frame.width - VIEW_MARGIN / 2) * k, floor_y),
        )
        for prop in figure.props:
            if prop.kind is PropKind.BAG:
                continue
            left, bottom, right, top = prop.box(joints)
            if prop.kind in (PropKind.CHAIR, PropKind.STOOL):
                seat = prop.y + prop.h
                back_x, front_x = left + 0.02, right - 0.02
                box(left, seat - 0.03, right, seat)
                polyline([Point(back_x, seat), Point(back_x, bottom)], prop_colour, 0.025)
                polyline([Point(front_x, seat), Point(front_x, bottom)], prop_colour, 0.025)
                if prop.kind is PropKind.CHAIR:
                    back_top = seat + CHAIR_BACK
                    polyline([Point(back_x, seat), Point(back_x, back_top)], prop_colour, 0.03)
            else:
                box(left, bottom, right, top)
        polyline([joints.far_hand, joints.far_elbow, joints.neck], far, LIMB_STROKE)
        polyline([joints.hip, joints.far_knee, joints.far_ankle], far, LIMB_STROKE)
        polyline([joints.hip, joints.neck], near, TRUNK_STROKE)
        polyline([joints.hip, joints.near_knee, joints.near_ankle], near, LIMB_STROKE)
        polyline([joints.neck, joints.near_elbow, joints.near_hand], near, LIMB_STROKE)
        for prop in figure.props:
            if prop.kind is PropKind.BAG:
                box(*prop.box(joints))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(near)
        radius = HEAD_RADIUS * unit
        painter.drawEllipse(px(joints.head), radius, radius)


def _distance(a: Pose, b: Pose) -> float:
    """How far apart two poses are, summed over the limb directions (degrees)."""
    return sum(abs(getattr(a, name) - getattr(b, name)) for name in ANGLE_FIELDS)
