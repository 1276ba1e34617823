"""Dates as the chosen language's locale writes them, on every page alike (issue 17)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale


def locale_for(lang: str | None) -> QLocale:
    """The locale for the app's language: the system's own variant when it speaks it.

    English on an English system keeps that system's dates (US or British); English chosen
    on, say, a Dutch system gets British dates, which match the day-month order of the
    sentences and the report.
    """
    system = QLocale.system()
    if not lang or lang == "system":
        return system
    wanted = QLocale(lang)
    if system.language() == wanted.language():
        return system
    if wanted.language() == QLocale.Language.English:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return wanted


def day_format(locale: QLocale | None = None, *, short_month: bool = False) -> str:
    """The locale's long date without the weekday: "d MMMM yyyy", "MMMM d, yyyy"."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    pattern = re.sub(r"d{4}[,.]?\s*", "", pattern).strip(" ,")
    if short_month:
        pattern = pattern.replace("MMMM", "MMM")
    return pattern


def day_text(day: date, locale: QLocale | None = None, *, short_month: bool = False) -> str:
    """`day` in the locale's long form without the weekday ("5 December 2026")."""
    locale = locale or QLocale()
    return locale.toString(
        QDate(day.year, day.month, day.day), day_format(locale, short_month=short_month)
    )


def weekday_day_format(locale: QLocale | None = None) -> str:
    """A short day with its weekday and no year, in the locale's order: "Wed, Dec 2"."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    pattern = pattern.replace("dddd", "ddd").replace("MMMM", "MMM")
    return re.sub(r"[,.]?\s*y+\.?", "", pattern).strip(" ,")
