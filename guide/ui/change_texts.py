"""What the staff import's question says: a pack's or programme's title and version, what it
adds, changes and removes, the time zone a programme is read in, and that a switch replaces
the content shown (texts only, in the UI's language; :mod:`guide.ui.content_update` asks)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from guide.ui import text as tx
from guide.ui.kinds import kind_label

if TYPE_CHECKING:
    from guide.updates.api import ChangeSummary, ImportedProgramme, PreparedUpdate

SHOWN_TITLES = 5  # per kind and change, in the confirmation


def summary_text(summary: ChangeSummary, lang: str) -> str:
    """What a new pack adds, changes and removes, by kind, with the first few titles; an
    imported programme's forums are its sessions, and are called so, whether staff opened its
    file or the content team's signed pack of it."""
    if summary.empty:
        return tx.tr("No items are added, changed or removed.")
    lines = []
    parts = []  # (label, kind's changes): the forums a switch removes are called what they were
    for k in summary.kinds:
        if k.kind != "forum":
            parts.append((kind_label(k.kind), k))
        elif summary.sessions == summary.removed_sessions or not k.removed:
            parts.append((tx.tr("Sessions") if summary.sessions else kind_label(k.kind), k))
        else:
            named = {True: tx.tr("Sessions"), False: kind_label(k.kind)}
            if k.added or k.changed:
                parts.append((named[summary.sessions], replace(k, removed=())))
            parts.append((named[summary.removed_sessions], replace(k, added=(), changed=())))
    for label, k in parts:
        counts = tx.tr("%1 added, %2 changed, %3 removed").replace("%1", str(len(k.added))) \
            .replace("%2", str(len(k.changed))).replace("%3", str(len(k.removed)))
        lines.append(tx.labelled(label, counts, lang))
        for sign, refs in (("+", k.added), ("~", k.changed), ("−", k.removed)):
            for ref in refs[:SHOWN_TITLES]:
                lines.append(f"   {sign} {tx.pick(ref.title, ref.title_en, lang)}")
            if len(refs) > SHOWN_TITLES:
                lines.append(f"   {sign} … (+{len(refs) - SHOWN_TITLES})")
    if summary.removed:
        lines.append("")
        lines.append(tx.tr("Bookmarks of removed items stay, marked “no longer in the guide”."))
    return "\n".join(lines)


def filled(template: str, *values: str) -> str:
    """``template`` with %1, %2 … replaced at once (a title holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], template)


def question_text(prepared: PreparedUpdate, lang: str) -> str:
    """What "Load this content?" is about: a signed pack's title, version and signer; an
    imported programme's title, file, sessions and days (staff chose the file: no signer)."""
    title = tx.pick(prepared.title, prepared.title_en, lang)
    imported = prepared.programme
    if imported is None:
        return filled(tx.tr("Content pack %1, version %2, signed by %3."),
                       title, str(prepared.version), prepared.signer or "?")
    text = filled(tx.tr("Programme “%1” from the file %2, version %3."),
                   title, imported.file, str(prepared.version))
    if not imported.days:
        return text
    first, last = dt.date.fromisoformat(imported.days[0]), dt.date.fromisoformat(imported.days[-1])
    when = tx.format_date(first, lang) if first == last else tx.format_period(first, last, lang)
    return text + "\n" + filled(tx.tr("Sessions: %1. Days: %2 (%3)."), str(imported.sessions),
                                 str(len(imported.days)), when)


def _zone_named(zone: str, days: tuple[str, ...]) -> str:
    """``zone`` with its offset from UTC on the programme's first day: "Asia/Shanghai (UTC+8)"."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        day = dt.date.fromisoformat(days[0]) if days else dt.date.today()
        offset = dt.datetime.combine(day, dt.time(12), ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return zone
    if offset is None:
        return zone
    minutes = int(offset.total_seconds()) // 60
    sign, minutes = ("+" if minutes >= 0 else "−"), abs(minutes)
    hours = f"{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")
    return f"{zone} (UTC{sign}{hours})"


def zone_text(imported: ImportedProgramme, shown_zone: str) -> str:
    """The time zone an imported programme's times are read in, and why when its file names
    none (a Chinese sheet opened over 39C3 had silently taken Europe/Berlin)."""
    zone = _zone_named(imported.timezone, imported.days)
    if not imported.zone_assumed:
        return filled(tx.tr("Times are in %1, as the file says."), zone)
    if imported.timezone == shown_zone:
        return filled(tx.tr("The file names no time zone: its times are read as %1, the zone of "
                             "the content shown."), zone)
    return filled(tx.tr("The file names no time zone: its times are read as China time, %1, as "
                         "the file is in Chinese; the content shown is in %2."),
                   zone, _zone_named(shown_zone, imported.days))


def switch_text(shown: str) -> str:
    """What loading a signed pack of other content than ``shown`` (its name) does: it replaces
    the content, it is no update of it."""
    return filled(tx.tr("This is other content, not an update of the content shown now (“%1”): "
                         "loading it replaces that content. Bookmarks stay; “Restore previous "
                         "content” goes back."), shown)
