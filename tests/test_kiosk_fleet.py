"""A kiosk picks up a newer signed pack from an HTTP source at its next idle reset, not before;
a source that fails or offers a bad pack changes nothing."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from guide.content.build import build_content_db
from guide.kiosk.fleet import FleetUpdater
from guide.ui.history import Location
from guide.updates import api
from tests.conftest import MINI_PACK
from tests.test_kiosk_ui import make_kiosk
from tests.test_updates_http import Served, server  # noqa: F401  (the loopback server fixture)


def _pack(tmp: Path, version: int, key: Path) -> Path:
    src = Path(shutil.copytree(MINI_PACK, tmp / f"src{version}"))
    meta = src / "pack.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("version = 1", f"version = {version}")
                    .replace('title_en = "Test content"', f'title_en = "Test content {version}"'),
                    encoding="utf-8")
    with open(src / "items.toml", "a", encoding="utf-8") as fh:
        fh.write(f'\n[[forum]]\nid = "news-{version}"\ntitle = "更新论坛{version}"\n'
                 f'title_en = "Update forum {version}"\nkind = "sub_forum"\ndate = 2023-05-29\n'
                 'summary = "新增。"\nsummary_en = "Added."\ntext = ["正文。"]\n')
    out = tmp / f"mini-{version}.guidepack"
    api.build_pack_file(src, out)
    api.sign_pack_file(out, api.load_private_key(key))
    return out


def test_kiosk_applies_a_newer_pack_only_at_the_idle_reset(
    qtbot, tmp_path: Path, _user_data: Path, server: tuple[str, Served],  # type: ignore[no-untyped-def]  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, served = server
    private, public = api.generate_key_pair(tmp_path / "team", "Content team")
    (_user_data / "updates.toml").write_text(
        f'[updates]\nsource = "{url}"\ntrusted_keys = ["{public.as_posix()}"]\n', encoding="utf-8")
    api.publish_pack_file(_pack(tmp_path, 2, private), served.root)
    db = build_content_db(MINI_PACK, tmp_path / "running" / "content.db").path
    kiosk = make_kiosk(qtbot, db, tmp_path)
    updater = FleetUpdater(kiosk.guide, kiosk.k, api.load_update_config())
    try:
        kiosk.k._start_visit()  # a visitor is using the kiosk
        updater.poll_now()
        # `staged` is emitted on the worker thread; `pending` is set when the UI thread takes it.
        qtbot.waitUntil(lambda: updater.pending is not None, timeout=30_000)
        assert updater.pending.version == 2
        # Staged, but not shown mid-visit.
        assert not kiosk.window.go(Location.item("forum", "news-2"))
        assert kiosk.guide.ctx.content_path == db
        # Polls during the visit find the same pack waiting: it is not built again.
        staged = updater.pending
        builds: list[object] = []
        real_prepare = api.prepare_update
        monkeypatch.setattr(api, "prepare_update",
                            lambda *a, **k: builds.append(a) or real_prepare(*a, **k))
        for _ in range(2):
            polls = updater.poll_count
            updater.poll_now()
            qtbot.waitUntil(lambda n=polls: updater.poll_count > n, timeout=30_000)
        assert builds == [] and updater.pending is staged
        with qtbot.waitSignal(updater.applied, timeout=10_000) as applied:
            kiosk.k.reset_now()  # the idle reset, between visitors
        assert applied.args == [2]
        assert kiosk.guide.ctx.content_path != db
        assert kiosk.window.go(Location.item("forum", "news-2"))
        assert kiosk.window.detail.title.text() == "更新论坛2"
        # The idle screen names the event as the new content does (it had kept the old name).
        assert kiosk.k.attract.title_en == "Test content 2"

        # Nothing new: the next poll is answered 304 and downloads nothing.
        downloads = len(served.downloads())
        updater.last_status = ""
        updater.poll_now()
        qtbot.waitUntil(lambda: updater.last_status != "", timeout=30_000)
        assert updater.last_status in ("NOT_MODIFIED", "UP_TO_DATE")
        assert 304 in [status for _, status, _ in served.requests]
        assert len(served.downloads()) == downloads
        assert updater.pending is None
    finally:
        updater.shutdown()
        kiosk.k.shutdown()
        kiosk.guide.close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends: nothing listens


def test_a_failing_or_untrusted_source_leaves_the_kiosk_as_it_was(
    qtbot, tmp_path: Path, server: tuple[str, Served]  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    url, served = server
    _private, public = api.generate_key_pair(tmp_path / "team", "Content team")
    stranger, _ = api.generate_key_pair(tmp_path / "stranger", "Someone else")
    api.publish_pack_file(_pack(tmp_path, 2, stranger), served.root)  # signed, by a key not trusted
    db = build_content_db(MINI_PACK, tmp_path / "running" / "content.db").path
    kiosk = make_kiosk(qtbot, db, tmp_path)
    trusted = (api.load_public_key(public),)
    cases = ((f"http://127.0.0.1:{_closed_port()}/", "FAILED"), (url, "REFUSED"))
    try:
        for source, status in cases:
            updater = FleetUpdater(kiosk.guide, kiosk.k, api.UpdateConfig(source=source, trusted_keys=trusted,
                                                                           timeout_seconds=5))
            try:
                updater.poll_now()
                qtbot.waitUntil(lambda u=updater: u.last_status != "", timeout=30_000)
                assert updater.last_status == status and updater.pending is None
                kiosk.k.reset_now()  # an idle reset applies nothing
                assert kiosk.guide.ctx.content_path == db
                assert not kiosk.window.go(Location.item("forum", "news-2"))
            finally:
                updater.shutdown()
    finally:
        kiosk.k.shutdown()
        kiosk.guide.close()
