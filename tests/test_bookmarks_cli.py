"""`guide bookmarks ...` as staff use it: each command a fresh process over the same user database."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from guide.user.bookmarks import stored_bookmarks
from guide.user.db import open_user_db
from tests.conftest import run_guide
from tests.support import drop_item
from tests.test_user_support import build


def bm(*args: str, user: Path, content: Path) -> tuple[int, str, str]:
    r = run_guide("bookmarks", *args, "--user-db", str(user), "--content-db", str(content))
    return r.returncode, r.stdout, r.stderr


def listed(user: Path, content: Path) -> list[dict[str, object]]:
    code, out, err = bm("list", "--json", user=user, content=content)
    assert code == 0, err
    return list(json.loads(out))


def test_add_list_remove_across_restarts(tmp_path: Path, mini_db: Path) -> None:
    user = tmp_path / "user.db"
    code, out, _ = bm("add", "forum", "overlap", user=user, content=mini_db)
    assert code == 0 and "重叠论坛" in out
    assert bm("add", "forum", "opening", user=user, content=mini_db)[0] == 0
    assert bm("add", "organization", "most", user=user, content=mini_db)[0] == 0

    code, out, _ = bm("list", user=user, content=mini_db)
    assert code == 0
    assert out.splitlines() == [
        "forum\topening\t2023-05-27 09:00-10:30\t开幕式\tOpening ceremony",
        "forum\toverlap\t2023-05-27 10:00\t重叠论坛\tOverlapping forum",
        "organization\tmost\t\t科技部\tMinistry of Science and Technology",
    ]
    assert [(b["kind"], b["id"], b["in_guide"]) for b in listed(user, mini_db)] == [
        ("forum", "opening", True), ("forum", "overlap", True), ("organization", "most", True)]

    code, out, _ = bm("remove", "forum", "opening", user=user, content=mini_db)
    assert code == 0 and "开幕式" in out
    # Bad input like an unknown id (exit 2, README's table), said on one error: line.
    code, _, err = bm("remove", "forum", "opening", user=user, content=mini_db)
    assert code == 2 and err.startswith("error: forum opening is not bookmarked; nothing removed")
    assert [b["id"] for b in listed(user, mini_db)] == ["overlap", "most"]


def test_adding_what_the_guide_lacks_is_an_error(tmp_path: Path, mini_db: Path) -> None:
    user = tmp_path / "user.db"
    code, _, err = bm("add", "forum", "no-such-forum", user=user, content=mini_db)
    assert code == 2 and "no forum with id 'no-such-forum'" in err
    code, _, err = bm("add", "event", "opening", user=user, content=mini_db)
    assert code == 2 and "invalid choice: 'event'" in err
    assert listed(user, mini_db) == []


def test_without_user_db_the_apps_own_database_is_used(_user_data: Path, mini_db: Path) -> None:
    r = run_guide("bookmarks", "add", "photo", "crowd", "--content-db", str(mini_db))
    assert r.returncode == 0, r.stderr
    user = open_user_db()  # the app's default: the user data folder
    assert user.path == _user_data / "user.db"
    assert [b.id for b in stored_bookmarks(user.db)] == ["crowd"]
    user.close()


def test_export_every_format(tmp_path: Path, mini_db: Path) -> None:
    user = tmp_path / "user.db"
    for kind, item_id in [("forum", "no-time"), ("forum", "opening"), ("area", "expo")]:
        assert bm("add", kind, item_id, user=user, content=mini_db)[0] == 0

    code, _, err = bm("export", "--format", "ics", "--out", str(tmp_path / "a.ics"),
                      user=user, content=mini_db)
    assert code == 0 and "wrote 2 bookmark(s)" in err
    assert "left out of the calendar: 1 not on the programme (only forums and sessions are)\n" in err
    cal = icalendar.Calendar.from_ical((tmp_path / "a.ics").read_bytes())
    assert sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT")) == ["开幕式", "时间未定论坛"]

    code, _, _ = bm("export", "--format", "csv", "--out", str(tmp_path / "a.csv"),
                    user=user, content=mini_db)
    assert code == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith(
        "forum,opening,开幕式,")

    code, out, _ = bm("export", "--format", "json", "--out", "-", user=user, content=mini_db)
    assert code == 0
    assert [b["id"] for b in json.loads(out)["bookmarks"]] == ["opening", "no-time", "expo"]


def test_export_takes_its_format_from_the_name_and_refuses_a_name_of_another(
        tmp_path: Path, mini_db: Path) -> None:
    """As `guide export`: a .json name holds JSON without --format, and --format csv into
    b.json is refused (it wrote CSV into a file named .json)."""
    user = tmp_path / "user.db"
    assert bm("add", "forum", "opening", user=user, content=mini_db)[0] == 0
    code, _, err = bm("export", "--format", "csv", "--out", str(tmp_path / "b.json"),
                      user=user, content=mini_db)
    assert code == 2 and "names the json format (.json), but --format is csv" in err
    assert not (tmp_path / "b.json").exists()
    code, _, err = bm("export", "--out", str(tmp_path / "b.json"), user=user, content=mini_db)
    assert code == 0 and "as json" in err
    assert json.loads((tmp_path / "b.json").read_text("utf-8"))["bookmarks"][0]["id"] == "opening"


def test_import_a_staff_list(tmp_path: Path, mini_db: Path) -> None:
    staff, visitor = tmp_path / "staff.db", tmp_path / "kiosk.db"
    for kind, item_id in [("forum", "overlap"), ("person", "li-yang")]:
        bm("add", kind, item_id, user=staff, content=mini_db)
    bm("export", "--format", "json", "--out", str(tmp_path / "list.json"), user=staff, content=mini_db)
    bm("add", "person", "li-yang", user=visitor, content=mini_db)
    code, out, _ = bm("import", str(tmp_path / "list.json"), user=visitor, content=mini_db)
    assert code == 0 and "imported 1 new bookmark(s); 1 already bookmarked" in out
    assert [b["id"] for b in listed(visitor, mini_db)] == ["overlap", "li-yang"]


@pytest.mark.parametrize(("body", "expected"), [
    ('{"bookmarks": [', "not valid JSON"),
    ('{"items": []}', "bookmarks: Field required"),
    ('{"bookmarks": [{"kind": "forum", "id": "opening"}, {"kind": "stand", "id": "a1"}]}',
     "bookmarks[1].kind: Input should be 'forum'"),
], ids=["malformed", "wrong shape", "unknown kind"])
def test_bad_import_exits_2_and_changes_nothing(body: str, expected: str, tmp_path: Path,
                                                mini_db: Path) -> None:
    user = tmp_path / "user.db"
    bm("add", "photo", "robot", user=user, content=mini_db)
    before = listed(user, mini_db)
    (tmp_path / "bad.json").write_text(body, encoding="utf-8")
    code, out, err = bm("import", str(tmp_path / "bad.json"), user=user, content=mini_db)
    assert code == 2
    assert "nothing was changed" in err and expected in err and "bad.json" in err
    assert out == ""
    assert listed(user, mini_db) == before


def test_damaged_user_database_is_replaced_and_the_notice_given_once(tmp_path: Path,
                                                                      mini_db: Path) -> None:
    user = tmp_path / "user.db"
    user.write_bytes(b"\x00garbage" * 1000)
    code, _, err = bm("add", "forum", "opening", user=user, content=mini_db)
    assert code == 0
    assert "damaged" in err and "user.db.corrupt-" in err
    code, out, err = bm("list", user=user, content=mini_db)
    assert code == 0 and "开幕式" in out
    assert "damaged" not in err  # told once
    assert len(list(tmp_path.glob("user.db.corrupt-*"))) == 1


def test_a_content_database_is_not_taken_as_a_user_database(mini_db: Path) -> None:
    code, _, err = bm("list", user=mini_db, content=mini_db)
    assert code == 2 and "not a zgc-guide user database" in err


def test_bookmarks_outlive_a_content_update(mini_pack: Path, tmp_path: Path) -> None:
    user = tmp_path / "user.db"
    v1 = build(mini_pack, tmp_path / "v1.db")
    bm("add", "forum", "overlap", user=user, content=v1)
    bm("add", "forum", "opening", user=user, content=v1)
    drop_item(mini_pack, "forum", "overlap")
    v2 = build(mini_pack, tmp_path / "v2.db")
    code, out, _ = bm("list", user=user, content=v2)
    assert code == 0
    assert out.splitlines()[1] == (
        "forum\toverlap\t2023-05-27 10:00\t重叠论坛\tOverlapping forum\t[no longer in the guide]")
    code, _, err = bm("export", "--format", "ics", "--out", str(tmp_path / "b.ics"), user=user, content=v2)
    assert code == 0 and "wrote 1 bookmark(s)" in err
    assert "left out of the calendar: 1 no longer in the guide\n" in err


def test_a_programme_session_is_named_a_session_as_on_the_bookmarks_page(
        tmp_path: Path, programme_db: Path, mini_db: Path) -> None:
    from guide.content.database import open_content_db
    from guide.ui.views.bookmarks import entry_kind
    from guide.user.bookmarks import list_bookmarks

    user = tmp_path / "user.db"
    content = open_content_db(programme_db)
    session = content.execute("SELECT id, title FROM forum ORDER BY id LIMIT 1").fetchone()
    code, out, err = bm("add", "forum", session[0], user=user, content=programme_db)
    assert code == 0, err
    # The page's label for the same bookmark, in the same words.
    view = list_bookmarks(open_user_db(user).db, content)[0]
    label = entry_kind(view, "en")
    assert label == "Session"
    assert out == f"bookmarked {label.lower()} {session[0]}: {session[1]}\n"  # one title: one language
    code, out, _ = bm("remove", "forum", session[0], user=user, content=programme_db)
    assert code == 0 and out.startswith(f"removed session {session[0]}: ")
    # A newspaper forum stays a forum, with both its titles.
    code, out, _ = bm("add", "forum", "overlap", user=user, content=mini_db)
    assert out == "bookmarked forum overlap: 重叠论坛 / Overlapping forum\n"
    code, out, _ = bm("remove", "forum", "overlap", user=user, content=mini_db)
    assert out == "removed forum overlap: 重叠论坛\n"
