"""The benchmarks keep running: CI runs each once at a small size after the tests (`benchmarks.run --smoke`).
No figure is checked here: speed targets live in benchmarks/ and are read by people."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_every_benchmark_in_its_smoke_size_after_the_tests():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    tests = next(i for i, line in enumerate(lines) if line.startswith("./dev.sh test"))
    smoke = next(i for i, line in enumerate(lines) if "-m benchmarks.run --smoke" in line)
    assert tests < smoke and lines[smoke].endswith("--smoke")  # every benchmark, none left out


def test_the_inbox_benchmark_runs_in_its_smoke_size(tmp_path):
    """It built packages of parks outside the reviewer's district, which the inbox refuses, and stopped."""
    run = subprocess.run([sys.executable, "-m", "benchmarks.run", "--smoke", "bench_inbox"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)})
    assert run.returncode == 0, run.stderr[-2000:]
    assert "smoke" in run.stdout and "import 25 packages into the inbox" in run.stdout


def test_an_unknown_benchmark_name_is_refused():
    run = subprocess.run([sys.executable, "-m", "benchmarks.run", "--smoke", "no-such-benchmark"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 2 and "bench_inbox" in run.stderr
