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
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
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
    if any(c in line for c in "*_~`"):
        line = _MD_EMPHASIS.sub(lambda m: m.group(2), line)
    if line[:1] in "#-*+" or line[:4].lstrip()[:1] in "#-*+":
        line = _MD_HEADING.sub("", line)
        line = _MD_BULLET.sub("• ", line)
    return line


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
    for block in re.split(r"\n\s*\n", text):
        lines = [_markdown_line(line.strip()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            joined += ("\n" if line.startswith("• ") else " ") + line
        if "  " in joined or "\t" in joined:
            joined = re.sub(r"[ \t]+", " ", joined)
        out.append(joined.strip())
    return out, rounds


def one_line(raw: str | None) -> tuple[str, int]:
    """A title-like text as one plain line, and the rounds of extra escaping undone."""
    found, rounds = paragraphs(raw)
    return " ".join(p.replace("\n", " ") for p in found), rounds
