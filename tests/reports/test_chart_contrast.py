"""Every chart colour against its background, in light, dark and high contrast (WCAG 2.1).

Graphics (points, lines, bars, markers) need 3:1 against the axes they are drawn on, text
4.5:1 against the figure and the axes. Computed from the themes' own colours, and checked
on drawn figures so that no see-through day or faint label slips back in.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from matplotlib.colors import to_hex

from rugdiary.core import stats
from rugdiary.core.demo import generate_demo_entries
from rugdiary.reports import charts
from rugdiary.reports.chart_theme import (
    GRAPHICS_CONTRAST,
    PALETTES,
    THEMES,
    ChartPalette,
    ChartStyle,
    Theme,
    blend,
    contrast_ratio,
    least_alpha,
)

GRAPHICS = ("pain", "stress", "sessions", "flare", "zero_line", "pain_day", "stress_day")
TEXT = ("text", "muted", "pain_text", "sessions_text")


def contrast(a: str, b: str) -> float:
    return contrast_ratio(to_hex(a), to_hex(b))


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#777777") == pytest.approx(4.48, abs=0.01)


def test_blend_and_the_least_alpha_that_keeps_3_to_1() -> None:
    assert blend("#000000", "#ffffff", 0.5) == "#808080"
    assert blend("#0072b2", "#ffffff", 1.0) == "#0072b2"
    assert blend("#0072b2", "#ffffff", 0.0) == "#ffffff"
    alpha = least_alpha("#0072b2", "#ffffff")
    assert contrast(blend("#0072b2", "#ffffff", alpha), "#ffffff") >= GRAPHICS_CONTRAST
    assert contrast(blend("#0072b2", "#ffffff", alpha - 0.02), "#ffffff") < GRAPHICS_CONTRAST
    assert least_alpha("#eeeeee", "#ffffff") == 1.0, "too faint even when opaque"


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
def test_activity_lines_stand_out_and_are_not_the_pain_or_stress_colour(theme: Theme) -> None:
    palette: ChartPalette = PALETTES[theme]
    assert len(palette.activities) >= 4
    assert min(contrast(c, palette.axes_bg) for c in palette.activities) >= GRAPHICS_CONTRAST
    taken = {to_hex(getattr(palette, name)) for name in ("pain", "stress", "sessions", "flare")}
    assert not taken & {to_hex(c) for c in palette.activities}


@pytest.mark.parametrize("theme", THEMES)
def test_a_flare_up_band_is_hatched_in_its_full_colour(theme: Theme) -> None:
    """A see-through band faded its hatching to 1.2-1.4:1; the hatching is what shows."""
    style = ChartStyle(theme=theme)
    fig = charts.build_timeline_figure(_series(), style)
    (band,) = [c for c in fig.axes[0].collections if c.get_gid() == "flare_up"]
    assert band.get_alpha() is None
    hatch = to_hex(band.get_hatchcolor()[0])
    assert hatch == to_hex(style.palette.flare)
    assert contrast(hatch, style.palette.axes_bg) >= GRAPHICS_CONTRAST
    fill = to_hex(band.get_facecolor()[0])
    assert fill == blend(style.palette.flare, style.palette.axes_bg, charts.FLARE_FILL)


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


@pytest.mark.parametrize("days", [30, 90, 1000])
@pytest.mark.parametrize("theme", THEMES)
def test_every_scatter_dot_stands_out_3_to_1_however_many_days(theme: Theme, days: int) -> None:
    # The dots are see-through so that crowded spots look darker; a lone day, drawn over
    # nothing but the axes, must still reach 3:1 (the more days, the fainter each dot).
    end = date(2026, 3, 2)
    entries = generate_demo_entries(days + 30, seed=5, end=end)
    series = stats.daily_series(entries, end - timedelta(days=days - 1), end)
    style = ChartStyle(theme=theme)
    corr = stats.lag_correlations(series.pain, series.stress).same_day
    fig = charts.build_scatter_figure(series, corr, style)
    (dots,) = [c for c in fig.axes[0].collections if c.get_gid() == "days"]
    alpha = dots.get_alpha()
    assert alpha is not None
    (face,) = {to_hex(colour, keep_alpha=False) for colour in dots.get_facecolor()}
    alone = blend(face, style.palette.axes_bg, alpha)
    assert contrast(alone, style.palette.axes_bg) >= GRAPHICS_CONTRAST, (alpha, alone)
