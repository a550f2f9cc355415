"""Shared by the fuzz tests: hypothesis settings, a sandbox per example, the tally of cases, and mutations.

Every reader of a file someone else made (packages, report.json, Excel workbooks, receipts) is run on
arbitrary bytes and on mutations of valid files. For each example the sandbox checks that:

- nothing but a documented ParkdeskError came out, and its message reads in Chinese and in English;
- the example finished within the deadline (hypothesis) and never hung (a watchdog kills the run);
- nothing was written outside the example's own temporary folder: the folder's parent (also the process's
  temp dir), the working directory and the user's data and config folders are the same before and after,
  and the input file itself is unchanged.

`PARKDESK_FUZZ=long` multiplies every example count (by 25, or by the number given as
`PARKDESK_FUZZ_SCALE`) for a longer local run; CI runs the fixed default counts (whole suite < ~60 s).
"""

from __future__ import annotations

import faulthandler
import hashlib
import os
import re
import shutil
import stat
import struct
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Callable, Iterator

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from parkdesk.errors import ParkdeskError
from parkdesk.places import config_dir, data_dir

# hypothesis keeps caches in ./.hypothesis by default: not in the repository
set_hypothesis_home_dir(os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY")
                        or os.path.join(tempfile.gettempdir(), "parkdesk-hypothesis"))

LONG = os.environ.get("PARKDESK_FUZZ") == "long"
SCALE = int(os.environ.get("PARKDESK_FUZZ_SCALE", "25")) if LONG else 1
DEADLINE = timedelta(seconds=10 if LONG else 5)  # per example; the machines running CI are shared and noisy
HANG_SECONDS = 120  # an example still running after this is a hang: the watchdog dumps the stacks and exits

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def fuzz_settings(examples: int, **overrides) -> settings:
    """A fixed number of examples (times SCALE), a deadline per example, no example database on disk."""
    options = dict(max_examples=examples * SCALE, deadline=DEADLINE, database=None, print_blob=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                          HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture,
                                          HealthCheck.large_base_example])
    options.update(overrides)
    return settings(**options)


class Shown(dict):
    """A fixture's dict of base files that prints as its keys only (failing examples print their arguments)."""

    def __repr__(self) -> str:
        return f"<{', '.join(self)}>"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


# --- what a reader may raise ---------------------------------------------------------------------------------------

def check_message(error: ParkdeskError) -> None:
    """A refusal the user can read: Chinese by default, English on request, both rendered without error."""
    zh, en = error.message("zh"), error.message("en")
    assert CJK.search(zh), f"{error.message_key}: no Chinese in {zh!r}"
    assert LATIN_WORD.search(en) and en != zh, f"{error.message_key}: no English in {en!r}"


class Tally:
    """Cases tried per reader and how each ended: 'ok' or the message key it was refused with."""

    def __init__(self):
        self.outcomes: dict[str, Counter] = defaultdict(Counter)

    def call(self, reader: str, action: Callable, *args, allowed: tuple[type[BaseException], ...] = (ParkdeskError,),
             **kwargs):
        """Run the reader; a ParkdeskError of an allowed class is counted and checked, anything else propagates."""
        try:
            result = action(*args, **kwargs)
        except allowed as error:
            check_message(error)
            self.outcomes[reader][error.message_key] += 1
            return None
        self.outcomes[reader]["ok"] += 1
        return result

    def count(self, reader: str, outcome: str) -> None:
        self.outcomes[reader][outcome] += 1

    def lines(self) -> list[str]:
        found = []
        for reader, outcomes in sorted(self.outcomes.items()):
            total = sum(outcomes.values())
            common = ", ".join(f"{key} {n}" for key, n in outcomes.most_common(6))
            found.append(f"fuzz {reader}: {total} cases ({common})")
        return found


class _Summary:
    """A pytest plugin, registered by the first tally, that prints every module's cases at the end of the run."""

    def __init__(self):
        self.tallies: dict[str, Tally] = {}

    def pytest_terminal_summary(self, terminalreporter) -> None:
        lines = [line for name in sorted(self.tallies) for line in self.tallies[name].lines()]
        if lines:
            terminalreporter.section("fuzz cases tried")
            for line in lines:
                terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def tally(request) -> Tally:
    """One tally per test module; all of them are printed in pytest's terminal summary."""
    manager = request.config.pluginmanager
    summary = manager.get_plugin("parkdesk-fuzz-summary")
    if summary is None:
        summary = _Summary()
        manager.register(summary, "parkdesk-fuzz-summary")
    return summary.tallies.setdefault(request.module.__name__, Tally())


# --- the sandbox -------------------------------------------------------------------------------------------------

