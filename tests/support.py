"""Helpers shared by several test modules (no tests here).

Pack edits work on a writable copy of the mini pack, the way a content team changes
a pack before a content update reaches a visitor's machine.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListView, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from guide.app import build_window
from guide.search import SearchDoc, SearchHit
from guide.ui import boxes
from guide.ui.guide import Guide
from tests.conftest import MINI_PACK, run_guide

if TYPE_CHECKING:
    from guide.kiosk.controller import KioskController

ITEMS = "items.toml"


def write_foreign_sqlite(path: Path) -> None:
    """An SQLite file of another program (an invoice table, a schema version of its own)."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


def copy_pack(dest: Path, version: int = 1) -> Path:
    """A writable copy of the mini pack with ``version`` in pack.toml."""
    shutil.copytree(MINI_PACK, dest)
    set_version(dest, version)
    return dest


def set_version(pack: Path, version: int) -> None:
    """Set ``[pack] version``."""
    meta = pack / "pack.toml"
    meta.write_text(re.sub(r"(?m)^version = \d+$", f"version = {version}", meta.read_text("utf-8")),
                    encoding="utf-8")


def drop_item(pack: Path, kind: str, item_id: str) -> None:
    """Remove one ``[[kind]]`` block from the pack's items file (it must be there)."""
    path = pack / ITEMS
    blocks = re.split(r"(?m)^(?=\[\[)", path.read_text(encoding="utf-8"))
    kept = [b for b in blocks if not (b.startswith(f"[[{kind}]]")
                                      and re.search(rf'(?m)^id = "{re.escape(item_id)}"$', b))]
    assert len(kept) == len(blocks) - 1, f"no {kind} {item_id} in the pack"
    path.write_text("".join(kept), encoding="utf-8")


def replace_text(pack: Path, old: str, new: str) -> None:
    """Replace text in the pack's items file (it must be there)."""
    path = pack / ITEMS
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def append_items(pack: Path, toml: str) -> None:
    """Add items at the end of the pack's items file."""
    path = pack / ITEMS
    path.write_text(path.read_text(encoding="utf-8") + "\n" + toml, encoding="utf-8")


@dataclass
class FakeClock:
    """Seconds that pass only when a test advances them (for code that takes a ``clock``)."""

    now: float = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def visible_texts(window: QWidget) -> list[str]:
    """Every text a sighted user can read in ``window``: labels, buttons, placeholders, tabs, sections."""
    texts = []
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QListView) and w.objectName() == "navigation":
            model = w.model()
            texts += [model.index(r, 0).data() for r in range(model.rowCount())]
    return [t for t in texts if t]


@contextmanager
def shown_guide(qtbot: QtBot, db: Path, *, now: str | None = None, lang: str | None = None,
                user_db: Path | None = None, remember: bool = True,
                size: tuple[int, int] | None = (1280, 800), exposed: bool = False) -> Iterator[Guide]:
    """A guide window on ``db`` (the options as for ``build_window``), shown; closed afterwards."""
    g = build_window(db, now=now, lang=lang, user_db=user_db, remember=remember)
    qtbot.addWidget(g.window)
    if size is not None:
        g.window.resize(*size)
    g.window.show()
    if exposed:  # on screen and focused, for tests that type or read focus
        qtbot.waitExposed(g.window)
        g.window.activateWindow()
    try:
        yield g
    finally:
        g.close()


@contextmanager
def kiosk_at(qtbot: QtBot, db: Path, tmp_path: Path, *, now: str, lang: str,
             size: tuple[int, int] = (1920, 1080)) -> Iterator[KioskController]:
    """A kiosk on ``db`` in a window of ``size`` (the kiosk's screen), on its attract screen;
    its timers read a clock that stands still. Shut down and closed afterwards."""
    from guide.kiosk.config import KioskConfig
    from guide.kiosk.controller import install_kiosk
    from guide.kiosk.pin import MemoryPinStore, set_pin

    guide = build_window(db, now=now, lang=lang)
    qtbot.addWidget(guide.window)
    pins = MemoryPinStore()
    set_pin(pins, "2468", n=2**10)
    config = KioskConfig(full_screen=False, keep_screen_on=False, catch_exceptions=False,
                         reduced_motion=True)
    k = install_kiosk(guide, config, size=size, pin_store=pins, log_file=tmp_path / "kiosk.log",
                      clock=FakeClock())
    k.exit_app = lambda _code: None
    qtbot.waitExposed(guide.window)
    try:
        yield k
    finally:
        k.shutdown()
        guide.close()


