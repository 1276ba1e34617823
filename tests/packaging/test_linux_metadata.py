"""The Linux desktop files: .desktop, AppStream metainfo, icons, and the Flatpak manifest."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import rugdiary

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.rugdiary.RugDiary"
DESKTOP = LINUX / "rugdiary.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
FLATPAK = LINUX / "flatpak" / f"{APP_ID}.json"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return path


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_desktop_file_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # not even hints


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_name_matches_the_apps_desktop_file_name() -> None:
    """QGuiApplication.setDesktopFileName() must name this file, or Wayland shows no icon."""
    app_py = (ROOT / "rugdiary" / "ui" / "app.py").read_text(encoding="utf-8")
    calls = re.findall(r"setDesktopFileName\((.*)\)", app_py)
    assert calls, "rugdiary/ui/app.py no longer calls setDesktopFileName(...)"
    # The last string literal is the name outside Flatpak, e.g. in
    # setDesktopFileName(os.environ.get("FLATPAK_ID", "rugdiary")).
    names = [re.findall(r'"([^"]+)"', call)[-1] for call in calls]
    assert {f"{name}.desktop" for name in names} == {DESKTOP.name}


def test_desktop_file_launches_the_rugdiary_command_with_its_icon() -> None:
    entries = dict(
        line.split("=", 1)
        for line in DESKTOP.read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert entries["Exec"] == "rugdiary"
    assert entries["Icon"] == "rugdiary"
    assert "Network" not in entries["Categories"].split(";")
    assert entries["Name"] == "RugDiary"
    assert "Comment[nl]" in entries


def test_metainfo_release_is_the_package_version() -> None:
    releases = _metainfo().findall("./releases/release")
    assert releases, "no <release> in the metainfo"
    newest = releases[0]
    assert newest.get("version") == rugdiary.__version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date", ""))


def test_metainfo_has_id_launchable_binary_and_oars_rating() -> None:
    root = _metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("./launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("./provides/binary") == "rugdiary"
    rating = root.find("content_rating")
    assert rating is not None
    assert rating.get("type") == "oars-1.1"
    assert list(rating) == [], "RugDiary has no violence, chat, ads or data sharing: rate none"


def test_metainfo_summary_and_description_have_dutch_translations() -> None:
    root = _metainfo()
    summaries = {s.get(XML_LANG): s.text for s in root.findall("summary")}
    assert summaries.get(None)
    assert summaries.get("nl")
    description = root.find("description")
    assert description is not None
    english = [p for p in description.findall("p") if p.get(XML_LANG) is None]
    dutch = [p for p in description.findall("p") if p.get(XML_LANG) == "nl"]
    assert english
    assert len(dutch) == len(english)
    items = description.findall("./ul/li")
    assert len([li for li in items if li.get(XML_LANG) == "nl"]) * 2 == len(items)


REPOSITORY = "https://github.com/rugdiary/rugdiary"
"""The public home that the app id io.github.rugdiary.* claims (packaging/README.md)."""

SCREENSHOT_URL = re.compile(
    r"https://raw\.githubusercontent\.com/rugdiary/rugdiary/v(?P<version>[^/]+)/(?P<path>.+)"
)


def test_metainfo_names_the_projects_home_bug_tracker_and_source() -> None:
    urls = {url.get("type"): url.text for url in _metainfo().findall("url")}
    assert urls == {
        "homepage": REPOSITORY,
        "bugtracker": f"{REPOSITORY}/issues",
        "vcs-browser": REPOSITORY,
    }


def test_metainfo_screenshots_are_this_versions_files_in_the_repository() -> None:
    """Every <image> is a committed PNG of docs/screenshots/, at the release's tag.

    A software centre downloads these URLs; a name that was renamed or a size that no
    longer matches would show a broken or stretched picture for every user.
    """
    shots = _metainfo().findall("./screenshots/screenshot")
    assert len(shots) >= 3
    assert [s.get("type") for s in shots].count("default") == 1
    for shot in shots:
        captions = {c.get(XML_LANG): c.text for c in shot.findall("caption")}
        assert captions.get(None), "an English caption"
        assert captions.get("nl"), "each caption also in Dutch"
        images = shot.findall("image")
        assert len(images) == 1
        image = images[0]
        match = SCREENSHOT_URL.fullmatch(image.text or "")
        assert match, f"not a screenshot URL of the repository's tag: {image.text}"
        assert match["version"] == rugdiary.__version__, "the URL must name this release's tag"
        path = ROOT / match["path"]
        assert path.parent == ROOT / "docs" / "screenshots"
        assert path.is_file(), f"{match['path']} is not in the repository"
        assert _png_size(path) == (int(image.get("width", 0)), int(image.get("height", 0)))
    default = next(s for s in shots if s.get("type") == "default")
    assert default.findtext("image", "").endswith("/today.png"), "the page the app opens on"


def test_install_data_puts_icons_in_the_hicolor_layout(tmp_path: Path) -> None:
    for prefix, app_id in ((tmp_path / "usr", None), (tmp_path / "flatpak", APP_ID)):
        command = [str(LINUX / "install-data.sh"), str(prefix)] + ([app_id] if app_id else [])
        subprocess.run(command, check=True)
        name = app_id or "rugdiary"
        share = prefix / "share"
        assert (share / "applications" / f"{name}.desktop").is_file()
        assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
        assert (share / "icons/hicolor/scalable/apps" / f"{name}.svg").is_file()
        for size in (64, 128, 256):
            png = share / f"icons/hicolor/{size}x{size}/apps/{name}.png"
            assert _png_size(png) == (size, size)
        desktop = (share / "applications" / f"{name}.desktop").read_text(encoding="utf-8")
        assert f"\nIcon={name}\n" in desktop
        metainfo = (share / "metainfo" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
        assert f'<launchable type="desktop-id">{name}.desktop</launchable>' in metainfo
    validator = shutil.which("appstreamcli")
    if validator:  # metainfo, desktop file and icons checked together
        for prefix in (tmp_path / "usr", tmp_path / "flatpak"):
            result = subprocess.run(
                [validator, "validate-tree", "--no-net", str(prefix)],
                capture_output=True,
                text=True,
            )
            assert result.returncode == 0, result.stdout + result.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_app_icon_exists_as_svg_and_png_in_three_sizes() -> None:
    icons = ROOT / "resources" / "icons"
    ET.parse(icons / "rugdiary.svg")  # well-formed
    for size in (64, 128, 256):
        assert _png_size(icons / f"rugdiary-{size}.png") == (size, size)
    ico = (ROOT / "packaging" / "windows" / "rugdiary.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0"
    assert struct.unpack("<H", ico[4:6])[0] >= 5  # 16 ... 256 px
    icns = (ROOT / "packaging" / "macos" / "rugdiary.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_flatpak_manifest_builds_on_the_pyside_baseapp_without_network() -> None:
    manifest = json.loads(FLATPAK.read_text(encoding="utf-8"))
    assert manifest["id"] == APP_ID
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["sdk"] == "org.kde.Sdk"
    assert manifest["base-version"] == manifest["runtime-version"]
    args = manifest["finish-args"]
    assert not [a for a in args if a.startswith("--share=network")], "RugDiary is offline"
    assert not [a for a in args if a.startswith("--filesystem=home") or a == "--filesystem=host"]
    for needed in (
        "--talk-name=org.kde.StatusNotifierWatcher",  # the tray icon
        "--talk-name=org.freedesktop.Notifications",  # reminders
        "--socket=wayland",
        "--socket=fallback-x11",
        "--share=ipc",
        "--socket=pulseaudio",  # cue sounds
    ):
        assert needed in args
    assert manifest["command"] == "rugdiary"
    assert "python3-deps.json" in manifest["modules"]
    app = manifest["modules"][-1]
    assert any("install-data.sh ${FLATPAK_DEST} ${FLATPAK_ID}" in c for c in app["build-commands"])


def test_flatpak_requirements_leave_pyside_and_numpy_to_the_baseapp() -> None:
    lines = (LINUX / "flatpak" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    names = {re.split(r"[=<>~!; ]", line, maxsplit=1)[0].lower() for line in lines}
    names.discard("")
    names = {n for n in names if not n.startswith("#")}
    assert not {n for n in names if n.startswith(("pyside6", "shiboken6", "numpy"))}
    assert {"tinydb", "orjson", "filelock", "platformdirs", "matplotlib", "scipy", "fpdf2"} <= names
