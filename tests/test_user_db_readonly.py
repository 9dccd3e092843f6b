"""A user database the account cannot write: one clear line, no traceback, not a byte changed.

The tests run as root, for whom a file's mode bits mean nothing, so the guide runs in a
process that really is another account: ``nobody``, through ``setpriv``. It keeps one
capability, reading past permissions (CAP_DAC_READ_SEARCH), only because the Python
running the tests may live in a folder ``nobody`` cannot enter; it grants no writing.
Run as an ordinary user, the file and its folder are made read-only instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_guide

NOBODY = 65534
AS_ROOT = os.geteuid() == 0


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def hall(tmp_path: Path, mini_db: Path) -> Iterator[Path]:
    """A folder with the content and a user database (PIN set) that the guide's account can only read."""
    folder = tmp_path / "hall"
    folder.mkdir()
    shutil.copyfile(mini_db, folder / "content.db")
    user = folder / "user.db"
    assert run_guide("kiosk", "set-pin", "--stdin", "--user-db", str(user), input="864209\n").returncode == 0
    assert run_guide("bookmarks", "add", "forum", "opening", "--content-db", str(mini_db),
                     "--user-db", str(user)).returncode == 0
    # Readable by all (a 0600 file would be unreadable, a different failure); writable by root only.
    user.chmod(0o644)
    (folder / "content.db").chmod(0o644)
    folder.chmod(0o755 if AS_ROOT else 0o555)
    if not AS_ROOT:
        user.chmod(0o444)
    data = tmp_path / "guide-data"  # the account's own data folder stays writable
    data.mkdir()
    if AS_ROOT:
        os.chown(data, NOBODY, NOBODY)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        user.chmod(0o644)


def _run_as_reader(hall: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "guide.cli", *args]
    if AS_ROOT:
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                   "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search", *command]
    data = hall.parent / "guide-data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZGC_GUIDE_DATA": str(data), "HOME": str(data)}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
                          input=stdin)


CASES = {
    "bookmarks add": ["bookmarks", "add", "forum", "no-time"],
    "kiosk status": ["kiosk", "status"],
    "kiosk set-pin": ["kiosk", "set-pin", "--stdin"],
    "window": ["--quit-after", "1"],
    "kiosk": ["--kiosk", "--quit-after", "1"],
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_read_only_user_db_gives_one_clear_line_and_changes_nothing(case: str, hall: Path) -> None:
    user = hall / "user.db"
    before, listing = digest(user), sorted(p.name for p in hall.iterdir())
    argv = [*CASES[case], "--user-db", str(user)]
    if case != "kiosk set-pin":
        argv += ["--content-db", str(hall / "content.db")]
    r = _run_as_reader(hall, *argv, stdin="135790\n135790\n" if case == "kiosk set-pin" else None)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {user} is read-only; bookmarks and settings need a file this account "
                      "can write (check its permissions)"], r.stderr
    assert digest(user) == before  # the bookmark and the PIN are as they were
    assert sorted(p.name for p in hall.iterdir()) == listing  # no journal, no -wal, nothing moved


def test_a_read_only_user_db_can_still_be_listed_and_is_not_changed(hall: Path) -> None:
    # Listing (and exporting) reads the bookmarks as they are, so they can be taken away.
    user = hall / "user.db"
    before, listing = digest(user), sorted(p.name for p in hall.iterdir())
    r = _run_as_reader(hall, "bookmarks", "list", "--user-db", str(user),
                       "--content-db", str(hall / "content.db"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\t")[:2] == ["forum", "opening"]
    assert r.stderr.startswith(f"note: {user} is read-only;") and "read as they are" in r.stderr
    assert digest(user) == before
    assert sorted(p.name for p in hall.iterdir()) == listing  # no journal, no -wal, no -shm
