"""Saving a file the user asked for (an export): whole or not at all, with the permissions
any file saved there gets, and a failure they can be told about in their own language."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ExportError(OSError):
    """An export could not be written; the message is one line naming the file and why.

    ``reason`` says why in a word a window can word in its own language: ``folder`` (the
    path is a folder), ``disk-full``, ``too-large``, ``parent-not-folder`` (a file stands
    where a folder of the path should be), ``read-only`` (the disk), ``permission``,
    ``name-too-long``, or ``other``;
    ``path`` is the file that was to be written.
    """

    def __init__(self, errno: int, message: str, reason: str = "other",
                 path: Path | None = None) -> None:
        super().__init__(errno, message)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return str(self.strerror)


def _is_folder(path: Path) -> bool:
    """``path.is_dir()``, False where asking fails (a name too long raises in Python 3.11)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _describe(exc: OSError, path: Path) -> tuple[str, str]:
    """(reason, message) for an export to ``path`` that failed with ``exc``."""
    import errno

    if exc.errno == errno.ENAMETOOLONG:
        return "name-too-long", f"cannot write {path}: its name is too long; choose a shorter one"
    if _is_folder(path):
        return "folder", f"cannot write {path}: it is a folder; name a file inside it"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "disk-full", f"cannot write {path}: the disk is full (no space left); nothing was written"
    if exc.errno == errno.EFBIG:
        return "too-large", (f"cannot write {path}: no room for a file this size (disk or account "
                             "file size limit); nothing was written")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST) or (path.parent.exists() and not _is_folder(path.parent)):
        blocking = next((p for p in path.parents if p.exists() and not _is_folder(p)), path.parent)
        return "parent-not-folder", f"cannot write {path}: {blocking} is a file, not a folder"
    if exc.errno == errno.EROFS:  # a locked card or stick, a read-only share: not the file's owner
        return "read-only", (f"cannot write {path}: the disk (or shared folder) it is on is "
                             "read-only; save it somewhere else")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission", f"cannot write {path}: permission denied"
    return "other", f"cannot write {path}: {exc.strerror or exc}"


def _export_mode(path: Path) -> int:
    """The permissions a file saved at ``path`` gets: those of the file it replaces, else
    what the user's umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask. Read where the system tells it (Linux): setting it to learn it
    would, for that instant, give files another thread creates other permissions."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all; failures raise :class:`ExportError`.

    The temporary file beside it is removed on every failure (disk full included), so a
    failed export leaves neither a partial file nor a leftover.
    """
    tmp: str | None = None
    try:
        if _is_folder(path):
            raise IsADirectoryError(21, "Is a directory", str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        # mkstemp makes the file private (0600); an export is the user's document, readable
        # as any file they save there (or as the file it replaces was).
        os.chmod(tmp, _export_mode(path))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        reason, message = _describe(exc, path)
        raise ExportError(exc.errno or 0, message, reason, path) from exc
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
