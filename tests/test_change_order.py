"""The "Load this content?" change list names sessions in schedule order: the first five of
what a file removes are the first five of the day, not any five."""

from __future__ import annotations

from pathlib import Path

from guide.ui.content_update import SHOWN_TITLES, summary_text
from guide.updates.install import commit_update
from guide.updates.programme import prepare_programme

HEADER = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End,地点 Room\n"
# (id, title, day, start, end, room), in the sheet's order, which is not the time order.
SESSIONS = [("S01", "午后论坛", "2023-05-26", "14:00", "15:00", "A厅"),
            ("S02", "次日早场", "2023-05-27", "09:00", "10:00", "A厅"),
            ("S03", "开幕式", "2023-05-26", "09:00", "10:00", "主会场"),
            ("S04", "深夜场", "2023-05-27", "00:30", "01:30", "B厅"),
            ("S05", "晚宴", "2023-05-26", "18:00", "20:00", "宴会厅"),
            ("S06", "上午论坛", "2023-05-26", "10:30", "12:00", "A厅"),
            ("S07", "次日午后", "2023-05-27", "14:00", "15:00", "A厅"),
            ("S08", "同时开始乙", "2023-05-26", "16:00", "17:00", "B厅"),
            ("S09", "同时开始甲", "2023-05-26", "16:00", "17:00", "A厅"),
            ("S10", "夜场", "2023-05-26", "23:00", "00:30+1", "B厅"),
            ("S11", "未定时间", "2023-05-27", "", "", "A厅"),
            ("S12", "次日上午", "2023-05-27", "10:30", "12:00", "A厅")]
IN_TIME_ORDER = ["开幕式", "上午论坛", "午后论坛", "同时开始乙", "同时开始甲", "晚宴", "夜场", "深夜场",
                 "次日早场", "次日上午", "次日午后", "未定时间"]


def _sheet(path: Path, rows: list[tuple[str, ...]]) -> Path:
    path.write_text(HEADER + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_change_list_is_in_schedule_order(tmp_path: Path) -> None:
    first = prepare_programme(_sheet(tmp_path / "p.csv", SESSIONS), current_db=None, timezone="Asia/Shanghai")
    forum = first.summary.of("forum")
    assert [r.title for r in forum.added] == IN_TIME_ORDER
    running = commit_update(first).db_path
    # The wrong file: every session but one is gone, the one left renamed (as a draft's).
    draft = [(*SESSIONS[0][:1], "午后论坛（草稿）", *SESSIONS[0][2:])]
    wrong = prepare_programme(_sheet(tmp_path / "p.csv", draft), current_db=running, timezone="Asia/Shanghai")
    forum = wrong.summary.of("forum")
    assert [r.title for r in forum.removed] == [t for t in IN_TIME_ORDER if t != "午后论坛"]
    assert [r.title for r in forum.changed] == ["午后论坛（草稿）"]
    # The window's question shows the first five removed: the first five of the programme.
    text = summary_text(wrong.summary, "en")
    shown = [line.removeprefix("   − ") for line in text.splitlines() if line.startswith("   − ")]
    assert shown[:SHOWN_TITLES] == ["开幕式", "上午论坛", "同时开始乙", "同时开始甲", "晚宴"]
    # Rooms, no schedule of their own, in the order the guide lists them (the sheet's).
    assert [r.title for r in wrong.summary.of("room").removed] == ["主会场", "B厅", "宴会厅"]


def test_a_switch_calls_the_forums_it_removes_forums_and_the_sessions_it_adds_sessions(
        tmp_path: Path, mini_db: Path) -> None:
    """A programme opened over the newspaper's content listed the newspaper's forums it removes
    under "Sessions"; back to the newspaper's, the programme's removed sessions were "Forum"."""
    from guide.updates.changes import compare_content

    opened = prepare_programme(_sheet(tmp_path / "p.csv", SESSIONS[:2]), current_db=mini_db,
                               timezone="Asia/Shanghai")
    forums = [r.title_en for r in opened.summary.of("forum").removed]
    assert forums and len(opened.summary.of("forum").added) == 2
    said = summary_text(opened.summary, "en").splitlines()
    assert "Sessions: 2 added, 0 changed, 0 removed" in said, said
    assert f"Forum: 0 added, 0 changed, {len(forums)} removed" in said, said
    assert said.index(f"   − {forums[0]}") > said.index("Forum: 0 added, 0 changed, "
                                                     f"{len(forums)} removed")
    programme = commit_update(opened).db_path
    back = summary_text(compare_content(programme, mini_db), "en").splitlines()
    assert f"Forum: {len(forums)} added, 0 changed, 0 removed" in back, back
    assert "Sessions: 0 added, 0 changed, 2 removed" in back, back
