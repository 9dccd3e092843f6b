"""The ``.guidepack`` file: one zip archive holding a content pack, its manifest and signatures.

Layout (member names inside the zip, in this order)::

    pack/pack.toml     the pack folder's files, under pack/, as in the source folder
    pack/items.toml    (text deflated, images stored)
    pack/images/a.png
    manifest.json      what the pack is, the sha256 and size of every file, and the sha256
                       of the archive's bytes before it (the "payload"); stored uncompressed
    manifest.sig       detached Ed25519 signature(s) over the exact bytes of manifest.json

The signature covers ``manifest.json``; the manifest covers every byte before it (the
payload hash) and every file's content (sha256 and size); the rest (the two members'
headers, the zip directory, the end record) must be exactly what this module writes.
So one signature authenticates the whole file, and a single changed byte anywhere is
refused. ``manifest.sig`` lives inside the archive (one file to copy) and outside what
it signs; ``guide pack sign`` rewrites only the archive's tail to add it (replacing an
earlier signature by the same key, keeping those by other keys, e.g. during a key
rotation).

Reading is defensive: the layout and member names are checked before anything is
written (no absolute paths, ``..``, backslashes, drive letters, symlinks, duplicates,
unexpected members), sizes and counts are capped, and every byte is hashed while it is
read in chunks. Archives are written deterministically (fixed timestamps and modes).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.keys import ALGORITHM, PrivateKey, PublicKey
from guide.updates.log import log

FORMAT = "zgc-guidepack"
FORMAT_VERSION = 1
INDEX_FORMAT = "zgc-guidepack-index"
SUFFIX = ".guidepack"
MANIFEST = "manifest.json"
SIGNATURES = "manifest.sig"
PREFIX = "pack/"
INDEX = "index.json"

_EPOCH = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: byte-identical archives from identical packs
_MODE = (stat.S_IFREG | 0o644) << 16
_CHUNK = 1 << 16
# The zip format's fixed records (APPNOTE 4.3.7, 4.3.12, 4.3.16), without zip64 or comments.
_LOCAL_STRUCT, _LOCAL_MAGIC, _LOCAL_SIZE = "<4s2B4HL2L2H", b"PK\x03\x04", 30
_CENTRAL_STRUCT, _CENTRAL_MAGIC = "<4s4B4HL2L5H2L", b"PK\x01\x02"
_END_STRUCT, _END_MAGIC, _END_SIZE = "<4s4H2LH", b"PK\x05\x06", 22
_SEGMENT = re.compile(r"^[^/\\:\x00-\x1f]+$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")

ByteProgress = Callable[[int, int], None]  # (bytes done, bytes total)


@dataclass(frozen=True)
class Limits:
    """Caps that keep a hostile or broken archive from filling the disk or memory."""

    max_archive_bytes: int = 512 * 1024 * 1024
    max_file_bytes: int = 128 * 1024 * 1024
    max_total_bytes: int = 2 * 1024 * 1024 * 1024
    max_files: int = 50_000
    max_manifest_bytes: int = 16 * 1024 * 1024


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class FileEntry:
    """One file of the pack as the manifest records it (path relative to the pack folder)."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What a pack file holds. Its exact bytes are what gets signed."""

    pack_id: str
    version: int
    title: str
    title_en: str
    created: str
    fingerprint: str
    files: tuple[FileEntry, ...]
    payload_bytes: int = 0
    payload_sha256: str = ""

    @property
    def total_bytes(self) -> int:
        """Sum of the files' sizes."""
        return sum(f.size for f in self.files)

    def to_bytes(self) -> bytes:
        """Canonical JSON (sorted keys, UTF-8), as stored in the archive."""
        data = {
            "format": FORMAT, "format_version": FORMAT_VERSION,
            "pack_id": self.pack_id, "version": self.version,
            "title": self.title, "title_en": self.title_en,
            "created": self.created, "fingerprint": self.fingerprint,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
            "payload": {"bytes": self.payload_bytes, "sha256": self.payload_sha256},
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode() + b"\n"


@dataclass(frozen=True)
class Signature:
    """One detached signature of the manifest, with the public key that made it."""

    key: PublicKey
    signature: bytes


@dataclass(frozen=True)
class BuiltPack:
    """A pack file written by :func:`build_pack_file`."""

    path: Path
    manifest: Manifest
    size: int


@dataclass(frozen=True)
class VerifiedPack:
    """A pack file whose structure, hashes and signature checked out.

    ``signer`` is the trusted key that signed it (with the name the trusted list gives
    it); when verified without a trusted list it is the embedded key and ``trusted``
    is False.
    """

    path: Path
    manifest: Manifest
    signer: PublicKey | None
    trusted: bool
    size: int
    sha256: str


@dataclass(frozen=True)
class PackIndex:
    """The small JSON file an update source serves beside the latest pack."""

    pack_id: str
    version: int
    file: str
    size: int | None
    sha256: str | None

    def to_bytes(self) -> bytes:
        """The index as written by :func:`publish_pack_file`."""
        data = {"format": INDEX_FORMAT, "format_version": FORMAT_VERSION, "pack_id": self.pack_id,
                "version": self.version, "file": self.file, "size": self.size, "sha256": self.sha256}
        return json.dumps(data, indent=1, sort_keys=True).encode() + b"\n"


def refuse(reason: str, message: str, details: Sequence[str] = ()) -> UpdateRefused:
    """Build the exception (callers ``raise refuse(...)`` so type checkers see the raise)."""
    return UpdateRefused(reason, message, details)


# --- paths -------------------------------------------------------------------------------


def safe_relpath(path: str) -> bool:
    """True for a plain relative POSIX path that stays inside its folder on every OS."""
    if not path or len(path) > 1024 or path.startswith("/"):
        return False
    parts = path.split("/")
    return all(p not in ("", ".", "..") and _SEGMENT.match(p) for p in parts)


def source_files(root: Path) -> list[Path]:
    """The files a pack file carries: pack.toml, content files and images.

    The same set as :func:`guide.content.packfiles.fingerprint`, so an extracted pack
    has the fingerprint of its source folder.
    """
    from guide.content.packfiles import IMAGE_SUFFIXES, PACK_META, pack_files

    files = [root / PACK_META, *pack_files(root)]
    files += sorted(p for p in root.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())
    return files


def _has_symlink(root: Path, path: Path) -> bool:
    rel = path.relative_to(root)
    return any((root / part).is_symlink() for part in [rel, *rel.parents] if str(part) != ".")


def _sha256_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _zipinfo(name: str, compress: int) -> zipfile.ZipInfo:
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


def _write_tail(fh: IO[bytes], payload: Sequence[zipfile.ZipInfo], manifest: bytes,
                signatures: bytes | None) -> None:
    """Append manifest.json, manifest.sig (if any), the directory and the end record at ``fh``'s end."""
    infos = list(payload)
    for name, data in ((MANIFEST, manifest), (SIGNATURES, signatures)):
        if data is None:
            continue
        info = _zipinfo(name, zipfile.ZIP_STORED)
        info.CRC, info.compress_size, info.file_size = zlib.crc32(data), len(data), len(data)
        info.header_offset = fh.tell()
        fh.write(_local_record(info) + data)
        infos.append(info)
    start = fh.tell()
    directory = b"".join(_central_record(i) for i in infos)
    fh.write(directory + _end_record(len(infos), len(directory), start))


def _hash_prefix(fh: IO[bytes], length: int) -> str:
    fh.seek(0)
    digest = hashlib.sha256()
    left = length
    while left > 0:
        chunk = fh.read(min(_CHUNK, left))
        if not chunk:
            break
        digest.update(chunk)
        left -= len(chunk)
    return digest.hexdigest()


def _write_atomically(out: Path, write: Callable[[Path], object]) -> None:
    from guide.content.build import atomic_replace

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        write(tmp)
        atomic_replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)


