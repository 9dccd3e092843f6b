"""Bookmark rows read page by page from a user database SQLite cannot read.

SQLite gives up on the whole file at the first damaged page it meets ("database disk
image is malformed") or when the header is gone ("file is not a database"), while the
rows usually still sit intact on their own pages. This reads the file the way SQLite lays
it out: pages of the header's size (when the header is gone, of the common size that
yields rows), with the committed frames of its ``-wal`` file laid over them as SQLite
would have read them; then the cells of every table leaf page and the record in each.

Only records of exactly a bookmark row's shape are kept (:func:`bookmark_rows`), so rows
of the other tables, a visitor's bookmarks and garbage are never taken for bookmarks. A
removed bookmark does not come back: the user database runs with ``secure_delete``, so
SQLite zeroes deleted rows and freed pages.

The same reading, into memory, also serves a healthy file whose ``-wal`` SQLite cannot read
where there is no room or right to make its ``-shm`` file (:func:`in_memory`).

Standard library only; nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide.content.models import KINDS

_MAGIC = b"SQLite format 3\x00"
_WAL_MAGIC = (0x377F0682, 0x377F0683)  # the low bit: checksums of big-endian words
_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)  # 4096: SQLite's default
_TABLE_LEAF = 0x0D
_CAP = 64 << 20  # a user database is a few MB; of anything bigger, this much is read
_ENCODINGS = {1: "utf-8", 2: "utf-16-le", 3: "utf-16-be"}
_WIDTHS = {0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8, 7: 8, 8: 0, 9: 0}  # serial type -> bytes
_TYPES: dict[str, type] = {"TEXT": str, "INTEGER": int, "REAL": float, "BLOB": bytes}


@dataclass(frozen=True)
class Pages:
    """A database's pages as SQLite would read them: the file's, the WAL's committed frames over them."""

    size: int
    usable: int  # the page size less the bytes reserved at the end of each page
    encoding: str
    data: dict[int, bytes]  # page number (from 1) -> page

    def image(self) -> bytes:
        """The pages as one database file, for SQLite to read from memory.

        The magic is put back (a header whose first bytes were overwritten is otherwise
        whole) and the file marked as not in WAL mode, the WAL being laid in already.
        """
        if 1 not in self.data:
            return b""
        last = max(self.data)
        zero = bytes(self.size)
        image = bytearray(b"".join(self.data.get(n, zero) for n in range(1, last + 1)))
        image[:16] = _MAGIC
        image[18:20] = b"\x01\x01"
        return bytes(image)


@dataclass(frozen=True)
class _Column:
    name: str
    type: str
    not_null: bool
    rowid: bool  # INTEGER PRIMARY KEY: the record holds NULL, the value is the cell's rowid


def _read(path: Path) -> bytes:
    with contextlib.suppress(OSError), path.open("rb") as f:
        return f.read(_CAP)
    return b""


def _valid_size(size: int) -> bool:
    return 512 <= size <= 65536 and size & (size - 1) == 0


def _checksum(data: bytes, seed: tuple[int, int], big: bool) -> tuple[int, int]:
    """SQLite's WAL checksum of ``data``, continuing from ``seed``."""
    s0, s1 = seed
    words = struct.unpack(f"{'>' if big else '<'}{len(data) // 4}I", data)
    for x0, x1 in zip(words[::2], words[1::2], strict=True):
        s0 = (s0 + x0 + s1) & 0xFFFFFFFF
        s1 = (s1 + x1 + s0) & 0xFFFFFFFF
    return s0, s1


def _wal_pages(wal: bytes) -> tuple[int, dict[int, bytes], int]:
    """The WAL's page size, the pages of its committed frames (the last of each page wins)
    and the database's page count after the last commit; (0, {}, 0) for no usable WAL.

    Like SQLite, frames are read up to the first whose salt or checksum does not match
    (left from an earlier round of the file, or torn by a crash), and frames after the
    last commit frame are a transaction that never committed.
    """
    if len(wal) < 32:
        return 0, {}, 0
    magic, _version, size, _round, salt1, salt2, c1, c2 = struct.unpack(">8I", wal[:32])
    big = bool(magic & 1)
    if magic not in _WAL_MAGIC or not _valid_size(size) or _checksum(wal[:24], (0, 0), big) != (c1, c2):
        return 0, {}, 0
    seed = (c1, c2)
    pages: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    count = 0
    for at in range(32, len(wal) - 24 - size + 1, 24 + size):
        pgno, commit, f1, f2, c1, c2 = struct.unpack(">6I", wal[at:at + 24])
        page = wal[at + 24:at + 24 + size]
        seed = _checksum(wal[at:at + 8] + page, seed, big)
        if (f1, f2) != (salt1, salt2) or seed != (c1, c2) or pgno == 0:
            break
        pending[pgno] = page
        if commit:
            pages.update(pending)
            pending, count = {}, commit
    return size, pages, count


