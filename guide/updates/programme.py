"""Staff "Open programme…": a schedule file becomes the content in use, the same way a pack does.

The schedule (frab XML/JSON, iCalendar, spreadsheet) is imported into a pack folder,
validated and built into a staged database beside the slot, compared with the content
in use, and committed by :func:`guide.updates.install.commit_update` like a signed pack,
so the change summary, the atomic swap, "Restore previous content" and the bookmarks
(kept by id: an imported session's id is its guid) all work unchanged. The staff member
chose the file at the machine, so no signature is asked for; the version is the next
one for that programme, so opening a corrected file again always counts as newer.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from guide.files import file_lock
from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.install import ImportedProgramme, PreparedUpdate
from guide.updates.log import log
from guide.updates.staging import Progress, Staging, remove_stale_files, stage_progress, staging
from guide.updates.state import (
    PROGRAMME_LOCK,
    STAFF_SIGNER,
    ContentIdentity,
    ContentSlot,
    db_identity,
    default_slot,
    read_state,
    slot_lock,
)

if TYPE_CHECKING:
    from guide.content.same_item import Listing
    from guide.programme.normalise import Programme

__all__ = ["STAFF_SIGNER", "prepare_programme"]


def prepare_programme(source: Path, *, current_db: Path | None, timezone: str | None = None,
                      slot: ContentSlot | None = None,
                      progress: Progress | None = None) -> PreparedUpdate:
    """Import, validate and build ``source`` into a staged database; compute its change summary.

    ``timezone`` is used for files that name none (spreadsheets, Pentabarf). Raises
    :class:`UpdateRefused` (``invalid-content``, with every bad cell or error in ``details``).
    """
    from guide.content.build import build_content_db
    from guide.content.loader import PackInvalid, load_pack
    from guide.programme.importer import pack_id_of, read_programme, write_pack
    from guide.programme.message import Message, message_of
    from guide.programme.model import ProgrammeError, ProgrammeUnreadable
    from guide.programme.spreadsheet import SpreadsheetInvalid

    slot = slot or default_slot()
    source = Path(source)
    log.info("preparing programme %s", source)
    with staging(slot, current_db) as stage:
        try:
            if progress:
                progress("verify", 0, 1)
            fmt, programme = read_programme(str(source), fallback_timezone=timezone)
        except SpreadsheetInvalid as exc:
            raise UpdateRefused(errors.INVALID_CONTENT, Message(
                "{file}: {count} bad cell(s)", file=source.name, count=len(exc.errors)),
                exc.errors) from exc
        except ProgrammeUnreadable as exc:  # not bad values: nothing could be read
            raise UpdateRefused(errors.CORRUPT, message_of(exc)) from exc
        except ProgrammeError as exc:
            raise UpdateRefused(errors.INVALID_CONTENT, message_of(exc)) from exc
        current = stage.current
        programme = _continuing(programme, fmt, current, current_db, source.name)
        pack_id = pack_id_of(programme)
        # One import numbers and builds at a time, so a second window's import sees the first's
        # staged database and takes the next number: two at once were both "version 3".
        # (Removed after: no file is left in the slot by a refused or stopped import.)
        with file_lock(slot.root / PROGRAMME_LOCK, remove=True):
            version = _next_version(stage, pack_id)
            write_pack(programme, stage.work, source=source.name, version=version)
            try:
                pack = load_pack(stage.work)
            except PackInvalid as exc:
                raise UpdateRefused(errors.INVALID_CONTENT, Message(
                    "the imported programme does not validate"), [str(e) for e in exc.errors]) from exc
            build_content_db(stage.work, stage.staged, stage_progress(progress, "build"), pack=pack)
            sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
            stage.record({"signer": STAFF_SIGNER, "signer_key_id": "", "pack_sha256": sha256})
        summary = stage.finish(progress)
    log.info("prepared programme %s version %d from %s: %s", pack_id, version, source,
             "; ".join(summary.lines()))
    report = programme.report
    # "where: what", each a Message the window says in its own language.
    skipped = tuple(Message("{where}: {what}", where=e["where"], what=e["reason"])
                    for e in report.skipped)
    repaired = tuple(Message("{where}: {what}", where=e["where"], what=e["repair"])
                     for e in report.repaired)
    for line in skipped:
        log.info("left out %s", line)
    notices = tuple(Message("{where}: {what}", where=e["where"], what=e["notice"])
                    for e in report.notices)
    for line in notices:  # e.g. a sheet without ids: bookmarks will not follow edits
        log.info("note %s", line)
    columns = tuple(Message("{where}: {what}", where=e["where"], what=e["reason"])
                    for e in report.columns)
    for line in columns:
        log.info("column not read %s", line)
    return PreparedUpdate(
        slot=slot, staged_db=stage.staged, pack_file=source, pack_sha256=sha256, pack_id=pack_id,
        version=version, title=pack.info.title, title_en=pack.info.title_en, signer=STAFF_SIGNER,
        signer_key_id="", current_version=current.version if current is not None else None,
        summary=summary, baseline_db=stage.baseline_db, baseline=stage.baseline,
        skipped=skipped, repaired=repaired, notices=notices, columns=columns, programme=ImportedProgramme(
            file=source.name, sessions=len(programme.forum),
            days=tuple(sorted({s["date"] for s in programme.forum if s["date"]})),
            timezone=programme.timezone, zone_assumed=programme.zone_assumed))


def _next_version(stage: Staging, pack_id: str) -> int:
    """The number of this machine's next import of ``pack_id``: above the content in use, the
    slot's current and previous content and every import prepared and not yet loaded or thrown
    away (its staged database, built under :data:`PROGRAMME_LOCK` as this one is)."""
    slot = stage.slot
    with slot_lock(slot):  # state.json and the staged files as a commit leaves them, not between
        remove_stale_files(slot)  # a killed window's prepared import holds no number
        state = read_state(slot)
        versions = [state.floor(pack_id), *(e.version for e in (state.current, state.previous)
                                            if e is not None and e.pack_id == pack_id)]
        for staged in slot.root.glob(".stage-*.db"):
            found = db_identity(staged) if staged != stage.staged else None
            if found is not None and found.signer == STAFF_SIGNER and found.pack_id == pack_id:
                versions.append(found.version)
    if stage.current is not None and stage.current.pack_id == pack_id:
        versions.append(stage.current.version)
    return max(versions) + 1


def _continuing(programme: Programme, fmt: str, current: ContentIdentity | None,
                current_db: Path | None, file: str) -> Programme:
    """A spreadsheet of the same event opened over a programme staff loaded from a spreadsheet
    is its next version: same pack id, same title (see :mod:`guide.programme.continuing`); so
    is the same nameless calendar (``file``) over the previous release's ``programme``."""
    from guide.programme.continuing import continuing

    if current is None or current.signer != STAFF_SIGNER or current_db is None:
        return programme
    return continuing(programme, fmt, current.pack_id, current.title, current.source,
                      lambda: _listings(current_db), file=file)


def _listings(current_db: Path) -> list[Listing]:
    """What the sessions of the content in use show: title, day, start and room."""
    import sqlite3

    from guide.content.same_item import forum_listings

    conn = sqlite3.connect(f"{current_db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [listing for listing, _guid in forum_listings(conn).values()]
    finally:
        conn.close()
