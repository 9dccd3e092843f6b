"""Reading a pack file: the manifest and the full check of structure, signature and hashes."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack.archive import (
    check_canonical,
    check_members,
    hash_prefix,
    not_a_pack,
    open_archive,
    read_capped,
    sha256_file,
    stream_member,
)
from guide.updates.guidepack.format import (
    DEFAULT_LIMITS,
    FORMAT,
    FORMAT_VERSION,
    HEX64,
    MANIFEST,
    PACK_ID,
    PREFIX,
    SIGNATURES,
    ByteProgress,
    FileEntry,
    Limits,
    Manifest,
    VerifiedPack,
    refuse,
    safe_relpath,
)
from guide.updates.guidepack.signatures import choose_signer, parse_signatures
from guide.updates.keys import PublicKey


def parse_manifest(data: bytes, limits: Limits) -> Manifest:
    """The manifest.json bytes read into a :class:`Manifest`, every field checked (ids, versions,
    safe paths, counts within ``limits``); refused (UpdateRefused) otherwise, naming what is wrong."""
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
    if not isinstance(pack_id, str) or not PACK_ID.match(pack_id):
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
        if not isinstance(sha, str) or not HEX64.match(sha):
            raise bad(f"manifest sha256 of {path} is not 64 hex digits")
        entries.append(FileEntry(path, size, sha))
    payload = raw.get("payload")
    if (not isinstance(payload, dict) or not isinstance(payload.get("bytes"), int)
            or not isinstance(payload.get("sha256"), str) or not HEX64.match(payload["sha256"])):
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


def _check_listed(members: dict[str, zipfile.ZipInfo], manifest: Manifest) -> None:
    """The archive holds exactly the files the manifest lists."""
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


def _hash_files(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], manifest: Manifest,
                extract_to: Path | None, progress: ByteProgress | None) -> None:
    """Check every file's size and sha256, writing it under ``extract_to`` as it is read."""
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
            stream_member(zf, info, entry, None, advance)
            continue
        target = extract_to.joinpath(*entry.path.split("/"))
        if extract_to.resolve() not in target.resolve().parents:
            raise refuse(errors.UNSAFE, f"{entry.path} would land outside the pack folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as out:  # x: never follow or overwrite anything
            stream_member(zf, info, entry, out, advance)


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
    except FileNotFoundError as exc:
        raise refuse(errors.NOT_FOUND, f"{path} does not exist; check the file's name and "
                     "folder") from exc
    except OSError as exc:
        raise refuse(errors.CORRUPT, f"cannot read pack file {path}: {exc.strerror or exc}") from exc
    if path.is_dir():
        raise not_a_pack(path, ": it is a folder")
    if archive_size > limits.max_archive_bytes:
        raise refuse(errors.TOO_LARGE, f"the pack file has {archive_size} bytes, "
                     f"over the {limits.max_archive_bytes} limit")
    if extract_to is not None:
        extract_to = Path(extract_to)
        extract_to.mkdir(parents=True, exist_ok=False)
    try:
        with open_archive(path) as zf:
            members = check_members(zf, limits)
            fp = zf.fp
            if fp is None:  # zipfile closes it only on errors it has already raised
                raise refuse(errors.CORRUPT, f"cannot read {path}")
            check_canonical(fp, zf)
            if MANIFEST not in members:
                raise refuse(errors.BAD_MANIFEST, f"the archive has no {MANIFEST}: not a pack file")
            manifest_bytes = read_capped(zf, members[MANIFEST], limits.max_manifest_bytes, MANIFEST)
            signatures = (parse_signatures(read_capped(zf, members[SIGNATURES], 1 << 20, SIGNATURES))
                          if SIGNATURES in members else [])
            if not signatures and require_signature:
                raise refuse(errors.UNSIGNED, "the pack is not signed; sign it with `guide pack sign`")
            signer, is_trusted = choose_signer(signatures, manifest_bytes, trusted)
            manifest = parse_manifest(manifest_bytes, limits)
            _check_listed(members, manifest)
            _hash_files(zf, members, manifest, extract_to, progress)
            # Last, every byte before the manifest: headers and compressed data the file hashes miss.
            end = members[MANIFEST].header_offset
            if manifest.payload_bytes != end or hash_prefix(fp, end) != manifest.payload_sha256:
                raise refuse(errors.HASH_MISMATCH, "the archive's bytes differ from what the signed "
                             "manifest describes: the pack was altered or damaged")
    except BaseException:
        if extract_to is not None:
            shutil.rmtree(extract_to, ignore_errors=True)
        raise
    digest, _ = sha256_file(path)
    return VerifiedPack(path=path, manifest=manifest, signer=signer, trusted=is_trusted,
                        size=archive_size, sha256=digest)


def read_manifest(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Manifest:
    """The manifest of a pack file, *unverified* (to pick the newest of several packs)."""
    with open_archive(Path(path)) as zf:
        members = check_members(zf, limits)
        if MANIFEST not in members:
            raise refuse(errors.BAD_MANIFEST, f"the archive has no {MANIFEST}: not a pack file")
        return parse_manifest(read_capped(zf, members[MANIFEST], limits.max_manifest_bytes, MANIFEST),
                               limits)
