"""`guide --self-test`: in-process (what it checks, what it leaves behind) and as a command."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from guide import paths, selftest
from guide.content.build import build_content_db
from guide.user.bookmarks import add_bookmark, stored_bookmarks
from guide.user.db import open_user_db
from tests.conftest import REAL_PACK, ROOT, run_guide


def test_self_test_checks_everything_and_leaves_no_bookmark(qapp: object, real_db: Path,
                                                            tmp_path: Path) -> None:
    user = tmp_path / "user.db"
    before = real_db.read_bytes()
    report = selftest.run_self_test(real_db, user)
    assert report.platform == "offscreen"
    assert report.content_source == "given" and report.content_path == real_db
    assert report.pack == "zgc2023 v1" and report.items > 100
    assert report.home_colours >= selftest.MIN_HOME_COLOURS
    assert set(report.hits) == {"金融", "lvse"} and all(n > 0 for n in report.hits.values())
    assert report.bookmark.count("/") == 1
    assert report.summary().startswith("self-test ok in ")
    db = open_user_db(user)
    try:
        assert stored_bookmarks(db.db) == []
    finally:
        db.close()
    assert real_db.read_bytes() == before


def test_a_bookmark_the_user_had_is_put_back_as_it_was(qapp: object, real_db: Path,
                                                       tmp_path: Path) -> None:
    user = tmp_path / "user.db"
    first = selftest.run_self_test(real_db, user)  # learns which item the test bookmarks
    kind, item_id = first.bookmark.split("/")
    from guide.content.database import open_content_db

    content = open_content_db(real_db)
    db = open_user_db(user)
    try:
        add_bookmark(db.db, content, kind, item_id)
        add_bookmark(db.db, content, "forum", "green-finance-forum")
        kept = stored_bookmarks(db.db)
    finally:
        db.close()
        content.close()

    selftest.run_self_test(real_db, user)

    db = open_user_db(user)
    try:
        assert stored_bookmarks(db.db) == kept  # same items, same added times, same order
    finally:
        db.close()


def test_a_search_without_results_fails_naming_the_step(qapp: object, real_db: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "QUERIES", ("金融", "xyzzyqqq"))
    with pytest.raises(selftest.SelfTestFailed, match=r"^search: no results for 'xyzzyqqq'$"):
        selftest.run_self_test(real_db, tmp_path / "user.db")


def test_a_missing_bundled_font_fails(qapp: object, real_db: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "BUNDLED_FONT", "No Such Font")
    with pytest.raises(selftest.SelfTestFailed, match=r"^resources: font 'No Such Font' not loaded"):
        selftest.run_self_test(real_db, tmp_path / "user.db")


def test_frozen_with_a_stale_bundled_database_fails(qapp: object, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    _user_data: Path) -> None:
    """A frozen app whose database does not match its pack would silently rebuild: a broken bundle."""
    root = tmp_path / "bundle"
    shutil.copytree(REAL_PACK, root / "db" / "pack")
    (root / "resources").symlink_to(ROOT / "resources")
    build_content_db(root / "db" / "pack", root / "db" / "content.db")
    with (root / "db" / "pack" / "pack.toml").open("a", encoding="utf-8") as f:
        f.write("\n# edited after the build\n")
    monkeypatch.setattr(paths, "app_root", lambda: root)
    monkeypatch.setattr(paths, "is_frozen", lambda: True)
    before = (root / "db" / "content.db").read_bytes()
    with pytest.raises(selftest.SelfTestFailed, match="does not match the bundled pack"):
        selftest.run_self_test(None, tmp_path / "user.db")
    # The app rebuilt into the user data folder, never into its own files.
    assert (_user_data / "content" / "content.db").is_file()
    assert (root / "db" / "content.db").read_bytes() == before


def test_platform_choice() -> None:
    env: dict[str, str] = {}
    selftest.choose_platform(env)  # no display: offscreen on Linux, the native platform elsewhere
    assert env == ({"QT_QPA_PLATFORM": "offscreen"} if sys.platform.startswith("linux") else {})
    env = {"DISPLAY": ":0"}
    selftest.choose_platform(env)
    assert "QT_QPA_PLATFORM" not in env  # a display: load the native platform plugin
    env = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}
    selftest.choose_platform(env)
    assert env["QT_QPA_PLATFORM"] == "offscreen"


def test_command_prints_one_line_and_exits_0(real_db: Path, tmp_path: Path) -> None:
    result = run_guide("--self-test", "--content-db", str(real_db), "--user-db", str(tmp_path / "u.db"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("self-test ok in ")
    assert "金融" in lines[0] and "lvse" in lines[0]


def test_command_uses_a_temporary_user_database_by_default(real_db: Path, _user_data: Path) -> None:
    result = run_guide("--self-test", "--content-db", str(real_db))
    assert result.returncode == 0, result.stderr
    assert "(temporary user db)" in result.stdout
    assert not (_user_data / "user.db").exists()  # the user's own folder was not touched


def test_command_fails_clearly_with_exit_1(tmp_path: Path) -> None:
    result = run_guide("--self-test", "--content-db", str(tmp_path / "missing.db"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().startswith("self-test FAILED: content database: ContentDbError: no content")
