"""Update sources: packs served by http.server on 127.0.0.1 (loopback only) and from folders.

The server counts requests, so "a 304 costs no download" is checked by what was sent.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from guide.content.build import build_content_db
from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack import INDEX, Limits, PackIndex, publish_pack_file
from guide.updates.install import commit_update, prepare_update, slot_status
from guide.updates.keys import PublicKey
from guide.updates.source import CheckResult, CheckStatus, check_for_update, clear_pending
from guide.updates.state import default_slot
from tests.support import append_items, copy_pack, replace_text
from tests.test_updates_support import NEW_FORUM, entry, forge, make_key, sha, signed_pack, snapshot


@dataclass
class Served:
    """What the test server did: one (path, status, request headers) per request."""

    root: Path
    etag: bool = True
    truncate: set[str] = field(default_factory=set)
    redirects: dict[str, str] = field(default_factory=dict)
    requests: list[tuple[str, int, dict[str, str]]] = field(default_factory=list)

    def paths(self, status: int | None = None) -> list[str]:
        return [p for p, s, _ in self.requests if status is None or s == status]

    def downloads(self) -> list[str]:
        """Pack files sent with a body."""
        return [p for p, s, _ in self.requests if s == 200 and p.endswith(".guidepack")]


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static file server, with ETags (like nginx) unless told to rely on Last-Modified only."""

    served: Served

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(self.served.root), **kwargs)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.served.requests.append((urlsplit(self.path).path, int(code), dict(self.headers.items())))

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        name = urlsplit(self.path).path.lstrip("/")
        path = self.served.root / name
        if name in self.served.redirects:
            self.send_response(302)
            self.send_header("Location", self.served.redirects[name])
            self.end_headers()
            return
        if not path.is_file() or not (self.served.etag or name in self.served.truncate):
            super().do_GET()  # 404s, and If-Modified-Since / Last-Modified as the stdlib does them
            return
        data = path.read_bytes()
        tag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        if self.served.etag and self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self.send_header("ETag", tag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", tag)
        self.end_headers()
        # A truncating server announces the full length, then drops the connection halfway.
        self.wfile.write(data[: len(data) // 2] if name in self.served.truncate else data)


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Served]]:
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    served = Served(tmp_path / "www")
    served.root.mkdir()
    handler = type("TestHandler", (Handler,), {"served": served})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", served
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


class Kiosk:
    """A kiosk running mini pack version 1 that trusts the content team's key."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.key, self.public, _, _ = make_key(root / "keys")
        self.current_db = build_content_db(copy_pack(root / "v1", 1), root / "running" / "content.db").path
        self.slot = default_slot()

    def pack(self, version: int, key: Any = None, name: str | None = None) -> Path:
        src = copy_pack(self.root / (name or f"src{version}"), version)
        append_items(src, NEW_FORUM)
        return signed_pack(src, self.root / f"{name or 'mini'}-{version}.guidepack", key or self.key)

    def check(self, source: str, trusted: list[PublicKey] | None = None, **kwargs: Any) -> CheckResult:
        return check_for_update(source, trusted=[self.public] if trusted is None else trusted,
                                current_db=self.current_db, timeout=5, **kwargs)

    def untouched(self) -> dict[str, str]:
        return snapshot(self.current_db.parent)


@pytest.fixture
def kiosk(tmp_path: Path) -> Kiosk:
    return Kiosk(tmp_path)


# --- http ----------------------------------------------------------------------------------


def test_newer_pack_is_found_applied_and_a_304_costs_no_download(
    kiosk: Kiosk, server: tuple[str, Served]
) -> None:
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    size = (served.root / "mini-2.guidepack").stat().st_size
    before = kiosk.untouched()

    first = kiosk.check(url)
    assert first.status is CheckStatus.READY and first.ready is not None
    assert (first.ready.version, first.ready.signer, first.downloaded_bytes) == (2, kiosk.public.label, size)
    assert served.paths() == ["/index.json", "/mini-2.guidepack"]
    assert sha(first.ready.pack_file) == sha(served.root / "mini-2.guidepack")
    # Found is not applied: the kiosk applies at its next idle reset, by a separate call.
    assert slot_status().current is None and kiosk.untouched() == before

    served.requests.clear()
    again = kiosk.check(url)  # the next poll, before the idle reset
    assert again.status is CheckStatus.READY and again.downloaded_bytes == 0
    assert served.requests[0][2]["If-None-Match"]
    assert [(p, s) for p, s, _ in served.requests] == [("/index.json", 304)]

    prepared = prepare_update(again.ready.pack_file, trusted=[kiosk.public],  # type: ignore[union-attr]
                              current_db=kiosk.current_db)
    applied = commit_update(prepared)  # the idle reset
    clear_pending()
    assert applied.current.version == 2 and [r.id for r in applied.summary.of("forum").added] == ["closing"]

    served.requests.clear()
    kiosk.current_db = applied.db_path  # the kiosk reopened its content after the reset
    after = kiosk.check(url)
    assert after.status is CheckStatus.NOT_MODIFIED and after.downloaded_bytes == 0
    assert [(p, s) for p, s, _ in served.requests] == [("/index.json", 304)]
    assert not list((kiosk.slot.root / "incoming").glob("*.guidepack"))


def test_if_modified_since_alone_also_avoids_the_download(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    served.etag = False  # the stdlib's own handler: Last-Modified and If-Modified-Since only
    publish_pack_file(kiosk.pack(2), served.root)
    assert kiosk.check(url).status is CheckStatus.READY
    served.requests.clear()
    again = kiosk.check(url)
    assert again.status is CheckStatus.READY and again.downloaded_bytes == 0
    assert [(p, s) for p, s, _ in served.requests] == [("/index.json", 304)]
    assert "If-Modified-Since" in served.requests[0][2]


def test_a_newer_publication_is_downloaded(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    assert kiosk.check(url).ready.version == 2  # type: ignore[union-attr]
    publish_pack_file(kiosk.pack(3), served.root)
    served.requests.clear()
    result = kiosk.check(url)
    assert result.status is CheckStatus.READY and result.ready.version == 3  # type: ignore[union-attr]
    assert served.downloads() == ["/mini-3.guidepack"]
    assert [p.name for p in (kiosk.slot.root / "incoming").glob("*.guidepack")] == ["mini-3.guidepack"]


def test_truncated_download_is_refused_then_retried(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    served.truncate.add("mini-2.guidepack")
    before = kiosk.untouched()
    result = kiosk.check(url)
    assert (result.status, result.reason) == (CheckStatus.FAILED, errors.TRUNCATED)
    assert "truncated" in result.message and result.ready is None
    assert kiosk.untouched() == before and slot_status().current is None
    assert not [p for p in (kiosk.slot.root / "incoming").iterdir()]
    # A transient failure is not remembered: the next poll downloads again and succeeds.
    served.truncate.clear()
    served.requests.clear()
    retry = kiosk.check(url)
    assert retry.status is CheckStatus.READY
    assert [(p, s) for p, s, _ in served.requests] == [("/index.json", 200), ("/mini-2.guidepack", 200)]


def test_a_pack_shorter_than_its_index_says_is_truncated(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    pack = served.root / "mini-2.guidepack"
    pack.write_bytes(pack.read_bytes()[:-500])  # still being copied onto the server, say
    result = kiosk.check(url)
    assert (result.status, result.reason) == (CheckStatus.FAILED, errors.TRUNCATED)


def test_tampered_pack_is_refused_and_not_downloaded_again(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    pack = served.root / "mini-2.guidepack"
    data = bytearray(pack.read_bytes())
    data[200] ^= 0x01
    pack.write_bytes(bytes(data))
    # Whoever changed the pack also fixed the index's size and hash: only the signature can tell.
    index = json.loads((served.root / INDEX).read_text())
    index["sha256"] = hashlib.sha256(bytes(data)).hexdigest()
    (served.root / INDEX).write_text(json.dumps(index))
    before = kiosk.untouched()
    result = kiosk.check(url)
    assert result.status is CheckStatus.REFUSED and result.reason in (errors.CORRUPT, errors.HASH_MISMATCH)
    assert kiosk.untouched() == before and slot_status().current is None
    served.requests.clear()
    again = kiosk.check(url)
    # Not downloaded again, and still refused: a script reading the status must not take it for
    # "nothing new".
    assert (again.status, again.reason) == (CheckStatus.REFUSED, result.reason)
    assert again.message.startswith("unchanged since the last check, which refused it: ")
    assert served.downloads() == []


def test_a_pack_refused_at_apply_is_dropped_and_its_fix_is_downloaded(
    kiosk: Kiosk, server: tuple[str, Served]
) -> None:
    """A signed pack with broken content passes the poll but not the apply: the kiosk must
    not keep offering it, nor wait for it for ever once the team publishes a fixed one."""
    url, served = server
    src = copy_pack(kiosk.root / "broken", 2)
    replace_text(src, 'org = "zgc-park", role = "协办"', 'org = "nobody", role = "协办"')
    files = {p.relative_to(src).as_posix(): p.read_bytes() for p in sorted(src.rglob("*")) if p.is_file()}
    broken = forge(kiosk.root / "broken.guidepack", files, kiosk.key,
                   [entry(name, data) for name, data in files.items()])
    publish_pack_file(broken, served.root)
    first = kiosk.check(url)
    assert first.status is CheckStatus.READY and first.ready is not None
    with pytest.raises(UpdateRefused) as refused:
        prepare_update(first.ready.pack_file, trusted=[kiosk.public], current_db=kiosk.current_db)
    assert refused.value.reason == errors.INVALID_CONTENT
    assert not list((kiosk.slot.root / "incoming").glob("*.guidepack"))

    served.requests.clear()
    again = kiosk.check(url)  # the same publication: not waiting, not downloaded again
    assert (again.status, again.reason) == (CheckStatus.REFUSED, errors.INVALID_CONTENT)
    assert served.downloads() == []

    # The fixed pack, same version: no kiosk took the broken one, so staff replace it on purpose.
    publish_pack_file(kiosk.pack(2), served.root, replace=True)
    fixed = kiosk.check(url)
    assert fixed.status is CheckStatus.READY and fixed.downloaded_bytes > 0
    assert fixed.ready is not None and fixed.ready.sha256 == sha(served.root / "mini-2.guidepack")
    prepared = prepare_update(fixed.ready.pack_file, trusted=[kiosk.public], current_db=kiosk.current_db)
    assert commit_update(prepared).current.version == 2


def test_a_version_republished_as_another_file_is_downloaded_again(
    kiosk: Kiosk, server: tuple[str, Served]
) -> None:
    """The team replaces version 2 on the server before the kiosk applied the first upload."""
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    assert kiosk.check(url).status is CheckStatus.READY
    src = copy_pack(kiosk.root / "redone", 2)
    append_items(src, NEW_FORUM.replace("The close.", "The close, corrected."))
    # On purpose (pack publish --replace): a kiosk that had applied the first would keep it.
    publish_pack_file(signed_pack(src, kiosk.root / "redone.guidepack", kiosk.key), served.root,
                      replace=True)
    served.requests.clear()
    result = kiosk.check(url)
    assert result.status is CheckStatus.READY and served.downloads() == ["/mini-2.guidepack"]
    assert result.ready is not None and result.ready.sha256 == sha(served.root / "mini-2.guidepack")


def test_unknown_key_and_unsigned_are_refused(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    stranger, *_ = make_key(kiosk.root / "stranger", "Stranger")
    publish_pack_file(kiosk.pack(2, key=stranger, name="by-stranger"), served.root)
    result = kiosk.check(url)
    assert (result.status, result.reason) == (CheckStatus.REFUSED, errors.UNKNOWN_KEY)
    # An unsigned pack cannot be published with our tool; put one up by hand.
    src = copy_pack(kiosk.root / "unsigned", 3)
    unsigned = signed_pack(src, served.root / "mini-3.guidepack", None)
    (served.root / INDEX).write_bytes(PackIndex("mini", 3, unsigned.name, unsigned.stat().st_size,
                                                sha(unsigned)).to_bytes())
    result = kiosk.check(url)
    assert (result.status, result.reason) == (CheckStatus.REFUSED, errors.UNSIGNED)
    assert slot_status().current is None


@pytest.mark.parametrize("version", [1, 2])
def test_not_newer_is_not_even_downloaded(kiosk: Kiosk, server: tuple[str, Served], version: int) -> None:
    url, served = server
    if version == 2:  # the kiosk already has 2; the source still offers 2
        prepared = prepare_update(kiosk.pack(2), trusted=[kiosk.public], current_db=kiosk.current_db)
        kiosk.current_db = commit_update(prepared).db_path
    publish_pack_file(kiosk.pack(version, name="offered"), served.root)
    result = kiosk.check(url)
    assert result.status is CheckStatus.UP_TO_DATE and result.downloaded_bytes == 0
    assert served.downloads() == []


def test_an_index_lying_about_the_version_is_refused(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    """The index is only a hint; the version that counts is the signed one."""
    url, served = server
    old = kiosk.pack(1, name="old")
    shutil.copy(old, served.root / old.name)
    (served.root / INDEX).write_bytes(PackIndex("mini", 9, old.name, old.stat().st_size, sha(old)).to_bytes())
    result = kiosk.check(url)
    assert (result.status, result.reason) == (CheckStatus.REFUSED, errors.BAD_MANIFEST)


def test_size_cap_refuses_before_downloading(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    result = kiosk.check(url, limits=Limits(max_archive_bytes=1000))
    assert (result.status, result.reason) == (CheckStatus.REFUSED, errors.TOO_LARGE)
    assert served.downloads() == []


def test_http_errors_are_failures_to_retry(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, _ = server
    missing = kiosk.check(url)  # no index.json published yet
    assert (missing.status, missing.reason) == (CheckStatus.FAILED, errors.DOWNLOAD_FAILED)
    assert "404" in missing.message
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    down = kiosk.check(f"http://127.0.0.1:{port}/zgc/")
    assert (down.status, down.reason) == (CheckStatus.FAILED, errors.DOWNLOAD_FAILED)


def test_every_decision_is_logged(
    kiosk: Kiosk, server: tuple[str, Served], caplog: pytest.LogCaptureFixture
) -> None:
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    with caplog.at_level("INFO", logger="guide.updates"):
        kiosk.check(url)
        kiosk.check(url)
    messages = [r.getMessage() for r in caplog.records if r.name == "guide.updates"]
    assert any("ready: version 2 signed by" in m for m in messages)
    assert any("unchanged since the last check" in m for m in messages)


# --- folders -------------------------------------------------------------------------------


def test_folder_source(kiosk: Kiosk) -> None:
    share = kiosk.root / "share"
    publish_pack_file(kiosk.pack(2), share)
    first = kiosk.check(str(share))
    assert first.status is CheckStatus.READY and first.ready.version == 2  # type: ignore[union-attr]
    again = kiosk.check(str(share))
    assert again.status is CheckStatus.READY and again.downloaded_bytes == 0  # waiting, not copied again
    publish_pack_file(kiosk.pack(3), share)
    newer = kiosk.check(str(share))
    assert newer.ready.version == 3 and newer.downloaded_bytes > 0  # type: ignore[union-attr]


def test_folder_without_index_offers_its_newest_pack(kiosk: Kiosk) -> None:
    stick = kiosk.root / "stick"
    stick.mkdir()
    for version in (2, 4, 3):
        shutil.copy(kiosk.pack(version), stick / f"copied-{version}.guidepack")
    (stick / "notes.guidepack").write_text("not a pack")
    result = kiosk.check(str(stick))
    assert result.status is CheckStatus.READY and result.ready.version == 4  # type: ignore[union-attr]
    single = kiosk.check(str(stick / "copied-2.guidepack"))  # or name one file
    assert single.status is CheckStatus.READY and single.ready.version == 4  # type: ignore[union-attr]


def test_missing_folder_is_a_failure(kiosk: Kiosk) -> None:
    result = kiosk.check(str(kiosk.root / "no-stick"))
    assert (result.status, result.reason) == (CheckStatus.FAILED, errors.NO_SOURCE)


def test_folder_pack_copied_halfway_is_retried(kiosk: Kiosk) -> None:
    share = kiosk.root / "share"
    publish_pack_file(kiosk.pack(2), share)
    pack = share / "mini-2.guidepack"
    full = pack.read_bytes()
    pack.write_bytes(full[:1000])
    assert kiosk.check(str(share)).reason == errors.TRUNCATED
    pack.write_bytes(full)
    assert kiosk.check(str(share)).status is CheckStatus.READY


def test_a_redirect_away_from_http_is_refused(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    served.redirects["index.json"] = "ftp://127.0.0.1/index.json"
    result = kiosk.check(url)
    assert (result.status, result.reason) == (CheckStatus.FAILED, errors.DOWNLOAD_FAILED)
    assert "refusing a redirect to ftp://" in result.message


def test_new_trusted_keys_rejudge_a_remembered_refusal(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    stranger, *_ = make_key(kiosk.root / "stranger", "New team key")
    publish_pack_file(kiosk.pack(2, key=stranger, name="by-new-key"), served.root)
    assert kiosk.check(url).reason == errors.UNKNOWN_KEY
    again = kiosk.check(url)  # remembered: not downloaded again, refused again
    assert (again.status, again.reason, again.downloaded_bytes) == (
        CheckStatus.REFUSED, errors.UNKNOWN_KEY, 0)
    served.requests.clear()
    # The admin adds the new key to the kiosk's config: the same index is judged again.
    result = kiosk.check(url, trusted=[kiosk.public, stranger.public])
    assert result.status is CheckStatus.READY
    assert [(p, s) for p, s, _ in served.requests] == [("/index.json", 200), ("/mini-2.guidepack", 200)]


def _other_pack(kiosk: Kiosk, version: int) -> Path:
    src = copy_pack(kiosk.root / f"other-{version}", version)
    meta = src / "pack.toml"
    meta.write_text(meta.read_text("utf-8").replace('id = "mini"', 'id = "programme"'), encoding="utf-8")
    return signed_pack(src, kiosk.root / f"programme-{version}.guidepack", kiosk.key)


def test_a_machine_moved_to_other_content_judges_a_remembered_refusal_again(
        kiosk: Kiosk, server: tuple[str, Served]) -> None:
    """The team publishes a programme while the kiosk still shows the bundled content: refused
    as another pack's, and remembered. Staff then open the programme at the kiosk (README):
    the same publication had stayed "unchanged since the last check (last time refused)"."""
    url, served = server
    publish_pack_file(_other_pack(kiosk, 2), served.root)
    assert kiosk.check(url).reason == errors.WRONG_PACK
    assert kiosk.check(url).reason == errors.WRONG_PACK  # remembered while nothing changes
    build_content_db(_other_pack(kiosk, 1).parent / "other-1", kiosk.current_db)  # now it shows the programme
    result = kiosk.check(url)
    assert result.status is CheckStatus.READY and result.ready is not None
    assert (result.ready.pack_id, result.ready.version) == ("programme", 2)


def test_a_pack_refused_at_apply_for_what_the_machine_shows_is_judged_again(
        kiosk: Kiosk, server: tuple[str, Served]) -> None:
    """Refused at apply as another pack's (staff moved the kiosk between poll and apply):
    dropped, but not remembered as refused, so moving back brings it again."""
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    first = kiosk.check(url)
    assert first.status is CheckStatus.READY and first.ready is not None
    mini_db = kiosk.root / "mini.db"
    shutil.copy2(kiosk.current_db, mini_db)
    build_content_db(_other_pack(kiosk, 1).parent / "other-1", kiosk.current_db)
    with pytest.raises(UpdateRefused) as refused:
        prepare_update(first.ready.pack_file, trusted=[kiosk.public], current_db=kiosk.current_db)
    assert refused.value.reason == errors.WRONG_PACK
    assert not list((kiosk.slot.root / "incoming").glob("*.guidepack"))
    shutil.copy2(mini_db, kiosk.current_db)  # back on the mini content
    again = kiosk.check(url)
    assert again.status is CheckStatus.READY and again.downloaded_bytes > 0


def test_a_long_poll_never_delays_a_commit(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    """The kiosk commits at an idle reset on its UI thread while a poll may be downloading."""
    from guide.updates.state import POLL_LOCK, slot_lock

    prepared = prepare_update(kiosk.pack(2), trusted=[kiosk.public], current_db=kiosk.current_db)
    polling, release = threading.Event(), threading.Event()

    def poll() -> None:
        with slot_lock(kiosk.slot, POLL_LOCK):
            polling.set()
            release.wait(10)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        assert polling.wait(5)
        done: list[int] = []
        committer = threading.Thread(target=lambda: done.append(commit_update(prepared).current.version))
        committer.start()
        committer.join(5)
        assert done == [2]
    finally:
        release.set()
        poller.join(5)


def test_no_trusted_keys_asks_nothing(kiosk: Kiosk, server: tuple[str, Served]) -> None:
    url, served = server
    publish_pack_file(kiosk.pack(2), served.root)
    result = kiosk.check(url, trusted=[])
    assert (result.status, result.reason) == (CheckStatus.REFUSED, errors.NO_TRUSTED_KEYS)
    assert served.requests == []