def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer Yes to every question box from now on; the list collects the questions asked."""
    asked: list[str] = []

    def yes(parent: QWidget, title: str, text: str, listing: str = "") -> bool:
        asked.append(f"{text}\n\n{listing}" if listing else text)
        return True

    monkeypatch.setattr(boxes, "ask", yes)
    return asked


def zip_bytes(parts: dict[str, str | bytes]) -> bytes:
    """A zip file holding ``parts`` (name: contents), as bytes: the shape of an .xlsx, an .ods
    or another program's document, for tests of how the importer names them."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def memory_index(docs: Iterable[SearchDoc], path: str = ":memory:") -> sqlite3.Connection:
    """A search index of ``docs`` alone, in memory (or in the database file ``path``)."""
    from guide.search import create_index, index_documents

    conn = sqlite3.connect(path)
    create_index(conn)
    with conn:
        index_documents(conn, docs)
    return conn


def write_rows(path: Path, rows: list[list[Any]]) -> None:
    """A programme sheet of ``rows``: a UTF-8 CSV file for a .csv name, else a workbook."""
    if path.suffix == ".csv":
        path.write_text("".join(",".join("" if v is None else str(v) for v in row) + "\n"
                                for row in rows), encoding="utf-8")
        return
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)


def hit_ids(hits: Iterable[SearchHit]) -> list[str]:
    """The ids of search hits, best first."""
    return [hit.id for hit in hits]



def search_ids(conn: sqlite3.Connection, query: str) -> list[str]:
    """The ids :func:`guide.search.search` finds for ``query``, best first."""
    from guide.search import search

    return hit_ids(search(conn, query))


@dataclass(frozen=True)
class Imported:
    """What ``guide import`` did, run by :func:`import_schedule`."""

    code: int
    out: str  # what it printed: "" when the caller reads capsys itself
    err: str
    pack: Path  # the --out folder
    report: dict[str, Any]  # the --report file's JSON; {} when the import failed or none was asked

    def sessions(self) -> list[dict[str, Any]]:
        """The pack's sessions as the importer wrote them (sessions-0001.json's forums)."""
        data: dict[str, Any] = json.loads((self.pack / "sessions-0001.json").read_text(encoding="utf-8"))
        return list(data["forum"])


def import_schedule(tmp_path: Path, source: Path, *extra: str,
                    capsys: pytest.CaptureFixture[str] | None = None,
                    timezone: str | None = "Asia/Shanghai", report: bool = True) -> Imported:
    """``guide import SOURCE --out tmp_path/pack --report tmp_path/report.json --timezone ZONE
    EXTRA...`` in this process (``report=False``, ``timezone=None``: without that option).

    With ``capsys``: what it printed, which holds no traceback; without, the caller reads it."""
    from guide.cli import main

    pack, report_file = tmp_path / "pack", tmp_path / "report.json"
    args = ["import", str(source), "--out", str(pack)]
    args += ["--report", str(report_file)] if report else []
    args += ["--timezone", timezone] if timezone else []
    code = main([*args, *extra])
    out = err = ""
    if capsys is not None:
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
    # A failed import writes no report: one there is an earlier import's.
    said = json.loads(report_file.read_text(encoding="utf-8")) if report and code == 0 else {}
    return Imported(code, out, err, pack, said)


def import_and_list(tmp_path: Path, source: Path | str, *extra: str
                    ) -> tuple[list[dict[str, Any]], dict[str, Any], str]:
    """``guide import`` of ``source`` (with ``extra`` options), ``build-db`` of its pack and
    ``list forum --json``, each in a fresh process as a user runs them: (the sessions listed,
    the import's report, what the import said on stderr)."""
    pack, db, report = tmp_path / "pack", tmp_path / "c.db", tmp_path / "report.json"
    done = run_guide("import", str(source), "--out", str(pack), "--report", str(report), *extra)
    assert done.returncode == 0, done.stderr
    built = run_guide("build-db", "--content", str(pack), "--out", str(db))
    assert built.returncode == 0, built.stderr
    listed = run_guide("list", "forum", "--json", "--content-db", str(db))
    assert listed.returncode == 0, listed.stderr
    return json.loads(listed.stdout), json.loads(report.read_text(encoding="utf-8")), done.stderr


class Midway:
    """A second program (``second``, on another thread) started the first time the patched
    step ``owner.name`` runs, before the step itself: two programs at once, deterministically.

    The step waits up to 3 s for the second to run to its end (or to block on the first's
    lock); :meth:`join` waits for the rest and returns the second's result.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: object, name: str,
                 second: Callable[[], Any]) -> None:
        real = getattr(owner, name)
        self.results: list[Any] = []
        self._thread = threading.Thread(target=lambda: self.results.append(second()))

        def step_with_another_started(*args: Any, **kwargs: Any) -> Any:
            if self._thread.ident is None:  # once: the other program starts now
                self._thread.start()
                self._thread.join(timeout=3)  # it runs to the end here, or waits for this one
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, step_with_another_started)

    def join(self) -> Any:
        """The second program's result, once it has ended."""
        self._thread.join()
        return self.results[0]
