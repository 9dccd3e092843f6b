"""The .guidepack file: build, keys, signing, verification, and refusing every kind of damage."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest

from guide.content.loader import PackInvalid, load_pack
from guide.content.pack_folder import fingerprint
from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack import (
    MANIFEST,
    SIGNATURES,
    Limits,
    build_pack_file,
    read_manifest,
    sign_pack_file,
    verify_pack_file,
)
from guide.updates.guidepack.archive import zipinfo
from guide.updates.keys import (
    KeyFileError,
    PrivateKey,
    PublicKey,
    generate_key_pair,
    load_public_key,
    parse_public_key,
)
from tests.support import Midway, copy_pack, replace_text
from tests.test_updates_support import entry, forge, make_key, rezip, sha, signed_pack

Keys = tuple[PrivateKey, PublicKey, Path, Path]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return copy_pack(tmp_path / "pack", version=2)


@pytest.fixture
def keys(tmp_path: Path) -> Keys:
    return make_key(tmp_path / "keys")


def refused(path: Path, trusted: list[PublicKey] | None, **kwargs: Any) -> UpdateRefused:
    with pytest.raises(UpdateRefused) as info:
        verify_pack_file(path, trusted, **kwargs)
    return info.value


# --- build ---------------------------------------------------------------------------------


def test_build_carries_every_file_with_its_hash(pack: Path, tmp_path: Path) -> None:
    built = build_pack_file(pack, tmp_path / "mini-2.guidepack")
    m = built.manifest
    assert (m.pack_id, m.version, m.title_en) == ("mini", 2, "Test content")
    assert [f.path for f in m.files] == ["pack.toml", "items.toml", "images/area.png", "images/crowd.png"]
    for f in m.files:
        assert f.sha256 == sha(pack / f.path) and f.size == (pack / f.path).stat().st_size
    assert m.fingerprint == fingerprint(pack)
    with zipfile.ZipFile(built.path) as zf:
        assert zf.namelist() == ["pack/pack.toml", "pack/items.toml", "pack/images/area.png",
                                 "pack/images/crowd.png", MANIFEST]
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # Unpacked, it is the same pack: same fingerprint, loads without errors.
    verify_pack_file(built.path, None, require_signature=False, extract_to=tmp_path / "out")
    assert fingerprint(tmp_path / "out") == fingerprint(pack)
    assert load_pack(tmp_path / "out").count() == load_pack(pack).count()


def test_build_default_name_is_id_and_version(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert build_pack_file(pack).path == tmp_path / "mini-2.guidepack"


def test_build_refuses_an_invalid_pack_with_build_db_errors(pack: Path, tmp_path: Path) -> None:
    replace_text(pack, 'org = "zgc-park", role = "协办"', 'org = "nobody", role = "协办"')
    with pytest.raises(PackInvalid) as info:
        build_pack_file(pack, tmp_path / "x.guidepack")
    assert [str(e) for e in info.value.errors] == ["items.toml: forum.0.organisers.1.org: "
                                                   "unknown organization id 'nobody'"]
    assert not (tmp_path / "x.guidepack").exists()


def test_build_refuses_symlinks(pack: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG not yours")
    os.symlink(outside, pack / "images" / "link.png")
    with pytest.raises(UpdateRefused) as info:
        build_pack_file(pack, tmp_path / "x.guidepack")
    assert info.value.reason == errors.UNSAFE and "symbolic link" in info.value.message
    assert not (tmp_path / "x.guidepack").exists()


# --- keys ----------------------------------------------------------------------------------


def test_keygen_private_key_is_private_and_never_overwritten(tmp_path: Path) -> None:
    private, public = generate_key_pair(tmp_path / "team", "ZGC content team")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    key = load_public_key(public)
    assert key.name == "ZGC content team" and len(key.raw) == 32
    assert public.read_text().startswith("ed25519 ")
    assert parse_public_key(public.read_text()) == key
    assert load_public_key(public.read_text().strip()) == key  # the line itself works as well
    before = private.read_bytes()
    with pytest.raises(KeyFileError, match="never overwritten"):
        generate_key_pair(tmp_path / "team")
    assert private.read_bytes() == before


def test_two_keygens_of_one_name_at_once_keep_the_first_key_and_say_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second of two `guide pack keygen --out team` run at once said "error: team.key: File
    exists" (1 of 6 real runs); it says what the first one says, and the first key stays."""
    from guide.updates import keys as key_files

    real_generate = key_files.SigningKey.generate
    made: list[Path] = []

    def generate_while_another_keygen_runs() -> Any:
        if not made:  # the other keygen writes its key between the check and the write
            made.append(tmp_path / "team.key")
            generate_key_pair(tmp_path / "team")
        return real_generate()

    monkeypatch.setattr(key_files.SigningKey, "generate", staticmethod(generate_while_another_keygen_runs))
    with pytest.raises(KeyFileError, match=r"team\.key already exists; keys are never overwritten"):
        generate_key_pair(tmp_path / "team")
    first = load_public_key(tmp_path / "team.pub")
    assert key_files.load_private_key(made[0]).public.raw == first.raw


