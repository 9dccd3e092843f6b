"""The manifest's signatures: their canonical block, reading it, choosing the trusted signer."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence

from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack.format import (
    FORMAT,
    FORMAT_VERSION,
    SIGNATURES,
    Signature,
    refuse,
)
from guide.updates.keys import ALGORITHM, PublicKey


def signature_block(signatures: Sequence[Signature]) -> bytes:
    """The manifest.sig bytes for ``signatures``, in the one canonical form that reading demands."""
    data = {"format": FORMAT, "format_version": FORMAT_VERSION, "signatures": [
        {"algorithm": ALGORITHM, "key_id": s.key.key_id,
         "public_key": base64.b64encode(s.key.raw).decode(),
         "signature": base64.b64encode(s.signature).decode()}
        for s in signatures
    ]}
    return json.dumps(data, indent=1, sort_keys=True).encode() + b"\n"


def parse_signatures(data: bytes) -> list[Signature]:
    """The signatures in a manifest.sig; refused (bad-signature) when malformed or not in the
    canonical form, since the block itself is not signed and must hide no stray bytes."""
    def bad(message: str) -> UpdateRefused:
        return refuse(errors.BAD_SIGNATURE, f"{SIGNATURES} is malformed: {message}")

    try:
        block = json.loads(data.decode("utf-8"))
        found = []
        for item in block["signatures"]:
            raw = base64.b64decode(item["public_key"], validate=True)
            sig = base64.b64decode(item["signature"], validate=True)
            if item["algorithm"] != ALGORITHM or len(raw) != 32 or len(sig) != 64:
                raise ValueError("not an Ed25519 key and signature")
            found.append(Signature(PublicKey(raw), sig))
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError,
            ValueError, binascii.Error) as exc:
        raise bad(str(exc)) from exc
    # It is not signed itself, so it must be exactly what we write: no room for stray bytes.
    if signature_block(found) != data:
        raise bad("it is not in the canonical form")
    return found


def choose_signer(
    signatures: list[Signature], manifest_bytes: bytes, trusted: Sequence[PublicKey] | None
) -> tuple[PublicKey | None, bool]:
    """(the signer, whether it is trusted): with ``trusted`` None, the first key whose signature
    holds (``pack verify`` without keys); else the first trusted key that signed, refused as
    no-trusted-keys, unknown-key or bad-signature when none does, so nothing unsigned is applied."""
    if trusted is None:  # no trust list: say whether the embedded signatures hold together
        bad = None
        for sig in signatures:
            if sig.key.verify(sig.signature, manifest_bytes):
                return sig.key, False
            bad = sig
        if bad is not None:
            raise refuse(errors.BAD_SIGNATURE,
                         f"the signature by {bad.key.label} does not match the manifest: "
                         "the manifest was altered or the signature is damaged")
        return None, False
    if not trusted:
        raise refuse(errors.NO_TRUSTED_KEYS, errors.NO_TRUSTED_KEYS_MESSAGE)
    by_raw = {k.raw: k for k in trusted}
    for sig in signatures:
        key = by_raw.get(sig.key.raw)
        if key is None:
            continue
        if not sig.key.verify(sig.signature, manifest_bytes):
            raise refuse(errors.BAD_SIGNATURE,
                         f"the signature by trusted key {key.label} does not match the manifest: "
                         "the manifest was altered or the signature is damaged")
        return key, True
    ids = ", ".join(f"{ALGORITHM}:{s.key.key_id}" for s in signatures)
    raise refuse(errors.UNKNOWN_KEY, f"signed by {ids}, which is not among the "
                 f"{len(trusted)} trusted key(s) ({', '.join(k.label for k in trusted)})")
