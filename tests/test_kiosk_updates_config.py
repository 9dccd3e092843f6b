"""The updates config a kiosk reads is the one every staff tool reads: the window's staff menu
as well as `guide update ...` (the kiosk settings' updates_config, read beside kiosk.toml), and a
typo in either file is refused rather than leaving a kiosk that never updates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from guide.app import build_window
from guide.cli import main
from guide.kiosk.config import KioskConfigError, load_config
from guide.ui.guide import Guide
from tests.support import answer_yes, copy_pack
from tests.test_staff_content_switch import (
    fleet_pack,
    guide,  # noqa: F401  (the window fixture)
    open_programme,
    write_sheet,
)
from tests.test_updates_support import make_key, signed_pack


def _etc(tmp_path: Path, updates: str) -> Path:
    """A root-owned-style folder: updates.toml with ``updates`` and kiosk.toml naming it."""
    etc = tmp_path / "etc"
    etc.mkdir(exist_ok=True)
    (etc / "updates.toml").write_text(updates, encoding="utf-8")
    kiosk = etc / "kiosk.toml"
    kiosk.write_text(f'[kiosk]\nupdates_config = "{(etc / "updates.toml").as_posix()}"\n',
                     encoding="utf-8")
    return kiosk


def test_the_staff_menu_takes_the_held_pack_with_the_keys_of_the_kiosks_updates_config(
    qtbot, guide: Guide, tmp_path: Path, _user_data: Path,  # type: ignore[no-untyped-def]  # noqa: F811
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """The held message sends staff to the staff menu's "Show the content team's version 2...";
    on a kiosk whose trusted keys are in the updates.toml its kiosk.toml names, the menu read
    the user data folder's updates.toml and refused the team's pack: "no trusted public keys"."""
    from guide.content.database import content_info

    answer_yes(monkeypatch)
    open_programme(qtbot, guide, write_sheet(tmp_path / "日程.csv", "开幕式（更正）"))
    (tmp_path / "team").mkdir()
    pack = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "team" / "日程.csv"), 2)
    share = tmp_path / "share"
    kiosk = _etc(tmp_path, f'[updates]\nsource = "{share.as_posix()}"\n'
                           f'trusted_keys = ["{(tmp_path / "team" / "team.pub").as_posix()}"]\n')
    shutil.copyfile(kiosk, _user_data / "kiosk.toml")  # what `guide` with no options reads
    assert main(["pack", "publish", str(pack), str(share)]) == 0
    assert main(["update", "check"]) == 2  # the kiosk's poll: held
    assert "held (staff-import)" in capsys.readouterr().out
    guide.window.staff_menu_opening.emit()
    action = guide.updates.held_action
    assert action.isVisible()
    with qtbot.waitSignal(guide.updates.finished, timeout=30_000) as done:
        action.trigger()
    assert done.args == [True], guide.updates.last_message
    info = content_info(guide.ctx.content)
    assert (info.pack_id, info.pack_version) == ("ri-cheng", 2)


def test_with_no_trusted_key_the_staff_menu_names_the_file_the_kiosk_reads(
    qtbot, tmp_path: Path, _user_data: Path, mini_db: Path,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The refusal told staff to add the key to updates.toml in the user data folder, a file
    the kiosk account can write and the kiosk never reads (its kiosk.toml names another)."""
    from PySide6.QtWidgets import QMessageBox

    private, _public, _key, _pub = make_key(tmp_path / "keys")
    pack = signed_pack(copy_pack(tmp_path / "v2", version=2), tmp_path / "mini-2.guidepack", private)
    kiosk = _etc(tmp_path, "[updates]\n")
    named = f"{kiosk.parent / 'updates.toml'} (updates_config in {kiosk})"
    content = tmp_path / "content.db"
    shutil.copyfile(mini_db, content)
    # The window started with the kiosk's settings (`guide --kiosk-config FILE`, kiosk off).
    shown = build_window(content, lang="en", user_db=tmp_path / "user.db", kiosk_config=kiosk)
    qtbot.addWidget(shown.window)
    try:
        with qtbot.waitSignal(shown.updates.finished, timeout=30_000) as done:
            shown.updates.start_import(pack)
        assert done.args == [False]
        box = shown.window.findChild(QMessageBox, "importRefused")
        said = box.text()
        assert said.startswith("This guide trusts no key yet, so it loads no content pack."), said
        assert f"the trusted_keys of {named}" in said and "user data folder" not in said
        assert "not signed by a key this guide trusts" not in said and "--trusted" not in said
    finally:
        shown.close()
    # The command line names it too.
    assert main(["update", "apply", "--file", str(pack), "--kiosk-config", str(kiosk),
                 "--content-db", str(content)]) == 2
    err = capsys.readouterr().err
    assert f"the trusted_keys of {named}, or give it with --trusted" in err, err


