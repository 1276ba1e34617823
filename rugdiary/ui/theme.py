"""Calm light, dark and high-contrast palettes on Fusion, with large type and a visible focus."""

from __future__ import annotations

import math
from typing import TypeGuard

from PySide6.QtCore import QObject, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QTextEdit,
    QWidget,
)

THEMES: tuple[str, ...] = ("system", "light", "dark", "high-contrast")
HIGH_CONTRAST = "high-contrast"

# People reading this are often tired or in pain: larger than the usual 9–10 pt.
BASE_POINT_SIZE = 12.0

# Muted sage/teal tones: enough contrast for reading (WCAG AA on text), nothing alarming.
_LIGHT = {
    QPalette.ColorRole.Window: "#f3f5f4",
    QPalette.ColorRole.WindowText: "#1d2a2c",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#eaf0ee",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1d2a2c",
    QPalette.ColorRole.PlaceholderText: "#5b6b6d",
    QPalette.ColorRole.Text: "#1d2a2c",
    QPalette.ColorRole.Button: "#e6ecea",
    QPalette.ColorRole.ButtonText: "#1d2a2c",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#eef2f1",
    QPalette.ColorRole.Mid: "#a9b6b4",
    QPalette.ColorRole.Dark: "#24544e",
    QPalette.ColorRole.Shadow: "#7d8a88",
    QPalette.ColorRole.Highlight: "#2f7a70",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#22645b",
    QPalette.ColorRole.LinkVisited: "#4b5f8a",
}

_DARK = {
    QPalette.ColorRole.Window: "#1c2224",
    QPalette.ColorRole.WindowText: "#e3eae8",
    QPalette.ColorRole.Base: "#232a2d",
    QPalette.ColorRole.AlternateBase: "#2a3336",
    QPalette.ColorRole.ToolTipBase: "#2a3336",
    QPalette.ColorRole.ToolTipText: "#e3eae8",
    QPalette.ColorRole.PlaceholderText: "#9fb0ae",
    QPalette.ColorRole.Text: "#e3eae8",
    QPalette.ColorRole.Button: "#2b3437",
    QPalette.ColorRole.ButtonText: "#e3eae8",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#3a4548",
    QPalette.ColorRole.Midlight: "#323c3f",
    QPalette.ColorRole.Mid: "#56656a",
    QPalette.ColorRole.Dark: "#b9e3dc",
    QPalette.ColorRole.Shadow: "#0d1112",
    QPalette.ColorRole.Highlight: "#5fb3a6",
    QPalette.ColorRole.HighlightedText: "#0f1a19",
    QPalette.ColorRole.Link: "#8fd3c8",
    QPalette.ColorRole.LinkVisited: "#b3bde0",
}

# For poor eyesight: pure black and white, yellow for what is selected or has the focus.
# No greys below 9:1 against black, so borders and dimmed text stay visible.
_HIGH_CONTRAST = {
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.AlternateBase: "#000000",
    QPalette.ColorRole.ToolTipBase: "#000000",
    QPalette.ColorRole.ToolTipText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#d8d8d8",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#000000",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.BrightText: "#ffff00",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#ffffff",
    QPalette.ColorRole.Mid: "#ffffff",
    QPalette.ColorRole.Dark: "#ffffff",
    QPalette.ColorRole.Shadow: "#ffffff",
    QPalette.ColorRole.Highlight: "#ffff00",
    QPalette.ColorRole.HighlightedText: "#000000",
    QPalette.ColorRole.Link: "#ffff00",
    QPalette.ColorRole.LinkVisited: "#ffff00",
}

_PALETTES = {"light": _LIGHT, "dark": _DARK, HIGH_CONTRAST: _HIGH_CONTRAST}

FOCUS_WIDTH = {"light": 2.0, "dark": 2.0, HIGH_CONTRAST: 3.0}
"""Width in pixels of the focus ring; wider in high contrast, where it must leap out."""


