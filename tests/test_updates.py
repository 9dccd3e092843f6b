"""Applying pack files: prepare/commit, refusals that leave the running content untouched,
change summary, restore previous (the last two kept), rollback protection, the start-up choice."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from guide.content.build import build_content_db
from guide.content.database import content_info, open_content_db
from guide.content.loader import PackInvalid, load_pack
from guide.content.records import get_item
from guide.locate import ensure_content_db
from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.install import (
    apply_pack_file,
    commit_update,
    discard_update,
    prepare_update,
    restore_previous,
    slot_status,
)
from guide.updates.keys import PrivateKey, PublicKey
from guide.updates.staging import remove_stale_files
from guide.updates.state import ContentSlot, default_slot, installed_content_db
from tests.support import append_items, copy_pack, drop_item, replace_text, set_version
from tests.test_updates_support import (
    NEW_FORUM,
    entry,
    forge,
    make_key,
    rezip,
    signed_pack,
    slot_files,
    snapshot,
)


class World:
    """A machine running mini pack version 1, a staff key, and packs to offer it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.key, self.public, _, _ = make_key(root / "keys")
        self.v1 = copy_pack(root / "v1", 1)
        self.current_db = build_content_db(self.v1, root / "running" / "content.db").path
        self.slot = default_slot()

    def pack(self, version: int, name: str | None = None, key: PrivateKey | None = None,
             edit: bool = True) -> Path:
        """Version ``version`` of the pack: by default with a forum added, one changed, a photo gone."""
        src = copy_pack(self.root / (name or f"src{version}"), version)
        if edit:
            append_items(src, NEW_FORUM)
            replace_text(src, "开幕式正文。", "开幕式正文（更新）。")
            drop_item(src, "photo", "robot")
        return signed_pack(src, self.root / f"{name or 'mini'}-{version}.guidepack", key or self.key)

    @property
    def trusted(self) -> list[PublicKey]:
        return [self.public]

    def running(self) -> dict[str, str]:
        """Everything the running guide depends on: its database and the slot folder."""
        slot = {f"slot/{k}": v for k, v in snapshot(self.slot.root).items()}
        return {**snapshot(self.current_db.parent), **slot}


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(tmp_path)


def refused(world: World, pack_file: Path, trusted: list[PublicKey] | None = None) -> UpdateRefused:
    before = world.running()
    with pytest.raises(UpdateRefused) as info:
        prepare_update(pack_file, trusted=world.trusted if trusted is None else trusted,
                       current_db=world.current_db)
    # Untouched: the running database byte for byte, the slot's state, and no leftovers.
    assert world.running() == before
    if world.slot.root.exists():
        assert [p for p in world.slot.root.glob(".*") if p.name != ".lock"] == []
    return info.value


# --- apply ---------------------------------------------------------------------------------


