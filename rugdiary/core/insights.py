"""Plain-language sentences (English and Dutch) about how stress and pain move together."""

from __future__ import annotations

from datetime import date
from typing import Literal, Protocol

MIN_DAYS = 28
"""Paired days needed before a correlation is described at all (CLINICAL.md §5)."""

Strength = Literal["none", "weak", "moderate", "strong"]
LANGUAGES: tuple[str, ...] = ("en", "nl")

MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
}

_STRENGTH_WORDS: dict[str, dict[Strength, str]] = {
    "en": {"none": "no", "weak": "weak", "moderate": "moderate", "strong": "strong"},
    "nl": {"none": "geen", "weak": "zwak", "moderate": "middelsterk", "strong": "sterk"},
}


class CorrelationLike(Protocol):
    """What a sentence needs from a correlation (stats.Correlation fits without importing scipy)."""

    @property
    def rho(self) -> float | None: ...

    @property
    def ci95(self) -> tuple[float, float] | None: ...

    @property
    def n(self) -> int: ...


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")


def strength_label(rho: float) -> Strength:
    """The size of rho in words: |rho| < 0.1 none, < 0.3 weak, <= 0.5 moderate, above strong.

    The label is taken from rho rounded to two decimals, the number the sentence shows, so a
    reader never sees "ρ = 0.30" called weak.
    """
    size = round(abs(rho), 2)
    if size < 0.1:
        return "none"
    if size < 0.3:
        return "weak"
    if size <= 0.5:
        return "moderate"
    return "strong"


def strength_word(label: Strength, lang: str = "en") -> str:
    """The adjective for a strength label in `lang` ("moderate", "middelsterk", ...)."""
    _check_lang(lang)
    return _STRENGTH_WORDS[lang][label]


def days_needed(n: int) -> int:
    """How many more paired days are needed before a pattern is described."""
    return max(0, MIN_DAYS - n)


def format_number(value: float, lang: str = "en") -> str:
    """Two decimals with a true minus sign; Dutch uses a decimal comma."""
    text = f"{value:.2f}"
    if text in ("-0.00", "0.00"):
        text = "0.00"
    text = text.replace("-", "\u2212")
    return text.replace(".", ",") if lang == "nl" else text


def format_period(start: date, end: date, lang: str = "en", *, month_first: bool = False) -> str:
    """The period as people say it: "2 to 20 March 2026", "van 2 tot en met 20 maart 2026".

    `month_first` writes English the American way ("March 2 to 20, 2026"), so the sentence
    follows the same locale as the dates on every page; Dutch is always day first.
    """
    _check_lang(lang)
    months = MONTHS[lang]
    us = month_first and lang == "en"

    def day_month(d: date) -> str:
        return f"{months[d.month - 1]} {d.day}" if us else f"{d.day} {months[d.month - 1]}"

    def full(d: date) -> str:
        return f"{day_month(d)}, {d.year}" if us else f"{day_month(d)} {d.year}"

    if start == end:
        return ("on " if lang == "en" else "op ") + full(start)
    if start.year != end.year:
        first = full(start)
    elif start.month != end.month:
        first = day_month(start)
    else:
        first = day_month(start) if us else str(start.day)
    if us and start.year == end.year and start.month == end.month:
        return f"from {first} to {end.day}, {end.year}"
    if lang == "en":
        return f"from {first} to {full(end)}"
    return f"van {first} tot en met {full(end)}"


def _days(n: int, lang: str) -> str:
    if lang == "en":
        return f"{n} day" if n == 1 else f"{n} days"
    return f"{n} dag" if n == 1 else f"{n} dagen"


def _stats_text(rho: float, ci: tuple[float, float], lang: str) -> str:
    r = format_number(rho, lang)
    lo = format_number(ci[0], lang)
    hi = format_number(ci[1], lang)
    if lang == "en":
        return f"ρ = {r}, 95% CI {lo} to {hi}"
    return f"ρ = {r}; 95%-BI {lo} tot {hi}"


