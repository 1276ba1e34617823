"""Render the app icon from resources/icons/rugdiary.svg into every format packaging needs.

    python tools/render_icons.py          # (re)write the files below
    python tools/render_icons.py --check  # exit 1 if a file is missing or has the wrong sizes

Writes:
  resources/icons/rugdiary-{64,128,256}.png   the app (wheel, bundle) and Linux hicolor icons
  packaging/windows/rugdiary.ico              16-256 px, PNG-compressed entries (Windows Vista+)
  packaging/macos/rugdiary.icns               16-1024 px, PNG entries (macOS 10.7+)

Qt renders the SVG (QSvgRenderer, offscreen: no display needed); the ICO and ICNS
containers are simple enough to write with struct, so no Pillow and no macOS iconutil.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "rugdiary.svg"
PNG_SIZES = (64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, and their pixel size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
)


def png_path(size: int) -> Path:
    return ROOT / "resources" / "icons" / f"rugdiary-{size}.png"


ICO = ROOT / "packaging" / "windows" / "rugdiary.ico"
ICNS = ROOT / "packaging" / "macos" / "rugdiary.icns"


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as PNG bytes, size x size pixels, antialiased, transparent corners."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR + ICONDIRENTRYs + data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns', total length, then (type, length incl. header, PNG) elements."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs(renderer: QSvgRenderer) -> dict[Path, bytes]:
    sizes = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render(renderer, size) for size in sorted(sizes)}
    files = {png_path(size): pngs[size] for size in PNG_SIZES}
    files[ICO] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[ICNS] = icns_bytes(pngs)
    return files


def check() -> list[str]:
    """Problems with the rendered files (missing, wrong size), without rewriting them."""
    problems = []
    for size in PNG_SIZES:
        image = QImage(str(png_path(size)))
        if image.isNull():
            problems.append(f"{png_path(size)}: missing or not a PNG")
        elif (image.width(), image.height()) != (size, size):
            problems.append(f"{png_path(size)}: {image.width()}x{image.height()}, not {size}")
    for path, magic in ((ICO, b"\0\0\1\0"), (ICNS, b"icns")):
        if not path.is_file() or path.read_bytes()[:4] != magic:
            problems.append(f"{path}: missing or not an {path.suffix} file")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the rendered files")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG}: not a valid SVG", file=sys.stderr)
        return 1
    for path, data in outputs(renderer).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
