"""A programme staff opened by hand at a kiosk is not replaced by the fleet's signed pack at the
next poll: the pack waits ("held"), `update status` and the staff menu say so, and staff take it
by hand (`guide update apply --replace-staff-import`, or the staff menu)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from guide.cli import main
from guide.content.build import build_content_db
from guide.kiosk.fleet import FleetUpdater
from guide.ui.guide import Guide
from guide.updates import api
from tests.conftest import MINI_PACK
from tests.support import answer_yes
from tests.test_kiosk_ui import make_kiosk
from tests.test_staff_content_switch import (
    fleet_pack,
    guide,  # noqa: F401  (the window fixture)
    open_programme,
    write_sheet,
)


def _staff_opened_programme(tmp_path: Path, _user_data: Path) -> tuple[Path, Path]:
    """The kiosk showed the bundled content; staff left kiosk mode and opened the sheet 日程.csv
    ("Open programme...", the staff import); the content team then published its signed
    version 2 of the same programme. Returns (the content in use, the update folder)."""
    shipped = build_content_db(MINI_PACK, tmp_path / "shipped" / "content.db").path
    sheet = write_sheet(tmp_path / "日程.csv", "开幕式（更正）")
    prepared = api.prepare_programme(sheet, current_db=shipped, timezone="Asia/Shanghai")
    running = api.commit_update(prepared).db_path
    (tmp_path / "team").mkdir()
    pack = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "team" / "日程.csv"), 2)
    share = tmp_path / "share"
    api.publish_pack_file(pack, share)
    (_user_data / "updates.toml").write_text(
        f'[updates]\nsource = "{share.as_posix()}"\n'
        f'trusted_keys = ["{(tmp_path / "team" / "team.pub").as_posix()}"]\n', encoding="utf-8")
    return running, share


def test_a_kiosk_poll_does_not_replace_a_programme_staff_opened_by_hand(
    qtbot, tmp_path: Path, _user_data: Path, caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    """The fleet's signed pack had replaced the corrected sheet staff opened at the kiosk at
    its next idle reset, without a word (staff imports and signed packs count apart)."""
    running, _share = _staff_opened_programme(tmp_path, _user_data)
    kiosk = make_kiosk(qtbot, running, tmp_path)
    updater = FleetUpdater(kiosk.guide, kiosk.k, api.load_update_config())
    try:
        updater.poll_now()
        qtbot.waitUntil(lambda: updater.last_status != "", timeout=30_000)
        assert updater.last_status == "HELD" and updater.pending is None
        kiosk.k.reset_now()  # the idle reset: the staff's programme stays
        assert kiosk.guide.ctx.content_path == running
        held = [r.getMessage() for r in caplog.records if r.name == "guide.updates"
                and r.levelno == logging.WARNING and ": held (staff-import): version 2" in r.getMessage()]
        assert held, [r.getMessage() for r in caplog.records]  # IT reading the log learns why
    finally:
        updater.shutdown()
        kiosk.k.shutdown()
        kiosk.guide.close()
    current = api.slot_status().current
    assert current is not None and current.origin == "programme"


def test_update_check_apply_and_status_say_the_pack_is_held_and_staff_take_it_by_hand(
        tmp_path: Path, _user_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _staff_opened_programme(tmp_path, _user_data)
    capsys.readouterr()
    assert main(["update", "check"]) == 2  # the kiosk will not take it on its own
    out = capsys.readouterr().out
    assert out.startswith("held (staff-import): version 2 of ri-cheng signed by Content team")
    assert "the programme staff opened by hand here (from 日程.csv, this machine's version 1)" in out
    assert "`guide update apply --replace-staff-import`" in out
    assert main(["update", "apply"]) == 2
    assert capsys.readouterr().err.startswith("nothing applied: held (staff-import): version 2")
    assert api.slot_status().current.origin == "programme"  # type: ignore[union-attr]

    assert main(["update", "status", "--json"]) == 0
    held = json.loads(capsys.readouterr().out)["held"]
    assert (held["pack_id"], held["version"]) == ("ri-cheng", 2)
    assert main(["update", "status"]) == 0
    assert "\nheld: version 2 of ri-cheng signed by Content team" in capsys.readouterr().out

    assert main(["update", "apply", "--replace-staff-import"]) == 0
    assert capsys.readouterr().out.startswith("applied ri-cheng version 2 signed by Content team")
    assert api.slot_status().current.origin == "pack"  # type: ignore[union-attr]
    assert main(["update", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["held"] is None
    assert main(["update", "check"]) == 0  # the fleet's content: its later versions apply on their own


def test_the_staff_menu_offers_the_held_pack_and_shows_it_on_confirm(
    qtbot, guide: Guide, tmp_path: Path, _user_data: Path,  # type: ignore[no-untyped-def]  # noqa: F811
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Back in staff mode at the kiosk, the staff menu says that the content team's version
    waits, and choosing it loads it the way "Open content pack..." does."""
    from guide.content.database import content_info

    asked = answer_yes(monkeypatch)
    sheet = write_sheet(tmp_path / "日程.csv", "开幕式（更正）")
    open_programme(qtbot, guide, sheet)
    (tmp_path / "team").mkdir()
    pack = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "team" / "日程.csv"), 2)
    pub = str(tmp_path / "team" / "team.pub")
    (_user_data / "updates.toml").write_text(f'[updates]\ntrusted_keys = ["{pub}"]\n', encoding="utf-8")
    guide.window.staff_menu_opening.emit()
    assert not guide.updates.held_action.isVisible()  # nothing waits yet
    assert main(["pack", "publish", str(pack), str(tmp_path / "share")]) == 0
    assert main(["update", "check", "--source", str(tmp_path / "share")]) == 2  # the kiosk's poll: held
    capsys.readouterr()
    guide.window.staff_menu_opening.emit()
    action = guide.updates.held_action
    assert action.isVisible() and action.text() == "Show the content team's version 2..."
    assert action in guide.window.staff_menu.actions()
    with qtbot.waitSignal(guide.updates.finished, timeout=30_000) as done:
        action.trigger()
    assert done.args == [True], guide.updates.last_message
    assert asked[-1].startswith("Content pack ")
    info = content_info(guide.ctx.content)
    assert (info.pack_id, info.pack_version) == ("ri-cheng", 2)
    assert info.signer is not None and info.signer.startswith("Content team")
    guide.window.staff_menu_opening.emit()
    assert not guide.updates.held_action.isVisible()


