"""./dev.sh screenshots renders every window, page and dialog; the README's screenshots exist and are of the
window at 1024×768."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).parents[1]


def test_the_screenshot_command_renders_every_screen(tmp_path):
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "parkdesk.ui.screenshots", "--out", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    names = {p.stem for p in out.glob("*.png")}
    for expected in ("zh-welcome", "zh-parks", "zh-report-5-enterprises", "zh-report-9-attachments",
                     "zh-dialog-identities", "zh-wizard-1", "en-parks", "zh-district-inbox", "zh-city-dashboard"):
        assert expected in names
    for path in out.glob("*.png"):
        image = QImage(str(path))
        assert not image.isNull() and path.stat().st_size > 5_000, path.name
    window = QImage(str(out / "zh-parks.png"))
    assert (window.width(), window.height()) == (1024, 768)


def test_the_readme_shows_committed_screenshots_of_the_window():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"!\[[^\]]*\]\((docs/images/[^)]+\.png)\)", readme)
    assert 4 <= len(shown) <= 6
    for relative in shown:
        image = QImage(str(ROOT / relative))
        assert (image.width(), image.height()) == (1024, 768), relative
