"""Chart styles, colour-blind-safe palettes and label texts; pure Python, no matplotlib."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Theme = Literal["light", "dark", "high-contrast"]
Language = Literal["en", "nl"]

THEMES: tuple[Theme, ...] = ("light", "dark", "high-contrast")
LANGUAGES: tuple[Language, ...] = ("en", "nl")

BASE_FONT_PT = 10.0
"""Font size at 100% scaling; charts are read at arm's length next to 12 pt UI text."""


@dataclass(frozen=True, slots=True)
class ChartPalette:
    """Every colour a chart uses, so a theme is one object and nothing is picked ad hoc.

    Series colours come from the Okabe–Ito set, which stays distinguishable with the common
    forms of colour blindness; pain (vermillion/orange) and stress (blue) also differ in
    lightness, and every series has its own marker and line style as well, so colour never
    carries meaning alone. Backgrounds match the app's Qt palettes (ui/theme.py).

    Contrast (WCAG 2.1, tested in tests/reports/test_chart_contrast.py): every series colour,
    the days' lighter tints included, is at least 3:1 against the axes, and every colour
    used for text (`text`, `muted`, `pain_text`, `sessions_text`) at least 4.5:1 against
    the figure and the axes; see-through dots are never fainter than 3:1 (`least_alpha`).
    `grid` and `missing` are only backdrop (the gaps are also
    striped), `flare` fills a band faintly under its hatching in the full colour.
    """

    figure_bg: str
    axes_bg: str
    text: str
    muted: str
    grid: str
    pain: str
    stress: str
    sessions: str
    flare: str
    missing: str
    zero_line: str
    pain_day: str
    """Single days, lighter than the 7-day average so the average stands out (≥ 3:1 still)."""
    stress_day: str
    pain_text: str
    """The pain colour dark (or light) enough for an axis label: 4.5:1 on the figure."""
    sessions_text: str
    activities: tuple[str, ...]
    """My activities' lines, in turn: none is the pain, stress, exercise or flare-up colour,
    so that a line on the Insights page, where blue is stress and orange is pain, is never
    read as the person's stress or pain."""


LIGHT_PALETTE = ChartPalette(
    figure_bg="#f3f5f4",
    axes_bg="#ffffff",
    text="#1d2a2c",
    muted="#5b6b6d",
    grid="#dde4e2",
    pain="#d55e00",  # Okabe–Ito vermillion
    stress="#0072b2",  # Okabe–Ito blue
    sessions="#009e73",  # Okabe–Ito bluish green
    flare="#cc79a7",  # Okabe–Ito reddish purple, drawn faint
    missing="#c3cdcb",
    zero_line="#5b6b6d",
    pain_day="#da7321",  # vermillion, lighter: 3.3:1 on white (was drawn 55% opaque: 2.1:1)
    stress_day="#4297c6",  # blue, lighter: 3.2:1 on white
    pain_text="#b34f00",  # 4.8:1 on the figure background
    sessions_text="#007a5a",  # 4.9:1 (the bars' green is 3.1:1, too faint for text)
    activities=("#1d2a2c", "#7b3294", "#8c510a", "#5b6b6d"),  # ink, purple, brown, grey
)

DARK_PALETTE = ChartPalette(
    figure_bg="#1c2224",
    axes_bg="#232a2d",
    text="#e3eae8",
    muted="#9fb0ae",
    grid="#3a4548",
    pain="#e69f00",  # Okabe–Ito orange: vermillion is too dark on a dark background
    stress="#56b4e9",  # Okabe–Ito sky blue
    sessions="#009e73",
    flare="#cc79a7",
    missing="#56656a",
    zero_line="#9fb0ae",
    pain_day="#b07d0c",  # orange, dimmer on the dark axes: 4.0:1
    stress_day="#4590ba",  # sky blue, dimmer: 4.1:1
    pain_text="#e69f00",
    sessions_text="#00b383",
    activities=("#e3eae8", "#c2a5cf", "#f0e442", "#9fb0ae"),  # ink, lilac, yellow, grey
)

