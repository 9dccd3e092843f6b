"""Reading an update source: its index (HTTP with validators, or a folder) and the pack download.

Downloads are capped in size and time and go to a file the caller names; transient
failures raise :class:`FetchFailed` (retried next poll), permanent ones
:class:`~guide.updates.errors.UpdateRefused`.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import http.client
import os
import socket
import stat
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import IO, Any, NamedTuple

from guide.files import FileTooLarge, NotRegularFile, open_regular_file, read_regular_file
from guide.updates import errors
from guide.updates.errors import UpdateRefused
from guide.updates.guidepack import INDEX, SUFFIX, Limits, PackIndex, parse_index, read_manifest
from guide.updates.log import log

USER_AGENT = "zgc-guide-updater/1"
_MAX_INDEX_BYTES = 1 << 20
_CHUNK = 1 << 16


class FetchFailed(Exception):
    """A transient failure: reported, not remembered, retried next poll."""

    def __init__(self, reason: str, message: str) -> None:
        self.reason = reason
        self.message = message
        super().__init__(message)


class Fetched(NamedTuple):
    """What reading a source's index found."""

    offer: PackIndex | None  # None: not modified since the validators in ``known``
    validators: dict[str, str]  # ETag / Last-Modified, or a folder's stamp
    location: str  # where the pack file is: a URL or a folder path


class Deadline:
    """One poll's whole time budget, and the way to stop it early.

    A per-read socket timeout does not bound a transfer: a server sending a byte a
    second never trips it. Every connection opened while the deadline is current is
    watched, and shut down when the deadline passes or ``stop`` is set (the kiosk is
    closing), which wakes any read blocked on it at once.
    """

    def __init__(self, seconds: float, stop: threading.Event | None = None) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.stop = stop if stop is not None else threading.Event()
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._watcher: threading.Thread | None = None
        self._token: contextvars.Token[Deadline | None] | None = None

    def __enter__(self) -> Deadline:
        self._token = _CURRENT.set(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._token is not None:
            _CURRENT.reset(self._token)
        if self._watcher is not None:
            self._watcher.join(1.0)

    def expired(self) -> bool:
        """True once the budget is spent or a stop was asked for."""
        return self.stop.is_set() or time.monotonic() >= self.at

    def check(self, what: str) -> None:
        """Raise :class:`FetchFailed` if the poll must end now."""
        if self.stop.is_set():
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{what}: stopped (the guide is closing)")
        if time.monotonic() >= self.at:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{what}: the source is too slow; the whole "
                              f"poll may take {self.seconds:g} s (deadline passed)")

    def read_timeout(self, timeout: float) -> float:
        """A socket timeout that never reaches past the deadline."""
        return max(0.05, min(timeout, self.at - time.monotonic()))

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the deadline passes or a stop is asked for."""
        with self._lock:
            self._sockets.append(sock)
            if self._watcher is None:
                self._watcher = threading.Thread(target=self._watch, name="poll-deadline", daemon=True)
                self._watcher.start()

    def _watch(self) -> None:
        while not self._done.is_set():
            if self.stop.wait(max(0.0, min(0.05, self.at - time.monotonic()))) or self.expired():
                break
        if self._done.is_set():
            return
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


_CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("poll_deadline", default=None)


def current_deadline() -> Deadline:
    """The deadline of the poll running in this context (an unbounded one outside a poll)."""
    return _CURRENT.get() or Deadline(float("inf"))


def is_url(source: str) -> bool:
    """Whether ``source`` is an http(s) URL (polled over HTTP); anything else is a folder or file path."""
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
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"refusing a redirect to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _connect_watched(conn: http.client.HTTPConnection, connect: Any) -> None:
    """Connect within the current poll's deadline and put the socket under its watch."""
    deadline = _CURRENT.get()
    if deadline is not None:
        deadline.check(conn.host)
        given = conn.timeout if isinstance(conn.timeout, int | float) else 30.0
        conn.timeout = deadline.read_timeout(float(given))
    connect()
    if deadline is not None and conn.sock is not None:
        deadline.watch(conn.sock)


class _WatchedHTTP(http.client.HTTPConnection):
    def connect(self) -> None:
        _connect_watched(self, super().connect)


class _WatchedHTTPS(http.client.HTTPSConnection):
    def connect(self) -> None:
        _connect_watched(self, super().connect)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTP, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTPS, req, context=getattr(self, "_context", None))


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects, _HTTPHandler, _HTTPSHandler)


