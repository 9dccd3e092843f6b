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
validators, so the same bad pack is not downloaded again every poll; transient
failures (network, truncated download) are not, so the next poll retries.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import os
import secrets
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from guide.files import atomic_replace
from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack import (
    DEFAULT_LIMITS,
    INDEX,
    SUFFIX,
    Limits,
    PackIndex,
    parse_index,
    read_manifest,
    verify_pack_file,
)
from guide.updates.keys import KeyFileError, PublicKey, load_public_keys
from guide.updates.log import log
from guide.updates.state import POLL_LOCK, ContentSlot, db_identity, default_slot, read_state, slot_lock

POLL_STATE = "poll.json"
INCOMING = "incoming"
USER_AGENT = "zgc-guide-updater/1"
_MAX_INDEX_BYTES = 1 << 20
_CHUNK = 1 << 16


# --- configuration -----------------------------------------------------------------------


class ConfigError(ValueError):
    """The updates config file is unusable; the message says where and why."""


@dataclass(frozen=True)
class UpdateConfig:
    """Where a machine gets content updates and whom it trusts.

    File form (``<user data>/updates.toml`` by default)::

        [updates]
        source = "https://share.example.org/zgc/"   # or a folder: "/media/usb/zgc"
        trusted_keys = ["keys/content-team.pub", "ed25519 nq/awPW... ZGC content team"]
        poll_minutes = 10
        timeout_seconds = 30
        max_download_mb = 512
    """

    source: str | None = None
    trusted_keys: tuple[PublicKey, ...] = ()
    poll_seconds: float = 600.0
    timeout_seconds: float = 30.0
    download_deadline_seconds: float = 1800.0
    limits: Limits = DEFAULT_LIMITS


def default_config_path() -> Path:
    """``<user data folder>/updates.toml``."""
    from guide import paths

    return paths.user_data_dir() / "updates.toml"


