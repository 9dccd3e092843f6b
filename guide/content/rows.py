"""Row helpers the content queries share: rows as dicts, the English JSON column, ISO
values, and rows fetched for a list of ids in that list's order."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from guide.content.database import Db


def fetch_rows(db: Db, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """The rows of ``sql`` as dicts by column name."""
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def english(r: dict[str, Any]) -> dict[str, Any]:
    """A row's English siblings (its ``en`` JSON column); empty when the pack gave none."""
    raw = r.get("en")
    return json.loads(raw) if raw else {}


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date column's value, or None."""
    return dt.date.fromisoformat(value) if value else None


def parse_time(value: str | None) -> dt.time | None:
    """An ISO time column's value, or None."""
    return dt.time.fromisoformat(value) if value else None


def parse_datetime(value: str | None) -> dt.datetime | None:
    """An ISO date-and-time column's value (with its offset), or None."""
    return dt.datetime.fromisoformat(value) if value else None


def _in(ids: Sequence[str]) -> str:
    return ",".join("?" * len(ids))


def _ordered(ids: Sequence[str], by_id: dict[str, Any]) -> list[Any]:
    return [by_id[i] for i in ids if i in by_id]


def by_ids(db: Db, sql: str, ids: Sequence[str], build: Callable[[dict[str, Any]], Any],
            params: Sequence[Any] = ()) -> list[Any]:
    """Rows of ``sql`` (ending in ``IN``) for ``ids``, built and in the order of ``ids``.

    Chunks of 500 stay under SQLite's limit on bound parameters.
    """
    found: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        for r in fetch_rows(db, f"{sql} ({_in(chunk)})", [*params, *chunk]):
            found[r["id"]] = build(r)
    return _ordered(ids, found)
