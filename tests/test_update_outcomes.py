"""What a poll and `guide update` say to scripts and IT: one JSON object with --json in every
outcome, and a remembered refusal judged again once what it depended on here has changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from guide.cli import main
from guide.updates import errors
from guide.updates.guidepack import Limits, publish_pack_file
from guide.updates.guidepack import format as pack_format
from guide.updates.guidepack import verify as pack_verify
from guide.updates.source import CheckStatus
from tests.support import Midway
from tests.test_staff_import_held import _staff_opened_programme
from tests.test_updates_http import Kiosk, kiosk  # noqa: F401  (the fixture)


def _json(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    out = capsys.readouterr().out
    said: dict[str, Any] = json.loads(out)  # one object, whatever happened
    assert {"status", "reason", "message"} <= set(said), said
    return said


def test_update_apply_and_check_print_one_json_object_in_every_outcome(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`update apply --json` printed nothing on stdout when nothing was applied (the text line
    instead, or nothing when held), and neither did `check --json` for no source or a bad
    config: a fleet script's json.loads failed on nearly every poll. Exit codes as before."""
    _running, _share = _staff_opened_programme(tmp_path, _user_data)
    capsys.readouterr()
    assert main(["update", "apply", "--json"]) == 2
    said = _json(capsys)
    assert (said["status"], said["reason"]) == ("held", "staff-import")
    assert said["message"].startswith("version 2 of ri-cheng signed by Content team")
    assert main(["update", "apply", "--json", "--replace-staff-import"]) == 0
    said = _json(capsys)
    assert (said["status"], said["reason"], said["version"]) == ("applied", None, 2)
    assert said["message"].startswith("applied ri-cheng version 2 signed by Content team")
    assert main(["update", "apply", "--json"]) == 0
    assert _json(capsys)["status"] in ("not-modified", "up-to-date")
    assert main(["update", "apply", "--json", "--source", str(tmp_path / "gone")]) == 1
    said = _json(capsys)
    assert (said["status"], said["reason"]) == ("failed", "no-source")

    config = _user_data / "updates.toml"
    config.write_text("[updates]\n", encoding="utf-8")
    for action in ("check", "apply"):
        assert main(["update", action, "--json"]) == 2
        said = _json(capsys)
        assert (said["status"], said["reason"]) == ("refused", "no-source")
        assert said["message"].startswith("no update source: give --source")
    config.write_text("[updates]\nsource = 5\n", encoding="utf-8")
    for action in ("check", "apply"):
        assert main(["update", action, "--json"]) == 2
        said = _json(capsys)
        assert (said["status"], said["reason"]) == ("refused", "bad-config")
        assert said["message"] == (f"{config}: updates.source: must be a folder path or an "
                                   "http(s) URL, got 5")


