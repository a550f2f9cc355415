"""Run every benchmark: `python -m benchmarks.run [--smoke] [NAME ...]` (from the repository root).

--smoke runs each benchmark once at a small size (CI does, after the tests), so that none can rot unnoticed;
its figures say nothing about the targets. NAME selects benchmarks whose module name contains it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
from pathlib import Path

from benchmarks import common

BENCHMARKS = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="every benchmark once, at a small size")
    parser.add_argument("names", nargs="*", metavar="NAME")
    args = parser.parse_args(argv)
    if args.smoke:  # before the benchmarks are imported: they size themselves with common.size at import
        common.SMOKE = True
        os.environ[common.SMOKE_VARIABLE] = "1"
    chosen = [name for name in BENCHMARKS if not args.names or any(s in name for s in args.names)]
    if not chosen:
        parser.error(f"no benchmark matches {args.names}; there are {', '.join(BENCHMARKS)}")
    print(f"parkdesk benchmarks{' (smoke: small sizes, one run each)' if args.smoke else ''} — "
          f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    for name in chosen:
        print(f"\n## {name}", flush=True)
        start = time.perf_counter()
        importlib.import_module(f"benchmarks.{name}").main()
        print(f"({name} took {time.perf_counter() - start:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