# --- build and sign ----------------------------------------------------------------------


def default_pack_name(pack_id: str, version: int) -> str:
    """``<pack id>-<version>.guidepack``."""
    return f"{pack_id}-{version}{SUFFIX}"


def build_pack_file(src_dir: Path, out: Path | None = None, *, limits: Limits = DEFAULT_LIMITS) -> BuiltPack:
    """Validate the pack folder ``src_dir`` and write an (unsigned) pack file.

    Raises :class:`guide.content.loader.PackInvalid` when the pack has errors (nothing
    is written) and :class:`UpdateRefused` when a file cannot be carried safely (a
    symlink, an unsafe name, over a limit). ``out`` defaults to
    ``<pack id>-<version>.guidepack`` in the current folder. The file is replaced atomically.
    """
    from guide.content.loader import load_pack
    from guide.content.packfiles import IMAGE_SUFFIXES

    src_dir = Path(src_dir)
    pack = load_pack(src_dir)
    entries = []
    for path in source_files(src_dir):
        rel = path.relative_to(src_dir).as_posix()
        if _has_symlink(src_dir, path):
            raise refuse(errors.UNSAFE, f"{rel} is a symbolic link; pack files carry only real files")
        if not safe_relpath(rel):
            raise refuse(errors.UNSAFE, f"{rel!r} is not a portable file name")
        sha, size = _sha256_file(path)
        if size > limits.max_file_bytes:
            raise refuse(errors.TOO_LARGE, f"{rel} has {size} bytes, over the {limits.max_file_bytes} limit")
        entries.append(FileEntry(rel, size, sha))
    total = sum(e.size for e in entries)
    if len(entries) > limits.max_files or total > limits.max_total_bytes:
        raise refuse(errors.TOO_LARGE, f"{len(entries)} files, {total} bytes: over the limits")
    out = Path(out) if out is not None else Path.cwd() / default_pack_name(pack.info.id, pack.info.version)
    manifest: Manifest | None = None

    def write(tmp: Path) -> None:
        nonlocal manifest
        with zipfile.ZipFile(tmp, "w") as zf:
            for entry in entries:
                # Images are compressed already; deflating them again only costs time.
                compress = (zipfile.ZIP_STORED if Path(entry.path).suffix.lower() in IMAGE_SUFFIXES
                            else zipfile.ZIP_DEFLATED)
                with open(src_dir / entry.path, "rb") as src, \
                        zf.open(_zipinfo(PREFIX + entry.path, compress), "w") as dst:
                    shutil.copyfileobj(src, dst, _CHUNK)
        with zipfile.ZipFile(tmp) as zf:
            payload, end = zf.infolist(), zf.start_dir
        with open(tmp, "r+b") as fh:
            fh.truncate(end)  # drop zipfile's directory: the tail is written canonically below
            manifest = Manifest(
                pack_id=pack.info.id, version=pack.info.version, title=pack.info.title,
                title_en=pack.info.title_en, created=_now(), fingerprint=pack.fingerprint,
                files=tuple(entries), payload_bytes=end, payload_sha256=_hash_prefix(fh, end),
            )
            fh.seek(end)
            _write_tail(fh, payload, manifest.to_bytes(), None)

    _write_atomically(out, write)
    assert manifest is not None
    # The files could have changed while they were copied: check the result as a reader would.
    verify_pack_file(out, None, limits=limits, require_signature=False)
    size = out.stat().st_size
    log.info("built pack file %s: pack %s version %d, %d files, %d bytes",
             out, manifest.pack_id, manifest.version, len(entries), size)
    return BuiltPack(out, manifest, size)


