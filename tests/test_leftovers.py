"""SIGKILL during `guide update apply`: the next start or apply removes what the killed run left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from guide.files import remove_stale_temps
from guide.updates.state import default_slot
from tests.conftest import ROOT, run_guide
from tests.support import append_items, copy_pack
from tests.test_updates_support import NEW_FORUM, make_key, signed_pack


def _temps(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.name.startswith(".") and p.name not in (".lock", ".poll.lock"))


def _kill_while_staging(args: list[str], slot_root: Path, timeout: float = 60) -> bool:
    """Start an apply and SIGKILL it the moment its staging files exist; True if caught mid-write."""
    proc = subprocess.Popen([sys.executable, "-m", "guide.cli", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    caught = False
    while proc.poll() is None and time.monotonic() < deadline:
        if slot_root.is_dir() and any(".stage-" in name for name in _temps(slot_root)):
            caught = True
            break
        time.sleep(0.002)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    return caught


def _update_setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A running version-1 database, a signed version-2 pack and its public key."""
    key, _pub, _key_file, pub_file = make_key(tmp_path / "keys")
    running = tmp_path / "running.db"
    assert run_guide("build-db", "--content", str(copy_pack(tmp_path / "v1", 1)),
                     "--out", str(running)).returncode == 0
    src = copy_pack(tmp_path / "v2", 2)
    append_items(src, NEW_FORUM)
    return running, signed_pack(src, tmp_path / "mini-2.guidepack", key), pub_file


def test_sigkilled_applies_leave_nothing_after_the_next_start(tmp_path: Path) -> None:
    running, pack, pub_file = _update_setup(tmp_path)
    slot_root = default_slot().root
    apply = ["update", "apply", "--file", str(pack), "--trusted", str(pub_file),
             "--content-db", str(running)]

    caught = sum(_kill_while_staging(apply, slot_root) for _ in range(5))
    assert caught >= 3  # the attack happened: killed while writing the staged database
    left = _temps(slot_root)
    assert any(".stage-" in name for name in left)  # what used to pile up (764 MB in the hall)

    r = run_guide("check")  # the next start of the guide (or any command that opens content)
    assert r.returncode == 0, r.stderr
    assert _temps(slot_root) == []
    assert _temps(slot_root / "incoming") == []

    applied = run_guide(*apply)  # and the update still installs after all that
    assert applied.returncode == 0, applied.stderr
    assert "applied mini version 2" in applied.stdout
    assert _temps(slot_root) == []


def test_a_live_writers_temp_file_is_kept(tmp_path: Path) -> None:
    mine = tmp_path / f".content.db.{os.getpid()}.tmp"
    parent = tmp_path / f".state.json.{os.getppid()}.tmp"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    gone = tmp_path / f".stage-{dead.stdout.strip()}-0a1b2c3d.db"
    other = tmp_path / "user.db.123.tmp"  # not a name this app writes: never touched
    for p in (mine, parent, gone, other):
        p.write_bytes(b"x")
    assert remove_stale_temps(tmp_path) == [gone]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (mine, parent, other))


def _no_room() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))  # 64 KB of room left


def test_build_db_with_no_room_names_the_cause_and_keeps_the_old_database(
        tmp_path: Path, mini_db: Path) -> None:
    out = tmp_path / "content.db"
    out.write_bytes(mini_db.read_bytes())
    before = out.read_bytes()
    r = run_guide("build-db", "--content", str(ROOT / "db" / "pack"), "--out", str(out),
                  preexec_fn=_no_room)
    assert r.returncode == 1
    assert r.stderr.strip() == (f"error: cannot build {out}: no room (the file size limit of this "
                                "account was reached); nothing was changed")
    assert "rollback" not in r.stderr
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content.db"]  # no temp file left


def _tiny_room() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (3000, 3000))  # not even room to unpack the pack


def test_update_apply_with_no_room_says_so_not_corrupt(tmp_path: Path) -> None:
    running, pack, pub_file = _update_setup(tmp_path)
    before = running.read_bytes()
    r = run_guide("update", "apply", "--file", str(pack), "--trusted", str(pub_file),
                  "--content-db", str(running), preexec_fn=_tiny_room)
    assert r.returncode == 1, r.stderr
    assert "corrupt" not in r.stderr and "truncated" not in r.stderr
    assert r.stderr.strip().startswith("error: cannot unpack the update into ")
    assert "no room (the file size limit of this account was reached)" in r.stderr
    assert running.read_bytes() == before
    assert _temps(default_slot().root) == []
