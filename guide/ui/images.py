"""Images decoded and scaled off the UI thread, with a thumbnail cache.

One worker thread owns its own read-only connection to the content database,
reads image bytes, decodes and scales them into a QImage (safe to pass between
threads) and sends it back by signal. The UI turns it into a QPixmap and caches it.
Workers never touch widgets. The worker and its thread are made on the first request
(``guide.ui.image_worker``): the first frame, Home, shows no picture, and PySide6 builds
the enum classes of QImage, QImageReader and QThread when a module first imports them.
"""

from __future__ import annotations

import atexit
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Signal, Slot
from PySide6.QtGui import QPixmap

from guide.content.database import Db
from guide.content.queries import image_bytes, image_digest

if TYPE_CHECKING:
    from PySide6.QtCore import QThread
    from PySide6.QtGui import QImage

    from guide.ui.image_worker import ImageWorker


def cache_key(path: str, size: QSize) -> str:
    return f"{path}@{size.width()}x{size.height()}"


_shows: dict[str, bool] = {}  # by the bytes' sha256: each picture is read once per process


def picture_shows(db: Db, path: str) -> bool:
    """Whether the picture at ``path`` shows rather than its placeholder: the content has it and
    the worker decodes it (:func:`guide.ui.image_worker.decodes`, the header only: called on
    the UI thread, where decoding a kiosk's hundred photos took seconds). A picture damaged
    past its header still shows its placeholder once loaded."""
    digest = image_digest(db, path)
    if digest is None:
        return False
    if digest not in _shows:
        from guide.ui.image_worker import decodes

        _shows[digest] = decodes(image_bytes(db, path) or b"")
    return _shows[digest]


def _cost(pixmap: QPixmap | None) -> int:
    return 0 if pixmap is None else pixmap.width() * pixmap.height() * max(1, pixmap.depth()) // 8


class ImageCache(QObject):
    """Ask for a pixmap; get it now if cached, else later through ``image_ready``."""

    image_ready = Signal(str)  # key
    _requested = Signal(str, QSize, int)
    _closing = Signal()
    _switching = Signal(str)

    def __init__(self, db_path: Path, limit: int = 300, budget_bytes: int = 160 * 2**20) -> None:
        super().__init__()
        self._cache: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._pending: set[str] = set()
        # Bounded by count and by bytes: 300 viewer-sized photos would be about 1.9 GB.
        self._limit = limit
        self._budget = budget_bytes
        self._bytes = 0
        # Counts content swaps. A request still queued on the worker at a swap is answered
        # from the old database; its answer carries the old count and is dropped, or the
        # old picture would be cached under the new content's key.
        self._generation = 0
        self._db_path = db_path
        # Made and started on the first request: a window with no images on screen pays nothing.
        self._thread: QThread | None = None
        self._worker: ImageWorker | None = None
        atexit.register(self.shutdown)  # a running QThread destroyed at exit aborts the process

    @property
    def db_path(self) -> Path:
        """The content database the pictures are read from."""
        return self._db_path

    def _start_worker(self) -> None:
        from guide.ui.image_worker import worker_thread

        if self._thread is None:
            self._thread, self._worker = worker_thread(self._db_path)
            self._requested.connect(self._worker.load)
            self._closing.connect(self._worker.close)
            self._switching.connect(self._worker.switch)
            self._worker.image_loaded.connect(self._on_loaded)
        if not self._thread.isRunning():
            self._thread.start()

    def pixmap(self, path: str | None, size: QSize) -> QPixmap | None:
        """The scaled image if ready; None while loading, or when there is no usable image."""
        if not path:
            return None
        key = cache_key(path, size)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if key not in self._pending:
            self._start_worker()
            self._pending.add(key)
            self._requested.emit(path, size, self._generation)
        return None

    def is_missing(self, path: str | None, size: QSize) -> bool:
        """True once the worker has reported that this image cannot be shown."""
        return not path or (cache_key(path, size) in self._cache
                            and self._cache[cache_key(path, size)] is None)

    def pending(self) -> int:
        return len(self._pending)

    @Slot(str, "QImage", int)  # by name: QImage is imported with the worker
    def _on_loaded(self, path: str, size: QSize, image: QImage, generation: int) -> None:
        if generation != self._generation:
            return
        key = cache_key(path, size)
        self._pending.discard(key)
        pixmap = None if image.isNull() else QPixmap.fromImage(image)
        self._forget(key)
        self._cache[key] = pixmap
        self._bytes += _cost(pixmap)
        # The oldest go first; the image just decoded stays even when it alone is over budget.
        while len(self._cache) > 1 and (len(self._cache) > self._limit or self._bytes > self._budget):
            self._forget(next(iter(self._cache)))
        self.image_ready.emit(key)

    def _forget(self, key: str) -> None:
        if key in self._cache:
            self._bytes -= _cost(self._cache.pop(key))

    def cached_bytes(self) -> int:
        """Memory the decoded images hold now."""
        return self._bytes

    def switch_database(self, db_path: Path) -> None:
        """New content: forget cached images and have the worker read the new database."""
        self._generation += 1
        self._cache.clear()
        self._bytes = 0
        self._pending.clear()
        self._db_path = db_path
        if self._thread is not None and self._thread.isRunning():
            self._switching.emit(str(db_path))
        elif self._worker is not None:
            self._worker.switch(str(db_path))

    def shutdown(self) -> None:
        """Stop the worker thread (closing its connection on its own thread)."""
        if self._thread is not None and self._thread.isRunning():
            self._closing.emit()
            self._thread.quit()
            self._thread.wait(3000)
