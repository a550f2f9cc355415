"""Reading a package's ZIP without trusting it: names, links, duplicates, sizes, ratios.

Entry names are read as unzip and 7-Zip read them: UTF-8 when the entry says so
(flag bit 11); an unflagged name as UTF-8 when it is valid UTF-8 (Info-ZIP `zip`
writes UTF-8 without the flag), else as GB18030 (what zh-CN Windows tools write),
else as CP437. Entries are then known by their name in Unicode NFC, so a bag
zipped where names are NFD (macOS) matches its manifest. The signed manifests
still decide whether the files are the ones signed.

Nothing is extracted. Entries are read into memory (small ones) or hashed
straight from a memory map (stored ones), so a hostile archive can neither
write outside a folder nor exhaust the disk. Entries read whole and
compressed ones have their CRC-32 checked; a stored entry that is hashed
does not: its SHA-256 is checked against the signed manifest, the stronger
check of the same bytes, and skipping the CRC saves a third of the time.
"""

from __future__ import annotations

import hashlib
import mmap
import stat
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from parkdesk.errors import ParkdeskError
from parkdesk.texts import text

LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # signature … name length, extra length (30 bytes)
LOCAL_SIGNATURE = b"PK\x03\x04"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
CHUNK = 8 << 20
UTF8_FLAG = 0x800
# how an entry's name was encoded, as `inspect` reports it
FLAGGED_UTF8, ASCII, UNFLAGGED_UTF8, GB18030, CP437 = "utf-8", "ascii", "utf-8 (unflagged)", "gb18030", "cp437"


@dataclass(frozen=True)
class ZipLimits:
    max_entries: int = 20_000
    max_total_size: int = 16 << 30  # bytes once unpacked
    max_ratio: int = 200  # uncompressed : compressed, for entries larger than ratio_floor
    ratio_floor: int = 1 << 20
    max_read: int = 512 << 20  # the largest entry read whole into memory (report.json, tag files)


class NotAPackage(ParkdeskError):
    """The file is not a package at all."""

    exit_code = 2


class Damaged(ParkdeskError):
    """The file is a package (or meant to be one) but is damaged, tampered with or unsafe."""

    exit_code = 3

    def message(self, lang: str = "zh") -> str:
        if self.message_key == "package.entry_damaged":  # the zip reader's words, told as what happened
            from parkdesk.packages.damage_words import damage_words

            return text(self.message_key, lang, **{**self.params, "reason": damage_words(self.params["reason"],
                                                                                         lang)})
        return super().message(lang)


def looks_like_zip(head: bytes) -> bool:
    return head[:4] in ZIP_SIGNATURES


