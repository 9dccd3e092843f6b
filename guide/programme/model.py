"""What every schedule reader produces: the events as the file gives them, not yet checked.

Readers (frab XML, frab JSON …) only find values; :mod:`guide.programme.normalise` turns
them into absolute times, deduplicated speakers, rooms and tracks, and reports every
event it skipped or repaired.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ProgrammeError(Exception):
    """The schedule cannot be imported at all (unreadable, unknown format, no time zone …)."""


class ProgrammeUnreadable(ProgrammeError):
    """The file cannot be read as its format (empty, damaged, cut short, another kind of
    file): nothing in it could be looked at, unlike a file read with bad values in it."""


class FileUnreadable(ValueError):
    """The file breaks its format at a place the message names, in plain words.

    The importer refuses the file whole and puts the file's name before the message.
    """


@dataclass
class RawPerson:
    """A speaker as one event names them; ``key`` is their id/guid/code when the file has one."""

    name: str
    key: str | None = None


@dataclass
class RawEvent:
    """One event, its values as text exactly as the file gives them."""

    where: str  # for the report, e.g. "day 1, room One, event 1254"
    day: str | None  # the conference day (YYYY-MM-DD) the file files the event under
    source_id: str | None = None
    guid: str | None = None
    title: str = ""
    subtitle: str = ""
    date: str | None = None  # ISO 8601 date-time, with or without an offset
    start: str | None = None  # HH:MM
    duration: str | None = None
    room: str = ""
    track: str = ""
    type: str = ""
    language: str = ""
    abstract: str = ""
    description: str = ""
    url: str = ""
    persons: list[RawPerson] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (url, title)
    dropped_links: list[str] = field(default_factory=list)  # addresses that could not be kept
    # Spreadsheets give English beside Chinese, and hosting organisations.
    title_en: str = ""
    abstract_en: str = ""
    hosts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # repairs the reader made, for the report
    # Why the reader could not use the event (a cancelled event, a date it cannot read):
    # it is reported as skipped with this reason, never dropped unsaid.
    skip: str | None = None


@dataclass
class RawRoom:
    name: str
    guid: str | None = None


@dataclass
class RawProgramme:
    """A whole schedule file as read."""

    format: str
    title: str = ""
    acronym: str = ""
    time_zone: str | None = None
    # Clock time at which a conference day ends (events before it belong to the day before),
    # from the file when it says so.
    day_change: str | None = None
    day_starts: dict[str, str] = field(default_factory=dict)  # conference day -> its start
    rooms: list[RawRoom] = field(default_factory=list)
    tracks: list[tuple[str, str | None]] = field(default_factory=list)  # (name, colour)
    events: list[RawEvent] = field(default_factory=list)
    # Hand-made programmes (spreadsheets, calendars) may leave times open or the end unknown.
    times_optional: bool = False
    # (where, why) of what the file holds outside its events that was not loaded, e.g. a
    # spreadsheet column the guide does not read: reported with the skipped events.
    left_out: list[tuple[str, str]] = field(default_factory=list)
    # (where, why) of each sheet column the guide does not read ("Notes"): its cells only are not
    # loaded, no session is, so it is counted and headed as a column, not with the skipped.
    unread_columns: list[tuple[str, str]] = field(default_factory=list)
    # (where, what) of what was read otherwise than the file says, e.g. UTF-8 text whose
    # XML declaration names ISO-8859-1: reported with the repaired events.
    file_repairs: list[tuple[str, str]] = field(default_factory=list)
    # (where, what) the organiser should know though nothing was lost or changed, e.g. that a
    # sheet without an id column keys sessions by their title and time: reported as notices.
    notices: list[tuple[str, str]] = field(default_factory=list)
