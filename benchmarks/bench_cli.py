"""Starting the command line: `parkdesk --version`, `parkdesk --help` and a small command (`parkdesk parks WS`).

Baseline, measured in the same run and in turns with each command: a bare `python -c pass` of the same
interpreter. Targets (issue 18): --version and --help at most 0.3 s more than the bare interpreter, `parks` at
most 0.5 s more.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import alternating, report

REPEAT = 7


def _entry_point() -> list[str]:
    """The installed `parkdesk` script beside this interpreter (what users run), else `python -m parkdesk`."""
    script = Path(sys.executable).with_name("parkdesk")
    if script.exists():
        return [str(script)]
    found = shutil.which("parkdesk")
    return [found] if found else [sys.executable, "-m", "parkdesk"]


def _runner(command: list[str]):
    environment = {**os.environ, "PARKDESK_LANG": "zh"}

    def run() -> None:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    return run


def main() -> None:
    parkdesk = _entry_point()
    bare = _runner([sys.executable, "-c", "pass"])
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder) / "ws.sqlite"
        subprocess.run([*parkdesk, "init", "--out", str(workspace), "--park", "QLRJY"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cases = (("parkdesk --version", ["--version"], 0.3), ("parkdesk --help", ["--help"], 0.3),
                 ("parkdesk parks WS", ["parks", str(workspace)], 0.5))
        for name, arguments, allowed in cases:
            seconds, baseline = alternating(_runner([*parkdesk, *arguments]), bare, repeat=REPEAT)
            report(name, seconds, "bare python -c pass", baseline, target=f"≤ +{allowed:.1f} s")
            extra = seconds - baseline
            print(f"{'':<52} {'+' if extra >= 0 else ''}{extra:.3f} s over the bare interpreter: "
                  f"{'met' if extra <= allowed else 'MISSED'}", flush=True)


if __name__ == "__main__":
    main()
