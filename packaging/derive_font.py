"""Derive the bundled font, ``resources/fonts/wqy-microhei.rcc``, from the upstream TTC.

    pip install fonttools   # only for this script; the guide never imports it
    python packaging/derive_font.py wqy-microhei.ttc resources/fonts/wqy-microhei.rcc
    python packaging/derive_font.py wqy-microhei.ttf resources/fonts/wqy-microhei.rcc  # a face

Upstream (see ``resources/fonts/LICENSE-wqy-microhei.txt``) ships two faces in one file,
WenQuanYi Micro Hei and its monospaced twin, which the guide never uses. Qt registered
both at every start (3 ms) and kept the whole 5.2 MB file in memory. Kept here: the
first face, every glyph and every character it maps, outlines and hinting unchanged.
Dropped: the second face, glyph names (``post`` version 3, as most shipped fonts have;
nothing renders from names), vertical metrics (``vhea``/``vmtx``: the guide sets no
vertical text) and FontForge's timestamp table (``FFTM``). The result is 4.1 MB.
Changed: the embedding flags (``OS/2`` ``fsType``) from 8, "editable embedding only", to
0, installable: the licence (Apache-2.0, or GPL-3+ with the font exception) lets anyone
install and embed the font, and Debian's lintian rejects a package whose font says otherwise.
``tests/test_font.py`` checks the bundled file against these promises.

The face is shipped inside a Qt resource file (``rcc --binary``, stored uncompressed, the
face at ``:/zgc-guide/fonts/wqy-microhei.ttf``) and not as a plain ``.ttf``: Qt maps a
registered resource file, and an uncompressed entry of it is handed to the font database
as a view of that map, so the face is never copied into the guide's memory and only the
pages text is drawn from are read (``guide/ui/theme.py``, ``font_data``). For that to
save anything, the glyphs text is drawn from must lie together: upstream orders glyphs by
code point, so the few hundred characters of a page touched pages all over the file and
the whole face ended up read. Here the glyphs are reordered (``order``), with the tables
every glyph needs first and the outlines last: the outlines of the characters of common
text (ASCII and Latin, punctuation and symbols, GB 2312's 6,763 hanzi and its symbols, the
characters FreeType's auto-hinter measures every CJK face on) and the parts they are built
of come first, the rest (rarer hanzi, Hangul) after them. Every character still maps to
the same outline, advance and kerning (the glyph numbers change; nothing outside the font
refers to them). The cmap grows by 0.1 MB (its runs of consecutive glyph numbers break up).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

DROPPED_TABLES = ("vhea", "vmtx", "FFTM")
# Every table a glyph lookup reads, then the outlines (fontTools writes this order).
TABLE_ORDER = ("head", "hhea", "maxp", "OS/2", "hmtx", "cmap", "fpgm", "prep", "cvt ", "loca",
               "GDEF", "GPOS", "GSUB", "name", "post", "gasp", "glyf")
# FreeType's auto-hinter measures a CJK face on these before it draws the first hanzi
# (afblue.dat: CJK top, bottom, left and right; the script's standard characters 田囗).
AUTOHINTER_CJK = (
    "他们你來們到和地对對就席我时時會来為能舰說说这這齊军同已愿既星是景民照现現理用置要軍那配里開雷露面顾"
    "个为人他以们你來個們到和大对對就我时時有来為要說说主些因它想意理生當看着置者自著裡过还进進過道還里面"
    "些们你來們到和地她将將就年得情最样樣理能說说这這通即吗吧听呢品响嗎师師收断斷明眼間间际陈限除陳随際隨"
    "事前學将將情想或政斯新样樣民沒没然特现現球第經谁起例別别制动動吗嗎增指明朝期构物确种調调費费那都間间田囗"
)
COMMON_RANGES = ((0x20, 0x250), (0x2000, 0x2C00), (0x3000, 0x3040), (0xFF00, 0xFFF0))
RESOURCE_PREFIX = "/zgc-guide/fonts"  # guide/ui/theme.py reads the face from here
FACE_NAME = "wqy-microhei.ttf"


def common_characters() -> list[str]:
    """The characters whose outlines come first, most of them in GB 2312's order."""
    chars = [chr(c) for low, high in COMMON_RANGES for c in range(low, high)]
    for row in range(0xA1, 0xF8):  # GB 2312: symbols (rows 1-9), hanzi (16-87)
        for cell in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes((row, cell)).decode("gb2312"))
    return chars + list(AUTOHINTER_CJK)


def derive(source: str) -> Any:
    """The first face of the TTC ``source`` without the tables above (a fontTools TTFont)."""
    from fontTools.ttLib import TTCollection

    # The source's timestamp is kept, so the same source gives the same file; its glyphs' bounds are
    # kept too (FreeType places an outline by them: recomputed, some hanzi moved by a fraction of a pixel).
    face = TTCollection(source, recalcTimestamp=False, recalcBBoxes=False).fonts[0]
    face["post"].formatType = 3.0
    face["OS/2"].fsType = 0
    for tag in DROPPED_TABLES:
        if tag in face:
            del face[tag]
    return face


def order(face: Any, target: Path) -> None:
    """Write ``face`` to ``target`` with common text's outlines first (see above)."""
    from fontTools.ttLib.reorderGlyphs import reorderGlyphs
    from fontTools.ttLib.ttFont import reorderFontTables

    glyphs, cmap, old = face["glyf"], face.getBestCmap(), face.getGlyphOrder()
    front = [old[0]]  # .notdef stays glyph 0

    def add(name: str) -> None:
        if name in front_set:
            return
        front_set.add(name)
        front.append(name)
        glyph = glyphs[name]
        if glyph.isComposite():  # its parts are read with it
            for component in glyph.components:
                add(component.glyphName)

    front_set = set(front)
    for char in common_characters():
        if ord(char) in cmap:
            add(cmap[ord(char)])
    reorderGlyphs(face, front + [name for name in old if name not in front_set])
    written = io.BytesIO()
    face.save(written, reorderTables=False)
    written.seek(0)
    with target.open("wb") as out:
        reorderFontTables(written, out, tableOrder=list(TABLE_ORDER))


def pack(face: Path, target: Path) -> None:
    """Write the font file ``face`` into the Qt resource file ``target``, uncompressed.

    Format version 1 records no file times, so the same face always gives the same bytes.
    """
    rcc = shutil.which("pyside6-rcc")
    if rcc is None:
        raise SystemExit("pyside6-rcc not found: run this with the project's environment")
    with tempfile.TemporaryDirectory() as folder:
        qrc = Path(folder) / "font.qrc"
        qrc.write_text(f'<RCC><qresource prefix="{RESOURCE_PREFIX}"><file alias="{FACE_NAME}">'
                       f"{face.resolve().as_posix()}</file></qresource></RCC>\n", encoding="utf-8")
        subprocess.run([rcc, "--binary", "--no-compress", "--format-version", "1", str(qrc),
                        "-o", str(target)], check=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    if source.suffix.lower() == ".ttf":  # a face derived before: order it again (no change) and pack
        from fontTools.ttLib import TTFont

        face = TTFont(str(source), recalcTimestamp=False, recalcBBoxes=False)
    else:
        face = derive(str(source))
    with tempfile.TemporaryDirectory() as work:
        ordered = Path(work) / FACE_NAME
        order(face, ordered)
        pack(ordered, target)
