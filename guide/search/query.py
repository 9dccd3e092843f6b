"""From what the user typed to an FTS5 MATCH expression, safely.

User text never reaches MATCH as is: it is folded, cut to a sane length, and split
into *pieces* - CJK runs and words of letters/digits. Everything else (quotes,
``AND``/``OR``/``NEAR(``, ``*``, ``-``, ``^``, ``:``, emoji, control characters) is a
separator, so every piece is a plain quoted string and the expression is always
valid. ``AND``, ``or`` etc. become ordinary words. All pieces must match (AND), each
in any field: ``"绿色 论坛"``, ``"zhang wei"``, ``"green 2023"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from guide.search.schema import MAX_PINYIN_TOKEN, kind_token
from guide.search.text import fold, pinyin_fold, tokens

# Raw input is cut before any work: nobody types more, and a pasted 10,000-character
# text must not cost more than a normal query.
MAX_QUERY_CHARS = 200
MAX_PIECES = 8
# A longer Chinese phrase is matched by its first characters (a superset of rows).
MAX_CJK_PIECE = 32
MAX_WORD_PIECE = MAX_PINYIN_TOKEN


@dataclass(frozen=True)
class Piece:
    """One searchable unit of a query: a CJK run or a word, already folded."""

    text: str
    cjk: bool
    pinyin: str = ""  # the word folded as pinyin (ü/v -> u), "" if it cannot be pinyin


class Scope(Enum):
    """Which fields a MATCH expression looks in."""

    ALL = "all"  # titles, names, pinyin, bodies
    TITLE = "title"  # titles, names, pinyin
    START = "start"  # first piece at the start of a title field, the rest in titles


def normalize_query(query: str) -> tuple[Piece, ...]:
    """Fold ``query`` (NFKC, casefold, ü/v/u for pinyin) and split it into pieces.

    Returns an empty tuple for input without any searchable character.
    """
    if not isinstance(query, str):
        return ()
    pieces: dict[Piece, None] = {}
    for text, is_cjk in tokens(fold(query[:MAX_QUERY_CHARS])):
        if is_cjk:
            piece = Piece(text[:MAX_CJK_PIECE], True)
        else:
            text = text[:MAX_WORD_PIECE]
            piece = Piece(text, False, pinyin_fold(text))
        pieces[piece] = None
        if len(pieces) == MAX_PIECES:
            break
    return tuple(pieces)


def match_expression(pieces: tuple[Piece, ...], scope: Scope, kind: str | None = None) -> str:
    """Return the MATCH expression requiring every piece, in the fields of ``scope``.

    ``pieces`` must not be empty.
    """
    rest = Scope.TITLE if scope is Scope.START else scope
    parts = [_piece_expression(pieces[0], scope)]
    parts += [_piece_expression(piece, rest) for piece in pieces[1:]]
    if kind is not None:
        parts.append(f'{{k}} : "{kind_token(kind)}"')
    return " AND ".join(f"({part})" for part in parts)


def _quoted(piece: Piece) -> str:
    text = piece.text
    if not piece.cjk:
        return f'"{text}"*'
    if len(text) == 1:
        return f'"{text}"*'
    # The phrase of overlapping pairs; the indexed trailing single is not needed.
    return '"' + " ".join(text[i : i + 2] for i in range(len(text) - 1)) + '"'


def _piece_expression(piece: Piece, scope: Scope) -> str:
    start = "^" if scope is Scope.START else ""
    title_only = scope is not Scope.ALL
    if piece.cjk:
        columns = "t n" if title_only else "t n b"
        return f"{{{columns}}} : {start}{_quoted(piece)}"
    columns = "t n te" if title_only else "t n te b be"
    if piece.pinyin == piece.text:
        return f"{{{columns} py pyi}} : {start}{_quoted(piece)}"
    expression = f"({{{columns}}} : {start}{_quoted(piece)})"
    if piece.pinyin:
        pinyin = piece.pinyin[:MAX_PINYIN_TOKEN]
        expression += f' OR ({{py pyi}} : {start}"{pinyin}"*)'
    return expression
