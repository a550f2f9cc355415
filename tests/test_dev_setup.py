"""`./dev.sh` on a bare machine: it installs Python when missing and every tool the tests call; under CI=true a
test never skips for a missing tool, it fails naming the Debian package.

(That both README commands pass on a bare `debootstrap --variant=minbase bookworm` was shown by hand, see
installers/README.md; here: what dev.sh asks apt-get for, with a stand-in package manager on a PATH without
Python, and the rule that every tool a test marks is in dev.sh's lists.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SYSTEM_TOOLS = ("bash", "dirname", "basename", "grep", "id", "cat", "sha256sum", "cut", "sed")


def dev_sh_packages(*arrays: str) -> set[str]:
    """The packages in dev.sh's apt lists, as bash sees them."""
    script = "".join(f'printf "%s\\n" "${{{name}[@]}}";' for name in arrays)
    lines = ROOT.joinpath("dev.sh").read_text(encoding="utf-8").splitlines()
    definitions = []
    inside = False
    for line in lines:  # the array assignments, multi-line ones included
        if re.match(r"^APT_PACKAGES\w*\+?=\(", line):
            inside = True
        if inside:
            definitions.append(line)
            inside = not line.rstrip().endswith(")")
    output = subprocess.run(["bash", "-c", "\n".join(definitions) + "\n" + script], capture_output=True, text=True,
                            check=True).stdout
    return set(output.split())


def marked_needs() -> set[tuple[str, str]]:
    """Every (what, Debian package) a test declares with needs_tool / needs_file."""
    found = set()
    for path in TESTS.glob("*.py"):
        if path.name == Path(__file__).name:  # its made-up tool below
            continue
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'needs_(?:tool|file)\(\s*(\w+|"[^"]+")\s*,\s*"([^"]+)"\s*\)', text))
    return found


def test_dev_sh_installs_every_package_a_test_needs():
    needs = marked_needs()
    packages = {package for _, package in needs}
    assert {"unzip", "desktop-file-utils", "shared-mime-info", "openssl", "poppler-utils",
            "libreoffice-calc-nogui", "fonts-wqy-microhei", "fonts-dejavu-core", "lintian", "patchelf"} <= packages
    installed_for_tests = dev_sh_packages("APT_PACKAGES", "APT_PACKAGES_TEST")
    essential = {"dpkg"}  # on every Debian system, minbase included
    assert packages - installed_for_tests - essential == set()


def test_no_test_skips_on_its_own_for_a_missing_tool():
    """Skips for a missing program or file go through tests/tools.py, which fails them under CI=true."""
    offenders = []
    for path in TESTS.glob("test_*.py"):
        if path.name == Path(__file__).name:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"skipif\(.*(which\(|\.exists\(\)|is None)", line) or "importorskip(" in line:
                offenders.append(f"{path.name}:{number}: {line.strip()}")
            if re.search(r"^\s*if (not )?shutil\.which\(", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def run_marked_test(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_needs.py").write_text(textwrap.dedent("""
        import pytest

        @pytest.mark.needs_tool("parkdesk-no-such-tool", "parkdesk-made-up-package")
        def test_uses_the_tool():
            raise AssertionError("must not run")
    """), encoding="utf-8")
    shutil.copy(TESTS / "conftest.py", tmp_path)
    shutil.copy(TESTS / "tools.py", tmp_path)
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "-q", "-c",
                           str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path), str(tmp_path / "test_needs.py")],
                          capture_output=True, text=True, env=env, cwd=tmp_path, check=False)


def test_a_missing_tool_skips_on_a_developers_machine(tmp_path):
    result = run_marked_test(tmp_path, ci=None)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
    assert "install the Debian package parkdesk-made-up-package" in result.stdout


def test_a_missing_tool_fails_under_ci_naming_the_package(tmp_path):
    result = run_marked_test(tmp_path, ci="true")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"\b1 (failed|error)\b", result.stdout) and "skipped" not in result.stdout
    assert "CI=true: the command parkdesk-no-such-tool is missing: install the Debian package " \
           "parkdesk-made-up-package" in result.stdout


# --- Python itself ---------------------------------------------------------------------------------------------------

def bare_machine(tmp_path: Path, python3: str | None, has_python311: bool) -> tuple[Path, dict[str, str]]:
    """dev.sh in a folder of its own, on a PATH with the basic tools, a stand-in apt (it records what it is asked
    to install and installs nothing) and, as `python3`, nothing or a script that says it is `python3`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in SYSTEM_TOOLS:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    log = tmp_path / "apt.log"
    # the system libraries are there, Python is not
    (bin_dir / "dpkg-query").write_text('#!/bin/bash\ncase "$3" in python3*) exit 1 ;; esac\nprintf "install ok installed"\n')
    (bin_dir / "apt-get").write_text(f'#!/bin/bash\necho "$*" >> "{log}"\n')
    (bin_dir / "apt-cache").write_text(f'#!/bin/bash\n[ "$2" = python3.11 ] && exit {0 if has_python311 else 100}\n'
                                       "exit 100\n")
    (bin_dir / "sudo").write_text('#!/bin/bash\nexec "$@"\n')
    if python3:
        (bin_dir / "python3").write_text(python3)
    for tool in bin_dir.iterdir():
        if not tool.is_symlink():
            tool.chmod(0o755)
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "dev.sh", project)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    return project, env


def installs_asked(tmp_path: Path) -> list[str]:
    log = tmp_path / "apt.log"
    return [line for line in log.read_text().splitlines() if line.startswith("install")] if log.exists() else []


def test_without_python_dev_sh_installs_python3_and_venv(tmp_path):
    project, env = bare_machine(tmp_path, python3=None, has_python311=False)
    result = subprocess.run(["bash", str(project / "dev.sh"), "setup"], capture_output=True, text=True, env=env,
                            check=False)
    asked = installs_asked(tmp_path)
    assert any(line.split()[-2:] == ["python3", "python3-venv"] for line in asked), (asked, result.stdout)
    # the stand-in apt-get installed nothing: dev.sh says what to do instead of going on
    assert result.returncode == 2
    assert "apt-get install python3 python3-venv" in result.stdout
    assert "PYTHON=/path/to/python3.11 ./dev.sh" in result.stdout


def test_with_an_old_python3_dev_sh_installs_python311_where_the_system_has_it(tmp_path):
    """Ubuntu 22.04: python3 is 3.10, python3.11 is a package of its own."""
    old_python = "#!/bin/bash\n[ \"$1\" = --version ] && echo 'Python 3.10.12'\nexit 1\n"
    project, env = bare_machine(tmp_path, python3=old_python, has_python311=True)
    result = subprocess.run(["bash", str(project / "dev.sh"), "setup"], capture_output=True, text=True, env=env,
                            check=False)
    asked = installs_asked(tmp_path)
    assert any(line.split()[-2:] == ["python3.11", "python3.11-venv"] for line in asked), (asked, result.stdout)
    assert result.returncode == 2 and "'python3' is Python 3.10.12" in result.stdout
