"""What search indexes for each item, read from the content database itself.

Reading from the database (not the pack) lets the same function serve a fresh build
and the migration that adds the index to an older database.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator

from guide.search import SearchDoc, create_index, index_documents


def _rows(conn: sqlite3.Connection, sql: str) -> Iterator[sqlite3.Row]:
    cursor = conn.execute(sql)
    cursor.row_factory = sqlite3.Row
    yield from cursor


def _texts(*parts: object) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str) and part:
            out.append(part)
        elif isinstance(part, list | tuple):
            out.extend(p for p in part if isinstance(p, str) and p)
    return "\n".join(out)


def _names(*parts: object) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in parts:
        values = part.split("\x1f") if isinstance(part, str) else ()
        for value in values:
            if value:
                seen.setdefault(value, None)
    return tuple(seen)


def _en(r: sqlite3.Row) -> dict[str, object]:
    """A row's English siblings; empty for databases from before version 3 (no ``en`` yet)."""
    return json.loads(r["en"]) if "en" in r.keys() and r["en"] else {}  # noqa: SIM118 (Row: `in` tests values)


def _english_said(said: str | None) -> list[str]:
    """English of every statement in a json_group_array of ``forum_speaker.en`` values."""
    out: list[str] = []
    for en in json.loads(said or "[]"):
        out += [t for t in json.loads(en or "{}").get("said_en", []) if t]
    return out


_SAID_EN = """(SELECT json_group_array(fs.en) FROM forum_speaker fs
              WHERE fs.forum_id = f.id) AS said_en,"""


def search_documents(conn: sqlite3.Connection) -> Iterator[SearchDoc]:
    """One :class:`SearchDoc` per item, most important kinds first (they get small rowids)."""
    yield from _forum_documents(conn)
    yield from _other_documents(conn)


def _forum_documents(conn: sqlite3.Connection) -> Iterator[SearchDoc]:
    """Forums and sessions, with organisers, speakers, quotes, launches, rooms and tracks."""
    english = "en" in {r[1] for r in conn.execute("PRAGMA table_info(forum_speaker)")}
    # Rooms, tracks and session types exist from schema version 4 (imported programmes).
    programme = "room_id" in {r[1] for r in conn.execute("PRAGMA table_info(forum)")}
    programme_names = """(SELECT title FROM room WHERE room.id = f.room_id) AS room_name,
          (SELECT title FROM track WHERE track.id = f.track_id) AS track_name,""" if programme \
        else "NULL AS room_name, NULL AS track_name,"
    for r in _rows(conn, """
        SELECT f.*,
          (SELECT group_concat(o.name || char(31) || coalesce(o.short_name, ''), char(31))
             FROM forum_organiser fo JOIN organization o ON o.id = fo.organization_id
             WHERE fo.forum_id = f.id) AS orgs,
          (SELECT group_concat(p.name, char(31)) FROM forum_speaker fs
             JOIN person p ON p.id = fs.person_id WHERE fs.forum_id = f.id) AS speakers,
          (SELECT json_group_array(fs.said) FROM forum_speaker fs WHERE fs.forum_id = f.id) AS said,
          {said_en}
          {programme}
          (SELECT group_concat(l.title, char(31)) FROM launch l WHERE l.forum_id = f.id) AS launches,
          (SELECT group_concat(l.title || ' ' || coalesce(l.summary, ''), char(10))
             FROM launch l WHERE l.forum_id = f.id) AS launch_text,
          (SELECT group_concat(l.title_en, char(10)) FROM launch l WHERE l.forum_id = f.id)
            AS launch_text_en
        FROM forum f ORDER BY f.date, f.pos""".format(said_en=_SAID_EN if english else "",
                                                      programme=programme_names)):
        quotes = [q for said in json.loads(r["said"] or "[]") for q in json.loads(said)]
        en = _en(r)
        yield SearchDoc(
            kind="forum", id=r["id"], title=r["title"], title_en=r["title_en"],
            names=_names(r["orgs"], r["speakers"], r["launches"], r["series"], r["room_name"],
                         r["track_name"]),
            body=_texts(r["summary"], json.loads(r["text"]), quotes, r["attendance"],
                        r["launch_text"]),
            body_en=_texts(r["summary_en"], en.get("text_en"), en.get("attendance_en"),
                           _english_said(r["said_en"]) if english else [],
                           r["launch_text_en"]),
            date=r["date"])