def snapshot(folder: Path, skip: Path | None = None) -> dict[str, tuple[int, int, int]]:
    """Every entry under `folder` (except `skip`) with its size, modification time and type."""
    if not folder.exists():
        return {}
    found = {}
    registry = data_dir() / "temporary"  # parkdesk's register of the temporary files it holds: entries come and go
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if (skip is None or Path(root, d) != skip) and Path(root, d) != registry]
        for name in dirs + files:
            path = Path(root, name)
            try:
                info = path.lstat()
            except FileNotFoundError:
                continue
            found[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns, stat.S_IFMT(info.st_mode))
    return found


def _differences(before: dict, after: dict) -> list[str]:
    return ([f"+ {name}" for name in sorted(set(after) - set(before))]
            + [f"- {name}" for name in sorted(set(before) - set(after))]
            + [f"~ {name}" for name in sorted(set(before) & set(after)) if before[name] != after[name]])


class Sandbox:
    """A fresh folder per example under one parent; the places around it are watched for writes."""

    def __init__(self, root: Path):
        self.parent = root / "temp"
        self.cwd = root / "cwd"
        self.parent.mkdir(parents=True, exist_ok=True)
        self.cwd.mkdir(parents=True, exist_ok=True)
        self.examples = 0

    def watched(self) -> list[Path]:
        return [self.parent, Path.cwd(), data_dir(), config_dir()]

    @contextmanager
    def example(self, content: bytes, name: str = "input.bin") -> Iterator[Path]:
        """`content` written to a fresh folder; yields its path. Checks no write escaped and nothing hung."""
        folder = Path(tempfile.mkdtemp(dir=self.parent, prefix="example-"))
        path = folder / name
        path.write_bytes(content)
        digest = hashlib.sha256(content).digest()
        before = {place: snapshot(place, skip=folder) for place in self.watched()}
        self.examples += 1
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True, file=sys.__stderr__)
        try:
            yield path
        finally:
            faulthandler.cancel_dump_traceback_later()
            after = {place: snapshot(place, skip=folder) for place in before}
            changed = {str(place): _differences(before[place], after[place]) for place in before}
            unchanged_input = not path.exists() or hashlib.sha256(path.read_bytes()).digest() == digest
            shutil.rmtree(folder, ignore_errors=True)
        changed = {place: lines for place, lines in changed.items() if lines}
        assert not changed, f"written outside the example's folder: {changed}"
        assert unchanged_input, "the reader changed the file it read"


@pytest.fixture
def sandbox(tmp_path, monkeypatch, isolated_settings) -> Sandbox:
    """Working directory and temp dir moved into the sandbox, so a stray write is seen, not made in the repo."""
    box = Sandbox(tmp_path / "sandbox")
    monkeypatch.chdir(box.cwd)
    monkeypatch.setattr(tempfile, "tempdir", str(box.parent))
    monkeypatch.setenv("TMPDIR", str(box.parent))
    return box


# --- byte mutations ------------------------------------------------------------------------------------------------

class Blob(bytes):
    """Bytes that print short (hypothesis prints every value it drew when an example fails)."""

    def __repr__(self) -> str:
        head = bytes(self[:24])
        return f"Blob({len(self)} bytes, sha256 {hashlib.sha256(self).hexdigest()[:12]}, starts {head!r})"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


