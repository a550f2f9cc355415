"""Timing helpers: every figure is printed beside a baseline measured in the same run.

`python -m benchmarks.run --smoke` sets SMOKE_VARIABLE: every benchmark then runs once at a small size
(`size(full, smoke)`), so CI proves each still runs; its figures are not the targets' measurements.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Callable

SMOKE_VARIABLE = "PARKDESK_BENCH_SMOKE"
SMOKE = os.environ.get(SMOKE_VARIABLE) == "1"


def size(full: int, smoke: int) -> int:
    """The size a benchmark measures at, or its small size in a smoke run."""
    return smoke if SMOKE else full


def measure(action: Callable[[], object], repeat: int = 3, setup: Callable[[], object] | None = None) -> float:
    """Median wall time of `action` in seconds over `repeat` runs (setup not timed); one run in a smoke run."""
    times = []
    for _ in range(1 if SMOKE else repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def alternating(action: Callable[[], object], baseline: Callable[[], object], repeat: int = 3,
                setup: Callable[[], object] | None = None) -> tuple[float, float]:
    """Medians of `action` and `baseline` run in turns, so a busy machine weighs on both alike."""
    times: tuple[list, list] = ([], [])
    for _ in range(1 if SMOKE else repeat):
        times[0].append(measure(action, 1, setup=setup))
        times[1].append(measure(baseline, 1))
    return statistics.median(times[0]), statistics.median(times[1])


def report(name: str, seconds: float, baseline_name: str, baseline: float, target: str = "") -> str:
    ratio = seconds / baseline if baseline else float("inf")
    line = f"{name:<52} {seconds * 1000:9.1f} ms   baseline {baseline_name}: {baseline * 1000:9.1f} ms   ×{ratio:5.2f}"
    if target:
        line += f"   target {target}"
    print(line, flush=True)
    return line
