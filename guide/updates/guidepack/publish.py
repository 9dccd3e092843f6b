"""The update source folder: ``index.json`` and publishing a signed pack into it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from guide.files import file_lock
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
    VerifiedPack,
    refuse,
)
from guide.updates.guidepack.verify import verify_pack_file
from guide.updates.keys import PublicKey
from guide.updates.log import log

PUBLISH_LOCK = ".publish.lock"  # beside index.json, held while a publish checks and writes


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


def published_index(dest_dir: Path) -> PackIndex | None:
    """The ``index.json`` already in an update folder, or None when there is none yet.

    Raises :class:`UpdateRefused` (bad-manifest) when a file of that name is there but is
    not an update index, saying that publishing would overwrite it.
    """
    path = Path(dest_dir) / INDEX
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise refuse(errors.BAD_MANIFEST, f"cannot read {path}: {exc.strerror or exc}; nothing "
                     "was published") from exc
    try:
        return parse_index(data)
    except errors.UpdateRefused as exc:
        raise refuse(errors.BAD_MANIFEST, f"{path} is not an update index this guide wrote "
                     f"({exc.message}); nothing was published. If {path.parent} is the update "
                     "folder, give --replace to write a new index over it; otherwise choose "
                     "another folder") from exc


def _same_content(published: Path, verified: VerifiedPack, limits: Limits) -> bool:
    """Whether the pack published at ``published`` holds what ``verified`` holds, whatever
    signatures each carries (a pack signed again with a second key, to rotate keys)."""
    try:
        return verify_pack_file(published, None, limits=limits, require_signature=False).manifest \
            == verified.manifest
    except (errors.UpdateRefused, OSError):
        return False


def _check_succession(published: PackIndex, verified: VerifiedPack, dest_dir: Path,
                      limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a pack that would hide the published one from kiosks (see publish_pack_file)."""
    m = verified.manifest
    where = f"{dest_dir} publishes {published.pack_id} version {published.version}"
    if m.pack_id != published.pack_id:
        raise refuse(errors.WRONG_PACK, f"{where}, and this pack is {m.pack_id} version "
                     f"{m.version}: every kiosk showing {published.pack_id} would refuse it and "
                     f"no longer see {published.pack_id}'s updates; nothing was published. If it "
                     f"is {published.pack_id} corrected (a sheet saved under another name), keep "
                     f"the pack id: import the file again into {published.pack_id}'s pack "
                     f"folder (or a new one) with `guide import FILE --out PACK_DIR --pack-id "
                     f"{published.pack_id} --pack-version {published.version + 1}`, then build, "
                     f"sign and publish that. If it is another programme, publish it to a folder "
                     f"of its own (--replace would make this folder serve {m.pack_id} instead, "
                     f"and the kiosks showing {published.pack_id} would take none of it)")
    if m.version == published.version and (verified.sha256 == published.sha256 or _same_content(
            dest_dir / published.file, verified, limits)):
        return  # the same pack again (perhaps with another signature): no kiosk loses it
    if m.version <= published.version:
        same = "a different file of the same version" if m.version == published.version \
            else f"the older version {m.version}"
        raise refuse(errors.NOT_NEWER, f"{where}, and this pack is {same}: kiosks that have "
                     f"version {published.version} refuse it, and the others would no longer "
                     f"get version {published.version}; nothing was published. Give it a higher "
                     f"version (also to go back to older content): import its file again with "
                     f"`guide import FILE --out PACK_DIR --pack-version {published.version + 1}` "
                     f"(or raise the version in its pack.toml above {published.version}), then "
                     "build, sign and publish it; or give --replace if staff mean to replace the "
                     "published pack (e.g. one that every kiosk refused)")


def publish_pack_file(pack_file: Path, dest_dir: Path, *, limits: Limits = DEFAULT_LIMITS,
                      trusted: Sequence[PublicKey] | None = None,
                      replace: bool = False, dry_run: bool = False) -> PackIndex:
    """Copy a signed pack file into an update source folder and point its ``index.json`` at it.

    The pack is copied first and the index replaced last (both atomically), so a
    kiosk polling the folder meanwhile sees the old index or the new one, each with
    its complete pack. Refused, with nothing written, are packs the kiosks would refuse
    and that would hide the good one before them: unsigned packs; packs signed by none of
    ``trusted`` when given (the kiosks' keys); and, unless ``replace``, a pack of another
    pack id than the one published there (wrong-pack) or a version not newer than it
    (not-newer; the very same file again is fine), and an ``index.json`` this guide did
    not write. ``dry_run`` checks all this and returns the index it would write, writing nothing.
    """
    verified = verify_pack_file(pack_file, trusted or None, limits=limits, require_signature=True)
    dest_dir = Path(dest_dir)
    if dry_run:
        return _publish(verified, dest_dir, limits, replace=replace, dry_run=True)
    dest_dir.mkdir(parents=True, exist_ok=True)
    # One publish into a folder at a time: two staff publishing versions 6 and 5 at once
    # both checked against version 4, and the index could end up naming 5, with "published
    # version 6" said (kiosks that had polled meanwhile kept 6, the others got 5).
    with file_lock(dest_dir / PUBLISH_LOCK, remove=True):
        return _publish(verified, dest_dir, limits, replace=replace, dry_run=False)


def _publish(verified: VerifiedPack, dest_dir: Path, limits: Limits, *, replace: bool,
             dry_run: bool) -> PackIndex:
    m = verified.manifest
    if not replace:
        published = published_index(dest_dir)
        if published is not None:
            _check_succession(published, verified, dest_dir, limits)
    name = default_pack_name(m.pack_id, m.version)
    if dry_run:
        return PackIndex(m.pack_id, m.version, name, verified.size, verified.sha256)
    write_atomically(dest_dir / name, lambda tmp: shutil.copyfile(verified.path, tmp))
    index = PackIndex(m.pack_id, m.version, name, verified.size, verified.sha256)
    write_atomically(dest_dir / INDEX, lambda tmp: tmp.write_bytes(index.to_bytes()))
    log.info("published %s version %d to %s%s", m.pack_id, m.version, dest_dir,
             " (--replace)" if replace else "")
    return index
