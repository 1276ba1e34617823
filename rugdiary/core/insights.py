"""Plain-language sentences (English and Dutch) about how stress and pain move together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

MIN_DAYS = 28
"""Paired days needed before a correlation is described at all (CLINICAL.md §5)."""

MIN_NEXT_DAY_PAIRS = 42
"""Pairs of consecutive logged days (day d and day d + 1) before a next-day comparison is
shown. CLINICAL.md §5 asks for 42–56 consecutive days before "does stress come first?" is
looked at: a next-day link is weaker and more easily chance than a same-day one, and 28 pairs
give an interval too wide to say anything. The lower end is used, with the interval widened
for the carry-over from one day to the next (core.stats)."""

MIN_COMPLETENESS = 0.8
"""Share of days filled in, from the first to the last entry, before a pattern is described
(CLINICAL.md §5: at least 80% complete). People tend to skip days in a pattern of their own
(good days, or very bad ones), so a diary with many gaps can show a link the missing days
would not."""

MIN_SD = 1.0
"""Standard deviation of the daily scores, on both stress and pain, before a pattern is
described (CLINICAL.md §5: SD at least 1). Scores that hardly move are mostly ties, and a
rank correlation of ties says more about rounding than about the person."""

Strength = Literal["none", "weak", "moderate", "strong"]
Blocker = Literal["few_days", "sparse", "little_variation"]
"""Why a same-day pattern is not described: too few days compared, too few days filled in,
scores that hardly vary, or no correlation defined at all (a series that never changes)."""
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


@dataclass(frozen=True, slots=True)
class DiaryCheck:
    """What CLINICAL.md §5 asks of a diary, besides the number of days, before a pattern.

    `days_logged` of `span_days`: the days with an entry from the first to the last entry
    in the period. Days before a person started (or after they stopped) are not missing
    entries, so "Last 12 months" for a diary begun three months ago is judged on those three
    months. `pain_sd` and `stress_sd` are the standard deviations of the daily scores, None
    with fewer than two days. Made by core.stats.diary_check (this module imports no numpy).
    """

    days_logged: int
    span_days: int
    pain_sd: float | None
    stress_sd: float | None

    @property
    def completeness(self) -> float:
        """Days filled in over the days from the first to the last entry (1 when none)."""
        return self.days_logged / self.span_days if self.span_days else 1.0

    @property
    def complete_enough(self) -> bool:
        return self.completeness >= MIN_COMPLETENESS - 1e-9

    @property
    def pain_varies(self) -> bool:
        return self.pain_sd is not None and self.pain_sd >= MIN_SD - 1e-9

    @property
    def stress_varies(self) -> bool:
        return self.stress_sd is not None and self.stress_sd >= MIN_SD - 1e-9


def pattern_blocker(corr: CorrelationLike, check: DiaryCheck) -> Blocker | None:
    """Why the same-day pattern of `corr` may not be described; None when it may.

    The order is the order of what a person can do about it: log more days, fill in the
    days in between, then wait for scores that move.
    """
    if corr.n < MIN_DAYS:
        return "few_days"
    return diary_blocker(check)


def diary_blocker(check: DiaryCheck) -> Literal["sparse", "little_variation"] | None:
    """What keeps any stress–pain comparison of this diary from being shown, whatever n.

    The same rules as pattern_blocker without the count of days, for the charts and rows
    that compare stress with pain (the next-day ones too): too few days filled in, or
    scores that hardly move.
    """
    if not check.complete_enough:
        return "sparse"
    if not (check.pain_varies and check.stress_varies):
        return "little_variation"
    return None


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
    check: DiaryCheck,
    month_first: bool = False,
) -> str:
    """One sentence on the same-day link between stress and pain, for people, not statisticians.

    `corr` should be the within-person (detrended) same-day correlation: the sentence speaks
    of days when stress was "higher than usual for you". It states the strength, the interval
    and the number of days, calls it a pattern only when the interval excludes zero, and
    never says that one thing causes the other. Below MIN_DAYS compared days it says how many
    more are needed instead of describing noise; a diary with too many days left out, or
    with scores that hardly move (`check`, CLINICAL.md §5), gets the reason instead.
    """
    _check_lang(lang)
    period = format_period(start, end, lang, month_first=month_first)
    opening = period[0].upper() + period[1:]
    n = corr.n
    blocker = pattern_blocker(corr, check)
    if blocker == "few_days":
        more = days_needed(n)
        if lang == "en":
            verb = "is" if n == 1 else "are"
            return (
                f"{opening} there {verb} {_days(n, lang)} to compare so far; log your pain and "
                f"stress on at least {more} more {'day' if more == 1 else 'days'} and RugDiary "
                "can show whether the two tend to rise and fall together."
            )
        verb = "is" if n == 1 else "zijn"
        return (
            f"{opening} {verb} er tot nu toe {_days(n, lang)} om te vergelijken; vul op nog "
            f"minstens {_days(more, lang)} je pijn en stress in, dan kan RugDiary laten zien "
            "of die twee samen op en neer gaan."
        )
    if blocker == "sparse":
        percent = round(100 * check.completeness)
        least = round(100 * MIN_COMPLETENESS)
        if lang == "en":
            return (
                f"{opening} you filled in {check.days_logged} of the {check.span_days} days "
                f"between your first and your last entry ({percent}%), too few to describe a "
                f"pattern between your stress and your pain: RugDiary needs at least {least}% "
                "of the days, as the missing days could tell a different story."
            )
        return (
            f"{opening} heb je {check.days_logged} van de {check.span_days} dagen tussen je "
            f"eerste en je laatste registratie ingevuld ({percent}%), te weinig om een patroon "
            f"tussen je stress en je pijn te beschrijven: RugDiary heeft minstens {least}% van "
            "de dagen nodig, want de dagen die ontbreken kunnen een ander verhaal vertellen."
        )
    if blocker == "little_variation":
        flat_pain, flat_stress = not check.pain_varies, not check.stress_varies
        if lang == "en":
            what = (
                "stress and your pain"
                if flat_pain and flat_stress
                else ("pain" if flat_pain else "stress")
            )
            return (
                f"{opening} ({_days(n, lang)} compared) your {what} hardly changed from day "
                "to day: there is too little variation yet to show whether your stress and "
                "your pain move together."
            )
        if flat_pain and flat_stress:
            subject = "veranderden je stress en je pijn"
        else:
            subject = f"veranderde je {'pijn' if flat_pain else 'stress'}"
        return (
            f"{opening} ({_days(n, lang)} vergeleken) {subject} van dag tot dag nauwelijks: "
            "er is nog te weinig variatie om te zien of je stress en je pijn samen op en neer "
            "gaan."
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


def numbers_line(corr: CorrelationLike, lang: str = "en", *, check: DiaryCheck) -> str | None:
    """The numbers behind stress_pain_sentence, for a details line; None when it gives none.

    Names what was compared (each day against the person's usual level), so it is not
    mistaken for the plain correlation of the days as logged that the scatter chart shows.
    Whenever the sentence gives a reason instead of a pattern, there is no figure either: a
    "ρ = 1.00" from scores that hardly move would say more than the sentence dares to.
    """
    _check_lang(lang)
    if pattern_blocker(corr, check) is not None or corr.rho is None or corr.ci95 is None:
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