def _signature_block(signatures: Sequence[Signature]) -> bytes:
    data = {"format": FORMAT, "format_version": FORMAT_VERSION, "signatures": [
        {"algorithm": ALGORITHM, "key_id": s.key.key_id,
         "public_key": base64.b64encode(s.key.raw).decode(),
         "signature": base64.b64encode(s.signature).decode()}
        for s in signatures
    ]}
    return json.dumps(data, indent=1, sort_keys=True).encode() + b"\n"


def _parse_signatures(data: bytes) -> list[Signature]:
    def bad(message: str) -> UpdateRefused:
        return refuse(errors.BAD_SIGNATURE, f"{SIGNATURES} is malformed: {message}")

    try:
        block = json.loads(data.decode("utf-8"))
        found = []
        for item in block["signatures"]:
            raw = base64.b64decode(item["public_key"], validate=True)
            sig = base64.b64decode(item["signature"], validate=True)
            if item["algorithm"] != ALGORITHM or len(raw) != 32 or len(sig) != 64:
                raise ValueError("not an Ed25519 key and signature")
            found.append(Signature(PublicKey(raw), sig))
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError,
            ValueError, binascii.Error) as exc:
        raise bad(str(exc)) from exc
    # It is not signed itself, so it must be exactly what we write: no room for stray bytes.
    if _signature_block(found) != data:
        raise bad("it is not in the canonical form")
    return found


