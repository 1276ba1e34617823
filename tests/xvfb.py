"""A private Xvfb display for the tests and benchmarks that need a real X server."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

MISSING_XVFB = "Xvfb is not installed (.ci/run installs it)"


def has_xvfb() -> bool:
    return shutil.which("Xvfb") is not None


@contextmanager
def xvfb_display(size: str = "1280x800") -> Iterator[str]:
    """Start Xvfb on a free display (it picks the number and tells it), yield ":N", stop it."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        if not number:
            raise RuntimeError("Xvfb did not report a display")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
