"""Generate the player's cue tones into resources/sounds/ with the standard library only."""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 16_000
"""Samples per second: plenty for soft tones below 2 kHz and keeps each file a few KB."""

AMPLITUDE = 0.35
"""Peak level as a fraction of full scale: audible across a room, never startling."""

# Each sound is a list of notes: (frequency in Hz, start in s, length in s).
SOUNDS: dict[str, list[tuple[float, float, float]]] = {
    # A soft rising pair of notes (E5, A5) when a new phase begins.
    "phase": [(659.25, 0.0, 0.18), (880.0, 0.09, 0.2)],
    # One short, quiet blip for each of the last three seconds of a hold.
    "tick": [(987.77, 0.0, 0.07)],
    # Three gentle rising notes (C5, E5, G5) when the programme is done.
    "end": [(523.25, 0.0, 0.22), (659.25, 0.14, 0.22), (783.99, 0.28, 0.34)],
}


def _note(t: float, frequency: float, length: float) -> float:
    """A sine with a quick attack and a long exponential fade: a soft bell, no click."""
    if t < 0 or t > length:
        return 0.0
    attack = min(1.0, t / 0.008)
    fade = math.exp(-4.0 * t / length) * min(1.0, (length - t) / 0.01)
    return (
        attack
        * fade
        * (math.sin(2 * math.pi * frequency * t) + 0.2 * math.sin(4 * math.pi * frequency * t))
    )


def render(notes: list[tuple[float, float, float]]) -> bytes:
    """16-bit mono PCM of the notes mixed together and normalised to AMPLITUDE."""
    total = max(start + length for _, start, length in notes)
    count = int(total * RATE) + 1
    samples = [
        sum(_note(i / RATE - start, freq, length) for freq, start, length in notes)
        for i in range(count)
    ]
    peak = max(abs(s) for s in samples) or 1.0
    scale = AMPLITUDE * 32767 / peak
    return b"".join(struct.pack("<h", round(s * scale)) for s in samples)


def write_all(folder: Path) -> list[Path]:
    """Write every sound as <name>.wav into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, notes in SOUNDS.items():
        path = folder / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(render(notes))
        written.append(path)
    return written


def main() -> int:
    folder = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / "resources" / "sounds"
    )
    for path in write_all(folder):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
