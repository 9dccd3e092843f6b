"""Build the content database from a validated pack, replacing the target atomically.

The database is written to a temporary file beside the target and moved over it
with ``os.replace`` only after it is complete and synced, so readers see either
the old database or the new one, never a half-written file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from guide.content.loader import Pack, load_pack
from guide.content.schema import (
    CONTENT_TABLES_VERSION,
    SCHEMA_VERSION,
    add_english,
    add_maps,
    add_programme,
    migrate,
)
from guide.files import atomic_replace, disk_full_error, is_disk_full

Progress = Callable[[int, int], None]  # (items done, items total)


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    path: Path
    counts: dict[str, int]
    seconds: float
    size: int


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _json(values: Iterable[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _en(**fields: Any) -> str:
    """The ``en`` column: English siblings that are given (absent ones are left out)."""
    return json.dumps({k: v for k, v in fields.items() if v is not None}, ensure_ascii=False)


ROW_BATCH = 2000


def _wall_time(value: dt.datetime | None) -> str | None:
    """The clock time of an absolute time where it happens (in its own offset)."""
    return None if value is None else value.time().isoformat(timespec="minutes")


def _forum_row(pos: int, f: Any) -> dict[str, Any]:
    return {
        "id": f.id, "pos": pos, "kind": f.kind, "title": f.title, "title_en": f.title_en,
        "series": f.series, "date": f.date.isoformat(),
        "start_time": _iso(f.start_time) or _wall_time(f.start),
        "end_time": _iso(f.end_time) or _wall_time(f.end), "venue": f.venue,
        "summary": f.summary or "", "summary_en": f.summary_en or f.summary or "",
        "attendance": f.attendance, "text": _json(f.text), "source_id": f.source,
        "en": _en(series_en=f.series_en, venue_en=f.venue_en, attendance_en=f.attendance_en,
                  text_en=f.text_en),
        "guid": f.guid, "start_at": _iso(f.start), "end_at": _iso(f.end),
        "start_utc": None if f.start is None else f.start.astimezone(dt.UTC).isoformat(),
        "room_id": f.room, "track_id": f.track, "type": f.type,
        "programme": _en(subtitle=f.subtitle, language=f.language, url=f.url,
                         links=[{"url": ln.url, "title": ln.title} for ln in f.links] or None),
    }


def _rows(pack: Pack) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Table rows for every kind, children after their parents."""
    for rows in (_people_rows, _announcement_rows, _forum_rows, _exhibition_rows, _figure_rows,
                 _map_rows):
        yield from rows(pack)


def _map_rows(pack: Pack) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Floor plans and their regions (their images are written with the others)."""
    plans = [loc.item for loc in pack.maps]
    yield "floor_map", [
        {"id": m.id, "pos": i, "title": m.title, "title_en": m.title_en, "image": m.image,
         "width": m.width, "height": m.height}
        for i, m in enumerate(plans)
    ]
    yield "map_region", [
        {"map_id": m.id, "pos": j, "id": r.id, "title": r.title, "title_en": r.title_en,
         "kind": r.link.kind, "item_id": r.link.id, "points": json.dumps(r.points)}
        for m in plans for j, r in enumerate(m.regions)
    ]


def _people_rows(pack: Pack) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Organisations and people."""
    yield "organization", [
        {"id": o.id, "pos": i, "name": o.name, "name_en": o.name_en,
         "short_name": o.short_name, "parent_id": o.parent,
         "en": _en(short_name_en=o.short_name_en)}
        for i, o in enumerate(pack.of("organization"))
    ]
    yield "person", [
        {"id": p.id, "pos": i, "name": p.name, "name_en": p.name_en, "title": p.title,
         "title_en": p.title_en, "organization_id": p.organization,
         "pinyin_alt": _json(p.pinyin_alt)}
        for i, p in enumerate(pack.of("person"))
    ]


