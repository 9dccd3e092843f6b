"""What a ``.guidepack`` is: names, limits, the manifest and the records read from it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from guide.updates.errors import UpdateRefused
from guide.updates.keys import PublicKey

FORMAT = "zgc-guidepack"
FORMAT_VERSION = 1
INDEX_FORMAT = "zgc-guidepack-index"
SUFFIX = ".guidepack"
MANIFEST = "manifest.json"
SIGNATURES = "manifest.sig"
PREFIX = "pack/"
INDEX = "index.json"

_SEGMENT = re.compile(r"^[^/\\:\x00-\x1f]+$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")

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


def safe_relpath(path: str) -> bool:
    """True for a plain relative POSIX path that stays inside its folder on every OS."""
    if not path or len(path) > 1024 or path.startswith("/"):
        return False
    parts = path.split("/")
    return all(p not in ("", ".", "..") and _SEGMENT.match(p) for p in parts)


def is_pack_file(path: Path) -> bool:
    """Whether ``path`` is laid out as a ``.guidepack`` (a zip holding the manifest and the
    pack folder), whatever it is called; nothing is verified."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, ValueError):
        return False
    return MANIFEST in names and any(name.startswith(PREFIX) for name in names)
