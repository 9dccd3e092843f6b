"""Apply a verified pack file to the content slot: prepare (slow, any thread), then commit (instant).

- :func:`prepare_update` verifies the pack file against the trusted keys, applies
  rollback protection, unpacks it, validates the content and builds the new
  database into a staging file, records its signer, and computes the change
  summary against the content in use. Nothing the app reads is touched.
- :func:`commit_update` switches the slot to the staged database by replacing
  ``state.json``; the database it replaces becomes "previous" (the last two are kept).
- :func:`discard_update` throws a prepared update away; :func:`restore_previous`
  switches back to the previous database, :func:`restore_shipped` to the content shipped
  with the guide.

A failure at any step raises :class:`~guide.updates.errors.UpdateRefused` and leaves
the running content as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guide.files import atomic_replace, disk_full_error, is_disk_full, now_iso
from guide.updates import errors
from guide.updates.changes import ChangeSummary, compare_content
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack import DEFAULT_LIMITS, Limits, VerifiedPack, verify_pack_file
from guide.updates.keys import PublicKey
from guide.updates.log import log
from guide.updates.staging import Progress, Staging, stage_progress, staging
from guide.updates.state import (
    ContentIdentity,
    ContentSlot,
    InstalledContent,
    SlotState,
    db_identity,
    default_slot,
    read_state,
    signed_floor,
    slot_lock,
    write_state,
)


@dataclass(frozen=True)
class ImportedProgramme:
    """The schedule file an update was imported from (staff's "Open programme…"): what the
    question before loading it names, where a signed pack's names its signer."""

    file: str  # its name
    sessions: int
    days: tuple[str, ...]  # the programme's days, YYYY-MM-DD, first to last
    timezone: str = ""  # the zone its times are in
    zone_assumed: bool = False  # the file names none: the zone it was read in was chosen for it


@dataclass(frozen=True)
class PreparedUpdate:
    """A verified, validated, built update waiting for :func:`commit_update` or :func:`discard_update`."""

    slot: ContentSlot
    staged_db: Path
    pack_file: Path
    pack_sha256: str
    pack_id: str
    version: int
    title: str
    title_en: str
    signer: str
    signer_key_id: str
    current_version: int | None
    summary: ChangeSummary
    baseline_db: Path | None = None  # a copy of the content in use, when the slot was empty
    baseline: InstalledContent | None = None
    # An imported programme's sessions the import left out or repaired ("where: why"),
    # for the staff member to see before saying yes.
    skipped: tuple[str, ...] = ()
    repaired: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()  # about the whole file ("where: what"), e.g. no id column
    columns: tuple[str, ...] = ()  # a sheet's columns the import did not read ("where: why")
    programme: ImportedProgramme | None = None  # None for a signed pack
    # A signed pack of other content than the content in use (staff switching on purpose):
    # the pack id it replaces; "" for an update of the content in use.
    replaces_pack: str = ""
    # The slot's current file when it was prepared (None: none), to see at the commit whether
    # staff opened a programme or another pack was installed meanwhile.
    prepared_over: str | None = None


@dataclass(frozen=True)
class AppliedUpdate:
    """The result of a commit or a restore: the database to open now, and what changed."""

    db_path: Path
    current: InstalledContent
    previous: InstalledContent | None
    summary: ChangeSummary


def _accept_offer(verified: VerifiedPack, current: ContentIdentity | None, state: SlotState,
                  switch: bool = False) -> PublicKey:
    """The pack's trusted signer, if the pack may replace the content in use (same pack, newer;
    with ``switch``, another pack's content too)."""
    m = verified.manifest
    signer = verified.signer
    if signer is None:  # a trusted list was given, so verification names the signer
        raise UpdateRefused(errors.UNSIGNED, "the pack names no trusted signer")
    if current is not None and current.pack_id and current.pack_id != m.pack_id and not switch:
        raise UpdateRefused(errors.WRONG_PACK, f"the pack is {m.pack_id!r}, the content in use is "
                            f"{current.pack_id!r}; a pack only updates content with the same pack id")
    floor = signed_floor(state, current, m.pack_id)
    if m.version <= floor:
        held = (f"; version {floor} here is this machine's own staff import (Open programme), "
                f"which an earlier version of the guide counted as the fleet's: a signed pack of "
                f"version {floor + 1} or higher is taken" if state.staff_held(m.pack_id, floor) else "")
        raise UpdateRefused(errors.NOT_NEWER, f"pack version {m.version} is not newer than version "
                            f"{floor} already in use or installed here (rollback protection){held}")
    return signer


def _build_staged(stage: Staging, verified: VerifiedPack, signer: PublicKey,
                  progress: Progress | None) -> None:
    """Validate the unpacked pack and build its database at ``stage.staged``, recording who signed it."""
    from guide.content.build import build_content_db
    from guide.content.loader import PackInvalid, load_pack

    m = verified.manifest
    try:
        pack = load_pack(stage.work)
    except PackInvalid as exc:
        raise UpdateRefused(errors.INVALID_CONTENT, f"the pack's content has {len(exc.errors)} "
                            "error(s)", [str(e) for e in exc.errors]) from exc
    if (pack.info.id, pack.info.version) != (m.pack_id, m.version):
        raise UpdateRefused(errors.BAD_MANIFEST, f"the manifest says {m.pack_id} version "
                            f"{m.version}, pack.toml says {pack.info.id} version {pack.info.version}")
    build_content_db(stage.work, stage.staged, stage_progress(progress, "build"), pack=pack)
    stage.record({"signer": signer.label, "signer_key_id": signer.key_id,
                  "pack_sha256": verified.sha256, "pack_created": m.created})


def prepare_update(
    pack_file: Path,
    *,
    trusted: Sequence[PublicKey],
    current_db: Path | None,
    slot: ContentSlot | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    switch: bool = False,
) -> PreparedUpdate:
    """Verify, validate and build ``pack_file`` into a staged database; compute its change summary.

    ``current_db`` is the content database in use (the baseline for the summary and
    for rollback protection; None if there is none). ``switch``: staff chose this pack by
    hand to replace the content in use even if it is another pack's (never a poll); the
    result's ``replaces_pack`` says so, for the question before the commit. Raises
    :class:`UpdateRefused`: unsigned, unknown-key, bad-signature, corrupt, hash-mismatch,
    unsafe, too-large, bad-manifest, wrong-pack (another pack id, without ``switch``),
    not-newer (version <= the version in use or ever installed here), invalid-content
    (``details`` lists the errors
    exactly as ``guide build-db`` prints them). A refused pack that a poll downloaded is
    dropped from the slot's ``incoming`` cache, so the next poll does not offer it again.
    """
    slot = slot or default_slot()
    pack_file = Path(pack_file)
    log.info("preparing %s", pack_file)
    try:
        with staging(slot, current_db) as stage:
            # One pass checks signature, manifest and every hash while unpacking into `work`.
            try:
                verified = verify_pack_file(pack_file, trusted, limits=limits, extract_to=stage.work,
                                            progress=stage_progress(progress, "verify"))
            except UpdateRefused as exc:  # no room to unpack is not a damaged pack: say which
                if is_disk_full(exc, slot.root):
                    raise disk_full_error(slot.root, "unpack the update into") from exc
                raise
            m = verified.manifest
            signer = _accept_offer(verified, stage.current, stage.state, switch)
            _build_staged(stage, verified, signer, progress)
            summary = stage.finish(progress)
    except UpdateRefused as exc:
        log.warning("refused %s: %s: %s", pack_file, exc.reason, exc.message)
        for line in exc.details:
            log.warning("  %s", line)
        from guide.updates.source import drop_refused  # a poller's download: never "waiting" again

        try:
            drop_refused(pack_file, exc.reason, exc.message, slot)
        except OSError as drop_exc:  # the refusal is what the caller must hear about
            log.warning("could not drop the refused download %s: %s", pack_file, drop_exc)
        raise
    log.info("prepared %s version %d (signed by %s, %s): %s", m.pack_id, m.version, signer.label,
             pack_file, "; ".join(summary.lines()))
    return PreparedUpdate(
        slot=slot, staged_db=stage.staged, pack_file=pack_file, pack_sha256=verified.sha256,
        pack_id=m.pack_id, version=m.version, title=m.title, title_en=m.title_en,
        signer=signer.label, signer_key_id=signer.key_id,
        current_version=stage.current.version if stage.current is not None else None,
        summary=summary, baseline_db=stage.baseline_db, baseline=stage.baseline,
        replaces_pack=(stage.current.pack_id if stage.current is not None
                       and stage.current.pack_id not in ("", m.pack_id) else ""),
        prepared_over=stage.state.current.file if stage.state.current is not None else None,
    )


def discard_update(prepared: PreparedUpdate) -> None:
    """Throw a prepared update away (the user cancelled, or a newer one superseded it)."""
    prepared.staged_db.unlink(missing_ok=True)
    if prepared.baseline_db is not None:
        prepared.baseline_db.unlink(missing_ok=True)
    log.info("discarded prepared %s version %d", prepared.pack_id, prepared.version)


def commit_update(prepared: PreparedUpdate) -> AppliedUpdate:
    """Switch the slot to the prepared database; the one it replaces becomes "previous".

    Fast (two renames and a small file write): the kiosk calls it at an idle reset.
    Raises :class:`UpdateRefused` (``stale``/``not-newer``) if the staged file is gone
    or another update of the same or a newer version was installed since it was prepared.
    The caller then opens ``db_path`` and calls ``guide.user.bookmarks.refresh_snapshots``.
    """
    slot = prepared.slot
    with slot_lock(slot):
        state = read_state(slot)
        floor = state.floor(prepared.pack_id)
        if prepared.version <= floor:
            discard_update(prepared)
            log.warning("refused commit of %s version %d: version %d was installed meanwhile",
                        prepared.pack_id, prepared.version, floor)
            raise UpdateRefused(errors.NOT_NEWER, f"version {floor} was installed after this update "
                                f"(version {prepared.version}) was prepared")
        if not prepared.staged_db.is_file():
            discard_update(prepared)  # its baseline copy too: it would lie in the slot unread
            raise UpdateRefused(errors.STALE, "the prepared database is gone; prepare the update again")
        overtaken = _overtaken(prepared, state)
        if overtaken:
            discard_update(prepared)
            log.warning("refused commit of %s version %d: %s", prepared.pack_id, prepared.version,
                        overtaken)
            raise UpdateRefused(errors.STALE, overtaken)
        name = f"{prepared.pack_id}-{prepared.version}-{prepared.pack_sha256[:12]}.db"
        try:
            current, previous = _switch(prepared, state, name)
        except OSError as exc:
            # Nothing switched (state.json is replaced last, atomically): the databases
            # moved in for it would only take room, and the update is not committed.
            named = {e.file for e in (state.current, state.previous) if e is not None}
            for leftover in (slot.root / name, _baseline_path(prepared)):
                if leftover is not None and leftover.name not in named:
                    leftover.unlink(missing_ok=True)
            discard_update(prepared)
            log.error("commit of %s version %d failed, nothing changed: %s",
                      prepared.pack_id, prepared.version, exc)
            if is_disk_full(exc, slot.root):
                raise disk_full_error(slot.root, "switch to the new content in") from exc
            raise
        prune(slot)
    log.info("applied %s version %d signed by %s (previous: %s): %s", prepared.pack_id, prepared.version,
             prepared.signer, f"version {previous.version}" if previous else "none",
             "; ".join(prepared.summary.lines()))
    return AppliedUpdate(slot.root / name, current, previous, prepared.summary)


def _overtaken(prepared: PreparedUpdate, state: SlotState) -> str:
    """Why a signed pack prepared over other content may not replace what is in use now, or "".

    Whether it may replace another pack's content (only by staff's choice, ``switch``) or a
    programme staff opened here (never from a poll) was judged against the content in use
    when it was prepared: staff opening a programme in the window while `guide update apply`
    prepared the fleet's pack saw the programme replaced a moment later.
    """
    from guide.updates.source import INCOMING

    now = state.current
    if prepared.programme is not None or now is None or now.file == prepared.prepared_over:
        return ""
    polled = prepared.pack_file.resolve().parent == (prepared.slot.root / INCOMING).resolve()
    other_pack = now.pack_id != prepared.pack_id and not prepared.replaces_pack
    if not (other_pack or (now.staff_import and polled)):
        return ""
    changed = f"staff opened {now.pack_id} here" if now.staff_import else \
        f"{now.pack_id} version {now.version} was installed"
    return (f"the content in use changed while this update was prepared ({changed}); nothing was "
            "changed: check or apply again to decide against it")


def _baseline_path(prepared: PreparedUpdate) -> Path | None:
    if prepared.baseline is None:
        return None
    return prepared.slot.root / f"{prepared.baseline.pack_id}-{prepared.baseline.version}-baseline.db"


def _switch(prepared: PreparedUpdate, state: SlotState,
            name: str) -> tuple[InstalledContent, InstalledContent | None]:
    """Move the staged database (and baseline) into the slot and write state.json naming
    it; returns the new current entry and the one that became "previous"."""
    slot = prepared.slot
    atomic_replace(prepared.staged_db, slot.root / name)
    staff = prepared.programme is not None  # opened from a file here: its version is no fleet's
    current = InstalledContent(
        file=name, pack_id=prepared.pack_id, version=prepared.version, signer=prepared.signer,
        installed_at=now_iso(), origin="programme" if staff else "pack",
        pack_sha256=prepared.pack_sha256)
    previous = state.current
    base = _baseline_path(prepared)
    if previous is None and prepared.baseline_db is not None and prepared.baseline is not None \
            and base is not None:
        atomic_replace(prepared.baseline_db, base)
        previous = dataclasses.replace(prepared.baseline, file=base.name)
    elif prepared.baseline_db is not None:
        prepared.baseline_db.unlink(missing_ok=True)
    high = dict(state.high_water)
    if not staff:
        high[prepared.pack_id] = max(high.get(prepared.pack_id, 0), prepared.version)
    write_state(slot, SlotState(current=current, previous=previous, high_water=high))
    return current, previous


def apply_pack_file(
    pack_file: Path,
    *,
    trusted: Sequence[PublicKey],
    current_db: Path | None,
    slot: ContentSlot | None = None,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    switch: bool = False,
) -> AppliedUpdate:
    """:func:`prepare_update` then :func:`commit_update` (the CLI; a kiosk splits the two)."""
    prepared = prepare_update(pack_file, trusted=trusted, current_db=current_db, slot=slot,
                              limits=limits, progress=progress, switch=switch)
    try:
        return commit_update(prepared)
    except BaseException:
        discard_update(prepared)
        raise


def restore_previous(slot: ContentSlot | None = None, current_db: Path | None = None) -> AppliedUpdate:
    """Switch back to the previous database; the current one becomes "previous" (so this can be undone).

    The highest version ever installed stays recorded, so a poller does not install
    the withdrawn version again; a newer version still installs. After
    :func:`restore_shipped` the previous database is the one it left (``current_db``, the
    shipped content in use, is what the summary compares with). Raises
    :class:`UpdateRefused` (``no-previous``) when there is nothing to go back to.
    """
    slot = slot or default_slot()
    with slot_lock(slot):
        state = read_state(slot)
        if state.previous is None or not slot.path(state.previous).is_file() or (
                state.current is None and current_db is None):
            log.warning("restore previous refused: no previous content")
            raise UpdateRefused(errors.NO_PREVIOUS, "there is no previous content to restore")
        write_state(slot, SlotState(current=state.previous, previous=state.current,
                                    high_water=state.high_water))
    left = slot.path(state.current) if state.current is not None else current_db
    summary = compare_content(left, slot.path(state.previous))
    log.info("restored previous content: %s version %d replaces %s: %s", state.previous.pack_id,
             state.previous.version, f"version {state.current.version}" if state.current
             else "the shipped content", "; ".join(summary.lines()))
    return AppliedUpdate(slot.path(state.previous), state.previous, state.current, summary)


def restore_shipped(shipped_db: Path, slot: ContentSlot | None = None) -> AppliedUpdate:
    """Go back to the content shipped with the guide (``shipped_db``, its database).

    The slot's current database becomes "previous", so "Restore previous content" brings it
    back; the older one is deleted. The slot then names no current content and the guide
    opens what it ships. The highest versions installed stay recorded (rollback
    protection). Bookmarks are keyed by content ids: the caller refreshes their titles.
    Raises :class:`UpdateRefused` (``shipped-in-use``) when nothing installed is in use.
    """
    slot = slot or default_slot()
    shipped = db_identity(shipped_db)
    with slot_lock(slot):
        state = read_state(slot)
        if state.current is None:
            raise UpdateRefused(errors.SHIPPED_IN_USE, "the guide shows the content shipped with "
                                "it already (nothing installed is in use)")
        write_state(slot, SlotState(current=None, previous=state.current, high_water=state.high_water))
        prune(slot)
    summary = compare_content(slot.path(state.current), shipped_db)
    entry = InstalledContent(
        file=Path(shipped_db).name, pack_id=shipped.pack_id if shipped else "",
        version=shipped.version if shipped else 0, signer=shipped.signer if shipped else None,
        installed_at="", origin="shipped")
    log.info("restored the shipped content %s version %d, replacing %s version %d: %s", entry.pack_id,
             entry.version, state.current.pack_id, state.current.version, "; ".join(summary.lines()))
    return AppliedUpdate(Path(shipped_db), entry, state.current, summary)


def prune(slot: ContentSlot) -> list[Path]:
    """Delete databases the state no longer names (keep the last two); return what was deleted.

    A file another process still has open may refuse deletion (Windows): it is left
    for the next prune.
    """
    state = read_state(slot)
    keep = {e.file for e in (state.current, state.previous) if e is not None}
    removed = []
    for path in slot.root.glob("*.db"):
        if path.name not in keep and not path.name.startswith("."):  # .stage-*: being prepared
            try:
                path.unlink()
                removed.append(path)
            except OSError as exc:
                log.info("could not delete old content %s yet: %s", path, exc)
    if removed:
        log.info("deleted old content: %s", ", ".join(p.name for p in removed))
    return removed



def slot_status(slot: ContentSlot | None = None) -> SlotState:
    """What the slot holds (for a status line or to enable "Restore previous content")."""
    return read_state(slot or default_slot())
