"""The printable programme sheet: each exercise drawn, with its dose and steps, and a tick table."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, cast

from rugdiary.core.diary import ValidationError
from rugdiary.core.exercises import Dose, DoseMode, Exercise, FigureStyle, Level, render_svg
from rugdiary.core.programs import Program, build_timeline

if TYPE_CHECKING:
    from fpdf import FPDF

WEEKS = 6
"""Rows of the tick table: about the time before a physiotherapist sees someone again."""
MIN_WEEKS = 4
"""Fewer rows than this and the table goes to a page of its own."""
_TICK_ROW_MM = 6.0
_TICKS_ABOVE_MM = 16.0  # heading, the aim and the gap before the table
_TICKS_LEAST_MM = _TICKS_ABOVE_MM + (MIN_WEEKS + 1) * _TICK_ROW_MM

_TEXT = "#1d2a2c"
_MUTED = "#5b6b6d"
_ACCENT = "#22645b"
_RULE = "#c9d4d1"
_FILL = "#eaf0ee"
_BOX = "#f3f6f5"
_FONT = "DejaVu"
_MARGIN = 14.0
_FIGURE_W = 30.0
_FIGURE_H = 20.0  # the figure's frame is 3:2 (core.exercises VIEW_W × VIEW_H)
_FIGURE_GAP = 2.0
_FIGURE_ROW_H = _FIGURE_H + 5.0
"""A row of pictures with the label under them and a little air."""
_TEXT_X = _MARGIN + 2 * _FIGURE_W + _FIGURE_GAP + 5.0
_FOOTER_GAP = 4.0
"""Room in mm between the footer's programme name and its page number."""
_LEADING = 0.42
"""Line height in mm per point of font size: compact, so a long programme fits two pages."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "level": "Level: {level}",
        "minutes": "about {minutes} min",
        "note": "From your physiotherapist",
        "start": "Start",
        "work": "Movement",
        "work_hold": "Hold",
        "other_way": "Other way",
        "on_the_way": "On the way",
        "picture": "Your picture",
        "no_picture": "No picture",
        "start_position": "Start position: ",
        "easier": "Easier: ",
        "harder": "Harder: ",
        "good_to_know": "Good to know: ",
        "pain_heading": "How much is okay",
        "pain_text": (
            "Pain 0–3 during or after: fine, carry on. Pain 4–5: okay if it settles by the next "
            "morning. Pain above 5, or worse the next day: next time, a lighter level. Keep "
            "moving: that helps more than resting."
        ),
        "ticks_heading": "Tick off your sessions",
        "ticks_text": "Tick a box on each day you did the programme. Aim: {frequency}.",
        "week": "Week",
        "week_n": "Week {n}",
        "days": "Mon|Tue|Wed|Thu|Fri|Sat|Sun",
        "how": "How did it go?",
        "footer": "RugDiary {version} · {name}",
        "page": "Page {page} of {pages}",
        "title": "{name}: exercise sheet",
        "subject": "Exercise programme sheet; holds no diary data",
        "beginner": "beginner",
        "intermediate": "intermediate",
        "advanced": "advanced",
        # doses
        "hold": "{reps} × {seconds} s hold",
        "one_rep": "1 rep",
        "reps": "{reps} reps",
        "reps_tempo": "{reps} reps of about {seconds} s",
        "min": "{minutes} min",
        "s": "{seconds} s",
        "each_side": ", each side",
        "one_set": "1 set",
        "sets": "{sets} sets",
        "rest": "{seconds} s rest",
        "set_rest": "{seconds} s between sets",
    },
    "nl": {
        "level": "Niveau: {level}",
        "minutes": "ongeveer {minutes} min",
        "note": "Van je fysiotherapeut",
        "start": "Begin",
        "work": "Beweging",
        "work_hold": "Vasthouden",
        "other_way": "Andere kant op",
        "on_the_way": "Onderweg",
        "picture": "Je eigen afbeelding",
        "no_picture": "Geen afbeelding",
        "start_position": "Beginhouding: ",
        "easier": "Makkelijker: ",
        "harder": "Moeilijker: ",
        "good_to_know": "Goed om te weten: ",
        "pain_heading": "Hoeveel is oké",
        "pain_text": (
            "Pijn 0–3 tijdens of na de oefeningen: prima, ga door. Pijn 4–5: oké als het de "
            "volgende ochtend weer gezakt is. Pijn boven 5, of de volgende dag erger: de "
            "volgende keer een lichter niveau. Blijf bewegen: dat helpt meer dan rust."
        ),
        "ticks_heading": "Vink je sessies af",
        "ticks_text": "Zet een vinkje op elke dag dat je het programma deed. Doel: {frequency}.",
        "week": "Week",
        "week_n": "Week {n}",
        "days": "ma|di|wo|do|vr|za|zo",
        "how": "Hoe ging het?",
        "footer": "RugDiary {version} · {name}",
        "page": "Pagina {page} van {pages}",
        "title": "{name}: oefenblad",
        "subject": "Oefenblad van een programma; bevat geen dagboekgegevens",
        "beginner": "beginner",
        "intermediate": "halfgevorderd",
        "advanced": "gevorderd",
        "hold": "{reps} × {seconds} s vasthouden",
        "one_rep": "1 herhaling",
        "reps": "{reps} herhalingen",
        "reps_tempo": "{reps} herhalingen van ongeveer {seconds} s",
        "min": "{minutes} min",
        "s": "{seconds} s",
        "each_side": ", per kant",
        "one_set": "1 serie",
        "sets": "{sets} series",
        "rest": "{seconds} s rust",
        "set_rest": "{seconds} s tussen de series",
    },
}


def text(key: str, lang: str, **values: object) -> str:
    return TEXTS[lang][key].format(**values)


def dose_text(dose: Dose, lang: str) -> str:
    """One line a person can follow: "5 × 5 s hold, each side · 2 sets · 3 s rest"."""
    if dose.mode is DoseMode.HOLD:
        work = text("hold", lang, reps=dose.reps, seconds=dose.hold_s)
    elif dose.mode is DoseMode.REPS:
        work = text("one_rep", lang) if dose.reps == 1 else text("reps", lang, reps=dose.reps)
    else:
        minutes, seconds = divmod(dose.duration_s, 60)
        length = (
            text("min", lang, minutes=minutes)
            if minutes and not seconds
            else text("s", lang, seconds=dose.duration_s)
        )
        work = length if dose.reps == 1 else f"{dose.reps} × {length}"
    parts = [work + (text("each_side", lang) if dose.per_side else "")]
    parts.append(text("one_set", lang) if dose.sets == 1 else text("sets", lang, sets=dose.sets))
    if dose.rest_s:
        parts.append(text("rest", lang, seconds=dose.rest_s))
    if dose.sets > 1 and dose.set_rest_s:
        parts.append(text("set_rest", lang, seconds=dose.set_rest_s))
    return " · ".join(parts)


def _font_files() -> tuple[str, str]:
    """The report's fonts (reports/pdf.py), so both documents look alike.

    Found the same way rather than imported from there: the report module pulls in numpy
    and scipy, which a sheet does not need.
    """
    from rugdiary.resources import resource

    return str(resource("fonts", "DejaVuSans.ttf")), str(resource("fonts", "DejaVuSans-Bold.ttf"))


def _shortened(value: str, fits: Callable[[str], bool]) -> str:
    """`value`, or as much of it as fits followed by "…" (a word cut off, not run over)."""
    if fits(value):
        return value
    low, high = 0, len(value)
    while low < high:  # the longest start that still fits with the ellipsis
        middle = (low + high + 1) // 2
        if fits(value[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + "…"


def _new_pdf(program: Program, lang: str, version: str) -> FPDF:
    from fpdf import FPDF
    from fpdf.enums import Align

    name = program.name.get(lang)

    class SheetPDF(FPDF):
        def footer(self) -> None:
            self.set_y(-11)
            self.set_font(_FONT, size=7.5)
            self.set_text_color(_MUTED)
            page = text("page", lang, page=self.page_no(), pages=self.str_alias_nb_pages)
            # The page count is filled in at the end: measured with the widest digits it
            # may get, so a long programme name never runs into "Page 1 of 2".
            page_w = self.get_string_width(page.replace(self.str_alias_nb_pages, "88"))
            width = self.epw - page_w - _FOOTER_GAP
            footer_text = _shortened(
                text("footer", lang, version=version, name=name),
                lambda value: self.get_string_width(value) <= width - 2 * self.c_margin,
            )
            self.cell(width, 4, footer_text, align=Align.L)
            self.cell(self.epw - width, 4, page, align=Align.R)

    pdf = SheetPDF(orientation="portrait", unit="mm", format="A4")
    regular, bold = _font_files()
    pdf.add_font(_FONT, "", regular)
    pdf.add_font(_FONT, "B", bold)
    pdf.set_margins(_MARGIN, 13.0, _MARGIN)
    pdf.set_auto_page_break(auto=True, margin=16.0)
    pdf.set_title(text("title", lang, name=name))
    pdf.set_subject(text("subject", lang))
    pdf.set_creator(f"RugDiary {version}")
    pdf.set_lang(lang)
    pdf.set_font(_FONT, size=9.5)
    pdf.set_text_color(_TEXT)
    return pdf


class _Sheet:
    def __init__(
        self,
        program: Program,
        exercises: Mapping[str, Exercise],
        level: Level,
        lang: str,
        pictures: Mapping[str, bytes],
        version: str,
        per_row: int = 2,
    ) -> None:
        self.program = program
        self.per_row = per_row
        self.data = b""
        self.extra_mm = 0.0
        """Height the pictures' second rows added beyond the text beside them."""
        self.tallest_mm = 0.0
        self.last_page_mm = 0.0
        """Height used on the last page."""
        self.exercises = exercises
        self.level = level
        self.lang = lang
        self.pictures = pictures
        self.timeline = build_timeline(program, exercises, level)
        self.pdf = _new_pdf(program, lang, version)
        self.style = FigureStyle()

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def room(self) -> float:
        return float(self.pdf.page_break_trigger - self.pdf.get_y())

    def lines_height(self, width: float, value: str, size: float, bold: bool = False) -> float:
        pdf = self.pdf
        pdf.set_font(_FONT, "B" if bold else "", size)
        lines = cast(
            list[str],
            pdf.multi_cell(width, size * _LEADING, value, align="L", dry_run=True, output="LINES"),
        )
        return float(len(lines)) * size * _LEADING

    def write(self) -> None:
        """Lay the sheet out and keep the PDF in `data`."""
        pdf = self.pdf
        pdf.add_page()
        self.header()
        for index, item in enumerate(self.program.items):
            self.exercise(index, self.exercises[item.exercise_id])
        self.pain_box()
        self.ticks()
        self.last_page_mm = pdf.get_y() - pdf.t_margin
        self.data = bytes(pdf.output())

    # -- header ----------------------------------------------------------------------------------

    def header(self) -> None:
        from fpdf.enums import XPos, YPos

        pdf = self.pdf
        program = self.program
        pdf.set_font(_FONT, "B", 17)
        pdf.set_text_color(_ACCENT)
        pdf.multi_cell(
            0, 8, program.name.get(self.lang), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )
        minutes = max(1, round(self.timeline.total_s / 60))
        facts = " · ".join(
            [
                self.t("level", level=self.t(self.level.value)),
                self.t("minutes", minutes=minutes),
                program.frequency.get(self.lang),
            ]
        )
        pdf.set_font(_FONT, "B", 10)
        pdf.set_text_color(_TEXT)
        pdf.multi_cell(0, 5.5, facts, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.set_font(_FONT, size=9)
        pdf.set_text_color(_MUTED)
        # ragged right like every other paragraph (fpdf2 justifies by default)
        pdf.multi_cell(
            0,
            4.4,
            program.description.get(self.lang),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            align="L",
        )
        pdf.ln(2)
        if program.note is not None:
            self.note_box(program.note.get(self.lang))
        pdf.set_draw_color(_RULE)
        pdf.set_line_width(0.3)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
        pdf.ln(3)

    def note_box(self, note: str) -> None:
        from fpdf.enums import XPos, YPos

        pdf = self.pdf
        pad = 3.0
        width = pdf.epw - 2 * pad
        height = 5.5 + self.lines_height(width, note, 9.5) + 2 * pad
        top = pdf.get_y()
        pdf.set_fill_color(_BOX)
        pdf.set_draw_color(_RULE)
        pdf.set_line_width(0.3)
        pdf.rect(pdf.l_margin, top, pdf.epw, height, style="DF")
        pdf.set_xy(pdf.l_margin + pad, top + pad)
        pdf.set_font(_FONT, "B", 9.5)
        pdf.set_text_color(_ACCENT)
        pdf.cell(width, 5, self.t("note"), new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_x(pdf.l_margin + pad)
        pdf.set_font(_FONT, size=9.5)
        pdf.set_text_color(_TEXT)
        pdf.multi_cell(width, 9.5 * _LEADING, note, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.set_y(top + height + 3)

    # -- one exercise ------------------------------------------------------------------------------

    def exercise(self, index: int, exercise: Exercise) -> None:
        from fpdf.enums import XPos, YPos

        pdf = self.pdf
        lang = self.lang
        width = pdf.l_margin + pdf.epw - _TEXT_X
        item = self.program.items[index]
        dose = dose_text(self.timeline.doses[index], lang)
        steps = [f"{n}. {step.get(lang)}" for n, step in enumerate(exercise.steps, 1)]
        extras = [
            (self.t("easier"), exercise.easier.get(lang)),
            (self.t("harder"), exercise.harder.get(lang)),
            (self.t("good_to_know"), exercise.safety.get(lang)),
        ]
        name = f"{index + 1}. {exercise.name.get(lang)}"
        start_line = self.t("start_position") + exercise.start.get(lang)
        note = item.note.get(lang) if item.note is not None else ""
        height = (
            self.lines_height(width, name, 11, bold=True)
            + self.lines_height(width, dose, 9.5, bold=True)
            + (self.lines_height(width, note, 8) if note else 0)
            + self.lines_height(width, start_line, 8)
            + sum(self.lines_height(width, s, 8) for s in steps)
            + sum(self.lines_height(width, a + b, 7.5) for a, b in extras)
            + 1.2
        )
        pictures_h = _figure_rows(exercise, self.per_row) * _FIGURE_ROW_H
        block = max(height, pictures_h)
        self.extra_mm += block - max(height, _FIGURE_ROW_H)  # for pictures in a second row
        self.tallest_mm = max(self.tallest_mm, block)
        if self.room() < block + 1.5:
            pdf.add_page()
        top = pdf.get_y()
        self.figures(exercise, top, self.timeline.doses[index].mode)

        def para(value: str, size: float, colour: str = _TEXT, bold: bool = False) -> None:
            pdf.set_x(_TEXT_X)
            pdf.set_font(_FONT, "B" if bold else "", size)
            pdf.set_text_color(colour)
            pdf.multi_cell(
                width, size * _LEADING, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
            )

        def labelled(label: str, value: str, size: float, colour: str) -> None:
            # write() wraps at the margins: the text column's left edge is the margin here.
            # (Not markdown: an own exercise's text may hold "**" and must print as typed.)
            pdf.set_x(_TEXT_X)
            pdf.set_text_color(colour)
            pdf.set_font(_FONT, "B", size)
            pdf.write(size * _LEADING, label)
            pdf.set_font(_FONT, "", size)
            pdf.write(size * _LEADING, value)
            pdf.ln(size * _LEADING)

        pdf.set_left_margin(_TEXT_X)
        pdf.set_y(top)
        para(name, 11, _TEXT, bold=True)
        para(dose, 9.5, _ACCENT, bold=True)
        if note:
            para(note, 8, _MUTED)
        pdf.ln(0.6)
        labelled(self.t("start_position"), exercise.start.get(lang), 8, _TEXT)
        for step in steps:
            para(step, 8)
        pdf.ln(0.6)
        for label, value in extras:
            labelled(label, value, 7.5, _MUTED)
        pdf.set_left_margin(_MARGIN)
        bottom = max(pdf.get_y(), top + pictures_h)
        pdf.set_y(bottom + 1.5)
        pdf.set_draw_color(_RULE)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
        pdf.ln(2.5)

    def figures(self, exercise: Exercise, top: float, mode: DoseMode) -> None:
        """The still picture's positions side by side, from the player's own geometry: start
        and work, and the way back the other way where the figure shows it (Figure.still)."""
        pdf = self.pdf
        left = pdf.l_margin
        labelled: list[tuple[float, float, float, str]] = []
        picture = self.pictures.get(exercise.id)
        work_key = "work_hold" if mode is DoseMode.HOLD else "work"
        if exercise.figure is not None:
            figure = exercise.figure
            after_work = False
            poses = figure.still_poses
            columns = min(self.per_row, len(poses))
            # the pictures share the column's width: three in a row make them all smaller
            w = min(_FIGURE_W, (2 * _FIGURE_W + _FIGURE_GAP) / columns - _FIGURE_GAP)
            h = w * _FIGURE_H / _FIGURE_W
            for n, (name, pose) in enumerate(poses):
                if name in ("start", "work"):
                    label = self.t("start" if name == "start" else work_key)
                else:
                    label = self.t("other_way" if after_work else "on_the_way")
                after_work = after_work or name == "work"
                x = left + (n % columns) * (w + _FIGURE_GAP)
                y = top + (n // columns) * _FIGURE_ROW_H
                svg = render_svg(figure, pose, style=self.style)
                # on the labels' line, as full-size pictures are
                pdf.image(io.BytesIO(svg.encode("utf-8")), x=x, y=y + _FIGURE_H - h, w=w, h=h)
                labelled.append((x, y, w, label))
        elif picture is not None:
            width = 2 * _FIGURE_W + _FIGURE_GAP
            try:
                pdf.image(
                    io.BytesIO(upright_picture(picture)),
                    x=left,
                    y=top,
                    w=width,
                    h=_FIGURE_H,
                    keep_aspect_ratio=True,
                )
                labelled.append((left, top, width, self.t("picture")))
            except Exception:  # an unreadable own picture must not stop the sheet
                labelled.append((left, top, width, self.t("no_picture")))
        else:
            labelled.append((left, top, 2 * _FIGURE_W + _FIGURE_GAP, self.t("no_picture")))
        pdf.set_font(_FONT, size=7)
        pdf.set_text_color(_MUTED)
        for x, y, width, label in labelled:
            pdf.set_xy(x, y + _FIGURE_H + 0.5)
            pdf.cell(width, 3.5, label, align="C")

    # -- after the exercises -----------------------------------------------------------------------

    def pain_box(self) -> None:
        from fpdf.enums import XPos, YPos

        pdf = self.pdf
        value = self.t("pain_text")
        need = 6 + self.lines_height(pdf.epw, value, 8.5)
        if self.room() < need:
            pdf.add_page()
        pdf.set_font(_FONT, "B", 10)
        pdf.set_text_color(_ACCENT)
        pdf.cell(0, 5.5, self.t("pain_heading"), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.set_font(_FONT, size=8.5)
        pdf.set_text_color(_TEXT)
        pdf.multi_cell(0, 8.5 * _LEADING, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.ln(3)

    def ticks(self) -> None:
        from fpdf.enums import Align, TableBordersLayout, XPos, YPos
        from fpdf.fonts import FontFace

        pdf = self.pdf
        row_h = _TICK_ROW_MM
        above = _TICKS_ABOVE_MM
        # A short programme keeps its table on its one page with fewer weeks, rather than
        # printing a second page for the table alone.
        weeks = min(WEEKS, int((self.room() - above) / row_h) - 1)
        if weeks < MIN_WEEKS:
            pdf.add_page()
            weeks = WEEKS
        pdf.set_font(_FONT, "B", 10)
        pdf.set_text_color(_ACCENT)
        pdf.cell(0, 5.5, self.t("ticks_heading"), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.set_font(_FONT, size=8.5)
        pdf.set_text_color(_TEXT)
        frequency = self.program.frequency.get(self.lang)
        aim = self.t("ticks_text", frequency=frequency[:1].lower() + frequency[1:])
        pdf.multi_cell(0, 8.5 * _LEADING, aim, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.ln(1.5)
        days = self.t("days").split("|")
        pdf.set_draw_color(_RULE)
        pdf.set_line_width(0.3)
        with pdf.table(
            col_widths=(22, *([12] * len(days)), pdf.epw - 22 - 12 * len(days)),
            width=pdf.epw,
            align=Align.L,
            text_align="CENTER",
            borders_layout=TableBordersLayout.ALL,
            headings_style=FontFace(emphasis="BOLD", color=_TEXT, fill_color=_FILL, size_pt=8.5),
            line_height=row_h,
            v_align="MIDDLE",
        ) as table:
            head = table.row()
            for value in (self.t("week"), *days, self.t("how")):
                head.cell(value)
            for n in range(1, weeks + 1):
                row = table.row()
                row.cell(self.t("week_n", n=n))
                for _ in days:
                    row.cell("")
                row.cell("")


EXIF_ORIENTATION = 0x0112
"""The EXIF tag that says how a photo must be turned to stand upright (1: as stored)."""


def upright_picture(data: bytes) -> bytes:
    """A photo turned the way its EXIF orientation says; other pictures as they are.

    A phone stores a photo as its sensor saw it, with a tag saying how to turn it. fpdf2
    puts a JPEG into the PDF as it is, so without this the photo printed on its side
    (the library and the player show it upright). Pillow reads it: fpdf2 depends on it
    and reads pictures with it, so it is there wherever a sheet can be made.
    """
    if not data.startswith((b"\xff\xd8", b"\x89PNG")):
        return data  # an SVG or an unknown kind: fpdf2 draws it or says it cannot
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.getexif().get(EXIF_ORIENTATION, 1) in (1, None):
                return data
            kind = image.format or "PNG"
            turned = ImageOps.exif_transpose(image)
            out = io.BytesIO()
            if kind == "JPEG":
                turned.save(out, kind, quality=92)
            else:
                turned.save(out, kind)
            return out.getvalue()
    except Exception:  # a picture that cannot be read prints as "No picture"
        return data


def _figure_rows(exercise: Exercise, per_row: int) -> int:
    """How many rows the exercise's still positions take, `per_row` to a row."""
    if exercise.figure is None:
        return 1
    return max(1, -(-len(exercise.figure.still_poses) // per_row))


def build_programme_sheet(
    program: Program,
    exercises: Mapping[str, Exercise],
    level: Level,
    *,
    lang: str = "en",
    pictures: Mapping[str, bytes] | None = None,
    app_version: str,
) -> bytes:
    """The A4 sheet of `program` at `level` in `lang` ("en" or "nl"), as PDF bytes.

    Pure like the report: no files, no clock. `pictures` holds the picture bytes of own
    exercises by id (PNG, JPEG or SVG). Raises ValidationError when an exercise is missing.
    """
    if lang not in TEXTS:
        raise ValidationError("lang", "must be en or nl")
    return written_sheet(
        lambda per_row: _Sheet(
            program, exercises, level, lang, pictures or {}, app_version, per_row=per_row
        )
    ).data


def written_sheet(make: Callable[[int], _Sheet]) -> _Sheet:
    """The sheet `make(per_row)` builds, written: pictures two to a row unless three
    to a row saves a page.

    Two to a row they are 30 mm wide; three in a row only 19 mm, but they take less
    height: worth it when that saves a page (a third one, or a short programme's second).
    """
    roomy = make(2)
    roomy.write()
    if roomy.pdf.page == 1:
        return roomy
    # Page 1 loses at most a block (or the tick table's least) at its foot; if the last
    # page holds more than that and all the second rows together, three to a row cannot
    # save it, and the sheet is made once.
    slack = max(roomy.tallest_mm, _TICKS_LEAST_MM)
    if roomy.pdf.page == 2 and roomy.last_page_mm > roomy.extra_mm + slack:
        return roomy
    compact = make(3)
    compact.write()
    return compact if compact.pdf.page < roomy.pdf.page else roomy
