"""A pack folder's files and fingerprint, without validation (cheap enough for start-up)."""

from __future__ import annotations

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


def _blake2b() -> Callable[..., Any]:
    """BLAKE2b from CPython's built-in module (the one ``hashlib.blake2b`` is).

    Every start fingerprints the bundled pack. BLAKE2b costs about a third of the built-in
    SHA-256's instructions per byte (53 -> 16; 8.5 -> 2.6 M over the newspaper's 160 KB),
    with the same strength against a changed file keeping its digest; ``import hashlib``
    would load OpenSSL's libcrypto (3.5 MB resident, a sixth of what the window adds to a
    bare one) for names the start never uses.
    """
    try:
        from _blake2 import blake2b
    except ImportError:  # not CPython: hashlib guarantees blake2b everywhere
        from hashlib import blake2b
    return blake2b


def fingerprint(root: Path) -> str:
    """BLAKE2b over the pack's file names and bytes: changes whenever the pack does.

    A database stores the fingerprint of the pack it was built from; one built by a guide
    that fingerprinted with SHA-256 (64 hex digits; BLAKE2b gives 128) never equals one, so
    it is rebuilt once, never taken as current.
    """
    blake2b = _blake2b()
    digest = blake2b()
    files = [root / PACK_META, *pack_files(root)]
    files += sorted(p for p in root.rglob("*") if p.suffix.lower() in ASSET_SUFFIXES)
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(blake2b(path.read_bytes()).digest())
    return digest.hexdigest()
