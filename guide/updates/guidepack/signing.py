"""Signing a pack file: adding a key's signature to its tail, atomically."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from guide.files import file_lock
from guide.updates import errors
from guide.updates.guidepack.archive import (
    CHUNK,
    write_atomically,
    write_tail,
)
from guide.updates.guidepack.format import (
    DEFAULT_LIMITS,
    MANIFEST,
    SIGNATURES,
    Limits,
    Signature,
    refuse,
)
from guide.updates.guidepack.signatures import parse_signatures, signature_block
from guide.updates.guidepack.verify import verify_pack_file
from guide.updates.keys import PrivateKey, PublicKey
from guide.updates.log import log


@dataclass(frozen=True)
class SignedPack:
    """What signing did: the key that signed, and the other keys' signatures kept or removed."""

    key: PublicKey
    resigned: bool  # the pack had a signature by this key already; it was replaced
    kept: tuple[PublicKey, ...]  # other keys whose signatures the pack still carries
    removed: tuple[PublicKey, ...]  # other keys' signatures dropped (``replace``)


def sign_pack_file(path: Path, key: PrivateKey, *, limits: Limits = DEFAULT_LIMITS,
                   replace: bool = False) -> SignedPack:
    """Add ``key``'s signature of the manifest to the pack file (atomically); say what it holds now.

    The pack is checked first (structure and hashes), so only intact packs get signed.
    An earlier signature by the same key is replaced; other keys' signatures stay (a kiosk
    trusting any of them accepts the pack, as during a key rotation) unless ``replace``,
    which leaves ``key``'s signature alone (to retire an old key).
    """
    path = Path(path)
    if not path.is_file():  # the check says what is wrong, before a lock is made beside it
        verify_pack_file(path, None, limits=limits, require_signature=False)
    # One signing of a file at a time: two keys signing one pack at once (a key rotation's
    # two signatures) each added theirs to the file as it was, and the later write dropped
    # the earlier's signature after both had said "signed".
    with file_lock(path.with_name(f".{path.name}.lock"), remove=True):
        return _sign(path, key, limits, replace)


def _sign(path: Path, key: PrivateKey, limits: Limits, replace: bool) -> SignedPack:
    verify_pack_file(path, None, limits=limits, require_signature=False)
    with zipfile.ZipFile(path) as zf:
        manifest_bytes = zf.read(MANIFEST)
        names = [i.filename for i in zf.infolist()]
        old = parse_signatures(zf.read(SIGNATURES)) if SIGNATURES in names else []
        payload = [i for i in zf.infolist() if i.filename not in (MANIFEST, SIGNATURES)]
        payload_end = zf.getinfo(MANIFEST).header_offset
    public = key.public
    others = [s for s in old if s.key.raw != public.raw]
    signatures = [] if replace else list(others)
    signatures.append(Signature(public, key.sign(manifest_bytes)))

    def write(tmp: Path) -> None:
        # Copy the payload byte for byte (it is hashed in the manifest), then a new tail.
        with open(path, "rb") as src, open(tmp, "wb") as dst:
            src.seek(0)
            left = payload_end
            while left > 0:
                chunk = src.read(min(CHUNK, left))
                if not chunk:
                    raise refuse(errors.CORRUPT, f"{path} changed while it was being signed")
                dst.write(chunk)
                left -= len(chunk)
            write_tail(dst, payload, manifest_bytes, signature_block(signatures))

    write_atomically(path, write)
    others_keys = tuple(s.key for s in others)
    log.info("signed %s with %s%s", path, public.label,
             f"; removed the signatures of {', '.join(k.label for k in others_keys)}"
             if replace and others_keys else "")
    return SignedPack(public, resigned=len(others) < len(old),
                      kept=() if replace else others_keys, removed=others_keys if replace else ())
