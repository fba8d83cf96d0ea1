"""Where and when a figure was measured: date, git commit, machine and load, for the reports."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def machine_info() -> dict:
    """Date (UTC), commit (with ``+changes`` when the working tree differs from it), machine and load."""
    commit = _git("rev-parse", "--short=12", "HEAD") or "unknown"
    if _git("status", "--porcelain", "--untracked-files=no"):
        commit += "+changes"
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "machine": f"{_cpu_model()}, {os.cpu_count()} cores, {_memory_gib()} GiB, {platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "load_average": load_average(),
    }


def header(info: dict) -> str:
    """The measurement conditions as a Markdown list."""
    return "\n".join([
        f"- date: {info['date']}",
        f"- commit: `{info['commit']}`",
        f"- machine: {info['machine']}; Python {info['python']}",
        f"- load average (1 min) at start: {info['load_average']}" + (f", at end: {info['load_average_end']}" if "load_average_end" in info else ""),
    ])


def best_of(repeats: int, fn) -> float:
    """The shortest of ``repeats`` wall-clock times of ``fn()``, in seconds."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)
