"""What the empty search page suggests: topics of the content itself, each finding something.

A pack names its topics (``search_topics`` in pack.toml, kept in the database's meta); an
imported programme has none, and its tracks are what its sessions are about (a session's
search names hold its track, so a track's title finds its sessions). The guide once offered
the Zhongguancun forum's topics whatever it showed: with a congress programme, each of them
found nothing.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from guide.content.database import has_table
from guide.search import search

MAX_TOPICS = 8


@dataclass(frozen=True)
class Topic:
    """A suggestion: its text, and the other spellings that find it ("" when none does)."""

    text: str
    text_en: str = ""
    pinyin: str = ""
    kind: str = ""  # "track" for a programme's track, "" for a pack's own topic


def search_topics(db: sqlite3.Connection, limit: int = MAX_TOPICS) -> list[Topic]:
    """Up to ``limit`` topics to suggest, each of whose spellings finds at least one item:
    the pack's own topics, else the programme's tracks, else its first forums' titles (a
    database built before packs named topics has neither of the others)."""
    for candidates in (_pack_topics, _tracks, _forum_titles):
        found: list[Topic] = []
        for topic in candidates(db):
            if len(found) == limit:
                break
            if not _finds(db, topic.text):
                continue
            english = topic.text_en if topic.text_en != topic.text and _finds(db, topic.text_en) else ""
            found.append(Topic(topic.text, english, topic.pinyin if _finds(db, topic.pinyin) else "",
                               topic.kind))
        if found:
            return found
    return []


def _finds(db: sqlite3.Connection, text: str) -> bool:
    return bool(text) and bool(search(db, text, limit=1))


def _pack_topics(db: sqlite3.Connection) -> list[Topic]:
    row = db.execute("SELECT value FROM meta WHERE key = 'search_topics'").fetchone()
    try:
        topics = json.loads(row[0]) if row else []
        return [Topic(str(t["text"]), str(t.get("text_en", "")), str(t.get("pinyin", "")))
                for t in topics]
    except (ValueError, TypeError, KeyError):  # a hand-edited database: no topics
        return []


def _tracks(db: sqlite3.Connection) -> list[Topic]:
    if not has_table(db, "track"):
        return []
    rows = db.execute("SELECT title, title_en FROM track ORDER BY pos").fetchall()
    return [Topic(title, title_en or "", kind="track") for title, title_en in rows]


def _forum_titles(db: sqlite3.Connection) -> list[Topic]:
    rows = db.execute("SELECT title, title_en FROM forum ORDER BY date, start_time IS NULL, start_time, pos"
                      " LIMIT ?",
                      [MAX_TOPICS]).fetchall()
    return [Topic(title, title_en or "") for title, title_en in rows]


def advice_example(topics: list[Topic]) -> Topic | None:
    """The topic whose other spellings the "nothing found" advice shows, when one has both."""
    return next((t for t in topics if t.text_en and t.pinyin), None)
