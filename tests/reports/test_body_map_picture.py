"""The report's body picture: counts in every region, a caption in EN/NL, shades by count."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from fpdf import FPDF

from rugdiary.core.body_regions import DESIGN_H, REGION_IDS, REGION_RECTS
from rugdiary.reports.body_map_picture import MAX_FIGURE_H, draw_region_counts

PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")
pytestmark = pytest.mark.skipif(
    PDFTOTEXT is None or PDFTOPPM is None, reason="poppler-utils are needed to read the PDF"
)

COUNTS = {
    **dict.fromkeys(REGION_IDS, 0),
    "lower_back_centre": 20,
    "lower_back_left": 12,
    "buttock_left": 5,
    "below_knee_left": 3,
}
X, Y, WIDTH = 20.0, 30.0, 120.0
DPI = 100


def _draw(tmp_path: Path, counts: dict[str, int], lang: str) -> tuple[Path, float, FPDF]:
    pdf = FPDF(unit="mm", format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    pdf.set_auto_page_break(True, 17)
    height = draw_region_counts(pdf, X, Y, WIDTH, counts, lang)
    path = tmp_path / f"picture-{lang}.pdf"
    pdf.output(str(path))
    return path, height, pdf


def _text(path: Path) -> str:
    assert PDFTOTEXT is not None
    return subprocess.run(
        [PDFTOTEXT, "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _pixel(path: Path, tmp_path: Path, mm_x: float, mm_y: float) -> tuple[int, int, int]:
    """The colour printed at (mm_x, mm_y) on page 1, read from a PPM rendering."""
    assert PDFTOPPM is not None
    out = tmp_path / "page"
    subprocess.run(
        [PDFTOPPM, "-r", str(DPI), "-f", "1", "-l", "1", str(path), str(out)], check=True
    )
    data = next(tmp_path.glob("page*.ppm")).read_bytes()
    parts = data.split(maxsplit=4)  # P6, width, height, maxval, pixels
    width = int(parts[1])
    pixels = parts[4]
    px, py = round(mm_x / 25.4 * DPI), round(mm_y / 25.4 * DPI)
    offset = (py * width + px) * 3
    r, g, b = pixels[offset : offset + 3]
    return r, g, b


def _region_point(region: str) -> tuple[float, float]:
    """A point inside the region, away from its printed number (the top quarter)."""
    scale = min(MAX_FIGURE_H, WIDTH * 1.2) / DESIGN_H
    bx, by, bw, bh = REGION_RECTS[region]
    return X + (bx + bw / 2) * scale, Y + (by + bh * 0.2) * scale


def test_every_count_and_the_caption_are_printed(tmp_path: Path) -> None:
    path, height, pdf = _draw(tmp_path, COUNTS, "en")
    text = _text(path)
    numbers = [word for word in text.split() if word.isdigit()]
    assert sorted(map(int, numbers)) == sorted(COUNTS.values())
    flat = " ".join(text.split())
    assert "Where it hurts, seen from behind" in flat
    assert "how often it was marked in this period" in flat
    assert 0 < height <= MAX_FIGURE_H + 1
    assert pdf.get_y() == pytest.approx(Y + height)
    assert pdf.font_family == "helvetica"
    assert pdf.font_size_pt == 11
    assert pdf.auto_page_break
    assert pdf.b_margin == 17
    assert pdf.page == 1


def test_dutch_caption_and_nothing_marked(tmp_path: Path) -> None:
    path, _, _ = _draw(tmp_path, dict.fromkeys(REGION_IDS, 0), "nl")
    flat = " ".join(_text(path).split())
    assert "In deze periode is op de lichaamskaart niets aangekruist" in flat
    assert "van achteren gezien" in flat
    assert [w for w in flat.split() if w.isdigit()] == ["0"] * len(REGION_IDS)


def test_more_often_marked_regions_are_darker(tmp_path: Path) -> None:
    path, _, _ = _draw(tmp_path, COUNTS, "en")

    def lightness(region: str) -> int:
        return sum(_pixel(path, tmp_path, *_region_point(region)))

    assert lightness("lower_back_centre") < lightness("lower_back_left")
    assert lightness("lower_back_left") < lightness("buttock_left")
    assert lightness("buttock_left") < lightness("thigh_left")
    assert lightness("thigh_left") >= 3 * 250, "never marked stays white"