class Text(str):
    def __repr__(self) -> str:
        if len(self) <= 200:
            return super().__repr__()
        digest = hashlib.sha256(self.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        return f"Text({len(self)} chars, sha256 {digest}, starts {str(self[:80])!r})"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


def zip_landmarks(data: bytes) -> list[int]:
    """Offsets where a ZIP's structure lives: local headers, central directory entries, the end record."""
    return [m.start() for m in re.finditer(rb"PK\x03\x04|PK\x01\x02|PK\x05\x06|PK\x06\x06|PK\x07\x08", data)]


@st.composite
def mutated_bytes(draw, base: bytes, landmarks: list[int] | None = None, max_operations: int = 4) -> bytes:
    """`base` with a few bit flips, truncations, insertions, deletions, overwrites or repeats.

    Positions are drawn anywhere, or near a landmark (a header) where a change says the most.
    """
    data = bytearray(base)
    for _ in range(draw(st.integers(1, max_operations))):
        size = len(data)
        if landmarks and draw(st.booleans()):
            position = min(max(draw(st.sampled_from(landmarks)) + draw(st.integers(-8, 60)), 0), max(size - 1, 0))
        else:
            position = draw(st.integers(0, max(size - 1, 0)))
        operation = draw(st.sampled_from(("flip", "flip", "truncate", "insert", "delete", "overwrite", "repeat")))
        if operation == "flip" and size:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif operation == "truncate":
            del data[position:]
        elif operation == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=64))
        elif operation == "delete":
            del data[position:position + draw(st.integers(1, 64))]
        elif operation == "overwrite":
            patch = draw(st.sampled_from((b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\xff\xff", b"\x7f\xff\xff\xff",
                                          b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"))
                         | st.binary(min_size=1, max_size=16))
            data[position:position + len(patch)] = patch
        elif operation == "repeat" and size:
            length = draw(st.integers(1, 256))
            data[position:position] = data[position:position + length] * draw(st.integers(1, 8))
    return Blob(data)


# --- ZIP mutations ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Member:
    name: str
    data: bytes
    method: int = zipfile.ZIP_STORED
    mode: int | None = None  # Unix mode in the external attributes (a symlink, say)
    flags: int = 0

    def __repr__(self) -> str:
        return f"Member({self.name[:80]!r}, {Blob(self.data)!r}, method={self.method}, mode={self.mode}, " \
               f"flags={self.flags})"

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(repr(self))


def read_members(data: bytes) -> list[Member]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [Member(info.filename, archive.read(info), info.compress_type) for info in archive.infolist()]


def write_members(members: list[Member]) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = member.method if member.method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                                                    zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA) else 0
            if member.mode is not None:
                info.external_attr = member.mode << 16
            info.flag_bits |= member.flags
            archive.writestr(info, member.data)
    return Blob(out.getvalue())


def nasty_names(top: str) -> st.SearchStrategy[str]:
    """Entry names an archive should never be allowed to carry, and some merely odd ones."""
    fixed = ["../evil.txt", f"{top}/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "C:evil.txt", f"{top}\\evil.txt",
             f"{top}/./x", f"{top}//x", f"{top}/data/../../x", f"{top}/\x01ctl", f"{top}/data/REPORT.JSON",
             f"{top}/data/report.json", f"{top}/bagit.txt", f"{top}/data/", f"{top}/data/attachments/",
             "other/bagit.txt", top, f"{top}/", "", f"{top}/" + "长" * 3000, f"{top}/data/re\u0301port.json",
             f"{top}/data/attachments/e\u0301.txt", f"{top}/data/attachments/é.txt", "xl/workbook.xml",
             "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "[Content_Types].xml", "xl/../../evil.xml",
             "/xl/workbook.xml", "mimetype"]
    return st.sampled_from(fixed) | st.text(min_size=1, max_size=40).map(lambda text: f"{top}/{text}")


@st.composite
def mutated_members(draw, members: list[Member], top: str, max_operations: int = 3) -> list[Member]:
    """The archive's entries with some dropped, added, renamed, swapped, duplicated, made links or bombs."""
    members = list(members)
    for _ in range(draw(st.integers(1, max_operations))):
        operation = draw(st.sampled_from(("drop", "add", "rename", "swap", "duplicate", "symlink", "compress",
                                          "bomb", "encrypt_flag", "corrupt")))
        if not members:
            operation = "add"
        index = draw(st.integers(0, len(members) - 1)) if members else 0
        if operation == "drop":
            members.pop(index)
        elif operation == "add":
            members.insert(index, Member(draw(nasty_names(top)), draw(st.binary(max_size=256))))
        elif operation == "rename":
            members[index] = replace(members[index], name=draw(nasty_names(top)))
        elif operation == "swap":
            other = draw(st.integers(0, len(members) - 1))
            first, second = members[index], members[other]
            members[index], members[other] = replace(first, data=second.data), replace(second, data=first.data)
        elif operation == "duplicate":
            members.insert(draw(st.integers(0, len(members))), members[index])
        elif operation == "symlink":
            members[index] = replace(members[index], mode=stat.S_IFLNK | 0o777, data=b"/etc/passwd")
        elif operation == "compress":
            members[index] = replace(members[index], method=draw(st.sampled_from(
                (zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA))))
        elif operation == "bomb":
            members[index] = replace(members[index], data=b"\0" * (8 << 20), method=zipfile.ZIP_DEFLATED)
        elif operation == "encrypt_flag":
            members[index] = replace(members[index], flags=0x1)
        elif operation == "corrupt":
            members[index] = replace(members[index], data=draw(mutated_bytes(members[index].data or b"\0")))
    return members


CENTRAL = struct.Struct("<4s6H3L5H2L")  # central directory header, 46 bytes
CENTRAL_FIELDS = {"version needed": 2, "flags": 3, "method": 4, "crc": 7, "compressed": 8, "uncompressed": 9,
                  "name length": 10, "extra length": 11, "disk": 13, "external": 15, "offset": 16}
SHORT_FIELDS = {1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14}  # 16-bit fields of the header


def central_offsets(data: bytes) -> list[int]:
    """Where each central directory header starts (empty when there is no readable end record)."""
    end = data.rfind(b"PK\x05\x06")
    if end < 0 or end + 22 > len(data):
        return []
    entries, _, start = struct.unpack_from("<H L L", data, end + 10)
    found, position = [], start
    for _ in range(entries):
        if position + CENTRAL.size > len(data) or data[position:position + 4] != b"PK\x01\x02":
            break
        found.append(position)
        fields = CENTRAL.unpack_from(data, position)
        position += CENTRAL.size + fields[10] + fields[11] + fields[12]
    return found


@st.composite
def patched_central_directory(draw, data: bytes) -> bytes:
    """Lie in the central directory: sizes (huge or small), CRC, offset, method, attributes of an entry."""
    offsets = central_offsets(data)
    if not offsets:
        return data
    patched = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.sampled_from(offsets))
        fields = list(CENTRAL.unpack_from(patched, position))
        name = draw(st.sampled_from(sorted(CENTRAL_FIELDS)))
        bits = 16 if CENTRAL_FIELDS[name] in SHORT_FIELDS else 32
        value = draw(st.sampled_from((0, 1, (1 << bits) - 1, (1 << (bits - 1)) - 1, 1 << 30))
                     | st.integers(0, (1 << bits) - 1))
        fields[CENTRAL_FIELDS[name]] = value & ((1 << bits) - 1)
        CENTRAL.pack_into(patched, position, *fields)
    return Blob(patched)