def resolve_theme(theme: str) -> str:
    """ "light", "dark" or "high-contrast"; "system" follows the platform.

    The platform's contrast preference wins over its colour scheme: someone who asked
    their computer for high contrast should get it here too without looking for it.
    """
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
    if theme != "system":
        return theme
    return system_theme()


def system_theme() -> str:
    """What the desktop asks for now: "light", "dark" or "high-contrast"."""
    hints = QGuiApplication.styleHints()
    if hints is None:
        return "light"
    if hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
        return HIGH_CONTRAST
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def build_palette(theme: str) -> QPalette:
    """The palette for a resolved theme; disabled text is dimmed but stays legible."""
    colours = _PALETTES.get(theme, _LIGHT)
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(colours[QPalette.ColorRole.PlaceholderText])
    if theme == HIGH_CONTRAST:
        # Dimmed, but never a low-contrast grey: still about 9:1 on black.
        disabled = QColor("#b4b4b4")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


class FocusStyle(QProxyStyle):
    """Fusion with a focus ring that can be seen from a distance, on every kind of control.

    Fusion marks focus with a thin line in the highlight colour, easy to miss for tired
    or poor eyes. This draws a wide rounded ring in the highlight colour around buttons,
    fields, lists, sliders and tabs whenever they hold the focus (a page's main action,
    filled in that colour, gets one in the text colour), gives fields to type or choose in
    an edge that can be seen, and in high contrast adds the white outlines that Fusion
    (which darkens the window colour for them) loses on black.
    """

    def __init__(self, theme: str) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.theme = theme
        self.focus_width = FOCUS_WIDTH.get(theme, 2.0)

    def name(self) -> str:
        """The base style's name ("fusion"): a focus ring does not make it another style."""
        return self.baseStyle().name()

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth:
            # Room for the whole ring: a list or text field paints its contents over
            # everything inside the frame, which would hide most of a wider ring. A field
            # to type in has its edge round the ring, one pixel more.
            room = math.ceil(self.focus_width) + (1 if _edged_field(widget) else 0)
            return max(value, room)
        return value

    # -- drawing -----------------------------------------------------------------------------

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            if _is_primary(widget):
                self._primary_ring(painter, widget)
            else:
                self._ring(painter, option, inset=-1.0)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element in _INDICATORS:
            self._indicator_edge(painter, option, element)
        elif element == QStyle.PrimitiveElement.PE_FrameLineEdit:
            self._edge(painter, option)
            if _has_focus(option):
                self._ring(painter, option, inset=_EDGE_WIDTH)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButtonBevel:
            self._outline(painter, option)
            if _has_focus(option):
                self._ring(painter, option)
        elif element == QStyle.ControlElement.CE_ShapedFrame and isinstance(
            widget, QAbstractScrollArea
        ):
            # a list or a text box: on black its edge is where it can be clicked; a box to
            # type in needs a visible edge in every theme, as a text field does
            edged = _framed(option) and _is_text_box(widget)
            if edged:
                self._edge(painter, option)
            elif _framed(option):
                self._outline(painter, option)
            if widget.hasFocus():
                self._ring(painter, option, inset=_EDGE_WIDTH if edged else None)
        elif element == QStyle.ControlElement.CE_TabBarTab:
            # Fusion marks the focused tab with a faint tint (1.3–2.4:1), and on black its
            # tabs' edges were near black: the ring and, in high contrast, an outline.
            self._outline(painter, option)
            if _has_focus(option):
                self._ring(painter, option)
        elif element == QStyle.ControlElement.CE_ProgressBarGroove:
            self._track_edge(painter, option)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _EDGED_COMPLEX:
            self._edge(painter, option)
        elif control in _OUTLINED_COMPLEX:
            self._outline(painter, option)
        elif control in _OUTLINED_PARTS:
            high_contrast = self.theme == HIGH_CONTRAST
            for part in _OUTLINED_PARTS[control]:
                if not high_contrast and part not in _EDGED_PARTS:
                    continue
                rect = self.subControlRect(control, option, part, widget)  # type: ignore[arg-type]
                if rect.isValid():
                    self._edge(painter, option, rect)
        if control in _RINGED_COMPLEX and _has_focus(option):
            # Inside a field's edge: drawn over it, the ring changed the edge's pixels
            # from one mid colour to another, a change hard to see.
            self._ring(painter, option, inset=_EDGE_WIDTH if control in _EDGED_COMPLEX else None)

    def _ring(self, painter: QPainter, option: QStyleOption, inset: float | None = None) -> None:
        width = self.focus_width
        half = width / 2 if inset is None else inset + width / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), width))
        rect = QRectF(option.rect).adjusted(half, half, -half, -half)
        painter.drawRoundedRect(rect, 4, 4)
        painter.restore()

    def _primary_ring(self, painter: QPainter, widget: QWidget) -> None:
        """The focus ring of a page's main action: in the text colour, apart from the fill.

        The button is filled in the highlight colour, so the usual ring in that colour did
        not show on it, and its darker border when focused was 1.8:1 (1.07:1 on yellow).
        This ring lies in the room PRIMARY_RING_ROOM keeps round the fill, with a gap of the
        window's colour between: the text colour has 3:1 and more against the window and
        the page's cards, and the gap keeps the ring apart from the fill, whatever its
        colour. The button's own palette holds its label's colour, so the app's is used.
        """
        width = self.focus_width
        half = width / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QApplication.palette().color(QPalette.ColorRole.WindowText), width))
        rect = QRectF(widget.rect()).adjusted(half, half, -half, -half)
        radius = _PRIMARY_RADIUS + PRIMARY_RING_ROOM - half
        painter.drawRoundedRect(rect, radius, radius)
        painter.restore()

    def _indicator_edge(
        self, painter: QPainter, option: QStyleOption, element: QStyle.PrimitiveElement
    ) -> None:
        """A clearly visible edge on a check box or radio button, checked or not.

        Fusion draws the box's edge a shade off the window colour: on the dark palette an
        empty check box all but disappears (well under the 3:1 that controls need). The
        placeholder colour has 5:1 or more against the window in light and dark.
        """
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # High contrast outlines it in the text colour, a ring for a radio button: drawn as
        # the other outlines are, a rounded square, it looked like a check box.
        role = (
            QPalette.ColorRole.WindowText
            if self.theme == HIGH_CONTRAST
            else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(QPen(option.palette.color(role), 1.0))
        area = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(area)
        else:
            painter.drawRoundedRect(area, 2, 2)
        painter.restore()

    def _track_edge(self, painter: QPainter, option: QStyleOption) -> None:
        """A visible edge round a progress bar's track, so the part still to come shows.

        Fusion edges the track a shade darker than the window: on black that is black, so
        a session's progress bar was a short stub in an empty row; on the dark palette
        the track all but disappeared. The placeholder colour has 5:1 or more against the
        window in light and dark; high contrast gets its white outline.
        """
        self._edge(painter, option)

    def _edge(self, painter: QPainter, option: QStyleOption, rect: QRect | None = None) -> None:
        """The outline in high contrast; in light and dark, an edge in the placeholder
        colour, which has 5:1 or more against the window."""
        if self.theme == HIGH_CONTRAST:
            self._outline(painter, option, rect)
        else:
            _stroke(painter, option, rect, QPalette.ColorRole.PlaceholderText, 2)

    def _outline(self, painter: QPainter, option: QStyleOption, rect: QRect | None = None) -> None:
        if self.theme == HIGH_CONTRAST:
            _stroke(painter, option, rect, QPalette.ColorRole.WindowText, 3)


def _stroke(
    painter: QPainter,
    option: QStyleOption,
    rect: QRect | None,
    role: QPalette.ColorRole,
    radius: float,
) -> None:
    """An _EDGE_WIDTH rounded line in `role`'s colour round `rect` (else the option's rect)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(option.palette.color(role), _EDGE_WIDTH))
    half = _EDGE_WIDTH / 2
    area = QRectF(option.rect if rect is None else rect)
    painter.drawRoundedRect(area.adjusted(half, half, -half, -half), radius, radius)
    painter.restore()


_INDICATORS = frozenset(
    {
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    }
)
_EDGED_COMPLEX = frozenset(
    {
        QStyle.ComplexControl.CC_ComboBox,
        QStyle.ComplexControl.CC_SpinBox,
    }
)
"""Fields that get an edge in every theme, as text fields do: Fusion edges a spin box or
a time field a shade darker than the window (1.1:1 in dark), a combo box 2.0–2.5:1."""
_OUTLINED_COMPLEX = frozenset({QStyle.ComplexControl.CC_ToolButton})
_OUTLINED_PARTS = {
    # In high contrast (and the _EDGED_PARTS in every theme): Fusion draws these parts
    # black on black.
    QStyle.ComplexControl.CC_Slider: (
        QStyle.SubControl.SC_SliderGroove,
        QStyle.SubControl.SC_SliderHandle,
    ),
    # the handle shows where in a long list or page one is, and that there is more
    QStyle.ComplexControl.CC_ScrollBar: (QStyle.SubControl.SC_ScrollBarSlider,),
}
_EDGED_PARTS = frozenset({QStyle.SubControl.SC_ScrollBarSlider})
"""Parts that get an edge in light and dark too: Fusion fills a scroll bar's handle in
the window's own colour, on a darker track (1.2:1), so a dialog with half its list below
the fold did not look as if it scrolled."""
_RINGED_COMPLEX = frozenset(
    {
        QStyle.ComplexControl.CC_ComboBox,
        QStyle.ComplexControl.CC_SpinBox,
        QStyle.ComplexControl.CC_Slider,
        QStyle.ComplexControl.CC_ToolButton,
    }
)


def _framed(option: QStyleOption) -> bool:
    """Whether a frame option draws a visible frame (a scroll area may have none)."""
    shape = getattr(option, "frameShape", QFrame.Shape.NoFrame)
    return bool(shape != QFrame.Shape.NoFrame)


_EDGE_WIDTH = 1.0
"""The width of the edge _edge and _outline draw."""


def _edged_field(widget: QWidget | None) -> bool:
    """A text field or a box to type in: its focus ring lies inside its edge."""
    return isinstance(widget, QLineEdit) or (widget is not None and _is_text_box(widget))


def _is_text_box(widget: QWidget) -> bool:
    """A box to type in (a note, a question for the doctor), not a list or a read-only text."""
    return isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly()


def _is_primary(widget: QWidget | None) -> TypeGuard[QPushButton]:
    """A page's main action, drawn by primary_button_style."""
    return isinstance(widget, QPushButton) and widget.objectName() == PRIMARY_BUTTON


def _has_focus(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus)


APPLIED_THEME_PROPERTY = "rugdiaryTheme"
"""The QApplication property where apply_theme notes the theme it applied."""

CHOSEN_THEME_PROPERTY = "rugdiaryChosenTheme"
"""The QApplication property where apply_theme notes the theme it was asked for: "system"
means the app follows the desktop (see SystemThemeFollower)."""


def current_theme() -> str:
    """The theme the app shows now: what apply_theme last applied, resolved.

    Not the stored preference: `rugdiary --theme dark` (or a screenshot in dark) shows a
    dark window whatever the diary's settings say, and the charts must match the window.
    """
    app = QApplication.instance()
    applied = app.property(APPLIED_THEME_PROPERTY) if app is not None else None
    if isinstance(applied, str) and applied in THEMES and applied != "system":
        return applied
    return resolve_theme("system")


def apply_theme(app: QApplication, theme: str = "system") -> str:
    """Fusion with a clear focus ring, the palette and a large base font; returns the theme."""
    resolved = resolve_theme(theme)
    app.setProperty(APPLIED_THEME_PROPERTY, resolved)
    app.setProperty(CHOSEN_THEME_PROPERTY, theme)
    app.setStyle(FocusStyle(resolved))
    app.setPalette(build_palette(resolved))
    font = QFont(app.font())
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    _restyle_sheets(app)
    return resolved


class SystemThemeFollower(QObject):
    """Applies "Same as this computer" again when the desktop changes its colours.

    The theme was resolved once, at start: someone who switched their desktop to dark or to
    high contrast while the app ran (at dusk, or when their eyes tired) kept the old colours
    until they started it again. One per application, made by follow_system_theme.
    """

    themeApplied = Signal(str)
    """The resolved theme, after the desktop's change was applied to the app."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_FOLLOWER_NAME)
        self._app = app
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self.follow)
        hints.accessibility().contrastPreferenceChanged.connect(self.follow)

    def follow(self, *_changed: object) -> None:
        """Apply the desktop's theme now, if the theme chosen is "system" (else nothing:
        a theme chosen in Settings or on the command line stays as chosen)."""
        if self._app.property(CHOSEN_THEME_PROPERTY) != "system":
            return
        before = self._app.property(APPLIED_THEME_PROPERTY)
        if system_theme() == before:
            return  # the signal came, the colours did not change: no restyling of it all
        resolved = apply_theme(self._app, "system")
        if resolved != before:
            self.themeApplied.emit(resolved)


_FOLLOWER_NAME = "rugdiarySystemThemeFollower"


def follow_system_theme(app: QApplication) -> SystemThemeFollower:
    """The application's SystemThemeFollower, made the first time it is asked for."""
    follower = app.findChild(SystemThemeFollower, _FOLLOWER_NAME)
    if follower is None:
        follower = SystemThemeFollower(app)
    return follower


