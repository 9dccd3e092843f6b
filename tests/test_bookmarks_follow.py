"""A bookmark follows an imported session whose title was corrected (its id changed words)."""

from __future__ import annotations

from pathlib import Path

from guide.content.build import build_content_db
from guide.content.database import open_content_db
from guide.content.ids import make_id, same_source_pattern
from guide.programme.importer import import_programme
from guide.user.bookmarks import add_bookmark, list_bookmarks, refresh_snapshots
from guide.user.db import UserDb

HEADER = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End\n"


def _content(tmp_path: Path, name: str, rows: str) -> Path:
    sheet = tmp_path / f"{name}.csv"
    sheet.write_text(HEADER + rows, encoding="utf-8")
    import_programme(str(sheet), tmp_path / name, timezone="Asia/Shanghai")
    return build_content_db(tmp_path / name, tmp_path / f"{name}.db").path


def test_a_corrected_title_keeps_the_bookmark_on_its_session(tmp_path: Path, user: UserDb) -> None:
    first = _content(tmp_path, "v1", "S1,Opening Cermony,2023-05-27,09:00,10:00\n"
                                     "S2,Closing,2023-05-27,17:00,18:00\n")
    with open_content_db(first) as content:
        (old,) = [r[0] for r in content.execute("SELECT id FROM forum WHERE title LIKE 'Opening%'")]
        add_bookmark(user.db, content, "forum", old)
    second = _content(tmp_path, "v2", "S1,Opening Ceremony,2023-05-27,09:00,10:00\n"
                                      "S2,Closing,2023-05-27,17:00,18:00\n")
    with open_content_db(second) as content:
        (new,) = [r[0] for r in content.execute("SELECT id FROM forum WHERE title LIKE 'Opening%'")]
        assert new != old  # the id's words follow the title
        refresh_snapshots(user.db, content)
        (view,) = list_bookmarks(user.db, content)
    assert (view.id, view.title, view.in_guide) == (new, "Opening Ceremony", True)


def test_only_ids_made_from_a_source_key_are_followed() -> None:
    made = make_id("session", "Opening Cermony", "id:S1")
    assert same_source_pattern(made) == (f"session-{made[-8:]}", f"session-%-{made[-8:]}")
    assert same_source_pattern(make_id("session", "开幕式", "id:S1")) is not None  # no words
    for pack_id in ("green-finance-forum", "metaverse-area", "zhao-qing"):
        assert same_source_pattern(pack_id) is None



def test_a_forum_the_content_team_retitled_and_moved_keeps_its_bookmark(
        tmp_path: Path, user: UserDb) -> None:
    """Only a file's own ids (a sheet's S1, S2 …) are taken for another session when title and
    time both change: the content's own ids name their forum whatever it is called."""
    from tests.support import copy_pack, replace_text

    first = build_content_db(copy_pack(tmp_path / "v1", 1), tmp_path / "v1.db").path
    with open_content_db(first) as content:
        add_bookmark(user.db, content, "forum", "opening")
    pack = copy_pack(tmp_path / "v2", 2)
    replace_text(pack, 'title = "开幕式"\ntitle_en = "Opening ceremony"',
                 'title = "2023中关村论坛全体会议"\ntitle_en = "Plenary session"')
    replace_text(pack, "start_time = 09:00:00\nend_time = 10:30:00",
                 "start_time = 14:00:00\nend_time = 15:30:00")
    second = build_content_db(pack, tmp_path / "v2.db").path
    with open_content_db(second) as content:
        refresh_snapshots(user.db, content)
        (view,) = list_bookmarks(user.db, content)
    assert (view.id, view.title, view.in_guide) == ("opening", "2023中关村论坛全体会议", True)
