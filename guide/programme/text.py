"""Schedule texts (HTML, escaped or double-escaped HTML, Markdown) as the plain paragraphs the guide shows."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "blockquote", "pre", "hr"}


class _TextOnly(HTMLParser):
    """Keeps text, turns block tags into line breaks, drops scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag != "br" else "\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def unescape(text: str) -> tuple[str, int]:
    """``text`` with escaped HTML decoded, and how many rounds of escaping were undone.

    The file format's own escaping is undone by its parser; entities still present mean
    the producer escaped twice (or thrice), so they are decoded until none are left.
    """
    rounds = 0
    while rounds < 3 and _ENTITY.search(text):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text, rounds = decoded, rounds + 1
    return text, rounds


def _strip_html(text: str) -> str:
    if not _TAG.search(text):
        return text
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
# Emphasis and code marks: runs of *, _, ~~ and `. Each is paired, left to right, with the
# nearest open run of the same marks, so nested marks go at once ("_**total newbies**_") and a
# paragraph's lines are one text ("_Optional: … Linux._" spans lines); the search is linear,
# where a pattern trying every mark against the rest of the text took minutes on a hostile cell.
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_MD_RUN = re.compile(r"\*+|_+|~~|`")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")


def _link(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    return label if label == url else f"{label} ({url})"


def _markdown_line(line: str) -> str:
    # Cheap tests first: most lines of a programme have no Markdown at all.
    if "](" in line:
        line = _MD_IMAGE.sub(lambda m: m.group(1), line)
        line = _MD_LINK.sub(_link, line)
    if line[:1] in "#-*+" or line[:4].lstrip()[:1] in "#-*+":
        line = _MD_HEADING.sub("", line)
        line = _MD_BULLET.sub("• ", line)
    return line


def _opens(text: str, start: int, end: int) -> bool:
    # Never before a space ("5 * 3" is no emphasis), nor after a letter or digit: "a*b*c" and
    # snake_case_name stay as typed. Chinese puts no space before a word: "这是**重点**" is bold.
    before, after = text[start - 1:start], text[end:end + 1]
    if not after or after.isspace():
        return False
    return not before.isalnum() or (text[start] == "*" and bool(_CJK.match(before)))


def _closes(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1:start], text[end:end + 1]
    if not before or before.isspace():
        # "**Dieser Workshop wird geleitet von: **": bold closed after a space, at the end.
        return text[start] == "*" and end - start >= 2 and not text[end:].strip()
    # A closing * may stand inside a word ("**Ardu**ino"); a closing _ may not (file_name_v2).
    return text[start] == "*" or not after.isalnum()


def _emphasis(text: str) -> str:
    """``text`` without its Markdown emphasis and code marks, nested ones too.

    A mark is dropped only with its pair; one without (a lone "*", "5 * 3") stays.
    """
    if not any(c in text for c in "*_~`"):  # most paragraphs: nothing to do
        return text
    open_runs: list[re.Match[str]] = []
    paired: list[tuple[int, int]] = []
    for run in _MD_RUN.finditer(text):
        mark, start, end = run.group(), run.start(), run.end()
        in_code = bool(open_runs) and open_runs[-1].group() == "`"
        if in_code and mark != "`":  # `a_b*c`: code keeps its marks
            continue
        match = next((k for k in range(len(open_runs) - 1, -1, -1)
                      if open_runs[k].group() == mark), None)
        if match is not None and _closes(text, start, end) and open_runs[match].end() < start:
            paired += [open_runs[match].span(), run.span()]
            del open_runs[match:]  # marks opened inside and never closed stay as typed
        elif _opens(text, start, end):
            open_runs.append(run)
    if not paired:
        return text
    out, at = [], 0
    for start, end in sorted(paired):
        out.append(text[at:start])
        at = end
    out.append(text[at:])
    return "".join(out)


_BLANK_LINE = re.compile(r"\n\s*\n")  # between two paragraphs
_SPACES = re.compile(r"[ \t]+")


def paragraphs(raw: str | None) -> tuple[list[str], int]:
    """The text's paragraphs as plain text, and the rounds of extra HTML escaping undone.

    Lines are stripped of the producer's indentation; blank lines separate paragraphs;
    lines inside a paragraph join with a space (as Markdown renders them) except list
    items, which keep their own line.
    """
    if not raw:
        return [], 0
    text, rounds = unescape(raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _strip_html(text)
    out: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = [_markdown_line(line.strip()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            joined += ("\n" if line.startswith("• ") else " ") + line
        # Each list item on its own; the lines of a paragraph together.
        joined = "\n".join(_emphasis(item) for item in joined.split("\n"))
        if "  " in joined or "\t" in joined:
            joined = _SPACES.sub(" ", joined)
        out.append(joined.strip())
    return out, rounds


def one_line(raw: str | None) -> tuple[str, int]:
    """A title-like text as one plain line, and the rounds of extra escaping undone."""
    found, rounds = paragraphs(raw)
    return " ".join(p.replace("\n", " ") for p in found), rounds
