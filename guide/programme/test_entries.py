"""Sessions and rooms that look like the organiser's test data, named in the import's report.

Real exports carry them: the 39C3 schedule of 6 December 2025 has a session "test-andi2" by
"andi" in a room "andi-test-raum", which the guide showed visitors as a real session and
counted among the rooms. A name looks like test data when it is short (three words at most)
and has a word such as "test" or "dummy" ("test-andi2", "Testraum 2", "测试会场").

Losing a real session is worse than showing a test one, so a session is left out only on
strong evidence: its title and its room both look like test data and it has no abstract or
description. A room is left out only when it looks like test data and no session is left in
it. Everything else that looks like test data is kept and named in the report's notices, for
staff to decide; ``keep=True`` (``guide import --keep-test-entries``) keeps everything.
"""

from __future__ import annotations

import re

from guide.programme.message import Message
from guide.programme.model import RawEvent, RawProgramme

# A test word on its own, or starting a word with a room's or session's word or a number
# after it ("testraum", "test2"); not inside a word ("contest", "Testament", "attest").
_MARK = re.compile(r"(?<![^\W\d_])(?:test|dummy|placeholder|lorem|asdf)"
                   r"(?:raum|room|event|session|talk|vortrag|saal|track)?\d*(?![^\W\d_])",
                   re.IGNORECASE)
_MARK_ZH = "测试"
MAX_WORDS = 3  # "Reverse-Turing-Test" in a four-word title is a real game show
MAX_CHINESE = 8  # characters: "测试会场" is a test room, "软件测试与质量保障论坛" a forum


def looks_like_test(name: str) -> bool:
    """True when ``name`` (a session's title or a room's) reads as test data: short, with a
    test word in it."""
    words = name.split()
    if not words or len(words) > MAX_WORDS:
        return False
    if _MARK_ZH in name:
        return len("".join(words)) <= MAX_CHINESE
    return _MARK.search(name) is not None


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _strong(event: RawEvent) -> bool:
    """Title and room both test data, and nothing said about it: nothing real lost."""
    return (looks_like_test(event.title) and looks_like_test(event.room)
            and not event.abstract.strip() and not event.description.strip())


def mark_test_entries(raw: RawProgramme, *, keep: bool = False) -> None:
    """Name in ``raw``'s notices the sessions and rooms that look like test data; unless
    ``keep``, mark the sessions with strong evidence skipped and take out the test rooms
    left without a session (said in ``raw.left_out``)."""
    rooms: dict[str, str] = {}  # key -> the name as the file first gives it
    for room in raw.rooms:
        rooms.setdefault(_key(room.name), room.name)
    kept: dict[str, int] = {}  # room key -> sessions still in it
    for event in raw.events:
        if event.skip:
            continue
        if event.room:
            rooms.setdefault(_key(event.room), event.room)
        if _strong(event) and not keep:
            event.skip = Message("looks like test data: its title {title!r} and its room {room!r} "
                                 "say test and it has no description; left out (give it a real "
                                 "title, or import with --keep-test-entries to keep it)",
                                 title=event.title, room=event.room)
            continue
        if event.room:
            kept[_key(event.room)] = kept.get(_key(event.room), 0) + 1
        if looks_like_test(event.title):
            raw.notices.append((event.where, Message(
                "{title!r} looks like test data (its title and room); kept: delete it from the "
                "schedule if it is not a real session", title=event.title)
                if looks_like_test(event.room) else Message(
                "{title!r} looks like test data (its title); kept: delete it from the schedule if "
                "it is not a real session", title=event.title)))
    gone: set[str] = set()
    for key, name in rooms.items():
        if not looks_like_test(name):
            continue
        count = kept.get(key, 0)
        if count or keep:
            raw.notices.append((Message("room {room}", room=name), Message(
                "the room's name looks like test data; kept, with {count} session(s)", count=count)))
        else:
            gone.add(key)
            raw.left_out.append((Message("room {room}", room=name), Message(
                "looks like test data and has no session left; left out")))
    raw.rooms = [r for r in raw.rooms if _key(r.name) not in gone]
