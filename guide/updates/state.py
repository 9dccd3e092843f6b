"""The installed-content slot: which content database is current, which is the previous one.

The slot is a folder (by default ``<user data>/content/installed``) holding at most two
content databases plus ``state.json``, the pointer to them::

    {"current": {...entry...}, "previous": {...entry...} | null, "high_water": {"zgc2023": 3}}

Applying or restoring content only writes a new ``state.json`` (atomically, under a
lock): a database file is never modified once it is in the slot, so a running app
keeps reading the file it opened. ``high_water`` is the highest version ever
installed per pack id: rollback protection compares against it, so a version that
was withdrawn with "restore previous" is not installed again by the next poll.

This module is light (no signature library, no pydantic): start-up reads it to find the
content database to open.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from guide.files import atomic_replace, file_lock
from guide.updates.log import log

STATE = "state.json"
LOCK = ".lock"
POLL_LOCK = ".poll.lock"
PROGRAMME_LOCK = ".programme.lock"  # a staff import numbering and building its database
STATE_FORMAT = 1
# Who "signed" content staff opened from a schedule file at the machine (Open programme…):
# no pack file exists to install again, only that file to open again.
STAFF_SIGNER = "staff import"


class SlotStateError(Exception):
    """``state.json`` is unreadable; the slot's content is not used until it is fixed."""


@dataclass(frozen=True)
class ContentSlot:
    """The folder where staff- and kiosk-installed content databases live."""

    root: Path

    def path(self, entry: InstalledContent) -> Path:
        """The database file of an entry."""
        return self.root / entry.file


@dataclass(frozen=True)
class InstalledContent:
    """One content database in the slot."""

    file: str
    pack_id: str
    version: int
    signer: str | None
    installed_at: str
    # "pack": from a signed pack file; "programme": a staff import of a schedule file;
    # "baseline": the content in use before
    origin: str = "pack"
    pack_sha256: str | None = None

    @property
    def staff_import(self) -> bool:
        """Whether staff opened it from a schedule file (entries written before "programme"
        was an origin say so by their signer)."""
        return self.origin == "programme" or self.signer == STAFF_SIGNER


@dataclass(frozen=True)
class SlotState:
    """What the slot holds."""

    current: InstalledContent | None = None
    previous: InstalledContent | None = None
    high_water: Mapping[str, int] = field(default_factory=dict)

    def floor(self, pack_id: str) -> int:
        """The version a new signed pack of ``pack_id`` must exceed.

        A staff import's version is this machine's own count, not the fleet's: it is not in
        ``high_water`` and does not count here, or a kiosk where staff had opened the
        programme twice refused the content team's signed version 2 as "not newer".
        """
        versions = [self.high_water.get(pack_id, 0)]
        if self.current is not None and self.current.pack_id == pack_id and not self.current.staff_import:
            versions.append(self.current.version)
        return max(versions)

    def staff_held(self, pack_id: str, version: int) -> bool:
        """Whether ``version`` of ``pack_id`` here is a staff import's (one an earlier guide
        recorded in ``high_water`` as if signed)."""
        return any(e is not None and e.staff_import and (e.pack_id, e.version) == (pack_id, version)
                   for e in (self.current, self.previous))


def default_slot() -> ContentSlot:
    """``<user data folder>/content/installed`` (``ZGC_GUIDE_DATA`` moves it, like all user state)."""
    from guide import paths

    return ContentSlot(paths.installed_content_dir())


def _entry(raw: Any) -> InstalledContent | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SlotStateError("an entry is not an object")
    try:
        entry = InstalledContent(**raw)
    except TypeError as exc:
        raise SlotStateError(f"bad entry: {exc}") from exc
    if (not isinstance(entry.file, str) or "/" in entry.file or "\\" in entry.file
            or entry.file.startswith(".") or not isinstance(entry.version, int)):
        raise SlotStateError(f"bad entry file or version: {entry.file!r}")
    return entry


