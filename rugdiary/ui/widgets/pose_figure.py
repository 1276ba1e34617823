"""The exercise's figure drawn with QPainter, or a picture for a user's own exercise."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QImageReader,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from rugdiary.core.exercises import Figure, FigureStyle, Pose
from rugdiary.core.figure_drawing import (
    OUTLINE_MITER_LIMIT,
    ROLE_OPACITY,
    Drawing,
    FigureScene,
    Shape,
    scene_for,
    watch_share,
)
from rugdiary.ui.motion import reduce_motion


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(a: QColor, b: QColor, share_b: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share_b,
        a.greenF() + (b.greenF() - a.greenF()) * share_b,
        a.blueF() + (b.blueF() - a.blueF()) * share_b,
    )


def palette_style(palette: QPalette) -> FigureStyle:
    """Figure colours from the palette: near in the highlight colour, far lighter but 3:1.

    The far side is the near colour mixed towards the background as far as it can go while
    keeping at least 3:1 contrast, so it reads as "behind" in light, dark and high-contrast
    themes alike.
    """
    background = palette.color(QPalette.ColorRole.Window)
    near = palette.color(QPalette.ColorRole.Highlight)
    if contrast(near, background) < 4.5:
        # a pale highlight (some dark themes): darken or lighten it towards the text colour
        text = palette.color(QPalette.ColorRole.WindowText)
        for step in range(1, 11):
            candidate = _mix(near, text, step / 10)
            if contrast(candidate, background) >= 4.5:
                near = candidate
                break
    far = _softened(near, background, 3.2)
    # a near arm over the legs (Figure.near_arm): halfway, apart from both sides' tones
    arm = _mix(near, far, 0.5)
    # the motion arrow: the text colour softened towards the page while it keeps 3:1 with
    # margin, so it reads as a quiet cue apart from the body's colour
    cue = _softened(palette.color(QPalette.ColorRole.WindowText), background, 4.0)
    mid = palette.color(QPalette.ColorRole.Mid)
    tint = _tint_blue(background)
    return FigureStyle(
        near=near.name(),
        far=far.name(),
        arm=arm.name(),
        floor=mid.name(),
        prop=_mix(mid, background, 0.25).name(),
        prop_top=_mix(mid, background, 0.5).name(),
        outline=background.name(),
        mat=_mix(near, background, 0.82).name(),
        cue=cue.name(),
        hollow=tint.name(),
        focus=tint.name(),
        trail=tint.name(),
        # the start position behind the body (Figure.ghost): paler than the far side,
        # a shade darker than the mat, so it shows on the mat and beside it
        ghost=_mix(near, background, GHOST_PALE).name(),
        # the limbs the eye has to find (Figure.tinted), in the tints' blue: a near one as
        # light as the mid tone (as dark as near, the blue hardly showed), a far one as
        # light as far, so it keeps its 3:1 and stays the lighter
        tint_near=_blued(arm, tint).name(),
        tint_far=_blued(far, tint).name(),
        background=None,
    )


GHOST_PALE = 0.72
"""How far the ghost's tone is mixed from the near colour towards the page (the mat 0.82)."""

DARK_TINT_LIFT = 0.45
"""How far the tints' blue is mixed towards white on a dark page."""
DARK_PAGE_LUMINANCE = 0.18
"""Below this a page counts as dark (the dark and high-contrast themes; light is ~0.9)."""


def _tint_blue(background: QColor) -> QColor:
    """The calm blue of the tints (the pelvic tilt's hollow, the body scan's band): as it is
    on a light page, lighter on a dark one. Laid on at a third of its strength, the light
    theme's blue over a dark page and mat was a dim smudge, and the hollow that teaches the
    pelvic tilt all but vanished."""
    blue = QColor(FigureStyle().hollow)
    if _luminance(background) >= DARK_PAGE_LUMINANCE:
        return blue
    return _mix(blue, QColor("#ffffff"), DARK_TINT_LIFT)


TINT_SATURATION = 0.5
"""The saturation of the blue tinted limbs take (Figure.tinted): calmer than the tints'."""


def _blued(colour: QColor, blue: QColor) -> QColor:
    """`blue`'s hue, at TINT_SATURATION and `colour`'s luminance: the same contrast with any
    page, so a far limb keeps its 3:1 and stays lighter than a near one."""
    goal = _luminance(colour)
    hue = blue.hslHueF()
    low, high = 0.0, 1.0
    for _ in range(24):  # lightness to 1/16 million: luminance rises with it
        mid = (low + high) / 2
        if _luminance(QColor.fromHslF(hue, TINT_SATURATION, mid)) < goal:
            low = mid
        else:
            high = mid
    return QColor.fromHslF(hue, TINT_SATURATION, (low + high) / 2)


