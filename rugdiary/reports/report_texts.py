"""English and Dutch texts of the physiotherapist report (reports/ has no Qt translator)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from rugdiary.core.insights import MONTHS
from rugdiary.reports.chart_theme import MONTHS_SHORT

ReportLanguage = Literal["en", "nl"]
LANGUAGES: tuple[ReportLanguage, ...] = ("en", "nl")


# Wording follows CLINICAL.md: no fear words, patterns never called causes, and the report
# says plainly that it does not diagnose. Dutch uses the informal "je", like the app.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "RugDiary report",
        "doc_title": "RugDiary report {start} to {end}",
        "subject": "Pain and stress diary and exercise sessions, for the physiotherapist",
        "period": "Period: {period}",
        "name": "Name: {name}",
        "generated": "Made on {date} with RugDiary {version}",
        "program_now": "Latest exercise program: {program} ({level})",
        "page": "Page {page} of {pages}",
        "footer": "RugDiary {version} · {period}",
        # at a glance
        "days_logged": "Days logged",
        "days_logged_value": "{logged} of {days}",
        "days_logged_detail": "{percent}% · {count} entries",
        "pain": "Pain",
        "stress": "Stress",
        "mean_pain": "Mean pain (0–10)",
        "mean_stress": "Mean stress (0–10)",
        "level_detail": "median {median} · highest {max}",
        "sessions": "Exercise sessions",
        "sessions_detail": "{minutes} min · {per_week} a week",
        "sleep": "Mean sleep quality",
        "activity_detail": "active {minutes} min a day",
        "activity_none": "activity not logged",
        "chart_alt": "Chart of daily pain and stress with 7-day averages, flare-ups and sessions",
        # weekly table
        "weekly_heading": "Pain per week",
        "col_week": "Week",
        "col_days": "Days logged",
        "col_pain": "Mean pain",
        "col_worst": "Mean worst pain",
        "col_highest": "Highest",
        "col_stress": "Mean stress",
        "col_sessions": "Sessions",
        "col_change": "Change vs week 1",
        "baseline": "baseline",
        "weekly_note": (
            "Scores 0–10; means of daily averages. Change against the first week with at least "
            "{min_days} logged days (thinner weeks get none). ● a change of 2 points or 30% or "
            "more, which usually matters to people (Ostelo 2008)."
        ),
        "weeks_left_out": (
            "The first week and the last {shown} weeks are shown; the {hidden} weeks in between "
            "are in the chart{appendix}."
        ),
        "weeks_in_appendix": " and in the appendix",
        # stress and pain
        "stress_heading": "Stress and pain",
        "col_pair": "Pair of days",
        "col_raw": "Daily scores",
        "col_detrended": "Against own 4-week average",
        "same_day": "Stress and pain, same day",
        "stress_to_next_day_pain": "Stress, then pain the next day",
        "pain_to_next_day_stress": "Pain, then stress the next day",
        "rho_value": "{rho} ({lo} to {hi}), n = {n}",
        "rho_none": "not computed (too little variation), n = {n}",
        "stress_note": (
            "Each cell: Spearman's ρ over daily means (Fisher-z 95% CI), n. Right column: "
            "each day against the person's own average of the 4 weeks before, which removes "
            "slow trends both scores share. Below {min_days} paired days, read with care."
        ),
        "high_low": (
            "Mean pain on days with stress above {median}: {high} (n = {n_high}); on other "
            "days: {low} (n = {n_low}); difference {diff} points{ci}."
        ),
        "high_low_ci": " (95% CI {lo} to {hi}, block bootstrap)",
        # exercise
        "exercise_heading": "Exercise",
        "exercise_summary": (
            "{count} sessions in {weeks} weeks ({per_week} a week), {minutes} minutes in all; "
            "{completed} completed, {stopped} stopped early ({stopped_pain} because of pain)."
        ),
        "no_sessions": "No exercise sessions were recorded with the player in this period.",
        "reminders_line": "Reminders in this period: {parts}.",
        "reminders_kind": "{kind} {done} done, {snoozed} later, {skipped} skipped",
        "reminder_diary": "diary",
        "reminder_exercise": "exercise",
        "reminder_movement": "movement breaks",
        "sitting_line": (
            "Sitting at the computer, counted on {days}: {per_day} minutes a day on "
            "average, longest unbroken stretch {longest} minutes. Movement breaks: {taken} "
            "taken, {skipped} skipped, {postponed} postponed, {natural} natural (away from the "
            "computer or screen locked for at least 5 minutes)."
        ),
        "sitting_days_one": "1 day",
        "sitting_days": "{n} days",
        "col_sitting_day": "Day",
        "col_sitting_week": "Week (days counted)",
        "col_sitting_min": "Minutes at the computer",
        "col_sitting_min_mean": "Minutes a day at the computer",
        "col_sitting_longest": "Longest stretch (min)",
        "col_breaks_taken": "Breaks taken",
        "col_breaks_skipped": "Skipped",
        "col_breaks_natural": "Natural",
        "col_program": "Program",
        "col_levels": "Levels",
        "col_done": "Completed",
        "col_minutes": "Minutes",
        "col_response": "Pain after the session",
        "response_legend": (
            "Pain after the session: ● 0–3 fine · ◆ 4–5 acceptable if settled by the next "
            "morning · ▲ above 5: make the next session lighter."
        ),
        "green": "fine",
        "yellow": "acceptable",
        "red": "too much",
        "not_asked": "not asked",
        "beginner": "beginner",
        "intermediate": "intermediate",
        "advanced": "advanced",
        # page 2
        "flare_heading": "Flare-ups",
        "no_flares": "No flare-ups were marked in this period.",
        "col_dates": "Dates",
        "col_duration": "Days",
        "col_tags": "Tags",
        "col_notes": "Notes",
        "physio_heading": "Entries marked for the physiotherapist",
        "flares_left_out": (
            "The {shown} most recent of {total} flare-ups are listed; the chart shows them "
            "all{where}."
        ),
        "notes_left_out": "The {shown} most recent of {total} marked entries are listed{where}.",
        "in_appendix": "; every entry is in the appendix",
        "no_physio": "No entries were marked for the physiotherapist.",
        "col_date": "Date",
        "col_scores": "Pain · stress",
        "flare_mark": "flare-up",
        "questions_heading": "My questions for this visit",
        "medication_heading": "Medication",
        "no_medication": "No medication was logged in this period.",
        "col_medicine": "Medicine",
        "col_doses": "Doses logged",
        "col_first": "First logged",
        "col_last": "Last logged",
        "col_med_days": "Days",
        "about_heading": "About this report",
        "about_text": (
            "This report shows what was logged in RugDiary: scores people give themselves on "
            "a 0–10 scale, and the exercise sessions done with the app. RugDiary does not "
            "diagnose and gives no medical advice. The statistics describe patterns in this "
            "diary; they do not show what causes what. Questions about warning signs belong "
            "with a GP or physiotherapist."
        ),
        # empty period
        "nothing_logged": (
            "Nothing was logged in this period, so there are no figures to show. Choose a "
            "period with diary entries, or bring the questions below to the visit."
        ),
        # appendix
        "appendix_heading": "Appendix: every entry in the period",
        "appendix_weeks_heading": "Appendix: every week in the period",
        "col_time": "Time",
        "col_worst_short": "Worst",
        "col_sleep": "Sleep",
        "col_flare": "Flare-up",
        "yes": "yes",
    },
    "nl": {
        "title": "RugDiary-verslag",
        "doc_title": "RugDiary-verslag {start} t/m {end}",
        "subject": "Dagboek van pijn en stress en oefensessies, voor de fysiotherapeut",
        "period": "Periode: {period}",
        "name": "Naam: {name}",
        "generated": "Gemaakt op {date} met RugDiary {version}",
        "program_now": "Laatste oefenprogramma: {program} ({level})",
        "page": "Pagina {page} van {pages}",
        "footer": "RugDiary {version} · {period}",
        "days_logged": "Ingevulde dagen",
        "days_logged_value": "{logged} van {days}",
        "days_logged_detail": "{percent}% · {count} registraties",
        "pain": "Pijn",
        "stress": "Stress",
        "mean_pain": "Gem. pijn (0–10)",
        "mean_stress": "Gem. stress (0–10)",
        "level_detail": "mediaan {median} · hoogste {max}",
        "sessions": "Oefensessies",
        "sessions_detail": "{minutes} min · {per_week} per week",
        "sleep": "Gem. slaapkwaliteit",
        "activity_detail": "{minutes} min per dag actief",
        "activity_none": "activiteit niet ingevuld",
        "chart_alt": (
            "Grafiek van pijn en stress per dag met 7-daagse gemiddelden, opvlammingen en sessies"
        ),
        "weekly_heading": "Pijn per week",
        "col_week": "Week",
        "col_days": "Ingevulde dagen",
        "col_pain": "Gem. pijn",
        "col_worst": "Gem. ergste pijn",
        "col_highest": "Hoogste",
        "col_stress": "Gem. stress",
        "col_sessions": "Sessies",
        "col_change": "Verandering sinds week 1",
        "baseline": "startpunt",
        "weekly_note": (
            "Scores 0–10; gemiddelden van daggemiddelden. Verandering t.o.v. de eerste week "
            "met minstens {min_days} ingevulde dagen (weken met minder krijgen er geen). ● een "
            "verschil van 2 punten of 30% of meer, wat mensen meestal merken (Ostelo 2008)."
        ),
        "weeks_left_out": (
            "Hier staan de eerste week en de laatste {shown} weken; de {hidden} weken daartussen "
            "staan in de grafiek{appendix}."
        ),
        "weeks_in_appendix": " en in de bijlage",
        "stress_heading": "Stress en pijn",
        "col_pair": "Paar van dagen",
        "col_raw": "Dagscores",
        "col_detrended": "T.o.v. eigen 4-weeksgemiddelde",
        "same_day": "Stress en pijn, dezelfde dag",
        "stress_to_next_day_pain": "Stress, dan pijn de dag erna",
        "pain_to_next_day_stress": "Pijn, dan stress de dag erna",
        "rho_value": "{rho} ({lo} tot {hi}), n = {n}",
        "rho_none": "niet berekend (te weinig variatie), n = {n}",
        "stress_note": (
            "Elke cel: Spearmans ρ over daggemiddelden (95%-BI via Fisher-z), n. Rechterkolom: "
            "elke dag t.o.v. het eigen gemiddelde van de 4 weken ervoor; zo tellen trage "
            "trends die beide scores delen niet mee. Minder dan {min_days} dagparen: "
            "voorzichtig lezen."
        ),
        "high_low": (
            "Gemiddelde pijn op dagen met stress boven {median}: {high} (n = {n_high}); op de "
            "andere dagen: {low} (n = {n_low}); verschil {diff} punten{ci}."
        ),
        "high_low_ci": " (95%-BI {lo} tot {hi}, blok-bootstrap)",
        "exercise_heading": "Oefenen",
        "exercise_summary": (
            "{count} sessies in {weeks} weken ({per_week} per week), samen {minutes} minuten; "
            "{completed} helemaal gedaan, {stopped} eerder gestopt ({stopped_pain} vanwege "
            "pijn)."
        ),
        "no_sessions": "In deze periode zijn geen oefensessies met de speler vastgelegd.",
        "reminders_line": "Herinneringen in deze periode: {parts}.",
        "reminders_kind": "{kind} {done} gedaan, {snoozed} later, {skipped} overgeslagen",
        "reminder_diary": "dagboek",
        "reminder_exercise": "oefenen",
        "reminder_movement": "beweegpauzes",
        "sitting_line": (
            "Zitten achter de computer, gemeten op {days}: gemiddeld {per_day} minuten "
            "per dag, langste aaneengesloten periode {longest} minuten. Beweegpauzes: {taken} "
            "genomen, {skipped} overgeslagen, {postponed} uitgesteld, {natural} vanzelf (minstens "
            "5 minuten weg van de computer of scherm vergrendeld)."
        ),
        "sitting_days_one": "1 dag",
        "sitting_days": "{n} dagen",
        "col_sitting_day": "Dag",
        "col_sitting_week": "Week (gemeten dagen)",
        "col_sitting_min": "Minuten achter de computer",
        "col_sitting_min_mean": "Minuten per dag achter de computer",
        "col_sitting_longest": "Langste periode (min)",
        "col_breaks_taken": "Pauzes genomen",
        "col_breaks_skipped": "Overgeslagen",
        "col_breaks_natural": "Vanzelf",
        "col_program": "Programma",
        "col_levels": "Niveaus",
        "col_done": "Helemaal gedaan",
        "col_minutes": "Minuten",
        "col_response": "Pijn na de sessie",
        "response_legend": (
            "Pijn na de sessie: ● 0–3 prima · ◆ 4–5 acceptabel als het de volgende ochtend "
            "gezakt is · ▲ boven 5: maak de volgende sessie lichter."
        ),
        "green": "prima",
        "yellow": "acceptabel",
        "red": "te veel",
        "not_asked": "niet gevraagd",
        "beginner": "beginner",
        "intermediate": "gemiddeld",
        "advanced": "gevorderd",
        "flare_heading": "Opvlammingen",
        "no_flares": "In deze periode is geen opvlamming aangegeven.",
        "col_dates": "Datums",
        "col_duration": "Dagen",
        "col_tags": "Labels",
        "col_notes": "Notities",
        "physio_heading": "Registraties gemarkeerd voor de fysiotherapeut",
        "flares_left_out": (
            "Hier staan de {shown} laatste van {total} opvlammingen; de grafiek laat ze "
            "allemaal zien{where}."
        ),
        "notes_left_out": (
            "Hier staan de {shown} laatste van {total} gemarkeerde registraties{where}."
        ),
        "in_appendix": "; alle registraties staan in de bijlage",
        "no_physio": "Er zijn geen registraties voor de fysiotherapeut gemarkeerd.",
        "col_date": "Datum",
        "col_scores": "Pijn · stress",
        "flare_mark": "opvlamming",
        "questions_heading": "Mijn vragen voor deze afspraak",
        "medication_heading": "Medicijnen",
        "no_medication": "In deze periode zijn geen medicijnen ingevuld.",
        "col_medicine": "Medicijn",
        "col_doses": "Ingevulde doses",
        "col_first": "Eerst ingevuld",
        "col_last": "Laatst ingevuld",
        "col_med_days": "Dagen",
        "about_heading": "Over dit verslag",
        "about_text": (
            "Dit verslag laat zien wat er in RugDiary is ingevuld: scores die iemand zichzelf "
            "geeft op een schaal van 0 tot 10, en de oefensessies die met de app zijn gedaan. "
            "RugDiary stelt geen diagnose en geeft geen medisch advies. De statistiek beschrijft "
            "patronen in dit dagboek; ze laat niet zien wat de oorzaak is van wat. Vragen over "
            "alarmsignalen horen bij de huisarts of fysiotherapeut."
        ),
        "nothing_logged": (
            "In deze periode is niets ingevuld, dus er zijn geen cijfers om te laten zien. Kies "
            "een periode met registraties, of neem de vragen hieronder mee naar de afspraak."
        ),
        "appendix_heading": "Bijlage: alle registraties in de periode",
        "appendix_weeks_heading": "Bijlage: alle weken in de periode",
        "col_time": "Tijd",
        "col_worst_short": "Ergste",
        "col_sleep": "Slaap",
        "col_flare": "Opvlamming",
        "yes": "ja",
    },
}


def check_language(lang: str) -> ReportLanguage:
    """`lang` as a report language; anything else is refused rather than shown in English."""
    if lang == "en":
        return "en"
    if lang == "nl":
        return "nl"
    raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")


def text(key: str, lang: str, **values: object) -> str:
    """The report text `key` in `lang`, with `values` filled in."""
    template = TEXTS[lang][key]
    return template.format(**values) if values else template


def long_date(day: date, lang: str) -> str:
    """ "2 March 2026" / "2 maart 2026": unambiguous in both countries, unlike 2/3/2026."""
    return f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def short_date(day: date, lang: str) -> str:
    """ "2 Mar" / "2 mrt", for table cells where the year is already in the header."""
    return f"{day.day} {MONTHS_SHORT[lang][day.month - 1]}"


def period_text(start: date, end: date, lang: str) -> str:
    """ "2 March 2026 – 29 March 2026": both ends written out, so none is misread."""
    return f"{long_date(start, lang)} – {long_date(end, lang)}"


def day_range(first: date, last: date, lang: str, *, with_year: bool = False) -> str:
    """ "2–8 Mar", "28 Feb – 6 Mar" or a single day; with the year when periods span years."""
    suffix = f" {last.year}" if with_year else ""
    if first == last:
        return short_date(first, lang) + suffix
    if first.month == last.month and first.year == last.year:
        return f"{first.day}–{short_date(last, lang)}{suffix}"
    if with_year and first.year != last.year:
        return f"{short_date(first, lang)} {first.year} – {short_date(last, lang)}{suffix}"
    return f"{short_date(first, lang)} – {short_date(last, lang)}{suffix}"


def number(value: float, lang: str, digits: int = 1) -> str:
    """A figure with a true minus sign and, in Dutch, a decimal comma."""
    formatted = f"{value:.{digits}f}"
    if formatted.lstrip("-").strip("0.") == "":
        formatted = formatted.lstrip("-")
    formatted = formatted.replace("-", "\u2212")
    return formatted.replace(".", ",") if lang == "nl" else formatted