def read_state(slot: ContentSlot) -> SlotState:
    """The slot's state; an empty state when nothing was ever installed."""
    try:
        data = (slot.root / STATE).read_bytes()
    except FileNotFoundError:
        return SlotState()
    except OSError as exc:
        raise SlotStateError(f"cannot read {slot.root / STATE}: {exc}") from exc
    try:
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != STATE_FORMAT:
            raise SlotStateError(f"{STATE} has an unknown format")
        high = raw.get("high_water", {})
        if not isinstance(high, dict) or not all(isinstance(v, int) for v in high.values()):
            raise SlotStateError("high_water is not a table of versions")
        return SlotState(_entry(raw.get("current")), _entry(raw.get("previous")), dict(high))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SlotStateError(f"{slot.root / STATE} is damaged: {exc}") from exc


def write_state(slot: ContentSlot, state: SlotState) -> None:
    """Replace ``state.json`` atomically (the one step that switches content)."""
    data = {
        "format": STATE_FORMAT,
        "current": asdict(state.current) if state.current else None,
        "previous": asdict(state.previous) if state.previous else None,
        "high_water": dict(state.high_water),
    }
    slot.root.mkdir(parents=True, exist_ok=True)
    tmp = slot.root / f".{STATE}.{os.getpid()}.tmp"
    try:  # a failed write (a full disk) leaves the old state.json and no temp file
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        atomic_replace(tmp, slot.root / STATE)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def slot_lock(slot: ContentSlot, name: str = LOCK) -> Iterator[None]:
    """Hold one of the slot's locks, across threads and processes.

    ``.lock`` guards state.json (apply, restore); polls take ``.poll.lock`` so that a
    long download never delays a commit at an idle reset. (A staff import holds
    ``.programme.lock`` while it numbers and builds, and ``.lock`` briefly within it, never
    the other way round.)
    """
    slot.root.mkdir(parents=True, exist_ok=True)
    with file_lock(slot.root / name):
        yield


class ContentIdentity(NamedTuple):
    """Which pack a content database was built from."""

    pack_id: str
    version: int
    signer: str | None
    source: str = ""  # the file the pack was made from (a staff import's schedule file)
    title: str = ""


def signed_floor(state: SlotState, current: ContentIdentity | None, pack_id: str) -> int:
    """The version a signed pack of ``pack_id`` must exceed on a machine showing ``current``:
    the slot's floor, or the version in use if higher, unless staff opened that from a file."""
    in_use = (current.version if current is not None and current.pack_id == pack_id
              and current.signer != STAFF_SIGNER else 0)
    return max(state.floor(pack_id), in_use)


def db_identity(db_path: Path | None) -> ContentIdentity | None:
    """The pack id, version and signer recorded in a content database; None if absent or unreadable."""
    if db_path is None or not Path(db_path).is_file():
        return None
    try:
        conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
        return ContentIdentity(str(meta.get("pack_id", "")), int(meta.get("pack_version", 0)),
                               meta.get("signer"), str(meta.get("pack_source", "")),
                               str(meta.get("pack_title", "")))
    except (sqlite3.Error, ValueError, OSError):
        return None


def _bundled_identity(pack_dir: Path) -> tuple[str, int] | None:
    import tomllib  # only when content was installed: not on every start

    try:
        with open(pack_dir / "pack.toml", "rb") as fh:
            info = tomllib.load(fh)["pack"]
        return str(info["id"]), int(info["version"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError):
        return None


def installed_content_db(bundled_pack_dir: Path | None, slot: ContentSlot | None = None) -> Path | None:
    """The slot's current database if it should be opened instead of the bundled content.

    It wins unless it is missing or the app ships a newer version of the same pack
    (an app upgrade brought newer content). Never raises: a broken slot is logged
    and the bundled content is used.
    """
    slot = slot or default_slot()
    try:
        state = read_state(slot)
    except SlotStateError as exc:
        log.error("installed content ignored: %s", exc)
        return None
    if state.current is None:
        return None
    path = slot.path(state.current)
    if not path.is_file():
        log.error("installed content ignored: %s is missing", path)
        return None
    bundled = _bundled_identity(bundled_pack_dir) if bundled_pack_dir is not None else None
    if bundled is not None and bundled[0] == state.current.pack_id and bundled[1] > state.current.version:
        log.info("bundled %s version %d is newer than installed version %d: using the bundled content",
                 bundled[0], bundled[1], state.current.version)
        return None
    return path
