"""The XML and JSON parsers' reasons for a broken schedule file, as messages.

"the XML is not well-formed at line 5, column 8 (not well-formed (invalid token))" kept expat's
English words inside a Chinese refusal; each reason the parsers give is a message of its own, for
the staff window to say in its language. A reason not listed stays as the parser gave it.
"""

from __future__ import annotations

from guide.programme.message import Message

_REASONS = (
    # expat (xml.etree)
    Message("not well-formed (invalid token)"), Message("mismatched tag"),
    Message("unclosed token"), Message("no element found"), Message("syntax error"),
    Message("junk after document element"), Message("undefined entity"),
    Message("duplicate attribute"), Message("unbound prefix"), Message("unclosed CDATA section"),
    Message("reference to invalid character number"),
    Message("XML or text declaration not at start of entity"),
    # json
    Message("Expecting value"), Message("Expecting ',' delimiter"),
    Message("Expecting ':' delimiter"), Message("Expecting property name enclosed in double quotes"),
    Message("Extra data"), Message("Invalid control character at"), Message("Invalid \\escape"),
)
_BY_TEXT = {str(reason): reason for reason in _REASONS}


def parse_reason(text: str) -> str:
    """The parser's reason ``text`` as the message it is, or as it is if none."""
    return _BY_TEXT.get(text, text)