def _other_documents(conn: sqlite3.Connection) -> Iterator[SearchDoc]:
    """Areas, announcements, photos, people, organisations, rooms, tracks and figures."""
    programme = "room_id" in {r[1] for r in conn.execute("PRAGMA table_info(forum)")}
    for r in _rows(conn, """
        SELECT a.*, p.title AS parent FROM area a LEFT JOIN area p ON p.id = a.parent_id
        ORDER BY a.pos"""):
        yield SearchDoc(kind="area", id=r["id"], title=r["title"], title_en=r["title_en"],
                        names=_names(r["parent"]), body=r["summary"], body_en=r["summary_en"],
                        date=r["start_date"])
    for r in _rows(conn, "SELECT * FROM announcement ORDER BY date, pos"):
        en = _en(r)
        yield SearchDoc(kind="announcement", id=r["id"], title=r["headline"],
                        title_en=r["title_en"], names=_names(r["subheadline"], r["byline"]),
                        body=_texts(json.loads(r["paragraphs"])),
                        body_en=_texts(r["summary_en"], en.get("subheadline_en"),
                                       en.get("paragraphs_en")),
                        date=r["date"])
    for r in _rows(conn, """
        SELECT ph.*, p.name AS photographer, p.name_en AS photographer_en, a.title AS area,
               a.title_en AS area_en
        FROM photo ph LEFT JOIN person p ON p.id = ph.photographer_id
        LEFT JOIN area a ON a.id = ph.area_id ORDER BY ph.pos"""):
        credit_en = ", ".join(str(p) for p in (r["photographer_en"], _en(r).get("credit_role_en"))
                              if p)
        yield SearchDoc(kind="photo", id=r["id"], title=r["caption"], title_en=r["caption_en"],
                        names=_names(r["photographer"], r["credit_role"], r["area"]),
                        # One line on a result card: "Photo: Li Yang, staff reporter · Metaverse
                        # Area" (the Chinese joins its names with 、), not two run together.
                        body_en=" · ".join(p for p in (f"Photo: {credit_en}" if credit_en else "",
                                                         r["area_en"]) if p))
    for r in _rows(conn, """
        SELECT p.*, o.name AS org,
          (SELECT json_group_array(fs.said) FROM forum_speaker fs WHERE fs.person_id = p.id) AS said
        FROM person p LEFT JOIN organization o ON o.id = p.organization_id ORDER BY p.pos"""):
        quotes = [q for said in json.loads(r["said"] or "[]") for q in json.loads(said)]
        yield SearchDoc(kind="person", id=r["id"], title=r["name"], title_en=r["name_en"],
                        names=_names(r["org"]), body=_texts(r["title"], quotes),
                        body_en=r["title_en"] or "", pinyin_alt=tuple(json.loads(r["pinyin_alt"])))
    for r in _rows(conn, """
        SELECT o.*, p.name AS parent FROM organization o
        LEFT JOIN organization p ON p.id = o.parent_id ORDER BY o.pos"""):
        yield SearchDoc(kind="organization", id=r["id"], title=r["name"], title_en=r["name_en"],
                        names=_names(r["short_name"], r["parent"]),
                        body_en=_texts(_en(r).get("short_name_en")))
    if programme:
        for kind in ("room", "track"):
            for r in _rows(conn, f"SELECT * FROM {kind} ORDER BY pos"):  # kind: one of two fixed names
                yield SearchDoc(kind=kind, id=r["id"], title=r["title"], title_en=r["title_en"])
    for r in _rows(conn, "SELECT * FROM figure ORDER BY pos"):
        yield SearchDoc(kind="figure", id=r["id"], title=r["label"], title_en=r["label_en"],
                        body=r["quote"],
                        body_en=str(_en(r).get("quote_en") or r["unit_en"]),
                        date=str(r["year"]) if r["year"] else None)


def build_search_index(
    conn: sqlite3.Connection, progress: Callable[[int], None] | None = None
) -> int:
    """Create the search tables and index every item (inside the caller's transaction)."""
    create_index(conn)
    return index_documents(conn, search_documents(conn), progress)
