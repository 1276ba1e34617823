"""The real speech-dispatcher, stopped with SIGSTOP in the middle of a session on Xvfb."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

NEEDED = ("Xvfb", "speech-dispatcher", "pulseaudio", "espeak-ng")
MISSING = [tool for tool in NEEDED if shutil.which(tool) is None]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="speech-dispatcher is Linux"),
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"{', '.join(MISSING)} not installed (apt-get install xvfb speech-dispatcher "
        "speech-dispatcher-espeak-ng espeak-ng pulseaudio)",
    ),
]

SESSION = str(Path(__file__).with_name("speechd_session.py"))


def _wait_for_path(path: Path, process: subprocess.Popen[bytes], timeout: float) -> None:
    # A separate program starting up: there is no Qt event loop here to wait on.
    import time

    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{process.args[0]} did not start: no {path}")
        time.sleep(0.05)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Xvfb, a PulseAudio null sink and speech-dispatcher, private to this test."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    env.pop("RUGDIARY_VOICE_ENGINE", None)
    started: list[subprocess.Popen[bytes]] = []
    try:
        pulse_socket = home / "pulse-native"
        pulse = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "-L",
                "module-null-sink sink_name=null",
                "-L",
                f"module-native-protocol-unix socket={pulse_socket} auth-anonymous=1",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(pulse)
        _wait_for_path(pulse_socket, pulse, 20)
        env["PULSE_SERVER"] = f"unix:{pulse_socket}"
        conf = home / "speechd"
        shutil.copytree("/etc/speech-dispatcher", conf)
        text = (conf / "speechd.conf").read_text()
        text = text.replace("\nDisableAutoSpawn", "\n")
        text += (
            '\nAudioOutputMethod "pulse"\n'
            'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
            "DefaultModule espeak-ng\n"
        )
        (conf / "speechd.conf").write_text(text)
        sd_socket = home / "speechd.sock"
        speechd = subprocess.Popen(
            [
                "speech-dispatcher",
                "-s",
                "-t",
                "0",
                "-c",
                "unix_socket",
                "-S",
                str(sd_socket),
                "-C",
                str(conf),
                "-L",
                str(home),
                "-P",
                str(home / "speechd.pid"),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(speechd)
        _wait_for_path(sd_socket, speechd, 20)
        env["SPEECHD_ADDRESS"] = f"unix_socket:{sd_socket}"
        # The display last: the sound and speech services do not need it.
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_fd,),
            stderr=subprocess.DEVNULL,
        )
        started.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            display = ":" + pipe.readline().strip()
        env["DISPLAY"] = display
        env["QT_QPA_PLATFORM"] = "xcb"
        env["SPEECHD_PID"] = str(speechd.pid)
        yield env
    finally:
        for process in reversed(started):
            if process.poll() is None:
                process.send_signal(signal.SIGCONT)
                process.kill()
            process.wait(timeout=10)


def test_speech_dispatcher_stopped_mid_session_does_not_stop_the_player(
    services: dict[str, str],
) -> None:
    out = subprocess.run(
        [sys.executable, SESSION, services["SPEECHD_PID"]],
        env=services,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    events = [answer["event"] for _at, answer in result["answers"]]
    assert "ready" in events, f"the voice did not start: {result['told']} {out.stderr[-2000:]}"
    assert "began" in result
    stopped = result["stopped_at"]
    said_before = [a for at, a in result["answers"] if a["event"] == "said" and at < stopped]
    assert said_before, "the voice spoke before speech-dispatcher was stopped"
    after = [(round(at - stopped, 2), a) for at, a in result["answers"] if at >= stopped - 5]
    assert len(result["told"]) == 1, f"told {result['told']}; answers around the stop: {after}"
    told_at, reason = result["told"][0]
    # Either spd_say blocked (the child stopped answering and was killed), or the engine
    # never finished its line (the child itself gave up on the speech service).
    assert reason in (
        "Voice cues are off: the voice stopped answering. The player goes on with tones and text.",
        "Voice cues are off: the speech service does not answer.",
    )
    assert told_at > stopped
    late_tones = [at for at in result["tones"] if at > stopped + 1.0]
    assert len(late_tones) >= 5, "tones go on while speech-dispatcher is stopped"
    ticks = [t for t in result["ticks"] if t >= result["began"]]
    gaps = [b - a for a, b in pairwise(ticks)]
    assert len(gaps) > 50
    assert max(gaps) < 0.150, f"the player's timer stalled for {max(gaps) * 1000:.0f} ms"
    assert result["shutdown_s"] < 0.2
