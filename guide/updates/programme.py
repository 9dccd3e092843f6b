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
import shutil
import sqlite3
from pathlib import Path

from guide.files import now_iso
from guide.updates import errors
from guide.updates.changes import compare_content
from guide.updates.errors import UpdateRefused
from guide.updates.install import PreparedUpdate, Progress, _stage, _token, remove_stale_files
from guide.updates.log import log
from guide.updates.state import ContentSlot, InstalledContent, db_identity, default_slot, read_state

STAFF_SIGNER = "staff import"


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
    from guide.programme.model import ProgrammeError
    from guide.programme.spreadsheet import SpreadsheetInvalid

    slot = slot or default_slot()
    source = Path(source)
    log.info("preparing programme %s", source)
    state = read_state(slot)
    current = db_identity(current_db)
    slot.root.mkdir(parents=True, exist_ok=True)
    remove_stale_files(slot)
    token = _token()
    work, staged = slot.root / f".work-{token}", slot.root / f".stage-{token}.db"
    baseline_db: Path | None = None
    try:
        try:
            if progress:
                progress("verify", 0, 1)
            _fmt, programme = read_programme(str(source), timezone=timezone)
        except SpreadsheetInvalid as exc:
            raise UpdateRefused(errors.INVALID_CONTENT, f"{source.name}: {len(exc.errors)} bad "
                                "cell(s)", exc.errors) from exc
        except ProgrammeError as exc:
            raise UpdateRefused(errors.INVALID_CONTENT, str(exc)) from exc
        pack_id = pack_id_of(programme)
        in_use = current.version if current is not None and current.pack_id == pack_id else 0
        version = max(state.floor(pack_id), in_use) + 1
        write_pack(programme, work, source=source.name, version=version)
        try:
            pack = load_pack(work)
        except PackInvalid as exc:
            raise UpdateRefused(errors.INVALID_CONTENT, "the imported programme does not validate",
                                [str(e) for e in exc.errors]) from exc
        build_content_db(work, staged, _stage(progress, "build"), pack=pack)
        sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
        conn = sqlite3.connect(staged, isolation_level=None)
        try:
            conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [
                ("signer", STAFF_SIGNER), ("signer_key_id", ""), ("pack_sha256", sha256)])
        finally:
            conn.close()
        if progress:
            progress("compare", 0, 1)
        summary = compare_content(current_db, staged)
        baseline = None
        if state.current is None and current is not None and current_db is not None:
            baseline_db = slot.root / f".base-{token}.db"
            shutil.copyfile(current_db, baseline_db)
            baseline = InstalledContent(file="", pack_id=current.pack_id, version=current.version,
                                        signer=current.signer, installed_at=now_iso(),
                                        origin="baseline")
    except BaseException:
        staged.unlink(missing_ok=True)
        if baseline_db is not None:
            baseline_db.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("prepared programme %s version %d from %s: %s", pack_id, version, source,
             "; ".join(summary.lines()))
    return PreparedUpdate(
        slot=slot, staged_db=staged, pack_file=source, pack_sha256=sha256, pack_id=pack_id,
        version=version, title=pack.info.title, title_en=pack.info.title_en, signer=STAFF_SIGNER,
        signer_key_id="", current_version=current.version if current is not None else None,
        summary=summary, baseline_db=baseline_db, baseline=baseline)
