"""An organiser's programme on the kiosks, as the README walks through it with `guide`: import a
sheet, build, sign, publish; then a corrected sheet (saved under another name), and the wrong one.

Each step is what the organiser types (through ``guide.cli.main``) and reads back.
"""

from __future__ import annotations

import json
import re
import shlex
import tomllib
from pathlib import Path

import pytest

from guide.cli import main
from tests.support import write_rows
from tests.test_updates_support import make_key

HEAD = ["编号", "标题", "日期", "开始", "结束", "地点"]
SESSIONS = [[f"S{n}", title, "2023-05-26" if n <= 5 else "2023-05-27", f"{8 + n % 5}:00",
             f"{9 + n % 5}:00", f"分会场{n % 3}"]
            for n, title in enumerate(["开幕式", "人工智能大模型发展论谈", "数字经济论坛", "绿色低碳论坛",
                                       "生命科学论坛", "科技金融圆桌", "量子信息论坛", "科普论坛",
                                       "智能网联汽车论坛", "闭幕式"], start=1)]


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    printed = capsys.readouterr()
    return code, printed.out, printed.err


def _meta(pack_dir: Path) -> dict[str, object]:
    return tomllib.loads((pack_dir / "pack.toml").read_text(encoding="utf-8"))["pack"]


def _sheet(folder: Path, name: str, rows: list[list[str]]) -> Path:
    path = folder / name
    write_rows(path, [HEAD, *rows])
    return path


def _import(capsys: pytest.CaptureFixture[str], sheet: Path, out: Path, *more: str) -> tuple[int, str, str]:
    return _run(capsys, "import", sheet, "--out", out, "--timezone", "Asia/Shanghai", *more)


def test_each_import_over_the_pack_folder_is_the_next_version_and_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every fleet update needs a higher version, and an import over the pack folder wrote
    version 1 again, even over version 3: publishing was refused as not newer, or, worse,
    nothing said that kiosks would refuse it."""
    sheet, out = _sheet(tmp_path, "日程.xlsx", SESSIONS), tmp_path / "pack"
    code, printed, err = _import(capsys, sheet, out)
    assert code == 0, err
    assert "pack ri-cheng version 1: a new pack" in printed
    assert _meta(out)["version"] == 1
    code, printed, err = _import(capsys, sheet, out)
    assert code == 0, err
    assert f"pack ri-cheng version 2, the next after version 1 in {out}" in printed
    assert _meta(out)["version"] == 2
    code, printed, _err = _import(capsys, sheet, out, "--pack-version", "5")
    assert code == 0 and _meta(out)["version"] == 5
    code, printed, _err = _import(capsys, sheet, out)
    assert code == 0 and _meta(out)["version"] == 6
    # A version given by hand below the folder's: written as asked, and the organiser warned.
    code, printed, err = _import(capsys, sheet, out, "--pack-version", "3")
    assert code == 0 and _meta(out)["version"] == 3
    assert (f"warning: pack ri-cheng version 3, but {out} held version 6: kiosks that have "
            "version 6 refuse it") in err


def test_a_corrected_sheet_saved_under_another_name_is_the_same_pack_with_its_title(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`日程-更正.xlsx` made another pack, `ri-cheng-geng-zheng`, and kiosks showed "日程-更正" as
    the event's name (the window's Open programme kept both): the import over the pack folder
    keeps the earlier import's id and title, as the window does. (A version in the name, as in
    `日程-v2.xlsx`, is none of the title: test_programme_sheet_habits.py.)"""
    out = tmp_path / "pack"
    assert _import(capsys, _sheet(tmp_path, "日程.xlsx", SESSIONS), out)[0] == 0
    fixed = [list(row) for row in SESSIONS]
    fixed[1][1] = "人工智能大模型发展论坛"  # a typo fixed
    fixed[6][3:5] = ["16:00", "18:00"]  # a session moved
    code, printed, err = _import(capsys, _sheet(tmp_path, "日程-更正.xlsx", fixed), out)
    assert code == 0, err
    meta = _meta(out)
    assert (meta["id"], meta["title"], meta["title_en"], meta["version"]) == (
        "ri-cheng", "日程", "日程", 2)
    assert meta["source"] == "日程-更正.xlsx"
    assert (f"the same programme as the earlier import in {out} (most of its sessions are in "
            "both), so it keeps that pack's id and title, \"日程\"") in printed
    # --pack-id naming the same pack keeps its name too; --title still says otherwise.
    assert _import(capsys, _sheet(tmp_path, "日程-更正2.xlsx", fixed), out, "--pack-id", "ri-cheng")[0] == 0
    assert (_meta(out)["title"], _meta(out)["version"]) == ("日程", 3)
    code, printed, _err = _import(capsys, _sheet(tmp_path, "日程-更正3.xlsx", fixed), out, "--title",
                                  "2023中关村论坛")
    assert code == 0
    # The title was the organiser's: it had said it "keeps that pack's id and title" and asked
    # for the --title just given.
    assert ("keeps that pack's id, with the title given, \"2023中关村论坛\"; give --pack-id to make "
            "it a programme of its own") in printed
    assert (_meta(out)["id"], _meta(out)["title"], _meta(out)["version"]) == ("ri-cheng", "2023中关村论坛", 4)
    # Another event's sheet shares no session: not taken for this one, and refused as before.
    other = [[f"S{n}", f"另一个活动{n}", "2024-03-01", "10:00", "11:00", "大厅"] for n in range(1, 8)]
    code, _printed, err = _import(capsys, _sheet(tmp_path, "日程-更正4.xlsx", other), out)
    assert code == 2 and "holds another programme, pack 'ri-cheng'" in err
    assert "give --pack-id ri-cheng" in err and _meta(out)["version"] == 4


