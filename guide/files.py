"""Small file and time helpers shared by every layer (no Qt, standard library only)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
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
