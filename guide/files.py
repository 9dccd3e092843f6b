"""Small file and time helpers shared by every layer (no Qt, standard library only)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from pathlib import Path


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
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(f"{path} is not a regular file (a pipe, device or socket?)")
        if cap is not None and st.st_size > cap:
            raise ValueError(f"{path} is {st.st_size} bytes, over the {cap} byte limit")
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
        raise ValueError(f"{path} is over the {cap} byte limit")
    return data


def pid_alive(pid: int) -> bool:
    """True unless process ``pid`` is known to be gone (temp files name their writer's pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def now_iso(timespec: str = "seconds") -> str:
    """UTC now as ISO 8601 with a ``Z``: to the second, or finer where order matters (bookmarks)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec=timespec).replace("+00:00", "Z")