HIGH_CONTRAST_PALETTE = ChartPalette(
    figure_bg="#000000",
    axes_bg="#000000",
    text="#ffffff",
    muted="#d8d8d8",
    grid="#6e6e6e",
    pain="#ffb000",  # Okabe–Ito hues at full brightness: 10:1 or more on black
    stress="#6cc4ff",
    sessions="#3ee0a8",
    flare="#ff9ad0",
    missing="#6e6e6e",
    zero_line="#ffffff",
    pain_day="#ffb000",  # no fainter days in high contrast
    stress_day="#6cc4ff",
    pain_text="#ffb000",
    sessions_text="#3ee0a8",
    activities=("#ffffff", "#d9a6ff", "#f0e442", "#bdbdbd"),
)

PALETTES: dict[Theme, ChartPalette] = {
    "light": LIGHT_PALETTE,
    "dark": DARK_PALETTE,
    "high-contrast": HIGH_CONTRAST_PALETTE,
}

GRAPHICS_CONTRAST = 3.0
"""WCAG 2.1's least contrast for graphics (points, lines, bars) against what they lie on."""


def _rgb(colour: str) -> tuple[float, float, float]:
    """ "#rrggbb" as three shares of 1."""
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two "#rrggbb" colours, from 1 to 21."""

    def luminance(colour: str) -> float:
        r, g, b = (
            v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in _rgb(colour)
        )
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(colour: str, background: str, alpha: float) -> str:
    """What `colour` drawn `alpha` opaque over `background` looks like, as "#rrggbb"."""
    mixed = (
        alpha * c + (1.0 - alpha) * g for c, g in zip(_rgb(colour), _rgb(background), strict=True)
    )
    return "#" + "".join(f"{round(v * 255):02x}" for v in mixed)


def least_alpha(colour: str, background: str, ratio: float = GRAPHICS_CONTRAST) -> float:
    """The least opacity at which one `colour` mark still stands out `ratio`:1 on `background`.

    See-through marks show where many days fall on one spot; a single day must still be
    seen, so their opacity never goes below this. 1.0 when even the full colour falls short.
    """
    if contrast_ratio(colour, background) < ratio:
        return 1.0
    low, high = 0.0, 1.0
    for _ in range(20):  # bisection: contrast grows with opacity
        middle = (low + high) / 2
        if contrast_ratio(blend(colour, background, middle), background) >= ratio:
            high = middle
        else:
            low = middle
    return high


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """How a chart looks: theme, language of its labels and text size (1.0 = 100%, 2.0 = 200%).

    Charts never read or change matplotlib's global settings, so the app, the PDF report and
    the tests can each draw with their own style side by side. `palette` defaults to the one
    that matches `theme`; pass another ChartPalette to override colours.
    """

    theme: Theme = "light"
    lang: Language = "en"
    font_scale: float = 1.0
    palette: ChartPalette = field(default=LIGHT_PALETTE)

    def __post_init__(self) -> None:
        if self.theme not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {self.theme!r}")
        if self.lang not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {self.lang!r}")
        if not 0.5 <= self.font_scale <= 4.0:
            raise ValueError(f"font_scale must lie between 0.5 and 4, not {self.font_scale}")
        if self.theme != "light" and self.palette is LIGHT_PALETTE:
            # A frozen dataclass: the theme's own palette is filled in once, here.
            object.__setattr__(self, "palette", PALETTES[self.theme])

    @property
    def font_pt(self) -> float:
        return BASE_FONT_PT * self.font_scale


MONTHS_SHORT: dict[Language, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
}

WEEKDAYS_SHORT: dict[Language, tuple[str, ...]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
}

# Chart texts. The app's own strings go through Qt's translator, but reports/ has no Qt, so
# the charts carry their two languages here. Wording follows CLINICAL.md: no fear words, and
# statistics describe patterns ("move together"), never causes.
LABELS: dict[Language, dict[str, str]] = {
    "en": {
        "timeline_title": "Pain and stress over time",
        "score_axis": "Score (0–10)",
        "pain_daily": "Pain (day)",
        "stress_daily": "Stress (day)",
        "pain_mean": "Pain, 7-day average",
        "stress_mean": "Stress, 7-day average",
        "flare_up": "Flare-up",
        "sessions": "Day with exercise",
        "nothing_logged": "Nothing logged in this period yet",
        "trend_needs": "A trend needs {need} logged days; {have} so far",
        "scatter_title": "Stress and pain on the same day",
        "stress_axis": "Stress (0–10)",
        "pain_axis": "Pain (0–10)",
        "days": "Days",
        "trend_line": "Trend line",
        # "As logged": the Insights sentence compares each day with the person's usual
        # level instead, which gives a slightly different figure (issue 17).
        "stats": "Days as logged: ρ = {rho}, 95% CI {lo} to {hi}, n = {n} days",
        "no_rho": "n = {n} days: not enough variation to compute ρ",
        "more_days": "{more} more paired days needed before a pattern is described",
        "lag_title": "Same day and next day",
        "lag_axis": "Moving together (ρ)",
        "same_day": "same day",
        "stress_to_next_day_pain": "stress → next-day pain",
        "pain_to_next_day_stress": "pain → next-day stress",
        "not_enough_data": "not enough data",
        "n_days": "n = {n}",
        "open_markers": "Open marker: fewer than {min} paired days, so read with care",
        "weekly_title": "Exercise and pain per week",
        "sessions_axis": "Sessions per week",
        "weekly_pain": "Mean pain",
        "no_sessions": "No exercise sessions in this period",
        "calendar_title": "Daily pain",
        "no_entry": "No entry",
        "high_low_title": "Pain on higher- and lower-stress days",
        "mean_pain_axis": "Mean pain (0–10)",
        "lower_stress": "lower-stress days\nstress ≤ {median}\nn = {n}",
        "higher_stress": "higher-stress days\nstress > {median}\nn = {n}",
        "difference_axis": "Difference (higher − lower)",
        "difference": "difference",
        "stats_diff": "Difference {d} points (95% CI {lo} to {hi})",
        "stats_diff_no_ci": "Difference {d} points",
        "no_split": "Needs days with both higher and lower stress",
    },
    "nl": {
        "timeline_title": "Pijn en stress in de tijd",
        "score_axis": "Score (0–10)",
        "pain_daily": "Pijn (dag)",
        "stress_daily": "Stress (dag)",
        "pain_mean": "Pijn, 7-daags gemiddelde",
        "stress_mean": "Stress, 7-daags gemiddelde",
        "flare_up": "Opvlamming",
        "sessions": "Dag met oefenen",
        "nothing_logged": "Nog niets ingevuld in deze periode",
        "trend_needs": "Voor een trend zijn {need} ingevulde dagen nodig; nu {have}",
        "scatter_title": "Stress en pijn op dezelfde dag",
        "stress_axis": "Stress (0–10)",
        "pain_axis": "Pijn (0–10)",
        "days": "Dagen",
        "trend_line": "Trendlijn",
        "stats": "Dagen zoals ingevuld: ρ = {rho}; 95%-BI {lo} tot {hi}; n = {n} dagen",
        "no_rho": "n = {n} dagen: te weinig variatie om ρ te berekenen",
        "more_days": "Nog {more} dagen met beide scores nodig voor een patroon",
        "lag_title": "Dezelfde dag en de dag erna",
        "lag_axis": "Samen op en neer (ρ)",
        "same_day": "dezelfde dag",
        "stress_to_next_day_pain": "stress → pijn de dag erna",
        "pain_to_next_day_stress": "pijn → stress de dag erna",
        "not_enough_data": "te weinig gegevens",
        "n_days": "n = {n}",
        "open_markers": "Open punt: minder dan {min} dagparen, dus voorzichtig lezen",
        "weekly_title": "Oefenen en pijn per week",
        "sessions_axis": "Sessies per week",
        "weekly_pain": "Gemiddelde pijn",
        "no_sessions": "Geen oefensessies in deze periode",
        "calendar_title": "Pijn per dag",
        "no_entry": "Niet ingevuld",
        "high_low_title": "Pijn op dagen met meer en minder stress",
        "mean_pain_axis": "Gemiddelde pijn (0–10)",
        "lower_stress": "minder stress\nstress ≤ {median}\nn = {n}",
        "higher_stress": "meer stress\nstress > {median}\nn = {n}",
        "difference_axis": "Verschil (meer − minder)",
        "difference": "verschil",
        "stats_diff": "Verschil {d} punten (95%-BI {lo} tot {hi})",
        "stats_diff_no_ci": "Verschil {d} punten",
        "no_split": "Nodig: dagen met zowel meer als minder stress",
    },
}


def label(key: str, lang: Language, **values: object) -> str:
    """The chart text `key` in `lang`, with `values` filled in."""
    text = LABELS[lang][key]
    return text.format(**values) if values else text
