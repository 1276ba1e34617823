"""The player's figure widget: it paints what the SVG draws, keeps contrast, and holds still."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rugdiary.core.content import load_exercises
from rugdiary.core.exercises import Figure, FigureStyle
from rugdiary.core.figure_drawing import (
    ROLE_OPACITY,
    VIEW_H,
    VIEW_W,
    Drawing,
    Shape,
    scene_for,
    svg_of,
    watch_share,
)
from rugdiary.core.figures import MOVE_S, Motion
from rugdiary.ui.motion import set_reduce_motion
from rugdiary.ui.theme import HIGH_CONTRAST, build_palette
from rugdiary.ui.widgets import pose_figure
from rugdiary.ui.widgets.pose_figure import (
    PoseFigure,
    StaticLayers,
    contrast,
    paint_drawing,
    palette_style,
)

RESOURCES = Path(__file__).parents[2] / "resources"
EXERCISES = load_exercises(RESOURCES)
SIZE = (600, 450)


@pytest.fixture
def motion_reduced(qapp: QApplication) -> Iterator[None]:
    set_reduce_motion(True)
    yield
    set_reduce_motion(False)


def _shown(qtbot: QtBot, figure: Figure, phase: float) -> PoseFigure:
    """A figure widget at the test size, showing `figure` at `phase` of its loop."""
    widget = PoseFigure()
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.set_figure(figure, figure.at_phase(phase))
    return widget


def _svg_image(widget: PoseFigure) -> QImage:
    drawing = widget.drawing()
    assert drawing is not None
    renderer = QSvgRenderer(QByteArray(svg_of(drawing, widget.figure_style()).encode()))
    image = QImage(widget.width(), widget.height(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(widget.palette().color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    k, dx, dy = widget.view_scale(drawing)
    renderer.render(painter, QRectF(dx, dy, drawing.width * k, drawing.height * k))
    painter.end()
    return image


def _painted(widget: PoseFigure) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def _same(a: QColor, b: QColor, tolerance: int = 24) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb(), b.getRgb(), strict=True))


@pytest.mark.parametrize(
    "exercise_id", ["bird-dog", "side-plank-knees", "knee-rolls", "stairs", "pelvic-tilt"]
)
def test_the_svg_and_the_painter_place_every_joint_at_the_same_point(
    qtbot: QtBot, exercise_id: str
) -> None:
    figure = EXERCISES[exercise_id].figure
    assert figure is not None
    widget = _shown(qtbot, figure, figure.work_at * 0.6)
    painted, svg = _painted(widget), _svg_image(widget)
    drawing = widget.drawing()
    assert drawing is not None
    k, dx, dy = widget.view_scale(drawing)
    near, far = QColor(widget.figure_style().near), QColor(widget.figure_style().far)
    on_body = 0
    for name, (x, y) in drawing.joints.items():
        point = QPointF(dx + x * k, dy + y * k).toPoint()
        a, b = painted.pixelColor(point), svg.pixelColor(point)
        assert _same(a, b), (name, a.name(), b.name())
        # a joint where two parts meet can sit on an outline or under a cue line drawn
        # over the body (the side plank's): the body's colour lies within 3 px
        around = [
            painted.pixelColor(point.x() + ox, point.y() + oy)
            for ox in (-3, 0, 3)
            for oy in (-3, 0, 3)
        ]
        on_body += any(_same(c, near) or _same(c, far) for c in around)
    assert on_body >= len(drawing.joints) * 0.8, "the joints lie on the drawn body"
    differing = sum(
        not _same(painted.pixelColor(x, y), svg.pixelColor(x, y), 60)
        for y in range(0, SIZE[1], 3)
        for x in range(0, SIZE[0], 3)
    )
    assert differing / ((SIZE[0] // 3) * (SIZE[1] // 3)) < 0.01, "only edge pixels may differ"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_far_limbs_are_lighter_yet_keep_three_to_one_contrast(theme: str) -> None:
    palette = build_palette(theme)
    style = palette_style(palette)
    background = palette.color(palette.ColorRole.Window)
    near, far = QColor(style.near), QColor(style.far)
    assert contrast(far, background) >= 3.0
    assert contrast(near, background) > contrast(far, background), "the far side is lighter"
    assert style.outline == background.name(), "outlines part the limbs in the page colour"
    # a near arm over the legs (knee rocking) sits between the two sides' tones
    arm = QColor(style.arm)
    assert contrast(near, background) > contrast(arm, background) > contrast(far, background)
    assert contrast(arm, background) >= 3.0


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_the_ghost_is_paler_than_the_far_side_yet_shows_on_the_mat(theme: str) -> None:
    """The start position behind the body (Figure.ghost) must not read as a limb further
    away, and must still show where it lies on the mat (the side plank's hips)."""
    palette = build_palette(theme)
    style = palette_style(palette)
    background = palette.color(palette.ColorRole.Window)
    ghost, far, mat = QColor(style.ghost), QColor(style.far), QColor(style.mat)
    assert contrast(ghost, background) < contrast(far, background), "fainter than the far side"
    assert contrast(ghost, far) >= 1.5, "apart from the far side's tone"
    assert contrast(ghost, mat) >= 1.1, "it shows on the mat"
    assert contrast(ghost, background) > contrast(mat, background), "a shade more than the mat"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_the_tinted_limbs_are_blue_and_keep_their_sides_contrast(theme: str) -> None:
    """The arm and leg that move together (Figure.tinted) are blue, the far one lighter and
    still 3:1 against the page: as light as the far side, so the depth still reads."""
    palette = build_palette(theme)
    style = palette_style(palette)
    background = palette.color(palette.ColorRole.Window)
    near, far = QColor(style.tint_near), QColor(style.tint_far)
    for tint in (near, far):
        assert tint.blueF() > tint.greenF() > tint.redF(), tint.name()
        assert tint.name() not in (style.near, style.far, style.arm)
    assert contrast(far, background) >= 3.0
    assert contrast(far, background) == pytest.approx(
        contrast(QColor(style.far), background), rel=0.02
    )
    assert contrast(near, background) > contrast(far, background), "the near one stands out"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_motion_arrow_keeps_three_to_one_contrast_apart_from_the_body(theme: str) -> None:
    palette = build_palette(theme)
    style = palette_style(palette)
    background = palette.color(palette.ColorRole.Window)
    cue = QColor(style.cue)
    assert contrast(cue, background) >= 3.0
    assert style.cue not in (style.near, style.far), "a cue, not a limb"


@pytest.mark.parametrize("theme", ["dark", HIGH_CONTRAST])
def test_the_blue_tints_are_lighter_on_a_dark_page_so_the_hollow_shows(theme: str) -> None:
    # laid on at a third of its strength, the light theme's blue over the dark theme's page
    # and mat was a dim smudge: the pelvic tilt's hollow all but vanished
    light = palette_style(build_palette("light"))
    assert light.hollow == FigureStyle().hollow, "the light theme keeps its blue"
    palette = build_palette(theme)
    style = palette_style(palette)
    assert style.focus == style.hollow
    tint = QColor(style.hollow)
    assert tint.lightnessF() > QColor(light.hollow).lightnessF()
    assert tint.blueF() > tint.redF(), "still a blue"
    for under in (palette.color(palette.ColorRole.Window), QColor(style.mat)):
        laid = _over(under, tint, ROLE_OPACITY["hollow"])
        assert contrast(laid, under) >= 1.9, under.name()


def _over(under: QColor, colour: QColor, opacity: float) -> QColor:
    return QColor.fromRgbF(
        *(
            u + (c - u) * opacity
            for u, c in zip(under.getRgbF()[:3], colour.getRgbF()[:3], strict=True)
        )
    )


def test_reduced_motion_shows_start_and_work_side_by_side(
    qtbot: QtBot, motion_reduced: None
) -> None:
    figure = EXERCISES["bird-dog"].figure
    assert figure is not None
    widget = _shown(qtbot, figure, 0.3)
    assert widget.shown_pose() == figure.work
    drawing = widget.drawing()
    assert drawing is not None
    assert drawing.width > 2 * VIEW_W, "two figures and an arrow"
    # the joints reported are those of the work position, in the right-hand half
    assert min(x for x, _ in drawing.joints.values()) > VIEW_W
    widget.set_pose(figure.at_phase(0.4, mirrored=True))
    assert widget.shown_pose() == figure.work.mirrored(), "the side in use"
    first = widget.drawing()
    widget.set_pose(figure.at_phase(0.45, mirrored=True))
    assert widget.drawing() is first, "the picture holds still while the player moves on"
    set_reduce_motion(False)
    widget.set_pose(figure.at_phase(0.3))
    moving = widget.drawing()
    assert moving is not None
    assert moving.width == VIEW_W


def test_reduced_motion_shows_the_way_back_too_where_the_figure_names_it(
    qtbot: QtBot, motion_reduced: None
) -> None:
    figure = EXERCISES["cat-camel"].figure
    assert figure is not None
    widget = _shown(qtbot, figure, 0.1)
    drawing = widget.drawing()
    assert drawing is not None
    # start -> rounded in the top row, then down to the arch: two columns, two rows, so
    # each figure is drawn larger than three across would allow
    assert 2 * VIEW_W < drawing.width < 3 * VIEW_W
    assert 2 * VIEW_H < drawing.height < 3 * VIEW_H
    scene = widget.scene()
    assert scene is not None
    arch = scene.drawing(figure.pose("arch")).joints
    dx, dy = (a - b for a, b in zip(drawing.joints["head"], arch["head"], strict=True))
    assert dx > VIEW_W, "in the second column"
    assert dy > VIEW_H, "in the second row: the arch comes last"
    k, _, _ = widget.view_scale(drawing)
    one, _, _ = widget.view_scale(scene.row([figure.start, figure.work, figure.pose("arch")]))
    assert k > 1.3 * one


def test_the_widget_keeps_its_public_api(qtbot: QtBot, tmp_path: Path) -> None:
    figure = EXERCISES["glute-bridge"].figure
    assert figure is not None
    widget = PoseFigure()
    qtbot.addWidget(widget)
    widget.set_figure(figure)
    assert widget.figure() is figure
    assert widget.pose() == figure.start
    widget.set_pose(figure.work)
    assert widget.shown_pose() == figure.work
    assert not widget.has_picture()
    assert widget.sizeHint().width() > 0
    assert not widget.set_picture(tmp_path / "missing.png")
    assert widget.figure() is None
    assert widget.drawing() is None


def _paint(drawing: Drawing, layers: StaticLayers | None, dpr: float) -> QImage:
    image = QImage(round(SIZE[0] * dpr), round(SIZE[1] * dpr), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(dpr)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_drawing(painter, drawing, FigureStyle(), QRectF(0, 0, *SIZE), layers)
    painter.end()
    return image


def _largest_difference(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    worst = 0
    for y in range(0, a.height(), 3):
        for x in range(0, a.width(), 3):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if pa != pb:
                worst = max(
                    worst, *(abs(((pa >> s) & 255) - ((pb >> s) & 255)) for s in (0, 8, 16))
                )
    return worst


def _rows_differing(a: QImage, b: QImage, by: int) -> set[int]:
    """The rows (every third) where some pixel differs by more than `by` in a channel."""
    rows = set()
    for y in range(0, a.height(), 3):
        for x in range(0, a.width(), 3):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if any(abs(((pa >> s) & 255) - ((pb >> s) & 255)) > by for s in (0, 8, 16)):
                rows.add(y)
                break
    return rows


@pytest.mark.parametrize("dpr", [1.0, 2.0])
@pytest.mark.parametrize(
    "exercise_id",
    ["stairs", "supported-rest", "chair-squat", "knee-rolls", "curl-up", "body-scan"],
)
def test_props_from_the_static_layers_look_as_if_painted_each_frame(
    qapp: QApplication, exercise_id: str, dpr: float
) -> None:
    """The cached floor, mat and props change no pixel beyond rounding, at 1x and 2x.

    4 of 255 allows for blending a run onto transparent first (8-bit rounding); a misplaced
    or missing prop differs by far more (the stairs are #b8a98f on white: 71 in red).
    """
    figure = EXERCISES[exercise_id].figure
    assert figure is not None
    scene = scene_for(figure)
    layers = StaticLayers()
    drawings = [scene.drawing(figure.at_phase(p, mirrored=p > 0.5)) for p in (0.0, 0.3, 0.6)]
    for drawing in drawings:
        direct = _paint(drawing, None, dpr)
        cached = _paint(drawing, layers, dpr)
        assert _largest_difference(direct, cached) <= 4
    made = len(layers)
    assert made >= 1
    for drawing in drawings:
        _paint(drawing, layers, dpr)
    assert len(layers) == made  # painted again from the same images


def test_soft_shadows_are_painted_without_antialiasing(qapp: QApplication) -> None:
    """A see-through antialiased fill costs Qt several times an opaque one; a shadow at 13 %
    black is painted with hard edges, so its pixels take two values only: the page's and
    the shadow's. Every other shape keeps its antialiased edge."""

    def tones(shape: Shape) -> int:
        image = _paint(Drawing(VIEW_W, VIEW_H, (shape,)), None, 1.0)
        return len({image.pixel(x, y) for y in range(image.height()) for x in range(image.width())})

    figure = EXERCISES["glute-bridge"].figure
    assert figure is not None
    shadows = [s for s in scene_for(figure).drawing(figure.start).shapes if s.role == "shadow"]
    assert shadows, "a body lying on the floor casts shadows"
    for shadow in shadows:
        assert tones(shadow) == 2, f"{shadow.part}: the page and one shadow tone"
    blob = Shape("poly", "far", ((20.0, 20.0), (70.0, 25.0), (40.0, 60.0)))
    assert tones(blob) > 3, "an antialiased edge has tones in between"


@pytest.mark.parametrize("theme", ["light", "dark", HIGH_CONTRAST])
def test_the_hollow_painted_opaque_looks_as_if_seen_through(
    qapp: QApplication, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pelvic tilt's hollow and its magnified copy are painted opaque in the colour
    they make over the page (OPAQUE_OVER_PAGE), which Qt fills several times faster: the
    picture must not change beyond rounding, in the player's themes. Anything drawn under
    the hollow besides the page would show up here."""
    style = palette_style(build_palette(theme))
    figure = EXERCISES["pelvic-tilt"].figure
    assert figure is not None
    scene = scene_for(figure)

    def painted() -> list[QImage]:
        out = []
        for phase in (0.0, 0.25, 0.5, 0.75):
            image = QImage(*SIZE, QImage.Format.Format_ARGB32)
            image.fill(QColor(style.outline))
            painter = QPainter(image)
            drawing = scene.drawing(figure.at_phase(phase, mirrored=phase > 0.5))
            paint_drawing(painter, drawing, style, QRectF(0, 0, *SIZE))
            painter.end()
            out.append(image)
        return out

    assert any(s.role == "hollow" for s in scene.drawing(figure.pose("arch")).painted)
    opaque = painted()
    monkeypatch.setattr(pose_figure, "OPAQUE_OVER_PAGE", frozenset())
    for fast, seen_through in zip(opaque, painted(), strict=True):
        # the mat's antialiased top edge, drawn over the hollow's foot, differs by up to 40
        # of 255 in two rows of pixels of the magnified detail (high contrast); a limb or a
        # mat under the hollow would differ by some 70, over many rows
        assert _largest_difference(fast, seen_through) <= 48
        assert len(_rows_differing(fast, seen_through, 24)) <= 2


def _unmoving(what: str) -> Callable[[Shape], bool]:
    """Shapes of one part of a figure that never moves: "inset" and "thought" by part,
    "ghost" by role (its parts keep their limbs' names)."""
    if what == "ghost":
        return lambda shape: shape.role == "ghost"
    return lambda shape: shape.part == what


@pytest.mark.parametrize(
    ("exercise_id", "what", "least"),
    [("knee-rolls", "inset", 20), ("body-scan", "thought", 20), ("curl-up", "ghost", 12)],
)
def test_what_never_moves_is_painted_from_one_cached_image(
    qapp: QApplication, exercise_id: str, what: str, least: int
) -> None:
    """The start-position inset (Figure.inset), the body scan's cloud with its bubbles and
    small body (Figure.thought, whose small band alone is painted each frame) and the ghost
    (Figure.ghost) never move: the player paints each from one image, so it adds one blit
    to a frame, not its twenty-odd shapes."""
    figure = EXERCISES[exercise_id].figure
    assert figure is not None
    drawing = scene_for(figure).drawing(figure.at_phase(0.3))
    part_of = _unmoving(what)
    assert len([s for s in drawing.shapes if part_of(s)]) >= least
    without = replace(drawing, shapes=tuple(s for s in drawing.shapes if not part_of(s)))
    layers, bare = StaticLayers(), StaticLayers()
    _paint(drawing, layers, 1.0)
    _paint(without, bare, 1.0)
    assert len(layers) == len(bare) + 1


@pytest.mark.parametrize("exercise_id", ["knee-rolls", "side-plank-knees", "stairs"])
def test_inside_a_window_the_cached_props_stay_under_the_body(
    qtbot: QtBot, exercise_id: str
) -> None:
    """Painted inside its window (the backing store, a grab), the figure widget's painter
    carries the widget's offset: the cached mat and props must not get it twice. (They did:
    the mat and the cushion landed down and to the right of the body in the player.)"""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 620)
    widget = PoseFigure(window)
    widget.setGeometry(137, 59, *SIZE)
    figure = EXERCISES[exercise_id].figure
    assert figure is not None
    widget.set_figure(figure, figure.start)
    alone = widget.grab().toImage()
    whole = window.grab().toImage()
    dpr = whole.devicePixelRatio()  # 2 under QT_SCALE_FACTOR=2: the copy is in device pixels
    box = widget.geometry()
    inside = whole.copy(round(box.x() * dpr), round(box.y() * dpr), alone.width(), alone.height())
    assert len(widget._layers) >= 1, "the props came from the cached images"
    assert _largest_difference(alone.convertToFormat(inside.format()), inside) <= 4


def test_a_held_figure_repaints_only_when_its_stopwatch_fills_another_step(
    qtbot: QtBot,
) -> None:
    """The player sends a pose every tick; holding still, only the stopwatch changes, and
    only a step of its face is worth a repaint."""
    figure = EXERCISES["side-plank-knees"].figure
    assert figure is not None
    widget = _shown(qtbot, figure, 0.0)
    widget.set_pose(figure.pose_at(Motion.HOLD, MOVE_S + 0.01, 10))
    shown = widget.pose()
    assert shown is not None
    assert shown.hold == watch_share(0.01 / (10 - MOVE_S)) > 0
    widget.set_pose(figure.pose_at(Motion.HOLD, MOVE_S + 0.02, 10))
    assert widget.pose() is shown, "the same step of the face: nothing to repaint"
    widget.set_pose(figure.pose_at(Motion.HOLD, 9.0, 10))
    assert widget.pose() is not shown
    drawing = widget.drawing()
    assert drawing is not None
    assert any(s.part == "cue:hold:fill" for s in drawing.shapes)
