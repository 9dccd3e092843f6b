"""A programme's name and pack id when they come from its file's name (a spreadsheet's).

A browser that downloads a file again saves it as ``日程 (1).xlsx``, Windows copies it as
``日程 - 副本.xlsx``, and an organiser saves a corrected sheet as ``日程-v2.xlsx`` or
``日程-final.xlsx``: the programme is the same, so these marks are not part of its name. A
Chinese name keeps its identity in the pack id as pinyin (``2023中关村论坛日程`` ->
``2023-zhong-guan-cun-lun-tan-ri-cheng``), where the ASCII slug alone kept "2023", which two
years' events, or two events of one year, would share.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from guide.content.ids import slug

MAX_ID = 60  # characters of a pack id
_DIGEST = 8  # hex digits of the name's hash, after an id cut short
_NUMBER = r"\s*[(（]\s*\d{1,3}\s*[)）]"  # " (1)", "(2)", "（3）"
# A version an organiser adds to a file's name when saving it again: "-v2", "_V3", " v2.1",
# "-final", " FINAL", "(final)", "日程v2", "-终版", "最终版", "定稿", "第2版". A Latin word follows
# a separator or a Chinese character and ends there ("programme-finalists" keeps its name); a
# "Final" after a space is a name's ("Robot Contest Final"), unless in capitals.
_LATIN_VERSION = r"(?:v|ver\.?|version|rev\.?)\s*\d{1,3}(?:\.\d{1,3})*|final\d{0,2}"
_CHINESE_VERSION = r"最终版|终版|定稿|第[\d一二三四五六七八九十]{1,3}版"
_LATIN_END = r"(?![^\W_])"  # no letter or digit after it
_VERSION = (rf"(?:[\s_-]+|(?<=[\u3400-\u9fff\uf900-\ufaff]))(?:v|ver\.?|version|rev\.?)\s*"
            rf"\d{{1,3}}(?:\.\d{{1,3}})*{_LATIN_END}"
            rf"|(?:\s*[_-][\s_-]*|\s+(?=(?-i:FINAL))|(?<=[\u3400-\u9fff\uf900-\ufaff]))final\d{{0,2}}"
            rf"{_LATIN_END}"
            rf"|[\s_-]*(?:{_CHINESE_VERSION})"
            rf"|[\s_-]*[(（\[【]\s*(?:{_LATIN_VERSION}|{_CHINESE_VERSION})\s*[)）\]】]")
# What a download or a copy adds to a file's name: " (1)", " - 副本", " - Copy", "_copy",
# " copy 2" (macOS), and a version; any of them repeated ("日程-v2 - 副本 (2)").
_ADDED = re.compile(rf"(?:{_NUMBER}|(?:\s+-\s+|[\s_-]+)copy(?:\s*\d{{1,3}})?|[\s_-]*(?:副本|拷贝)"
                    rf"|{_VERSION})+$", re.IGNORECASE)
_COPY_OF = re.compile(r"^(?:copy of|副本\s*-?)\s+", re.IGNORECASE)  # "Copy of 日程"
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def file_title(stem: str) -> str:
    """A file's name (without its extension) as the programme's: without what a download or
    a copy added to it, nor a version ("-v2", "-final", "-终版"); the name as it is when that
    would leave nothing."""
    title = _ADDED.sub("", _COPY_OF.sub("", stem.strip())).strip()
    return title or stem.strip()


def _romanised(name: str) -> tuple[str, bool]:
    """(``name`` in lower-case ASCII words, with pinyin for its Chinese, dashes between them;
    whether letters were lost: ones neither pinyin nor ASCII spells, such as kana)."""
    from pypinyin import lazy_pinyin  # 0.2-0.5 s to import: only for a Chinese name

    words: list[str] = []
    at = 0
    for run in _CJK_RUN.finditer(name):
        words.append(name[at:run.start()])
        words += lazy_pinyin(run[0])
        at = run.end()
    words.append(name[at:])
    lost = any(ch.isalpha() and not slug(ch) for word in words for ch in word)
    return "-".join(w for w in map(slug, words) if w), lost


def pack_id_for(name: str) -> str:
    """The pack id of a programme called ``name``: its words in lower-case ASCII, the Chinese
    as pinyin, at most 60 characters; a name cut short, or with letters no ASCII spells, ends
    in a hash of the whole name, so that two such names are two ids."""
    if name.isascii():  # as ever: slug(name), cut at 60
        return slug(name)[:MAX_ID].strip("-") or "programme"
    words, lost = _romanised(name) if _CJK_RUN.search(name) else (slug(name), False)
    lost = lost or any(ch.isalpha() and not slug(ch) for ch in name if not _CJK_RUN.match(ch))
    if not lost and words and len(words) <= MAX_ID:
        return words
    key = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    digest = hashlib.sha1(key.encode()).hexdigest()[:_DIGEST]
    words = words[:MAX_ID - _DIGEST - 1].strip("-")
    return f"{words}-{digest}" if words else f"programme-{digest}"