def _announcement_rows(pack: Pack) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Announcements and what they mention."""
    announcements = pack.of("announcement")
    yield "announcement", [
        {"id": a.id, "pos": i, "kind": a.kind, "headline": a.headline,
         "subheadline": a.subheadline, "title_en": a.title_en, "summary_en": a.summary_en,
         "byline": a.byline, "reporter_id": a.reporter, "date": _iso(a.date),
         "paragraphs": _json(a.paragraphs),
         "en": _en(subheadline_en=a.subheadline_en, byline_en=a.byline_en,
                   paragraphs_en=a.paragraphs_en)}
        for i, a in enumerate(announcements)
    ]
    yield "mention", [
        {"announcement_id": a.id, "pos": j, "kind": m.kind, "item_id": m.id}
        for a in announcements for j, m in enumerate(a.mentions)
    ]


def _forum_rows(pack: Pack) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Rooms, tracks, forums, their organisers, speakers and launches."""
    yield "room", [
        {"id": r.id, "pos": i, "title": r.title, "title_en": r.title_en or r.title, "guid": r.guid}
        for i, r in enumerate(pack.of("room"))
    ]
    yield "track", [
        {"id": t.id, "pos": i, "title": t.title, "title_en": t.title_en or t.title,
         "color": t.color}
        for i, t in enumerate(pack.of("track"))
    ]
    forums = pack.of("forum")
    # In batches: a programme of 20,000 sessions never has all its rows in memory at once.
    for first in range(0, len(forums), ROW_BATCH):
        yield "forum", [_forum_row(i, f) for i, f in
                        enumerate(forums[first:first + ROW_BATCH], start=first)]
    yield "forum_organiser", [
        {"forum_id": f.id, "pos": j, "organization_id": o.org, "role": o.role}
        for f in forums for j, o in enumerate(f.organisers)
    ]
    yield "forum_speaker", [
        {"forum_id": f.id, "pos": j, "person_id": s.person,
         "said": _json(st.text for st in s.said),
         "en": _en(said_en=[st.text_en for st in s.said], direct=[st.direct for st in s.said])}
        for f in forums for j, s in enumerate(f.speakers)
    ]
    yield "launch", [
        {"forum_id": f.id, "pos": j, "title": la.title, "title_en": la.title_en,
         "summary": la.summary, "en": _en(summary_en=la.summary_en)}
        for f in forums for j, la in enumerate(f.launches)
    ]
    yield "launch_organiser", [
        {"forum_id": f.id, "launch_pos": j, "pos": k, "organization_id": o.org, "role": o.role}
        for f in forums for j, la in enumerate(f.launches) for k, o in enumerate(la.by)
    ]


def _exhibition_rows(pack: Pack) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Images, exhibition areas and photos."""
    yield "image", [
        {"path": rel, "sha256": hashlib.sha256(data).hexdigest(), "data": data}
        for rel, path in sorted(pack.images.items())
        for data in [path.read_bytes()]
    ]
    yield "area", [
        {"id": a.id, "pos": i, "kind": a.kind, "title": a.title, "title_en": a.title_en,
         "parent_id": a.parent, "start_date": _iso(a.start_date), "end_date": _iso(a.end_date),
         "city": a.city, "venue": a.venue, "summary": a.summary, "summary_en": a.summary_en,
         "image": a.image, "source_id": a.source,
         "en": _en(city_en=a.city_en, venue_en=a.venue_en)}
        for i, a in enumerate(pack.of("area"))
    ]
    yield "photo", [
        {"id": p.id, "pos": i, "caption": p.caption, "caption_en": p.caption_en,
         "credit_role": p.credit_role, "photographer_id": p.photographer,
         "credit_suffix": p.credit_suffix, "area_id": p.area,
         "announcement_id": p.announcement, "image": p.image,
         "en": _en(credit_role_en=p.credit_role_en)}
        for i, p in enumerate(pack.of("photo"))
    ]


def _figure_rows(pack: Pack) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Figures and what they are about."""
    figures = pack.of("figure")
    yield "figure", [
        {"id": f.id, "pos": i, "label": f.label, "label_en": f.label_en, "value": f.value,
         "unit": f.unit, "unit_en": f.unit_en, "qualifier": f.qualifier, "year": f.year,
         "grp": f.group, "quote": f.quote, "source_kind": f.source.kind,
         "source_id": f.source.id,
         "en": _en(display=f.display, display_en=f.display_en, quote_en=f.quote_en)}
        for i, f in enumerate(figures)
    ]
    yield "figure_about", [
        {"figure_id": f.id, "pos": j, "kind": r.kind, "item_id": r.id}
        for f in figures for j, r in enumerate(f.about)
    ]


