"""Derive the bundled font, ``resources/fonts/wqy-microhei.ttf``, from the upstream TTC.

    pip install fonttools   # only for this script; the guide never imports it
    python packaging/derive_font.py wqy-microhei.ttc resources/fonts/wqy-microhei.ttf

Upstream (see ``resources/fonts/LICENSE-wqy-microhei.txt``) ships two faces in one file,
WenQuanYi Micro Hei and its monospaced twin, which the guide never uses. Qt registered
both at every start (3 ms) and kept the whole 5.2 MB file in memory. Kept here: the
first face, every glyph and every character it maps, outlines and hinting unchanged.
Dropped: the second face, glyph names (``post`` version 3, as most shipped fonts have;
nothing renders from names), vertical metrics (``vhea``/``vmtx``: the guide sets no
vertical text) and FontForge's timestamp table (``FFTM``). The result is 4.0 MB.
Changed: the embedding flags (``OS/2`` ``fsType``) from 8, "editable embedding only", to
0, installable: the licence (Apache-2.0, or GPL-3+ with the font exception) lets anyone
install and embed the font, and Debian's lintian rejects a package whose font says otherwise.
``tests/test_font.py`` checks the bundled file against these promises.
"""

from __future__ import annotations

import sys

DROPPED_TABLES = ("vhea", "vmtx", "FFTM")


def derive(source: str, target: str) -> None:
    """Write the first face of the TTC ``source`` to ``target`` without the tables above."""
    from fontTools.ttLib import TTCollection

    # The source's timestamp is kept, so the same source gives the same file.
    face = TTCollection(source, recalcTimestamp=False).fonts[0]
    face["post"].formatType = 3.0
    face["OS/2"].fsType = 0
    for tag in DROPPED_TABLES:
        if tag in face:
            del face[tag]
    face.save(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    derive(sys.argv[1], sys.argv[2])
