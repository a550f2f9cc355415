"""Coverage-guided fuzz targets (atheris, libFuzzer) for the readers whose parsing is Python: the package ZIP,
BagIt tag files, CMS signatures, report.json; and the Excel opener (its ZIP and XML checks before calamine).

Run by tests/test_fuzz_atheris.py in a subprocess, or by hand for as long as you like:

    .venv/bin/python tests/fuzz_atheris_targets.py packages CORPUS_FOLDER -max_total_time=600

A target may refuse its input with a ParkdeskError (whose message must render in both languages); any other
exception is a finding: libFuzzer stops and writes the input as a crash-* file.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["parkdesk", "zipfile", "asn1crypto"]):
    from parkdesk.errors import ParkdeskError
    from parkdesk.excel.source import open_workbook
    from parkdesk.packages.bag import check_bagit_txt, parse_bag_info, parse_manifest
    from parkdesk.packages.safe_zip import PackageZip
    from parkdesk.packages.schema import check_document, load_document
    from parkdesk.packages.signing import read_signature, verify_detached


def packages(data: bytes) -> None:
    """The first byte picks the reader; the rest is its input."""
    choice, rest = (data[0] % 5, data[1:]) if data else (0, b"")
    try:
        if choice == 0:
            with PackageZip(rest) as archive:
                for name in archive.names():
                    archive.sha256(name)
                    if archive.size(name) < 1 << 20:
                        archive.read(name)
        elif choice == 1:
            parse_manifest(rest, "manifest-sha256.txt")
        elif choice == 2:
            parse_bag_info(rest, "bag-info.txt")
            check_bagit_txt(rest)
        elif choice == 3:
            read_signature(rest)
            verify_detached(rest, b"content")
        else:
            check_document(load_document(rest))
    except ParkdeskError as error:
        error.message("zh"), error.message("en")


_FOLDER = tempfile.mkdtemp(prefix="parkdesk-atheris-")


def excel(data: bytes) -> None:
    path = os.path.join(_FOLDER, "input.xlsx")
    with open(path, "wb") as out:
        out.write(data)
    try:
        with open_workbook(path) as book:
            for name in book.sheet_names():
                grid = book.read_sheet(name)
                grid.hidden_rows, grid.formulas_without_values
    except ParkdeskError as error:
        error.message("zh"), error.message("en")


TARGETS = {"packages": packages, "excel": excel}

if __name__ == "__main__":
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
