"""Calm light and dark palettes on the Fusion style, with large readable type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES: tuple[str, ...] = ("system", "light", "dark")

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


def resolve_theme(theme: str) -> str:
    """ "light" or "dark"; "system" follows the platform's colour scheme (light if unknown)."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
    if theme != "system":
        return theme
    hints = QGuiApplication.styleHints()
    if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark:
        return "dark"
    return "light"


def build_palette(theme: str) -> QPalette:
    """The palette for "light" or "dark"; disabled text is dimmed but stays legible."""
    colours = _DARK if theme == "dark" else _LIGHT
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(colours[QPalette.ColorRole.PlaceholderText])
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, theme: str = "system") -> str:
    """Fusion style, the calm palette and a large base font; returns "light" or "dark"."""
    resolved = resolve_theme(theme)
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(build_palette(resolved))
    font = QFont(app.font())
    if font.pointSizeF() < BASE_POINT_SIZE:
        font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    return resolved
