"""The two value types of the search engine: what goes in and what comes out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchDoc:
    """One searchable item, as the content builder hands it to :func:`index_documents`.

    ``title`` is the Chinese headline, caption, name or label; ``names`` are short
    Chinese names (speakers, photographer, organisations, a subtitle) indexed with
    pinyin like the title; ``body`` is long Chinese text indexed for substrings only;
    ``pinyin_alt`` are extra readings for person names, e.g. ``("shan tian",)``.
    """

    kind: str
    id: str
    title: str
    title_en: str = ""
    names: tuple[str, ...] = ()
    body: str = ""
    body_en: str = ""
    date: str | None = None
    pinyin_alt: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    """One search result with a snippet and the character spans to highlight.

    ``title_marks`` and ``snippet_marks`` are sorted, non-overlapping ``(start, end)``
    offsets into ``title`` and ``snippet``; ``score`` is higher for better hits.
    """

    kind: str
    id: str
    title: str
    snippet: str
    title_marks: tuple[tuple[int, int], ...]
    snippet_marks: tuple[tuple[int, int], ...]
    score: float
    # The same hit in English: the item's English title and a snippet of its English text.
    title_en: str = ""
    snippet_en: str = ""
    title_en_marks: tuple[tuple[int, int], ...] = ()
    snippet_en_marks: tuple[tuple[int, int], ...] = ()
    # The Chinese snippet is the item's names (organisers, speakers, a photographer …: its
    # SearchDoc.names), not its text: shown under a label saying so.
    snippet_names: bool = False

    def marked(self, open_: str = "[", close: str = "]", *, lang: str = "zh") -> tuple[str, str]:
        """Return ``(title, snippet)`` in ``lang`` with ``open_``/``close`` around marked spans."""
        if lang == "en":
            return (_insert_marks(self.title_en, self.title_en_marks, open_, close),
                    _insert_marks(self.snippet_en, self.snippet_en_marks, open_, close))
        return _insert_marks(self.title, self.title_marks, open_, close), _insert_marks(
            self.snippet, self.snippet_marks, open_, close
        )


def _insert_marks(text: str, marks: tuple[tuple[int, int], ...], open_: str, close: str) -> str:
    parts: list[str] = []
    pos = 0
    for start, end in marks:
        parts += [text[pos:start], open_, text[start:end], close]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
