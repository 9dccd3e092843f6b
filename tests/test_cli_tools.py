"""`guide synth`, `guide screenshot` and `guide check` as a developer or IT person runs them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from PySide6.QtGui import QImage

from guide.content.build import build_content_db
from guide.content.database import counts, open_content_db
from tests.conftest import MINI_PACK, run_guide


def test_synth_writes_a_valid_pack_of_the_size_asked(tmp_path: Path) -> None:
    done = run_guide("synth", "--items", "600", "--out", str(tmp_path / "pack"))
    assert done.returncode == 0, done.stderr
    built = build_content_db(tmp_path / "pack", tmp_path / "synth.db")  # validates the pack
    assert sum(built.counts.values()) == 600
    assert counts(open_content_db(built.path))["forum"] == built.counts["forum"] > 0
    assert done.stdout.startswith(f"wrote 600 items to {tmp_path / 'pack'}")


def test_screenshot_renders_a_page_and_refuses_an_unknown_one(tmp_path: Path, real_db: Path) -> None:
    out = tmp_path / "shot" / "forums.png"
    done = run_guide("screenshot", "forums", "--out", str(out), "--size", "1280x800", "--lang", "en",
                     "--now", "2023-05-29T10:00", "--content-db", str(real_db),
                     env=_offscreen(tmp_path))
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert len({image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}) > 5  # not blank
    bad = run_guide("screenshot", "forum/no-such-forum", "--out", str(tmp_path / "x.png"),
                    "--content-db", str(real_db), env=_offscreen(tmp_path))
    assert bad.returncode == 2 and "no such page: forum/no-such-forum" in bad.stderr
    assert "Traceback" not in bad.stderr and not (tmp_path / "x.png").exists()


def _offscreen(tmp_path: Path) -> dict[str, str]:
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZGC_GUIDE_DATA": str(tmp_path / "data")}


def _damage_page(db: Path, page: int, out: Path) -> Path:
    """A copy of ``db`` with the header of one b-tree page overwritten (a bad disk sector)."""
    size = sqlite3.connect(db).execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    data[(page - 1) * size:(page - 1) * size + 8] = b"\x0d\x00\x00\x00\x05\xff\xff\x00"
    out.write_bytes(bytes(data))
    return out


def test_check_passes_a_healthy_database_and_fails_a_damaged_one_clearly(tmp_path: Path) -> None:
    db = build_content_db(MINI_PACK, tmp_path / "content.db").path
    healthy = run_guide("check", "--json", "--content-db", str(db))
    assert healthy.returncode == 0 and json.loads(healthy.stdout)["integrity"] == "ok"
    # The first b-tree pages after the schema's: page 2 is a pointer-map page (the file
    # vacuums incrementally), whose damage SQLite's checks do not always see, and which
    # holds none of the content.
    with sqlite3.connect(db) as conn:
        pages = [n for (n,) in conn.execute("SELECT DISTINCT pageno FROM dbstat WHERE pageno > 1"
                                            " ORDER BY pageno LIMIT 5")]
    assert len(pages) == 5
    for page in pages:
        damaged = run_guide("check", "--content-db", str(_damage_page(db, page, tmp_path / f"p{page}.db")))
        assert "Traceback" not in damaged.stderr, (page, damaged.stderr[-500:])
        # Damage the opening quick_check finds is a bad file (2, as for every command);
        # damage only the full integrity check finds is a failed check (1).
        found_on_open = damaged.returncode == 2 and "is damaged" in damaged.stderr
        found_by_check = damaged.returncode == 1 and "integrity: [" in damaged.stdout
        assert found_on_open or found_by_check, (page, damaged.returncode, damaged.stderr[-300:])


def test_show_of_an_unknown_id_is_one_error_line(tmp_path: Path) -> None:
    """It printed "no forum with id 'nope'" with no `error:`, unlike every other refusal."""
    db = build_content_db(MINI_PACK, tmp_path / "mini.db").path
    done = run_guide("show", "forum", "nope", "--content-db", str(db))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "error: no forum with id 'nope'; `guide list forum` lists them\n"
