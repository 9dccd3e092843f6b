"""Update sources for kiosk fleets: a folder (USB stick, network share) or an http(s) URL.

A source serves the latest signed pack file and ``index.json`` beside it (written by
``guide pack publish``)::

    {"format": "zgc-guidepack-index", "format_version": 1, "pack_id": "zgc2023",
     "version": 3, "file": "zgc2023-3.guidepack", "size": 48211, "sha256": "..."}

:func:`check_for_update` polls it cheaply: over HTTP with ``If-None-Match`` /
``If-Modified-Since`` (a 304 costs one small request and no download), on a folder
by the index file's size and mtime. Only a newer version than the content in use
(and than anything installed here) is downloaded, to a temporary file with a size
cap and a deadline, then verified against the trusted keys. A good pack is kept in
``<slot>/incoming`` and reported as ready; applying it is a separate call
(:mod:`guide.updates.install`), which a kiosk makes only at an idle reset.

The index is not signed and is only a hint: every decision that matters (signer,
pack id, version) is taken from the signed manifest of the downloaded pack.
Permanent refusals (bad signature, rollback …) are remembered with the index's
validators, so the same bad pack is not downloaded again every poll (each poll still says
it is refused, with the reason remembered); transient
failures (network, truncated download) are not, so the next poll retries. A waiting
pack that applying refuses for good is dropped the same way (:func:`drop_refused`), and
an index naming another file (sha256, size) for the waiting version is fetched again.

A poll never replaces a programme staff opened by hand at the machine ("Open programme…"):
the newer pack is downloaded and verified, then HELD (:func:`held_update` says so to
``update status`` and the staff menu) until staff take it by hand.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from guide.files import atomic_replace
from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.fetch import (
    Deadline,
    Fetched,
    FetchFailed,
    download,
    fetch_index_folder,
    fetch_index_http,
    is_url,
)
from guide.updates.guidepack import (
    DEFAULT_LIMITS,
    SUFFIX,
    Limits,
    PackIndex,
    verify_pack_file,
)
from guide.updates.keys import PublicKey
from guide.updates.log import log
from guide.updates.state import (
    POLL_LOCK,
    STAFF_SIGNER,
    ContentIdentity,
    ContentSlot,
    SlotState,
    db_identity,
    default_slot,
    read_state,
    signed_floor,
    slot_lock,
)

POLL_STATE = "poll.json"
INCOMING = "incoming"


# --- results -----------------------------------------------------------------------------


class CheckStatus(StrEnum):
    """The outcome of one poll."""

    READY = "ready"                # a verified, newer pack is waiting to be applied
    UP_TO_DATE = "up-to-date"      # the source offers nothing newer
    NOT_MODIFIED = "not-modified"  # the index did not change since the last poll (nothing downloaded)
    # the source offers a pack that must not be applied (also when unchanged since a poll that
    # refused it: it is not downloaded again, and still refused)
    REFUSED = "refused"
    FAILED = "failed"              # the source could not be read (retried next poll)
    # a verified, newer pack is waiting, but the content in use is a programme staff opened by
    # hand here: a poll does not replace it (``guide update apply --replace-staff-import`` does)
    HELD = "held"


@dataclass(frozen=True)
class ReadyUpdate:
    """A downloaded pack that passed verification; pass ``pack_file`` to ``prepare_update``."""

    pack_file: Path
    pack_id: str
    version: int
    signer: str
    source: str
    size: int
    sha256: str


@dataclass(frozen=True)
class CheckResult:
    """What a poll found. ``reason`` is an :mod:`~guide.updates.errors` code for refused/failed."""

    status: CheckStatus
    message: str
    source: str
    ready: ReadyUpdate | None = None
    reason: str | None = None
    downloaded_bytes: int = 0


# --- poll state (validators and the pending pack) ----------------------------------------------


@dataclass
class _PollState:
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    pending: dict[str, Any] | None = None


def _read_poll(slot: ContentSlot) -> _PollState:
    try:
        raw = json.loads((slot.root / POLL_STATE).read_text(encoding="utf-8"))
        return _PollState(dict(raw.get("sources", {})), raw.get("pending"))
    except FileNotFoundError:
        return _PollState()
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("poll state unreadable, starting afresh: %s", exc)
        return _PollState()


def _write_poll(slot: ContentSlot, poll: _PollState) -> None:
    slot.root.mkdir(parents=True, exist_ok=True)
    tmp = slot.root / f".{POLL_STATE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"sources": poll.sources, "pending": poll.pending}, indent=1) + "\n",
                   encoding="utf-8")
    try:
        atomic_replace(tmp, slot.root / POLL_STATE)
    finally:
        tmp.unlink(missing_ok=True)


def pending_ready(slot: ContentSlot, poll: _PollState) -> ReadyUpdate | None:
    """The verified pack a poll left waiting in the slot's ``incoming`` folder, or None when
    there is none (or its file is gone): what a check, a kiosk and ``update status`` offer."""
    p = poll.pending
    if not p:
        return None
    try:
        path = slot.root / INCOMING / str(p["file"])
        if path.stat().st_size != int(p["size"]):
            return None
        return ReadyUpdate(path, str(p["pack_id"]), int(p["version"]), str(p["signer"]),
                           str(p["source"]), int(p["size"]), str(p["sha256"]))
    except (OSError, KeyError, TypeError, ValueError):
        return None


def clear_pending(slot: ContentSlot | None = None) -> None:
    """Forget the downloaded pack (after it was applied, or to force a fresh download)."""
    slot = slot or default_slot()
    with slot_lock(slot, POLL_LOCK):
        poll = _read_poll(slot)
        ready = pending_ready(slot, poll)
        if ready is not None:
            ready.pack_file.unlink(missing_ok=True)
        poll.pending = None
        _write_poll(slot, poll)


def drop_refused(pack_file: Path, reason: str, detail: str, slot: ContentSlot | None = None) -> bool:
    """Drop ``pack_file`` from the download cache if it is the waiting pack and was refused for good.

    It is deleted and no longer "waiting". A fault of the file (invalid content …) is
    remembered with the source's index, so the same publication is not downloaded again while
    a new one is; a refusal for what the machine holds (another pack's content shown) is
    judged again at the next poll; a transient one (a full disk) keeps the pack. Returns True
    if it was dropped."""
    slot = slot or default_slot()
    # A file opened by hand (staff import) is never the cache's: nothing to lock or write.
    if reason not in errors.PERMANENT or Path(pack_file).resolve().parent != (slot.root / INCOMING).resolve():
        return False
    with slot_lock(slot, POLL_LOCK):
        poll = _read_poll(slot)
        ready = pending_ready(slot, poll)
        if ready is None or ready.pack_file.resolve() != Path(pack_file).resolve():
            return False
        ready.pack_file.unlink(missing_ok=True)
        poll.pending = None
        known = poll.sources.get(ready.source)
        if reason not in errors.FILE_FAULTS:  # refused for what the machine holds: judge again
            poll.sources.pop(ready.source, None)
        elif known is not None and known.get("decision") == Decision.READY \
                and known.get("detail") == f"version {ready.version}":
            known.update(decision=Decision.REFUSED.value, detail=f"{reason}: {detail}")
        _write_poll(slot, poll)
    log.warning("dropped the downloaded %s version %d (%s): it is downloaded again only when %s "
                "publishes another pack", ready.pack_id, ready.version, reason, ready.source)
    return True


# --- the check ---------------------------------------------------------------------------


def check_for_update(
    source: str,
    *,
    trusted: Sequence[PublicKey],
    current_db: Path | None,
    slot: ContentSlot | None = None,
    limits: Limits = DEFAULT_LIMITS,
    timeout: float = 30.0,
    deadline_seconds: float = 1800.0,
    stop: threading.Event | None = None,
) -> CheckResult:
    """Poll ``source`` (a folder or an http(s) URL) once; never raises for a bad source or pack.

    The whole poll (index and pack) ends within ``deadline_seconds``, however slowly the
    source sends; setting ``stop`` ends it at once (a FAILED result), so a closing kiosk
    never waits for a download. ``timeout`` bounds each connect and read.

    Returns READY with a verified pack file waiting in the slot's ``incoming``
    folder (HELD instead while the content in use is a programme staff opened by hand:
    a poll never replaces it), or UP_TO_DATE / NOT_MODIFIED, or REFUSED / FAILED with a
    reason code. Safe
    to call from a worker thread; it does not touch the content in use.
    """
    slot = slot or default_slot()
    slot.root.mkdir(parents=True, exist_ok=True)
    with slot_lock(slot, POLL_LOCK), Deadline(deadline_seconds, stop):
        result = _check(source, trusted, current_db, slot, limits, timeout, deadline_seconds)
    level = {CheckStatus.REFUSED: 30, CheckStatus.FAILED: 30, CheckStatus.HELD: 30}.get(result.status, 20)
    log.log(level, "check %s: %s%s: %s (downloaded %d bytes)", source, result.status,
            f" ({result.reason})" if result.reason else "", result.message, result.downloaded_bytes)
    return result


class Decision(StrEnum):
    """What a poll decided about what a source offers, remembered with the index's validators."""

    READY = "ready"
    UP_TO_DATE = "up-to-date"
    REFUSED = "refused"  # permanent: the same pack would be refused again, so it is not fetched again


@dataclass
class Poll:
    """One poll of one source: what it needs to judge an offer and to remember the decision."""

    source: str
    trusted: Sequence[PublicKey]
    slot: ContentSlot
    limits: Limits
    timeout: float
    deadline_seconds: float
    state: _PollState = field(init=False)
    known: dict[str, Any] = field(init=False)
    trust: str = field(init=False)
    floors: SlotState = field(init=False)
    current: ContentIdentity | None = field(init=False)

    def __post_init__(self) -> None:
        self.state = _read_poll(self.slot)
        self.floors = read_state(self.slot)
        self.judge_for(None)

    def judge_for(self, current: ContentIdentity | None) -> None:
        """Judge offers for the content in use. Remembered decisions hold only for the keys,
        the pack id, this machine's limits and this program they were judged with (not the
        version: the floors judge that, and a 304 after an update stays a 304): after staff
        move the machine to another pack's content (a programme refused as another pack's),
        IT raises max_download_mb after a too-large refusal, or installs the newer guide a
        newer manifest format asked for, the next poll judges afresh."""
        self.current = current
        shown = current.pack_id if current is not None else ""
        self.trust = hashlib.sha256(b"".join(sorted(k.raw for k in self.trusted))
                                    + f"{shown}\n{self.limits!r}\n{_program()}".encode()
                                    ).hexdigest()[:16]
        known = self.state.sources.get(self.source, {})
        self.known = known if known.get("trust") == self.trust else {}

    def floor(self, pack_id: str) -> int:
        """The version an offer of ``pack_id`` must beat: what is in use or was installed here."""
        return signed_floor(self.floors, self.current, pack_id)

    def remember(self, fetched: Fetched, decision: Decision, detail: str) -> None:
        """Keep the decision with the index's validators, and save the poll state."""
        self.state.sources[self.source] = {**fetched.validators, "decision": decision.value,
                                           "detail": detail, "trust": self.trust}
        _write_poll(self.slot, self.state)

    def result(self, status: CheckStatus, message: str, **kwargs: Any) -> CheckResult:
        return CheckResult(status, message, self.source, **kwargs)


def _program() -> str:
    """This program as far as judging a pack goes: the pack format it reads, its content
    schema, its version (a refusal as "newer than this program's" ends with an upgrade)."""
    import importlib.metadata

    from guide.content.schema import SCHEMA_VERSION
    from guide.updates.guidepack import format as pack_format

    try:
        version = importlib.metadata.version("zgc-guide")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree
        version = ""
    return f"format {pack_format.FORMAT_VERSION}, schema {SCHEMA_VERSION}, zgc-guide {version}"


def _check(source: str, trusted: Sequence[PublicKey], current_db: Path | None, slot: ContentSlot,
           limits: Limits, timeout: float, deadline_seconds: float) -> CheckResult:
    if not trusted:  # nothing could pass verification: do not even ask the source
        return CheckResult(CheckStatus.REFUSED, errors.NO_TRUSTED_KEYS_MESSAGE, source,
                           reason=errors.NO_TRUSTED_KEYS)
    poll = Poll(source, trusted, slot, limits, timeout, deadline_seconds)
    poll.judge_for(db_identity(current_db))
    incoming = slot.root / INCOMING
    incoming.mkdir(exist_ok=True)
    for stale in incoming.glob(".download-*"):
        stale.unlink(missing_ok=True)  # we hold the slot lock: no other download is running
    pending = pending_ready(slot, poll.state)
    if pending is not None and pending.version <= poll.floor(pending.pack_id):
        pending.pack_file.unlink(missing_ok=True)  # applied (or overtaken) since it was downloaded
        poll.state.pending, pending = None, None
        _write_poll(slot, poll.state)
    if pending is None and poll.state.pending and _lost(poll, poll.state.pending):
        poll.state.pending, poll.known = None, {}  # judged afresh: downloaded again
    try:
        fetched = (fetch_index_http(source, poll.known, timeout) if is_url(source)
                   else fetch_index_folder(source, poll.known, limits))
    except FetchFailed as exc:
        return poll.result(CheckStatus.FAILED, exc.message, reason=exc.reason)
    except UpdateRefused as exc:
        return poll.result(CheckStatus.REFUSED, exc.message, reason=exc.reason)
    if fetched.offer is None:
        return held_result(poll, _unchanged(poll, pending))
    return held_result(poll, _judge_offer(poll, fetched, fetched.offer, pending))


def _lost(poll: Poll, waiting: dict[str, Any]) -> bool:
    """Whether the pack a poll downloaded and left waiting is gone (deleted, cut short) before it
    was applied: the index unchanged, the poll had said "not-modified" (exit 0) while the
    machine stayed on the older version, until the source published something new."""
    try:
        version, pack_id = int(waiting["version"]), str(waiting["pack_id"])
    except (KeyError, TypeError, ValueError):
        return True
    if poll.known.get("decision") != Decision.READY or version <= poll.floor(pack_id):
        return False
    log.warning("the downloaded %s version %d is gone from %s: downloading it again", pack_id,
                version, poll.slot.root / INCOMING)
    return True


def held_result(poll: Poll, result: CheckResult) -> CheckResult:
    """A READY pack is HELD while the content in use is a programme staff opened by hand here:
    the kiosk's next idle reset had replaced it (their corrected sheet) without a word."""
    current, ready = poll.current, result.ready
    if result.status is not CheckStatus.READY or ready is None or current is None \
            or current.signer != STAFF_SIGNER:
        return result
    why = errors.held_by_staff_import(ready.pack_id, ready.version, ready.signer, current.source,
                                      current.version)
    return dataclasses.replace(result, status=CheckStatus.HELD, message=why,
                               reason=errors.STAFF_IMPORT)


def held_update(current_db: Path | None, slot: ContentSlot | None = None) -> CheckResult | None:
    """The content team's pack a poll downloaded and holds because ``current_db`` is a
    programme staff opened by hand here (for ``update status`` and the staff menu), else None.

    Reads the poll's state without waiting for a poll in progress. Raises
    :class:`~guide.updates.state.SlotStateError` when ``state.json`` is damaged.
    """
    slot = slot or default_slot()
    current = db_identity(current_db)
    if current is None or current.signer != STAFF_SIGNER:
        return None
    pending = pending_ready(slot, _read_poll(slot))
    if pending is None or pending.pack_id != current.pack_id \
            or pending.version <= signed_floor(read_state(slot), current, pending.pack_id):
        return None
    why = errors.held_by_staff_import(pending.pack_id, pending.version, pending.signer,
                                      current.source, current.version)
    return CheckResult(CheckStatus.HELD, why, pending.source, ready=pending,
                       reason=errors.STAFF_IMPORT)


def _unchanged(poll: Poll, pending: ReadyUpdate | None) -> CheckResult:
    shown = poll.current.pack_id if poll.current is not None else ""
    if pending is not None and shown and pending.pack_id != shown:
        pending = None  # another pack's (staff went back to the shipped content): as refused
    if pending is not None:
        return poll.result(CheckStatus.READY, f"unchanged since the last check; version "
                           f"{pending.version} is downloaded and waiting", ready=pending)
    if poll.known.get("decision") == Decision.REFUSED:
        # Still refused, not "nothing new": a fleet script reading the exit status took a kiosk
        # that refuses its source's pack at every poll for one that is up to date.
        reason, _, why = str(poll.known.get("detail", "")).partition(": ")
        return poll.result(CheckStatus.REFUSED, "unchanged since the last check, which refused "
                           f"it: {why or reason}", reason=reason if why else None)
    return poll.result(CheckStatus.NOT_MODIFIED, "unchanged since the last check")


def _judge_offer(poll: Poll, fetched: Fetched, index: PackIndex, pending: ReadyUpdate | None) -> CheckResult:
    """Decide on what the index offers before downloading anything."""
    current = poll.current
    if current is not None and current.pack_id and index.pack_id != current.pack_id:
        why = errors.wrong_pack_offer(index.pack_id, current.pack_id, fetched.location, index.file)
        poll.remember(fetched, Decision.REFUSED, f"wrong-pack: {why}")
        return poll.result(CheckStatus.REFUSED, why, reason=errors.WRONG_PACK)
    floor = poll.floor(index.pack_id)
    if index.version <= floor:
        poll.remember(fetched, Decision.UP_TO_DATE, f"version {floor}")
        return poll.result(CheckStatus.UP_TO_DATE, f"the source offers version {index.version}; version "
                           f"{floor} is in use or was installed")
    if pending is not None and pending.pack_id == index.pack_id and (
            pending.version > index.version
            or (pending.version == index.version and _same_file(pending, index))):
        # Already here (or older than what waits): no download; republished as another file: fetch.
        poll.remember(fetched, Decision.READY, f"version {pending.version}")
        return poll.result(CheckStatus.READY, f"version {pending.version} is already downloaded and "
                           "waiting", ready=pending)
    return _download_and_verify(poll, fetched, index)


def _same_file(pending: ReadyUpdate, index: PackIndex) -> bool:
    """Whether the index names the pack file that is waiting (by what it says: sha256, size)."""
    return ((index.sha256 is None or index.sha256 == pending.sha256)
            and (index.size is None or index.size == pending.size))


def _download_and_verify(poll: Poll, fetched: Fetched, index: PackIndex) -> CheckResult:
    """Fetch the pack to a temporary file, verify it, and keep it in ``incoming`` if it is good."""
    incoming = poll.slot.root / INCOMING
    tmp = incoming / f".download-{os.getpid()}-{secrets.token_hex(4)}"
    got = 0
    try:
        got = download(fetched, index, tmp, limits=poll.limits, timeout=poll.timeout,
                       deadline_seconds=poll.deadline_seconds)
        verified = verify_pack_file(tmp, poll.trusted, limits=poll.limits)
        m = verified.manifest
        if (m.pack_id, m.version) != (index.pack_id, index.version):
            raise UpdateRefused(errors.BAD_MANIFEST, f"the index announces {index.pack_id} version "
                                f"{index.version}, the signed pack is {m.pack_id} version {m.version}")
        if m.version <= poll.floor(m.pack_id):
            raise UpdateRefused(errors.NOT_NEWER, f"pack version {m.version} is not newer than version "
                                f"{poll.floor(m.pack_id)} (rollback protection)")
        if verified.signer is None:  # cannot happen with a trusted list; refuse rather than assume
            raise UpdateRefused(errors.UNSIGNED, "the pack names no trusted signer")
        final = incoming / f"{m.pack_id}-{m.version}{SUFFIX}"
        for old in incoming.glob(f"*{SUFFIX}"):
            old.unlink(missing_ok=True)
        os.replace(tmp, final)
        ready = ReadyUpdate(final, m.pack_id, m.version, verified.signer.label, poll.source, verified.size,
                            verified.sha256)
        poll.state.pending = {"file": final.name, "pack_id": m.pack_id, "version": m.version,
                              "signer": ready.signer, "source": poll.source, "size": ready.size,
                              "sha256": ready.sha256}
        poll.remember(fetched, Decision.READY, f"version {m.version}")
        return poll.result(CheckStatus.READY, f"version {m.version} signed by {ready.signer} is ready "
                           "to apply", ready=ready, downloaded_bytes=got)
    except FetchFailed as exc:
        got = got or (tmp.stat().st_size if tmp.exists() else 0)
        return poll.result(CheckStatus.FAILED, exc.message, reason=exc.reason, downloaded_bytes=got)
    except UpdateRefused as exc:
        got = got or (tmp.stat().st_size if tmp.exists() else 0)
        poll.remember(fetched, Decision.REFUSED, f"{exc.reason}: {exc.message}")
        return poll.result(CheckStatus.REFUSED, exc.message, reason=exc.reason, downloaded_bytes=got)
    except OSError as exc:  # the disk is full (named as such), the slot is not writable
        return poll.result(CheckStatus.FAILED, str(exc), reason=errors.DOWNLOAD_FAILED)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
