"""Start RugDiary at login: an XDG autostart entry on Linux, and no pretending elsewhere."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

FILE_NAME = "rugdiary.desktop"

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class AutostartError(Exception):
    """Starting at login could not be switched; `reason` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_supported(platform: str | None = None) -> bool:
    """Whether this platform has a way we implement: the freedesktop.org autostart folder.

    Windows (Run key / Startup folder) and macOS (login items) are not implemented, and
    the Settings page says so instead of showing a switch that does nothing.
    """
    platform = sys.platform if platform is None else platform
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def autostart_file(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_CONFIG_HOME/autostart/rugdiary.desktop, ~/.config when the variable is unset.

    A relative $XDG_CONFIG_HOME is invalid under the XDG spec and is ignored.
    """
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "autostart" / FILE_NAME


def is_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the autostart entry exists (and is not switched off with Hidden=true)."""
    path = autostart_file(environ)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "\nHidden=true" not in text


def launch_command(data_dir: Path | None = None) -> list[str]:
    """How the session should start this RugDiary, with the same data folder.

    The installed `rugdiary` script is preferred; from a checkout or a virtual
    environment the running interpreter starts the package. A frozen (PyInstaller)
    build starts its own executable.
    """
    if getattr(sys, "frozen", False):
        command = [sys.executable]
    else:
        script = Path(sys.executable).with_name("rugdiary")
        found = script if script.is_file() else shutil.which("rugdiary")
        command = [str(found)] if found else [sys.executable, "-m", "rugdiary"]
    if data_dir is not None:
        command += ["--data-dir", str(Path(data_dir).resolve())]
    return command


def quote_exec_argument(argument: str) -> str:
    """Quote one argument for a desktop entry's Exec key (Desktop Entry spec, "Exec key")."""
    escaped = argument.replace("%", "%%")
    if not escaped or any(char in _RESERVED for char in escaped):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in escaped)
        escaped = f'"{inner}"'
    # The whole value is a "string" key, whose own escape rule doubles every backslash.
    return escaped.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The text of the autostart entry that runs `command`."""
    exec_line = " ".join(quote_exec_argument(argument) for argument in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.4\n"
        "Name=RugDiary\n"
        "Comment=A calm diary and exercises for low back pain\n"
        "Comment[nl]=Een rustig dagboek en oefeningen bij lage rugpijn\n"
        f"Exec={exec_line}\n"
        "Icon=rugdiary\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def set_enabled(
    enabled: bool,
    *,
    data_dir: Path | None = None,
    command: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """Write or remove the autostart entry and return its path.

    The entry is written to a temporary file in the same folder and renamed over the
    old one, so a session that starts while we write never reads half an entry.
    Raises AutostartError when the platform is not supported or the folder is not
    writable.
    """
    if not is_supported():
        raise AutostartError("starting at login is not supported on this system yet")
    path = autostart_file(environ)
    if not enabled:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise AutostartError(
                f"the autostart file {path} cannot be removed ({_os_words(exc)})"
            ) from exc
        return path
    text = desktop_entry(command if command is not None else launch_command(data_dir))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".rugdiary-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp, 0o644)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise AutostartError(
            f"the autostart folder {path.parent} cannot be written ({_os_words(exc)})"
        ) from exc
    return path


def _os_words(exc: OSError) -> str:
    """The system's own words for `exc`, in brackets after a reason the UI can translate
    (ui/reasons.py): "Permission denied: /home/…" alone was English whatever the language."""
    return exc.strerror or str(exc)
