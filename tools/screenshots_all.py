"""`make screenshots-all`: every page and state × language × theme × window size, with an index.

Pages (today, diary, insights, programs, player, report, settings) and the states the
`rugdiary screenshot` command cannot reach (the diary's details, the running player, the
after-session view, the keyboard-shortcuts, about and red-flag dialogs, the welcome), in
English and Dutch, light, dark and high contrast, at 900×600, 1100×720 and 1600×1000, and at
200 % (QT_SCALE_FACTOR=2, 900×600 logical). Written to build/screenshots/ (not docs/) with an
index.html to look through them. Each language/theme/scale runs in its own process, since
Qt takes those once, at start; each on its own copy of the demo diary, as playing a session
saves it.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LANGS = ("en", "nl")
THEMES = ("light", "dark", "high-contrast")
SIZES = ((900, 600), (1100, 720), (1600, 1000))
SCALED = ((900, 600),)
"""At 200 %: the minimum window, in logical pixels (1800×1200 on the screen)."""
PAGES = ("today", "diary", "insights", "programs", "player", "report", "settings")
STATES = ("diary-details", "player-running", "player-after")
DIALOGS = ("shortcuts", "about", "red-flags", "welcome", "welcome-safety")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--themes", default=",".join(THEMES))
    parser.add_argument("--no-scaled", action="store_true", help="skip the 200 %% pictures")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return _worker(args)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "demo"
        subprocess.run(
            [sys.executable, "-m", "rugdiary.cli", "--data-dir", str(data), "demo"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        scales = (1.0,) if args.no_scaled else (1.0, 2.0)
        for lang in args.langs.split(","):
            for theme in args.themes.split(","):
                for scale in scales:
                    print(f"{lang} {theme} {scale:g}x", flush=True)
                    copy = Path(tmp) / f"{lang}-{theme}-{scale:g}"
                    shutil.copytree(data, copy)
                    command = [
                        sys.executable,
                        __file__,
                        "--worker",
                        "--data",
                        str(copy),
                        "--out",
                        str(out),
                        "--langs",
                        lang,
                        "--themes",
                        theme,
                        "--scale",
                        f"{scale:g}",
                    ]
                    subprocess.run(command, check=True)
    _write_index(out)
    print(out / "index.html")
    return 0


def _size_name(size: tuple[int, int], scale: float) -> str:
    name = f"{size[0]}x{size[1]}"
    return name if scale == 1 else f"{name}@{scale:g}x"


def _worker(args: argparse.Namespace) -> int:
    # All before Qt starts: no display, the scale, and the mock voice (no speech process).
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    os.environ["RUGDIARY_VOICE_ENGINE"] = "mock"
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QWidget

    from rugdiary.core.clock import SystemClock
    from rugdiary.core.exercises import Level
    from rugdiary.core.sessions import StopReason
    from rugdiary.storage.database import Database
    from rugdiary.ui import app as app_module
    from rugdiary.ui.main_window import MainWindow
    from rugdiary.ui.services import Services

    lang, theme, out = args.langs, args.themes, Path(args.out)
    qInstallMessageHandler(app_module._quiet_offscreen)
    app = app_module.prepare_application(theme, lang)
    clock = SystemClock()
    db = Database.open(args.data, clock=clock)
    sizes = SIZES if args.scale == 1 else SCALED

    def save(widget: QWidget, name: str, size: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}--{lang}--{theme}--{size}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")

    try:
        window = MainWindow(Services.for_database(db, clock), settings=None)
        window.show()
        for size in sizes:
            size_name = _size_name(size, args.scale)
            window.resize(*size)
            for page in PAGES:
                window.show_page(page)
                app_module._settle(app, window, page)
                save(window, page, size_name)
            # The diary with its optional questions open.
            window.show_page("diary")
            window.diary.view.form.more_button.setChecked(True)
            save(window, "diary-details", size_name)
            window.diary.view.form.more_button.setChecked(False)
            # A session playing, then the questions after it (stopped early: no waiting).
            program = next(iter(window.programs.controller.all_programs()), None)
            if program is not None:
                window.start_program(program, Level.BEGINNER)
                window.player.controller.begin()
                save(window, "player-running", size_name)
                # Into the first exercise: a session stopped in its get-ready keeps nothing.
                window.player.controller.skip_forward()
                window.player.controller.stop(StopReason.TIME)
                save(window, "player-after", size_name)
                window.player.view.after.done_button.click()
        _dialogs(window, save, _size_name(sizes[0], args.scale), args.data)
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        db.close()
    _ = QApplication  # imported for the type of `app`
    return 0


def _dialogs(window: object, save: object, size: str, data: Path) -> None:
    """The dialogs at their own size, built as the Help menu builds them but not run modally."""
    from rugdiary.ui import help
    from rugdiary.ui.first_run.welcome import FirstRunDialog
    from rugdiary.ui.safety import NoticeMode, RedFlagDialog

    sections = help.shortcut_sections(window, window.page_shortcuts())  # type: ignore[arg-type,attr-defined]
    made = {
        "shortcuts": help.ShortcutsDialog(sections, window),  # type: ignore[arg-type]
        "about": help.AboutDialog(data, window),  # type: ignore[arg-type]
        "red-flags": RedFlagDialog(NoticeMode("help"), parent=window),  # type: ignore[arg-type]
    }
    welcome = FirstRunDialog(window)  # type: ignore[arg-type]
    for name, dialog in made.items():
        dialog.show()
        save(dialog, name, size)  # type: ignore[operator]
        dialog.close()
        dialog.deleteLater()
    welcome.show()
    save(welcome, "welcome", size)  # type: ignore[operator]
    welcome.skip()  # the last screen, with its own buttons, as Skip shows it
    save(welcome, "welcome-safety", size)  # type: ignore[operator]
    welcome.close()
    welcome.deleteLater()


def _write_index(out: Path) -> None:
    """One section per page or state; a row per language and theme, a column per size."""
    pictures = sorted(out.glob("*--*--*--*.png"))
    names: dict[str, dict[tuple[str, str], dict[str, str]]] = {}
    sizes: list[str] = []
    for path in pictures:
        name, lang, theme, size = path.stem.split("--")
        names.setdefault(name, {}).setdefault((lang, theme), {})[size] = path.name
        if size not in sizes:
            sizes.append(size)
    sizes.sort(key=lambda s: ("@" in s, [int(v) for v in s.split("@")[0].split("x")]))
    order = [*PAGES, *STATES, *DIALOGS]
    parts = [
        "<!doctype html><meta charset='utf-8'><title>RugDiary screenshots</title>",
        "<style>body{font-family:sans-serif;margin:16px} img{max-width:360px;border:1px solid"
        " #999} td{vertical-align:top;padding:4px} th{text-align:left}</style>",
        f"<h1>RugDiary screenshots</h1><p>{len(pictures)} pictures. Click one to open it.</p>",
        "<p>" + " · ".join(f"<a href='#{n}'>{n}</a>" for n in order if n in names) + "</p>",
    ]
    for name in sorted(names, key=lambda n: order.index(n) if n in order else 99):
        parts.append(f"<h2 id='{html.escape(name)}'>{html.escape(name)}</h2><table><tr><th></th>")
        parts += [f"<th>{html.escape(s)}</th>" for s in sizes]
        parts.append("</tr>")
        for (lang, theme), files in sorted(names[name].items()):
            parts.append(f"<tr><th>{lang}<br>{theme}</th>")
            for size in sizes:
                file = files.get(size)
                cell = f"<a href='{file}'><img loading='lazy' src='{file}'></a>" if file else ""
                parts.append(f"<td>{cell}</td>")
            parts.append("</tr>")
        parts.append("</table>")
    (out / "index.html").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
