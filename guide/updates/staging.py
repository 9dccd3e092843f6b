"""The staging area both kinds of update build in: a signed pack and a staff-opened programme.

:func:`staging` gives a prepare step its private work folder and staged database beside
the slot, removes leftovers of killed runs first, and on any failure deletes everything
it made, so a refused or interrupted update never leaves a file behind. What differs
(verifying a signature, importing a schedule) happens inside the ``with`` block.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from guide.files import DiskFull, disk_full_error, is_disk_full, now_iso, pid_alive
from guide.updates.changes import ChangeSummary, compare_content
from guide.updates.state import (
    ContentIdentity,
    ContentSlot,
    InstalledContent,
    SlotState,
    db_identity,
    read_state,
)

Progress = Callable[[str, int, int], None]  # (stage: "verify" | "build" | "compare", done, total)


def stage_progress(progress: Progress | None, stage: str) -> Callable[[int, int], None] | None:
    """``progress`` narrowed to one stage (None stays None)."""
    if progress is None:
        return None
    return lambda done, total: progress(stage, done, total)


@dataclass
class Staging:
    """One prepare step's files and the slot as it was when the step began."""

    slot: ContentSlot
    state: SlotState
    current_db: Path | None
    current: ContentIdentity | None  # the content in use, None if there is none
    token: str  # "<pid>-<random>": the pid lets a later run spot the files of a killed one
    work: Path  # a folder for the unpacked or imported pack; always deleted at the end
    staged: Path  # the database being built; deleted unless the step succeeds
    baseline_db: Path | None = None
    baseline: InstalledContent | None = None

    def record(self, meta: dict[str, str]) -> None:
        """Write ``meta`` (who signed the content and the source's hash) into the staged database."""
        conn = sqlite3.connect(self.staged, isolation_level=None)
        try:
            conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", meta.items())
        finally:
            conn.close()

    def finish(self, progress: Progress | None) -> ChangeSummary:
        """Compare the staged database with the content in use; keep a baseline copy if needed.

        When the slot is empty, the content in use is copied beside the slot as the
        baseline, so that "Restore previous content" has a target after the commit.
        """
        if progress:
            progress("compare", 0, 1)
        summary = compare_content(self.current_db, self.staged)
        if progress:
            progress("compare", 1, 1)
        if self.state.current is None and self.current is not None and self.current_db is not None:
            self.baseline_db = self.slot.root / f".base-{self.token}.db"
            try:
                shutil.copyfile(self.current_db, self.baseline_db)
            except OSError as exc:
                # Named by the folder being written, not the copy's source (which an
                # OSError names first: the bundled database, on another disk).
                if is_disk_full(exc, self.slot.root):
                    raise disk_full_error(self.slot.root) from exc
                raise
            self.baseline = InstalledContent(
                file="", pack_id=self.current.pack_id, version=self.current.version,
                signer=self.current.signer, installed_at=now_iso(), origin="baseline")
        return summary


@contextmanager
def staging(slot: ContentSlot, current_db: Path | None) -> Iterator[Staging]:
    """A fresh :class:`Staging` beside ``slot``; everything it made is removed if the block fails."""
    state = read_state(slot)
    current = db_identity(current_db)
    slot.root.mkdir(parents=True, exist_ok=True)
    remove_stale_files(slot)
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    stage = Staging(slot=slot, state=state, current_db=current_db, current=current, token=token,
                    work=slot.root / f".work-{token}", staged=slot.root / f".stage-{token}.db")
    try:
        yield stage
    except BaseException as exc:
        stage.staged.unlink(missing_ok=True)
        if stage.baseline_db is not None:
            stage.baseline_db.unlink(missing_ok=True)
        # Any write of the staging (the pack's files, the database) that finds no room says
        # so, as the ones that check do: not "[Errno 28] No space left on device".
        if isinstance(exc, OSError) and not isinstance(exc, DiskFull) and is_disk_full(exc, slot.root):
            raise disk_full_error(slot.root) from exc
        raise
    finally:
        shutil.rmtree(stage.work, ignore_errors=True)


def remove_stale_files(slot: ContentSlot) -> None:
    """Delete staging files and folders of processes that are gone (killed mid-prepare)."""
    for path in slot.root.glob(".*-*-*"):
        prefix, _, rest = path.name.partition("-")
        pid = rest.split("-", 1)[0]
        if prefix in (".work", ".stage", ".base") and pid.isdigit() and not pid_alive(int(pid)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
