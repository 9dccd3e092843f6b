"""Slow, stalled, huge, flapping and FIFO update sources: every poll ends on time, nothing hangs.

Each test reproduces an attack from the reliability run against a loopback server or a
folder, with short deadlines, and checks the outcome a kiosk owner would notice.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content.build import build_content_db
from guide.updates import errors
from guide.updates.source import CheckResult, CheckStatus, check_for_update
from guide.updates.state import default_slot
from tests.conftest import MINI_PACK
from tests.hostile_server import hostile_server
from tests.test_updates_support import make_key


@pytest.fixture
def trusted(tmp_path: Path) -> tuple[object, ...]:
    return (make_key(tmp_path / "keys")[1],)


@pytest.fixture(scope="module")
def running_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_content_db(MINI_PACK, tmp_path_factory.mktemp("running") / "content.db").path


def bounded(call: Callable[[], CheckResult], limit: float) -> tuple[CheckResult, float]:
    """Run ``call`` on a thread; fail (instead of hanging the suite) if it outlives ``limit``."""
    box: list[CheckResult] = []
    started = time.monotonic()
    thread = threading.Thread(target=lambda: box.append(call()), daemon=True)
    thread.start()
    thread.join(limit)
    assert not thread.is_alive(), f"the poll was still running after {limit} s"
    return box[0], time.monotonic() - started


def no_leftovers() -> None:
    incoming = default_slot().root / "incoming"
    assert [p.name for p in incoming.iterdir()] == [] if incoming.is_dir() else True


@pytest.mark.parametrize("mode", ["drip", "drip-headers"])
def test_a_dripping_server_cannot_outlast_the_poll_deadline(
        mode: str, trusted: tuple[object, ...], running_db: Path) -> None:
    with hostile_server() as (url, hostile):
        hostile.mode = mode
        result, took = bounded(lambda: check_for_update(
            url, trusted=trusted, current_db=running_db, timeout=3,  # type: ignore[arg-type]
            deadline_seconds=1.5), limit=10)
    assert result.status is CheckStatus.FAILED and result.reason == errors.DOWNLOAD_FAILED
    assert "deadline passed" in result.message
    assert took < 3.0  # 1.5 s deadline; the per-read timeout (3 s) never fired
    assert hostile.bytes_sent > 3  # it really was dripping while we waited
    no_leftovers()


def test_a_stalled_server_ends_at_the_read_timeout(trusted: tuple[object, ...], running_db: Path) -> None:
    with hostile_server() as (url, hostile):
        hostile.mode = "stall"
        result, took = bounded(lambda: check_for_update(
            url, trusted=trusted, current_db=running_db, timeout=0.5,  # type: ignore[arg-type]
            deadline_seconds=30), limit=10)
    assert result.status is CheckStatus.FAILED and took < 3.0


def test_a_2_gib_index_over_http_is_refused_after_a_megabyte(
        trusted: tuple[object, ...], running_db: Path) -> None:
    with hostile_server() as (url, hostile):
        hostile.mode = "huge"
        result, _took = bounded(lambda: check_for_update(
            url, trusted=trusted, current_db=running_db, timeout=3,  # type: ignore[arg-type]
            deadline_seconds=20), limit=30)
    assert result.status is CheckStatus.REFUSED and result.reason == errors.TOO_LARGE
    assert hostile.bytes_sent < 64 * 1024 * 1024  # it stopped reading; 2 GiB were never taken


def test_a_2_gib_index_in_a_folder_is_refused_unread(tmp_path: Path, trusted: tuple[object, ...],
                                                     running_db: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    with (share / "index.json").open("wb") as fh:
        fh.truncate(2 * 1024 ** 3)  # sparse: 2 GiB claimed
    result, took = bounded(lambda: check_for_update(
        str(share), trusted=trusted, current_db=running_db,  # type: ignore[arg-type]
        deadline_seconds=5), limit=10)
    assert result.status is CheckStatus.REFUSED and result.reason == errors.TOO_LARGE
    assert "over the 1048576 byte limit" in result.message
    assert took < 2.0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_pack_or_index_never_blocks_the_poll(tmp_path: Path, trusted: tuple[object, ...],
                                                    running_db: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    os.mkfifo(share / "zgc2023-9.guidepack")  # open() of a FIFO waits for a writer for ever
    result, took = bounded(lambda: check_for_update(
        str(share), trusted=trusted, current_db=running_db,  # type: ignore[arg-type]
        deadline_seconds=5), limit=10)
    assert result.status is CheckStatus.FAILED and result.reason == errors.NO_SOURCE
    assert took < 2.0

    # Named by index.json: refused as not a regular file, without opening it blocking.
    (share / "index.json").write_text(
        '{"format": "zgc-guidepack-index", "pack_id": "mini", "version": 9, '
        '"file": "zgc2023-9.guidepack"}', encoding="utf-8")
    result, took = bounded(lambda: check_for_update(
        str(share), trusted=trusted, current_db=running_db,  # type: ignore[arg-type]
        deadline_seconds=5), limit=10)
    assert result.status is CheckStatus.FAILED, result
    assert "not a regular file" in result.message
    assert took < 2.0
    no_leftovers()


def test_stop_ends_a_slow_download_at_once(trusted: tuple[object, ...], running_db: Path) -> None:
    stop = threading.Event()
    with hostile_server() as (url, hostile):
        hostile.mode = "drip"
        threading.Timer(0.5, stop.set).start()
        result, took = bounded(lambda: check_for_update(
            url, trusted=trusted, current_db=running_db, timeout=30,  # type: ignore[arg-type]
            deadline_seconds=600, stop=stop), limit=10)
    assert result.status is CheckStatus.FAILED and "stopped" in result.message
    assert took < 2.0