def _fleet(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(the content team's private key, its public key, the kiosks' update folder)."""
    _private, _public, key, pub = make_key(tmp_path / "keys")
    return key, pub, tmp_path / "share"


def _build_sign(capsys: pytest.CaptureFixture[str], pack_dir: Path, key: Path, out: Path) -> Path:
    assert _run(capsys, "pack", "build", pack_dir, "--out", out)[0] == 0
    assert _run(capsys, "pack", "sign", out, "--key", key)[0] == 0
    return out


def test_publish_says_what_changes_for_the_kiosks_and_calls_out_a_large_removal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The wrong file (a draft with 6 of 10 sessions) reached every kiosk, and only the
    kiosks' logs said "4 removed": publish says it, --dry-run before anything is published."""
    key, pub, share = _fleet(tmp_path)
    out = tmp_path / "pack"
    assert _import(capsys, _sheet(tmp_path, "日程.xlsx", SESSIONS), out)[0] == 0
    first = _build_sign(capsys, out, key, tmp_path / "v1.guidepack")
    code, printed, err = _run(capsys, "pack", "publish", first, share, "--trusted", pub)
    assert code == 0, err
    assert "changes for kiosks" not in printed  # nothing was published there before
    draft = [[*row[:1], row[1] + "（草稿）", *row[2:]] for row in SESSIONS[:6]]
    assert _import(capsys, _sheet(tmp_path, "日程-draft.xlsx", draft), out)[0] == 0
    second = _build_sign(capsys, out, key, tmp_path / "v2.guidepack")
    index = (share / "index.json").read_bytes()

    code, printed, err = _run(capsys, "pack", "publish", second, share, "--trusted", pub, "--dry-run")
    assert code == 0, err
    assert (share / "index.json").read_bytes() == index  # nothing published
    lines = printed.splitlines()
    assert lines[:3] == [
        f"not published (--dry-run): ri-cheng version 2 may be published to {share}",
        "changes for kiosks showing version 1:",
        "  forum: 0 added, 6 changed, 4 removed (of 10)"]
    removed = lines[3].removeprefix("    removed: ").split("; ")
    assert sorted(removed) == ["智能网联汽车论坛", "科普论坛", "量子信息论坛", "闭幕式"]
    assert ("warning: this version removes 4 of the 10 sessions that kiosks with version 1 "
            "show; if that is not meant (the wrong file?), do not publish it") in err

    code, printed, err = _run(capsys, "pack", "publish", second, share, "--trusted", pub)
    assert code == 0, err
    assert json.loads((share / "index.json").read_text())["version"] == 2
    assert "  forum: 0 added, 6 changed, 4 removed (of 10)" in printed.splitlines()
    assert ("warning: this version removes 4 of the 10 sessions that kiosks with version 1 show; "
            "if that is not meant (the wrong file?), import the right file into the same pack "
            "folder (it takes the next version) and build, sign and publish it") in err
    # The right file again: its sessions come back, and nothing is called out.
    assert _import(capsys, _sheet(tmp_path, "日程-v2.xlsx", SESSIONS), out)[0] == 0
    third = _build_sign(capsys, out, key, tmp_path / "v3.guidepack")
    code, printed, err = _run(capsys, "pack", "publish", third, share, "--trusted", pub)
    assert code == 0 and "  forum: 4 added, 6 changed, 0 removed (of 6)" in printed.splitlines()
    assert "warning" not in err
    # An older version put back with --replace changes nothing on kiosks that have version 3:
    # it had listed changes and a removal warning for them, then said they keep version 3.
    code, printed, err = _run(capsys, "pack", "publish", second, share, "--trusted", pub,
                              "--replace", "--dry-run")
    assert code == 0, err
    assert "changes for kiosks" not in printed and "warning" not in err
    assert ("note: it would replace version 3 (--replace); kiosks that already have version 3 "
            "keep it (they refuse a version not newer); only kiosks on an older version, and new "
            "ones, get this content") in err


def test_a_pack_of_another_id_is_refused_with_the_pack_id_that_keeps_the_kiosks(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A corrected sheet imported into a folder of its own became pack ri-cheng-geng-zheng; the
    refusal offered --replace, which left every kiosk refusing the updates."""
    key, pub, share = _fleet(tmp_path)
    assert _import(capsys, _sheet(tmp_path, "日程.xlsx", SESSIONS), tmp_path / "p1")[0] == 0
    assert _import(capsys, _sheet(tmp_path, "日程-更正.xlsx", SESSIONS), tmp_path / "p2")[0] == 0
    first = _build_sign(capsys, tmp_path / "p1", key, tmp_path / "a.guidepack")
    assert _run(capsys, "pack", "publish", first, share, "--trusted", pub)[0] == 0
    other = _build_sign(capsys, tmp_path / "p2", key, tmp_path / "b.guidepack")
    code, _printed, err = _run(capsys, "pack", "publish", other, share, "--trusted", pub)
    assert code == 2 and err.startswith("refused (wrong-pack): ")
    assert ("If it is ri-cheng corrected (a sheet saved under another name), keep the pack id: "
            "import the file again into ri-cheng's pack folder (or a new one) with `guide import "
            "FILE --out PACK_DIR --pack-id ri-cheng --pack-version 2`") in err
    assert "or give --replace if" not in err
    # Done as it says, the kiosks' pack takes it.
    v2 = tmp_path / "日程-更正.xlsx"
    assert _import(capsys, v2, tmp_path / "p1", "--pack-id", "ri-cheng", "--pack-version", "2")[0] == 0
    fixed = _build_sign(capsys, tmp_path / "p1", key, tmp_path / "c.guidepack")
    assert _run(capsys, "pack", "publish", fixed, share, "--trusted", pub)[0] == 0


def test_a_kiosk_on_the_bundled_content_is_told_how_to_switch_to_the_programme(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Set up as the kiosk README said, a kiosk never showed the programme: `update check`
    refused it as another pack's without saying what to do, and `update apply` said only
    "nothing applied: not-modified" (exit 0; now it is refused again, exit 2, with the command)."""
    key, pub, share = _fleet(tmp_path)
    assert _import(capsys, _sheet(tmp_path, "日程.xlsx", SESSIONS), tmp_path / "pack")[0] == 0
    pack = _build_sign(capsys, tmp_path / "pack", key, tmp_path / "v1.guidepack")
    assert _run(capsys, "pack", "publish", pack, share, "--trusted", pub)[0] == 0
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "updates.toml").write_text(f'[updates]\nsource = "{share}"\ntrusted_keys = ["{pub}"]\n',
                                      encoding="utf-8")
    (etc / "kiosk.toml").write_text(f'[kiosk]\nupdates_config = "{etc / "updates.toml"}"\n',
                                    encoding="utf-8")
    kiosk = ("--kiosk-config", str(etc / "kiosk.toml"))
    code, printed, _err = _run(capsys, "update", "check", *kiosk)
    assert code == 2 and printed.startswith("refused (wrong-pack): the source offers pack 'ri-cheng'")
    published = share / "ri-cheng-1.guidepack"
    command = f"`guide update apply --file {shlex.quote(str(published))} --switch`"
    assert command in printed and "with the --kiosk-config the kiosk starts with" in printed
    code, _printed, err = _run(capsys, "update", "apply", *kiosk)
    assert code == 2 and command in err
    assert err.startswith("nothing applied: refused (wrong-pack): unchanged since the last check")
    # Doing what it says (with the kiosk's settings) puts the programme on the kiosk.
    named = shlex.split(re.findall(r"`guide ([^`]+)`", err)[0])
    code, printed, err = _run(capsys, *named, *kiosk)
    assert code == 0, err
    assert printed.startswith("applied ri-cheng version 1 signed by ")


@pytest.mark.parametrize("day", ["2024-03-01", "2023-05-28"])
def test_another_events_sheet_sharing_only_common_titles_does_not_take_over_the_pack(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], day: str) -> None:
    """A workshop's sheet of 开幕式, 茶歇 and 午餐 was "the same programme" as the forum's
    (3 of its 4 titles are in both): imported into the forum's pack folder by mistake, it
    replaced the forum's 10 sessions as its version 2."""
    main = [["S1", "开幕式", "2023-05-26", "9:00", "10:00", "主会场"],
            ["S2", "人工智能论坛", "2023-05-26", "10:00", "12:00", "A厅"],
            ["S3", "午餐", "2023-05-26", "12:00", "13:00", "餐厅"],
            ["S4", "数字经济论坛", "2023-05-26", "13:00", "15:00", "A厅"],
            ["S5", "茶歇", "2023-05-26", "15:00", "15:30", "大厅"],
            ["S6", "闭幕式", "2023-05-27", "16:00", "17:00", "主会场"]]
    other = [["W1", "开幕式", day, "9:00", "9:30", "报告厅"],
             ["W2", "茶歇", day, "10:30", "11:00", "报告厅"],
             ["W3", "午餐", day, "12:00", "13:00", "报告厅"],
             ["W4", "青年学者工作坊", day, "13:00", "16:00", "报告厅"]]
    pack = tmp_path / "pack"
    assert _import(capsys, _sheet(tmp_path, "main.csv", main), pack)[0] == 0
    code, _out, err = _import(capsys, _sheet(tmp_path, "workshop.csv", other), pack)
    assert code == 2 and "holds another programme" in err
    assert _meta(pack)["id"] == "main" and _meta(pack)["version"] == 1
