"""Every UI string is translated; the .ts file is up to date with the sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from parkdesk.resources import resource_path

TS = resource_path("translations", "parkdesk_zh_CN.ts")
UI_DIR = Path(__file__).parents[1] / "parkdesk" / "ui"


def messages(path: Path):
    return [(m.findtext("source"), m.find("translation")) for m in ET.parse(path).iter("message")]


def test_no_unfinished_or_empty_translation():
    entries = messages(TS)
    assert entries
    bad = [src for src, tr in entries if tr.get("type") in ("unfinished", "vanished", "obsolete") or not tr.text]
    assert bad == []


def test_ts_file_covers_every_string_in_the_sources(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy2(TS, copy)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *map(str, sorted(UI_DIR.rglob("*.py"))), "-ts", str(copy), "-no-obsolete"],
                   check=True, capture_output=True)
    unfinished = [src for src, tr in messages(copy) if tr.get("type") == "unfinished"]
    assert unfinished == [], "run pyside6-lupdate and translate these in parkdesk_zh_CN.ts"
