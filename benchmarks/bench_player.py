"""timer_drift_ms, cue_late_ms_p95 and idle_cpu_ms_per_10s: the player on the real Qt event loop.

cue_late_ms_p95 is measured with the voice on, in its own process (Qt's mock engine).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from rugdiary.core.content import load_library
from rugdiary.core.exercises import Exercise, Level
from rugdiary.core.programs import DoseOverride, Program, ProgramItem, Timing, build_timeline
from rugdiary.core.sessions import Session
from rugdiary.resources import resources_dir
from rugdiary.ui.audio import CuePlayer, Tone
from rugdiary.ui.player.controller import TICK_MS
from rugdiary.ui.player.page import build_player_page

DRIFT_SPEED = 120.0
"""Clock seconds per real second for the 60-minute run: it plays in 30 s."""
PROGRAM_S = 3600
STALLS = 10
STALL_PROGRAM_S = 0.55
"""Each stall blocks the event loop for 550 ms of programme time (550 / DRIFT_SPEED real)."""

CUE_SPEED = 4.0
"""The cue run plays 48 one-second steps in 12 s; lateness is reported in programme time."""

IDLE_S = 10.0

SETTLE_MS = 1000
"""Start-up work (first paints, deferred loads) left to finish before the idle time."""

IDLE_WINDOWS = 3
"""Idle time is measured this many times over and the median kept."""

IDLE_CHILD = "import sys; from benchmarks.bench_player import idle_app; idle_app(sys.argv[1])"
"""The idle app runs in a process of its own and is measured from outside (/proc), so the
measuring never wakes it. Measured from inside, the timer that reads the clock woke it
every 10 s, and a virtual machine may charge a process that wakes after ten quiet seconds
for touching its own memory again (on the machine of session 17: 0.25 ms to read one
byte of every 64 KiB of 200 MiB at once, 23 ms after a 10 s sleep): an app that did
nothing measured 0.7 to 9 ms per 10 s, one run after another."""


class ScaledClock:
    """The real monotonic clock, running `speed` times faster: real-time behaviour, sped up."""

    def __init__(self, speed: float) -> None:
        self.speed = speed
        self._origin = time.monotonic()

    def monotonic(self) -> float:
        return 1000.0 + (time.monotonic() - self._origin) * self.speed

    def now(self) -> datetime:
        return datetime.now().astimezone()


class MemoryStore:
    """Sessions kept in memory: the benchmark measures timing, not the disk."""

    def __init__(self) -> None:
        self.sessions: list[Session] = []

    def add(self, session: Session) -> Session:
        self.sessions.append(session)
        return session

    def update(self, session: Session) -> Session:
        return session


class Silent:
    """Cue output that only counts, so no sound device is needed."""

    def __init__(self) -> None:
        self.count = 0

    def prepare(self) -> None:
        pass

    def play_tone(self, kind: Tone) -> bool:
        self.count += 1
        return True

    def say(self, text: str) -> None:
        self.count += 1


def _app() -> QApplication:
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


def _sixty_minutes(exercises: dict[str, Exercise]) -> Program:
    """A realistic mix of holds, reps and rests, padded with walking to exactly one hour."""
    cycle = ["bird-dog", "glute-bridge", "cat-camel", "curl-up", "dead-bug", "side-plank-knees"]
    items = [ProgramItem(cycle[i % len(cycle)]) for i in range(24)]

    def program(with_items: list[ProgramItem]) -> Program:
        return Program(
            id="bench-hour",
            name=exercises["walking"].name,
            description=exercises["walking"].name,
            frequency=exercises["walking"].name,
            level=Level.ADVANCED,
            sessions_per_week=1,
            items=tuple(with_items),
        )

    while build_timeline(program(items), exercises, Level.ADVANCED).total_s > PROGRAM_S - 120:
        items.pop()
    base = build_timeline(program(items), exercises, Level.ADVANCED).total_s
    walk = PROGRAM_S - base - Timing().transition_s
    items.append(ProgramItem("walking", overrides=(("all", DoseOverride(duration_s=walk)),)))
    result = program(items)
    assert build_timeline(result, exercises, Level.ADVANCED).total_s == PROGRAM_S
    return result


def _short_steps(exercises: dict[str, Exercise]) -> Program:
    """48 one-second phase changes: reps of one second, no rests."""
    one_second = DoseOverride(reps=23, sets=1, tempo_s=1, rest_s=0)
    return Program(
        id="bench-cues",
        name=exercises["pelvic-tilt"].name,
        description=exercises["pelvic-tilt"].name,
        frequency=exercises["pelvic-tilt"].name,
        level=Level.BEGINNER,
        sessions_per_week=1,
        items=(
            ProgramItem("pelvic-tilt", overrides=(("all", one_second),)),
            ProgramItem("cat-camel", overrides=(("all", one_second),)),
        ),
    )


class VoiceOnly(CuePlayer):
    """The real cue output with its voice process (Qt's mock engine), tones only counted."""

    def __init__(self) -> None:
        super().__init__(sound=False, voice=True, voice_engine="mock", lang="en")
        # The benchmark quits its event loop between runs; the voice ends with shutdown().
        QCoreApplication.instance().aboutToQuit.disconnect(self.shutdown)
        self.count = 0
        self.said = 0

    def prepare(self) -> None:
        super().prepare()
        voice = self.voice_process
        if voice is not None:
            voice.answered.connect(self._count)

    def _count(self, answer: dict[str, object]) -> None:
        self.said += answer["event"] == "said"

    def play_tone(self, kind: Tone) -> bool:
        self.count += 1
        return True


def _wait_for_voice(app: QApplication, cues: VoiceOnly) -> None:
    """Let the voice process build its engine, as it does while the pain form is filled in."""
    voice = cues.voice_process
    assert voice is not None
    poll = QTimer()
    poll.timeout.connect(lambda: (voice.ready or voice.gone) and app.quit())
    poll.start(20)
    app.exec()
    poll.stop()
    assert voice.ready, f"the voice process did not start: {cues._voice_cause}"


def _play(
    app: QApplication,
    program: Program,
    speed: float,
    *,
    stalls: int = 0,
    cues: Silent | VoiceOnly | None = None,
) -> tuple[float, float, list[float], int]:
    """Play `program` on the event loop.

    Returns (UI end - expected end, engine end - expected end, lateness of each step start,
    timer wake-ups), times in programme seconds.
    """
    library = load_library(resources_dir())
    exercises = dict(library.exercises)
    clock = ScaledClock(speed)
    cues = cues if cues is not None else Silent()
    page = build_player_page(exercises, MemoryStore(), clock, cues=cues, lang="en")
    controller = page.controller
    controller.clock_speed = speed
    window = QMainWindow()
    window.setCentralWidget(page.view)
    window.resize(1100, 720)
    window.show()
    lates: list[float] = []
    ticks = 0
    seen_end: list[float] = []
    controller.stepStarted.connect(lambda _step, late: lates.append(late))

    def count_tick() -> None:
        nonlocal ticks
        ticks += 1

    controller.timer.timeout.connect(count_tick)

    def ended(running: bool) -> None:
        if not running:
            seen_end.append(clock.monotonic())
            QTimer.singleShot(0, app.quit)

    controller.runningChanged.connect(ended)
    timeline_s = build_timeline(program, exercises, Level(program.level)).total_s
    real_s = timeline_s / speed
    stall_timers = []
    for i in range(stalls):
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: time.sleep(STALL_PROGRAM_S / speed))
        timer.start(round(real_s * 1000 * (i + 1) / (stalls + 1)))
        stall_timers.append(timer)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(app.quit)
    guard.start(round(real_s * 1000) + 10_000)

    assert controller.start(program, Level(program.level))
    if isinstance(cues, VoiceOnly):
        _wait_for_voice(app, cues)
    controller.begin()
    engine = controller.engine
    assert engine is not None
    started = clock.monotonic()
    # The first step began at `started` (within microseconds); the end is due planned_s later.
    first_start = started - engine.step_elapsed_s
    app.exec()
    expected_end = first_start + timeline_s
    assert seen_end, "the programme did not finish in time"
    assert engine.ended_at is not None
    result = (seen_end[0] - expected_end, engine.ended_at - expected_end, lates, ticks)
    window.close()
    window.deleteLater()
    app.processEvents()
    return result


