"""Reading an update source: its index (HTTP with validators, or a folder) and the pack download.

Downloads are capped in size and time and go to a file the caller names; transient
failures raise :class:`FetchFailed` (retried next poll), permanent ones
:class:`~guide.updates.errors.UpdateRefused`.
"""

from __future__ import annotations

import hashlib
import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import IO, Any, NamedTuple

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


def is_url(source: str) -> bool:
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


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def _open_url(url: str, headers: dict[str, str], timeout: float) -> http.client.HTTPResponse:
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchFailed(errors.DOWNLOAD_FAILED, f"refusing a non-http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "identity", **headers})
    return _OPENER.open(request, timeout=timeout)


def fetch_index_http(source: str, known: dict[str, Any], timeout: float) -> Fetched:
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
            return Fetched(None, {}, url)
        raise FetchFailed(errors.DOWNLOAD_FAILED, f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
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


def fetch_index_folder(source: str, known: dict[str, Any], limits: Limits) -> Fetched:
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
            data = (folder / INDEX).read_bytes()[:_MAX_INDEX_BYTES + 1]
        except OSError as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{folder / INDEX}: {exc}") from exc
        return Fetched(parse_index(data), {"stamp": stamp}, str(folder))
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
        raise FetchFailed(errors.NO_SOURCE, f"no {INDEX} and no readable {SUFFIX} file in {folder}")
    return Fetched(best, {"stamp": stamp}, str(folder))


def _copy_capped(src: IO[bytes], dst: IO[bytes], cap: int, deadline: float, what: str) -> int:
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{what}: download took too long")
        try:
            chunk = src.read(_CHUNK)
        except http.client.IncompleteRead as exc:
            total += len(exc.partial)
            raise FetchFailed(errors.TRUNCATED, f"{what}: the connection closed after {total} bytes "
                          "(truncated download)") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{what}: {exc}") from exc
        if not chunk:
            return total
        total += len(chunk)
        if total > cap:
            raise UpdateRefused(errors.TOO_LARGE, f"{what} is over the {cap} byte limit")
        dst.write(chunk)


def download(fetched: Fetched, index: PackIndex, dest: Path, *, limits: Limits, timeout: float,
              deadline_seconds: float) -> int:
    cap = limits.max_archive_bytes
    if index.size is not None and index.size > cap:
        raise UpdateRefused(errors.TOO_LARGE, f"the index announces {index.size} bytes, "
                            f"over the {cap} byte limit")
    deadline = time.monotonic() + deadline_seconds
    if is_url(fetched.location):
        url = urllib.parse.urljoin(fetched.location, urllib.parse.quote(index.file))
        try:
            with _open_url(url, {}, timeout) as response, open(dest, "xb") as out:
                length = response.headers.get("Content-Length")
                if length is not None and length.isdigit() and int(length) > cap:
                    raise UpdateRefused(errors.TOO_LARGE, f"{url} has {length} bytes, over the {cap} limit")
                got = _copy_capped(response, out, cap, deadline, url)
                if length is not None and length.isdigit() and got < int(length):
                    raise FetchFailed(errors.TRUNCATED, f"{url}: {got} of {length} bytes arrived "
                                  "(truncated download)")
        except urllib.error.HTTPError as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, http.client.HTTPException) as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{url}: {getattr(exc, 'reason', exc)}") from exc
    else:
        src_path = Path(fetched.location) / index.file
        if not src_path.resolve().parent == Path(fetched.location).resolve():
            raise UpdateRefused(errors.UNSAFE, f"the index names a file outside the folder: {index.file}")
        try:
            with open(src_path, "rb") as src, open(dest, "xb") as out:
                got = _copy_capped(src, out, cap, deadline, str(src_path))
        except FileNotFoundError as exc:
            raise FetchFailed(errors.DOWNLOAD_FAILED, f"{src_path} is missing") from exc
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
