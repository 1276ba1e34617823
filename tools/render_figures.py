"""`make figures`: a contact sheet of every exercise's keyframes and an animated GIF of each.

Drawn with the player's own painter (ui.widgets.pose_figure.paint_drawing), light theme,
into docs/figures/. `--only ID` renders one exercise; `--strip N` adds a strip of N
in-between frames per exercise side by side (for checking a movement by eye). `--blind DIR`
writes a blind rating round instead (docs/figure-rating.md): one unnamed sheet of eight
frames per exercise under a shuffled letter, the key, and the questions for the raters.
`--exercise FILE` draws an edited copy of an exercise in place of the library's, and
`--camera NAME=YAW,PITCH` moves a camera for this run: a variant to look at or to rate,
without touching the library. `--pair DIR` sets each variant beside the library's
picture for raters who compare the two (docs/figure-rating.md, "Side by side").
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import string
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from rugdiary.core.body import Pose
from rugdiary.core.content import ContentError, load_exercise_file, load_library
from rugdiary.core.exercises import Exercise, Figure, FigureStyle
from rugdiary.core.figure_drawing import CAMERA_ANGLES, scene_for
from rugdiary.resources import resources_dir
from rugdiary.ui.widgets.pose_figure import paint_drawing

CELL_W, CELL_H = 300, 200
LABEL_W = 190
STYLE = FigureStyle(background="#ffffff")
GIF_FRAMES = 24
MAX_COLUMNS = 8
BLIND_FRAMES = 8
BLIND_COLUMNS = 4
BLIND_CELL = (400, 300)
RATER_INTRO = """\
You are helping test exercise illustrations for a back-pain exercise app. You are a
first-time user: you know nothing about the app.

"""
ONE_SHEET = """\
Look at ONE picture: SHEET. It shows {frames} frames, in order, of one looping animation
of a single exercise (frame 1/{frames} to {frames}/{frames}, then it repeats).

"""
WHOLE_ROUND = """\
Look at every picture in the folder FOLDER (sheet_*.png), one after the other. Each shows
{frames} frames, in order, of one looping animation of one exercise (frame 1/{frames} to
{frames}/{frames}, then it repeats). No exercise appears twice.

"""
ONE_STILL = """\
Look at ONE picture: SHEET. It shows one exercise as drawings in order, left to right, with
an arrow before each next position: first the start position, then the positions the
movement goes through.

"""
WHOLE_STILL = """\
Look at every picture in the folder FOLDER (sheet_*.png), one after the other. Each shows
one exercise as drawings in order, left to right, with an arrow before each next position:
first the start position, then the positions the movement goes through. No exercise
appears twice.

"""
STILL_WRONG = """\
WRONG: <what a person copying only this picture would most likely do wrong or harmfully, in
one sentence; "nothing" if nothing>
"""
STILL_WIDTH = 1400
"""A still sheet's width in pixels: each position about as large as in the player."""
RATER_QUESTION = """\
The drawing shows a figure from a fixed viewpoint; darker limbs are nearer to you,
lighter ones further away.

The exercise is one of these {count} (names only):
{names}

Judge only from the picture. Answer in exactly this form{each}, nothing else:
NAME: <which of the {count} it is>
SURE: <how sure, 1-5>
RATING: <1-5: how well would this picture alone teach a person in pain to do the movement
correctly? 5 = could copy it correctly from the picture alone; 3 = gets the idea but would
need the text; 1 = misleading>
WHY: <two or three sentences: what is clear, what is unclear or misleading>
"""
PAIR_RATERS = 3
"""Raters per variant in a side-by-side comparison: one is noise, three agreeing a result."""
PAIR_QUESTION = """\
Two pictures show the same exercise, "{name}", drawn in two ways.
{shows}
The drawing shows a figure from a fixed viewpoint; darker limbs are nearer to you,
lighter ones further away.

Picture 1: {one}
Picture 2: {two}

Open both pictures with your file-viewing tool. Do not look at any other file or folder.

Judge only from the pictures: which would better teach a person in pain to do this
exercise correctly, copying it from the picture alone, without any text? Answer in
exactly this form, nothing else:
BETTER: <1 or 2, or 0 if there is no real difference>
BY: <0 no difference, 1 slightly, 2 clearly, 3 by far>
RATING 1: <1-5 for picture 1: 5 = could copy it correctly from the picture alone;
3 = gets the idea but would need the text; 1 = misleading>
RATING 2: <1-5 for picture 2, same scale>
WHY: <two or three sentences: what one shows better than the other>
"""
PAIR_SHOWS = """\
Each picture shows {frames} frames, in order, of one looping animation (frame 1/{frames}
to {frames}/{frames}, then it repeats)."""
PAIR_SHOWS_STILL = """\
Each picture shows the exercise as drawings in order, left to right, with an arrow
before each next position: first the start position, then the positions the movement
goes through."""


