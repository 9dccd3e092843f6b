"""Find the content database to open, building or upgrading it when it is missing or stale."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guide import paths
from guide.content.pack_folder import PACK_META, fingerprint
from guide.content.schema import SCHEMA_VERSION, migrate, schema_version


def _stored(path: Path) -> tuple[int, str | None]:
    """(schema version, pack fingerprint) of a database file; (0, None) if unreadable."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = schema_version(conn)
            row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            return version, row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return 0, None


def is_current(db_path: Path, pack_dir: Path) -> bool:
    """True when ``db_path`` holds the current schema built from exactly this pack."""
    if not db_path.is_file():
        return False
    version, stored = _stored(db_path)
    return version == SCHEMA_VERSION and stored == fingerprint(pack_dir)


def upgrade_in_place(db_path: Path) -> list[int]:
    """Migrate an older content database to the current schema, atomically.

    The migration runs on a copy that replaces the original only when complete, so
    an interrupted upgrade leaves the old database as it was.
    """
    version, _ = _stored(db_path)
    if version >= SCHEMA_VERSION or version == 0:
        return []
    import os
    import tempfile

    from guide.files import atomic_replace, remove_stale_temps

    remove_stale_temps(db_path.parent, f".{db_path.name}.")  # copies of upgrades that were killed
    # A copy of its own per program (the pid lets a later start remove it if this one is
    # killed): two guides started at once on an old file each upgrade their own copy,
    # where one shared name let the second overwrite the copy the first was migrating.
    fd, name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=f".{os.getpid()}.tmp",
                                dir=db_path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        shutil.copyfile(db_path, tmp)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            passed = migrate(conn)
        finally:
            conn.close()
        if _stored(db_path)[0] < SCHEMA_VERSION:  # not upgraded by another program meanwhile
            atomic_replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return passed


def remove_leftovers() -> None:
    """Temp files of killed applies, polls and builds go at the next start (logged)."""
    import logging

    from guide.files import remove_stale_temps
    from guide.updates.state import default_slot

    root = default_slot().root
    for folder in (root, root / "incoming", root.parent):
        for path in remove_stale_temps(folder):
            logging.getLogger("guide.updates").info("removed %s, left by a process that was killed",
                                                    path)


def ensure_content_db(
    explicit: Path | None = None, progress: Callable[[int, int], None] | None = None,
    *, tidy: bool = True,
) -> Path:
    """The content database to open.

    An explicit path is used as given (upgraded if its schema is older). Otherwise the
    content installed from a signed pack (guide.updates, in the user data folder) is
    used, unless the bundled pack has a newer version of it; then the
    bundled database is used when it matches the bundled pack; if it is missing or
    stale it is rebuilt: beside the pack in a checkout, or in the user data folder
    when the app is frozen, whose own files are never written.
    """
    if explicit is not None:
        explicit = Path(explicit)
        if explicit.is_file():
            upgrade_in_place(explicit)
        return explicit
    pack_dir = paths.bundled_pack_dir()
    if tidy:  # the window does it after its first frame (remove_leftovers)
        remove_leftovers()
    # Content installed by staff or a kiosk update wins, unless the app ships a newer version.
    if paths.installed_content_dir().is_dir():  # nothing installed, nothing to read: most starts
        from guide.updates.state import installed_content_db

        installed = installed_content_db(pack_dir)
        if installed is not None:
            upgrade_in_place(installed)
            return installed
    return shipped_content_db(progress)


def shipped_content_db(progress: Callable[[int, int], None] | None = None) -> Path:
    """The database of the content shipped with the guide, whatever is installed: the bundled
    database when it matches the bundled pack, else built from it (see :func:`ensure_content_db`)."""
    pack_dir = paths.bundled_pack_dir()
    bundled = paths.bundled_content_db()
    if not (pack_dir / PACK_META).is_file():
        return bundled  # no pack to build from: use what ships, or fail clearly on open
    if is_current(bundled, pack_dir):
        return bundled
    target = paths.user_data_dir() / "content" / "content.db" if paths.is_frozen() else bundled
    if not is_current(target, pack_dir):
        from guide.content.build import build_content_db  # pydantic: only when building

        build_content_db(pack_dir, target, progress)
    return target


@dataclass(frozen=True)
class OpenedContent:
    """The content database opened for the guide, and what stands in for a damaged one.

    ``damaged`` is the file that failed its check when the previous content was opened
    instead (None when the first choice was healthy); ``problem`` says what was wrong (for
    the log); ``from_programme`` says the damaged content came from a schedule file staff
    opened with "Open programme..." (the way back is to open that file again, as no pack
    file exists to install). The words staff read are the caller's: the CLI's, or the
    window's translated ones.
    """

    db: sqlite3.Connection
    path: Path
    damaged: Path | None = None
    problem: str = ""
    from_programme: bool = False


def open_checked_content(
    explicit: Path | None = None, progress: Callable[[int, int], None] | None = None,
    *, tidy: bool = True,
) -> OpenedContent:
    """Find, check (``PRAGMA quick_check``) and open the content database.

    When installed content fails its check, or no longer opens as content at all (a header
    overwritten, a file emptied), and the slot keeps a previous database, that one is opened
    instead and the fallback is logged. Raises
    :class:`guide.content.database.ContentDbError` with one clear sentence otherwise.
    ``tidy=False`` leaves removing killed runs' temp files to the caller (:func:`remove_leftovers`).
    """
    from guide.content.database import ContentDbError, open_content_db

    path = ensure_content_db(explicit, progress, tidy=tidy)
    try:
        return OpenedContent(open_content_db(path, check=True, for_search=True), path)
    except ContentDbError as exc:
        # The slot's current file is one the guide installed and checked: whatever it has
        # become since, it is damaged, unless a newer guide wrote it (then this one is old).
        fallback = _previous_content(path) if not exc.newer and explicit is None else None
        if fallback is None:
            raise
        previous, from_programme = fallback
        try:
            db = open_content_db(previous, check=True, for_search=True)
        except ContentDbError:
            raise exc from None
        import logging

        logging.getLogger("guide").error("%s; opening the previous content %s instead", exc, previous)
        return OpenedContent(db, previous, damaged=path, problem=str(exc),
                             from_programme=from_programme)


def _previous_content(current: Path) -> tuple[Path, bool] | None:
    """The slot's previous database when ``current`` is the slot's current one, and whether
    the current one was made by staff from a schedule file ("Open programme...")."""
    from guide.updates.state import STAFF_SIGNER, SlotStateError, default_slot, read_state

    slot = default_slot()
    try:
        state = read_state(slot)
    except SlotStateError:
        return None
    if state.current is None or state.previous is None:
        return None
    if slot.path(state.current).resolve() != current.resolve():
        return None
    previous = slot.path(state.previous)
    return (previous, state.current.signer == STAFF_SIGNER) if previous.is_file() else None
