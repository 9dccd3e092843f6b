"""No bookmark is ever lost: a process adding bookmarks is killed (SIGKILL) at random points.

The child prints a line after each add_bookmark returns; the parent kills it at a
random moment (sometimes during start-up, opening or creating the database, mostly
while it adds) and then checks that every bookmark the child reported is stored and
that SQLite finds the file intact. Fifty kills on the same user database.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from guide.content.build import build_content_db
from guide.content.synth import write_synthetic_pack
from guide.user.bookmarks import stored_bookmarks
from guide.user.db import open_user_db
from tests.conftest import ROOT

KILLS = 50

CHILD = """
import itertools, random, sys
from pathlib import Path
from guide.content.database import open_content_db
from guide.content.queries import all_ids
from guide.user.bookmarks import add_bookmark
from guide.user.db import open_user_db

user = open_user_db(Path(sys.argv[1]))
content = open_content_db(Path(sys.argv[2]))
have = set(user.db.execute("SELECT kind, item_id FROM bookmark"))
rng = random.Random(int(sys.argv[3]))
new = sorted(all_ids(content) - have)
old = sorted(have)
rng.shuffle(new)
rng.shuffle(old)
print("ready", flush=True)
# New bookmarks first; then re-adding (an update) keeps the child writing until killed.
for kind, item_id in itertools.chain(new, itertools.cycle(old + new)):
    add_bookmark(user.db, content, kind, item_id)
    sys.stdout.write(f"added {kind} {item_id}\\n")
    sys.stdout.flush()
"""


def test_bookmarks_whose_add_returned_survive_sigkill(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    write_synthetic_pack(pack, 1000, seed=7)
    content = build_content_db(pack, tmp_path / "content.db").path
    user = tmp_path / "user.db"
    rng = random.Random(2023)
    confirmed: set[tuple[str, str]] = set()
    killed_while_adding = 0

    for run in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-u", "-c", CHILD, str(user), str(content), str(run)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        head = ""
        if run % 4 == 0:  # anywhere, start-up and opening (or creating) the database included
            time.sleep(rng.uniform(0.0, 0.5))
        else:  # while adding
            head = child.stdout.readline() if child.stdout else ""
            time.sleep(rng.uniform(0.0, 0.08))
        child.kill()  # SIGKILL on POSIX (TerminateProcess on Windows): no clean-up runs
        out, err = child.communicate(timeout=30)
        assert "Traceback" not in err, err
        text = head + out
        lines = text.split("\n")[:-1]  # only complete lines: the last may be cut by the kill
        added = [tuple(line.split(" ")[1:3]) for line in lines if line.startswith("added ")]
        confirmed.update((k, i) for k, i in added)
        killed_while_adding += bool(added)

        # After every kill: the file is intact and every reported add is in it.
        conn = sqlite3.connect(user)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            # Killed before the first migration committed: no table yet, and nothing added.
            created = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'bookmark'").fetchone()
            stored = set(conn.execute("SELECT kind, item_id FROM bookmark")) if created else set()
        finally:
            conn.close()
        missing = confirmed - stored
        assert not missing, f"run {run}: lost {sorted(missing)[:5]}"

    assert killed_while_adding >= KILLS // 2, "too few kills landed while bookmarks were being added"
    assert len(confirmed) >= 100
    reopened = open_user_db(user)
    assert reopened.recovered_from is None  # a killed writer is never mistaken for damage
    assert confirmed <= {(b.kind, b.id) for b in stored_bookmarks(reopened.db)}
    reopened.close()
