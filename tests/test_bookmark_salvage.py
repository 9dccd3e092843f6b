"""A damaged user database gives back every bookmark whose row is still on its page.

SQLite refuses the whole file at the first damaged page, or when the header is gone;
the user then saw "0 bookmark(s) could be recovered" though every row was intact. Each
test damages a real user database the way disks and crashes do and checks what the
user sees afterwards (``guide bookmarks list``): their bookmarks by title, the notice's
count, and nothing that was never a bookmark of theirs.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from guide.content.database import open_content_db
from guide.user.bookmark_import import import_bookmarks
from guide.user.bookmarks import add_bookmark, stored_bookmarks
from guide.user.db import APPLICATION_ID, USER_SCHEMA_V1, open_user_db
from guide.user.session import start_visitor_session
from guide.user.settings import set_setting
from tests.conftest import ROOT

FOUR = [("forum", "opening"), ("forum", "overlap"), ("area", "metaverse"), ("person", "li-yang")]


def _with_bookmarks(path: Path, content: Path, refs: list[tuple[str, str]] = FOUR) -> list[str]:
    """A user database holding ``refs``, closed cleanly; their titles."""
    user, db = open_user_db(path), open_content_db(content)
    for kind, item_id in refs:
        add_bookmark(user.db, db, kind, item_id)
    titles = [b.title for b in stored_bookmarks(user.db)]
    user.close()
    db.close()
    return titles


def _imported(path: Path, content: Path, entries: list[dict[str, object]]) -> list[str]:
    """A user database holding the bookmarks of a JSON export with ``entries``; their titles."""
    source = path.with_name("import.json")
    source.write_text(json.dumps({"format": "zgc-guide-bookmarks", "version": 1, "bookmarks": entries}),
                      encoding="utf-8")
    user, db = open_user_db(path), open_content_db(content)
    import_bookmarks(user.db, db, source)
    titles = [b.title for b in stored_bookmarks(user.db)]
    user.close()
    db.close()
    return titles


def _listed(path: Path, content: Path) -> tuple[list[str], str]:
    """The titles ``guide bookmarks list`` shows, and what it says on stderr."""
    from guide.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["bookmarks", "list", "--json", "--user-db", str(path), "--content-db", str(content)])
    assert code == 0, err.getvalue()
    return [b["title"] for b in json.loads(out.getvalue())], err.getvalue()


def _sees(path: Path, content: Path, titles: list[str]) -> None:
    """The user is told the file was replaced and sees exactly ``titles``."""
    shown, err = _listed(path, content)
    assert f"replaced; {len(titles)} bookmark(s) could be recovered" in err, err
    assert sorted(shown) == sorted(titles)


def _page_size_and_root(path: Path, name: str = "bookmark") -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]
    finally:
        conn.close()
    return size, root


def _overwrite(path: Path, at: int, data: bytes) -> None:
    with path.open("r+b") as f:
        f.seek(at)
        f.write(data)


def test_a_file_cut_short_by_its_last_page_keeps_every_bookmark(tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    titles = _with_bookmarks(path, mini_db)
    size, root = _page_size_and_root(path)
    pages = path.stat().st_size // size
    assert root < pages  # the cut takes an index page, not a bookmark
    os.truncate(path, (pages - 1) * size)
    _sees(path, mini_db, titles)


@pytest.mark.parametrize("damage", ["magic", "whole header"])
def test_an_overwritten_header_keeps_every_bookmark(damage: str, tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    titles = _with_bookmarks(path, mini_db)
    # "whole header": the page size is gone too, and has to be found by trying
    _overwrite(path, 0, b"X" * 16 if damage == "magic" else random.Random(5).randbytes(100))
    _sees(path, mini_db, titles)


def test_another_page_size_is_found_when_the_header_is_gone(tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size = 1024")
    conn.execute("PRAGMA journal_mode = WAL")  # writes the header: an empty database of 1 KB pages
    conn.close()
    titles = _with_bookmarks(path, mini_db)
    assert _page_size_and_root(path)[0] == 1024
    _overwrite(path, 0, bytes(100))
    _sees(path, mini_db, titles)


def _leaves(path: Path) -> list[tuple[int, int]]:
    """The bookmark table's leaf pages left to right, with how many rows each holds."""
    conn = sqlite3.connect(path)
    try:  # dbstat: every SQLite the guide ships with and tests on has it (as test_cli_tools uses)
        rows = conn.execute("SELECT pageno, ncell FROM dbstat WHERE name = 'bookmark' AND pagetype = 'leaf' "
                            "ORDER BY path").fetchall()
    finally:
        conn.close()
    return rows


