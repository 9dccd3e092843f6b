"""Kiosk QR codes: every code scans back to exactly its text, and none is too dense to read.

Decoder: zxing-cpp (PyPI ``zxing-cpp``, the C++ ZXing port), reading a PIL image of
the PNG that segno renders, i.e. the same pixels a kiosk screen shows.
"""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from importlib.metadata import version
from pathlib import Path

import pytest
import segno
import zxingcpp
from PIL import Image

from guide.content.database import open_content_db
from guide.user.bookmarks import Bookmark, BookmarkView, add_bookmark, list_bookmarks
from guide.user.db import open_user_db
from guide.user.qr import (
    CAPACITY,
    ELLIPSIS,
    MAX_VERSION,
    QrNotice,
    QrPart,
    QrWords,
    bookmark_codes,
    make_qr,
    payload_lines,
    png_bytes,
)

# The words the window passes in each language (tests/test_ui_bookmarks.py checks it does).
ZH = QrWords(heading="2023中关村论坛 · 我的收藏", time_tba="时间待定", gone="（已不在指南中）")
EN = QrWords(heading="2023 Zhongguancun Forum · My bookmarks", time_tba="time TBA",
             gone=" (no longer in the guide)")
DECODER = f"zxing-cpp {version('zxing-cpp')} on a PIL image of segno's PNG"


def decode(part: QrPart, record_property: pytest.RecordProperty) -> str:
    record_property("decoder", DECODER)
    image = Image.open(io.BytesIO(png_bytes(part, scale=4)))
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 1, f"{DECODER} found {len(found)} codes"
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode
    return str(found[0].text)


def forum(n: int, title: str, day: int = 27, venue: str | None = "中关村国际创新中心") -> BookmarkView:
    date = dt.date(2023, 5, day)
    start, end = dt.time(9 + n % 8, 0), dt.time(10 + n % 8, 30)
    stored = Bookmark("forum", f"f{n}", title, f"Forum {n}", date, start, end, venue, "", "")
    return BookmarkView("forum", f"f{n}", title, f"Forum {n}", date, start, end, venue, True, stored)


def test_capacity_is_what_segno_fits_in_a_version_20_level_m_code() -> None:
    fits = segno.make("中" * (CAPACITY // 3), error="m", mode="byte", encoding="utf-8",
                      version=MAX_VERSION, boost_error=False)
    assert fits.version == MAX_VERSION and fits.error == "M"
    with pytest.raises(segno.DataOverflowError):
        segno.make("a" * (CAPACITY + 1), error="m", mode="byte", encoding="utf-8",
                   version=MAX_VERSION, boost_error=False)
    with pytest.raises(ValueError, match="more than one readable code holds"):
        make_qr("a" * (CAPACITY + 1))


def test_a_visitors_list_scans_back_as_plain_text(mini_db: Path, tmp_path: Path,
                                                  record_property: pytest.RecordProperty) -> None:
    content: sqlite3.Connection = open_content_db(mini_db)
    user = open_user_db(tmp_path / "user.db")
    for kind, item_id in [("area", "metaverse"), ("forum", "no-time"), ("forum", "opening"),
                          ("forum", "overlap")]:
        add_bookmark(user.db, content, kind, item_id)
    codes = bookmark_codes(list_bookmarks(user.db, content), "zh", ZH)
    assert not codes.split and not codes.shortened and codes.notice is None
    [part] = codes.parts
    assert decode(part, record_property) == part.text == "\n".join([
        "2023中关村论坛 · 我的收藏",
        "5月27日 09:00-10:30 开幕式",
        "5月27日 10:00 重叠论坛",
        "5月28日 时间待定 时间未定论坛",
        "元宇宙展区",
    ])
    english = bookmark_codes(list_bookmarks(user.db, content), "en", EN).parts[0]
    assert decode(english, record_property).splitlines()[1:3] == [
        "27 May 09:00-10:30 Opening ceremony", "27 May 10:00 Overlapping forum"]


def test_a_long_list_is_split_into_readable_codes_that_say_so(
        record_property: pytest.RecordProperty) -> None:
    views = [forum(n, f"第{n}场 科技成果转化与知识产权保护平行论坛", day=27 + n % 3)
             for n in range(60)]
    codes = bookmark_codes(views, "zh", ZH)
    assert codes.split and not codes.shortened
    n = len(codes.parts)
    assert n >= 3
    assert codes.notice is QrNotice.SPLIT
    lines = []
    for i, part in enumerate(codes.parts, 1):
        assert part.qr.version <= MAX_VERSION and part.qr.error == "M"
        text = decode(part, record_property)
        assert text == part.text
        heading, *rest = text.splitlines()
        assert heading == f"2023中关村论坛 · 我的收藏 ({i}/{n})"
        lines += rest
    assert lines == payload_lines(views, "zh", ZH)  # every bookmark once, in order, none cut across codes


def test_a_title_too_long_for_any_code_is_shortened_not_made_unreadable(
        record_property: pytest.RecordProperty) -> None:
    views = [forum(1, "超长标题" * 100), forum(2, "开幕式")]
    codes = bookmark_codes(views, "zh", ZH)
    assert codes.shortened
    assert codes.notice is QrNotice.SPLIT_SHORTENED  # two codes, and one title cut to fit
    text = "\n".join(decode(p, record_property) for p in codes.parts)
    assert all(p.qr.version <= MAX_VERSION for p in codes.parts)
    assert ELLIPSIS in text and "开幕式" in text


def test_nothing_bookmarked_makes_no_code() -> None:
    codes = bookmark_codes([], "zh", ZH)
    assert codes.parts == ()
    assert codes.notice is QrNotice.EMPTY
