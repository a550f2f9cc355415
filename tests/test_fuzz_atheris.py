"""Coverage-guided fuzzing with atheris (tests/fuzz_atheris_targets.py), a few seconds per target in CI.

Where hypothesis mutates whole files along lines we chose, libFuzzer follows the branches it has not covered
yet; that is how it found the ZIP "version needed to extract" that made zipfile raise NotImplementedError out of
the package reader. Each target runs in a subprocess whose working and temporary folders are a fresh folder:
libFuzzer's crash files land there, and nothing may appear anywhere else.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fuzz_kit import LONG, SCALE, Member, snapshot, tally, write_members  # noqa: F401  (tally is a fixture)
from package_kit import kit, read_bag  # noqa: F401  (kit is a fixture)
from tools import under_ci

try:
    import atheris  # noqa: F401
except ImportError:
    # pyproject's [test] extra installs it on Linux with Python < 3.13 (wheels); elsewhere it is skipped
    if under_ci() and sys.platform.startswith("linux") and sys.version_info < (3, 13):
        pytest.fail("CI=true: atheris is missing: install parkdesk's test tools (./dev.sh test does)", pytrace=False)
    pytest.skip("atheris is not installed", allow_module_level=True)

TARGETS = Path(__file__).with_name("fuzz_atheris_targets.py")
SECONDS = 30 * SCALE if LONG else 2  # of fuzzing per target, after ~3 s of start-up


def seeds_for_packages(kit) -> list[bytes]:
    """The choice byte, then a small real input for each reader (the package without its big payload files)."""
    top, files = read_bag(kit.package)
    small = {name: data for name, data in files.items() if not name.endswith((".pdf", ".xlsx"))}
    archive = write_members([Member(f"{top}/{name}", data) for name, data in small.items()])
    return [b"\x00" + archive, b"\x01" + files["manifest-sha256.txt"], b"\x02" + files["bag-info.txt"],
            b"\x03" + files["tagmanifest-sha256.txt.p7s"], b"\x04" + files["data/report.json"][:3000]]


def seeds_for_excel() -> list[bytes]:
    from test_fuzz_excel import minimal_ods, openpyxl_list, xlsxwriter_list

    return [openpyxl_list(), xlsxwriter_list(), minimal_ods()]


@pytest.mark.parametrize("target", ["packages", "excel"])
def test_coverage_guided_fuzzing_finds_nothing(target, kit, tmp_path, tally, isolated_settings):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, seed in enumerate(seeds_for_packages(kit) if target == "packages" else seeds_for_excel()):
        (corpus / f"seed-{number}").write_bytes(seed)
    work = tmp_path / "work"
    work.mkdir()
    watched = [tmp_path.parent, Path(os.environ["PARKDESK_DATA_DIR"]), Path(os.environ["PARKDESK_CONFIG_DIR"])]
    before = [snapshot(place, skip=tmp_path) for place in watched]
    environment = dict(os.environ, TMPDIR=str(work), PYTHONPATH=os.pathsep.join(sys.path))
    run = subprocess.run(
        [sys.executable, str(TARGETS), target, str(corpus), f"-max_total_time={SECONDS}", "-rss_limit_mb=3000",
         "-timeout=20", "-max_len=65536", f"-artifact_prefix={work}/", "-print_final_stats=1"],
        cwd=work, env=environment, capture_output=True, text=True, timeout=SECONDS * 10 + 120)
    crashes = sorted(work.glob("crash-*")) + sorted(work.glob("timeout-*")) + sorted(work.glob("oom-*"))
    assert run.returncode == 0 and not crashes, run.stderr[-4000:]
    runs = re.search(r"Done (\d+) runs", run.stderr)
    tally.outcomes[f"atheris {target}"]["runs"] += int(runs[1]) if runs else 0
    assert [snapshot(place, skip=tmp_path) for place in watched] == before
    assert runs and int(runs[1]) > 100