def test_a_zeroed_page_in_the_middle_loses_only_the_rows_on_it(tmp_path: Path, mini_db: Path) -> None:
    entries: list[dict[str, object]] = [{"kind": "forum", "id": f"gone-{n:03}", "title": f"书签 {n}"}
                                        for n in range(300)]
    path = tmp_path / "user.db"
    titles = _imported(path, mini_db, entries)  # oldest first: the table's order
    size, root = _page_size_and_root(path)
    leaves = _leaves(path)
    assert len(leaves) > 4
    middle = len(leaves) // 2
    before = sum(n for _page, n in leaves[:middle])
    lost = titles[before:before + leaves[middle][1]]
    _overwrite(path, (leaves[middle][0] - 1) * size, bytes(size))
    _sees(path, mini_db, [t for t in titles if t not in lost])

    # The table's root (its page of pointers) zeroed: SQLite reaches no row, every leaf is whole.
    again = tmp_path / "again.db"
    titles = _imported(again, mini_db, entries)
    _overwrite(again, (root - 1) * size, bytes(size))
    _sees(again, mini_db, titles)


def test_long_titles_spilling_onto_overflow_pages_come_back_whole(tmp_path: Path, mini_db: Path) -> None:
    entries: list[dict[str, object]] = [{"kind": "forum", "id": f"long-{n}", "title": f"{n}" + "长" * 999,
                                         "title_en": "long " * 200} for n in range(3)]
    path = tmp_path / "user.db"
    titles = _imported(path, mini_db, entries)
    _overwrite(path, 0, bytes(4096))  # the first page, header and list of tables, is gone
    _sees(path, mini_db, titles)


