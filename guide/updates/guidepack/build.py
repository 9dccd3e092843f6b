"""Writing an unsigned pack file from a pack folder."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from guide.files import now_iso
from guide.updates import errors
from guide.updates.guidepack.archive import (
    CHUNK,
    hash_prefix,
    sha256_file,
    write_atomically,
    write_tail,
    zipinfo,
)
from guide.updates.guidepack.format import (
    DEFAULT_LIMITS,
    PREFIX,
    SUFFIX,
    BuiltPack,
    FileEntry,
    Limits,
    Manifest,
    refuse,
    safe_relpath,
)
from guide.updates.guidepack.verify import verify_pack_file
from guide.updates.log import log


def source_files(root: Path) -> list[Path]:
    """The files a pack file carries: pack.toml, content files and images.

    The same set as :func:`guide.content.pack_folder.fingerprint`, so an extracted pack
    has the fingerprint of its source folder.
    """
    from guide.content.pack_folder import ASSET_SUFFIXES, PACK_META, pack_files

    files = [root / PACK_META, *pack_files(root)]
    files += sorted(p for p in root.rglob("*") if p.suffix.lower() in ASSET_SUFFIXES and p.is_file())
    return files


def _has_symlink(root: Path, path: Path) -> bool:
    rel = path.relative_to(root)
    return any((root / part).is_symlink() for part in [rel, *rel.parents] if str(part) != ".")


class OutRefused(ValueError):
    """The pack file's destination holds something a build must not replace; one sentence."""


def out_problem(out: Path) -> str | None:
    """Why ``out`` must not be replaced by a newly built pack file; None if it may be.

    A new or empty file, or an unsigned pack file (an earlier build) may be. A signed pack
    would lose its signature (the build writes an unsigned one), and anything else is
    someone's file (a private key, a spreadsheet) that a mistyped ``--out`` must not wipe,
    as ``pack keygen`` never overwrites a key and ``build-db --out`` refuses a non-content file.
    """
    import stat

    from guide.updates.guidepack.archive import open_archive
    from guide.updates.guidepack.format import MANIFEST, SIGNATURES

    try:
        st = out.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{out} cannot be read ({exc.strerror or exc})"
    if stat.S_ISDIR(st.st_mode):
        return f"{out} is a folder; give the name of the pack file to write, e.g. {out / 'NAME.guidepack'}"
    if not stat.S_ISREG(st.st_mode):
        return f"{out} is not a regular file; give --out the name of a new file"
    if st.st_size == 0:
        return None  # an empty file holds nothing to lose
    try:
        with open_archive(out) as zf:
            names = set(zf.namelist())
    except errors.UpdateRefused:
        names = set()
    if MANIFEST not in names:
        return (f"{out} already exists and is not a pack file; give --out a new file name (or "
                "delete the file first)")
    if SIGNATURES in names:
        return (f"{out} is a signed pack file; building over it would throw its signature away "
                "(a built pack is unsigned): give --out a new file name (or delete the signed "
                "pack first, if that is what you mean)")
    return None


def default_pack_name(pack_id: str, version: int) -> str:
    """``<pack id>-<version>.guidepack``."""
    return f"{pack_id}-{version}{SUFFIX}"


def build_pack_file(src_dir: Path, out: Path | None = None, *, limits: Limits = DEFAULT_LIMITS) -> BuiltPack:
    """Validate the pack folder ``src_dir`` and write an (unsigned) pack file.

    Raises :class:`guide.content.loader.PackInvalid` when the pack has errors (nothing
    is written), :class:`UpdateRefused` when a file cannot be carried safely (a
    symlink, an unsafe name, over a limit) and :class:`OutRefused` when ``out`` holds
    something else than an unsigned pack (:func:`out_problem`). ``out`` defaults to
    ``<pack id>-<version>.guidepack`` in the current folder. The file is replaced atomically.
    """
    from guide.content.loader import load_pack
    from guide.content.pack_folder import IMAGE_SUFFIXES

    src_dir = Path(src_dir)
    pack = load_pack(src_dir)
    entries = []
    for path in source_files(src_dir):
        rel = path.relative_to(src_dir).as_posix()
        if _has_symlink(src_dir, path):
            raise refuse(errors.UNSAFE, f"{rel} is a symbolic link; pack files carry only real files")
        if not safe_relpath(rel):
            raise refuse(errors.UNSAFE, f"{rel!r} is not a portable file name")
        sha, size = sha256_file(path)
        if size > limits.max_file_bytes:
            raise refuse(errors.TOO_LARGE, f"{rel} has {size} bytes, over the {limits.max_file_bytes} limit")
        entries.append(FileEntry(rel, size, sha))
    total = sum(e.size for e in entries)
    if len(entries) > limits.max_files or total > limits.max_total_bytes:
        raise refuse(errors.TOO_LARGE, f"{len(entries)} files, {total} bytes: over the limits")
    out = Path(out) if out is not None else Path.cwd() / default_pack_name(pack.info.id, pack.info.version)
    problem = out_problem(out)
    if problem is not None:
        raise OutRefused(problem)

    def write(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w") as zf:
            for entry in entries:
                # Images are compressed already; deflating them again only costs time.
                compress = (zipfile.ZIP_STORED if Path(entry.path).suffix.lower() in IMAGE_SUFFIXES
                            else zipfile.ZIP_DEFLATED)
                with open(src_dir / entry.path, "rb") as src, \
                        zf.open(zipinfo(PREFIX + entry.path, compress), "w") as dst:
                    shutil.copyfileobj(src, dst, CHUNK)
        with zipfile.ZipFile(tmp) as zf:
            payload, end = zf.infolist(), zf.start_dir
        with open(tmp, "r+b") as fh:
            fh.truncate(end)  # drop zipfile's directory: the tail is written canonically below
            manifest = Manifest(
                pack_id=pack.info.id, version=pack.info.version, title=pack.info.title,
                title_en=pack.info.title_en, created=now_iso(), fingerprint=pack.fingerprint,
                files=tuple(entries), payload_bytes=end, payload_sha256=hash_prefix(fh, end),
            )
            fh.seek(end)
            write_tail(fh, payload, manifest.to_bytes(), None)

    write_atomically(out, write)
    # The files could have changed while they were copied: check the result as a reader would.
    manifest = verify_pack_file(out, None, limits=limits, require_signature=False).manifest
    size = out.stat().st_size
    log.info("built pack file %s: pack %s version %d, %d files, %d bytes",
             out, manifest.pack_id, manifest.version, len(entries), size)
    return BuiltPack(out, manifest, size)
