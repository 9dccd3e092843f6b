"""What IT reads from the staff commands is what the machine does: the updates config a kiosk
polls with, the content database the commands open, the modes of the user data folder."""

from __future__ import annotations

import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from guide.cli import main
from tests.conftest import ROOT
from tests.support import copy_pack
from tests.test_updates_support import make_key, signed_pack


def _kiosk_setup(tmp_path: Path) -> tuple[Path, Path]:
    """A kiosk set up as packaging/kiosk/README.md says: a root-owned kiosk.toml naming an
    updates.toml (source and trusted key) outside the user data folder; (kiosk.toml, share)."""
    etc = tmp_path / "etc"
    private, _public, _key, pub = make_key(etc / "keys")
    pack = signed_pack(copy_pack(tmp_path / "v2", version=2), tmp_path / "mini-2.guidepack", private)
    share = tmp_path / "share"
    assert main(["pack", "publish", str(pack), str(share), "--trusted", str(pub)]) == 0
    (etc / "updates.toml").write_text(f'[updates]\nsource = "{share}"\n'
                                      f'trusted_keys = ["keys/{pub.name}"]\n', encoding="utf-8")
    kiosk = etc / "kiosk.toml"
    kiosk.write_text(f'[kiosk]\nupdates_config = "{etc / "updates.toml"}"\n', encoding="utf-8")
    return kiosk, share


def test_update_status_and_check_read_the_updates_config_the_kiosk_settings_name(
        tmp_path: Path, _user_data: Path, mini_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """IT saw "source: None" and `update check` said no-source on a kiosk polling its source."""
    kiosk, share = _kiosk_setup(tmp_path)
    capsys.readouterr()
    assert main(["update", "status", "--json", "--kiosk-config", str(kiosk)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["source"] == str(share) and len(status["trusted_keys"]) == 1
    assert status["config"] == f"{kiosk.parent / 'updates.toml'} (updates_config in {kiosk})"

    content = tmp_path / "content.db"
    shutil.copyfile(mini_db, content)
    code = main(["update", "check", "--kiosk-config", str(kiosk), "--content-db", str(content)])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("ready: "), out

    # A kiosk started without --kiosk-config reads kiosk.toml in the user data folder: so do they.
    shutil.copyfile(kiosk, _user_data / "kiosk.toml")
    assert main(["update", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == str(share)
    # --config still names the file outright.
    empty = tmp_path / "none.toml"
    assert main(["update", "status", "--json", "--config", str(empty)]) == 0
    assert json.loads(capsys.readouterr().out)["source"] is None


def test_without_kiosk_settings_update_check_says_where_a_source_is_set(
        _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["update", "check"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        f"refused (no-source): no update source: give --source or set [updates] source in "
        f"{_user_data / 'updates.toml'} (the user data folder's); on a kiosk started with "
        "--kiosk-config FILE, give the same --kiosk-config here")


def test_content_db_help_names_the_installed_content_the_commands_open(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Every --content-db said "default: the one shipped with the app", but after an update or
    Open programme the commands open the installed content."""
    for command in (["list"], ["bookmarks", "list"], ["kiosk", "status"], ["export"], []):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert ("--content-db PATH content database (default: the content staff or an update "
                "installed on this machine, else the one shipped with the app; `guide check` "
                "names it)") in text, command


def test_readme_says_the_modes_the_user_data_folder_has(
        _user_data: Path, tmp_path: Path, mini_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """README said the folder's files are 0600; only the user database is (the folder is 0700)."""
    content = tmp_path / "content.db"
    shutil.copyfile(mini_db, content)
    private, _public, _key, pub = make_key(tmp_path / "keys")
    pack = signed_pack(copy_pack(tmp_path / "v2", version=2), tmp_path / "mini-2.guidepack", private)
    assert main(["update", "apply", "--file", str(pack), "--trusted", str(pub),
                 "--content-db", str(content)]) == 0
    assert main(["bookmarks", "add", "forum", "opening"]) == 0
    capsys.readouterr()
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in _user_data.rglob("*")}
    assert modes["user.db"] == 0o600
    assert modes["state.json"] & 0o044  # the umask's modes: readable only through the folder
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    kiosk_readme = " ".join((ROOT / "packaging" / "kiosk" / "README.md").read_text(
        encoding="utf-8").split())
    assert not re.search(r"0700/0600|files 0600", readme + kiosk_readme)
    assert "owner-only (0700" in readme and "the user database (bookmarks, settings" in readme
    assert "stays 0700" in kiosk_readme and "the user database is 0600" in kiosk_readme