# --- JSON ----------------------------------------------------------------------------------------------------------

SPECIAL_STRINGS = ["", " ", "\x00", "\ud800", "\udfff", "\ufeff", "../../etc/passwd", "C:\\evil", "%0A%25",
                   "2023-13-45", "2023-02-30T25:61:61", "9999-12-31T23:59:59", "0000-00-00T00:00:00",
                   "0001-01-01T00:00:00+99:00", "2023-01-01T00:00:00.1234567", "NaN", "1e400", "{placeholder}",
                   "{0}", "%s%n", "<script>", "'; DROP TABLE reports; --", "济南" * 2000, "x" * 70_000,
                   "\u202e\u0645", "a\r\nb", "e\u0301"]
SPECIAL_NUMBERS = [0, -1, 1, 2 ** 31, 2 ** 53 + 1, 2 ** 63 - 1, 2 ** 63, -(2 ** 63) - 1, 2 ** 64, 10 ** 30,
                   1.5, -0.0, 1e308, float("inf"), float("-inf"), float("nan"), 2000, 2100, 1999, 2101]

json_scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
                | st.sampled_from(SPECIAL_STRINGS) | st.sampled_from(SPECIAL_NUMBERS))
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)

DEEP = "\x00deep\x00"  # replaced by deeply nested brackets once the document is text


def deep_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def same_kind(value) -> st.SearchStrategy:
    """A value of the same JSON type, often one at an edge."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.sampled_from(SPECIAL_NUMBERS[:10]) | st.integers()
    if isinstance(value, float):
        return st.floats() | st.sampled_from(SPECIAL_NUMBERS)
    if isinstance(value, str):
        return st.sampled_from(SPECIAL_STRINGS) | st.text(max_size=30) | st.just(value + value)
    return json_values


@st.composite
def mutated_json(draw, base, max_operations: int = 3) -> str:
    """The JSON text of `base` after a few changes deep inside: values replaced (often by one of the same type,
    so the document stays close to valid), keys dropped or added, list items repeated, very deep nesting."""
    import copy
    import json

    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, max_operations))):
        parent, key = None, None
        node = document
        while isinstance(node, (dict, list)) and node and draw(st.integers(0, 3)) > 0:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            parent, key = node, draw(st.sampled_from(keys))
            node = node[key]
        operation = draw(st.sampled_from(("same", "same", "same", "replace", "drop", "add", "repeat", "deep")))
        if parent is None:
            if operation == "replace":
                document = draw(json_values)
            continue
        if operation == "same":
            parent[key] = draw(same_kind(parent[key]))
        elif operation == "replace":
            parent[key] = draw(json_values)
        elif operation == "drop":
            del parent[key]
        elif operation == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(json_values)
        elif operation == "repeat" and isinstance(parent, list):
            parent[key:key] = [copy.deepcopy(parent[key])] * draw(st.integers(1, 3))
        elif operation == "deep":
            parent[key] = DEEP
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    marker = json.dumps(DEEP)  # control characters are escaped either way
    if marker in text:
        text = text.replace(marker, deep_json(draw(st.sampled_from((100, 900, 5_000, 100_000)))))
    return Text(text)


def json_bytes(text: str) -> bytes:
    """UTF-8, keeping lone surrogates as the (invalid) bytes a hostile file could hold."""
    return text.encode("utf-8", "surrogatepass")
