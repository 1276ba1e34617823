"""Every chart colour against its background, in light, dark and high contrast (WCAG 2.1).

Graphics (points, lines, bars, markers) need 3:1 against the axes they are drawn on, text
4.5:1 against the figure and the axes. Computed from the themes' own colours, and checked
on drawn figures so that no see-through day or faint label slips back in.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from matplotlib.colors import to_hex, to_rgba

from rugdiary.core import stats
from rugdiary.core.demo import generate_demo_entries
from rugdiary.reports import charts
from rugdiary.reports.chart_theme import PALETTES, THEMES, ChartPalette, ChartStyle, Theme

GRAPHICS = ("pain", "stress", "sessions", "flare", "zero_line", "pain_day", "stress_day")
TEXT = ("text", "muted", "pain_text", "sessions_text")


def luminance(colour: str) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b, _a = to_rgba(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_theme_has_a_palette() -> None:
    assert set(PALETTES) == set(THEMES) == {"light", "dark", "high-contrast"}
    for theme in THEMES:
        assert ChartStyle(theme=theme).palette is PALETTES[theme]


@pytest.mark.parametrize("theme", THEMES)
def test_graphics_stand_out_3_to_1_from_the_axes(theme: Theme) -> None:
    palette: ChartPalette = PALETTES[theme]
    weak = {
        name: round(contrast(getattr(palette, name), palette.axes_bg), 2)
        for name in GRAPHICS
        if contrast(getattr(palette, name), palette.axes_bg) < 3.0
    }
    assert weak == {}


@pytest.mark.parametrize("theme", THEMES)
def test_text_reads_4_5_to_1_on_figure_and_axes(theme: Theme) -> None:
    palette: ChartPalette = PALETTES[theme]
    weak = {
        (name, bg): round(contrast(getattr(palette, name), getattr(palette, bg)), 2)
        for name in TEXT
        for bg in ("figure_bg", "axes_bg")
        if contrast(getattr(palette, name), getattr(palette, bg)) < 4.5
    }
    assert weak == {}


def _series() -> stats.DailySeries:
    end = date(2026, 3, 2)
    entries = generate_demo_entries(120, seed=5, end=end)
    return stats.daily_series(entries, end - timedelta(days=89), end)


@pytest.mark.parametrize("theme", THEMES)
def test_the_drawn_days_are_opaque_and_in_their_tint(theme: Theme) -> None:
    style = ChartStyle(theme=theme)
    fig = charts.build_timeline_figure(_series(), style)
    lines = {line.get_gid(): line for line in fig.axes[0].get_lines()}
    tints = {"pain_daily": style.palette.pain_day, "stress_daily": style.palette.stress_day}
    for gid, tint in tints.items():
        line = lines[gid]
        assert line.get_alpha() in (None, 1.0), gid
        assert to_hex(line.get_color()) == tint
        assert contrast(tint, style.palette.axes_bg) >= 3.0


@pytest.mark.parametrize("theme", THEMES)
def test_the_weekly_axis_labels_read_well(theme: Theme) -> None:
    style = ChartStyle(theme=theme)
    series = _series()
    fig = charts.build_weekly_figure(stats.weekly_summaries(series), style)
    ax, twin = fig.axes[0], fig.axes[1]
    for axis in (ax, twin):
        colour = to_hex(axis.yaxis.label.get_color())
        assert contrast(colour, style.palette.figure_bg) >= 4.5, axis.get_ylabel()
