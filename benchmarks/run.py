"""Run every benchmark: `python -m benchmarks.run` (from the repository root)."""

from __future__ import annotations

import importlib
import platform
import sys
from pathlib import Path

BENCHMARKS = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))


def main(selected: list[str]) -> None:
    print(f"parkdesk benchmarks — Python {platform.python_version()}, {platform.machine()}, "
          f"{__import__('os').cpu_count()} cores")
    for name in BENCHMARKS:
        if selected and not any(s in name for s in selected):
            continue
        print(f"\n## {name}")
        importlib.import_module(f"benchmarks.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