def idle_app(folder: str) -> None:
    """The idle app, in the process IDLE_CHILD starts: every kind of reminder switched on,
    movement breaks on sitting time with an activity source sampling, the main window with
    its banner and reminder service (diary, exercise and movement reminders, none due
    during the measurement), and a player page that is not playing. Prints "ready" once
    start-up work has settled, then idles until it is killed."""
    from datetime import timedelta

    from rugdiary.core.activity import FakeActivitySource
    from rugdiary.core.clock import SystemClock
    from rugdiary.storage.database import Database
    from rugdiary.storage.repositories import SessionRepository, SittingRepository
    from rugdiary.ui.activity import detect_activity_source
    from rugdiary.ui.main_window import MainWindow
    from rugdiary.ui.reminders import ReminderService
    from rugdiary.ui.services import Services

    app = _app()
    library = load_library(resources_dir())
    clock = SystemClock()
    db = Database.open(Path(folder), clock=clock)
    services = Services.for_database(db, clock)
    later = (clock.now() + timedelta(hours=2)).strftime("%H:%M")
    services.settings.set(
        "reminders",
        {
            "diary": {"enabled": True, "time": later},
            "exercises": [{"program_id": "desk-break", "days": list(range(7)), "time": later}],
            "breaks": {
                "enabled": True,
                "every_min": 50,
                "start": "00:00",
                "end": "23:59",
                "days": list(range(7)),
            },
            "quiet": {"enabled": False},
        },
    )
    # Movement breaks on sitting time (issue 19): this desktop's activity source, or where
    # there is none (headless), a fake desk that is always in use.
    desk = FakeActivitySource(clock)
    desk.sit(clock.now() - timedelta(hours=1), clock.now() + timedelta(hours=1))
    reminders = ReminderService(
        services.settings,
        services.entries,
        clock,
        activity=lambda: detect_activity_source() or desk,
        sitting=SittingRepository(db),
    )
    main = MainWindow(services, settings=None, reminders=reminders)
    main.show()
    reminders.start()
    assert reminders.timer.isActive(), "reminders are on: one timer waits for the next"
    assert reminders.activity_timer.isActive(), "an activity source samples sitting"
    page = build_player_page(library.exercises, SessionRepository(db), clock, lang="en")
    holder = QMainWindow()
    holder.setCentralWidget(page.view)
    holder.resize(1100, 720)
    holder.show()

    def ready() -> None:
        assert main.isVisible(), "the main window is open"
        assert holder.isVisible(), "the player page is open"
        print("ready", flush=True)

    QTimer.singleShot(SETTLE_MS, ready)
    app.exec()