def test_an_updates_config_that_is_not_there_is_refused_at_start_and_by_update_status(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A typo in the root-owned kiosk.toml's updates_config: the kiosk started and never
    updated, and `update status` exited 0 ("not there: no source, no keys")."""
    kiosk = _etc(tmp_path, "[updates]\n")
    kiosk.write_text(f'[kiosk]\nenabled = true\nupdates_config = "{tmp_path / "etc" / "update.toml"}"\n',
                     encoding="utf-8")
    expected = f"{kiosk}: kiosk.updates_config: {tmp_path / 'etc' / 'update.toml'}: no such file"
    assert main(["update", "status", "--kiosk-config", str(kiosk)]) == 2
    assert expected in capsys.readouterr().err
    assert main(["--kiosk", "--kiosk-config", str(kiosk), "--user-db", str(tmp_path / "u.db")]) == 2
    assert expected in capsys.readouterr().err
    assert main(["kiosk", "status", "--kiosk-config", str(kiosk)]) == 2
    assert expected in capsys.readouterr().err


def test_a_relative_updates_config_is_read_beside_kiosk_toml(
        tmp_path: Path, _user_data: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """It was read in the current folder: a kiosk started by systemd runs in the kiosk account's
    home, and read an updates.toml that account may write (or none)."""
    kiosk = _etc(tmp_path, '[updates]\nsource = "/srv/zgc"\n')
    kiosk.write_text('[kiosk]\nupdates_config = "updates.toml"\n', encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    (home / "updates.toml").write_text('[updates]\nsource = "/home/kiosk/mine"\n', encoding="utf-8")
    monkeypatch.chdir(home)
    assert main(["update", "status", "--json", "--kiosk-config", str(kiosk)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["source"] == "/srv/zgc"
    assert status["config"] == f"{kiosk.parent / 'updates.toml'} (updates_config in {kiosk})"
    assert load_config(kiosk).updates_config == str(kiosk.parent / "updates.toml")


@pytest.mark.parametrize(("text", "said"), [
    ('[update]\nsource = "/srv/zgc"\n', "update: unknown table; updates.toml has only [updates]"),
    ('source = "/srv/zgc"\n', "source: a setting outside any table; settings go under [updates]"),
])
def test_an_updates_toml_with_another_table_is_refused_naming_it(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str], text: str,
        said: str) -> None:
    """[update] (or no header) gave "source: None" with exit 0, and a kiosk that never polled."""
    kiosk = _etc(tmp_path, text)
    assert main(["update", "status", "--kiosk-config", str(kiosk)]) == 2
    assert f"{kiosk.parent / 'updates.toml'}: {said}" in capsys.readouterr().err
    kiosk.write_text(kiosk.read_text(encoding="utf-8").replace("[kiosk]", "[kiosk]\nenabled = true"),
                     encoding="utf-8")
    assert main(["--kiosk", "--kiosk-config", str(kiosk), "--user-db", str(tmp_path / "u.db")]) == 2
    assert said in capsys.readouterr().err


def test_a_kiosk_toml_with_a_misspelt_table_is_refused_naming_it(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """[kisok] had silently dropped pin_hash and updates_config."""
    kiosk = tmp_path / "kiosk.toml"
    kiosk.write_text('[kisok]\nupdates_config = "/etc/zgc-guide/updates.toml"\n', encoding="utf-8")
    with pytest.raises(KioskConfigError, match=r"kisok: unknown table; kiosk.toml has \[kiosk\] "
                                               r"and \[position\]"):
        load_config(kiosk)
    assert main(["update", "status", "--kiosk-config", str(kiosk)]) == 2
    assert f"{kiosk}: kisok: unknown table" in capsys.readouterr().err


BROKEN_KIOSK_TOML = {  # the default kiosk.toml as it was found, and what every command says of it
    "misspelt table, kiosk on": ("[kisok]\nenabled = true\nupdates_config = \"{etc}\"\n",
                                 "kisok: unknown table"),
    "broken TOML, kiosk off": ("[kiosk]\nenabled = false\nupdates_config = \"{etc}\"\nidle_seconds = \n",
                               "Invalid value"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_KIOSK_TOML))
def test_a_default_kiosk_toml_that_cannot_be_used_is_refused_by_update_as_with_kiosk_config(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    """Without --kiosk-config, `update status` exited 0 with a warning and the user data folder's
    updates.toml: IT saw another source than the one the kiosk settings name, and `update apply`
    polled it. The same file given with --kiosk-config was refused, as the kiosk refuses it."""
    text, says = BROKEN_KIOSK_TOML[case]
    etc = _etc(tmp_path, '[updates]\nsource = "/srv/zgc"\n').parent / "updates.toml"
    kiosk = _user_data / "kiosk.toml"
    kiosk.write_text(text.format(etc=etc.as_posix()), encoding="utf-8")
    (_user_data / "updates.toml").write_text(f'[updates]\nsource = "{(tmp_path / "other").as_posix()}"\n',
                                             encoding="utf-8")
    expected = f"error: kiosk settings: {kiosk}: "
    for action in ("status", "check", "apply"):
        for given in ([], ["--kiosk-config", str(kiosk)]):
            assert main(["update", action, *given]) == 2, (action, given)
            out, err = capsys.readouterr()
            assert err.startswith(expected) and says in err, (action, given, err)
            assert "other" not in out + err
        assert main(["update", action, "--json"]) == 2
        said = json.loads(capsys.readouterr().out)
        assert (said["status"], said["reason"]) == ("refused", "bad-config")
        assert said["message"].startswith(f"kiosk settings: {kiosk}: ") and says in said["message"]


def test_the_staff_menu_refuses_a_pack_naming_the_kiosk_toml_that_cannot_be_used(
    qtbot, tmp_path: Path, _user_data: Path, mini_db: Path,  # type: ignore[no-untyped-def]
) -> None:
    """A desktop (kiosk off) with a broken kiosk.toml: the window starts, as before, but its
    staff menu read the user data folder's updates.toml instead of the one the file names and
    said that no key is trusted, sending staff to the wrong file."""
    from PySide6.QtWidgets import QMessageBox

    private, _public, _key, _pub = make_key(tmp_path / "keys")
    pack = signed_pack(copy_pack(tmp_path / "v2", version=2), tmp_path / "mini-2.guidepack", private)
    text, says = BROKEN_KIOSK_TOML["broken TOML, kiosk off"]
    kiosk = _user_data / "kiosk.toml"
    kiosk.write_text(text.format(etc=_etc(tmp_path, "[updates]\n").parent / "updates.toml"),
                     encoding="utf-8")
    content = tmp_path / "content.db"
    shutil.copyfile(mini_db, content)
    shown = build_window(content, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(shown.window)
    try:
        with qtbot.waitSignal(shown.updates.finished, timeout=30_000) as done:
            shown.updates.start_import(pack)
        assert done.args == [False]
        said = shown.window.findChild(QMessageBox, "importRefused").text()
        assert said.startswith("The kiosk settings (kiosk.toml) have an error. Correct it:"), said
        assert f"kiosk settings: {kiosk}: " in said and says in said, said
    finally:
        shown.close()