def test_newer_signed_pack_is_applied_with_its_change_summary(world: World) -> None:
    pack_file = world.pack(2)
    stages: set[str] = set()
    prepared = prepare_update(pack_file, trusted=world.trusted, current_db=world.current_db,
                              progress=lambda stage, done, total: stages.add(stage))
    assert stages == {"verify", "build", "compare"}
    assert (prepared.pack_id, prepared.version, prepared.current_version) == ("mini", 2, 1)
    assert prepared.signer == world.public.label
    s = prepared.summary
    assert [r.id for r in s.of("forum").added] == ["closing"]
    assert s.of("forum").added[0].title_en == "Closing ceremony"
    assert [r.id for r in s.of("forum").changed] == ["opening"]
    removed = [(r.id, r.title_en) for r in s.of("photo").removed]
    assert removed == [("robot", "Visitors interact with a robot.")]
    assert (s.added, s.changed, s.removed) == (1, 1, 1)
    assert s.lines() == ["forum: 1 added, 1 changed, 0 removed", "photo: 0 added, 0 changed, 1 removed"]
    assert s.to_json() == {"forum": {"added": ["closing"], "changed": ["opening"], "removed": []},
                           "photo": {"added": [], "changed": [], "removed": ["robot"]}}
    # Prepared is not applied: the guide still opens the old content.
    assert installed_content_db(None) is None and slot_status().current is None

    applied = commit_update(prepared)
    assert applied.db_path.is_file() and applied.db_path.parent == world.slot.root
    assert ensure_content_db() == applied.db_path  # what the app opens from now on
    db = open_content_db(applied.db_path)
    info = content_info(db)
    assert (info.pack_version, info.signer) == (2, world.public.label)
    assert get_item(db, "forum", "closing") is not None and get_item(db, "photo", "robot") is None
    assert get_item(db, "forum", "opening").text == ("开幕式正文（更新）。",)  # type: ignore[union-attr]
    state = slot_status()
    assert state.current is not None and state.previous is not None
    assert (state.current.version, state.current.origin) == (2, "pack")
    assert (state.previous.version, state.previous.origin) == (1, "baseline")
    assert state.high_water == {"mini": 2}
    # The content in use before is untouched (a running app keeps reading it).
    assert content_info(open_content_db(world.current_db)).pack_version == 1


def test_an_image_change_counts_as_a_change(world: World) -> None:
    src = copy_pack(world.root / "img", 2)
    (src / "images" / "crowd.png").write_bytes((src / "images" / "crowd.png").read_bytes() + b"\0")
    pack_file = signed_pack(src, world.root / "img.guidepack", world.key)
    summary = prepare_update(pack_file, trusted=world.trusted, current_db=world.current_db).summary
    assert summary.lines() == ["photo: 0 added, 1 changed, 0 removed"]
    assert [r.id for r in summary.of("photo").changed] == ["crowd"]


def test_same_content_new_version_has_an_empty_summary(world: World) -> None:
    summary = prepare_update(world.pack(2, edit=False), trusted=world.trusted,
                             current_db=world.current_db).summary
    assert summary.empty and summary.lines() == ["no items added, changed or removed"]


