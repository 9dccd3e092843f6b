"""Whether a picture shows or its placeholder does, decided from the header on the UI thread
by the same rule the image worker decodes by (the kiosk asks it for every photo's slide)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageReader

from guide.ui import images


def small_png() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(QByteArray(buffer.data()))


@pytest.fixture
def picture(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    stored: dict[str, bytes] = {}
    monkeypatch.setattr(images, "_shows", {})
    monkeypatch.setattr(images, "image_digest", lambda _db, path: path if path in stored else None)
    monkeypatch.setattr(images, "image_bytes", lambda _db, path: stored.get(path))
    return stored


def test_a_picture_that_decodes_shows(qapp, picture: dict[str, bytes]) -> None:  # type: ignore[no-untyped-def]
    picture["a.png"] = small_png()
    assert images.picture_shows(None, "a.png")  # type: ignore[arg-type]


def test_a_picture_over_qts_allocation_limit_does_not_show(qapp, picture: dict[str, bytes]) -> None:  # type: ignore[no-untyped-def]
    """A photo too large to decode whole (9000x8000 in colour is 288 MB, over Qt's 256 MB)
    kept its kiosk slide and showed "Picture not available": a trial decode of a small copy,
    which JPEG allows, had said it would show. Here with the limit at 8 MB and a 2000x1500
    colour JPEG (12 MB decoded), so the test needs no 288 MB."""
    image = QImage(2000, 1500, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    picture["big.jpg"] = bytes(QByteArray(buffer.data()))
    limit = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(8)
    try:
        assert QImage.fromData(picture["big.jpg"]).isNull()  # what the worker gets: nothing
        assert not images.picture_shows(None, "big.jpg")  # type: ignore[arg-type]
    finally:
        QImageReader.setAllocationLimit(limit)
    images._shows.clear()
    assert images.picture_shows(None, "big.jpg")  # type: ignore[arg-type]  # under the usual limit


def test_missing_or_not_a_picture_does_not_show(qapp, picture: dict[str, bytes]) -> None:  # type: ignore[no-untyped-def]
    picture["text.png"] = b"not a picture at all"
    assert not images.picture_shows(None, "text.png")  # type: ignore[arg-type]
    assert not images.picture_shows(None, "absent.png")  # type: ignore[arg-type]
