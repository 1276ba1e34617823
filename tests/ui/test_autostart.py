"""The XDG autostart entry: written atomically where $XDG_CONFIG_HOME says, removed on request."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

import pytest

from rugdiary.ui import autostart


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config home"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


pytestmark = pytest.mark.skipif(
    not autostart.is_supported(), reason="XDG autostart exists on Linux and the BSDs only"
)


def _read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text("utf-8"))
    return parser["Desktop Entry"]


def _exec_arguments(line: str) -> list[str]:
    """Split an Exec value as a desktop session does: quoted args, backslash escapes inside."""
    arguments: list[str] = []
    i = 0
    while i < len(line):
        if line[i] == " ":
            i += 1
            continue
        if line[i] == '"':
            i += 1
            current = ""
            while line[i] != '"':
                if line[i] == "\\":
                    i += 1
                current += line[i]
                i += 1
            i += 1
        else:
            end = line.find(" ", i)
            end = len(line) if end < 0 else end
            current = line[i:end]
            i = end
        arguments.append(current)
    return arguments


def test_entry_is_written_and_removed_under_xdg_config_home(config_home: Path) -> None:
    path = autostart.set_enabled(True, command=["rugdiary"])
    assert path == config_home / "autostart" / "rugdiary.desktop"
    entry = _read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "rugdiary"
    assert entry["Name"] == "RugDiary"
    assert autostart.is_enabled()
    # No temporary file is left next to it.
    assert sorted(p.name for p in path.parent.iterdir()) == ["rugdiary.desktop"]

    autostart.set_enabled(False)
    assert not path.exists()
    assert not autostart.is_enabled()
    autostart.set_enabled(False)  # removing twice is fine


def test_home_config_is_used_without_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert autostart.autostart_file() == tmp_path / ".config" / "autostart" / "rugdiary.desktop"
    # A relative value is invalid by the spec and ignored.
    relative = {"XDG_CONFIG_HOME": "relative/dir"}
    assert autostart.autostart_file(relative).parent.parent == Path.home() / ".config"


def test_data_folder_with_spaces_is_quoted_so_the_session_reads_it_back(
    config_home: Path, tmp_path: Path
) -> None:
    data = tmp_path / "my diary $HOME 100%"
    path = autostart.set_enabled(True, data_dir=data)
    exec_line = _read_entry(path)["Exec"]
    # Undo the desktop-entry layers: the "string" escape, then %% for a literal %.
    arguments = _exec_arguments(exec_line.replace("\\\\", "\\").replace("%%", "%"))
    assert arguments[-2:] == ["--data-dir", str(data.resolve())]
    assert arguments[0] in (sys.executable, str(Path(sys.executable).with_name("rugdiary"))) or (
        arguments[0].endswith("rugdiary")
    )


def test_rewriting_replaces_the_whole_entry(config_home: Path) -> None:
    path = autostart.set_enabled(True, command=["old-command", "--with", "arguments"])
    autostart.set_enabled(True, command=["rugdiary"])
    assert _read_entry(path)["Exec"] == "rugdiary"


def test_unwritable_folder_raises_a_plain_reason(config_home: Path) -> None:
    config_home.mkdir(parents=True)
    (config_home / "autostart").write_text("a file, not a folder", "utf-8")
    with pytest.raises(autostart.AutostartError) as caught:
        autostart.set_enabled(True, command=["rugdiary"])
    assert caught.value.reason


def test_other_platforms_are_reported_not_pretended(
    monkeypatch: pytest.MonkeyPatch, config_home: Path
) -> None:
    assert not autostart.is_supported("win32")
    assert not autostart.is_supported("darwin")
    monkeypatch.setattr(autostart.sys, "platform", "darwin")
    with pytest.raises(autostart.AutostartError, match="not supported"):
        autostart.set_enabled(True, command=["rugdiary"])
    assert not (config_home / "autostart").exists()


def test_quoting_follows_the_desktop_entry_spec() -> None:
    assert autostart.quote_exec_argument("plain") == "plain"
    assert autostart.quote_exec_argument("a b") == '"a b"'
    assert autostart.quote_exec_argument('say "hi"') == '"say \\\\"hi\\\\""'
    assert autostart.quote_exec_argument("50%") == "50%%"
    assert autostart.quote_exec_argument("") == '""'