def test_bad_public_keys_are_explained(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="32 bytes"):
        parse_public_key("ed25519 AAAA")
    with pytest.raises(KeyFileError, match="not base64"):
        parse_public_key("ed25519 %%%")
    with pytest.raises(KeyFileError, match="cannot read"):
        load_public_key(tmp_path / "missing.pub")


def test_a_private_key_given_as_a_trusted_key_is_named_as_such(tmp_path: Path) -> None:
    """It said "public key is not base64", nothing about having given the secret .key."""
    private, public = generate_key_pair(tmp_path / "team", "ZGC content team")
    with pytest.raises(KeyFileError) as info:
        load_public_key(private)
    assert f"{private} is a private key (.key), not a public one" in str(info.value)
    assert f"give its public key {public}" in str(info.value) and "base64" not in str(info.value)


# --- sign and verify -----------------------------------------------------------------------


def test_sign_and_verify(pack: Path, tmp_path: Path, keys: Keys) -> None:
    private, public, _, _ = keys
    path = signed_pack(pack, tmp_path / "p.guidepack", private)
    v = verify_pack_file(path, [public])
    assert v.trusted and v.signer == public and v.signer.label.startswith("Content team (ed25519:")
    assert v.manifest.version == 2 and v.sha256 == sha(path) and v.size == path.stat().st_size
    # Without a trust list: the signature holds together, but trust is not claimed.
    v = verify_pack_file(path, None)
    assert not v.trusted and v.signer is not None and v.signer.raw == public.raw
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist()[-1] == SIGNATURES  # the signature lives inside, outside what it signs


def test_unsigned_is_refused(pack: Path, tmp_path: Path, keys: Keys) -> None:
    path = signed_pack(pack, tmp_path / "p.guidepack", None)
    exc = refused(path, [keys[1]])
    assert exc.reason == errors.UNSIGNED and "not signed" in exc.message


def test_wrong_key_is_refused(pack: Path, tmp_path: Path, keys: Keys) -> None:
    stranger, *_ = make_key(tmp_path / "other", "Stranger")
    path = signed_pack(pack, tmp_path / "p.guidepack", stranger)
    exc = refused(path, [keys[1]])
    assert exc.reason == errors.UNKNOWN_KEY
    assert stranger.public.key_id in exc.message and keys[1].key_id in exc.message


def test_no_trusted_keys_refuses_everything(pack: Path, tmp_path: Path, keys: Keys) -> None:
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    exc = refused(path, [])
    assert exc.reason == errors.NO_TRUSTED_KEYS
    # Says where the key goes ("to the trusted keys" left staff looking for them).
    assert "trusted_keys in updates.toml" in exc.message and "--trusted" in exc.message


def test_signing_again_keeps_other_keys(pack: Path, tmp_path: Path, keys: Keys) -> None:
    new_key, new_public, *_ = make_key(tmp_path / "rotation", "New team key")
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    sign_pack_file(path, new_key)
    sign_pack_file(path, new_key)  # the same key again replaces its signature
    assert verify_pack_file(path, [keys[1]]).signer == keys[1]
    assert verify_pack_file(path, [new_public]).signer == new_public
    with zipfile.ZipFile(path) as zf:
        assert zf.read(SIGNATURES).count(b'"key_id"') == 2