def _restyle_sheets(app: QApplication) -> None:
    """Widgets with a style sheet of their own, read again against the new palette.

    A style sheet's palette(...) colours are looked up once, when the widget is polished:
    without this, the page list and the Today cards kept the old theme's colours until
    the app was started again (issue 16). Setting the same sheet again polishes anew.
    """
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def paint_focus_frame(widget: QWidget, painter: QPainter) -> None:
    """The focus ring of a widget that paints itself (a chart): the theme's width and colour.

    The style draws the ring around standard controls; a custom widget that takes the focus
    calls this at the end of its paintEvent, so its focus can be seen as well (issue 16).
    """
    if not widget.hasFocus():
        return
    width = FOCUS_WIDTH.get(current_theme(), 2.0)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(widget.palette().color(QPalette.ColorRole.Highlight), width))
    half = width / 2
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(half, half, -half, -half), 4, 4)
    painter.restore()


PRIMARY_BUTTON = "primaryButton"
"""The object name of a page's main action, which primary_button_style draws."""

PRIMARY_RING_ROOM = 4
"""Pixels kept free round a main action's fill, for its focus ring and the gap inside it."""

_PRIMARY_RADIUS = 6


def primary_button_style(padding: str = "6px 20px") -> str:
    """The look of a page's one main action (Save, Start, Do it now): filled and bold.

    For buttons named "primaryButton"; one definition so the main action looks the same
    on every page, with room for a page to give it a little less padding. The margin is
    the room for the focus ring (FocusStyle._primary_ring), kept when the button has no
    focus too, so nothing moves as the focus comes and goes.
    """
    return (
        f"QPushButton#{PRIMARY_BUTTON} {{ margin: {PRIMARY_RING_ROOM}px; padding: {padding};"
        f" border-radius: {_PRIMARY_RADIUS}px; border: 1px solid palette(mid);"
        " font-weight: bold; }"
        f"QPushButton#{PRIMARY_BUTTON}:enabled {{ background: palette(highlight);"
        " color: palette(highlighted-text); border: 1px solid palette(dark); }"
    )
