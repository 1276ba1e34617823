"""The player's own picture: a phone photo stands up as its EXIF orientation says."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pytestqt.qtbot import QtBot

from rugdiary.ui.widgets.pose_figure import PoseFigure


def phone_photo(path: Path) -> Path:
    """Stored 40 × 20 (as the sensor saw it) with orientation 6: turn it to stand upright."""
    image = Image.new("RGB", (40, 20), "white")
    exif = Image.Exif()
    exif[0x0112] = 6
    image.save(path, "JPEG", exif=exif.tobytes())
    return path


def test_a_phone_photo_stands_upright_in_the_player(qtbot: QtBot, tmp_path: Path) -> None:
    figure = PoseFigure()
    qtbot.addWidget(figure)
    assert figure.set_picture(phone_photo(tmp_path / "phone.jpg"))
    shown = figure._picture
    assert shown is not None
    assert (shown.width(), shown.height()) == (20, 40)


def test_a_file_that_is_no_picture_shows_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    figure = PoseFigure()
    qtbot.addWidget(figure)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture")
    assert not figure.set_picture(broken)
