"""Staff moving a machine between contents: a programme opened from a file, the fleet's
signed packs of it, a signed pack of another programme, and back to the shipped content."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.app import build_window
from guide.cli import main
from guide.content.build import build_content_db
from guide.ui.guide import Guide
from tests.conftest import MINI_PACK
from tests.support import answer_yes

HEADER = "编号 ID,标题 Title,日期 Date,开始 Start,结束 End\n"


def write_sheet(path: Path, title: str = "开幕式") -> Path:
    path.write_text(f"{HEADER}S1,{title},2023-05-27,09:00,10:00\nS2,闭幕式,2023-05-27,16:00,17:00\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def guide(qtbot, tmp_path: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    current = build_content_db(MINI_PACK, tmp_path / "shown" / "content.db").path
    g = build_window(current, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(g.window)
    g.window.show()
    yield g
    g.close()


def open_programme(qtbot, guide: Guide, source: Path) -> None:  # type: ignore[no-untyped-def]
    """Staff menu > Open programme… on ``source``, answered Yes (answer_yes must be on)."""
    with qtbot.waitSignal(guide.updates.finished, timeout=30000) as done:
        guide.updates.start_programme(source)
    assert done.args == [True], guide.updates.last_message


def fleet_pack(folder: Path, sheet: Path, version: int) -> Path:
    """The content team's signed pack of ``sheet`` (guide import, pack build, pack sign)."""
    key = folder / "team"
    if not key.with_suffix(".key").exists():
        assert main(["pack", "keygen", "--out", str(key), "--name", "Content team"]) == 0
    pack_dir, out = folder / f"pk{version}", folder / f"{sheet.stem}-{version}.guidepack"
    assert main(["import", str(sheet), "--out", str(pack_dir), "--timezone", "Asia/Shanghai",
                 "--pack-version", str(version)]) == 0
    assert main(["pack", "build", str(pack_dir), "--out", str(out)]) == 0
    assert main(["pack", "sign", str(out), "--key", str(key.with_suffix(".key"))]) == 0
    return out