def sign_pack_file(path: Path, key: PrivateKey, *, limits: Limits = DEFAULT_LIMITS) -> PublicKey:
    """Add ``key``'s signature of the manifest to the pack file (atomically); return its public key.

    The pack is checked first (structure and hashes), so only intact packs get signed.
    An earlier signature by the same key is replaced; other keys' signatures stay.
    """
    path = Path(path)
    verify_pack_file(path, None, limits=limits, require_signature=False)
    with zipfile.ZipFile(path) as zf:
        manifest_bytes = zf.read(MANIFEST)
        names = [i.filename for i in zf.infolist()]
        old = _parse_signatures(zf.read(SIGNATURES)) if SIGNATURES in names else []
        payload = [i for i in zf.infolist() if i.filename not in (MANIFEST, SIGNATURES)]
        payload_end = zf.getinfo(MANIFEST).header_offset
    public = key.public
    signatures = [s for s in old if s.key.raw != public.raw]
    signatures.append(Signature(public, key.sign(manifest_bytes)))

    def write(tmp: Path) -> None:
        # Copy the payload byte for byte (it is hashed in the manifest), then a new tail.
        with open(path, "rb") as src, open(tmp, "wb") as dst:
            src.seek(0)
            left = payload_end
            while left > 0:
                chunk = src.read(min(_CHUNK, left))
                if not chunk:
                    raise refuse(errors.CORRUPT, f"{path} changed while it was being signed")
                dst.write(chunk)
                left -= len(chunk)
            _write_tail(dst, payload, manifest_bytes, _signature_block(signatures))

    _write_atomically(path, write)
    log.info("signed %s with %s", path, public.label)
    return public


# --- reading and verifying ---------------------------------------------------------------


