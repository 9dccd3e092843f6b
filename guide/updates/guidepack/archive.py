"""The zip container of a pack file: canonical writing of its tail, and defensive reading.

The payload members are written by :mod:`zipfile`; the tail (manifest.json, manifest.sig,
the central directory and the end record) is written here byte for byte, because signing
rewrites only the tail and verifying demands exactly this layout around the signed bytes
(:mod:`zipfile` can neither drop a member nor promise a canonical directory).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

from guide.files import atomic_replace
from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack.format import (
    MANIFEST,
    PREFIX,
    SIGNATURES,
    FileEntry,
    Limits,
    refuse,
    safe_relpath,
)

_EPOCH = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: byte-identical archives from identical packs
_MODE = (stat.S_IFREG | 0o644) << 16
CHUNK = 1 << 16
# The zip format's fixed records (APPNOTE 4.3.7, 4.3.12, 4.3.16), without zip64 or comments.
_LOCAL_STRUCT, _LOCAL_MAGIC, _LOCAL_SIZE = "<4s2B4HL2L2H", b"PK\x03\x04", 30
_CENTRAL_STRUCT, _CENTRAL_MAGIC = "<4s4B4HL2L5H2L", b"PK\x01\x02"
_END_STRUCT, _END_MAGIC, _END_SIZE = "<4s4H2LH", b"PK\x05\x06", 22


def sha256_file(path: Path) -> tuple[str, int]:
    """The sha256 (hex) and size of the file at ``path``, read in chunks (a pack may be large)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def zipinfo(name: str, compress: int) -> zipfile.ZipInfo:
    """A member header with a fixed date and mode, so identical packs make byte-identical archives."""
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.external_attr = _MODE
    info.create_system = 3  # unix, so the mode bits mean what they say
    info.compress_type = compress
    return info


def _encoded_name(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), 0x800  # the zip "names are UTF-8" flag