def _read_capped(response: http.client.HTTPResponse, cap: int, what: str) -> bytes:
    """At most ``cap + 1`` bytes, a chunk as soon as it arrives, checking the deadline between."""
    deadline = current_deadline()
    parts: list[bytes] = []
    total = 0
    while total <= cap:
        deadline.check(what)
        chunk = response.read1(_CHUNK)
        if not chunk:
            deadline.check(what)  # a socket the deadline shut reads as the end
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _open_url(url: str, headers: dict[str, str], timeout: float) -> http.client.HTTPResponse:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchFailed(errors.DOWNLOAD_FAILED, f"refusing a non-http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "identity", **headers})
    return _OPENER.open(request, timeout=timeout)


def fetch_index_http(source: str, known: dict[str, Any], timeout: float) -> Fetched:
    """The index at URL ``source`` (its ``index.json``), asked with the validators in ``known``:
    a 304 comes back as no offer, so an unchanged source costs one small request.

    Raises :class:`FetchFailed` for a network or HTTP error, UpdateRefused for an index over 1 MB.
    """
    url = _index_url(source)
    headers = {}
    if known.get("etag"):
        headers["If-None-Match"] = str(known["etag"])
    if known.get("last_modified"):
        headers["If-Modified-Since"] = str(known["last_modified"])
    try:
        with _open_url(url, headers, timeout) as response:
            data = _read_capped(response, _MAX_INDEX_BYTES, url)
            validators = {k: v for k, v in (("etag", response.headers.get("ETag")),
                                            ("last_modified", response.headers.get("Last-Modified")))
                          if v}
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(None, {}, url)
        raise FetchFailed(errors.DOWNLOAD_FAILED, f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        current_deadline().check(url)  # a read the deadline cut short says so
        raise FetchFailed(errors.DOWNLOAD_FAILED, f"{url}: {getattr(exc, 'reason', exc)}") from exc
    if len(data) > _MAX_INDEX_BYTES:
        raise UpdateRefused(errors.TOO_LARGE, f"{url} is over {_MAX_INDEX_BYTES} bytes: not an index")
    return Fetched(parse_index(data), validators, final_url)


def _folder_stamp(folder: Path) -> str:
    index = folder / INDEX
    if index.is_file():
        st = index.stat()
        return f"index:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"
    packs = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.glob(f"*{SUFFIX}"))
    return "packs:" + hashlib.sha256(repr(packs).encode()).hexdigest()


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def fetch_index_folder(source: str, known: dict[str, Any], limits: Limits) -> Fetched:
    """What folder (or single pack file) ``source`` offers: its ``index.json``, else the highest
    version among its readable pack files; no offer when its stamp equals the one in ``known``.

    Raises :class:`FetchFailed` (``no-source``) when the folder is missing (a stick not inserted).
    """
    folder = Path(source[7:] if source.startswith("file://") else source).expanduser()
    if folder.is_file() and folder.suffix == SUFFIX:  # a single pack file named directly
        folder, only = folder.parent, folder.name
    else:
        only = None
    if not folder.is_dir():
        raise FetchFailed(errors.NO_SOURCE, f"update folder {folder} does not exist (stick not inserted?)")
    try:
        stamp = _folder_stamp(folder) if only is None else f"file:{(folder / only).stat().st_mtime_ns}"
    except OSError as exc:
        raise FetchFailed(errors.DOWNLOAD_FAILED, f"{folder}: {exc}") from exc
    if known.get("stamp") == stamp:
        return Fetched(None, {}, str(folder))
    if only is None and (folder / INDEX).is_file():
        try:
            data = read_regular_file(folder / INDEX, _MAX_INDEX_BYTES)
        except FileTooLarge as exc:
            raise UpdateRefused(errors.TOO_LARGE, f"{exc}: not an index") from exc
        except NotRegularFile as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, str(exc)) from exc
        except OSError as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{folder / INDEX}: {exc}") from exc
        return Fetched(parse_index(data), {"stamp": stamp}, str(folder))
    # No index (a pack copied by hand): the highest version among the pack files offered.
    best: PackIndex | None = None
    for path in [folder / only] if only else sorted(folder.glob(f"*{SUFFIX}")):
        if not _is_regular(path):  # a FIFO would block open() for ever
            log.warning("ignoring %s: not a regular file", path)
            continue
        try:
            m = read_manifest(path, limits=limits)
        except UpdateRefused as exc:
            log.warning("ignoring %s: %s", path, exc.message)
            continue
        if best is None or m.version > best.version:
            best = PackIndex(m.pack_id, m.version, path.name, path.stat().st_size, None)
    if best is None:
        raise FetchFailed(errors.NO_SOURCE, f"no {INDEX} and no readable {SUFFIX} file in {folder}")
    return Fetched(best, {"stamp": stamp}, str(folder))