def _parse_manifest(data: bytes, limits: Limits) -> Manifest:
    def bad(message: str) -> UpdateRefused:
        return refuse(errors.BAD_MANIFEST, message)

    try:
        raw: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad(f"{MANIFEST} is not valid JSON: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise bad(f"{MANIFEST} is not a {FORMAT} manifest")
    version = raw.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise bad("manifest has no format version")
    if version > FORMAT_VERSION:
        raise bad(f"manifest format {version} is newer than this program's {FORMAT_VERSION}; "
                  "install a newer zgc-guide")
    pack_id, pack_version = raw.get("pack_id"), raw.get("version")
    if not isinstance(pack_id, str) or not _PACK_ID.match(pack_id):
        raise bad(f"manifest pack id {pack_id!r} is not a valid id")
    if not isinstance(pack_version, int) or isinstance(pack_version, bool) or pack_version < 1:
        raise bad(f"manifest version {pack_version!r} is not a positive integer")
    files = raw.get("files")
    if not isinstance(files, list) or not files:
        raise bad("manifest lists no files")
    if len(files) > limits.max_files:
        raise refuse(errors.TOO_LARGE,
                     f"manifest lists {len(files)} files, over the {limits.max_files} limit")
    entries: list[FileEntry] = []
    seen: set[str] = set()
    for i, item in enumerate(files):
        if not isinstance(item, dict):
            raise bad(f"manifest file {i} is not an object")
        path, size, sha = item.get("path"), item.get("size"), item.get("sha256")
        if not isinstance(path, str) or not safe_relpath(path):
            raise refuse(errors.UNSAFE, f"manifest file path {path!r} is not a safe relative path")
        if path.casefold() in seen:  # a.png and A.png collide on Windows and macOS
            raise refuse(errors.UNSAFE, f"manifest lists {path!r} twice")
        seen.add(path.casefold())
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise bad(f"manifest size of {path} is not a byte count")
        if size > limits.max_file_bytes:
            raise refuse(errors.TOO_LARGE, f"{path} has {size} bytes, over the {limits.max_file_bytes} limit")
        if not isinstance(sha, str) or not _HEX64.match(sha):
            raise bad(f"manifest sha256 of {path} is not 64 hex digits")
        entries.append(FileEntry(path, size, sha))
    payload = raw.get("payload")
    if (not isinstance(payload, dict) or not isinstance(payload.get("bytes"), int)
            or not isinstance(payload.get("sha256"), str) or not _HEX64.match(payload["sha256"])):
        raise bad("manifest has no payload hash")
    manifest = Manifest(
        pack_id=pack_id, version=pack_version, title=str(raw.get("title", "")),
        title_en=str(raw.get("title_en", "")), created=str(raw.get("created", "")),
        fingerprint=str(raw.get("fingerprint", "")), files=tuple(entries),
        payload_bytes=payload["bytes"], payload_sha256=payload["sha256"],
    )
    if manifest.total_bytes > limits.max_total_bytes:
        raise refuse(errors.TOO_LARGE, f"the pack unpacks to {manifest.total_bytes} bytes, "
                     f"over the {limits.max_total_bytes} limit")
    if "pack.toml" not in {e.path for e in entries}:
        raise bad("manifest lists no pack.toml")
    return manifest


def _check_members(zf: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
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
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(errors.CORRUPT, f"archive member {name!r} uses an unsupported compression")
        members[name] = info
    return members


def _check_canonical(fh: IO[bytes], zf: zipfile.ZipFile) -> None:
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


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, what: str) -> bytes:
    if info.file_size > cap:
        raise refuse(errors.TOO_LARGE, f"{what} has {info.file_size} bytes, over the {cap} limit")
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise refuse(errors.TOO_LARGE, f"{what} is over the {cap} byte limit")
    return data


def _choose_signer(
    signatures: list[Signature], manifest_bytes: bytes, trusted: Sequence[PublicKey] | None
) -> tuple[PublicKey | None, bool]:
    if trusted is None:  # no trust list: say whether the embedded signatures hold together
        bad = None
        for sig in signatures:
            if sig.key.verify(sig.signature, manifest_bytes):
                return sig.key, False
            bad = sig
        if bad is not None:
            raise refuse(errors.BAD_SIGNATURE,
                         f"the signature by {bad.key.label} does not match the manifest: "
                         "the manifest was altered or the signature is damaged")
        return None, False
    if not trusted:
        raise refuse(errors.NO_TRUSTED_KEYS, "no trusted public keys are configured, so no pack "
                     "can be accepted; add the content team's .pub key to the trusted keys")
    by_raw = {k.raw: k for k in trusted}
    for sig in signatures:
        key = by_raw.get(sig.key.raw)
        if key is None:
            continue
        if not sig.key.verify(sig.signature, manifest_bytes):
            raise refuse(errors.BAD_SIGNATURE,
                         f"the signature by trusted key {key.label} does not match the manifest: "
                         "the manifest was altered or the signature is damaged")
        return key, True
    ids = ", ".join(f"{ALGORITHM}:{s.key.key_id}" for s in signatures)
    raise refuse(errors.UNKNOWN_KEY, f"signed by {ids}, which is not among the "
                 f"{len(trusted)} trusted key(s) ({', '.join(k.label for k in trusted)})")


def _stream_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, entry: FileEntry, out: IO[bytes] | None,
    advance: Callable[[int], None],
) -> None:
    digest = hashlib.sha256()
    size = 0
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
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


