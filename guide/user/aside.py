"""A damaged user database moved aside (with its -wal and -shm), and put back when its
replacement cannot be made (no Qt)."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path


def aside_name(path: Path, now: dt.datetime) -> Path:
    """A free name beside ``path`` for its damaged copy: ``user.db.corrupt-20231127T101500``."""
    stamp = now.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():  # two recoveries in one second must not overwrite the first
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    return target


def move_aside(path: Path) -> Path:
    """Rename ``path`` and its side files to :func:`aside_name`; returns the new name."""
    target = aside_name(path, dt.datetime.now())
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def with_side_files(path: Path) -> list[Path]:
    """``path``'s -wal and -shm files, then ``path`` itself."""
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"), path]


def put_back(moved: Path, path: Path) -> None:
    """Undo :func:`move_aside`: the new files at ``path`` go, the damaged ones return."""
    for new, old in zip(with_side_files(path), with_side_files(moved), strict=True):
        with contextlib.suppress(OSError):
            new.unlink(missing_ok=True)
            if old.exists():
                old.rename(new)