def _softened(colour: QColor, background: QColor, keep: float) -> QColor:
    """`colour` mixed towards `background` in twentieths while its contrast stays >= `keep`."""
    softest = colour
    for step in range(1, 20):
        candidate = _mix(colour, background, step / 20)
        if contrast(candidate, background) < keep:
            break
        softest = candidate
    return softest


STATIC_ROLES = frozenset({"floor", "mat", "prop", "prop_top"})
"""Roles of shapes that do not move with the body (a held bag is a prop that does)."""


def _is_static(shape: Shape) -> bool:
    # the start-position inset (Figure.inset), the ghost of the start position
    # (Figure.ghost) and the thought bubble with its small body (Figure.thought) never
    # move: each is one cached image
    if shape.part in ("inset", "thought") or shape.role == "ghost":
        return True
    return shape.role in STATIC_ROLES and not shape.part.startswith("bag")


def _run_of(shape: Shape) -> str:
    """Which cached image a static shape belongs to: its prop's part, or the whole ghost."""
    return "ghost" if shape.role == "ghost" else shape.part


class StaticLayers:
    """Unchanging shapes (floor, mat, chair, stairs) painted once and then reused.

    The stairs alone are some 36 outlined polygons in front of and behind the body; painting
    them every frame was half of a frame's cost. Each run of consecutive shapes of one prop
    part (a step, the rail's posts, the chair's seat) is painted once, at the painter's
    device transform, into a transparent image placed on whole device pixels, and blitted
    where it belongs in the drawing order. Runs follow the prop's parts rather than all the
    shapes between two body parts, so a body moving between the steps reuses the same few
    images. Source-over is associative: the picture is the same, within rounding, as
    painting each shape.
    """

    MAX_IMAGES = 64
    """The stairs use some 31 over both sides, about 3 MB at 600x450; more means the size
    changed: start again."""

    def __init__(self) -> None:
        self._images: dict[tuple[object, ...], tuple[QImage, QPointF]] = {}

    def clear(self) -> None:
        self._images.clear()

    def __len__(self) -> int:
        return len(self._images)

    def paint(self, painter: QPainter, run: tuple[Shape, ...], brushes: _Brushes) -> None:
        """Paint `run` from its cached image (made now if missing), or directly if it cannot."""
        device = painter.deviceTransform()
        if device.isRotating():
            _paint_shapes(painter, run, brushes)
            return
        dpr = painter.device().devicePixelRatioF()
        key = (run, brushes.key, device.m11(), device.m22(), device.dx(), device.dy(), dpr)
        cached = self._images.get(key)
        if cached is None:
            if len(self._images) >= self.MAX_IMAGES:
                self._images.clear()
            cached = self._render(run, brushes, device, dpr)
            self._images[key] = cached
        image, corner = cached
        painter.save()
        painter.resetTransform()
        # With no world transform left, the device transform is what remains between the
        # painter and the device: the device pixel ratio and, for a widget painted inside
        # its window (a backing store, grab()), the widget's offset in it. The image's
        # corner is in device pixels, so it goes back through that, not just / dpr: drawn
        # at corner / dpr a child widget's props landed its offset away from the body.
        base, invertible = painter.deviceTransform().inverted()
        if not invertible:
            painter.restore()
            _paint_shapes(painter, run, brushes)
            return
        painter.drawImage(base.map(corner), image)
        painter.restore()

    @staticmethod
    def _render(
        run: tuple[Shape, ...], brushes: _Brushes, device: QTransform, dpr: float
    ) -> tuple[QImage, QPointF]:
        margin = brushes.outline.widthF() + max((s.size[0] for s in run), default=0.0) + 2
        x0, y0, x1, y1 = _bounds(run, margin)
        left, top = device.map(QPointF(x0, y0)).toTuple()
        right, bottom = device.map(QPointF(x1, y1)).toTuple()
        left, right = sorted((left, right))
        top, bottom = sorted((top, bottom))
        px, py = math.floor(left), math.floor(top)
        image = QImage(
            max(1, math.ceil(right) - px),
            max(1, math.ceil(bottom) - py),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        inner = QPainter(image)
        inner.setRenderHint(QPainter.RenderHint.Antialiasing)
        inner.setTransform(device * QTransform.fromTranslate(-px, -py))
        _paint_shapes(inner, run, brushes)
        inner.end()
        # drawn with no world transform, where one logical pixel is dpr device pixels
        image.setDevicePixelRatio(dpr)
        return image, QPointF(px, py)


def _bounds(shapes: tuple[Shape, ...], margin: float) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        if shape.kind in ("poly", "line"):
            xs.extend(x for x, _ in shape.points)
            ys.extend(y for _, y in shape.points)
        else:
            (cx, cy), (rx, ry) = shape.points[0], shape.size
            xs.extend((cx - rx, cx + rx))
            ys.extend((cy - ry, cy + ry))
    return min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin


OPAQUE_OVER_PAGE = frozenset({"hollow"})
"""See-through roles (ROLE_OPACITY) whose shapes lie over the page alone: the pelvic tilt's
hollow, between the low back and the mat. They are painted opaque, in the colour they make
over the page, because Qt fills an antialiased see-through shape several times slower than
an opaque one: the hollow and its magnified copy were a tenth of the pelvic tilt's frame.
The SVG keeps the opacity; tests check that both look the same."""


class _Brushes:
    """The outline pen and a colour per role, for one style and drawing."""

    def __init__(self, style: FigureStyle, outline_width: float) -> None:
        self.style = style
        self.key = (style, outline_width)
        self.outline = QPen(QColor(style.outline), outline_width)
        # mitred, as in the SVG (OUTLINE_MITER_LIMIT): round joins made Qt's stroker the largest
        # part of a frame (a body's outline has some sixty corners, all but a few so flat
        # that no join shows), and a prop's square corners stay square
        self.outline.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.outline.setMiterLimit(OUTLINE_MITER_LIMIT)
        self._colours: dict[str, QColor] = {}

    def colour(self, role: str) -> QColor:
        colour = self._colours.get(role)
        if colour is None:
            colour = QColor(self.style.colour(role))
            opacity = ROLE_OPACITY.get(role)
            if opacity is not None and role in OPAQUE_OVER_PAGE:
                # the outline is drawn in the page's colour (palette_style)
                page = QColor(self.style.background or self.style.outline)
                colour = _mix(page, colour, opacity)
            elif opacity is not None:
                colour.setAlphaF(opacity)
            self._colours[role] = colour
        return colour


def _paint_shapes(painter: QPainter, shapes: Iterable[Shape], brushes: _Brushes) -> None:
    for shape in shapes:
        colour = brushes.colour(shape.role)
        if shape.kind == "line":
            pen = QPen(colour, shape.size[0])
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in shape.points]))
            continue
        painter.setPen(brushes.outline if shape.outline else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        # A shadow is the one fill painted without antialiasing: antialiased, a see-through
        # fill costs Qt's raster engine several times an opaque one (a lying body's three
        # shadows were a tenth of its frame), and at 13 % black its stepped edge does not
        # show.
        hard = shape.role == "shadow" and painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        if hard:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if shape.kind == "poly":
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in shape.points]))
        else:
            (cx, cy), (rx, ry) = shape.points[0], shape.size
            painter.drawEllipse(QPointF(cx, cy), rx, ry)
        if hard:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)