def test_staff_opening_a_programme_twice_does_not_block_the_fleets_signed_version(
    qtbot, guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A kiosk where staff had opened the sheet twice (a correction, or the same file again)
    refused the organiser's signed version 2 as "not newer" than its own version 2."""
    answer_yes(monkeypatch)
    sheet = write_sheet(tmp_path / "日程.csv")
    open_programme(qtbot, guide, sheet)
    open_programme(qtbot, guide, write_sheet(sheet, "开幕式（更正）"))
    pack = fleet_pack(tmp_path / "team", sheet, 2)
    pub = str(tmp_path / "team" / "team.pub")
    assert main(["pack", "publish", pack.as_posix(), str(tmp_path / "share"), "--trusted", pub]) == 0
    capsys.readouterr()
    # The kiosk's poll downloads it (and holds it: staff opened the programme by hand here),
    # and applying it by hand takes it.
    assert main(["update", "check", "--source", str(tmp_path / "share"), "--trusted", pub]) == 2
    assert capsys.readouterr().out.startswith("held (staff-import): version 2 of ri-cheng signed "
                                              "by Content team")
    assert main(["update", "apply", "--file", str(pack), "--trusted", pub]) == 0
    assert capsys.readouterr().out.startswith("applied ri-cheng version 2 signed by Content team")
    # The fleet's numbers are its own: the same signed version again is refused.
    assert main(["update", "apply", "--file", str(pack), "--trusted", pub]) == 2
    assert "refused (not-newer): pack version 2 is not newer" in capsys.readouterr().err


def test_a_number_an_earlier_guide_gave_a_staff_import_is_named_in_the_refusal(
    qtbot, guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _user_data: Path,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A machine whose earlier guide counted its staff imports as the fleet's versions refuses
    the fleet's version 2; the refusal says why and which version it takes."""
    answer_yes(monkeypatch)
    sheet = write_sheet(tmp_path / "日程.csv")
    open_programme(qtbot, guide, sheet)
    open_programme(qtbot, guide, sheet)
    state_file = _user_data / "content" / "installed" / "state.json"
    state = json.loads(state_file.read_text(encoding="utf-8"))
    for entry in (state["current"], state["previous"]):  # as an earlier guide wrote them
        entry["origin"] = "pack"
    state["high_water"] = {"ri-cheng": 2}
    state_file.write_text(json.dumps(state), encoding="utf-8")
    pack = fleet_pack(tmp_path / "team", sheet, 2)
    capsys.readouterr()
    assert main(["update", "apply", "--file", str(pack), "--trusted",
                 str(tmp_path / "team" / "team.pub")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("refused (not-newer): pack version 2 is not newer than version 2"), err
    assert ("version 2 here is this machine's own staff import (Open programme)" in err
            and "a signed pack of version 3 or higher is taken" in err), err


def test_staff_go_back_to_the_shipped_content_after_two_switches_with_bookmarks_kept(
    qtbot, guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    """After two programmes were opened, "Restore previous" only went between the two: the
    newspaper content the guide ships was gone for good (short of deleting files by hand)."""
    from guide.content.database import content_info
    from guide.user.bookmarks import list_bookmarks

    asked = answer_yes(monkeypatch)
    open_programme(qtbot, guide, write_sheet(tmp_path / "first.csv"))
    open_programme(qtbot, guide, write_sheet(tmp_path / "second.csv", "主论坛"))
    [session] = [r[0] for r in guide.ctx.content.execute("SELECT id FROM forum WHERE title = '主论坛'")]
    guide.ctx.bookmarks.toggle("forum", session)
    shown = content_info(guide.ctx.content)
    guide.updates.refresh_actions()
    assert guide.updates.shipped_action.isEnabled() and guide.updates.shipped_action.text() == \
        "Back to the content shipped with the guide..."
    assert guide.updates.shipped_action in guide.window.staff_menu.actions()

    assert guide.updates.restore_shipped()
    assert "Show the content shipped with the guide again?" in asked[-1]
    assert content_info(guide.ctx.content).pack_id == "zgc2023"
    [kept] = list_bookmarks(guide.ctx.user, guide.ctx.content)
    assert (kept.id, kept.in_guide, kept.title) == (session, False, "主论坛")
    guide.updates.refresh_actions()
    assert not guide.updates.shipped_action.isEnabled() and guide.updates.restore_action.isEnabled()

    # The programme it left comes back with "Restore previous content", its bookmark with it.
    assert guide.updates.restore()
    assert content_info(guide.ctx.content) == shown
    assert list_bookmarks(guide.ctx.user, guide.ctx.content)[0].in_guide

    # The same from the command line.
    capsys.readouterr()
    assert main(["update", "restore", "--shipped"]) == 0
    assert capsys.readouterr().out.startswith("restored zgc2023 version 1 (shipped) -> ")
    assert main(["update", "restore", "--shipped"]) == 2
    assert capsys.readouterr().err.startswith("refused (shipped-in-use): the guide shows the "
                                              "content shipped with it already")
    assert main(["update", "restore"]) == 0
    assert capsys.readouterr().out.startswith(
        f"restored {shown.pack_id} version {shown.pack_version} (programme) -> ")


def trust_team(folder: Path, user_data: Path) -> None:
    """This machine's updates.toml trusts the content team's key in ``folder``."""
    (user_data / "updates.toml").write_text(
        f'[updates]\ntrusted_keys = ["{(folder / "team.pub").as_posix()}"]\n', encoding="utf-8")


def record_questions(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Answer Yes to every question; the list collects (title, text) of each."""
    from guide.ui import boxes

    asked: list[tuple[str, str]] = []

    def yes(_parent: object, title: str, text: str, listing: str = "") -> bool:
        asked.append((title, text))
        return True

    monkeypatch.setattr(boxes, "ask", yes)
    return asked


def test_staff_switch_to_a_signed_pack_of_another_programme_after_a_clear_question(
    qtbot, guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _user_data: Path,  # type: ignore[no-untyped-def]
) -> None:
    """A machine on other content could not be moved to the fleet's programme from its signed
    pack: "this content pack is for other content" with no next step."""
    from guide.content.database import content_info

    pack = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "日程.csv"), 1)
    trust_team(tmp_path / "team", _user_data)
    asked = record_questions(monkeypatch)
    with qtbot.waitSignal(guide.updates.finished, timeout=30000) as done:
        guide.updates.start_import(pack)
    assert done.args == [True], guide.updates.last_message
    [(title, text)] = asked
    assert title == "Switch to other content?"
    assert text.startswith("Content pack 日程, version 1, signed by Content team"), text
    assert "This is other content, not an update of the content shown now (“Test content”): " \
           "loading it replaces that content." in text, text
    assert content_info(guide.ctx.content).pack_id == "ri-cheng"


def test_open_programme_on_a_content_pack_offers_to_open_it_as_one(
    qtbot, guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _user_data: Path,  # type: ignore[no-untyped-def]
) -> None:
    """"Open programme..." on the content team's .guidepack said it was a zip archive to
    unzip for its spreadsheet; a pack holds none."""
    from guide.content.database import content_info

    pack = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "日程.csv"), 1)
    renamed = pack.rename(tmp_path / "programme.zip")  # known by what it holds, not its name
    trust_team(tmp_path / "team", _user_data)
    asked = record_questions(monkeypatch)
    with qtbot.waitSignal(guide.updates.finished, timeout=30000) as done:
        guide.updates.start_programme(renamed)
    assert done.args == [True], guide.updates.last_message
    assert asked[0] == ("This is a content pack", "programme.zip is a content pack (.guidepack), "
                        "not a programme file. Content packs open with “Open content pack...”. "
                        "Open it as a content pack now?")
    assert asked[1][0] == "Switch to other content?"
    assert content_info(guide.ctx.content).pack_id == "ri-cheng"


def test_the_command_line_switches_to_another_programmes_pack_only_when_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    pack = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "日程.csv"), 1)
    pub = str(tmp_path / "team" / "team.pub")
    capsys.readouterr()
    assert main(["import", str(pack), "--out", str(tmp_path / "out")]) == 2
    assert "a content pack (.guidepack), not a programme" in capsys.readouterr().err
    assert main(["update", "apply", "--file", str(pack), "--trusted", pub]) == 2
    err = capsys.readouterr().err
    assert err.startswith("refused (wrong-pack): the pack is 'ri-cheng', the content in use is "
                          "'zgc2023'"), err
    assert "to replace the content in use with this pack's content on purpose (bookmarks stay; " \
           "`guide update restore` goes back), run again with --switch" in err
    assert main(["update", "apply", "--file", str(pack), "--trusted", pub, "--switch"]) == 0
    assert capsys.readouterr().out.startswith(
        "applied ri-cheng version 1 signed by Content team (ed25519:")
    assert main(["update", "restore", "--shipped"]) == 0  # and back to the newspaper
    # A poll never switches: --switch is for a file staff chose.
    assert main(["update", "apply", "--source", str(tmp_path), "--trusted", pub, "--switch"]) == 2
    assert "--switch needs --file PACK" in capsys.readouterr().err


def test_a_chinese_sheet_opened_over_another_countrys_programme_is_read_in_china_time(
    qtbot, programme_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    """With 39C3 (Europe/Berlin) on screen, a Chinese sheet without a zone was read as Berlin
    time without a word: a Beijing opening at 09:00 reached phones' calendars at 15:00."""
    import datetime as dt

    from guide.content import queries

    asked = answer_yes(monkeypatch)
    g = build_window(programme_db, lang="en", user_db=tmp_path / "user.db", now="2025-12-27T11:00")
    qtbot.addWidget(g.window)
    try:
        open_programme(qtbot, g, write_sheet(tmp_path / "日程.csv"))
        assert ("The file names no time zone: its times are read as China time, Asia/Shanghai "
                "(UTC+8), as the file is in Chinese; the content shown is in Europe/Berlin "
                "(UTC+2).") in asked[0], asked[0]
        [opening] = [r for r in queries.forum_rows(g.ctx.content, queries.forum_ids(g.ctx.content))
                     if r.title == "开幕式"]
        assert opening.start == dt.datetime(2023, 5, 27, 9, tzinfo=dt.timezone(dt.timedelta(hours=8)))

        # A sheet in English stays on the clock of the content shown, and says so.
        english = tmp_path / "day.csv"
        english.write_text(f"{HEADER}S1,Opening,2023-05-27,09:00,10:00\n", encoding="utf-8")
        open_programme(qtbot, g, english)
        assert ("The file names no time zone: its times are read as Asia/Shanghai (UTC+8), the "
                "zone of the content shown.") in asked[1], asked[1]
    finally:
        g.close()


def test_the_question_names_the_zone_a_file_gives(
    qtbot, guide: Guide, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from tests.conftest import XML_39C3

    asked = answer_yes(monkeypatch)
    open_programme(qtbot, guide, XML_39C3)
    assert "\nTimes are in Europe/Berlin (UTC+1), as the file says.\n" in asked[0], asked[0]


def test_a_signed_programme_packs_changes_call_its_sessions_sessions_as_a_staff_import_does(
    qtbot, guide: Guide, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
    _user_data: Path,
) -> None:
    """The content team's signed pack of a programme listed its changes under "Forum" where the
    same programme opened from its file listed them under "Sessions"."""
    asked = answer_yes(monkeypatch)
    sheet = write_sheet(tmp_path / "日程.csv")
    open_programme(qtbot, guide, sheet)
    open_programme(qtbot, guide, write_sheet(sheet, "开幕式（更正）"))
    assert "\n\nSessions: 0 added, 1 changed, 0 removed\n" in asked[-1]
    (tmp_path / "team").mkdir()
    pack = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "team" / "日程.csv", "开幕式暨全体会议"), 3)
    (_user_data / "updates.toml").write_text(
        f'[updates]\ntrusted_keys = ["{(tmp_path / "team" / "team.pub").as_posix()}"]\n', encoding="utf-8")
    with qtbot.waitSignal(guide.updates.finished, timeout=30000) as done:
        guide.updates.start_import(pack)  # "Open content pack..."
    assert done.args == [True], guide.updates.last_message
    assert asked[-1].startswith("Content pack ")
    assert "\n\nSessions: 1 added, 0 changed, 1 removed\n" in asked[-1], asked[-1]
    assert "Forum" not in asked[-1]