def _fleet_installed(tmp_path: Path) -> tuple[Path, Path, list[Any]]:
    """The fleet's signed pack version 2 in use, its version 3 built: (in use, pack 3, keys)."""
    from guide.updates.keys import load_public_key

    shipped = build_content_db(MINI_PACK, tmp_path / "shipped" / "content.db").path
    (tmp_path / "team").mkdir()
    second = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "team" / "日程.csv"), 2)
    third = fleet_pack(tmp_path / "team", write_sheet(tmp_path / "team" / "日程.csv", "开幕"), 3)
    trusted = [load_public_key(tmp_path / "team" / "team.pub")]
    fleet = api.apply_pack_file(second, trusted=trusted, current_db=shipped, switch=True).db_path
    return fleet, third, trusted


@pytest.mark.parametrize(("sheet_name", "polled"), [("议程.csv", False), ("日程.csv", True)])
def test_a_pack_prepared_before_staff_opened_a_programme_does_not_replace_it(
        tmp_path: Path, _user_data: Path, sheet_name: str, polled: bool) -> None:
    """`guide update apply` of the fleet's pack was preparing (unpack, build: seconds) while
    staff opened a sheet in the window: its commit replaced the programme a moment after
    staff saw it open (3 of 3 real runs), where run after it, apply refuses another pack's
    content (wrong-pack) and a poll's pack waits (held). The commit now sees the content in
    use changed, and changes nothing."""
    import shutil

    from guide.updates.errors import STALE, UpdateRefused

    fleet, third, trusted = _fleet_installed(tmp_path)
    if polled:  # downloaded by `update apply --source` (or a kiosk's poll)
        from guide.updates.source import INCOMING
        from guide.updates.state import default_slot

        cache = default_slot().root / INCOMING
        cache.mkdir(parents=True, exist_ok=True)
        third = Path(shutil.copy(third, cache / third.name))
    prepared = api.prepare_update(third, trusted=trusted, current_db=fleet)  # the staff command
    sheet = write_sheet(tmp_path / sheet_name, "开幕式（更正）")  # meanwhile, in the window
    opened = api.commit_update(api.prepare_programme(sheet, current_db=fleet,
                                                     timezone="Asia/Shanghai"))
    with pytest.raises(UpdateRefused) as refused:
        api.commit_update(prepared)
    assert refused.value.reason == STALE
    assert f"(staff opened {opened.current.pack_id} here); nothing was changed" in refused.value.message
    assert api.slot_status().current == opened.current
    assert not prepared.staged_db.exists()


def test_a_pack_file_staff_apply_by_hand_still_replaces_their_programme_of_the_same_pack(
        tmp_path: Path, _user_data: Path) -> None:
    """Given by hand (``--file``), a signed pack of the programme's own pack id replaces it
    as it does when applied after it: the check above is only for what changed the answer."""
    fleet, third, trusted = _fleet_installed(tmp_path)
    prepared = api.prepare_update(third, trusted=trusted, current_db=fleet)
    api.commit_update(api.prepare_programme(write_sheet(tmp_path / "日程.csv", "开幕式（更正）"),
                                            current_db=fleet, timezone="Asia/Shanghai"))
    assert api.commit_update(prepared).current.version == 3
