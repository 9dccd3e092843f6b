"""Small file and time helpers shared by every layer (no Qt, standard library only)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def atomic_replace(tmp: Path, target: Path) -> None:
    """Move a finished file over ``target`` so that readers see old or new, never a mix."""
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    with contextlib.suppress(OSError):  # not every OS lets a directory be opened for fsync
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@contextlib.contextmanager
def file_lock(path: Path, *, remove: bool = False) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (created empty if missing), across threads
    and processes: a second holder waits. Not re-entrant: one holder per process at a time.

    ``remove`` deletes the file on release, for a lock in a folder that is not the guide's
    (a staff member's pack folder, an update folder): a waiter that then holds the deleted
    file sees that and locks the path afresh. (Windows keeps the file: open files stay.)
    """
    while True:
        fh = open(path, "a+b")  # noqa: SIM115 - closed below, or on leaving the block
        try:
            _lock(fh, True)
        except BaseException:
            fh.close()
            raise
        try:
            same = os.path.samestat(os.fstat(fh.fileno()), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        fh.close()  # removed by the holder before: take the file there now
    try:
        yield
    finally:
        if remove:
            with contextlib.suppress(OSError):
                os.unlink(path)
        _lock(fh, False)
        fh.close()


def _lock(fh: BinaryIO, take: bool) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows kiosks only
        import msvcrt

        fh.seek(0)
        mode = msvcrt.LK_LOCK if take else msvcrt.LK_UNLCK  # type: ignore[attr-defined]
        msvcrt.locking(fh.fileno(), mode, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX if take else fcntl.LOCK_UN)


class NotRegularFile(ValueError):
    """A FIFO, device, socket or folder where a data file was expected."""


class FileTooLarge(ValueError):
    """A file over the size its reader accepts."""


def open_regular_file(path: Path, cap: int | None = None) -> int:
    """An fd for reading ``path``, which must be a regular file (at most ``cap`` bytes).

    Opened with ``O_NONBLOCK`` and judged by ``fstat`` of what was opened, so a FIFO,
    device or socket named like a data file cannot block the caller in ``open()`` or
    ``read()`` and cannot be swapped in between a check and the open. Raises
    :class:`ValueError` (not a regular file, too large) or :class:`OSError`.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):  # had been asked whether it was "a pipe, device or socket?"
            raise NotRegularFile(f"{path} is a folder, not a file; name a file inside it")
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(f"{path} is not a regular file (a pipe, device or socket?)")
        if cap is not None and st.st_size > cap:
            raise FileTooLarge(f"{path} is {st.st_size} bytes, over the {cap} byte limit")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: reads never wait on a writer
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular_file(path: Path, cap: int) -> bytes:
    """The bytes of regular file ``path``, refused (ValueError) if over ``cap`` or not a file."""
    fd = open_regular_file(path, cap)
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:  # grew since fstat
        raise FileTooLarge(f"{path} is over the {cap} byte limit")
    return data


class DiskFull(OSError):
    """Writing failed for want of space; ``str()`` is one line naming the file."""

    def __str__(self) -> str:
        return str(self.strerror)


def _size_limited() -> bool:
    """True when this process runs under a file size limit (``ulimit -f``)."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return soft != resource.RLIM_INFINITY


def is_disk_full(exc: BaseException | None, folder: Path | None = None) -> bool:
    """True when ``exc`` or an exception it was raised from means there is no room to write.

    SQLite says "database or disk is full" (and a ROLLBACK after it would hide that
    behind "cannot rollback"); a write error under a file size limit, or in ``folder``
    with under 1 MiB free, is SQLite's "disk I/O error" for the same cause.
    """
    import errno
    import shutil
    import sqlite3

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return True
        if isinstance(exc, sqlite3.Error):
            code = getattr(exc, "sqlite_errorcode", 0)
            if code & 0xFF == 13 or "disk is full" in str(exc):  # SQLITE_FULL
                return True
            if code & 0xFF == 10 or "disk I/O error" in str(exc):  # SQLITE_IOERR
                try:
                    low = folder is not None and shutil.disk_usage(folder).free < (1 << 20)
                except OSError:
                    low = False
                if low or _size_limited():
                    return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def on_read_only_disk(path: Path) -> bool:
    """True when ``path`` (a file or folder that exists) is on a file system mounted
    read-only: a locked SD card, a write-protected USB stick, a read-only share. Said as
    such, not as "permission denied", which sends people to look at the file's owner."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs (Windows), or nothing there to ask
        return False


def disk_full_error(path: Path, what: str = "write") -> DiskFull:
    """The one-line error for running out of room while writing ``path``."""
    import errno

    if _size_limited():
        return DiskFull(errno.EFBIG, f"cannot {what} {path}: no room (the file size limit of this "
                                     "account was reached); nothing was changed")
    return DiskFull(errno.ENOSPC, f"cannot {what} {path}: the disk is full (no space left); "
                                  "free some space and try again; nothing was changed")


def pid_alive(pid: int) -> bool:
    """True unless process ``pid`` is known to be gone (temp files name their writer's pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


# Temp names that carry their writer's pid: ``.NAME.PID.tmp`` (atomic writes, builds) and
# ``.work-PID-HEX`` / ``.stage-PID-HEX.db`` / ``.base-…`` / ``.download-…`` (updates).
@functools.lru_cache(maxsize=1)
def _pid_temp() -> re.Pattern[str]:
    # Compiled on first use, not at import: the window tidies after its first frame.
    return re.compile(r"^\..*\.(\d+)\.tmp$|^\.(?:work|stage|base|download)-(\d+)-[0-9a-f]+")


def remove_stale_temps(folder: Path, prefix: str = "") -> list[Path]:
    """Delete temp files and folders in ``folder`` whose writer is gone (killed mid-write).

    Only names that carry a pid (and start with ``prefix``) are touched, and only when
    that process no longer exists, so a concurrent writer's file is never taken from
    under it. Returns what was removed; errors (a file in use on Windows) leave the
    file for next time.
    """
    import shutil

    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        match = _pid_temp().match(path.name)
        if match is None or not path.name.startswith(prefix):
            continue
        pid = int(match.group(1) or match.group(2))
        if pid == os.getpid() or pid_alive(pid):
            continue
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed


def now_iso(timespec: str = "seconds") -> str:
    """UTC now as ISO 8601 with a ``Z``: to the second, or finer where order matters (bookmarks)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec=timespec).replace("+00:00", "Z")