def _copy_capped(src: Any, dst: IO[bytes], cap: int, what: str) -> int:
    deadline = current_deadline()
    read = getattr(src, "read1", src.read)  # read1: whatever has arrived, not a full chunk
    total = 0
    while True:
        deadline.check(what)
        try:
            chunk = read(_CHUNK)
        except http.client.IncompleteRead as exc:
            deadline.check(what)
            total += len(exc.partial)
            raise FetchFailed(errors.TRUNCATED, f"{what}: the connection closed after {total} bytes "
                              "(truncated download)") from exc
        except (OSError, http.client.HTTPException) as exc:
            deadline.check(what)
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{what}: {exc}") from exc
        if not chunk:
            deadline.check(what)  # a socket the deadline shut reads as the end
            return total
        total += len(chunk)
        if total > cap:
            raise UpdateRefused(errors.TOO_LARGE, f"{what} is over the {cap} byte limit")
        try:
            dst.write(chunk)
        except OSError as exc:
            raise _no_room(exc, what) from exc


def _no_room(exc: OSError, what: str) -> OSError:
    """A failed write of the download: the disk is full (named as such) or another error."""
    from guide.files import disk_full_error, is_disk_full

    return disk_full_error(Path(what), "download") if is_disk_full(exc) else exc


def download(fetched: Fetched, index: PackIndex, dest: Path, *, limits: Limits, timeout: float,
             deadline_seconds: float) -> int:
    """Copy the offered pack to ``dest``, capped in size; within the poll's deadline, or
    ``deadline_seconds`` from now when called outside a poll."""
    if _CURRENT.get() is None:
        with Deadline(deadline_seconds):
            return _download(fetched, index, dest, limits=limits, timeout=timeout)
    return _download(fetched, index, dest, limits=limits, timeout=timeout)


def _download(fetched: Fetched, index: PackIndex, dest: Path, *, limits: Limits, timeout: float) -> int:
    from guide.files import DiskFull

    cap = limits.max_archive_bytes
    if index.size is not None and index.size > cap:
        raise UpdateRefused(errors.TOO_LARGE, f"the index announces {index.size} bytes, "
                            f"over the {cap} byte limit")
    if is_url(fetched.location):
        url = urllib.parse.urljoin(fetched.location, urllib.parse.quote(index.file))
        try:
            with _open_url(url, {}, timeout) as response, open(dest, "xb") as out:
                length = response.headers.get("Content-Length")
                if length is not None and length.isdigit() and int(length) > cap:
                    raise UpdateRefused(errors.TOO_LARGE, f"{url} has {length} bytes, over the {cap} limit")
                got = _copy_capped(response, out, cap, url)
                if length is not None and length.isdigit() and got < int(length):
                    raise FetchFailed(errors.TRUNCATED, f"{url}: {got} of {length} bytes arrived "
                                  "(truncated download)")
        except urllib.error.HTTPError as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, http.client.HTTPException) as exc:
            current_deadline().check(url)
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{url}: {getattr(exc, 'reason', exc)}") from exc
        except DiskFull:
            raise
        except OSError as exc:  # a socket error while the headers arrived
            current_deadline().check(url)
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{url}: {exc}") from exc
    else:
        src_path = Path(fetched.location) / index.file
        if not src_path.resolve().parent == Path(fetched.location).resolve():
            raise UpdateRefused(errors.UNSAFE, f"the index names a file outside the folder: {index.file}")
        try:
            fd = open_regular_file(src_path)  # not a FIFO or device: checked without blocking
            with os.fdopen(fd, "rb") as src, open(dest, "xb") as out:
                got = _copy_capped(src, out, cap, str(src_path))
        except NotRegularFile as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, str(exc)) from exc
        except FileNotFoundError as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{src_path} is missing") from exc
        except DiskFull:
            raise
        except OSError as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{src_path}: {exc}") from exc
    if index.size is not None and got != index.size:
        if got < index.size:
            raise FetchFailed(errors.TRUNCATED, f"{index.file}: {got} of {index.size} bytes arrived "
                          "(truncated download, or the file is still being copied)")
        raise FetchFailed(errors.CORRUPT, f"{index.file} has {got} bytes, the index says {index.size}")
    if index.sha256 is not None:
        digest = hashlib.sha256()
        with open(dest, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != index.sha256:
            raise FetchFailed(errors.CORRUPT, f"{index.file}: sha256 differs from the index "
                          "(damaged in transit, or the index is out of date)")
    return got
