"""Hostile input is bounded (issue 17, C.15): a tiny .ods that asks for billions of cells, a FIFO or a device
given as a file, an absurd year or validity, text that is not UTF-8, an empty or BOM-prefixed passphrase file.
Each is refused at once with a clear message, through the `parkdesk` command as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from parkdesk.cli.main import main

ODS_CONTENT = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               '<office:spreadsheet><table:table table:name="企业"><table:table-row table:number-rows-repeated="{rows}">'
               '<table:table-cell office:value-type="string" table:number-columns-repeated="{columns}"><text:p>x</text:p>'
               '</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>'
               '</office:document-content>')


def ods(path: Path, rows: int, columns: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", ODS_CONTENT.format(rows=rows, columns=columns))
    return path


def parkdesk(*args, timeout: float = 30, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parkdesk.cli.main", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


def test_a_tiny_ods_that_expands_to_billions_of_cells_is_refused_before_reading(demo_path, tmp_path):
    bomb = ods(tmp_path / "名录.ods", 1_000_000, 1000)
    assert bomb.stat().st_size < 2000
    started = time.monotonic()
    done = parkdesk("excel", "import", demo_path, bomb, "--park", "SDYYFW", "--year", "2024")
    assert done.returncode == 2 and time.monotonic() - started < 20
    assert "读取它需要超过 20,000,000 个单元格" in done.stderr and "Traceback" not in done.stderr
    small = ods(tmp_path / "small.ods", 3, 4)  # the same shape, small: read as usual
    assert "个单元格" not in parkdesk("excel", "import", demo_path, small, "--park", "SDYYFW", "--year", "2024").stderr


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_a_device_given_as_a_file_is_refused_at_once(demo_path, tmp_path, kind):
    if kind == "fifo":
        special = tmp_path / "pipe.sqlite"
        os.mkfifo(special)
    else:
        special = Path("/dev/zero")
    commands = [
        ("parks", special),
        ("package", "verify", special),
        ("package", "inspect", special),
        ("excel", "import", demo_path, special, "--park", "SDYYFW", "--year", "2024"),
        ("keys", "trust", demo_path, special),
        ("restore", special, "--to", tmp_path / "restored.sqlite"),
        ("justify", special, "--park", "SDYYFW", "--year", "2024", "--rule", "X", "--text", "y"),
    ]
    for args in commands:
        started = time.monotonic()
        done = parkdesk(*args, timeout=20)
        assert time.monotonic() - started < 15, args
        assert done.returncode == 2, (args, done.stderr)
        assert "不是普通文件" in done.stderr and "Traceback" not in done.stderr, (args, done.stderr)


def test_absurd_numbers_are_refused_with_a_message(demo_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(demo_path), "--year", "99999999999999999999"])
    assert exit_info.value.code == 2
    assert "年度须为 2000–2100 之间的整数" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["keys", "issue", str(demo_path), "district", "request.csr", "--out", "x.pem", "--days", "-5"])
    assert exit_info.value.code == 2 and "有效天数须为 1–36500 之间的整数" in capsys.readouterr().err


def test_text_that_is_not_utf8_is_refused_saying_where(demo_path, tmp_path):
    base = tmp_path / "base.xlsx"
    book = xlsxwriter.Workbook(base)
    sheet = book.add_worksheet("企业")
    sheet.write_row(0, 0, ["企业名称", "统一社会信用代码", "企业类型", "入驻状态"])
    sheet.write_row(1, 0, ["MARKERNAME", "91370100MA3C5D7E2L", "重点企业", "已入驻"])
    book.close()
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            out.writestr(info, data.replace(b"MARKERNAME", b"Good\xff\xfeName"))
    done = parkdesk("excel", "import", demo_path, bad, "--park", "SDYYFW", "--year", "2024")
    assert done.returncode == 2 and "不是 UTF-8" in done.stderr and "xl/sharedStrings.xml" in done.stderr
    assert "Good" in done.stderr


def test_an_empty_passphrase_file_is_explained_and_a_byte_order_mark_is_not_part_of_it(demo_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = parkdesk("keys", "create", demo_path, "--name", "op", "--park", "QLRJY", "--passphrase-file", empty)
    assert done.returncode == 2 and "口令文件的第一行是空的" in done.stderr
    with_bom = tmp_path / "bom.txt"
    with_bom.write_bytes("\ufeffa long passphrase\r\n".encode("utf-8"))
    plain = tmp_path / "plain.txt"
    plain.write_text("a long passphrase\n", encoding="utf-8")
    assert parkdesk("keys", "create", demo_path, "--name", "op", "--park", "QLRJY",
                    "--passphrase-file", with_bom).returncode == 0
    done = parkdesk("keys", "request", demo_path, "op", "--out", tmp_path / "op.csr", "--passphrase-file", plain)
    assert done.returncode == 0, done.stderr  # the same passphrase: the mark was not made part of it


def test_text_that_is_not_utf8_in_a_worksheet_is_located_too(demo_path, tmp_path):
    """A worksheet's bytes are checked while python-calamine reads it (one pass with the look for hidden rows)."""
    base = tmp_path / "base.xlsx"
    book = xlsxwriter.Workbook(base, {"constant_memory": True})  # inline strings: the text is in the sheet
    sheet = book.add_worksheet("企业")
    sheet.write_row(0, 0, ["企业名称", "统一社会信用代码", "企业类型", "入驻状态"])
    sheet.write_row(1, 0, ["MARKERNAME", "91370100MA3C5D7E2L", "重点企业", "已入驻"])
    book.close()
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, source.read(info.filename).replace(b"MARKERNAME", b"Good\xff\xfeName"))
    done = parkdesk("excel", "import", demo_path, bad, "--park", "SDYYFW", "--year", "2024")
    assert done.returncode == 2 and "不是 UTF-8" in done.stderr and "xl/worksheets/sheet1.xml" in done.stderr
    assert "Good" in done.stderr and "Traceback" not in done.stderr
