"""A pack folder's files and fingerprint, without validation (cheap enough for start-up)."""

from __future__ import annotations

import hashlib
from pathlib import Path

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


def fingerprint(root: Path) -> str:
    """sha256 over the pack's file names and bytes: changes whenever the pack does."""
    digest = hashlib.sha256()
    files = [root / PACK_META, *pack_files(root)]
    files += sorted(p for p in root.rglob("*") if p.suffix.lower() in ASSET_SUFFIXES)
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
