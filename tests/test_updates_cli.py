"""``guide pack ...`` and ``guide update ...`` as a person runs them, in fresh processes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from tests.conftest import run_guide
from tests.support import append_items, copy_pack, replace_text
from tests.test_updates_support import NEW_FORUM


def ok(*args: str) -> str:
    result = run_guide(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_pack_build_keygen_sign_verify_publish(tmp_path: Path) -> None:
    src = copy_pack(tmp_path / "src", 2)
    out = ok("pack", "keygen", "--out", str(tmp_path / "team"), "--name", "ZGC content team")
    assert "team.key" in out and "ZGC content team (ed25519:" in out
    assert (tmp_path / "team.key").stat().st_mode & 0o077 == 0
    again = run_guide("pack", "keygen", "--out", str(tmp_path / "team"))
    assert again.returncode == 2 and "never overwritten" in again.stderr

    pack = tmp_path / "zgc-2.guidepack"
    assert "pack mini version 2, 4 files" in ok("pack", "build", str(src), "--out", str(pack))
    unsigned = run_guide("pack", "verify", str(pack))
    assert unsigned.returncode == 2 and unsigned.stderr.startswith("refused (unsigned): ")

    assert "signed" in ok("pack", "sign", str(pack), "--key", str(tmp_path / "team.key"))
    assert "no --trusted key given" in ok("pack", "verify", str(pack))
    data = json.loads(ok("pack", "verify", str(pack), "--trusted", str(tmp_path / "team.pub"), "--json"))
    assert data["trusted"] is True and data["version"] == 2 and data["signer"].startswith("ZGC content team")

    ok("pack", "keygen", "--out", str(tmp_path / "other"))
    wrong = run_guide("pack", "verify", str(pack), "--trusted", str(tmp_path / "other.pub"))
    assert wrong.returncode == 2 and wrong.stderr.startswith("refused (unknown-key): signed by ed25519:")

    data_bytes = bytearray(pack.read_bytes())
    data_bytes[300] ^= 0x01
    (tmp_path / "bad.guidepack").write_bytes(bytes(data_bytes))
    bad = run_guide("pack", "verify", str(tmp_path / "bad.guidepack"),
                    "--trusted", str(tmp_path / "team.pub"))
    assert bad.returncode == 2 and bad.stderr.startswith("refused (")

    assert "published mini version 2" in ok("pack", "publish", str(pack), str(tmp_path / "share"))
    index = json.loads((tmp_path / "share" / "index.json").read_text())
    assert index["file"] == "mini-2.guidepack" and index["size"] == pack.stat().st_size


def test_publish_refuses_a_pack_the_kiosks_would_refuse(tmp_path: Path, _user_data: Path) -> None:
    """A pack signed with the wrong key was published: index.json pointed every kiosk at a
    pack each refused, and hid the good version before it."""
    ok("pack", "keygen", "--out", str(tmp_path / "team"))
    ok("pack", "keygen", "--out", str(tmp_path / "other"))
    packs = {}
    for version, key in ((2, "team"), (3, "other")):
        packs[version] = tmp_path / f"mini-{version}.guidepack"
        ok("pack", "build", str(copy_pack(tmp_path / f"v{version}", version)), "--out", str(packs[version]))
        ok("pack", "sign", str(packs[version]), "--key", str(tmp_path / f"{key}.key"))
    share = tmp_path / "share"
    trusted = ("--trusted", str(tmp_path / "team.pub"))
    ok("pack", "publish", str(packs[2]), str(share), *trusted)
    wrong = run_guide("pack", "publish", str(packs[3]), str(share), *trusted)
    assert wrong.returncode == 2 and wrong.stderr.startswith("refused (unknown-key): signed by ")
    assert json.loads((share / "index.json").read_text())["version"] == 2
    assert not (share / "mini-3.guidepack").exists()
    # The kiosks' updates.toml names the keys when --trusted is not given.
    shutil.copy(tmp_path / "team.pub", _user_data / "team.pub")
    (_user_data / "updates.toml").write_text('[updates]\ntrusted_keys = ["team.pub"]\n', encoding="utf-8")
    assert run_guide("pack", "publish", str(packs[3]), str(share)).returncode == 2
    # Without any trusted key it cannot tell, publishes, and says so.
    (_user_data / "updates.toml").unlink()
    unchecked = run_guide("pack", "publish", str(packs[3]), str(share))
    assert unchecked.returncode == 0 and "not checked against the kiosks' keys" in unchecked.stderr


def _signed_packs(tmp_path: Path, *versions: tuple[str, int]) -> dict[tuple[str, int], Path]:
    """Pack files of pack id and version, each signed by tmp_path/team.key."""
    packs = {}
    for pack_id, version in versions:
        src = copy_pack(tmp_path / f"{pack_id}-{version}-src", version)
        meta = src / "pack.toml"
        meta.write_text(meta.read_text("utf-8").replace('id = "mini"', f'id = "{pack_id}"'), encoding="utf-8")
        packs[pack_id, version] = tmp_path / f"{pack_id}-{version}.guidepack"
        ok("pack", "build", str(src), "--out", str(packs[pack_id, version]))
        ok("pack", "sign", str(packs[pack_id, version]), "--key", str(tmp_path / "team.key"))
    return packs


def test_publish_refuses_an_older_version_or_another_pack_unless_told_to_replace(tmp_path: Path) -> None:
    """Publishing version 1 over version 2 said "published": kiosks on 2 refused it and kiosks
    on 1 never saw 2; another pack id in the same folder hid the content from every kiosk."""
    ok("pack", "keygen", "--out", str(tmp_path / "team"))
    packs = _signed_packs(tmp_path, ("mini", 1), ("mini", 2), ("programme", 3))
    share = tmp_path / "share"
    trusted = ("--trusted", str(tmp_path / "team.pub"))
    ok("pack", "publish", str(packs["mini", 2]), str(share), *trusted)
    index = (share / "index.json").read_bytes()

    older = run_guide("pack", "publish", str(packs["mini", 1]), str(share), *trusted)
    assert older.returncode == 2 and older.stderr.startswith("refused (not-newer): "), older.stderr
    assert "publishes mini version 2" in older.stderr and "--replace" in older.stderr
    other = run_guide("pack", "publish", str(packs["programme", 3]), str(share), *trusted)
    assert other.returncode == 2 and other.stderr.startswith("refused (wrong-pack): "), other.stderr
    assert "programme version 3" in other.stderr and "folder of its own" in other.stderr
    assert (share / "index.json").read_bytes() == index  # nothing written
    assert sorted(p.name for p in share.iterdir()) == ["index.json", "mini-2.guidepack"]

    # The same file again changes nothing for any kiosk and is fine.
    ok("pack", "publish", str(packs["mini", 2]), str(share), *trusted)
    # Staff who mean it say so, and are told what that does to the kiosks.
    back = run_guide("pack", "publish", str(packs["mini", 1]), str(share), *trusted, "--replace")
    assert back.returncode == 0, back.stderr
    assert "replaces version 2 (--replace)" in back.stderr
    assert json.loads((share / "index.json").read_text())["version"] == 1
    switched = run_guide("pack", "publish", str(packs["programme", 3]), str(share), *trusted, "--replace")
    assert switched.returncode == 0 and "replaces mini version 1" in switched.stderr
    assert json.loads((share / "index.json").read_text())["pack_id"] == "programme"


def test_publish_never_overwrites_an_index_json_it_did_not_write(tmp_path: Path) -> None:
    ok("pack", "keygen", "--out", str(tmp_path / "team"))
    packs = _signed_packs(tmp_path, ("mini", 2))
    website = tmp_path / "website"
    website.mkdir()
    (website / "index.json").write_text('{"pages": ["home"]}', encoding="utf-8")
    refused = run_guide("pack", "publish", str(packs["mini", 2]), str(website))
    assert refused.returncode == 2 and refused.stderr.startswith("refused (bad-manifest): ")
    assert "is not an update index" in refused.stderr and "nothing was published" in refused.stderr
    assert (website / "index.json").read_text(encoding="utf-8") == '{"pages": ["home"]}'
    assert sorted(p.name for p in website.iterdir()) == ["index.json"]


def test_signing_a_signed_pack_says_it_carries_both_and_replace_keeps_one(tmp_path: Path) -> None:
    """Re-signing with a new key to retire the old one said only "signed … with" the new key;
    the old key's signature stayed, so kiosks trusting the old key still took the pack."""
    ok("pack", "keygen", "--out", str(tmp_path / "old"), "--name", "Old key")
    ok("pack", "keygen", "--out", str(tmp_path / "new"), "--name", "New key")
    pack = tmp_path / "mini-2.guidepack"
    ok("pack", "build", str(copy_pack(tmp_path / "src", 2)), "--out", str(pack))
    ok("pack", "sign", str(pack), "--key", str(tmp_path / "old.key"))
    old_id = json.loads(ok("pack", "verify", str(pack), "--json"))["signer"]

    both = run_guide("pack", "sign", str(pack), "--key", str(tmp_path / "new.key"))
    assert both.returncode == 0, both.stderr
    assert f"note: the pack also still carries the signature(s) of {old_id}" in both.stderr
    assert "sign again with --replace" in both.stderr
    assert run_guide("pack", "verify", str(pack), "--trusted", str(tmp_path / "old.pub")).returncode == 0

    alone = run_guide("pack", "sign", str(pack), "--key", str(tmp_path / "new.key"), "--replace")
    assert alone.returncode == 0 and alone.stderr == "", alone.stderr
    assert "its earlier signature by this key replaced" in alone.stdout
    assert f"removed the signature(s) of {old_id}: only kiosks trusting" in alone.stdout
    retired = run_guide("pack", "verify", str(pack), "--trusted", str(tmp_path / "old.pub"))
    assert retired.returncode == 2 and retired.stderr.startswith("refused (unknown-key): ")
    ok("pack", "verify", str(pack), "--trusted", str(tmp_path / "new.pub"))