def paint_drawing(
    painter: QPainter,
    drawing: Drawing,
    style: FigureStyle,
    target: QRectF,
    layers: StaticLayers | None = None,
) -> None:
    """Paint `drawing` fitted (aspect kept, centred) into `target`: the SVG's shapes, in order.

    With `layers` (the player's figure, which repaints many times a second), runs of
    unchanging shapes come from images painted once.
    """
    k = min(target.width() / drawing.width, target.height() / drawing.height)
    dx = target.x() + (target.width() - drawing.width * k) / 2
    dy = target.y() + (target.height() - drawing.height * k) / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(QTransform(k, 0.0, 0.0, k, dx, dy), True)
    brushes = _Brushes(style, drawing.outline_width)
    if layers is None:
        _paint_shapes(painter, drawing.painted, brushes)
    else:
        shapes = drawing.painted
        start = 0
        while start < len(shapes):
            static = _is_static(shapes[start])
            end = start + 1
            while end < len(shapes) and _is_static(shapes[end]) == static:
                if static and _run_of(shapes[end]) != _run_of(shapes[start]):
                    break
                end += 1
            if static and end - start >= 2:
                layers.paint(painter, shapes[start:end], brushes)
            else:
                _paint_shapes(painter, shapes[start:end], brushes)
            start = end
    painter.restore()


