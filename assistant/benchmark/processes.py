"""Measurements that need a fresh process: cold start to first answer, peak memory.

The child runs the installed `cuemap` command with its own data dir, exactly as a user
would start it; nothing is imported or warmed in advance.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path


def cuemap_command() -> list[str]:
    script = Path(sys.executable).with_name("cuemap")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from assistant.cli import main; main()"]


def child_env(data_dir: Path, corpus_dir: Path, **extra: str) -> dict[str, str]:
    """The caller's environment (PATH, HOME...) with the bench's data and corpus dirs. Python
    caches compiled modules, as it does on a user's machine: a shell that turns the cache off
    (PYTHONDONTWRITEBYTECODE) would make every start compile CueMap's modules again."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CUEMAP_", "SLACK_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(CUEMAP_DATA_DIR=str(data_dir), CUEMAP_CORPUS_DIR=str(corpus_dir), **extra)
    return env


@dataclass(frozen=True)
class ColdStart:
    seconds: float  # process start to the answer on stdout
    peak_rss_mb: float
    abstained: bool


def cold_start(data_dir: Path, corpus_dir: Path, question: str, **env: str) -> ColdStart:
    """`cuemap ask --json QUESTION` in a new process over an index already built (`env`: more
    CUEMAP_* settings, e.g. the embedding backend)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*cuemap_command(), "ask", "--json", question],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=child_env(data_dir, corpus_dir, **env),
        text=True,
    )
    assert process.stdout is not None
    peak = PeakWatch(process.pid)
    first_line = process.stdout.readline()
    seconds = time.perf_counter() - started
    rest = process.stdout.read()
    process.wait()
    if process.returncode != 0 or not first_line:
        raise RuntimeError(f"cuemap ask exited with {process.returncode}")
    return ColdStart(
        seconds=seconds,
        peak_rss_mb=peak.stop() / 1024,
        abstained='"abstained": true' in first_line + rest,
    )


class PeakWatch(threading.Thread):
    """The child's own peak resident set (VmHWM), read while it runs.

    Not the rusage of the finished child: Linux carries the parent's high-water mark into a
    child started from it (through exec), so a child of this process, which holds the model
    and the index, would report the bench's own memory rather than its own.
    """

    def __init__(self, pid: int, every_s: float = 0.01) -> None:
        super().__init__(daemon=True)
        self._pid, self._every, self.peak_kb = pid, every_s, 0
        self._done = threading.Event()
        self.start()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, _vm_hwm_kb(self._pid))
            self._done.wait(self._every)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak_kb


def reingest_process(data_dir: Path, corpus_dir: Path, **env: str) -> float:
    """Wall time of a whole `cuemap ingest` process over an index that is already current."""
    started = time.perf_counter()
    subprocess.run(
        [*cuemap_command(), "ingest"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=child_env(data_dir, corpus_dir, **env),
        check=True,
    )
    return time.perf_counter() - started


def peak_rss_mb(pid: int) -> float:
    """Largest peak resident set (VmHWM) of `pid` and its descendants (gunicorn's workers)."""
    peaks = [_vm_hwm_kb(p) for p in _tree(pid)]
    return max(peaks, default=0) / 1024


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def _vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