def test_pack_build_lists_errors_like_build_db(tmp_path: Path) -> None:
    src = copy_pack(tmp_path / "src", 2)
    replace_text(src, 'org = "zgc-park", role = "协办"', 'org = "nobody", role = "协办"')
    built = run_guide("pack", "build", str(src), "--out", str(tmp_path / "x.guidepack"))
    db = run_guide("build-db", "--content", str(src), "--out", str(tmp_path / "x.db"))
    assert built.returncode == db.returncode == 2
    assert built.stderr.splitlines()[:-1] == db.stderr.splitlines()[:-1] == [
        "items.toml: forum.0.organisers.1.org: unknown organization id 'nobody'"]
    assert not (tmp_path / "x.guidepack").exists()


def test_update_by_hand_from_a_folder_then_restore(tmp_path: Path, _user_data: Path) -> None:
    ok("pack", "keygen", "--out", str(tmp_path / "team"), "--name", "Team")
    running = tmp_path / "running.db"
    ok("build-db", "--content", str(copy_pack(tmp_path / "v1", 1)), "--out", str(running))
    src = copy_pack(tmp_path / "v2", 2)
    append_items(src, NEW_FORUM)
    pack = tmp_path / "mini-2.guidepack"
    ok("pack", "build", str(src), "--out", str(pack))
    ok("pack", "sign", str(pack), "--key", str(tmp_path / "team.key"))
    ok("pack", "publish", str(pack), str(tmp_path / "share"))
    # The kiosk's config names the source and the key (relative to the config file).
    shutil.copy(tmp_path / "team.pub", _user_data / "team.pub")
    (_user_data / "updates.toml").write_text(
        f'[updates]\nsource = "{(tmp_path / "share").as_posix()}"\ntrusted_keys = ["team.pub"]\n',
        encoding="utf-8")

    assert ok("update", "check", "--content-db", str(running)).startswith("ready: version 2 signed by Team")
    out = ok("update", "apply", "--content-db", str(running))
    assert "applied mini version 2 signed by Team (ed25519:" in out
    assert "forum: 1 added, 0 changed, 0 removed" in out
    info = json.loads(ok("check", "--json"))  # the guide now opens the installed content
    assert info["pack_version"] == 2 and info["signer"].startswith("Team (ed25519:")
    assert info["integrity"] == "ok"
    assert ok("update", "check").startswith("not-modified: ")

    restored = ok("update", "restore")
    assert "restored mini version 1 (baseline)" in restored
    assert json.loads(ok("check", "--json"))["pack_version"] == 1
    status = json.loads(ok("update", "status", "--json"))
    assert status["current"]["version"] == 1 and status["previous"]["version"] == 2
    assert status["high_water"] == {"mini": 2}
    # Rollback protection: version 2 was withdrawn and is not installed again by hand either.
    replay = run_guide("update", "apply", "--file", str(pack))
    assert replay.returncode == 2 and replay.stderr.startswith("refused (not-newer): ")
    log = (_user_data / "logs" / "updates.log").read_text(encoding="utf-8")
    assert "applied mini version 2" in log and "restored previous content" in log
    assert "refused" in log and "not-newer" in log