def load_update_config(path: Path | None = None) -> UpdateConfig:
    """Read the updates config; a missing file means no source and no trusted keys."""
    path = Path(path) if path is not None else default_config_path()
    try:
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
    except FileNotFoundError:
        return UpdateConfig()
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    section = raw.get("updates", {})
    known = {"source", "trusted_keys", "poll_minutes", "timeout_seconds", "max_download_mb"}
    unknown = set(section) - known
    if not isinstance(section, dict) or unknown:
        raise ConfigError(f"{path}: [updates] has unknown settings: {', '.join(sorted(unknown))}")
    try:
        keys = load_public_keys(section.get("trusted_keys", []), base_dir=path.parent)
    except KeyFileError as exc:
        raise ConfigError(f"{path}: trusted_keys: {exc}") from exc
    try:
        limits = DEFAULT_LIMITS
        if "max_download_mb" in section:
            limits = Limits(max_archive_bytes=int(float(section["max_download_mb"]) * 1024 * 1024))
        source = section.get("source")
        if source is not None and not isinstance(source, str):
            raise ValueError("source must be a folder path or an http(s) URL")
        return UpdateConfig(
            source=source or None, trusted_keys=keys,
            poll_seconds=float(section.get("poll_minutes", 10)) * 60,
            timeout_seconds=float(section.get("timeout_seconds", 30)), limits=limits,
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc


# --- results -----------------------------------------------------------------------------


class CheckStatus(StrEnum):
    """The outcome of one poll."""

    READY = "ready"                # a verified, newer pack is waiting to be applied
    UP_TO_DATE = "up-to-date"      # the source offers nothing newer
    NOT_MODIFIED = "not-modified"  # the index did not change since the last poll (nothing downloaded)
    REFUSED = "refused"            # the source offers a pack that must not be applied
    FAILED = "failed"              # the source could not be read (retried next poll)


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


def _pending_ready(slot: ContentSlot, poll: _PollState) -> ReadyUpdate | None:
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
        ready = _pending_ready(slot, poll)
        if ready is not None:
            ready.pack_file.unlink(missing_ok=True)
        poll.pending = None
        _write_poll(slot, poll)


# --- fetching ----------------------------------------------------------------------------


class _Failed(Exception):
    """A transient failure: reported, not remembered, retried next poll."""

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class _Fetched:
    index: PackIndex | None  # None: not modified
    validators: dict[str, str]
    location: str  # where the pack file is: a URL or a folder path


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _index_url(source: str) -> str:
    if source.lower().endswith(".json"):
        return source
    return source + INDEX if source.endswith("/") else source + "/" + INDEX


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow one to ftp://)."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _Failed(errors.DOWNLOAD_FAILED, f"refusing a redirect to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def _open_url(url: str, headers: dict[str, str], timeout: float) -> http.client.HTTPResponse:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise _Failed(errors.DOWNLOAD_FAILED, f"refusing a non-http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "identity", **headers})
    return _OPENER.open(request, timeout=timeout)


def _fetch_index_http(source: str, known: dict[str, Any], timeout: float) -> _Fetched:
    url = _index_url(source)
    headers = {}
    if known.get("etag"):
        headers["If-None-Match"] = str(known["etag"])
    if known.get("last_modified"):
        headers["If-Modified-Since"] = str(known["last_modified"])
    try:
        with _open_url(url, headers, timeout) as response:
            data = response.read(_MAX_INDEX_BYTES + 1)
            validators = {k: v for k, v in (("etag", response.headers.get("ETag")),
                                            ("last_modified", response.headers.get("Last-Modified")))
                          if v}
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return _Fetched(None, {}, url)
        raise _Failed(errors.DOWNLOAD_FAILED, f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        raise _Failed(errors.DOWNLOAD_FAILED, f"{url}: {getattr(exc, 'reason', exc)}") from exc
    if len(data) > _MAX_INDEX_BYTES:
        raise UpdateRefused(errors.TOO_LARGE, f"{url} is over {_MAX_INDEX_BYTES} bytes: not an index")
    return _Fetched(parse_index(data), validators, final_url)


def _folder_stamp(folder: Path) -> str:
    index = folder / INDEX
    if index.is_file():
        st = index.stat()
        return f"index:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"
    packs = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.glob(f"*{SUFFIX}"))
    return "packs:" + hashlib.sha256(repr(packs).encode()).hexdigest()


def _fetch_index_folder(source: str, known: dict[str, Any], limits: Limits) -> _Fetched:
    folder = Path(source[7:] if source.startswith("file://") else source).expanduser()
    if folder.is_file() and folder.suffix == SUFFIX:  # a single pack file named directly
        folder, only = folder.parent, folder.name
    else:
        only = None
    if not folder.is_dir():
        raise _Failed(errors.NO_SOURCE, f"update folder {folder} does not exist (stick not inserted?)")
    try:
        stamp = _folder_stamp(folder) if only is None else f"file:{(folder / only).stat().st_mtime_ns}"
    except OSError as exc:
        raise _Failed(errors.DOWNLOAD_FAILED, f"{folder}: {exc}") from exc
    if known.get("stamp") == stamp:
        return _Fetched(None, {}, str(folder))
    if only is None and (folder / INDEX).is_file():
        try:
            data = (folder / INDEX).read_bytes()[:_MAX_INDEX_BYTES + 1]
        except OSError as exc:
            raise _Failed(errors.DOWNLOAD_FAILED, f"{folder / INDEX}: {exc}") from exc
        return _Fetched(parse_index(data), {"stamp": stamp}, str(folder))
    # No index (a pack copied by hand): the highest version among the pack files offered.
    best: PackIndex | None = None
    for path in [folder / only] if only else sorted(folder.glob(f"*{SUFFIX}")):
        try:
            m = read_manifest(path, limits=limits)
        except UpdateRefused as exc:
            log.warning("ignoring %s: %s", path, exc.message)
            continue
        if best is None or m.version > best.version:
            best = PackIndex(m.pack_id, m.version, path.name, path.stat().st_size, None)
    if best is None:
        raise _Failed(errors.NO_SOURCE, f"no {INDEX} and no readable {SUFFIX} file in {folder}")
    return _Fetched(best, {"stamp": stamp}, str(folder))


def _copy_capped(src: IO[bytes], dst: IO[bytes], cap: int, deadline: float, what: str) -> int:
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise _Failed(errors.DOWNLOAD_FAILED, f"{what}: download took too long")
        try:
            chunk = src.read(_CHUNK)
        except http.client.IncompleteRead as exc:
            total += len(exc.partial)
            raise _Failed(errors.TRUNCATED, f"{what}: the connection closed after {total} bytes "
                          "(truncated download)") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise _Failed(errors.DOWNLOAD_FAILED, f"{what}: {exc}") from exc
        if not chunk:
            return total
        total += len(chunk)
        if total > cap:
            raise UpdateRefused(errors.TOO_LARGE, f"{what} is over the {cap} byte limit")
        dst.write(chunk)


def _download(fetched: _Fetched, index: PackIndex, dest: Path, *, limits: Limits, timeout: float,
              deadline_seconds: float) -> int:
    cap = limits.max_archive_bytes
    if index.size is not None and index.size > cap:
        raise UpdateRefused(errors.TOO_LARGE, f"the index announces {index.size} bytes, "
                            f"over the {cap} byte limit")
    deadline = time.monotonic() + deadline_seconds
    if _is_url(fetched.location):
        url = urllib.parse.urljoin(fetched.location, urllib.parse.quote(index.file))
        try:
            with _open_url(url, {}, timeout) as response, open(dest, "xb") as out:
                length = response.headers.get("Content-Length")
                if length is not None and length.isdigit() and int(length) > cap:
                    raise UpdateRefused(errors.TOO_LARGE, f"{url} has {length} bytes, over the {cap} limit")
                got = _copy_capped(response, out, cap, deadline, url)
                if length is not None and length.isdigit() and got < int(length):
                    raise _Failed(errors.TRUNCATED, f"{url}: {got} of {length} bytes arrived "
                                  "(truncated download)")
        except urllib.error.HTTPError as exc:
            raise _Failed(errors.DOWNLOAD_FAILED, f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, http.client.HTTPException) as exc:
            raise _Failed(errors.DOWNLOAD_FAILED, f"{url}: {getattr(exc, 'reason', exc)}") from exc
    else:
        src_path = Path(fetched.location) / index.file
        if not src_path.resolve().parent == Path(fetched.location).resolve():
            raise UpdateRefused(errors.UNSAFE, f"the index names a file outside the folder: {index.file}")
        try:
            with open(src_path, "rb") as src, open(dest, "xb") as out:
                got = _copy_capped(src, out, cap, deadline, str(src_path))
        except FileNotFoundError as exc:
            raise _Failed(errors.DOWNLOAD_FAILED, f"{src_path} is missing") from exc
        except OSError as exc:
            raise _Failed(errors.DOWNLOAD_FAILED, f"{src_path}: {exc}") from exc
    if index.size is not None and got != index.size:
        if got < index.size:
            raise _Failed(errors.TRUNCATED, f"{index.file}: {got} of {index.size} bytes arrived "
                          "(truncated download, or the file is still being copied)")
        raise _Failed(errors.CORRUPT, f"{index.file} has {got} bytes, the index says {index.size}")
    if index.sha256 is not None:
        digest = hashlib.sha256()
        with open(dest, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != index.sha256:
            raise _Failed(errors.CORRUPT, f"{index.file}: sha256 differs from the index "
                          "(damaged in transit, or the index is out of date)")
    return got


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
) -> CheckResult:
    """Poll ``source`` (a folder or an http(s) URL) once; never raises for a bad source or pack.

    Returns READY with a verified pack file waiting in the slot's ``incoming``
    folder, or UP_TO_DATE / NOT_MODIFIED, or REFUSED / FAILED with a reason code. Safe
    to call from a worker thread; it does not touch the content in use.
    """
    slot = slot or default_slot()
    slot.root.mkdir(parents=True, exist_ok=True)
    with slot_lock(slot, POLL_LOCK):
        result = _check(source, trusted, current_db, slot, limits, timeout, deadline_seconds)
    level = {CheckStatus.REFUSED: 30, CheckStatus.FAILED: 30}.get(result.status, 20)
    log.log(level, "check %s: %s%s: %s (downloaded %d bytes)", source, result.status,
            f" ({result.reason})" if result.reason else "", result.message, result.downloaded_bytes)
    return result


def _check(source: str, trusted: Sequence[PublicKey], current_db: Path | None, slot: ContentSlot,
           limits: Limits, timeout: float, deadline_seconds: float) -> CheckResult:
    if not trusted:  # nothing could pass verification: do not even ask the source
        return CheckResult(CheckStatus.REFUSED, "no trusted public keys are configured, so no pack "
                           "can be accepted", source, reason=errors.NO_TRUSTED_KEYS)
    poll = _read_poll(slot)
    # Validators (and remembered refusals) hold only for the keys they were judged with:
    # after the trusted keys change, the next poll fetches and judges afresh.
    trust = hashlib.sha256(b"".join(sorted(k.raw for k in trusted))).hexdigest()[:16]
    known = poll.sources.get(source, {})
    if known.get("trust") != trust:
        known = {}
    incoming = slot.root / INCOMING
    incoming.mkdir(exist_ok=True)
    for stale in incoming.glob(".download-*"):
        stale.unlink(missing_ok=True)  # we hold the slot lock: no other download is running
    state = read_state(slot)
    current = db_identity(current_db) if current_db is not None and Path(current_db).is_file() else None

    def floor(pack_id: str) -> int:
        in_use = current[1] if current is not None and current[0] == pack_id else 0
        return max(state.floor(pack_id), in_use)

    def remember(decision: str) -> None:
        poll.sources[source] = {**fetched.validators, "decision": decision, "trust": trust}

    pending = _pending_ready(slot, poll)
    if pending is not None and pending.version <= floor(pending.pack_id):
        pending.pack_file.unlink(missing_ok=True)  # applied (or overtaken) since it was downloaded
        poll.pending, pending = None, None
        _write_poll(slot, poll)
    try:
        fetched = (_fetch_index_http(source, known, timeout) if _is_url(source)
                   else _fetch_index_folder(source, known, limits))
    except _Failed as exc:
        return CheckResult(CheckStatus.FAILED, exc.message, source, reason=exc.reason)
    except UpdateRefused as exc:
        return CheckResult(CheckStatus.REFUSED, exc.message, source, reason=exc.reason)
    if fetched.index is None:
        if pending is not None:
            return CheckResult(CheckStatus.READY, f"unchanged since the last check; version "
                               f"{pending.version} is downloaded and waiting", source, ready=pending)
        last = str(known.get("decision", ""))
        note = f" (last time {last})" if last.startswith("refused") else ""
        return CheckResult(CheckStatus.NOT_MODIFIED, f"unchanged since the last check{note}", source)
    index = fetched.index
    if current is not None and current[0] and index.pack_id != current[0]:
        remember(f"refused: wrong pack {index.pack_id}")
        _write_poll(slot, poll)
        return CheckResult(CheckStatus.REFUSED, f"the source offers pack {index.pack_id!r}, the content "
                           f"in use is {current[0]!r}", source, reason=errors.WRONG_PACK)
    if index.version <= floor(index.pack_id):
        remember(f"up to date at version {floor(index.pack_id)}")
        _write_poll(slot, poll)
        return CheckResult(CheckStatus.UP_TO_DATE, f"the source offers version {index.version}; version "
                           f"{floor(index.pack_id)} is in use or was installed", source)
    if pending is not None and pending.pack_id == index.pack_id and pending.version >= index.version:
        # What the source offers is already here (or older than what is waiting): no download.
        remember(f"ready: version {pending.version}")
        _write_poll(slot, poll)
        return CheckResult(CheckStatus.READY, f"version {pending.version} is already downloaded and "
                           "waiting", source, ready=pending)
    tmp = incoming / f".download-{os.getpid()}-{secrets.token_hex(4)}"
    got = 0
    try:
        got = _download(fetched, index, tmp, limits=limits, timeout=timeout,
                        deadline_seconds=deadline_seconds)
        verified = verify_pack_file(tmp, trusted, limits=limits)
        m = verified.manifest
        if (m.pack_id, m.version) != (index.pack_id, index.version):
            raise UpdateRefused(errors.BAD_MANIFEST, f"the index announces {index.pack_id} version "
                                f"{index.version}, the signed pack is {m.pack_id} version {m.version}")
        if m.version <= floor(m.pack_id):
            raise UpdateRefused(errors.NOT_NEWER, f"pack version {m.version} is not newer than version "
                                f"{floor(m.pack_id)} (rollback protection)")
        assert verified.signer is not None
        final = incoming / f"{m.pack_id}-{m.version}{SUFFIX}"
        for old in incoming.glob(f"*{SUFFIX}"):
            old.unlink(missing_ok=True)
        os.replace(tmp, final)
        ready = ReadyUpdate(final, m.pack_id, m.version, verified.signer.label, source, verified.size,
                            verified.sha256)
        poll.pending = {"file": final.name, "pack_id": m.pack_id, "version": m.version,
                        "signer": ready.signer, "source": source, "size": ready.size,
                        "sha256": ready.sha256}
        remember(f"ready: version {m.version}")
        _write_poll(slot, poll)
        return CheckResult(CheckStatus.READY, f"version {m.version} signed by {ready.signer} is ready "
                           "to apply", source, ready=ready, downloaded_bytes=got)
    except _Failed as exc:
        got = got or (tmp.stat().st_size if tmp.exists() else 0)
        return CheckResult(CheckStatus.FAILED, exc.message, source, reason=exc.reason,
                           downloaded_bytes=got)
    except UpdateRefused as exc:
        got = got or (tmp.stat().st_size if tmp.exists() else 0)
        remember(f"refused: {exc.reason}: {exc.message}")  # the same pack would be refused again
        _write_poll(slot, poll)
        return CheckResult(CheckStatus.REFUSED, exc.message, source, reason=exc.reason,
                           downloaded_bytes=got)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
