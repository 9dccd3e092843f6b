"""Helpers shared by the pack-file and update tests (no tests here).

Packs are small copies of tests/fixtures/mini_pack, edited the way a content editor
would (a new version number, a changed paragraph, an item added or removed).
"""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.updates.guidepack import (
    MANIFEST,
    SIGNATURES,
    Signature,
    build_pack_file,
    sign_pack_file,
)
from guide.updates.guidepack.archive import hash_prefix, write_tail, zipinfo
from guide.updates.guidepack.signatures import signature_block
from guide.updates.keys import (
    KeyFileError,
    PrivateKey,
    PublicKey,
    generate_key_pair,
    load_private_key,
    load_public_key,
)
from guide.updates.state import ContentSlot

NEW_FORUM = '''
[[forum]]
id = "closing"
title = "闭幕式"
title_en = "Closing ceremony"
kind = "conference"
date = 2023-05-30
summary = "闭幕。"
summary_en = "The close."
text = ["闭幕式正文。"]
'''


def make_key(folder: Path, name: str = "Content team") -> tuple[PrivateKey, PublicKey, Path, Path]:
    """A fresh key pair in ``folder``: (private, public, private path, public path)."""
    folder.mkdir(parents=True, exist_ok=True)
    private_path, public_path = generate_key_pair(folder / name.lower().replace(" ", "-"), name)
    return load_private_key(private_path), load_public_key(public_path), private_path, public_path


def signed_pack(src: Path, out: Path, key: PrivateKey | None) -> Path:
    """Build ``src`` into ``out`` and sign it with ``key`` (None: leave it unsigned)."""
    built = build_pack_file(src, out)
    if key is not None:
        sign_pack_file(built.path, key)
    return built.path


def sha(path: Path) -> str:
    """sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path -> sha256): to prove nothing changed."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != ".lock"}


def _canonical(out: Path, payload: dict[str, bytes], tail: Callable[[int, str], tuple[bytes, bytes | None]]
               ) -> None:
    """Write ``payload`` members, then manifest.json and manifest.sig as ``tail(bytes, sha256)`` says."""
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in payload.items():
            compress = zipfile.ZIP_STORED if name.endswith(".png") else zipfile.ZIP_DEFLATED
            zf.writestr(zipinfo(name, compress), data)
    with zipfile.ZipFile(out) as zf:
        infos, end = zf.infolist(), zf.start_dir
    with open(out, "r+b") as fh:
        fh.truncate(end)
        manifest, sig = tail(end, hash_prefix(fh, end))
        fh.seek(end)
        write_tail(fh, infos, manifest, sig)


def rezip(src: Path, out: Path, change: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> None:
    """Copy a pack file, replacing (bytes) or dropping (None) members, keeping its manifest and
    signature as they are: a well-formed archive whose content lies (what a careful attacker makes)."""
    with zipfile.ZipFile(src) as zin:
        data = {i.filename: zin.read(i) for i in zin.infolist()}
    manifest, sig = data.pop(MANIFEST), data.pop(SIGNATURES, None)
    if MANIFEST in change:
        manifest = change.pop(MANIFEST) or b""
    payload = {n: change.get(n, d) for n, d in data.items() if change.get(n, d) is not None}
    payload.update(add or {})
    _canonical(out, {n: d for n, d in payload.items() if d is not None}, lambda _n, _h: (manifest, sig))


def forge(out: Path, files: dict[str, bytes], key: PrivateKey, manifest_files: list[dict[str, object]],
          *, pack_id: str = "mini", version: int = 2, members: dict[str, bytes] | None = None) -> Path:
    """A properly *signed*, canonical archive with whatever manifest and members a malicious
    signer wants. ``files`` go in under ``pack/``; ``members`` under their exact names."""

    def tail(end: int, digest: str) -> tuple[bytes, bytes | None]:
        manifest = json.dumps({
            "format": "zgc-guidepack", "format_version": 1, "pack_id": pack_id, "version": version,
            "title": "t", "title_en": "t", "created": "2023-05-27T00:00:00Z", "fingerprint": "",
            "files": manifest_files, "payload": {"bytes": end, "sha256": digest},
        }).encode()
        return manifest, signature_block([Signature(key.public, key.sign(manifest))])

    payload = {"pack/" + name: data for name, data in files.items()}
    payload.update(members or {})
    _canonical(out, payload, tail)
    return out


def entry(path: str, data: bytes) -> dict[str, object]:
    """A manifest file entry that matches ``data``."""
    return {"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def slot_files(slot: ContentSlot) -> set[str]:
    """Names of the files in the slot folder (not the lock, not subfolders)."""
    return {p.name for p in slot.root.iterdir() if p.is_file() and p.name != ".lock"}


# RFC 8032 section 7.1, test 1: the key and the signature of the empty message.
RFC8032_SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
RFC8032_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
RFC8032_SIGNATURE = bytes.fromhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
    "d25bf5f0595bbe24655141438e7a100b")


def test_private_keys_in_the_pkcs8_pem_that_openssl_writes_load_and_sign_as_rfc_8032_says(
        tmp_path: Path) -> None:
    """Key files made before the switch to PyNaCl (by the cryptography package, as OpenSSL
    writes them: `openssl genpkey -algorithm ed25519`) still load and sign the same."""
    der = bytes.fromhex("302e020100300506032b657004220420") + RFC8032_SEED
    pem = "-----BEGIN PRIVATE KEY-----\n" + base64.b64encode(der).decode() + "\n-----END PRIVATE KEY-----\n"
    path = tmp_path / "team.key"
    path.write_text(pem, encoding="ascii")
    path.chmod(0o600)
    key = load_private_key(path)
    assert key.public.raw == RFC8032_PUBLIC
    assert key.sign(b"") == RFC8032_SIGNATURE
    assert PublicKey(RFC8032_PUBLIC).verify(RFC8032_SIGNATURE, b"")
    assert not PublicKey(RFC8032_PUBLIC).verify(RFC8032_SIGNATURE, b"x")
    assert not PublicKey(RFC8032_PUBLIC).verify(RFC8032_SIGNATURE[:63], b"")


def test_a_private_key_of_another_kind_is_refused_by_name(tmp_path: Path) -> None:
    # PKCS#8 of a P-256 key (OID 1.2.840.10045.2.1), shortened: its algorithm is what matters.
    der = bytes.fromhex("3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420") + bytes(32)
    path = tmp_path / "ec.key"
    path.write_text("-----BEGIN PRIVATE KEY-----\n" + base64.b64encode(der).decode()
                    + "\n-----END PRIVATE KEY-----\n", encoding="ascii")
    with pytest.raises(KeyFileError, match="not an Ed25519 key"):
        load_private_key(path)
    path.write_text("not a key", encoding="ascii")
    with pytest.raises(KeyFileError, match="not an unencrypted PEM private key"):
        load_private_key(path)
