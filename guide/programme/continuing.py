"""A spreadsheet imported again over an earlier import of the same event: the same programme.

A sheet names its programme after its file's name only, and a corrected sheet is saved under
another name (``programme-v2.xlsx``), which made another pack, named after that file in the
title bar, with its own version count; the kiosks refused it as another pack's content. So a
sheet of the same event (see :func:`same_event`) imported over a programme that came from a
sheet keeps that programme's pack id and title. Staff's "Open programme…" compares it with the
content in use (:mod:`guide.updates.programme`), ``guide import`` with the pack folder an
earlier import wrote (:func:`earlier_import`).
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from guide.content.pack_folder import PACK_META
from guide.content.same_item import Listing, norm, similar_titles
from guide.programme.normalise import Programme

SHEETS = ("xlsx", "csv")  # the formats whose programme is named after the file
# The previous release's pack id of every programme whose file names no title (an .ics without
# X-WR-CALNAME); such a file is now named after itself, and its re-import must stay an update.
NAMELESS_ID = "programme"


@dataclass(frozen=True)
class EarlierImport:
    """The pack an earlier ``guide import`` left in a pack folder."""

    folder: Path
    pack_id: str
    version: int
    title: str
    source: str  # the name of the file it was imported from

    def listings(self) -> list[Listing]:
        """What its sessions' rows show (title, day, start, room), read from its files; none
        when they cannot be read (it is then no programme a sheet continues)."""
        rooms: dict[str, str] = {}
        forum: list[dict[str, Any]] = []
        try:
            for path in sorted(self.folder.glob("*.json")):
                body = json.loads(path.read_text(encoding="utf-8"))
                rooms.update({r["id"]: r["title"] for r in body.get("room", ())})
                forum += body.get("forum", ())
            return listings(forum, rooms)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return []


def earlier_import(folder: Path) -> EarlierImport | None:
    """The pack an earlier import wrote in ``folder``; None when there is none or its
    ``pack.toml`` cannot be read (the import then says so, see ``check_out_folder``)."""
    try:
        meta = tomllib.loads((Path(folder) / PACK_META).read_text(encoding="utf-8"))["pack"]
        version = meta["version"]
        if not isinstance(version, int) or isinstance(version, bool):
            return None
        return EarlierImport(Path(folder), str(meta["id"]), version, str(meta.get("title", "")),
                             str(meta.get("source", "")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
        return None


def listings(forum: Iterable[Mapping[str, Any]], rooms: Mapping[str, str]) -> list[Listing]:
    """The listings of an imported programme's sessions (``rooms``: room titles by id)."""
    return [Listing.of(f["title"], f.get("title_en"), f.get("date"), str(f.get("start", ""))[11:16],
                       rooms.get(f.get("room", "")))
            for f in forum]


def from_sheet(fmt: str, source: str) -> bool:
    """Whether both the file being imported and the earlier programme's are spreadsheets."""
    return fmt in SHEETS and source.lower().endswith(tuple(f".{s}" for s in SHEETS))


def nameless_before(programme: Programme, pack_id: str, source: str, file: str) -> bool:
    """Whether ``programme``, read from ``file`` that names no title (it took the file's name),
    may be the next version of the previous release's nameless programme (``pack_id``
    ``programme``) imported from a file of the same name (``source``; versions aside, as
    会议日程-v2.ics and 会议日程.ics): that release gave both the id ``programme``."""
    from guide.programme.pack_names import file_title

    def named(name: str) -> str:
        return file_title(Path(name.rsplit("/", 1)[-1]).stem)

    return (pack_id == NAMELESS_ID and bool(source) and bool(file) and not programme.acronym
            and programme.title == named(file) and named(source) == named(file))


def continuing(programme: Programme, fmt: str, pack_id: str, title: str, source: str,
               before: Callable[[], Sequence[Listing]], file: str = "") -> Programme:
    """``programme`` as the next version of the earlier one (``pack_id``, ``title``, imported
    from the file ``source``, whose sessions ``before`` lists) when both are spreadsheets of the
    same event, or (see :func:`nameless_before`) when ``file`` is the same nameless file as the
    previous release's ``programme`` and of the same event; as it is otherwise: another event's
    sheet is a programme of its own (made the next version, it took the first one's name)."""
    sheets = from_sheet(fmt, source)
    if not (sheets or nameless_before(programme, pack_id, source, file)) \
            or not same_event(programme, before()):
        return programme
    if not sheets:  # the id only: the file's name is its title now, not the old "Programme"
        return replace(programme, acronym=pack_id)
    return replace(programme, acronym=pack_id, title=title or programme.title)


def same_event(programme: Programme, before: Sequence[Listing]) -> bool:
    """Whether at least half the sessions of the smaller programme are in both: by title on
    the same day, or by day and start in the same room (without rooms: with a title like the other's, as
    "开幕式" corrected to "开幕式（更正）"). A corrected sheet shares nearly all; another event's,
    numbered S1, S2 … as well, shares next to none; one held on other days (a workshop's sheet
    of 开幕式, 茶歇 and 午餐 a year later) is never the same, whatever its titles share."""
    if _apart(programme, before):
        return False
    # A title counts on its own day only: 开幕式, 茶歇 and 午餐 are in every programme.
    titles = {(norm(s.title), s.date) for s in before}
    slots: dict[tuple[str | None, str | None], list[Listing]] = {}
    for s in before:
        slots.setdefault((s.date, s.start), []).append(s)
    rooms = {r["id"]: r["title"] for r in programme.room}
    shared = 0
    for new in listings(programme.forum, rooms):
        shared += (norm(new.title), new.date) in titles or any(
            (s.venue is not None and new.venue is not None and norm(s.venue) == norm(new.venue))
            or (s.venue is None and new.venue is None and similar_titles(s.title, new.title))
            for s in slots.get((new.date, new.start), ()) if new.start)
    return shared > 0 and 2 * shared >= min(len(programme.forum), len(before))


def _apart(programme: Programme, before: Sequence[Listing]) -> bool:
    """Whether the two programmes' days are more than a week apart (both giving dates): a
    corrected sheet may move a session by a day or two, not to another month."""
    new = sorted(str(f.get("date") or "")[:10] for f in programme.forum if f.get("date"))
    old = sorted(s.date for s in before if s.date)
    if not new or not old:
        return False
    try:
        first_new, last_new = (dt.date.fromisoformat(d) for d in (new[0], new[-1]))
        first_old, last_old = (dt.date.fromisoformat(d) for d in (old[0], old[-1]))
    except ValueError:
        return False
    week = dt.timedelta(days=7)
    return first_new > last_old + week or first_old > last_new + week
