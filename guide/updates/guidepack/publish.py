"""The update source folder: ``index.json`` and publishing a signed pack into it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from guide.updates import errors
from guide.updates.guidepack.archive import (
    write_atomically,
)
from guide.updates.guidepack.build import default_pack_name
from guide.updates.guidepack.format import (
    DEFAULT_LIMITS,
    HEX64,
    INDEX,
    INDEX_FORMAT,
    Limits,
    PackIndex,
    refuse,
)
from guide.updates.guidepack.verify import verify_pack_file
from guide.updates.keys import PublicKey
from guide.updates.log import log


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
            or (sha is not None and (not isinstance(sha, str) or not HEX64.match(sha)))):
        raise refuse(errors.BAD_MANIFEST, f"{INDEX} lacks pack_id, version or file, or has bad values")
    return PackIndex(pack_id, version, file, size, sha)


def publish_pack_file(pack_file: Path, dest_dir: Path, *, limits: Limits = DEFAULT_LIMITS,
                      trusted: Sequence[PublicKey] | None = None) -> PackIndex:
    """Copy a signed pack file into an update source folder and point its ``index.json`` at it.

    The pack is copied first and the index replaced last (both atomically), so a
    kiosk polling the folder meanwhile sees the old index or the new one, each with
    its complete pack. Unsigned packs are refused: every kiosk would refuse them too; so is
    a pack signed by none of ``trusted`` when given (the kiosks' keys), which would point
    every kiosk at a pack it refuses and hide the good one before it.
    """
    verified = verify_pack_file(pack_file, trusted or None, limits=limits, require_signature=True)
    m = verified.manifest
    dest_dir = Path(dest_dir)
    name = default_pack_name(m.pack_id, m.version)
    write_atomically(dest_dir / name, lambda tmp: shutil.copyfile(verified.path, tmp))
    index = PackIndex(m.pack_id, m.version, name, verified.size, verified.sha256)
    write_atomically(dest_dir / INDEX, lambda tmp: tmp.write_bytes(index.to_bytes()))
    log.info("published %s version %d to %s", m.pack_id, m.version, dest_dir)
    return index