def _dos_time(date_time: tuple[int, ...]) -> tuple[int, int]:
    y, mo, d, h, mi, sec = date_time
    return (h << 11) | (mi << 5) | (sec // 2), ((y - 1980) << 9) | (mo << 5) | d


def _local_record(info: zipfile.ZipInfo) -> bytes:
    """The local file header the canonical layout has for ``info`` (name included)."""
    name, flags = _encoded_name(info.filename)
    return struct.pack(_LOCAL_STRUCT, _LOCAL_MAGIC, 20, 0, flags, info.compress_type,
                       *_dos_time(_EPOCH), info.CRC, info.compress_size, info.file_size,
                       len(name), 0) + name


def _central_record(info: zipfile.ZipInfo) -> bytes:
    """The central directory record the canonical layout has for ``info`` (name included)."""
    name, flags = _encoded_name(info.filename)
    return struct.pack(_CENTRAL_STRUCT, _CENTRAL_MAGIC, 20, 3, 20, 0, flags, info.compress_type,
                       *_dos_time(_EPOCH), info.CRC, info.compress_size, info.file_size,
                       len(name), 0, 0, 0, 0, _MODE, info.header_offset) + name


def _end_record(count: int, size: int, offset: int) -> bytes:
    return struct.pack(_END_STRUCT, _END_MAGIC, 0, 0, count, count, size, offset, 0)


def write_tail(fh: IO[bytes], payload: Sequence[zipfile.ZipInfo], manifest: bytes,
                signatures: bytes | None) -> None:
    """Append manifest.json, manifest.sig (if any), the directory and the end record at ``fh``'s end."""
    infos = list(payload)
    for name, data in ((MANIFEST, manifest), (SIGNATURES, signatures)):
        if data is None:
            continue
        info = zipinfo(name, zipfile.ZIP_STORED)
        info.CRC, info.compress_size, info.file_size = zlib.crc32(data), len(data), len(data)
        info.header_offset = fh.tell()
        fh.write(_local_record(info) + data)
        infos.append(info)
    start = fh.tell()
    directory = b"".join(_central_record(i) for i in infos)
    fh.write(directory + _end_record(len(infos), len(directory), start))


def hash_prefix(fh: IO[bytes], length: int) -> str:
    """The sha256 (hex) of ``fh``'s first ``length`` bytes: the payload the manifest signs,
    headers and compressed data included, which the per-file hashes do not cover."""
    fh.seek(0)
    digest = hashlib.sha256()
    left = length
    while left > 0:
        chunk = fh.read(min(CHUNK, left))
        if not chunk:
            break
        digest.update(chunk)
        left -= len(chunk)
    return digest.hexdigest()


def write_atomically(out: Path, write: Callable[[Path], object]) -> None:
    """Have ``write`` fill a temporary file beside ``out``, then replace ``out`` with it in one
    step: a reader (a kiosk polling a share) never sees half a pack or index."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        write(tmp)
        atomic_replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


def check_members(zf: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """The archive's members by name, once each is known safe to read: refuses (UpdateRefused)
    links, folders, paths outside the pack, duplicates, encryption and unknown zip features."""
    infos = zf.infolist()
    if len(infos) > limits.max_files + 2:
        raise refuse(errors.TOO_LARGE, f"the archive has {len(infos)} members, over the limit")
    members: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    for info in infos:
        name = info.filename
        kind = stat.S_IFMT(info.external_attr >> 16)
        if info.create_system == 3 and kind not in (0, stat.S_IFREG):
            what = "a symbolic link" if kind == stat.S_IFLNK else "not a regular file"
            raise refuse(errors.UNSAFE, f"archive member {name!r} is {what}")
        if name.endswith("/") or info.is_dir():
            raise refuse(errors.UNSAFE, f"archive member {name!r} is a folder")
        if name not in (MANIFEST, SIGNATURES) and not (
            name.startswith(PREFIX) and safe_relpath(name[len(PREFIX):])
        ):
            raise refuse(errors.UNSAFE, f"archive member {name!r} is not a safe pack path")
        if name.casefold() in folded:
            raise refuse(errors.UNSAFE, f"archive member {name!r} appears twice")
        folded.add(name.casefold())
        if info.flag_bits & 0x1:
            raise refuse(errors.UNSAFE, f"archive member {name!r} is encrypted")
        if info.flag_bits & ~(0x1 | 0x800):
            # Patched data, strong encryption, data descriptors …: no pack has them (its
            # writer sets only the UTF-8 names flag), and zipfile cannot read some of them.
            raise refuse(errors.CORRUPT, f"archive member {name!r} uses zip features a pack file "
                         f"never has (flags {info.flag_bits:#06x}): the archive is damaged or "
                         "not a pack file")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(errors.CORRUPT, f"archive member {name!r} uses an unsupported compression")
        members[name] = info
    return members


def check_canonical(fh: IO[bytes], zf: zipfile.ZipFile) -> None:
    """Demand exactly the layout this module writes, around the members' data.

    zipfile ignores much of an archive (local header timestamps, gaps between members,
    directory fields it does not need); those bytes are not signed, so any change to
    them is refused here instead of passing unnoticed.
    """
    def bad(message: str) -> UpdateRefused:
        return refuse(errors.CORRUPT, f"the archive is damaged or not a pack file: {message}")

    infos = zf.infolist()
    names = [i.filename for i in infos]
    tail = [MANIFEST, SIGNATURES] if names[-1:] == [SIGNATURES] else [MANIFEST]
    if names[-len(tail):] != tail:
        raise bad(f"{MANIFEST} and {SIGNATURES} must be its last members")
    offset = 0
    for info in infos:
        if info.header_offset != offset:
            raise bad(f"unexpected bytes before {info.filename!r}")
        fh.seek(offset)
        expected = _local_record(info)
        if fh.read(len(expected)) != expected:
            raise bad(f"the header of {info.filename!r} differs from the directory")
        offset += len(expected) + info.compress_size
    directory = b"".join(_central_record(i) for i in infos)
    expected_tail = directory + _end_record(len(infos), len(directory), offset)
    fh.seek(0, os.SEEK_END)
    if fh.tell() != offset + len(expected_tail):
        raise bad("unexpected bytes after the last member")
    fh.seek(offset)
    if fh.read(len(expected_tail)) != expected_tail:
        raise bad("its directory differs from the canonical one")


def read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, what: str) -> bytes:
    """The member's bytes, refused as too-large past ``cap`` whatever its header claims."""
    if info.file_size > cap:
        raise refuse(errors.TOO_LARGE, f"{what} has {info.file_size} bytes, over the {cap} limit")
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise refuse(errors.TOO_LARGE, f"{what} is over the {cap} byte limit")
    return data


_ZIP_START = b"PK\x03\x04"  # a zip's first local header: every pack file starts with it
_SQLITE_START = b"SQLite format 3\x00"


def not_a_pack(path: Path, what: str) -> UpdateRefused:
    """The refusal of a file that is no pack file at all, saying which file to give instead."""
    return refuse(errors.NOT_A_PACK, f"{path} is not a content pack (.guidepack){what}; give the "
                  "signed .guidepack file that `guide pack build` and `guide pack sign` made")


def _unreadable(path: Path, exc: BaseException) -> UpdateRefused:
    """Why zipfile could not read ``path``: it is some other file, or a damaged pack."""
    try:
        with open(path, "rb") as fh:
            start = fh.read(len(_SQLITE_START))
    except OSError:
        start = _ZIP_START  # cannot tell: say what zipfile said
    if not start:
        return refuse(errors.CORRUPT, f"{path} is empty (an incomplete copy or download?); copy or "
                      "download the pack file again")
    if start.startswith(_SQLITE_START):
        return not_a_pack(path, ": it is an SQLite database (a content database is built from a "
                          "pack, it is not one)")
    if not start.startswith(_ZIP_START[:2]):
        return not_a_pack(path, ": it is not a zip archive, which every pack file is")
    return refuse(errors.CORRUPT, f"the archive is damaged or incomplete (a truncated download?): "
                  f"{exc}; copy or download it again")


@contextlib.contextmanager
def open_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    """The pack file at ``path`` opened as a zip; any file that cannot be one is refused
    (UpdateRefused) with what it is instead (missing, a folder, a database, a damaged archive)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            # A zip of something else (a spreadsheet, a photo archive) is no damaged pack.
            if MANIFEST not in names and not any(n.startswith(PREFIX) for n in names):
                raise not_a_pack(path, f": it is a zip archive of other files ({', '.join(names[:3])}"
                                 f"{', ...' if len(names) > 3 else ''})")
            yield zf
    except UpdateRefused:
        raise
    except NotImplementedError as exc:
        # zipfile's word for an archive it cannot read ("zip file version 7.8").
        raise refuse(errors.CORRUPT, f"the archive is damaged or not a pack file: it needs zip "
                     f"features the guide does not read ({exc})") from exc
    except FileNotFoundError as exc:
        raise refuse(errors.NOT_FOUND, f"{path} does not exist; check the file's name and "
                     "folder") from exc
    except IsADirectoryError as exc:
        raise not_a_pack(path, ": it is a folder") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, ValueError,
            OSError) as exc:
        raise _unreadable(path, exc) from exc


def stream_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, entry: FileEntry, out: IO[bytes] | None,
    advance: Callable[[int], None],
) -> None:
    """Copy one member to ``out`` (or just read it), calling ``advance`` per chunk; refuses it
    (hash-mismatch) as soon as it is longer than the signed ``entry`` says, or if its sha256 differs."""
    digest = hashlib.sha256()
    size = 0
    with zf.open(info) as fh:
        while chunk := fh.read(CHUNK):
            size += len(chunk)
            if size > entry.size:  # never trust the header's size: stop at the signed one
                raise refuse(errors.HASH_MISMATCH, f"{entry.path} is longer than the manifest says "
                             f"({entry.size} bytes)")
            digest.update(chunk)
            if out is not None:
                out.write(chunk)
            advance(len(chunk))
    if size != entry.size:
        raise refuse(errors.HASH_MISMATCH,
                     f"{entry.path} has {size} bytes, the manifest says {entry.size}")
    if digest.hexdigest() != entry.sha256:
        raise refuse(errors.HASH_MISMATCH,
                     f"sha256 of {entry.path} does not match the manifest: the file was altered")
