"""Rows of the Rooms and Tracks lists: the name, how many sessions, and (rooms) what is on now
and next there; painted like every card, no widget per row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from guide.content.models import ForumRow
from guide.content.places import RoomRow, TrackRow
from guide.ui import text as tx
from guide.ui.delegates import PAD, CardDelegate, Index, Line, paint_stripe, title
from guide.ui.models.lazy import ItemRole


def session_count(n: int) -> str:
    """"1 session", "12 sessions" / "12场"."""
    return tx.tr("1 session") if n == 1 else tx.tr("%1 sessions").replace("%1", str(n))


def _clock(row: ForumRow, lang: str) -> str:
    return tx.clock(row.start_time, row.end_time, lang, day=row.date, start=row.start, end=row.end)


def status_lines(room: RoomRow, lang: str, today: dt.date) -> tuple[str, str]:
    """("Now: 14:00–14:40 Title", "Next: Sun 28 Dec 15:00 Title") for a room at the clock:
    the next session's day is said when it is not ``today``."""
    on, after = room.status.now, room.status.next
    now = (tx.labelled(tx.tr("Now"), f"{_clock(on, lang)} {tx.pick(on.title, on.title_en, lang)}", lang)
           if on else tx.tr("Nothing on now"))
    if after is None:
        return now, tx.tr("Nothing more scheduled here")
    when = _clock(after, lang)
    # After midnight the clock already names the calendar day; otherwise name a later day.
    calendar_day = after.start.date() if after.start is not None else after.date
    if calendar_day == after.date and after.date != today:
        when = f"{tx.format_short_date(after.date, lang)} {when}"
    return now, tx.labelled(tx.tr("Next"), f"{when} {tx.pick(after.title, after.title_en, lang)}",
                            lang)


def _days(days: tuple[dt.date, ...], lang: str) -> str:
    """The days a track runs: one date, a period when they follow each other, else a list."""
    if len(days) == 1:
        return tx.format_date(days[0], lang)
    if days and (days[-1] - days[0]).days == len(days) - 1:
        return tx.format_period(days[0], days[-1], lang)
    return tx.join_list((tx.format_short_date(d, lang) for d in days), lang)


class RoomDelegate(CardDelegate):
    """A room: its name, its number of sessions, what is on now and what comes next."""

    def lines(self, item: Any) -> tuple[list[Line], str]:
        if not isinstance(item, RoomRow):
            return super().lines(item)
        p, lang = self.palette, self.ctx.state.lang
        now, after = status_lines(item, lang, self.ctx.clock.now().date())
        heading = tx.pick(item.title, item.title_en, lang)
        return ([title(heading, self.font("title", True), p.text),
                 # Whole titles: a cut "now" would hide what is on (4 lines hold any at 200%).
                 Line(now, self.font("body", item.status.now is not None),
                      p.accent if item.status.now else p.muted, wrap=True, max_lines=4),
                 Line(after, self.font("body"), p.muted, wrap=True, max_lines=4)],
                session_count(item.sessions))


class TrackDelegate(CardDelegate):
    """A track: its colour, its name, its number of sessions and the days they are on."""

    SWATCH = 8

    def lines(self, item: Any) -> tuple[list[Line], str]:
        if not isinstance(item, TrackRow):
            return super().lines(item)
        p, lang = self.palette, self.ctx.state.lang
        days, heading = _days(item.days, lang), tx.pick(item.title, item.title_en, lang)
        return ([title(heading, self.font("title", True), p.text),
                 Line(days, self.font("body"), p.muted, wrap=True)],
                session_count(item.sessions))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        item = index.data(ItemRole)
        color = QColor(item.color) if isinstance(item, TrackRow) and item.color else None
        if color is not None and color.isValid():
            # The programme's own colour for the track, as a bar at the card's left edge.
            rect = self.card_rect(option.rect)
            painter.save()
            paint_stripe(painter, QRect(rect.left() + 3, rect.top() + PAD, self.SWATCH // 2,
                                        rect.height() - 2 * PAD), color, self.palette)
            painter.restore()