def test_discard_leaves_nothing(world: World) -> None:
    prepared = prepare_update(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    assert prepared.staged_db.is_file()
    discard_update(prepared)
    assert slot_files(world.slot) == set() and slot_status().current is None


# --- refusals: the running content is untouched ------------------------------------------


def test_one_changed_byte_is_refused(world: World) -> None:
    pack_file = world.pack(2)
    data = bytearray(pack_file.read_bytes())
    data[len(data) // 3] ^= 0x01
    bad = world.root / "bad.guidepack"
    bad.write_bytes(bytes(data))
    exc = refused(world, bad)
    assert exc.reason in (errors.CORRUPT, errors.HASH_MISMATCH) and exc.message


def test_a_changed_file_with_valid_zip_checksums_is_refused(world: World) -> None:
    pack_file = world.pack(2)
    items = (world.root / "src2" / "items.toml").read_bytes().replace(b"Opening", b"Openinh", 1)
    rezip(pack_file, world.root / "bad.guidepack", {"pack/items.toml": items})
    exc = refused(world, world.root / "bad.guidepack")
    assert exc.reason == errors.HASH_MISMATCH and "items.toml" in exc.message


def test_wrong_key_is_refused(world: World) -> None:
    stranger, *_ = make_key(world.root / "stranger", "Stranger")
    exc = refused(world, world.pack(2, key=stranger))
    assert exc.reason == errors.UNKNOWN_KEY and stranger.public.key_id in exc.message


def test_unsigned_is_refused(world: World) -> None:
    src = copy_pack(world.root / "u", 2)
    exc = refused(world, signed_pack(src, world.root / "u.guidepack", None))
    assert exc.reason == errors.UNSIGNED


def test_no_trusted_keys_is_refused(world: World) -> None:
    assert refused(world, world.pack(2), trusted=[]).reason == errors.NO_TRUSTED_KEYS


@pytest.mark.parametrize("version", [1, 0])
def test_equal_or_lower_version_is_refused(world: World, version: int) -> None:
    if version == 0:  # a lower version than in use: install 3 first, then offer 2
        apply_pack_file(world.pack(3), trusted=world.trusted, current_db=world.current_db)
        world.current_db = installed_content_db(None) or world.current_db
        version = 2
    exc = refused(world, world.pack(version, name=f"old{version}"))
    assert exc.reason == errors.NOT_NEWER and "rollback protection" in exc.message


def test_truncated_pack_is_refused(world: World) -> None:
    pack_file = world.pack(2)
    cut = world.root / "cut.guidepack"
    cut.write_bytes(pack_file.read_bytes()[:-100])
    exc = refused(world, cut)
    assert exc.reason == errors.CORRUPT and "incomplete" in exc.message


def test_other_pack_id_is_refused(world: World) -> None:
    src = copy_pack(world.root / "other", 5)
    meta = src / "pack.toml"
    meta.write_text(meta.read_text("utf-8").replace('id = "mini"', 'id = "zgc2024"'), encoding="utf-8")
    exc = refused(world, signed_pack(src, world.root / "other.guidepack", world.key))
    assert exc.reason == errors.WRONG_PACK


def test_invalid_content_lists_errors_like_build_db(world: World) -> None:
    """A signed pack whose content does not validate (made by a careless tool, say)."""
    src = copy_pack(world.root / "invalid", 2)
    replace_text(src, 'org = "zgc-park", role = "协办"', 'org = "nobody", role = "协办"')
    replace_text(src, 'photographer = "li-yang"\narea', 'photographer = "nobody"\narea')
    with pytest.raises(PackInvalid) as expected:
        load_pack(src)
    files = {p.relative_to(src).as_posix(): p.read_bytes() for p in sorted(src.rglob("*")) if p.is_file()}
    bad = forge(world.root / "invalid.guidepack", files, world.key,
                [entry(name, data) for name, data in files.items()])
    exc = refused(world, bad)
    assert exc.reason == errors.INVALID_CONTENT
    assert list(exc.details) == [str(e) for e in expected.value.errors]
    assert exc.details == ("items.toml: forum.0.organisers.1.org: unknown organization id 'nobody'",
                           "items.toml: photo.0.photographer: unknown person id 'nobody'")


# --- commit races, restore, keep two ------------------------------------------------------


def test_a_prepared_update_overtaken_by_another_is_refused_at_commit(world: World) -> None:
    first = prepare_update(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    second = prepare_update(world.pack(2, name="again"), trusted=world.trusted, current_db=world.current_db)
    commit_update(first)
    with pytest.raises(UpdateRefused) as info:
        commit_update(second)
    assert info.value.reason == errors.NOT_NEWER
    assert not second.staged_db.exists()
    assert slot_status().current.version == 2  # type: ignore[union-attr]


def test_a_prepared_update_whose_database_went_leaves_nothing_in_the_slot(world: World) -> None:
    """Refused as stale, it had left its baseline copy of the content in the slot folder, a
    whole database nobody would read."""
    prepared = prepare_update(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    assert prepared.baseline_db is not None and prepared.baseline_db.is_file()
    prepared.staged_db.unlink()  # a cleaner, or the disk, took it
    with pytest.raises(UpdateRefused) as info:
        commit_update(prepared)
    assert info.value.reason == errors.STALE
    assert [p for p in world.slot.root.glob(".*") if p.name != ".lock"] == []
    assert slot_status().current is None


def test_restore_previous_rolls_back_and_can_be_undone(world: World) -> None:
    applied = apply_pack_file(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    restored = restore_previous()
    assert (restored.current.version, restored.current.origin) == (1, "baseline")
    assert ensure_content_db() == restored.db_path
    db = open_content_db(restored.db_path)
    assert get_item(db, "photo", "robot") is not None and get_item(db, "forum", "closing") is None
    assert restored.summary.lines() == ["forum: 0 added, 1 changed, 1 removed",
                                        "photo: 1 added, 0 changed, 0 removed"]
    # Undo the restore: back to version 2.
    again = restore_previous()
    assert again.db_path == applied.db_path and again.current.version == 2
    assert ensure_content_db() == applied.db_path


def test_restore_without_previous_is_refused(world: World) -> None:
    with pytest.raises(UpdateRefused) as info:
        restore_previous()
    assert info.value.reason == errors.NO_PREVIOUS


def test_restored_version_is_not_reinstalled_but_a_newer_one_is(world: World) -> None:
    apply_pack_file(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    restored = restore_previous()
    exc = refused(world, world.pack(2, name="replay"))  # the withdrawn version, offered again
    assert exc.reason == errors.NOT_NEWER
    world.current_db = restored.db_path
    applied = apply_pack_file(world.pack(3), trusted=world.trusted, current_db=world.current_db)
    assert applied.current.version == 3 and applied.previous.version == 1  # type: ignore[union-attr]


def test_only_the_last_two_databases_are_kept(world: World) -> None:
    for version in (2, 3, 4):
        applied = apply_pack_file(world.pack(version), trusted=world.trusted,
                                  current_db=installed_content_db(None) or world.current_db)
    state = slot_status()
    assert (state.current.version, state.previous.version) == (4, 3)  # type: ignore[union-attr]
    dbs = sorted(p.name for p in world.slot.root.glob("*.db"))
    assert dbs == sorted([state.current.file, state.previous.file])  # type: ignore[union-attr]
    assert applied.summary.empty  # versions 3 and 4 carry the same items


def test_leftovers_of_a_killed_prepare_are_removed(world: World) -> None:
    world.slot.root.mkdir(parents=True)
    dead = 2 ** 22 + 12345  # above the usual pid range
    (world.slot.root / f".stage-{dead}-abcd.db").write_bytes(b"half")
    (world.slot.root / f".work-{dead}-abcd").mkdir()
    mine = world.slot.root / f".stage-{os.getpid()}-abcd.db"
    mine.write_bytes(b"in progress")
    remove_stale_files(world.slot)
    assert {p.name for p in world.slot.root.iterdir()} == {mine.name}


# --- what the guide opens at start-up -------------------------------------------------------


def test_bundled_content_wins_when_the_app_ships_a_newer_version(world: World) -> None:
    apply_pack_file(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    bundled = copy_pack(world.root / "bundled", 3)
    assert installed_content_db(bundled) is None
    set_version(bundled, 2)
    assert installed_content_db(bundled) == world.slot.path(slot_status().current)  # type: ignore[arg-type]
    assert installed_content_db(copy_pack(world.root / "other", 1)) is not None


def test_a_damaged_slot_falls_back_to_the_bundled_content(world: World) -> None:
    apply_pack_file(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    (world.slot.root / "state.json").write_text("{not json", encoding="utf-8")
    assert installed_content_db(None) is None
    other = ContentSlot(world.root / "empty-slot")
    assert installed_content_db(None, other) is None


def test_bookmarks_survive_an_update_that_removes_their_item(world: World, tmp_path: Path) -> None:
    from guide.user.bookmarks import add_bookmark, refresh_snapshots, stored_bookmarks
    from guide.user.db import open_user_db

    user = open_user_db(tmp_path / "user.db")
    add_bookmark(user.db, open_content_db(world.current_db), "photo", "robot")
    applied = apply_pack_file(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    refresh_snapshots(user.db, open_content_db(applied.db_path))
    kept = [(b.kind, b.id, b.title_en) for b in stored_bookmarks(user.db)]
    assert kept == [("photo", "robot", "Visitors interact with a robot.")]


def test_installed_database_is_a_complete_content_database(world: World) -> None:
    applied = apply_pack_file(world.pack(2), trusted=world.trusted, current_db=world.current_db)
    conn = sqlite3.connect(applied.db_path)
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    conn.close()
    assert meta["signer"] == world.public.label and meta["signer_key_id"] == world.public.key_id
    assert meta["pack_version"] == "2" and len(meta["pack_sha256"]) == 64
    shutil.copy(applied.db_path, world.root / "copy.db")
    assert open_content_db(world.root / "copy.db").execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_applying_one_update_leaves_another_prepared_one_alone(world: World) -> None:
    later = prepare_update(world.pack(3), trusted=world.trusted, current_db=world.current_db)
    apply_pack_file(world.pack(2), trusted=world.trusted, current_db=world.current_db)  # prunes
    assert later.staged_db.is_file()
    assert commit_update(later).current.version == 3


def test_no_room_for_the_baseline_copy_names_the_slot_not_the_content_copied(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from guide.files import DiskFull
    from guide.updates import staging

    copy = shutil.copyfile

    def full(src: Path, dst: Path, **kwargs: bool) -> None:
        if Path(dst).name.startswith(".base-"):  # the baseline: the content in use, copied
            raise OSError(errno.ENOSPC, "No space left on device", str(src), None, str(dst))
        copy(src, dst, **kwargs)

    monkeypatch.setattr(staging.shutil, "copyfile", full)
    pack_file = world.pack(2)
    before = world.running()
    with pytest.raises(DiskFull) as info:
        prepare_update(pack_file, trusted=world.trusted, current_db=world.current_db)
    assert str(info.value).startswith(f"cannot write {world.slot.root}: the disk is full")
    assert str(world.current_db) not in str(info.value)
    assert world.running() == before  # nothing changed, nothing left behind


def test_a_programme_with_no_room_to_be_written_names_the_full_disk(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    # Staff loading a programme onto an already full disk read "[Errno 28] No space left on
    # device"; a disk that filled during the build said what it was. Both say it now.
    import errno

    from guide.files import DiskFull
    from guide.programme import importer
    from guide.updates.programme import prepare_programme
    from tests.conftest import XML_39C3

    def full(_programme: object, out: Path, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(out / "sessions-0001.json"))

    monkeypatch.setattr(importer, "write_pack", full)
    world.slot.root.mkdir(parents=True, exist_ok=True)
    before = world.running()
    with pytest.raises(DiskFull) as info:
        prepare_programme(XML_39C3, current_db=world.current_db)
    assert str(info.value).startswith(f"cannot write {world.slot.root}: the disk is full")
    assert world.running() == before


def test_a_corrected_sheet_saved_under_another_name_is_the_next_version_of_the_programme(
        world: World, tmp_path: Path) -> None:
    """Staff who opened programme-v2.xlsx after programme.xlsx got a pack of its own named
    "programme-v2" in the title bar, starting again at version 1; a frab file stays its own."""
    from guide.content.database import content_info, open_content_db
    from guide.updates.install import commit_update
    from guide.updates.programme import prepare_programme
    from tests.conftest import XML_39C3

    def sheet(name: str, title: str) -> Path:
        path = tmp_path / name
        path.write_text(f"编号 ID,标题 Title,日期 Date,开始 Start,结束 End\nS1,{title},2023-05-27,09:00,"
                        "10:00\n", encoding="utf-8")
        return path

    first = prepare_programme(sheet("programme.csv", "开幕式"), current_db=world.current_db,
                              timezone="Asia/Shanghai")
    running = commit_update(first).db_path
    assert (first.pack_id, first.version) == ("programme", 1)
    second = prepare_programme(sheet("programme-v2.csv", "开幕式（更正）"), current_db=running,
                               timezone="Asia/Shanghai")
    assert (second.pack_id, second.version, second.title) == ("programme", 2, "programme")
    running = commit_update(second).db_path
    assert content_info(open_content_db(running)).title == "programme"
    other = prepare_programme(XML_39C3, current_db=running)
    assert other.pack_id != "programme" and other.version == 1