def _idle_cpu_ms() -> tuple[float, float]:
    """CPU time of the idle app (`idle_app`) for IDLE_S seconds, and how often it woke in
    them, both per 10 s: the median of IDLE_WINDOWS windows, read from /proc."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="rugdiary-idle-") as folder:
        child = subprocess.Popen(
            [sys.executable, "-c", IDLE_CHILD, folder], stdout=subprocess.PIPE, text=True, env=env
        )
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready", "the idle app started"
            samples = []
            for window in range(IDLE_WINDOWS + 1):
                if window:
                    time.sleep(IDLE_S)
                assert child.poll() is None, "the idle app is still running"
                samples.append(_run_time_and_wakeups(child.pid))
        finally:
            child.kill()
            child.wait(timeout=30)
    assert samples[0][0] > 0, "the idle app's CPU time is read: its start-up used some"
    per_10s = 10.0 / IDLE_S
    cpu_ns = statistics.median(b[0] - a[0] for a, b in pairwise(samples))
    woke = statistics.median(b[1] - a[1] for a, b in pairwise(samples))
    return cpu_ns / 1e6 * per_10s, woke * per_10s


def _run_time_and_wakeups(pid: int) -> tuple[int, int]:
    """A process's CPU time (ns, every thread) and how often its threads went to sleep."""
    run_ns = wakes = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        run_ns += int((task / "schedstat").read_text(encoding="ascii").split()[0])
        for line in (task / "status").read_text(encoding="ascii").splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                wakes += int(line.split()[1])
    return run_ns, wakes


def run() -> dict[str, float]:
    app = _app()
    library = load_library(resources_dir())
    exercises = dict(library.exercises)
    results: dict[str, float] = {}

    idle, woke = _idle_cpu_ms()
    results["idle_cpu_ms_per_10s"] = round(idle, 2)
    results["idle_wakeups_per_10s"] = round(woke, 1)

    # The voice runs in its own process (speech_child, mock engine) during the cue run.
    voiced = VoiceOnly()
    _ui_late, _engine, lates, _ticks = _play(app, _short_steps(exercises), CUE_SPEED, cues=voiced)
    voiced.shutdown()
    lates_ms = sorted(late * 1000 for late in lates)
    p95 = statistics.quantiles(lates_ms, n=20)[-1] if len(lates_ms) >= 2 else lates_ms[0]
    results["cue_late_ms_p95"] = round(p95, 2)
    results["cue_voice_lines_said"] = float(voiced.said)
    _ui_late, _engine, silent_lates, _ticks = _play(app, _short_steps(exercises), CUE_SPEED)
    silent_ms = sorted(late * 1000 for late in silent_lates)
    results["cue_late_ms_p95_no_voice"] = round(statistics.quantiles(silent_ms, n=20)[-1], 2)
    results["cue_late_ms_max"] = round(lates_ms[-1], 2)
    results["cue_late_real_ms_p95"] = round(p95 / CUE_SPEED, 2)
    results["cue_samples"] = float(len(lates_ms))

    ui_late, engine_late, _lates, ticks = _play(
        app, _sixty_minutes(exercises), DRIFT_SPEED, stalls=STALLS
    )
    results["timer_drift_ms"] = round(abs(ui_late) * 1000, 1)
    results["timer_drift_real_ms"] = round(abs(ui_late) * 1000 / DRIFT_SPEED, 2)
    results["timer_drift_engine_ms"] = round(abs(engine_late) * 1000, 3)
    # One tick of the running player, in programme time at this speed (the target: <= 1 tick).
    results["timer_tick_ms"] = TICK_MS * DRIFT_SPEED
    results["timer_drift_ticks"] = round(abs(ui_late) * 1000 / (TICK_MS * DRIFT_SPEED), 4)
    results["timer_wakeups"] = float(ticks)
    return results


if __name__ == "__main__":
    t0 = time.perf_counter()
    for key, value in run().items():
        print(f"{key}: {value}")
    print(f"(took {time.perf_counter() - t0:.1f} s)")
