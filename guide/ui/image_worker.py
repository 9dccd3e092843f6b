"""The image cache's worker and its thread, made on the cache's first request (``guide.ui.images``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage, QImageReader

from guide.content.database import open_content_db
from guide.content.queries import image_bytes


class ImageWorker(QObject):
    """Lives on the worker thread: bytes from the database -> scaled QImage."""

    # path, size, image (null when missing or undecodable), the content generation asked from
    image_loaded = Signal(str, QSize, QImage, int)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_path = db_path
        self._conn: sqlite3.Connection | None = None

    @Slot(str, QSize, int)
    def load(self, path: str, size: QSize, generation: int) -> None:
        if self._conn is None:  # opened here, on the worker thread, for the worker alone
            self._conn = open_content_db(self._db_path)
        data = image_bytes(self._conn, path)
        image = QImage()
        if data is not None and decodes(data) and image.loadFromData(data):
            image = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        self.image_loaded.emit(path, size, image, generation)

    @Slot()
    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @Slot(str)
    def switch(self, db_path: str) -> None:
        """Read from another content database from now on (content was replaced)."""
        self.close()
        self._db_path = Path(db_path)


def decodes(data: bytes) -> bool:
    """Whether an image is one the worker decodes, judged from its header alone: a format Qt
    reads, a size, and room for it under Qt's allocation limit (a 9000x8000 photo is over it:
    loadFromData refuses it whole, and a decode of a small copy had said it would show)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size, kind = reader.size(), reader.imageFormat()
    if not reader.canRead() or not size.isValid() or size.isEmpty():
        return False
    bits = 32 if kind == QImage.Format.Format_Invalid else QImage.toPixelFormat(kind).bitsPerPixel()
    return size.width() * size.height() * bits // 8 <= QImageReader.allocationLimit() * 1024 * 1024


def worker_thread(db_path: Path) -> tuple[QThread, ImageWorker]:
    """A worker reading ``db_path``, moved to a new thread (not started yet)."""
    thread = QThread()
    thread.setObjectName("image-worker")
    worker = ImageWorker(db_path)
    worker.moveToThread(thread)
    return thread, worker
