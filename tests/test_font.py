"""The bundled CJK font: one face that renders all common Chinese (see packaging/derive_font.py)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from guide import paths
from guide.app import ensure_app
from guide.ui import theme


def _font_data() -> QByteArray:
    return QByteArray((paths.resources_dir() / "fonts" / theme.FONT_FILE).read_bytes())


def test_the_bundled_font_file_holds_one_face_the_guide_uses(qtbot) -> None:  # type: ignore[no-untyped-def]
    ensure_app()
    font_id = QFontDatabase.addApplicationFontFromData(_font_data())
    try:
        assert QFontDatabase.applicationFontFamilies(font_id) == ["WenQuanYi Micro Hei"]
    finally:
        QFontDatabase.removeApplicationFont(font_id)


def test_the_bundled_font_has_a_glyph_for_every_chinese_character_of_gb2312(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The 6,763 hanzi of GB 2312 (rows 16-87) cover almost all text printed in mainland China:
    # whatever an organiser's programme says must never render as boxes.
    ensure_app()
    hanzi = [bytes((row, cell)).decode("gb2312") for row in range(0xB0, 0xF8)
             for cell in range(0xA1, 0xFF) if (row, cell) < (0xD7, 0xFA)]
    hanzi += [bytes((row, cell)).decode("gb2312") for row in range(0xD8, 0xF8) for cell in range(0xA1, 0xFF)]
    assert len(hanzi) == 6763
    raw = QRawFont(_font_data(), 12.0, QFont.HintingPreference.PreferDefaultHinting)
    assert raw.isValid()
    # Glyph 0 is the "missing" box. (QRawFont.supportsCharacter answers False for half of
    # these in this Qt, for the upstream file too; the glyph lookup is what drawing uses.)
    text = "".join(hanzi) + "，。、；：？！“”‘’（）《》【】—…·abcXYZ0123456789üé"
    indexes = raw.glyphIndexesForString(text)
    assert [c for c, index in zip(text, indexes, strict=True) if index == 0] == []
    assert len(set(indexes[:6763])) == 6763  # each character an outline of its own
    assert raw.glyphIndexesForString("\U000f0000") == [0]  # and the check can fail
