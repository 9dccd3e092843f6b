"""What publishing a pack changes for the kiosks: its change summary against the pack published.

The wrong file (a draft with 12 of 20 sessions) went to every kiosk with nothing said before
the kiosks' own logs listed "8 removed". ``guide pack publish`` says it: both packs are built
into databases in a temporary folder and compared by :func:`guide.updates.changes.compare_content`,
the summary staff see before loading content in the window.
"""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from guide.content.models import KINDS
from guide.updates.changes import ChangeSummary, compare_content
from guide.updates.guidepack import DEFAULT_LIMITS, Limits, PackIndex, verify_pack_file

SHOWN = 5  # removed items named per kind
# A removal this large (a share of the kind's items, and at least this many) is called out.
LARGE_SHARE = 0.2
LARGE_COUNT = 2
_NOUNS = {"forum": "sessions", "area": "exhibition areas", "organization": "organisations",
          "person": "people", "figure": "key figures"}


@dataclass(frozen=True)
class PublishChanges:
    """The change summary from the published pack to the new one, and how many items of each
    kind the published one has."""

    published: PackIndex
    summary: ChangeSummary
    totals: dict[str, int]

    def large_removals(self) -> list[tuple[str, int, int]]:
        """(kind, removed, of how many) for each kind that loses a large share of its items."""
        return [(k.kind, len(k.removed), self.totals.get(k.kind, 0)) for k in self.summary.kinds
                if len(k.removed) >= LARGE_COUNT
                and len(k.removed) >= LARGE_SHARE * self.totals.get(k.kind, 0)]

    def lines(self, *, published: bool = True) -> list[str]:
        """The summary as ``guide pack publish`` prints it: a line a kind, the first removed
        items named, and a warning line when a large share of a kind is removed (``published``:
        it was published, else it is only looked at)."""
        v = self.published.version
        if self.summary.empty:
            return [f"changes for kiosks showing version {v}: none (no item added, changed or removed)"]
        lines = [f"changes for kiosks showing version {v}:"]
        for k in self.summary.kinds:
            lines.append(f"  {k.kind}: {len(k.added)} added, {len(k.changed)} changed, "
                         f"{len(k.removed)} removed (of {self.totals.get(k.kind, 0)})")
            names = [r.title or r.title_en or r.id for r in k.removed[:SHOWN]]
            if names:
                more = f" … (+{len(k.removed) - SHOWN})" if len(k.removed) > SHOWN else ""
                lines.append(f"    removed: {'; '.join(names)}{more}")
        large = self.large_removals()
        if large:
            what = ", ".join(f"{removed} of the {total} {_NOUNS.get(kind, kind + 's')}"
                             for kind, removed, total in large)
            fix = ("import the right file into the same pack folder (it takes the next version) "
                   "and build, sign and publish it: kiosks take a version only at their next poll "
                   "and idle reset" if published else "do not publish it: import the right file "
                   "into its pack folder and build and sign it again")
            lines.append(f"warning: this version removes {what} that kiosks with version {v} "
                         f"show; if that is not meant (the wrong file?), {fix}")
        return lines


def _built(pack_file: Path, work: Path, limits: Limits) -> Path:
    """``pack_file``'s content built into a database in ``work`` (its hashes checked, not whom
    it is signed by: only what it shows matters here)."""
    from guide.content.build import build_content_db
    from guide.content.loader import load_pack

    folder = work / "pack"
    verify_pack_file(pack_file, None, limits=limits, require_signature=False, extract_to=folder)
    db = work / "content.db"
    build_content_db(folder, db, pack=load_pack(folder))
    return db


def _totals(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {kind: n for kind, n in conn.execute("SELECT kind, count(*) FROM item GROUP BY kind")
                if kind in KINDS}
    finally:
        conn.close()


def publish_changes(pack_file: Path, dest_dir: Path, published: PackIndex,
                    limits: Limits = DEFAULT_LIMITS) -> PublishChanges:
    """What ``pack_file`` changes against ``published``, the pack ``dest_dir`` publishes now.

    Raises :class:`~guide.updates.errors.UpdateRefused`, ``PackInvalid`` or ``OSError`` when
    either pack cannot be read or built (the caller says so and publishes all the same).
    """
    with tempfile.TemporaryDirectory(prefix="guide-publish-") as tmp:
        old = _built(Path(dest_dir) / published.file, Path(tmp) / "old", limits)
        new = _built(Path(pack_file), Path(tmp) / "new", limits)
        return PublishChanges(published, compare_content(old, new), _totals(old))
