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

from guide.updates.guidepack.build import (
    OutRefused,
    build_pack_file,
    default_pack_name,
    out_problem,
    source_files,
)
from guide.updates.guidepack.format import (
    DEFAULT_LIMITS,
    INDEX,
    MANIFEST,
    PREFIX,
    SIGNATURES,
    SUFFIX,
    BuiltPack,
    FileEntry,
    Limits,
    Manifest,
    PackIndex,
    Signature,
    VerifiedPack,
    is_pack_file,
    safe_relpath,
)
from guide.updates.guidepack.publish import parse_index, publish_pack_file, published_index
from guide.updates.guidepack.signing import SignedPack, sign_pack_file
from guide.updates.guidepack.verify import read_manifest, verify_pack_file

__all__ = [
    "DEFAULT_LIMITS", "INDEX", "MANIFEST", "PREFIX", "SIGNATURES", "SUFFIX", "BuiltPack", "FileEntry",
    "Limits", "Manifest", "OutRefused", "PackIndex", "Signature", "SignedPack", "VerifiedPack",
    "build_pack_file", "default_pack_name", "is_pack_file", "out_problem", "parse_index",
    "publish_pack_file", "published_index", "read_manifest", "safe_relpath", "sign_pack_file",
    "source_files", "verify_pack_file",
]