def _frame_image(exercise: Exercise, phase: float, mirrored: bool, w: int, h: int) -> QImage:
    figure = exercise.figure
    assert figure is not None
    scene = scene_for(figure)
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint_drawing(
        painter, scene.drawing(figure.at_phase(phase, mirrored=mirrored)), STYLE, QRectF(0, 0, w, h)
    )
    painter.end()
    return image


def _cells(figure: Figure, strip: int) -> list[tuple[str, Pose]]:
    if strip:
        return [(f"{i}/{strip}", figure.at_phase(i / strip)) for i in range(strip)]
    return [(f"{k.name} ({k.at:g})", k.pose) for k in figure.keyframes]


def contact_sheet(exercises: list[Exercise], strip: int, lang: str) -> QImage:
    """Each exercise's keyframes (or a strip of in-between frames) beside its name.

    More than MAX_COLUMNS cells wrap onto further lines, so one long exercise (stairs has
    16 keyframes) does not make the whole sheet twice as wide.
    """
    figures = [e.figure for e in exercises if e.figure]
    columns = min(MAX_COLUMNS, max(len(_cells(f, strip)) for f in figures))
    lines = [math.ceil(len(_cells(f, strip)) / columns) for f in figures]
    width = LABEL_W + columns * CELL_W
    image = QImage(width, sum(lines) * CELL_H, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(17)
    small = QFont()
    small.setPixelSize(13)
    top = 0
    for exercise, line_count in zip(exercises, lines, strict=True):
        figure = exercise.figure
        assert figure is not None
        scene = scene_for(figure)
        painter.setPen(QColor("#202020"))
        painter.setFont(font)
        painter.drawText(
            QRectF(10, top + 10, LABEL_W - 16, CELL_H - 20),
            Qt.TextFlag.TextWordWrap,
            exercise.name.get(lang) + f"\n\n{figure.camera} view",
        )
        for index, (label, pose) in enumerate(_cells(figure, strip)):
            row, col = divmod(index, columns)
            rect = QRectF(LABEL_W + col * CELL_W, top + row * CELL_H, CELL_W, CELL_H)
            paint_drawing(painter, scene.drawing(pose), STYLE, rect.adjusted(4, 18, -4, -4))
            painter.setFont(small)
            painter.setPen(QColor("#555555"))
            painter.drawText(rect.adjusted(8, 2, 0, 0), label)
        top += line_count * CELL_H
        painter.setPen(QColor("#dddddd"))
        painter.drawLine(0, top - 1, width, top - 1)
    painter.end()
    return image


def blind_sheet(exercise: Exercise) -> QImage:
    """One loop of `exercise` in BLIND_FRAMES numbered frames, with nothing that names it.

    Only the first side: a rater sees what one repetition looks like. The frames are
    evenly spaced through the loop (phase i / BLIND_FRAMES), as the player passes them.
    """
    figure = exercise.figure
    assert figure is not None
    scene = scene_for(figure)
    cell_w, cell_h = BLIND_CELL
    rows = math.ceil(BLIND_FRAMES / BLIND_COLUMNS)
    image = QImage(BLIND_COLUMNS * cell_w, rows * cell_h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(16)
    painter.setFont(font)
    for index in range(BLIND_FRAMES):
        row, col = divmod(index, BLIND_COLUMNS)
        rect = QRectF(col * cell_w, row * cell_h, cell_w, cell_h)
        pose = figure.at_phase(index / BLIND_FRAMES)
        paint_drawing(painter, scene.drawing(pose), STYLE, rect.adjusted(6, 24, -6, -6))
        painter.setPen(QColor("#555555"))
        painter.drawText(rect.adjusted(8, 4, 0, 0), f"{index + 1}/{BLIND_FRAMES}")
        painter.setPen(QColor("#dddddd"))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
    painter.end()
    return image


def still_sheet(exercise: Exercise) -> QImage:
    """The exercise's still picture in one row, with nothing that names it: what the
    printed sheet shows, and the player with reduced motion (there two to a row)."""
    figure = exercise.figure
    assert figure is not None
    drawing = scene_for(figure).row([pose for _, pose in figure.still_poses])
    height = round(STILL_WIDTH * drawing.height / drawing.width) + 20
    image = QImage(STILL_WIDTH, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_drawing(painter, drawing, STYLE, QRectF(10, 10, STILL_WIDTH - 20, height - 20))
    painter.end()
    return image


def blind_letters(count: int, seed: int) -> list[str]:
    """`count` different sheet letters (A, B, ..., then AA, AB, ...) in a seeded order."""
    letters = list(string.ascii_uppercase)
    letters += [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]
    chosen = letters[:count]
    random.Random(seed).shuffle(chosen)
    return chosen


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_blind_round(
    exercises: list[Exercise], names: list[str], out: Path, seed: int, *, still: bool = False
) -> dict[str, str]:
    """Sheets sheet_X.png in `out`, key.json ({sheet: exercise id}), rater.md and round.md.

    rater.md is the question for one rater and one sheet (SHEET stands for its path),
    round.md for one rater and every sheet in the folder (FOLDER stands for its path).

    The sheet's letter is shuffled by `seed`, so a rater cannot guess the exercise from
    its place in the library; `names` is every exercise a rater can choose from (all of
    the library's, even when only some are drawn). `still` draws each exercise's still
    picture instead of eight frames, and asks what a person copying it would do wrong:
    a still picture shows what the moving one passes by (a head that reads as tipped
    back, a loop that seems to go only one way).
    """
    out.mkdir(parents=True, exist_ok=True)
    key: dict[str, str] = {}
    draw = still_sheet if still else blind_sheet
    for letter, exercise in zip(blind_letters(len(exercises), seed), exercises, strict=True):
        sheet = f"sheet_{letter}.png"
        tmp = out / f"sheet_{letter}.tmp.png"
        draw(exercise).save(str(tmp))
        tmp.replace(out / sheet)
        key[sheet] = exercise.id
    _write_text(out / "key.json", json.dumps(dict(sorted(key.items())), indent=1) + "\n")
    fields = {"frames": BLIND_FRAMES, "count": len(names), "names": "; ".join(names)}
    wrong = STILL_WRONG if still else ""
    one = RATER_INTRO + (ONE_STILL if still else ONE_SHEET).format(**fields)
    one += RATER_QUESTION.format(each="", **fields) + wrong
    _write_text(out / "rater.md", one)
    whole = RATER_INTRO + (WHOLE_STILL if still else WHOLE_ROUND).format(**fields)
    whole += RATER_QUESTION.format(each=" for each sheet, headed by its file name", **fields)
    _write_text(out / "round.md", whole + wrong)
    return key


def write_pair_round(
    pairs: list[tuple[Exercise, QImage, QImage]], out: Path, seed: int, *, still: bool = False
) -> dict[str, dict[str, object]]:
    """For each (exercise, the library's sheet, the variant's sheet), PAIR_RATERS folders
    `out/<id>-<n>/` with the two as picture_1.png and picture_2.png and the question,
    pair.md; key.json says which picture is the variant in each folder. `still`: the
    sheets are still pictures (still_sheet), and the question says so.

    The variant is the second picture for the first rater and the first for the second:
    raters lean towards one place, and a change must win from both. The third's order is
    drawn by `seed`.
    """
    out.mkdir(parents=True, exist_ok=True)
    key: dict[str, dict[str, object]] = {}
    draw = random.Random(seed)
    for exercise, library_sheet, variant_sheet in pairs:
        for n in range(1, PAIR_RATERS + 1):
            first = n == 2 or (n > 2 and draw.random() < 0.5)
            folder = out / f"{exercise.id}-{n}"
            folder.mkdir(exist_ok=True)
            pictures = (variant_sheet, library_sheet) if first else (library_sheet, variant_sheet)
            for i, picture in enumerate(pictures, 1):
                tmp = folder / f"picture_{i}.tmp.png"
                picture.save(str(tmp))
                tmp.replace(folder / f"picture_{i}.png")
            question = RATER_INTRO + PAIR_QUESTION.format(
                name=exercise.name.get("en"),
                shows=PAIR_SHOWS_STILL if still else PAIR_SHOWS.format(frames=BLIND_FRAMES),
                one=(folder / "picture_1.png").resolve(),
                two=(folder / "picture_2.png").resolve(),
            )
            _write_text(folder / "pair.md", question)
            key[folder.name] = {"exercise": exercise.id, "variant": 1 if first else 2}
    _write_text(out / "key.json", json.dumps(key, indent=1) + "\n")
    return key


def animated_gif(exercise: Exercise, path: Path) -> None:
    """One cycle (both sides for a per-side exercise) as a looping GIF, via Pillow."""
    from PIL import Image

    frames = []
    sides = (False, True) if exercise.dose(exercise_level()).per_side else (False,)
    for mirrored in sides:
        for i in range(GIF_FRAMES):
            qimage = _frame_image(exercise, i / GIF_FRAMES, mirrored, 300, 200)
            qimage = qimage.convertToFormat(QImage.Format.Format_RGB888)
            data = bytes(qimage.constBits())[: qimage.sizeInBytes()]
            frame = Image.frombuffer(
                "RGB", (qimage.width(), qimage.height()), data, "raw", "RGB", qimage.bytesPerLine()
            )
            frames.append(frame.convert("P", palette=Image.Palette.ADAPTIVE, colors=32))
    assert exercise.figure is not None
    duration = round(exercise.figure.cycle_s * 1000 / GIF_FRAMES)
    tmp = path.with_suffix(".gif.tmp")
    frames[0].save(
        tmp, format="GIF", save_all=True, append_images=frames[1:], duration=duration, loop=0
    )
    tmp.replace(path)


def exercise_level():  # type: ignore[no-untyped-def]
    from rugdiary.core.exercises import Level

    return Level.BEGINNER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--out",
        type=Path,
        help="where the sheet and GIFs go: docs/figures, or build/figures for a variant",
    )
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--strip", type=int, default=0)
    parser.add_argument("--no-gif", action="store_true")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--lenient", action="store_true", help="draw even if contacts miss")
    parser.add_argument("--blind", type=Path, help="write a blind rating round into this folder")
    parser.add_argument("--seed", type=int, default=0, help="the blind round's shuffle")
    parser.add_argument(
        "--still",
        action="store_true",
        help="the still pictures, not 8 frames (a blind round, or a side-by-side one)",
    )
    parser.add_argument(
        "--pair",
        type=Path,
        metavar="DIR",
        help="set each variant beside the library's picture, for raters to compare",
    )
    parser.add_argument(
        "--exercise",
        type=Path,
        metavar="FILE",
        action="append",
        default=[],
        help="draw this exercise file instead of the library's one with its id",
    )
    parser.add_argument(
        "--camera",
        action="append",
        default=[],
        metavar="NAME=YAW,PITCH",
        help="move a camera for this run (degrees, as in CAMERA_ANGLES)",
    )
    args = parser.parse_args(argv)
    try:
        cameras = _camera_overrides(args.camera)
    except ValueError as error:
        print(f"--camera: {error}", file=sys.stderr)
        return 2
    if args.pair is not None:
        return _pair(args, cameras)
    with _cameras_moved(cameras):
        return _run(args)


@contextlib.contextmanager
def _cameras_moved(cameras: dict[str, tuple[float, float]]) -> Iterator[None]:
    """CAMERA_ANGLES with `cameras` moved, and back as they were afterwards."""
    saved = dict(CAMERA_ANGLES)
    CAMERA_ANGLES.update(cameras)
    # scenes are cached per figure; one built from a moved camera must not outlive the run
    scene_for.cache_clear()
    try:
        yield
    finally:
        CAMERA_ANGLES.clear()
        CAMERA_ANGLES.update(saved)
        scene_for.cache_clear()


def _camera_overrides(items: list[str]) -> dict[str, tuple[float, float]]:
    """`NAME=YAW,PITCH` strings as CAMERA_ANGLES entries; a bad one raises ValueError."""
    out: dict[str, tuple[float, float]] = {}
    for item in items:
        name, _, angles = item.partition("=")
        if name not in CAMERA_ANGLES:
            raise ValueError(f"no camera {name!r}; the cameras are: {', '.join(CAMERA_ANGLES)}")
        try:
            yaw, pitch = (float(v) for v in angles.split(","))
        except ValueError:
            raise ValueError(f"{item!r}: write NAME=YAW,PITCH, e.g. side=14,8") from None
        if not -90.0 <= pitch <= 90.0:
            raise ValueError(f"{item!r}: the pitch must be from -90 to 90 degrees")
        out[name] = (yaw, pitch)
    return out


def _pair(args: argparse.Namespace, cameras: dict[str, tuple[float, float]]) -> int:
    """`--pair DIR`: each variant (an --exercise file, or an --only exercise seen from a
    moved --camera) beside the library's own picture of it."""
    if not args.exercise and not (cameras and args.only):
        print(
            "--pair: give the variant: --exercise FILE, or --only ID with --camera",
            file=sys.stderr,
        )
        return 2
    if args.pair.exists() and any(args.pair.iterdir()):
        print(f"{args.pair} is not empty: choose an empty folder", file=sys.stderr)
        return 2
    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    library, exercises = loaded
    by_id = {e.id: e for e in library}
    draw = still_sheet if args.still else blind_sheet
    mine = [draw(by_id[e.id]) for e in exercises]  # from the library's cameras
    with _cameras_moved(cameras):
        pairs = [(e, lib, draw(e)) for e, lib in zip(exercises, mine, strict=True)]
    key = write_pair_round(pairs, args.pair, args.seed, still=args.still)
    print(f"{len(key)} folders with picture_1.png, picture_2.png and pair.md in {args.pair}")
    return 0


def _load(args: argparse.Namespace) -> tuple[list[Exercise], list[Exercise]] | int:
    """The library's exercises with figures, and the ones to draw (variants in place of
    theirs); or the exit code after saying what is wrong."""
    if args.lenient:
        import rugdiary.core.figures as figures

        figures.CONTACT_TOLERANCE_CM = 100.0
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    library = [e for e in load_library(resources_dir()).exercises.values() if e.figure]
    by_id = {e.id: e for e in library}
    variants: dict[str, Exercise] = {}
    for path in args.exercise:
        try:
            variant = load_exercise_file(path)
        except (ContentError, OSError) as error:
            print(f"--exercise: {error}", file=sys.stderr)
            return 2
        if variant.id not in by_id or variant.figure is None:
            # a blind round offers the library's names: a new one would not be among them
            print(
                f"--exercise: {path} is {variant.id!r}, which is no exercise with a figure in"
                f" the library; a variant keeps the id and file name of the one it replaces",
                file=sys.stderr,
            )
            return 2
        variants[variant.id] = variant
    exercises = library
    if args.only:
        unknown = [i for i in args.only if i not in by_id]
        if unknown:
            print(
                f"--only: no figure for {', '.join(unknown)}; the ids are: {', '.join(by_id)}",
                file=sys.stderr,
            )
            return 2
        exercises = [by_id[i] for i in args.only]
    if variants:
        chosen = [*args.only, *(i for i in variants if i not in args.only)]
        exercises = [variants.get(i, by_id[i]) for i in chosen]
    return library, exercises


def _run(args: argparse.Namespace) -> int:
    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    library, exercises = loaded
    if args.blind is not None:
        if any(args.blind.glob("sheet_*.png")) or (args.blind / "key.json").exists():
            # a round is the whole folder: an earlier round's sheets would be rated with it
            print(f"{args.blind} already holds a round: choose an empty folder", file=sys.stderr)
            return 2
        names = sorted(e.name.get(args.lang) for e in library)
        key = write_blind_round(exercises, names, args.blind, args.seed, still=args.still)
        sheets = "1 sheet" if len(key) == 1 else f"{len(key)} sheets"
        print(f"{sheets}, key.json, rater.md and round.md in {args.blind}")
        return 0
    if args.out is None:
        # a variant's drawings must not stand in for the library's in docs/
        trying = args.exercise or args.camera
        args.out = Path("build/figures") if trying else Path("docs/figures")
    args.out.mkdir(parents=True, exist_ok=True)
    sheet = contact_sheet(exercises, args.strip, args.lang)
    whole = not args.only and not args.strip and not args.exercise and not args.camera
    name = "contact-sheet.png" if whole else "check.png"
    tmp = args.out / (name + ".tmp.png")
    sheet.save(str(tmp))
    tmp.replace(args.out / name)
    print(args.out / name)
    if not args.no_gif:
        for exercise in exercises:
            animated_gif(exercise, args.out / f"{exercise.id}.gif")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