def write_database(pack: Pack, path: Path, progress: Progress | None = None) -> dict[str, int]:
    """Write ``pack`` into a new database file at ``path`` (which must not exist)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        prepare_new_file(conn)
        migrate(conn, CONTENT_TABLES_VERSION)
        add_english(conn)  # rows are written with their English; the step to v3 then adds nothing
        add_programme(conn)  # likewise the programme columns of v4
        add_maps(conn)  # and the floor plans of v5
        db = sqlite_utils.Database(conn)
        total, done = pack.count(), 0
        conn.execute("BEGIN")
        for table, rows in _rows(pack):
            if rows:
                db.table(table).insert_all(rows, batch_size=2000)
            if table in pack.items:
                done += len(rows)
                if progress:
                    progress(done, total)
        meta = {
            "pack_id": pack.info.id,
            "pack_version": str(pack.info.version),
            "pack_title": pack.info.title,
            "pack_title_en": pack.info.title_en,
            "pack_source": pack.info.source,
            "pack_name": pack.info.name or pack.info.title,
            "pack_name_en": pack.info.name_en or pack.info.title_en,
            "forums_subtitle": pack.info.forums_subtitle or "",
            "forums_subtitle_en": pack.info.forums_subtitle_en or "",
            "forums_label": pack.info.forums_label or "",
            "forums_label_en": pack.info.forums_label_en or "",
            "timezone": pack.info.timezone,
            "search_topics": json.dumps([t.model_dump(exclude_none=True) for t in pack.info.search_topics],
                                        ensure_ascii=False),
            "fingerprint": pack.fingerprint,
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        db.table("meta").insert_all(
            [{"key": k, "value": v} for k, v in meta.items()], replace=True
        )
        if conn.in_transaction:
            conn.execute("COMMIT")
        migrate(conn, SCHEMA_VERSION)  # derived data: the search index
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign key check failed: {problems[:5]}")
        conn.execute("ANALYZE")
        release_free_pages(conn)
    finally:
        conn.close()
    return {kind: len(items) for kind, items in pack.items.items()}


def prepare_new_file(conn: sqlite3.Connection) -> None:
    """Set up a new, empty database file that is being built (before its first table)."""
    # A temp file that is thrown away on failure needs no journal while it is built.
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    # 8 kB pages: a 4 kB page held three of the index's 1.2 kB document rows and left a
    # sixth of itself empty (326.9 -> 313.2 MB at 100k items; search runs the same
    # instructions). 16 kB ones fill them better still but made search a tenth slower
    # (docs/performance.md, stop 35).
    conn.execute("PRAGMA page_size = 8192")
    # FTS5's final merge frees the pages of the segments it merged (a fifth of the
    # file at 100k items); incremental auto-vacuum hands them back at the end, at a
    # fraction of a VACUUM's cost.
    conn.execute("PRAGMA auto_vacuum = INCREMENTAL")


def release_free_pages(conn: sqlite3.Connection) -> None:
    """Truncate the file by its free pages (a database made with incremental auto-vacuum).

    Run through ``executescript``: ``execute`` would step the pragma once, freeing one page.
    """
    conn.executescript("PRAGMA incremental_vacuum;")


def remove_stale_temps(target: Path) -> None:
    """Delete temp files left beside ``target`` by writers that were killed (their process is gone)."""
    from guide.files import remove_stale_temps as remove

    remove(target.parent)


def build_content_db(
    pack_dir: Path, out: Path, progress: Progress | None = None, pack: Pack | None = None
) -> BuildReport:
    """Validate the pack at ``pack_dir`` and atomically (re)place the database at ``out``.

    Raises :class:`guide.content.loader.PackInvalid` before touching ``out`` when the
    pack has errors. On any failure the temporary file is removed and ``out`` is
    left exactly as it was.
    """
    started = dt.datetime.now()
    pack = pack or load_pack(pack_dir)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        counts = write_database(pack, tmp, progress)
        atomic_replace(tmp, out)
    except (sqlite3.Error, OSError) as exc:
        if is_disk_full(exc, out.parent):
            raise disk_full_error(out, "build") from exc
        raise
    finally:
        tmp.unlink(missing_ok=True)
    seconds = (dt.datetime.now() - started).total_seconds()
    return BuildReport(path=out, counts=counts, seconds=seconds, size=out.stat().st_size)