def test_garbage_pages_give_no_bookmarks_that_never_were(tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    titles = _with_bookmarks(path, mini_db)
    size, root = _page_size_and_root(path)
    rng = random.Random(11)
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // size):  # every page but the header's and the bookmarks' own
        if page != root - 1:
            data[page * size:(page + 1) * size] = rng.randbytes(size)
    for _ in range(40):  # and pages that look like table leaves to a quick glance
        leaf = bytearray(rng.randbytes(size))
        leaf[0], leaf[3:5] = 0x0D, rng.randrange(1, 200).to_bytes(2, "big")
        data += leaf
    path.write_bytes(bytes(data))
    _sees(path, mini_db, titles)

    from guide.user.salvage import bookmark_rows

    for seed in range(20):  # garbage of a user database's size behind SQLite's magic and our header
        junk = tmp_path / f"junk-{seed}.db"
        header = b"SQLite format 3\x00\x10\x00" + random.Random(seed).randbytes(28672 - 18)
        junk.write_bytes(header[:60] + (1).to_bytes(4, "big") + header[64:68]
                         + APPLICATION_ID.to_bytes(4, "big") + header[72:])
        assert bookmark_rows(junk, USER_SCHEMA_V1) == []
    _listed_junk, err = _listed(junk, mini_db)
    assert _listed_junk == [] and "0 bookmark(s) could be recovered" in err


def test_a_visitors_bookmarks_and_the_settings_are_not_taken_for_the_devices(
        tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    titles = _with_bookmarks(path, mini_db, FOUR[:2])
    user, content = open_user_db(path), open_content_db(mini_db)
    set_setting(user.db, "ui.language", "en")
    start_visitor_session(user.db)  # a kiosk visitor's own list, in the same table
    for kind, item_id in FOUR[2:]:
        add_bookmark(user.db, content, kind, item_id)
    user.close()
    content.close()
    _overwrite(path, 0, b"X" * 16)
    _sees(path, mini_db, titles)


CHILD = """
import os, sys
from pathlib import Path
from guide.content.database import open_content_db
from guide.user.bookmarks import add_bookmark, remove_bookmark
from guide.user.db import open_user_db

user, content = open_user_db(Path(sys.argv[1])), open_content_db(Path(sys.argv[2]))
add_bookmark(user.db, content, "photo", "robot")
add_bookmark(user.db, content, "organization", "most")
remove_bookmark(user.db, "forum", "opening")
os._exit(0)  # killed: no checkpoint, the changes are only in the -wal file
"""


def test_bookmarks_only_in_the_wal_of_a_killed_guide_are_recovered(tmp_path: Path, mini_db: Path) -> None:
    # Every change is committed to the -wal file before the call returns; the main file
    # gets it at a checkpoint. Killed before that, then the main file damaged: what SQLite
    # would have read (the WAL's committed frames over the file's pages) is what comes
    # back, so the new bookmarks return and the removed one stays removed.
    path = tmp_path / "user.db"
    _with_bookmarks(path, mini_db, FOUR[:2])
    subprocess.run([sys.executable, "-c", CHILD, str(path), str(mini_db)], cwd=ROOT, check=True, timeout=60)
    wal = path.with_name("user.db-wal")
    assert wal.stat().st_size > 0
    copy = tmp_path / "copy"  # read from a copy: closing a connection would checkpoint the WAL
    copy.mkdir()
    shutil.copyfile(path, copy / "user.db")
    shutil.copyfile(wal, copy / "user.db-wal")
    conn = sqlite3.connect(copy / "user.db")
    titles = [r[0] for r in conn.execute("SELECT title FROM bookmark WHERE owner = ''")]
    conn.close()
    main_only = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    assert main_only.execute("SELECT item_id FROM bookmark ORDER BY seq").fetchall() == [("opening",),
                                                                                          ("overlap",)]
    main_only.close()
    assert len(titles) == 3
    _overwrite(path, 0, b"X" * 16)
    _sees(path, mini_db, titles)


def test_a_disk_that_fills_while_recovering_leaves_the_damaged_file_for_next_time(
        tmp_path: Path, mini_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Moved aside, then no room for the new file: the next start found no database, began
    empty and never looked at the moved file again. The damaged file goes back in place,
    and the next start with room recovers every bookmark."""
    import guide.user.db as user_db
    from guide.files import DiskFull

    path = tmp_path / "user.db"
    titles = _with_bookmarks(path, mini_db)
    _overwrite(path, 0, b"X" * 16)
    damaged = path.read_bytes()

    def full(_path: Path) -> sqlite3.Connection:
        raise DiskFull(f"{_path}: the disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(user_db, "_recreate", full)
        with pytest.raises(DiskFull):
            open_user_db(path)
    assert path.read_bytes() == damaged
    assert [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name] == []
    _sees(path, mini_db, titles)


_DELETE_MOST = """
import os, sys
from pathlib import Path
from guide.user.db import open_user_db
user = open_user_db(Path(sys.argv[1]))
user.db.execute("DELETE FROM bookmark WHERE item_id >= 'f005'")
os._exit(0)  # killed before a checkpoint: the deletion is in the -wal only
"""


def test_bookmarks_removed_in_the_wal_of_a_killed_guide_stay_removed(tmp_path: Path) -> None:
    """80 bookmarks on three pages, 75 removed by a guide killed before its checkpoint, the
    header then damaged: read at twice the page size, the main file alone gave back 35 of
    the removed ones from the page it held before the WAL's change."""
    from guide.user.db import USER_SCHEMA_V1
    from guide.user.salvage import bookmark_rows

    path = tmp_path / "user.db"
    user = open_user_db(path)
    for i in range(80):
        user.db.execute("INSERT INTO bookmark (kind, item_id, title, title_en, added_at, seen_at)"
                        " VALUES ('forum', ?, ?, ?, '2023-05-25T10:00:00', '2023-05-25T10:00:00')",
                        (f"f{i:03}", f"标题{i}" + "x" * 40, f"t{i}"))
    user.close()
    subprocess.run([sys.executable, "-c", _DELETE_MOST, str(path)], cwd=ROOT, check=True, timeout=60)
    assert path.with_name("user.db-wal").stat().st_size > 0
    _overwrite(path, 0, b"X" * 16)
    kept = ["f000", "f001", "f002", "f003", "f004"]
    assert sorted(r["item_id"] for r in bookmark_rows(path, USER_SCHEMA_V1)) == kept
    user = open_user_db(path)
    assert sorted(r[0] for r in user.db.execute("SELECT item_id FROM bookmark")) == kept
    assert user.salvaged == 5
    user.close()