def test_two_keys_signing_one_pack_at_once_both_stay(
        pack: Path, tmp_path: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two staff sign one pack at the same moment (a key rotation: old key and new): both
    signatures are in the file. Each used to add its own to the file as it was read, and the
    later write dropped the other's after both had said "signed" (1 of 6 real runs)."""
    from guide.updates.guidepack import signing

    new_key, new_public, *_ = make_key(tmp_path / "rotation", "New team key")
    path = build_pack_file(pack, tmp_path / "p.guidepack").path
    # The other staff member signs while this one writes.
    other = Midway(monkeypatch, signing, "write_atomically", lambda: sign_pack_file(path, new_key))
    sign_pack_file(path, keys[0])
    other.join()
    assert verify_pack_file(path, [keys[1]]).signer == keys[1]
    assert verify_pack_file(path, [new_public]).signer == new_public
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_altered_manifest_breaks_the_signature(pack: Path, tmp_path: Path, keys: Keys) -> None:
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    with zipfile.ZipFile(path) as zf:
        manifest = zf.read(MANIFEST)
    rezip(path, tmp_path / "bad.guidepack", {MANIFEST: manifest.replace(b'"version": 2', b'"version": 9')})
    exc = refused(tmp_path / "bad.guidepack", [keys[1]])
    assert exc.reason == errors.BAD_SIGNATURE and "does not match the manifest" in exc.message


def test_one_changed_byte_in_a_file_is_refused(pack: Path, tmp_path: Path, keys: Keys) -> None:
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    items = (pack / "items.toml").read_bytes()
    changed = items.replace(b"Ministry of Science", b"ministry of Science", 1)
    assert len(changed) == len(items) and sum(a != b for a, b in zip(items, changed, strict=True)) == 1
    rezip(path, tmp_path / "bad.guidepack", {"pack/items.toml": changed})
    exc = refused(tmp_path / "bad.guidepack", [keys[1]])
    assert exc.reason == errors.HASH_MISMATCH
    assert exc.message == "sha256 of items.toml does not match the manifest: the file was altered"


def test_every_single_byte_change_is_refused(pack: Path, tmp_path: Path, keys: Keys) -> None:
    """Flip each byte of a signed pack file in turn: every single change is refused.

    (Should one ever be accepted, what it unpacks must still be the signed content.)
    """
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    original = path.read_bytes()
    positions = range(len(original))
    reasons: dict[str, int] = {}
    accepted = []
    with open(path, "r+b") as fh:
        for i in positions:
            fh.seek(i)
            fh.write(bytes([original[i] ^ 0x5A]))
            fh.flush()
            try:
                verify_pack_file(path, [keys[1]])
            except UpdateRefused as exc:
                assert exc.message
                reasons[exc.reason] = reasons.get(exc.reason, 0) + 1
            else:
                accepted.append(i)
                out = tmp_path / f"out{i}"
                verify_pack_file(path, [keys[1]], extract_to=out)
                assert fingerprint(out) == fingerprint(pack)
            fh.seek(i)
            fh.write(original[i:i + 1])
            fh.flush()
    assert accepted == [], (reasons, accepted)
    assert sum(reasons.values()) == len(positions)
    assert verify_pack_file(path, [keys[1]]).sha256 == sha(path)  # restored: accepted again


@pytest.mark.parametrize("keep", [0.99, 0.75, 0.5, 0.1])
def test_truncated_file_is_refused(pack: Path, tmp_path: Path, keys: Keys, keep: float) -> None:
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    data = path.read_bytes()
    cut = tmp_path / "cut.guidepack"
    cut.write_bytes(data[: int(len(data) * keep)])
    exc = refused(cut, [keys[1]])
    assert exc.reason == errors.CORRUPT and "damaged or incomplete" in exc.message


def test_a_file_that_is_no_pack_or_not_there_is_named_as_such_not_as_a_damaged_download(
        tmp_path: Path, keys: Keys) -> None:
    """A text file, a content database or a missing file was "damaged or incomplete (a
    truncated download?)", which sent staff to download again what was never a pack."""
    import sqlite3

    junk = tmp_path / "junk.guidepack"
    junk.write_text("hello")
    exc = refused(junk, [keys[1]])
    assert exc.reason == errors.NOT_A_PACK and "is not a content pack (.guidepack)" in exc.message
    assert "truncated" not in exc.message
    db = tmp_path / "content.db"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    exc = refused(db, [keys[1]])
    assert exc.reason == errors.NOT_A_PACK and "SQLite database" in exc.message
    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as zf:
        zf.writestr("a.jpg", b"jpeg")
    exc = refused(other_zip, [keys[1]])
    assert exc.reason == errors.NOT_A_PACK and "zip archive of other files (a.jpg)" in exc.message
    assert refused(tmp_path, [keys[1]]).reason == errors.NOT_A_PACK  # a folder
    exc = refused(tmp_path / "nothing.guidepack", [keys[1]])
    assert exc.reason == errors.NOT_FOUND and exc.message == (
        f"{tmp_path / 'nothing.guidepack'} does not exist; check the file's name and folder")
    empty = tmp_path / "empty.guidepack"
    empty.write_bytes(b"")
    assert refused(empty, [keys[1]]).reason == errors.CORRUPT  # an incomplete copy, this one


# --- hostile archives signed by a trusted key (a stolen key, a buggy tool) ------------------------


def test_path_traversal_in_manifest_is_refused(tmp_path: Path, keys: Keys) -> None:
    for evil in ("../evil.toml", "/etc/evil.toml", "a/../../evil.toml", "C:evil.toml", "a\\..\\evil.toml"):
        data = b"x = 1\n"
        path = forge(tmp_path / "evil.guidepack", {"pack.toml": b""}, keys[0],
                     [entry("pack.toml", b""), entry(evil, data)], members={"pack/" + evil: data})
        exc = refused(path, [keys[1]], extract_to=tmp_path / "out")
        assert exc.reason == errors.UNSAFE, evil
        assert not (tmp_path / "out").exists() and not (tmp_path / "evil.toml").exists()


def test_symlink_member_is_refused(tmp_path: Path, keys: Keys) -> None:
    path = forge(tmp_path / "evil.guidepack", {"pack.toml": b""}, keys[0],
                 [entry("pack.toml", b""), entry("images/a.png", b"/etc/passwd")])
    # A symlink member, as `zip --symlinks` writes one: the type lives in the directory's mode bits.
    with zipfile.ZipFile(path) as zf:
        members = [(i, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w") as zf:
        link = zipinfo("pack/images/a.png", zipfile.ZIP_STORED)
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        for info, data in members:
            zf.writestr(info, data)
    exc = refused(path, [keys[1]], extract_to=tmp_path / "out")
    assert exc.reason == errors.UNSAFE and "symbolic link" in exc.message
    assert not (tmp_path / "out").exists()


def test_unlisted_duplicate_and_missing_members_are_refused(tmp_path: Path, keys: Keys) -> None:
    listed = [entry("pack.toml", b"")]
    extra = forge(tmp_path / "a.guidepack", {"pack.toml": b"", "extra.toml": b"x"}, keys[0], listed)
    assert "does not list" in refused(extra, [keys[1]]).message
    missing = forge(tmp_path / "b.guidepack", {"pack.toml": b""}, keys[0],
                    [*listed, entry("items.toml", b"x")])
    exc = refused(missing, [keys[1]])
    assert exc.reason == errors.HASH_MISMATCH and "missing: items.toml" in exc.message
    twice = forge(tmp_path / "c.guidepack", {"pack.toml": b"", "A.png": b"1", "a.png": b"2"}, keys[0],
                  [*listed, entry("A.png", b"1"), entry("a.png", b"2")])
    assert refused(twice, [keys[1]]).reason == errors.UNSAFE
    stray = forge(tmp_path / "d.guidepack", {"pack.toml": b""}, keys[0], listed,
                  members={"run.sh": b"rm -rf /"})
    assert refused(stray, [keys[1]]).reason == errors.UNSAFE


def test_size_limits(pack: Path, tmp_path: Path, keys: Keys) -> None:
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    assert refused(path, [keys[1]], limits=Limits(max_archive_bytes=1000)).reason == errors.TOO_LARGE
    assert refused(path, [keys[1]], limits=Limits(max_file_bytes=1000)).reason == errors.TOO_LARGE
    assert refused(path, [keys[1]], limits=Limits(max_total_bytes=2000)).reason == errors.TOO_LARGE
    assert refused(path, [keys[1]], limits=Limits(max_files=2)).reason == errors.TOO_LARGE


def test_a_zip_bomb_is_refused_before_inflating(tmp_path: Path, keys: Keys) -> None:
    """The manifest says 10 bytes; the member inflates to 50 MB: refused by its declared size."""
    big = b"\0" * (50 * 1024 * 1024)
    path = forge(tmp_path / "bomb.guidepack", {"pack.toml": b"", "items.toml": big}, keys[0],
                 [entry("pack.toml", b""), {"path": "items.toml", "size": 10, "sha256": "0" * 64}])
    assert path.stat().st_size < 1024 * 1024
    exc = refused(path, [keys[1]], extract_to=tmp_path / "out")
    assert exc.reason == errors.HASH_MISMATCH and "10" in exc.message
    assert not (tmp_path / "out").exists()


def test_read_manifest_without_verifying(pack: Path, tmp_path: Path, keys: Keys) -> None:
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    assert read_manifest(path).version == 2


@pytest.mark.parametrize("flag", [0x20, 0x40, 0x08])  # patched data, strong encryption, descriptor
def test_zip_features_no_pack_has_are_refused_before_reading(pack: Path, tmp_path: Path,
                                                             keys: Keys, flag: int) -> None:
    """zipfile cannot read patched or strongly encrypted members at all: a pack whose
    manifest claims them is damaged, said so, whether verified or only looked into."""
    path = signed_pack(pack, tmp_path / "p.guidepack", keys[0])
    data = bytearray(path.read_bytes())
    name = MANIFEST.encode()
    # Its local header (30 bytes, flags at 6) and directory record (46, flags at 8), each
    # followed by the name.
    for record, flags_at in ((data.index(name) - 30, 6), (data.rindex(name) - 46, 8)):
        assert data[record:record + 2] == b"PK"
        data[record + flags_at] |= flag
    path.write_bytes(bytes(data))
    for look in (lambda: read_manifest(path), lambda: verify_pack_file(path, [keys[0].public])):
        with pytest.raises(UpdateRefused) as caught:
            look()
        assert caught.value.reason == errors.CORRUPT
