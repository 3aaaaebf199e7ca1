"""A bot worker gives back the memory its warm-up freed (glibc's trim threshold, fixed)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from assistant.settings import PROJECT_ROOT

SCRIPT = """
import re, sys
from integrations.slack.malloc import return_freed_memory

if sys.argv[1] == "fixed":
    assert return_freed_memory()
rss = lambda: int(re.search(r"VmRSS:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
big = bytearray(20_000_000)  # a large buffer, freed: glibc raises its thresholds
del big
before = rss()
blocks = [bytearray(100_000) for _ in range(300)]  # 30 MB the warm-up needed a while
del blocks
print(rss() - before)
"""


def held_after_freeing(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip())


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")
def test_worker_memory_freed_by_the_warm_up_goes_back_to_the_system() -> None:
    kept_by_default = held_after_freeing("default")
    kept_when_fixed = held_after_freeing("fixed")

    assert kept_by_default > 20_000  # KB: glibc held on to the 30 MB
    assert kept_when_fixed < 5_000
