"""Staff opening one programme file after another: which is the next version of the programme
in use, what the change summary says, and where the bookmarks are afterwards."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guide.content.database import open_content_db
from guide.ui.content_update import summary_text
from guide.updates.install import (
    AppliedUpdate,
    PreparedUpdate,
    commit_update,
    restore_previous,
    slot_status,
)
from guide.updates.programme import prepare_programme
from guide.updates.state import default_slot
from guide.user.bookmarks import add_bookmark, list_bookmarks, refresh_snapshots
from guide.user.db import UserDb
from tests.support import Midway

HEADER = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End,地点 Room\n"
EVENT_A = ("S1,开幕式,2023-05-26,09:00,10:00,主会场\n"
           "S2,数字经济论坛,2023-05-26,14:00,17:00,A厅\n")


class Machine:
    """A guide where staff open programme files, with a user's bookmarks."""

    def __init__(self, folder: Path, user: UserDb) -> None:
        self.folder, self.user, self.running = folder, user, None

    def sheet(self, name: str, rows: str, header: str = HEADER) -> Path:
        path = self.folder / name
        path.write_text(header + rows, encoding="utf-8")
        return path

    def prepare(self, source: Path, timezone: str = "Asia/Shanghai") -> PreparedUpdate:
        return prepare_programme(source, current_db=self.running, timezone=timezone)

    def swap(self, prepared: PreparedUpdate) -> None:
        """What the window does on "Yes": commit, open the new content, refresh the bookmarks."""
        self.running = commit_update(prepared).db_path
        self._refresh()

    def restore(self) -> None:
        self.running = restore_previous().db_path
        self._refresh()

    def _refresh(self) -> None:
        with open_content_db(self.running) as content:
            refresh_snapshots(self.user.db, content)

    def bookmark(self, kind: str, title: str) -> None:
        with open_content_db(self.running) as content:
            (item_id,) = [r[0] for r in content.execute(f"SELECT id FROM {kind} WHERE title = ?",
                                                        [title])]
            add_bookmark(self.user.db, content, kind, item_id)

    def bookmarks(self) -> list[tuple[str, dt.date | None, bool]]:
        """The bookmarks page: each bookmark's title, day and whether it is still in the guide."""
        with open_content_db(self.running) as content:
            return [(v.title, v.date, v.in_guide) for v in list_bookmarks(self.user.db, content)]


def _summary(prepared: PreparedUpdate) -> str:
    return summary_text(prepared.summary, "en")


def test_another_events_sheet_is_its_own_programme_and_no_bookmark_moves_to_its_sessions(
        tmp_path: Path, user: UserDb) -> None:
    # Both sheets number their sessions S1, S2 as the template does: event B became
    # "version 2" of event A, named A, and the bookmark on A's opening showed B's closing.
    m = Machine(tmp_path, user)
    m.swap(m.prepare(m.sheet("eventA.csv", EVENT_A)))
    m.bookmark("forum", "开幕式")
    other = m.prepare(m.sheet("eventB.csv", "S1,闭幕式,2024-06-01,16:00,17:00,礼堂\n"
                                            "S2,人工智能论坛,2024-06-01,09:00,12:00,B厅\n"))
    assert (other.pack_id, other.version, other.title) == ("eventb", 1, "eventB")
    forum = other.summary.of("forum")
    assert sorted(r.title for r in forum.removed) == ["开幕式", "数字经济论坛"]
    assert sorted(r.title for r in forum.added) == ["人工智能论坛", "闭幕式"]
    assert not forum.changed
    assert "   − 开幕式" in _summary(other) and "   + 闭幕式" in _summary(other)
    m.swap(other)
    assert m.bookmarks() == [("开幕式", dt.date(2023, 5, 26), False)]  # no longer in the guide
    m.restore()  # back to event A: the bookmark is on its session again
    assert m.bookmarks() == [("开幕式", dt.date(2023, 5, 26), True)]


def test_renumbered_rows_keep_each_bookmark_on_its_own_session(tmp_path: Path, user: UserDb) -> None:
    # A row added at the top and the 编号 renumbered: S1 and S2 now name other sessions.
    m = Machine(tmp_path, user)
    m.swap(m.prepare(m.sheet("eventA.csv", EVENT_A)))
    m.bookmark("forum", "开幕式")
    m.bookmark("forum", "数字经济论坛")
    second = m.prepare(m.sheet("eventA-v2.csv", "S1,欢迎晚宴,2023-05-25,18:00,20:00,宴会厅\n"
                                                "S2,开幕式,2023-05-26,09:00,10:00,主会场\n"
                                                "S3,数字经济论坛,2023-05-26,14:00,17:00,A厅\n"))
    assert (second.pack_id, second.version) == ("eventa", 2)  # the same event, corrected
    forum = second.summary.of("forum")
    assert ([r.title for r in forum.added], forum.changed, forum.removed) == (["欢迎晚宴"], (), ())
    m.swap(second)
    assert m.bookmarks() == [("开幕式", dt.date(2023, 5, 26), True),
                             ("数字经济论坛", dt.date(2023, 5, 26), True)]