def stress_pain_sentence(
    corr: CorrelationLike,
    start: date,
    end: date,
    lang: str = "en",
    *,
    month_first: bool = False,
) -> str:
    """One sentence on the same-day link between stress and pain, for people, not statisticians.

    `corr` should be the within-person (detrended) same-day correlation: the sentence speaks
    of days when stress was "higher than usual for you". It states the strength, the interval
    and the number of days, calls it a pattern only when the interval excludes zero, and
    never says that one thing causes the other. Below MIN_DAYS compared days it says how many
    more are needed instead of describing noise.
    """
    _check_lang(lang)
    period = format_period(start, end, lang, month_first=month_first)
    opening = period[0].upper() + period[1:]
    n = corr.n
    if n < MIN_DAYS:
        more = days_needed(n)
        if lang == "en":
            return (
                f"{opening} there are {_days(n, lang)} to compare so far; log your pain and "
                f"stress on at least {more} more {'day' if more == 1 else 'days'} and RugDiary "
                "can show whether the two tend to rise and fall together."
            )
        return (
            f"{opening} zijn er tot nu toe {_days(n, lang)} om te vergelijken; vul op nog "
            f"minstens {_days(more, lang)} je pijn en stress in, dan kan RugDiary laten zien "
            "of die twee samen op en neer gaan."
        )
    if corr.rho is None or corr.ci95 is None:
        if lang == "en":
            return (
                f"{opening} ({_days(n, lang)} compared) your stress or your pain stayed at "
                "the same level, so there is no pattern to describe."
            )
        return (
            f"{opening} ({_days(n, lang)} vergeleken) bleef je stress of je pijn steeds "
            "even hoog, dus er is geen patroon te beschrijven."
        )
    rho = corr.rho
    ci = corr.ci95
    label = strength_label(rho)
    clear = ci[0] > 0.0 or ci[1] < 0.0
    # Plain words only: the numbers go in numbers_line(), a details line people can open.
    if not clear:
        if lang == "en":
            size = "close to zero" if label == "none" else f"{strength_word(label, lang)}"
            return (
                f"{opening} ({_days(n, lang)} compared) there is no clear pattern yet between "
                f"your stress and your pain: the link is {size} and could well be chance."
            )
        size = "vrijwel nul" if label == "none" else strength_word(label, lang)
        return (
            f"{opening} ({_days(n, lang)} vergeleken) is er nog geen duidelijk patroon tussen "
            f"je stress en je pijn: het verband is {size} en kan goed toeval zijn."
        )
    if label == "none":
        if lang == "en":
            return (
                f"{opening} ({_days(n, lang)} compared) your stress and your pain hardly "
                "moved together: the pattern is too small to matter."
            )
        return (
            f"{opening} ({_days(n, lang)} vergeleken) gingen je stress en je pijn nauwelijks "
            "samen op en neer: het patroon is te klein om iets te betekenen."
        )
    word = strength_word(label, lang)
    if lang == "en":
        direction = "higher too" if rho > 0 else "lower"
        return (
            f"{opening} ({_days(n, lang)} compared), on days your stress was higher than "
            f"usual for you, your pain tended to be {direction}: a {word} pattern, and "
            "probably not chance."
        )
    direction = "ook hoger" if rho > 0 else "juist lager"
    return (
        f"{opening} ({_days(n, lang)} vergeleken) was je pijn op dagen met meer stress dan "
        f"gewoonlijk voor jou meestal {direction}: een {word} patroon, en waarschijnlijk "
        "geen toeval."
    )


def numbers_line(corr: CorrelationLike, lang: str = "en") -> str | None:
    """The numbers behind stress_pain_sentence, for a details line; None when it gives none.

    Names what was compared (each day against the person's usual level), so it is not
    mistaken for the plain correlation of the days as logged that the scatter chart shows.
    """
    _check_lang(lang)
    if corr.n < MIN_DAYS or corr.rho is None or corr.ci95 is None:
        return None
    numbers = _stats_text(corr.rho, corr.ci95, lang)
    if lang == "en":
        return (
            f"Details: {numbers}, n = {_days(corr.n, lang)}; each day compared with what is "
            "usual for you (Spearman's ρ runs from −1 to 1)."
        )
    return (
        f"Details: {numbers}; n = {_days(corr.n, lang)}; elke dag vergeleken met wat voor "
        "jou gewoon is (Spearmans ρ loopt van −1 tot 1)."
    )


def caveat_sentence(lang: str = "en") -> str:
    """The reminder shown with every pattern: moving together is not one driving the other."""
    _check_lang(lang)
    if lang == "en":
        return (
            "Moving together does not show that one drives the other: poor sleep or a heavy "
            "workload can raise both, and pain can raise stress as well. It may be worth "
            "talking over with your physiotherapist."
        )
    return (
        "Dat ze samen op en neer gaan, betekent niet dat het een uit het ander voortkomt: "
        "slecht slapen of veel werkdruk kan ze allebei verhogen, en pijn kan ook stress geven. "
        "Bespreek het gerust met je fysiotherapeut."
    )