def test_update_without_a_source_or_with_a_bad_file(tmp_path: Path) -> None:
    nothing = run_guide("update", "check")
    assert nothing.returncode == 2 and "no update source" in nothing.stderr
    junk = tmp_path / "junk.guidepack"
    junk.write_bytes(os.urandom(2000))
    bad = run_guide("update", "apply", "--file", str(junk), "--trusted", "ed25519 " + "A" * 43 + "=")
    assert bad.returncode == 2 and bad.stderr.startswith("refused (not-a-pack): ")
    assert "is not a content pack (.guidepack)" in bad.stderr
    missing = run_guide("update", "apply", "--file", str(tmp_path / "gone.guidepack"),
                        "--trusted", "ed25519 " + "A" * 43 + "=")
    assert missing.returncode == 2 and missing.stderr.startswith("refused (not-found): ")
    assert "gone.guidepack does not exist" in missing.stderr
    assert run_guide("update", "restore").stderr.startswith("refused (no-previous): ")


def test_update_status_works_where_the_updates_log_cannot_be_written(_user_data: Path) -> None:
    # The log's folder taken by a file stands for a folder this account may not write
    # (the tests run as root, whom permissions do not stop).
    (_user_data / "logs").write_text("not a folder", encoding="utf-8")
    status = run_guide("update", "status")
    assert status.returncode == 0, status.stderr
    assert status.stderr.startswith("warning: the updates log cannot be written (")
    assert "going on without it" in status.stderr and status.stdout