@contextlib.contextmanager
def _open_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        with zipfile.ZipFile(path) as zf:
            yield zf
    except UpdateRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, ValueError,
            NotImplementedError, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise refuse(errors.CORRUPT, f"no such pack file: {path}") from exc
        raise refuse(errors.CORRUPT, f"the archive is damaged or incomplete "
                     f"(a truncated download?): {exc}") from exc


def verify_pack_file(
    path: Path,
    trusted: Sequence[PublicKey] | None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    require_signature: bool = True,
    extract_to: Path | None = None,
    progress: ByteProgress | None = None,
) -> VerifiedPack:
    """Check a pack file completely; raise :class:`UpdateRefused` saying why it fails.

    Checks, in order: size, archive layout and member names, the signature over the
    manifest (by one of ``trusted``; ``None`` checks the embedded signatures only and
    reports ``trusted=False``), the manifest, that the archive holds exactly the
    manifest's files, the size and sha256 of every file, and the payload hash (every
    byte before the manifest). With ``extract_to`` (a
    folder that must not exist yet) the files are written there while they are
    hashed; on any failure the folder is removed again.
    """
    path = Path(path)
    try:
        archive_size = path.stat().st_size
    except OSError as exc:
        raise refuse(errors.CORRUPT, f"cannot read pack file {path}: {exc.strerror or exc}") from exc
    if archive_size > limits.max_archive_bytes:
        raise refuse(errors.TOO_LARGE, f"the pack file has {archive_size} bytes, "
                     f"over the {limits.max_archive_bytes} limit")
    if extract_to is not None:
        extract_to = Path(extract_to)
        extract_to.mkdir(parents=True, exist_ok=False)
    try:
        with _open_archive(path) as zf:
            members = _check_members(zf, limits)
            assert zf.fp is not None
            _check_canonical(zf.fp, zf)
            if MANIFEST not in members:
                raise refuse(errors.BAD_MANIFEST, f"the archive has no {MANIFEST}: not a pack file")
            manifest_bytes = _read_capped(zf, members[MANIFEST], limits.max_manifest_bytes, MANIFEST)
            signatures = (_parse_signatures(_read_capped(zf, members[SIGNATURES], 1 << 20, SIGNATURES))
                          if SIGNATURES in members else [])
            if not signatures and require_signature:
                raise refuse(errors.UNSIGNED, "the pack is not signed; sign it with `guide pack sign`")
            signer, is_trusted = _choose_signer(signatures, manifest_bytes, trusted)
            manifest = _parse_manifest(manifest_bytes, limits)
            expected = {PREFIX + e.path for e in manifest.files}
            present = set(members) - {MANIFEST, SIGNATURES}
            if present - expected:
                extra = sorted(present - expected)
                raise refuse(errors.UNSAFE, f"the archive holds files the manifest does not list: "
                             f"{', '.join(extra[:5])}")
            if expected - present:
                missing = sorted(expected - present)
                raise refuse(errors.HASH_MISMATCH, f"files listed in the manifest are missing: "
                             f"{', '.join(m[len(PREFIX):] for m in missing[:5])}")
            done = 0
            total = manifest.total_bytes

            def advance(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None:
                    progress(done, total)

            for entry in manifest.files:
                info = members[PREFIX + entry.path]
                if info.file_size != entry.size:
                    raise refuse(errors.HASH_MISMATCH, f"{entry.path} has {info.file_size} bytes in the "
                                 f"archive, the manifest says {entry.size}")
                if extract_to is None:
                    _stream_member(zf, info, entry, None, advance)
                    continue
                target = extract_to.joinpath(*entry.path.split("/"))
                if extract_to.resolve() not in target.resolve().parents:
                    raise refuse(errors.UNSAFE, f"{entry.path} would land outside the pack folder")
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "xb") as out:  # x: never follow or overwrite anything
                    _stream_member(zf, info, entry, out, advance)
            # Last, every byte before the manifest: headers and compressed data the file hashes miss.
            end = members[MANIFEST].header_offset
            if manifest.payload_bytes != end or _hash_prefix(zf.fp, end) != manifest.payload_sha256:
                raise refuse(errors.HASH_MISMATCH, "the archive's bytes differ from what the signed "
                             "manifest describes: the pack was altered or damaged")
    except BaseException:
        if extract_to is not None:
            shutil.rmtree(extract_to, ignore_errors=True)
        raise
    digest, _ = _sha256_file(path)
    return VerifiedPack(path=path, manifest=manifest, signer=signer, trusted=is_trusted,
                        size=archive_size, sha256=digest)


