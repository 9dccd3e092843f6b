"""Helpers shared by the pack-file and update tests (no tests here).

Packs are small copies of tests/fixtures/mini_pack, edited the way a content editor
would (a new version number, a changed paragraph, an item added or removed).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from guide.updates.guidepack import (
    MANIFEST,
    SIGNATURES,
    Signature,
    build_pack_file,
    sign_pack_file,
)
from guide.updates.guidepack.archive import hash_prefix, write_tail, zipinfo
from guide.updates.guidepack.signatures import signature_block
from guide.updates.keys import PrivateKey, PublicKey, generate_key_pair, load_private_key, load_public_key
from guide.updates.state import ContentSlot

MINI_PACK = Path(__file__).parent / "fixtures" / "mini_pack"
ITEMS = "items.toml"

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


def copy_pack(dest: Path, version: int = 1) -> Path:
    """A writable copy of the mini pack with ``version`` in pack.toml."""
    shutil.copytree(MINI_PACK, dest)
    set_version(dest, version)
    return dest


def set_version(pack: Path, version: int) -> None:
    """Set ``[pack] version``."""
    meta = pack / "pack.toml"
    meta.write_text(re.sub(r"(?m)^version = \d+$", f"version = {version}", meta.read_text("utf-8")),
                    encoding="utf-8")


def replace_text(pack: Path, old: str, new: str) -> None:
    """Replace text in items.toml (it must be there)."""
    path = pack / ITEMS
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def drop_item(pack: Path, kind: str, item_id: str) -> None:
    """Remove one ``[[kind]]`` block from items.toml."""
    path = pack / ITEMS
    blocks = re.split(r"(?m)^(?=\[\[)", path.read_text(encoding="utf-8"))
    kept = [b for b in blocks if not (b.startswith(f"[[{kind}]]")
                                      and re.search(rf'(?m)^id = "{re.escape(item_id)}"$', b))]
    assert len(kept) == len(blocks) - 1, f"no {kind} {item_id}"
    path.write_text("".join(kept), encoding="utf-8")


def append_items(pack: Path, toml: str) -> None:
    """Add items at the end of items.toml."""
    path = pack / ITEMS
    path.write_text(path.read_text(encoding="utf-8") + toml, encoding="utf-8")


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
