"""One version everywhere: rugdiary.__version__, CHANGELOG.md, metainfo, installer scripts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import rugdiary

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "rugdiary.iss"


def _newest_changelog_release() -> tuple[str, str]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    match = re.search(r"^## \[(\d+\.\d+\.\d+[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    assert match, "CHANGELOG.md has no '## [X.Y.Z] - YYYY-MM-DD' heading"
    return match.group(1), match.group(2)


def test_changelog_and_metainfo_agree_with_the_package_version() -> None:
    version, day = _newest_changelog_release()
    assert version == rugdiary.__version__
    metainfo = ROOT / "packaging" / "linux" / "io.github.rugdiary.RugDiary.metainfo.xml"
    release = ET.parse(metainfo).getroot().find("./releases/release")
    assert release is not None
    assert (release.get("version"), release.get("date")) == (version, day)


def test_inno_setup_reads_the_version_from_the_package() -> None:
    """Emulate the ISPP lines: Copy(line, 16, RPos('"', line) - 16) on the __version__ line."""
    iss = ISS.read_text(encoding="utf-8")
    assert r'"..\..\rugdiary\__init__.py"' in iss
    assert "Pos('__version__ = \"', FileLine) == 1" in iss
    assert "Copy(FileLine, 16, RPos('\"', FileLine) - 16)" in iss
    line = next(
        ln
        for ln in (ROOT / "rugdiary" / "__init__.py").read_text(encoding="utf-8").splitlines()
        if ln.startswith("__version__")
    )
    assert line.startswith('__version__ = "'), "the .iss expects exactly this spelling"
    start = 16 - 1  # ISPP strings are 1-based
    count = line.rindex('"') + 1 - 16
    assert line[start : start + count] == rugdiary.__version__


def test_inno_setup_has_start_menu_entry_uninstaller_and_uses_the_bundle() -> None:
    iss = ISS.read_text(encoding="utf-8")
    assert "AppVersion={#AppVersion}" in iss
    assert re.search(
        r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', iss, re.M
    )
    assert "{uninstallexe}" in iss
    assert r'"..\..\dist\rugdiary"' in iss
    assert '#define AppExe "rugdiary.exe"' in iss