def test_adding_the_id_column_the_import_advises_keeps_every_bookmark(
        tmp_path: Path, user: UserDb) -> None:
    # Every session was "removed" and "added" again and every bookmark was orphaned,
    # although nothing a visitor sees had changed.
    m = Machine(tmp_path, user)
    no_ids = "标题 Title,日期 Date,开始 Start,结束 End,地点 Room\n"
    m.swap(m.prepare(m.sheet("日程.csv", "开幕式,2023-05-26,09:00,10:00,主会场\n"
                                         "数字经济论坛,2023-05-26,14:00,17:00,A厅\n", no_ids)))
    m.bookmark("forum", "开幕式")
    m.bookmark("room", "A厅")
    with_ids = m.prepare(m.sheet("日程-v2.csv", EVENT_A))
    assert (with_ids.pack_id, with_ids.version) == ("ri-cheng", 2)
    assert with_ids.summary.empty
    assert _summary(with_ids) == "No items are added, changed or removed."
    m.swap(with_ids)
    assert m.bookmarks() == [("开幕式", dt.date(2023, 5, 26), True), ("A厅", None, True)]
    # From now on the id keeps the bookmark: a title corrected is a session changed.
    corrected = m.prepare(m.sheet("日程-v3.csv", EVENT_A.replace("开幕式", "开幕仪式")))
    forum = corrected.summary.of("forum")
    assert ([r.title for r in forum.changed], forum.added, forum.removed) == (["开幕仪式"], (), ())
    m.swap(corrected)
    assert m.bookmarks()[0] == ("开幕仪式", dt.date(2023, 5, 26), True)


FRAB = """<?xml version="1.0" encoding="UTF-8"?>
<schedule><conference><title>Congress</title><acronym>congress</acronym>
<time_zone_name>Europe/Berlin</time_zone_name></conference>
<day index="1" date="2025-12-27"><room name="{room}" guid="50814d28-5d61-4501-84cd-8f6928d1cc77">
<event guid="0214b446-103a-4293-b49a-c00a84c3d668" id="1"><date>2025-12-27T10:00:00+01:00</date>
<start>10:00</start><duration>01:00</duration><room>{room}</room><title>Tea tasting</title>
<type>workshop</type></event>
</room></day></schedule>
"""


def test_a_room_renamed_in_a_frab_file_keeps_its_bookmark_by_its_guid(
        tmp_path: Path, user: UserDb) -> None:
    m = Machine(tmp_path, user)
    first = tmp_path / "schedule.xml"
    first.write_text(FRAB.format(room="The House of Tea"), encoding="utf-8")
    m.swap(m.prepare(first))
    m.bookmark("room", "The House of Tea")
    renamed = tmp_path / "schedule-2.xml"
    renamed.write_text(FRAB.format(room="House of Tea (Hall H)"), encoding="utf-8")
    second = m.prepare(renamed)
    room = second.summary.of("room")
    assert ([r.title for r in room.changed], room.added, room.removed) == (
        ["House of Tea (Hall H)"], (), ())
    m.swap(second)
    assert m.bookmarks() == [("House of Tea (Hall H)", None, True)]


def test_a_file_that_now_gives_its_rooms_guids_changes_nothing_a_visitor_sees(
        tmp_path: Path, user: UserDb) -> None:
    # As a programme imported before rooms were keyed by their guids, opened again: every
    # room got another id, and every session in one was listed as changed.
    m = Machine(tmp_path, user)
    first = tmp_path / "schedule.xml"
    first.write_text(FRAB.format(room="The House of Tea").replace(
        ' guid="50814d28-5d61-4501-84cd-8f6928d1cc77"', ""), encoding="utf-8")
    m.swap(m.prepare(first))
    m.bookmark("room", "The House of Tea")
    again = tmp_path / "schedule-2.xml"
    again.write_text(FRAB.format(room="The House of Tea"), encoding="utf-8")
    second = m.prepare(again)
    assert _summary(second) == "No items are added, changed or removed."
    m.swap(second)
    assert m.bookmarks() == [("The House of Tea", None, True)]


