"""Where it hurts in the report: a small back view with how often each region was marked."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from rugdiary.core.body_regions import (
    DESIGN_H,
    DESIGN_W,
    REGION_IDS,
    REGION_RECTS,
    SILHOUETTE,
)
from rugdiary.resources import resource

FONT = "DejaVu"
"""The report's font family (reports/pdf.py registers it under the same name)."""

# The report's calm print colours: dark text, a muted teal, light greys (ui/theme.py).
_TEXT = (29, 42, 44)
_MUTED = (91, 107, 109)
_EDGE = (125, 138, 136)
_BODY = (234, 240, 238)
_TEAL = (47, 122, 112)
_WHITE = (255, 255, 255)

MAX_FIGURE_H = 62.0
"""Height of the figure in mm at most: a small picture beside the words, not a page."""

_CAPTION = {
    "en": (
        "Where it hurts, seen from behind (left is left). The number in each place is how "
        "often it was marked in this period; darker means more often."
    ),
    "nl": (
        "Waar het pijn doet, van achteren gezien (de linkerkant staat links). Het getal op elke "
        "plek is hoe vaak die in deze periode is aangekruist; donkerder is vaker."
    ),
}
_NOTHING = {
    "en": "No place was marked on the body map in this period.",
    "nl": "In deze periode is op de lichaamskaart niets aangekruist.",
}


@cache
def _font_files() -> tuple[str, str]:
    return str(resource("fonts", "DejaVuSans.ttf")), str(resource("fonts", "DejaVuSans-Bold.ttf"))


def _ensure_font(pdf: FPDF) -> None:
    """Register the report's font when the PDF does not have it yet (a test's bare FPDF)."""
    regular, bold = _font_files()
    if FONT.lower() not in pdf.fonts:
        pdf.add_font(FONT, "", regular)
    if f"{FONT.lower()}B" not in pdf.fonts:
        pdf.add_font(FONT, "B", bold)


def _mix(share: float) -> tuple[int, int, int]:
    """White blended towards the teal by `share` (0..1)."""
    return (
        round(_WHITE[0] + (_TEAL[0] - _WHITE[0]) * share),
        round(_WHITE[1] + (_TEAL[1] - _WHITE[1]) * share),
        round(_WHITE[2] + (_TEAL[2] - _WHITE[2]) * share),
    )


def draw_region_counts(
    pdf: FPDF,
    x: float,
    y: float,
    width: float,
    counts: Mapping[str, int],
    lang: str,
    *,
    figure_height: float = MAX_FIGURE_H,
    note: str = "",
) -> float:
    """Draw the back view at (x, y) within `width` mm, each region with its count.

    A region's number is always printed (0 too), so the picture never relies on shade
    alone; shades go from white (never marked) to the app's teal (marked most often).
    The caption sits to the right of the figure, followed by `note` (the report puts
    the counts in words there). The figure is at most `figure_height` mm tall. Returns
    the height used, in mm. The PDF's font, colours, line width and page-break setting
    are left as they were; the cursor is left at `x`, below the picture.
    """
    _ensure_font(pdf)
    figure_h = min(figure_height, MAX_FIGURE_H, width * 1.2)
    scale = figure_h / DESIGN_H
    figure_w = DESIGN_W * scale
    values = {region: max(int(counts.get(region, 0) or 0), 0) for region in REGION_IDS}
    most = max(values.values())
    auto_break, bottom = pdf.auto_page_break, pdf.b_margin
    pdf.set_auto_page_break(False)
    try:
        with pdf.local_context():
            pdf.set_line_width(0.2)
            pdf.set_draw_color(*_EDGE)
            pdf.set_fill_color(*_BODY)
            for kind, (bx, by, bw, bh) in SILHOUETTE:
                args = (x + bx * scale, y + by * scale, bw * scale, bh * scale)
                if kind == "ellipse":
                    pdf.ellipse(*args, style="DF")
                else:
                    pdf.rect(*args, style="DF", round_corners=True, corner_radius=1.5 * scale * 4)
            number_pt = max(5.5, min(9.0, 28.0 * scale))
            for region in REGION_IDS:
                bx, by, bw, bh = REGION_RECTS[region]
                inset = 0.8
                rx, ry = x + (bx + inset) * scale, y + (by + inset) * scale
                rw, rh = (bw - 2 * inset) * scale, (bh - 2 * inset) * scale
                count = values[region]
                share = 0.0 if count == 0 else 0.18 + 0.82 * count / most
                pdf.set_fill_color(*_mix(share))
                pdf.set_draw_color(*(_TEAL if count else _EDGE))
                pdf.rect(rx, ry, rw, rh, style="DF", round_corners=True, corner_radius=rw * 0.2)
                # Shrink a long number until it fits its region with room on both sides.
                size = number_pt
                pdf.set_font(FONT, "B" if count else "", size)
                while size > 4.5 and pdf.get_string_width(str(count)) > rw * 0.8:
                    size -= 0.5
                    pdf.set_font(FONT, "B" if count else "", size)
                pdf.set_text_color(*(_WHITE if share > 0.55 else (_TEXT if count else _MUTED)))
                pdf.set_xy(rx, ry + rh / 2 - 2.0)
                pdf.cell(rw, 4.0, str(count), align=Align.C)
            text_x = x + figure_w + 5.0
            text_w = width - figure_w - 5.0
            pdf.set_font(FONT, "", 8.5)
            pdf.set_text_color(*_MUTED)
            caption = _CAPTION.get(lang, _CAPTION["en"])
            if most == 0:
                caption = f"{_NOTHING.get(lang, _NOTHING['en'])} {caption}"
            pdf.set_xy(text_x, y)
            pdf.multi_cell(text_w, 4.2, caption, align=Align.L, new_x=XPos.LEFT, new_y=YPos.NEXT)
            if note:
                pdf.set_font(FONT, "", 9.5)
                pdf.set_text_color(*_TEXT)
                pdf.set_xy(text_x, pdf.get_y() + 1.5)
                pdf.multi_cell(text_w, 4.5, note, align=Align.L, new_x=XPos.LEFT, new_y=YPos.NEXT)
            caption_h = pdf.get_y() - y
    finally:
        pdf.set_auto_page_break(auto_break, bottom)
    height = max(figure_h, caption_h)
    pdf.set_xy(x, y + height)
    return height