def readings(path: Path) -> Iterator[Pages]:
    """Ways to read the database at ``path`` (and its ``-wal``), the likeliest first.

    The page size is the WAL's when it has a usable one (then that reading only); else the
    header's when valid, then the common sizes, for a header that is gone or wrong. Nothing
    for an empty file with no usable WAL.
    """
    main = _read(path)
    wal_size, wal, count = _wal_pages(_read(path.with_name(path.name + "-wal")))
    header = wal[1][:100] if 1 in wal else main[:100]  # the WAL's copy is the newer
    header = header if len(header) == 100 else bytes(100)
    stated = int.from_bytes(header[16:18], "big")
    stated = 65536 if stated == 1 else stated
    # With a usable WAL its page size is the database's, and only the pages with the WAL
    # laid over them are what the file holds: read at another size, the main file alone
    # gave back rows the WAL had deleted (every other page as it stood before).
    sizes = ({wal_size: None} if wal_size else
             dict.fromkeys(s for s in (stated, *_SIZES) if _valid_size(s)))
    reserved = header[20] if header[20] < 64 else 0
    encoding = _ENCODINGS.get(int.from_bytes(header[56:60], "big"), "utf-8")
    for size in sizes:
        data = {n // size + 1: main[n:n + size] for n in range(0, len(main) - size + 1, size)}
        if size == wal_size:
            data.update(wal)
            data = {n: p for n, p in data.items() if n <= count} if count else data
        if data:
            yield Pages(size, size - reserved, encoding, data)


def in_memory(path: Path) -> sqlite3.Connection:
    """The database at ``path`` with its -wal laid in, as SQLite would read it, copied into
    memory where nothing can change it; for when SQLite cannot make the -shm file it needs to
    read a -wal. Raises :class:`sqlite3.DatabaseError` when SQLite cannot take the copy."""
    pages = next(readings(path), None)
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.deserialize(pages.image() if pages else b"")
        conn.execute("PRAGMA query_only = ON")  # writing fails, as it would on the file
    except (sqlite3.Error, OverflowError) as exc:
        conn.close()
        raise sqlite3.DatabaseError(str(exc)) from exc
    return conn


def _varint(buf: bytes, at: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``at`` and where it ends (IndexError past the end)."""
    value = 0
    for n in range(8):
        byte = buf[at + n]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + n + 1
    return (value << 8) | buf[at + 8], at + 9


def _payload(pages: Pages, page: bytes, at: int, size: int) -> bytes | None:
    """A cell's payload of ``size`` bytes from ``at``, with what spilled to overflow pages."""
    u = pages.usable
    local = size
    if size > u - 35:  # SQLite's rule for how much of a table leaf cell stays on its page
        least = (u - 12) * 32 // 255 - 23
        local = least + (size - least) % (u - 4)
        local = local if local <= u - 35 else least
    if at + local + (4 if local < size else 0) > min(u, len(page)) or size > len(pages.data) * u:
        return None
    out = bytearray(page[at:at + local])
    following = int.from_bytes(page[at + local:at + local + 4], "big") if local < size else 0
    seen = set()
    while len(out) < size:
        if following in seen or following not in pages.data:
            return None  # a chain that loops or leads off the file: not a row
        seen.add(following)
        overflow = pages.data[following]
        following = int.from_bytes(overflow[:4], "big")
        out += overflow[4:u][:size - len(out)]
    return bytes(out)


def _cells(pages: Pages, number: int) -> Iterator[tuple[int, bytes]]:
    """Rowid and payload of each cell of page ``number`` when it is a table leaf page."""
    page = pages.data[number]
    head = 100 if number == 1 else 0  # page 1 starts with the file's header
    if len(page) < head + 8 or page[head] != _TABLE_LEAF:
        return
    count = int.from_bytes(page[head + 3:head + 5], "big")
    first = head + 8 + 2 * count  # where the cells may start, after their pointers
    if first > pages.usable:
        return
    for i in range(count):
        at = int.from_bytes(page[head + 8 + 2 * i:head + 10 + 2 * i], "big")
        if not first <= at < pages.usable:
            continue
        with contextlib.suppress(IndexError):
            size, at = _varint(page, at)
            rowid, at = _varint(page, at)
            payload = _payload(pages, page, at, size)
            if payload is not None:
                yield rowid, payload


def _value(kind: int, raw: bytes, encoding: str) -> Any:
    if kind in (8, 9):
        return kind - 8
    if 1 <= kind <= 6:
        return int.from_bytes(raw, "big", signed=True)
    if kind == 7:
        return struct.unpack(">d", raw)[0]
    if kind >= 12:
        return raw.decode(encoding) if kind % 2 else raw  # strict: bad text is no row
    return None


def _record(payload: bytes, width: int, encoding: str) -> list[Any] | None:
    """The values of a record of exactly ``width`` columns, or None (another shape, or garbage)."""
    try:
        end, at = _varint(payload, 0)
        kinds: list[int] = []
        while at < end and len(kinds) <= width:
            kind, at = _varint(payload, at)
            kinds.append(kind)
    except IndexError:
        return None
    if at != end or len(kinds) != width or any(k in (10, 11) for k in kinds):
        return None
    values = []
    for kind in kinds:
        size = _WIDTHS[kind] if kind < 12 else (kind - 12) // 2
        if at + size > len(payload):
            return None
        try:
            values.append(_value(kind, payload[at:at + size], encoding))
        except UnicodeDecodeError:
            return None
        at += size
    return values if at == len(payload) else None


def _shape(schema: str, table: str) -> list[_Column]:
    """The columns of ``table`` as ``schema`` creates it, in order (SQLite reads the SQL)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(schema)
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    finally:
        conn.close()
    alias = [row[1] for row in info if row[5]] == [
        next((row[1] for row in info if row[5] and row[2].upper() == "INTEGER"), None)]
    return [_Column(name, type_.upper(), bool(not_null), alias and bool(pk))
            for _cid, name, type_, not_null, _default, pk in info]


def _typed(columns: list[_Column], rowid: int, values: list[Any]) -> dict[str, Any] | None:
    """The record as a row of ``columns`` when every value has its column's type."""
    row = {}
    for column, value in zip(columns, values, strict=True):
        if column.rowid:
            if value is not None:
                return None
            value = rowid
        elif value is None:
            if column.not_null:
                return None
        elif not isinstance(value, _TYPES.get(column.type, object)):
            return None
        row[column.name] = value
    return row


def _parses(value: str | None, parse: Any) -> bool:
    try:
        return value is None or (bool(value) and parse(value) is not None)
    except ValueError:
        return False


def _plausible_bookmark(row: dict[str, Any]) -> bool:
    """A row of the device's own list that the guide could have written: a kind it knows,
    an id, dates and times the list can show."""
    return (row["owner"] == "" and row["kind"] in KINDS and 0 < len(row["item_id"]) <= 1000
            and row["item_id"].isprintable()
            and _parses(row["date"], dt.date.fromisoformat)
            and _parses(row["start_time"], dt.time.fromisoformat)
            and _parses(row["end_time"], dt.time.fromisoformat)
            and _parses(row["added_at"], dt.datetime.fromisoformat)
            and _parses(row["seen_at"], dt.datetime.fromisoformat))


def bookmark_rows(path: Path, schema: str) -> list[dict[str, Any]]:
    """The rows of the device's own bookmarks (owner ``''``) found on the pages of ``path``
    (and of its ``-wal``: see :func:`readings`).

    ``schema`` is the user database's SQL; a row must have exactly its ``bookmark`` table's
    columns, each of its declared type, and make sense as a bookmark. Each row has every
    column, ``seq`` being its rowid. Without a WAL the page size that yields the most rows is
    taken (a wrong size misses the rows it cuts through, and never finds more than the right
    one); with one, only its page size is read (see :func:`readings`).
    """
    columns = _shape(schema, "bookmark")
    best: list[dict[str, Any]] = []
    for pages in readings(path):
        rows = []
        for number in sorted(pages.data):
            for rowid, payload in _cells(pages, number):
                values = _record(payload, len(columns), pages.encoding)
                row = None if values is None else _typed(columns, rowid, values)
                if row is not None and _plausible_bookmark(row):
                    rows.append(row)
        if len(rows) > len(best):
            best = rows
    return best