class PoseFigure(QWidget):
    """Draws one pose of a figure inside the figure's fixed frame, scaled to the widget.

    The frame covers every keyframe on both sides, so the figure keeps its size and place
    while it moves. A picture (a user's own exercise) is shown instead when there is no
    figure. With reduced motion (ui.motion) it shows the start and the held position side
    by side, start -> work, and does not animate.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figure: Figure | None = None
        self._scene: FigureScene | None = None
        self._pose: Pose | None = None
        self._picture: QPixmap | None = None
        self._drawn: tuple[Pose | None, bool, Drawing] | None = None
        self._layers = StaticLayers()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(180, 120))
        self.setAccessibleName(self.tr("Exercise figure"))

    def figure(self) -> Figure | None:
        return self._figure

    def pose(self) -> Pose | None:
        return self._pose

    def scene(self) -> FigureScene | None:
        return self._scene

    @property
    def _frame(self) -> object:
        """The scene's frame: fixed for as long as the figure is shown."""
        return self._scene.frame if self._scene is not None else None

    def shown_pose(self) -> Pose | None:
        """The pose actually drawn: with reduced motion, the held pose of the side in use.

        The player keeps sending in-between poses; snapping them to the work pose (or its
        mirror for the other side) keeps the picture still yet still shows what to do.
        """
        pose, figure = self._pose, self._figure
        if pose is None or figure is None or not reduce_motion():
            return pose
        work = figure.work
        return work.mirrored() if pose.flipped != work.flipped else work

    def drawing(self) -> Drawing | None:
        """What the widget paints now (the same shapes as render_svg)."""
        scene, pose = self._scene, self.shown_pose()
        if scene is None or pose is None or self._figure is None:
            return None
        still = reduce_motion()
        cached = self._drawn
        if cached is not None and cached[1] == still and cached[0] == pose:
            return cached[2]
        if still:
            poses = [p for _, p in self._figure.still_poses]
            if pose.flipped != poses[0].flipped:
                poses = [p.mirrored() for p in poses]
            # two to a row: a third pose below, not three smaller ones across the box
            result = scene.row(poses, columns=2)
        else:
            result = scene.drawing(pose)
        self._drawn = (pose, still, result)
        return result

    def has_picture(self) -> bool:
        return self._picture is not None

    def set_figure(self, figure: Figure | None, pose: Pose | None = None) -> None:
        """Show `figure` (its start pose unless `pose` is given); None clears the drawing."""
        if figure is not self._figure:
            self._figure = figure
            self._scene = scene_for(figure) if figure is not None else None
            self._layers.clear()
        self._picture = None
        self._pose = pose if pose is not None else (figure.start if figure is not None else None)
        self.update()

    def set_pose(self, pose: Pose) -> None:
        """Move to `pose`; repaints only when it differs from the one shown (a hold's
        stopwatch only when its face fills another step)."""
        if pose.hold >= 0:
            pose = pose.holding(watch_share(pose.hold))
        if pose != self._pose:
            self._pose = pose
            self.update()

    def set_picture(self, path: Path | None) -> bool:
        """Show an image file instead of a figure; False (and nothing shown) if it cannot load."""
        self._figure = None
        self._scene = None
        self._pose = None
        self._picture = None
        self._layers.clear()
        if path is not None:
            # Turned as its EXIF orientation says, as the library shows it: a phone photo
            # is stored on its side with a tag saying how to stand it up.
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            image = reader.read()
            if not image.isNull():
                self._picture = QPixmap.fromImage(image)
        self.update()
        return self._picture is not None

    def sizeHint(self) -> QSize:
        return QSize(360, 270)

    def figure_style(self) -> FigureStyle:
        return palette_style(self.palette())

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._picture is not None:
            self._paint_picture(painter)
        else:
            drawing = self.drawing()
            if drawing is not None:
                paint_drawing(
                    painter, drawing, self.figure_style(), QRectF(self.rect()), self._layers
                )
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

    def view_scale(self, drawing: Drawing) -> tuple[float, float, float]:
        """(pixels per view unit, x offset, y offset) that fit a drawing in the widget."""
        k = min(self.width() / drawing.width, self.height() / drawing.height)
        dx = (self.width() - drawing.width * k) / 2
        dy = (self.height() - drawing.height * k) / 2
        return k, dx, dy
