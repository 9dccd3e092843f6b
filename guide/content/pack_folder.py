"""A pack folder's files and fingerprint, without validation (cheap enough for start-up)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

PACK_META = "pack.toml"
CONTENT_SUFFIXES = (".toml", ".json")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp")
# A floor plan ([[map]]) is drawn as SVG or given as PNG.
MAP_SUFFIXES = (".svg", ".png")
# Every file of a pack besides its content files: part of its fingerprint and its guidepack.
ASSET_SUFFIXES = (*IMAGE_SUFFIXES, ".svg")


def pack_files(root: Path) -> list[Path]:
    """The content files of a pack folder (everything but pack.toml), sorted for stable order."""
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix in CONTENT_SUFFIXES and p.name != PACK_META
    )


def _sha256() -> Callable[..., Any]:
    """SHA-256 from CPython's built-in module, the one hashlib itself falls back to.

    Every start fingerprints the bundled pack; ``import hashlib`` would load OpenSSL's
    libcrypto for that (3.5 MB resident, a sixth of what the window adds to a bare one).
    The digests are the same; hashlib stays the fallback where the built-in is missing.
    """
    for name in ("_sha2", "_sha256"):  # Python 3.12+, 3.11
        try:
            return importlib.import_module(name).sha256
        except ImportError:
            continue
    import hashlib

    return hashlib.sha256


def fingerprint(root: Path) -> str:
    """sha256 over the pack's file names and bytes: changes whenever the pack does."""
    sha256 = _sha256()
    digest = sha256()
    files = [root / PACK_META, *pack_files(root)]
    files += sorted(p for p in root.rglob("*") if p.suffix.lower() in ASSET_SUFFIXES)
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(sha256(path.read_bytes()).digest())
    return digest.hexdigest()