def test_update_takes_the_database_options_after_its_action(tmp_path: Path, _user_data: Path) -> None:
    """`guide update status --user-db u.db` said 'unrecognized arguments', though
    `guide bookmarks list --user-db u.db` and `guide update --user-db u.db status` work."""
    user_db = str(tmp_path / "u.db")
    after = run_guide("update", "status", "--json", "--user-db", user_db)
    assert after.returncode == 0, after.stderr
    before = run_guide("update", "--user-db", user_db, "status", "--json")
    assert json.loads(after.stdout) == json.loads(before.stdout)
    # Each action is read and run (and refused: there is no source and nothing to restore).
    for action in ("check", "apply", "restore"):
        parsed = run_guide("update", action, "--user-db", user_db, "--content-db", user_db)
        assert parsed.returncode == 2 and parsed.stderr.startswith("refused ("), parsed.stderr


def test_the_same_pack_signed_again_with_a_second_key_publishes_over_itself(tmp_path: Path) -> None:
    """Rotating keys (README): sign the published pack with the new key too and publish it again.
    Its file differs only in its signatures, and it was refused as "a different file of the same
    version", which it is not for any kiosk."""
    ok("pack", "keygen", "--out", str(tmp_path / "old"), "--name", "Old key")
    ok("pack", "keygen", "--out", str(tmp_path / "new"), "--name", "New key")
    pack = tmp_path / "mini-2.guidepack"
    ok("pack", "build", str(copy_pack(tmp_path / "src", 2)), "--out", str(pack))
    ok("pack", "sign", str(pack), "--key", str(tmp_path / "old.key"))
    share = tmp_path / "share"
    ok("pack", "publish", str(pack), str(share), "--trusted", str(tmp_path / "old.pub"))
    ok("pack", "sign", str(pack), "--key", str(tmp_path / "new.key"))
    ok("pack", "publish", str(pack), str(share), "--trusted", str(tmp_path / "new.pub"))
    assert (share / "mini-2.guidepack").read_bytes() == pack.read_bytes()  # both signatures now
    # A pack of that version with other content is still refused.
    other = copy_pack(tmp_path / "src2", 2)
    replace_text(other, "开幕式正文。", "开幕式正文（改）。")
    changed = tmp_path / "changed.guidepack"
    ok("pack", "build", str(other), "--out", str(changed))
    ok("pack", "sign", str(changed), "--key", str(tmp_path / "new.key"))
    refused = run_guide("pack", "publish", str(changed), str(share))
    assert refused.returncode == 2 and refused.stderr.startswith("refused (not-newer): "), refused.stderr