class PackageZip:
    """The entries of one package ZIP, by path inside the bag's top folder."""

    def __init__(self, source: Path | bytes, limits: ZipLimits = ZipLimits()):
        self.limits = limits
        self._mmap = None
        self._file = None
        try:
            if isinstance(source, (bytes, bytearray, memoryview)):
                self._buffer = memoryview(source)
            else:
                self._file = open(source, "rb")
                self._mmap = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
                self._buffer = memoryview(self._mmap)
            self._zip = zipfile.ZipFile(_BufferReader(self._buffer))
        except Exception as exc:  # BadZipFile, EOFError, struct.error, NotImplementedError ("zip file version 13.1")…
            self.close()
            raise Damaged("package.truncated", reason=exc) from None
        try:
            self.top, self.entries, self.name_encodings = _checked_entries(self._zip.infolist(), limits)
        except BaseException:
            self.close()
            raise

    def names(self) -> list[str]:
        return sorted(self.entries)

    def size(self, name: str) -> int:
        return self.entries[name].file_size

    def read(self, name: str, *, check_crc: bool = True) -> bytes:
        """The whole entry (tag files, report.json); bounded by the limits."""
        info = self.entries[name]
        if info.file_size > self.limits.max_read:
            raise Damaged("package.too_large", size=info.file_size, limit=self.limits.max_read)
        if info.compress_type == zipfile.ZIP_STORED:
            data = bytes(self._stored_data(info))
            if check_crc and not self.crc_matches(name, data):
                raise Damaged("package.entry_damaged", name=name, reason="CRC-32")
            return data
        try:
            with self._zip.open(info) as handle:
                return handle.read()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise Damaged("package.entry_damaged", name=name, reason=exc) from None
        except Exception as exc:  # zlib.error and the like
            raise Damaged("package.entry_damaged", name=name, reason=exc) from None

    def crc_matches(self, name: str, data: bytes) -> bool:
        return zlib.crc32(data) == self.entries[name].CRC

    def sha256(self, name: str) -> str:
        return self.hexdigest(name, "sha256")

    def hexdigest(self, name: str, algorithm: str) -> str:
        """Hex digest of an entry, streamed; stored entries straight from the mapped file (GIL released)."""
        info = self.entries[name]
        if info.compress_type == zipfile.ZIP_STORED:
            return hashlib.new(algorithm, self._stored_data(info)).hexdigest()
        digest = hashlib.new(algorithm)
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
        except Exception as exc:  # BadZipFile (CRC), zlib.error, EOFError on a cut file
            raise Damaged("package.entry_damaged", name=name, reason=exc) from None
        return digest.hexdigest()

    def _stored_data(self, info: zipfile.ZipInfo) -> memoryview:
        """The bytes of a stored entry, after checking its local header agrees with the directory."""
        start = info.header_offset
        header = self._buffer[start:start + LOCAL_HEADER.size]
        if len(header) != LOCAL_HEADER.size:
            raise Damaged("package.entry_damaged", name=decoded_name(info)[0], reason="truncated header")
        fields = LOCAL_HEADER.unpack(header)
        if fields[0] != LOCAL_SIGNATURE:
            raise Damaged("package.entry_damaged", name=decoded_name(info)[0], reason="bad local header")
        flags, name_length, extra_length = fields[2], fields[9], fields[10]
        raw_name = bytes(self._buffer[start + LOCAL_HEADER.size:start + LOCAL_HEADER.size + name_length])
        local_name = raw_name.decode("utf-8" if flags & UTF8_FLAG else "cp437", errors="replace")
        if local_name != info.orig_filename:
            raise Damaged("package.entry_damaged", name=decoded_name(info)[0], reason="local name differs")
        data_start = start + LOCAL_HEADER.size + name_length + extra_length
        end = data_start + info.compress_size
        if end > len(self._buffer) or info.compress_size != info.file_size:
            raise Damaged("package.entry_damaged", name=decoded_name(info)[0], reason="truncated data")
        return self._buffer[data_start:end]

    def close(self) -> None:
        zip_ = getattr(self, "_zip", None)
        if zip_ is not None:
            zip_.close()
        try:
            buffer = getattr(self, "_buffer", None)
            if buffer is not None:
                buffer.release()
            if self._mmap is not None:
                self._mmap.close()
        except BufferError:  # a slice is still referenced somewhere; the map closes when it goes
            pass
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> "PackageZip":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _BufferReader:
    """A seekable, read-only file over a memoryview, for zipfile (no copy of the whole file)."""

    def __init__(self, buffer: memoryview):
        self._buffer = buffer
        self._position = 0

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._position, len(self._buffer))[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def read(self, size: int = -1) -> bytes:
        end = len(self._buffer) if size is None or size < 0 else min(len(self._buffer), self._position + size)
        data = bytes(self._buffer[self._position:end])
        self._position = max(self._position, end)
        return data

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        pass


def decoded_name(info: zipfile.ZipInfo) -> tuple[str, str]:
    """The entry's name as unzip and 7-Zip read it, and the encoding found (FLAGGED_UTF8 … CP437)."""
    if info.flag_bits & UTF8_FLAG:
        return info.filename, FLAGGED_UTF8
    raw = info.orig_filename.encode("cp437")  # zipfile decoded the unflagged bytes as CP437: undo it
    if raw.isascii():
        return info.filename, ASCII
    for encoding, label in (("utf-8", UNFLAGGED_UTF8), ("gb18030", GB18030)):
        try:
            return raw.decode(encoding), label
        except UnicodeDecodeError:
            continue
    return info.filename, CP437


def _checked_entries(infos: list[zipfile.ZipInfo], limits: ZipLimits
                     ) -> tuple[str, dict[str, zipfile.ZipInfo], dict[str, int]]:
    """The top folder, the files by NFC path inside it, and how many names were found in each encoding."""
    if len(infos) > limits.max_entries:
        raise Damaged("package.too_many_files", count=len(infos), limit=limits.max_entries)
    total = 0
    seen: set[str] = set()
    tops: set[str] = set()
    files: dict[str, zipfile.ZipInfo] = {}
    encodings: dict[str, int] = {}
    for info in infos:
        name, encoding = decoded_name(info)
        encodings[encoding] = encodings.get(encoding, 0) + 1
        _check_name(name)
        key = unicodedata.normalize("NFC", name.rstrip("/")).casefold()
        if key in seen:
            raise Damaged("package.duplicate", name=name)
        seen.add(key)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise Damaged("package.symlink", name=name)
        if info.flag_bits & 0x1:
            raise Damaged("package.entry_unsupported", name=name, reason="encrypted entry")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Damaged("package.entry_unsupported", name=name, reason=f"compression {info.compress_type}")
        total += info.file_size
        if total > limits.max_total_size:
            raise Damaged("package.too_large", size=total, limit=limits.max_total_size)
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise Damaged("package.ratio", name=name, ratio=info.file_size // max(info.compress_size, 1),
                          limit=limits.max_ratio)
        top, slash, rest = name.partition("/")
        tops.add(top)
        if not slash:
            raise Damaged("package.one_folder", name=name)
        if rest and not name.endswith("/"):
            files[unicodedata.normalize("NFC", rest)] = info
    if len(tops) > 1:
        raise Damaged("package.one_folder", name=", ".join(sorted(tops))[:200])
    return (tops.pop() if tops else ""), files, encodings


def _check_name(name: str) -> None:
    if not name:
        raise Damaged("package.unsafe_name", name=repr(name), reason="empty")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise Damaged("package.unsafe_name", name=name, reason="absolute path")
    if "\\" in name:
        raise Damaged("package.unsafe_name", name=name, reason="backslash")
    if any(ord(ch) < 32 or ch == "\x7f" for ch in name):
        raise Damaged("package.unsafe_name", name=repr(name), reason="control character")
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise Damaged("package.unsafe_name", name=name, reason="'..', '.' or an empty part")