def read_manifest(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Manifest:
    """The manifest of a pack file, *unverified* (to pick the newest of several packs)."""
    with _open_archive(Path(path)) as zf:
        members = _check_members(zf, limits)
        if MANIFEST not in members:
            raise refuse(errors.BAD_MANIFEST, f"the archive has no {MANIFEST}: not a pack file")
        return _parse_manifest(_read_capped(zf, members[MANIFEST], limits.max_manifest_bytes, MANIFEST),
                               limits)


# --- the index an update source serves -------------------------------------------------------


def parse_index(data: bytes) -> PackIndex:
    """Read an update source's ``index.json``; raise :class:`UpdateRefused` (bad-manifest) if unusable."""
    try:
        raw: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refuse(errors.BAD_MANIFEST, f"{INDEX} is not valid JSON: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("format") != INDEX_FORMAT:
        raise refuse(errors.BAD_MANIFEST, f"{INDEX} is not a {INDEX_FORMAT} file")
    pack_id, version, file = raw.get("pack_id"), raw.get("version"), raw.get("file")
    size, sha = raw.get("size"), raw.get("sha256")
    if (not isinstance(pack_id, str) or not isinstance(version, int) or isinstance(version, bool)
            or not isinstance(file, str) or not file or "\\" in file or file.startswith("/")
            or (size is not None and (not isinstance(size, int) or size < 0))
            or (sha is not None and (not isinstance(sha, str) or not _HEX64.match(sha)))):
        raise refuse(errors.BAD_MANIFEST, f"{INDEX} lacks pack_id, version or file, or has bad values")
    return PackIndex(pack_id, version, file, size, sha)


def publish_pack_file(pack_file: Path, dest_dir: Path, *, limits: Limits = DEFAULT_LIMITS) -> PackIndex:
    """Copy a signed pack file into an update source folder and point its ``index.json`` at it.

    The pack is copied first and the index replaced last (both atomically), so a
    kiosk polling the folder meanwhile sees the old index or the new one, each with
    its complete pack. Unsigned packs are refused: every kiosk would refuse them too.
    """
    verified = verify_pack_file(pack_file, None, limits=limits, require_signature=True)
    m = verified.manifest
    dest_dir = Path(dest_dir)
    name = default_pack_name(m.pack_id, m.version)
    _write_atomically(dest_dir / name, lambda tmp: shutil.copyfile(verified.path, tmp))
    index = PackIndex(m.pack_id, m.version, name, verified.size, verified.sha256)
    _write_atomically(dest_dir / INDEX, lambda tmp: tmp.write_bytes(index.to_bytes()))
    log.info("published %s version %d to %s", m.pack_id, m.version, dest_dir)
    return index