def test_switch_without_a_file_and_a_restore_print_one_json_object_too(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`apply --json --switch` without --file printed nothing on stdout, and a restore's object
    lacked the status/reason/message its own refusal has: a fleet script's said["status"] failed."""
    assert main(["update", "apply", "--json", "--switch"]) == 2
    said = _json(capsys)
    assert (said["status"], said["reason"]) == ("refused", "bad-usage")
    assert said["message"].startswith("--switch needs --file PACK")
    _running, _share = _staff_opened_programme(tmp_path, _user_data)
    assert main(["update", "apply", "--replace-staff-import"]) == 0
    capsys.readouterr()
    assert main(["update", "restore", "--json"]) == 0
    said = _json(capsys)
    assert (said["status"], said["reason"], said["version"]) == ("restored", None, 1)
    assert said["message"].startswith("restored ri-cheng version 1 (") and said["restored"]
    assert main(["update", "restore", "--json", "--shipped"]) == 0
    said = _json(capsys)
    assert (said["status"], said["reason"], said["origin"]) == ("restored", None, "shipped")


def test_a_too_large_refusal_is_judged_again_once_the_limit_is_raised(
        kiosk: Kiosk, tmp_path: Path) -> None:  # noqa: F811
    """IT raised max_download_mb after "refused (too-large)", and every poll still said
    "unchanged since the last check ... over the 1048576 byte limit", quoting the old limit."""
    share = tmp_path / "share"
    publish_pack_file(kiosk.pack(2), share)
    size = (share / "mini-2.guidepack").stat().st_size
    small = kiosk.check(str(share), limits=Limits(max_archive_bytes=size - 1))
    assert (small.status, small.reason) == (CheckStatus.REFUSED, errors.TOO_LARGE)
    again = kiosk.check(str(share), limits=Limits(max_archive_bytes=size - 1))
    assert again.message.startswith("unchanged since the last check, which refused it")
    raised = kiosk.check(str(share), limits=Limits(max_archive_bytes=size * 10))
    assert raised.status is CheckStatus.READY, raised.message
    assert raised.ready is not None and raised.ready.version == 2


def test_a_newer_manifest_format_is_judged_again_after_the_guide_is_upgraded(
        kiosk: Kiosk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """"manifest format 2 is newer than this program's 1; install a newer zgc-guide": the
    refusal was remembered in the user data folder, which outlives the upgrade."""
    share = tmp_path / "share"
    for module in (pack_format, pack_verify):  # the content team's newer guide
        monkeypatch.setattr(module, "FORMAT_VERSION", 2)
    publish_pack_file(kiosk.pack(2), share)
    for module in (pack_format, pack_verify):  # this kiosk's guide
        monkeypatch.setattr(module, "FORMAT_VERSION", 1)
    old = kiosk.check(str(share))
    assert (old.status, old.reason) == (CheckStatus.REFUSED, errors.BAD_MANIFEST)
    assert "install a newer zgc-guide" in old.message
    for module in (pack_format, pack_verify):  # IT installed the newer guide
        monkeypatch.setattr(module, "FORMAT_VERSION", 2)
    upgraded = kiosk.check(str(share))
    assert upgraded.status is CheckStatus.READY, upgraded.message


def test_a_waiting_pack_that_is_gone_is_downloaded_again(kiosk: Kiosk, tmp_path: Path) -> None:  # noqa: F811
    """The downloaded pack deleted before it was applied: every poll said "not-modified" (exit 0)
    while the kiosk stayed on version 1, until the source published something new."""
    share = tmp_path / "share"
    publish_pack_file(kiosk.pack(2), share)
    first = kiosk.check(str(share))
    assert first.status is CheckStatus.READY and first.ready is not None
    first.ready.pack_file.unlink()
    again = kiosk.check(str(share))
    assert again.status is CheckStatus.READY, again.message
    assert again.ready is not None and again.ready.pack_file.is_file() and again.downloaded_bytes > 0


def test_a_held_pack_is_taken_by_hand_when_the_source_is_gone(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The USB stick taken out after the poll held version 2: `update status` showed it held,
    and the command it recommends failed "(no-source): update folder … does not exist"."""
    import shutil

    _running, share = _staff_opened_programme(tmp_path, _user_data)
    assert main(["update", "check"]) == 2
    shutil.rmtree(share)
    capsys.readouterr()
    assert main(["update", "apply", "--replace-staff-import"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("applied ri-cheng version 2 signed by Content team"), err
    assert "taking the pack downloaded and held here before" in err


def test_after_going_back_to_the_shipped_content_apply_refuses_as_check_does(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With the programme's version 2 downloaded, staff went back to the shipped content:
    `check` said refused (wrong-pack) with the --switch way out, `apply` then tried the
    downloaded pack and said another wrong-pack refusal, without it."""
    from tests.test_staff_content_switch import fleet_pack, write_sheet

    team = tmp_path / "team"
    v1 = fleet_pack(team, write_sheet(tmp_path / "日程.csv"), 1)
    share = tmp_path / "share"
    (_user_data / "updates.toml").write_text(
        f'[updates]\nsource = "{share.as_posix()}"\n'
        f'trusted_keys = ["{(team / "team.pub").as_posix()}"]\n', encoding="utf-8")
    assert main(["update", "apply", "--file", str(v1), "--switch"]) == 0
    assert main(["pack", "publish", str(fleet_pack(team, write_sheet(tmp_path / "日程.csv"), 2)),
                 str(share)]) == 0
    assert main(["update", "check"]) == 0  # version 2 downloaded, waiting
    assert main(["update", "restore", "--shipped"]) == 0
    capsys.readouterr()
    for action in ("check", "check", "apply"):
        assert main(["update", action]) == 2
        said = capsys.readouterr()
        text = said.out + said.err
        assert "wrong-pack" in text and "--switch`" in text, (action, text)


def _status(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["update", "status", "--json"]) == 0  # status reports, it does not judge
    return _json(capsys)


def test_update_status_says_held_refused_or_up_to_date_as_check_does(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`update status --json` had no status, reason or message: an IT script polling it could
    not tell a held, a refused and an up-to-date kiosk apart without parsing its text."""
    from tests.test_staff_content_switch import fleet_pack, write_sheet

    _running, _share = _staff_opened_programme(tmp_path, _user_data)
    capsys.readouterr()
    said = _status(capsys)  # no poll yet: nothing is known, and it does not say "up-to-date"
    assert (said["status"], said["reason"]) == (None, None)
    assert "`guide update check` polls it" in said["message"]
    assert main(["update", "check"]) == 2
    capsys.readouterr()
    said = _status(capsys)
    assert (said["status"], said["reason"]) == ("held", "staff-import")
    assert said["message"].startswith("version 2 of ri-cheng signed by Content team")
    assert said["ready"]["version"] == 2 and said["held"]["version"] == 2
    assert main(["update", "status"]) == 0
    assert capsys.readouterr().out.startswith("status: held (staff-import): version 2 of ri-cheng")

    assert main(["update", "apply", "--replace-staff-import"]) == 0
    capsys.readouterr()
    said = _status(capsys)
    assert (said["status"], said["reason"], said["ready"], said["held"]) == (
        "up-to-date", None, None, None)
    assert said["message"].startswith("the last check found nothing newer than version 2")

    # The source now offers another programme: a poll refuses it, and so says status.
    other = tmp_path / "other-share"
    assert main(["pack", "publish", str(fleet_pack(tmp_path / "team", write_sheet(
        tmp_path / "team" / "other.csv"), 3)), str(other)]) == 0
    config = _user_data / "updates.toml"
    config.write_text(config.read_text("utf-8").replace(_share.as_posix(), other.as_posix()),
                      encoding="utf-8")
    assert main(["update", "check"]) == 2
    capsys.readouterr()
    said = _status(capsys)
    assert (said["status"], said["reason"]) == ("refused", "wrong-pack")
    assert said["message"].startswith("the last check refused what the source offers: ")

    config.write_text("[updates]\n", encoding="utf-8")  # as check says: refused, no source
    said = _status(capsys)
    assert (said["status"], said["reason"]) == ("refused", "no-source")
    assert said["message"].startswith("no update source: ")


def test_two_publishes_into_one_folder_at_once_leave_the_newer_published(
        tmp_path: Path, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Two staff publish versions 3 and 2 into the update folder at the same moment: the
    folder ends up offering 3. Both used to check against the folder as it was, and the
    index could name 2 after "published version 3" was said (4 in 10 real runs): kiosks
    that polled in between kept 3, the rest got 2."""
    from guide.updates.guidepack import publish as publishing

    share = tmp_path / "share"
    older, newer = kiosk.pack(2), kiosk.pack(3)
    # The other staff member publishes while this one copies its pack in.
    other = Midway(monkeypatch, publishing, "write_atomically", lambda: publish_pack_file(newer, share))
    first = publish_pack_file(older, share)
    assert (first.version, other.join().version) == (2, 3)
    assert json.loads((share / "index.json").read_text())["version"] == 3
    assert sorted(p.name for p in share.iterdir()) == ["index.json", "mini-2.guidepack", "mini-3.guidepack"]