@pytest.mark.parametrize(("first", "corrected", "bookmarked", "now"), [
    ("S1,Opening Cermony,2023-05-26,09:00,10:00,Main Hall\n",
     "S1,Opening Ceremony,2023-05-26,09:30,10:30,Main Hall\n", "Opening Cermony", "Opening Ceremony"),
    ("S1,开幕式,2023-05-26,09:00,10:00,主会场\n",
     "S1,开幕式暨全体会议,2023-05-26,09:30,11:00,主会场\n", "开幕式", "开幕式暨全体会议"),
])
def test_a_corrected_title_that_also_moves_keeps_its_bookmark(
        tmp_path: Path, user: UserDb, first: str, corrected: str, bookmarked: str, now: str) -> None:
    """A corrected sheet fixed a title and moved the session half an hour: the bookmark said
    "no longer in the guide", the summary listed the session removed and added."""
    rest = "S2,数字经济论坛,2023-05-26,14:00,17:00,A厅\nS3,Green Finance,2023-05-26,15:00,17:00,B厅\n"
    m = Machine(tmp_path, user)
    m.swap(m.prepare(m.sheet("prog.csv", first + rest)))
    m.bookmark("forum", bookmarked)
    nxt = m.prepare(m.sheet("prog-v2.csv", corrected + rest))
    assert "0 added, 1 changed, 0 removed" in _summary(nxt)
    m.swap(nxt)
    assert m.bookmarks() == [(now, dt.date(2023, 5, 26), True)]


def _window_opens(sheet: Path) -> AppliedUpdate:
    """Another guide window on this machine (the same user data) opening ``sheet``, answered Yes."""
    from guide.updates import install

    return install.commit_update(prepare_programme(sheet, current_db=None, timezone="Asia/Shanghai"))


def _two_sheets(tmp_path: Path) -> tuple[Path, Path]:
    """The same programme's sheet saved twice, corrected apart: one pack id, two files."""
    sheets = []
    for folder, title in (("a", "开幕式"), ("b", "开幕仪式")):
        (tmp_path / folder).mkdir()
        sheets.append(tmp_path / folder / "日程.csv")
        sheets[-1].write_text(HEADER + EVENT_A.replace("开幕式", title), encoding="utf-8")
    return sheets[0], sheets[1]


def _opening_title(db: Path) -> str:
    with open_content_db(db) as content:
        return str(content.execute("SELECT title FROM forum WHERE title LIKE '开幕%'").fetchone()[0])


def test_two_windows_loading_the_programme_at_once_give_each_load_its_own_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Staff in two windows on one machine open the programme at nearly the same moment (the
    other window loads its sheet while this one's question is open): both asked about
    "version 1" and both were recorded as version 1 (3 of 3 real runs), the same file twice
    under one name, so "Restore previous content" gave back what was showing."""
    from guide.updates import install

    mine, theirs = _two_sheets(tmp_path)
    other = Midway(monkeypatch, install, "commit_update", lambda: _window_opens(theirs))
    first = prepare_programme(mine, current_db=None, timezone="Asia/Shanghai")
    applied = install.commit_update(first)
    loaded = other.join()
    assert (first.version, loaded.current.version) == (1, 2)  # the question said so, too
    state = slot_status()
    assert state.current is not None and state.previous is not None
    assert (state.current.version, state.previous.version) == (1, 2)
    assert _opening_title(applied.db_path) == "开幕式"
    assert _opening_title(restore_previous().db_path) == "开幕仪式"  # the other's load is kept
    assert prepare_programme(mine, current_db=None, timezone="Asia/Shanghai").version == 3


def test_two_windows_preparing_the_programme_at_once_take_turns_for_its_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other window opens its sheet while this one builds the database of its own."""
    from guide.content import build

    mine, theirs = _two_sheets(tmp_path)
    other = Midway(monkeypatch, build, "build_content_db", lambda: _window_opens(theirs))
    first = prepare_programme(mine, current_db=None, timezone="Asia/Shanghai")
    commit_update(first)
    loaded = other.join()
    assert sorted([first.version, loaded.current.version]) == [1, 2]
    state, slot = slot_status(), default_slot()
    assert state.current is not None and state.previous is not None
    assert sorted([state.current.version, state.previous.version]) == [1, 2]
    assert {_opening_title(slot.path(state.current)),
            _opening_title(slot.path(state.previous))} == {"开幕式", "开幕仪式"}