def test_a_refused_update_exits_2_at_every_check_and_apply_until_the_source_changes(
        tmp_path: Path, _user_data: Path) -> None:
    """`update apply` exited 0 ("nothing applied: not-modified") once the source had not changed
    since a check refused its pack: a fleet script reading the exit status took a kiosk that
    refuses every poll for one that is up to date."""
    ok("pack", "keygen", "--out", str(tmp_path / "team"), "--name", "Team")
    ok("pack", "keygen", "--out", str(tmp_path / "stranger"), "--name", "Stranger")
    running = tmp_path / "running.db"
    ok("build-db", "--content", str(copy_pack(tmp_path / "v1", 1)), "--out", str(running))
    pack = tmp_path / "mini-2.guidepack"
    ok("pack", "build", str(copy_pack(tmp_path / "v2", 2)), "--out", str(pack))
    ok("pack", "sign", str(pack), "--key", str(tmp_path / "stranger.key"))
    share = tmp_path / "share"
    ok("pack", "publish", str(pack), str(share))
    shutil.copy(tmp_path / "team.pub", _user_data / "team.pub")
    (_user_data / "updates.toml").write_text(
        f'[updates]\nsource = "{share.as_posix()}"\ntrusted_keys = ["team.pub"]\n', encoding="utf-8")
    db = ("--content-db", str(running))
    first = run_guide("update", "check", *db)
    assert first.returncode == 2 and first.stdout.startswith("refused (unknown-key): ")
    for _ in range(2):  # unchanged since then: not downloaded again, and still refused
        again = run_guide("update", "check", *db)
        assert again.returncode == 2, again.stdout
        assert again.stdout.startswith("refused (unknown-key): unchanged since the last check, "
                                       "which refused it: signed by ")
        applied = run_guide("update", "apply", *db)
        assert applied.returncode == 2, applied.stdout
        assert applied.stderr.startswith("nothing applied: refused (unknown-key): unchanged since ")
    data = json.loads(run_guide("update", "check", "--json", *db).stdout)
    assert (data["status"], data["reason"], data["downloaded_bytes"]) == ("refused", "unknown-key", 0)
    assert json.loads(ok("check", "--json", *db))["pack_version"] == 1  # nothing was applied
    # The team signs it with its key and publishes it again: taken, exit 0.
    ok("pack", "sign", str(pack), "--key", str(tmp_path / "team.key"), "--replace")
    ok("pack", "publish", str(pack), str(share), "--replace")
    assert ok("update", "apply", *db).startswith("applied mini version 2 signed by Team")
    assert ok("update", "check", *db).startswith("not-modified: unchanged since the last check")
