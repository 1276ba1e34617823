"""English and Dutch texts of the physiotherapist report (reports/ has no Qt translator)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from rugdiary.core.insights import MIN_COMPLETENESS, MONTHS, DiaryCheck, diary_blocker
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
        "pain": "Pain",
        "stress": "Stress",
        # page 1: the brief, for the physiotherapist (third person)
        "brief_heading": "In brief",
        "two_weeks": "two weeks",
        "brief_pain_fell": (
            "Pain fell from {first} in the first {window} to {last} in the last {window} "
            "({first_days} and {last_days} days logged)"
        ),
        "brief_pain_rose": (
            "Pain rose from {first} in the first {window} to {last} in the last {window} "
            "({first_days} and {last_days} days logged)"
        ),
        "brief_pain_same": (
            "Pain was {first} in the first {window} and {last} in the last {window} "
            "({first_days} and {last_days} days logged)"
        ),
        "brief_change": "{sentence}: {points}, {verdict}.",
        "brief_matters_better": (
            "better by at least the 2 points or 30% that usually matter to people"
        ),
        "brief_matters_worse": (
            "worse by at least the 2 points or 30% that usually matter to people"
        ),
        "brief_matters_not": "less than the 2 points or 30% that usually matter to people",
        "brief_pain_no_compare": (
            "Mean pain {mean} over the period. The start and the end cannot be compared: the "
            "period is under two weeks, or the first or last two weeks have fewer than "
            "{min_days} logged days."
        ),
        "brief_diary_label": "Diary",
        "brief_diary": "Logged on {logged} of {days} ({percent}%), {entries} in all.",
        "brief_sleep": "Mean sleep quality {sleep}/10.",
        "brief_activity": "Active {minutes} minutes a day on average.",
        "brief_exercise_label": "Exercise",
        "brief_sessions": "{sessions} with the app ({per_week} a week, {minutes} minutes in all).",
        "brief_no_sessions": "No sessions were recorded with the app.",
        "brief_planned": "Exercise reminders: {done} of {planned} done.",
        "brief_no_plan": "No plan was set (no exercise reminders).",
        "brief_flares_label": "Flare-ups",
        "brief_flares": "{flares} ({days} in all), the last {last}.",
        "brief_helped": "What helped: {helped}.",
        "brief_no_flares": "None in this period.",
        "flare_since": "since {day}, ongoing",
        "brief_psfs_label": "Activities",
        "brief_psfs": (
            "PSFS (0 cannot – 10 as before), first → latest: {items}. Mean {first} → {last}: "
            "{verdict}."
        ),
        "psfs_better": "better",
        "psfs_worse": "worse",
        "psfs_mean_better": "better by at least 2 points, beyond measurement error",
        "psfs_mean_worse": "worse by at least 2 points, beyond measurement error",
        "psfs_mean_not": "within the 2 points of measurement error",
        "better": "better",
        "worse": "worse",
        "partial_week": "(partial week)",
        # other scores per week
        "other_heading": "Other scores per week",
        "col_score": "Mean score (0–10)",
        "score_confidence": "Confidence to move",
        "score_mood": "Mood",
        "score_work_demand": "Work demand",
        "score_support": "Support",
        "other_note": (
            "Weekly means, 0–10. Higher: more confidence to move despite pain, better mood, "
            "more demanding work and daily tasks, more support."
        ),
        "other_missing": "Not filled in: {names}.",
        "chart_alt": "Chart of daily pain and stress with 7-day averages, flare-ups and sessions",
        # weekly table
        "weekly_heading": "Pain per week",
        "col_week": "Week",
        "col_days": "Days logged",
        "col_pain": "Mean pain",
        "col_worst": "Mean worst pain",
        "col_highest": "Highest pain",
        "col_stress": "Mean stress",
        "col_sessions": "Sessions",
        "col_change": "Change vs week 1",
        "baseline": "baseline",
        "weekly_note": (
            "Scores 0–10; means of daily averages. Highest pain: the highest single score "
            "logged that week; worst pain is the day's own worst, scored separately. "
            "Change against the first week with at least "
            "{min_days} logged days (thinner weeks get none). ● better, ▲ worse: a change of 2 "
            "points or 30% or more, which usually matters to people (Ostelo 2008)."
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
        "rho_few_pairs": "not shown: {n} pairs of consecutive days, {min} needed",
        "rho_few_days": "not shown: {n} days, {min} needed",
        "stress_note": (
            "Each cell: Spearman's ρ over daily means, 95% CI (Fisher z, widened as one day "
            "resembles the next), n. Right column: each day against the person's own 4-week "
            "average, which removes slow trends both scores share."
        ),
        "stress_rules": (
            "Same-day figures from {min_days} days, next-day from {min_pairs} pairs of "
            "consecutive days; a pattern only with {least}% of days filled in and SD ≥ {min_sd} "
            "on both scores."
        ),
        "high_low": (
            "Mean pain on days with stress above {median}: {high} (n = {n_high}); on other "
            "days: {low} (n = {n_low}); difference {diff} points{ci}."
        ),
        "high_low_withheld": (
            "Mean pain on higher- and lower-stress days is not compared either, for the same "
            "reason."
        ),
        "high_low_ci": " (95% CI {lo} to {hi}, block bootstrap)",
        "high_low_no_ci": " (no 95% CI: fewer than {min} days on one side)",
        "stats_lead": "Same day, against the person's own 4-week average ({days}): {finding}",
        "stats_pattern": (
            "on days with more stress than usual for this person, pain tended to be {direction}: "
            "a {strength} pattern ({numbers})."
        ),
        "stats_higher": "higher too",
        "stats_lower": "lower",
        "stats_hardly": "stress and pain hardly moved together ({numbers}).",
        "stats_unclear": "no clear pattern yet ({numbers}).",
        "stats_flat": "stress or pain stayed at one level, so there is no pattern to describe.",
        "stats_sparse": (
            "no pattern is described, as the diary was filled in on {logged} of the {span} days "
            "between the first and the last entry ({percent}%) and at least {least}% is needed."
        ),
        "stats_little_variation": (
            "no pattern is described, as the daily scores hardly varied (SD of pain {pain_sd}, "
            "of stress {stress_sd}; at least {min_sd} is needed on both)."
        ),
        "stats_numbers": "ρ = {rho}, 95% CI {lo} to {hi}",
        "stats_caveat": (
            "Moving together does not show that one drives the other: poor sleep or a heavy "
            "workload can raise both, and pain can raise stress as well."
        ),
        "too_few_compared": (
            "Too few days to describe how stress and pain go together: of {logged} with both "
            "scores, {days} could be compared with the person's own 4-week average (a day "
            "counts once at least {baseline} days of the 4 weeks up to it are filled in), and "
            "at least {min_days} are needed. No correlations are shown for this period."
        ),
        # exercise
        "exercise_heading": "Exercise",
        "exercise_summary": (
            "{sessions} in {weeks} weeks ({per_week} a week), {minutes} minutes in all; "
            "{completed} completed, {partly} partly done, {stopped} stopped early "
            "({stopped_pain} because of pain)."
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
        "col_helped_notes": "What helped · notes",
        "psfs_heading": "Own activities (PSFS)",
        "col_activity": "Activity",
        "col_then": "First score",
        "col_now": "Latest score",
        "col_change_short": "Change",
        "col_matters": "Change that matters",
        "psfs_note": (
            "Patient-Specific Functional Scale, 0 cannot – 10 as before. A change of 3 points "
            "(one activity) or 2 (the mean) lies beyond measurement error."
        ),
        "no": "no",
        "regions_heading": "Where it hurts",
        "regions_line": "Times each area was marked in this period: {parts}.",
        "physio_heading": "Entries marked for the physiotherapist",
        "flares_left_out": (
            "The {shown} most recent of {total} flare-ups are listed; the chart shows them "
            "all{where}."
        ),
        "notes_left_out": "The {shown} most recent of {total} marked entries are listed{where}.",
        "flares_left_out_one": (
            "The most recent of {total} flare-ups is listed; the chart shows them all{where}."
        ),
        "notes_left_out_one": "The most recent of {total} marked entries is listed{where}.",
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
        # ...and no questions either: nothing below to bring
        "nothing_logged_no_questions": (
            "Nothing was logged in this period, so there are no figures to show. Choose a "
            "period with diary entries."
        ),
        # appendix
        "appendix_heading": "Appendix: every entry in the period",
        "appendix_weeks_heading": "Appendix: every week in the period",
        "col_time": "Time",
        "col_worst_short": "Worst",
        "col_sleep": "Sleep",
        "col_flare": "Flare-up",
        "yes": "yes",
        # Insights charts and their tables (chart_theme.LABELS has the older chart texts)
        "chart_next_day_needs": "{more} more pairs of\ndays in a row needed",
        "chart_next_day_needs_one": "{more} more pair of\ndays in a row needed",
        # Chart texts with "\n" are two lines on a chart and one sentence in its table.
        "chart_next_day_rule": "Next day: shown from {min} pairs of days in a row",
        "chart_sparse": (
            "Too few days filled in to compare:\n{percent}% of the days from your first to your "
            "last entry, {least}% needed"
        ),
        "chart_little_variation": (
            "Your scores hardly change from day to day yet,\nso there is nothing to compare"
        ),
        "chart_group_small": "No likely range yet: fewer than {min} days on one side",
        "chart_partial_week": "Part of a week (at the edge of the period)",
        "chart_week_mean_rule": "Mean pain only for weeks with at least {min} days filled in",
        "table_next_day_needs": "{name}: {more} more pairs of days in a row needed (n = {n}).",
        "table_next_day_needs_one": "{name}: {more} more pair of days in a row needed (n = {n}).",
        "table_col_note": "Note",
        "table_partial_week": "part of a week: {days} of its 7 days in the period",
        "table_thin_week": "fewer than {min} days filled in: no mean pain",
        "table_partial_weeks": " Weeks only partly in the period: {k} (lighter bars).",
        "table_thin_weeks": " Weeks with fewer than {min} days filled in: {k} (no mean pain).",
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
        "pain": "Pijn",
        "stress": "Stress",
        "brief_heading": "In het kort",
        "two_weeks": "twee weken",
        "brief_pain_fell": (
            "De pijn daalde van {first} in de eerste {window} naar {last} in de laatste "
            "{window} ({first_days} en {last_days} dagen ingevuld)"
        ),
        "brief_pain_rose": (
            "De pijn steeg van {first} in de eerste {window} naar {last} in de laatste "
            "{window} ({first_days} en {last_days} dagen ingevuld)"
        ),
        "brief_pain_same": (
            "De pijn was {first} in de eerste {window} en {last} in de laatste {window} "
            "({first_days} en {last_days} dagen ingevuld)"
        ),
        "brief_change": "{sentence}: {points}, {verdict}.",
        "brief_matters_better": (
            "beter, met minstens de 2 punten of 30% die voor mensen meestal verschil maken"
        ),
        "brief_matters_worse": (
            "slechter, met minstens de 2 punten of 30% die voor mensen meestal verschil maken"
        ),
        "brief_matters_not": (
            "minder dan de 2 punten of 30% die voor mensen meestal verschil maken"
        ),
        "brief_pain_no_compare": (
            "Gemiddelde pijn {mean} over de periode. Begin en eind zijn niet te vergelijken: "
            "de periode is korter dan twee weken, of de eerste of laatste twee weken hebben "
            "minder dan {min_days} ingevulde dagen."
        ),
        "brief_diary_label": "Dagboek",
        "brief_diary": "Ingevuld op {logged} van {days} ({percent}%), {entries} in totaal.",
        "brief_sleep": "Gemiddelde slaapkwaliteit {sleep}/10.",
        "brief_activity": "Gemiddeld {minutes} minuten per dag actief.",
        "brief_exercise_label": "Oefenen",
        "brief_sessions": ("{sessions} met de app ({per_week} per week, samen {minutes} minuten)."),
        "brief_no_sessions": "Er zijn geen sessies met de app vastgelegd.",
        "brief_planned": "Oefenherinneringen: {done} van {planned} gedaan.",
        "brief_no_plan": "Er was geen plan ingesteld (geen oefenherinneringen).",
        "brief_flares_label": "Opvlammingen",
        "brief_flares": "{flares} ({days} in totaal), de laatste {last}.",
        "brief_helped": "Wat hielp: {helped}.",
        "brief_no_flares": "Geen in deze periode.",
        "flare_since": "sinds {day}, nog bezig",
        "brief_psfs_label": "Activiteiten",
        "brief_psfs": (
            "PSK (0 lukt niet – 10 zoals vroeger), eerste → laatste: {items}. Gemiddeld "
            "{first} → {last}: {verdict}."
        ),
        "psfs_better": "beter",
        "psfs_worse": "slechter",
        "psfs_mean_better": "minstens 2 punten beter, meer dan de meetfout",
        "psfs_mean_worse": "minstens 2 punten slechter, meer dan de meetfout",
        "psfs_mean_not": "binnen de meetfout van 2 punten",
        "better": "beter",
        "worse": "slechter",
        "partial_week": "(onvolledig)",
        "other_heading": "Andere scores per week",
        "col_score": "Gem. score (0–10)",
        "score_confidence": "Vertrouwen in bewegen",
        "score_mood": "Stemming",
        "score_work_demand": "Druk van werk",
        "score_support": "Steun",
        "other_note": (
            "Weekgemiddelden, 0–10. Hoger: meer vertrouwen om te bewegen ondanks pijn, betere "
            "stemming, meer druk van werk en dagelijkse taken, meer steun."
        ),
        "other_missing": "Niet ingevuld: {names}.",
        "chart_alt": (
            "Grafiek van pijn en stress per dag met 7-daagse gemiddelden, opvlammingen en sessies"
        ),
        "weekly_heading": "Pijn per week",
        "col_week": "Week",
        "col_days": "Ingevulde dagen",
        "col_pain": "Gem. pijn",
        "col_worst": "Gem. ergste pijn",
        "col_highest": "Hoogste pijn",
        "col_stress": "Gem. stress",
        "col_sessions": "Sessies",
        "col_change": "Verandering sinds week 1",
        "baseline": "startpunt",
        "weekly_note": (
            "Scores 0–10; gemiddelden van daggemiddelden. Hoogste pijn: de hoogste losse score "
            "van die week; ergste pijn is de eigen score voor de ergste pijn van de dag. "
            "Verandering t.o.v. de eerste week "
            "met minstens {min_days} ingevulde dagen (weken met minder krijgen er geen). ● "
            "beter, ▲ slechter: een verschil van 2 punten of 30% of meer, wat voor mensen "
            "meestal verschil maakt (Ostelo 2008)."
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
        "rho_few_pairs": "niet getoond: {n} paren opeenvolgende dagen, {min} nodig",
        "rho_few_days": "niet getoond: {n} dagen, {min} nodig",
        "stress_note": (
            "Elke cel: Spearmans ρ over daggemiddelden, 95%-BI (Fisher-z, verbreed omdat de ene "
            "dag op de vorige lijkt), n. Rechterkolom: elke dag t.o.v. het eigen "
            "4-weeksgemiddelde; zo tellen trage trends die beide scores delen niet mee."
        ),
        "stress_rules": (
            "Cijfers voor dezelfde dag vanaf {min_days} dagen, voor de dag erna vanaf "
            "{min_pairs} paren opeenvolgende dagen; een patroon alleen bij minstens {least}% "
            "ingevulde dagen en SD ≥ {min_sd} op beide scores."
        ),
        "high_low": (
            "Gemiddelde pijn op dagen met stress boven {median}: {high} (n = {n_high}); op de "
            "andere dagen: {low} (n = {n_low}); verschil {diff} punten{ci}."
        ),
        "high_low_withheld": (
            "De gemiddelde pijn op dagen met meer en minder stress wordt om dezelfde reden ook "
            "niet vergeleken."
        ),
        "high_low_ci": " (95%-BI {lo} tot {hi}, blok-bootstrap)",
        "high_low_no_ci": " (geen 95%-BI: minder dan {min} dagen aan één kant)",
        "stats_lead": "Dezelfde dag, t.o.v. het eigen 4-weeksgemiddelde ({days}): {finding}",
        "stats_pattern": (
            "op dagen met meer stress dan gewoonlijk voor deze persoon was de pijn meestal "
            "{direction}: een {strength} patroon ({numbers})."
        ),
        "stats_higher": "ook hoger",
        "stats_lower": "juist lager",
        "stats_hardly": "stress en pijn gingen nauwelijks samen op en neer ({numbers}).",
        "stats_unclear": "nog geen duidelijk patroon ({numbers}).",
        "stats_flat": (
            "stress of pijn bleef steeds even hoog, dus er is geen patroon te beschrijven."
        ),
        "stats_sparse": (
            "er wordt geen patroon beschreven, want het dagboek is ingevuld op {logged} van de "
            "{span} dagen tussen de eerste en de laatste registratie ({percent}%) en er is "
            "minstens {least}% nodig."
        ),
        "stats_little_variation": (
            "er wordt geen patroon beschreven, want de dagscores varieerden nauwelijks (SD van "
            "pijn {pain_sd}, van stress {stress_sd}; op beide is minstens {min_sd} nodig)."
        ),
        "stats_numbers": "ρ = {rho}, 95%-BI {lo} tot {hi}",
        "stats_caveat": (
            "Dat ze samen op en neer gaan, betekent niet dat het een uit het ander voortkomt: "
            "slecht slapen of veel werkdruk kan ze allebei verhogen, en pijn kan ook stress "
            "geven."
        ),
        "too_few_compared": (
            "Te weinig dagen om te beschrijven hoe stress en pijn samengaan: van {logged} met "
            "beide scores konden er {n} worden vergeleken met het eigen 4-weeksgemiddelde (een "
            "dag telt mee zodra in de 4 weken tot en met die dag minstens {baseline} dagen zijn "
            "ingevuld), en er zijn er minstens {min_days} nodig. Daarom staan er voor deze "
            "periode geen correlaties in."
        ),
        "exercise_heading": "Oefenen",
        "exercise_summary": (
            "{sessions} in {weeks} weken ({per_week} per week), samen {minutes} minuten; "
            "{completed} helemaal gedaan, {partly} deels gedaan, {stopped} eerder gestopt "
            "({stopped_pain} vanwege pijn)."
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
        "intermediate": "halfgevorderd",
        "advanced": "gevorderd",
        "flare_heading": "Opvlammingen",
        "no_flares": "In deze periode is geen opvlamming aangegeven.",
        "col_dates": "Datums",
        "col_duration": "Dagen",
        "col_tags": "Labels",
        "col_notes": "Notities",
        "col_helped_notes": "Wat hielp · notities",
        "psfs_heading": "Eigen activiteiten (PSK)",
        "col_activity": "Activiteit",
        "col_then": "Eerste score",
        "col_now": "Laatste score",
        "col_change_short": "Verschil",
        "col_matters": "Verschil dat telt",
        "psfs_note": (
            "Patiënt Specifieke Klachten, 0 lukt niet – 10 zoals vroeger. Een verschil van 3 "
            "punten (één activiteit) of 2 (gemiddeld) is groter dan de meetfout."
        ),
        "no": "nee",
        "regions_heading": "Waar het pijn doet",
        "regions_line": "Aantal keer aangekruist in deze periode: {parts}.",
        "physio_heading": "Registraties gemarkeerd voor de fysiotherapeut",
        "flares_left_out": (
            "Hier staan de {shown} laatste van {total} opvlammingen; de grafiek laat ze "
            "allemaal zien{where}."
        ),
        "notes_left_out": (
            "Hier staan de {shown} laatste van {total} gemarkeerde registraties{where}."
        ),
        "flares_left_out_one": (
            "Hier staat de laatste van {total} opvlammingen; de grafiek laat ze allemaal "
            "zien{where}."
        ),
        "notes_left_out_one": (
            "Hier staat de laatste van {total} gemarkeerde registraties{where}."
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
            "patronen in dit dagboek; ze laat niet zien wat waardoor komt. Vragen over "
            "alarmsignalen horen bij de huisarts of fysiotherapeut."
        ),
        "nothing_logged": (
            "In deze periode is niets ingevuld, dus er zijn geen cijfers om te laten zien. Kies "
            "een periode met registraties, of neem de vragen hieronder mee naar de afspraak."
        ),
        "nothing_logged_no_questions": (
            "In deze periode is niets ingevuld, dus er zijn geen cijfers om te laten zien. Kies "
            "een periode met registraties."
        ),
        "appendix_heading": "Bijlage: alle registraties in de periode",
        "appendix_weeks_heading": "Bijlage: alle weken in de periode",
        "col_time": "Tijd",
        "col_worst_short": "Ergste",
        "col_sleep": "Slaap",
        "col_flare": "Opvlamming",
        "yes": "ja",
        "chart_next_day_needs": "nog {more} paren van\ndagen achter elkaar nodig",
        "chart_next_day_needs_one": "nog {more} paar van\ndagen achter elkaar nodig",
        "chart_next_day_rule": "De dag erna: te zien vanaf {min} paren van dagen achter elkaar",
        "chart_sparse": (
            "Te weinig dagen ingevuld om te vergelijken:\n{percent}% van de dagen van je eerste "
            "tot je laatste registratie, {least}% nodig"
        ),
        "chart_little_variation": (
            "Je scores veranderen nog nauwelijks van dag tot dag,\ndus er valt niets te vergelijken"
        ),
        "chart_group_small": "Nog geen waarschijnlijke marge: minder dan {min} dagen aan één kant",
        "chart_partial_week": "Deel van een week (aan de rand van de periode)",
        "chart_week_mean_rule": (
            "Gemiddelde pijn alleen voor weken met minstens {min} ingevulde dagen"
        ),
        "table_next_day_needs": "{name}: nog {more} paren van dagen achter elkaar nodig (n = {n}).",
        "table_next_day_needs_one": (
            "{name}: nog {more} paar van dagen achter elkaar nodig (n = {n})."
        ),
        "table_col_note": "Notitie",
        "table_partial_week": "deel van een week: {days} van de 7 dagen in de periode",
        "table_thin_week": "minder dan {min} dagen ingevuld: geen gemiddelde pijn",
        "table_partial_weeks": " Weken die maar deels in de periode vallen: {k} (lichtere staven).",
        "table_thin_weeks": (
            " Weken met minder dan {min} ingevulde dagen: {k} (geen gemiddelde pijn)."
        ),
    },
}


COUNTS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        "day": ("day", "days"),
        "entry": ("entry", "entries"),
        "flare": ("flare-up", "flare-ups"),
        "session": ("session", "sessions"),
        "planned": ("planned session", "planned sessions"),
    },
    "nl": {
        "day": ("dag", "dagen"),
        "entry": ("registratie", "registraties"),
        "flare": ("opvlamming", "opvlammingen"),
        "session": ("sessie", "sessies"),
        "planned": ("geplande sessie", "geplande sessies"),
    },
}
"""Singular and plural of the nouns the report counts; both languages use the singular for 1."""

REGION_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "lower_back_left": "lower back, left",
        "lower_back_centre": "lower back, centre",
        "lower_back_right": "lower back, right",
        "buttock_left": "buttock, left",
        "buttock_right": "buttock, right",
        "thigh_left": "thigh, left",
        "thigh_right": "thigh, right",
        "below_knee_left": "below the knee, left",
        "below_knee_right": "below the knee, right",
    },
    "nl": {
        "lower_back_left": "onderrug, links",
        "lower_back_centre": "onderrug, midden",
        "lower_back_right": "onderrug, rechts",
        "buttock_left": "bil, links",
        "buttock_right": "bil, rechts",
        "thigh_left": "bovenbeen, links",
        "thigh_right": "bovenbeen, rechts",
        "below_knee_left": "onder de knie, links",
        "below_knee_right": "onder de knie, rechts",
    },
}
"""Names of the body-map regions (ids as in core/body_regions.py)."""


def count(noun: str, n: int, lang: str) -> str:
    """ "1 session" / "2 sessions", "1 sessie" / "2 sessies"."""
    singular, plural = COUNTS[lang][noun]
    return f"{n} {singular if n == 1 else plural}"


def region_name(region: str, lang: str) -> str:
    """A region's name in `lang`; an id the report does not know is shown as it is."""
    return REGION_NAMES[lang].get(region, region)


def check_language(lang: str) -> ReportLanguage:
    """`lang` as a report language; anything else is refused rather than shown in English."""
    if lang == "en":
        return "en"
    if lang == "nl":
        return "nl"
    raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")


def one_or_more(key: str, n: int) -> str:
    """`key` for a count of `n`: its "_one" text ("1 more pair") for 1, else `key` itself.

    Both languages use the singular for 1 only, as `count` does.
    """
    return f"{key}_one" if n == 1 else key


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


def diary_reason(check: DiaryCheck | None, lang: str) -> str | None:
    """Why a chart compares no stress with pain for this diary (too few days filled in, or
    scores that hardly move), in `lang`; None when it may compare, or was not checked."""
    blocker = None if check is None else diary_blocker(check)
    if check is None or blocker is None:
        return None
    if blocker == "sparse":
        return text(
            "chart_sparse",
            lang,
            percent=round(100 * check.completeness),
            least=round(100 * MIN_COMPLETENESS),
        )
    return text("chart_little_variation", lang)
