"""The importer's messages: English text that remembers the template and values it was made from.

A refusal or a note of the import ("programme.csv: row 5, column 开始 Start: '25:00' is not a
time") is a :class:`Message`: a ``str`` whose text is the English the command line prints and
the report file holds, exactly as before, and which keeps its template ("{where}, column
{column}: {value!r} {problem}") and values. The staff window says it in its own language by
translating the template and filling in the values, each of which may be a message itself
(guide/ui/import_messages.py); text that is no Message, or a template it does not know, stays
English. The core stays free of Qt: it only records what was said.

A template is a literal ``str.format`` string with named fields, formatted only when it is
given values (so a template without them may hold braces).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

_NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


class Message(str):
    """English text made from ``template`` and ``params``; compares, prints and serialises as
    that text. Values that are messages are kept as such, for the window to translate too."""

    # Slots, not a __dict__: a sheet's import makes a message or more for every row, and each
    # object the garbage collector tracks brings its next round sooner.
    __slots__ = ("params", "template")
    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        object.__setattr__(self, "template", template)
        # ``params`` is this call's own dict (``**``), not the caller's: no copy is needed.
        object.__setattr__(self, "params", MappingProxyType(params) if params else _NO_PARAMS)
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Message is immutable ({name})")

    def with_params(self, **params: Any) -> Message:
        """This message with some of its values replaced."""
        return Message(self.template, **{**self.params, **params})

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the template
        return (_rebuilt, (self.template, dict(self.params)))


def _rebuilt(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


def message_of(exc: BaseException) -> str:
    """What ``exc`` says: the Message it was raised with (kept for the window to translate),
    else its text."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)


def listed(items: Sequence[str], shown: int | None = None) -> str:
    """``items`` as a list in a message, "A, B, C" (and "and N more" past ``shown``), each item
    kept as the Message it may be; one item is itself, none an empty string."""
    more = len(items) - shown if shown is not None and len(items) > shown else 0
    items = list(items[:shown] if shown is not None else items)
    if not items:
        return ""
    text: str = items[-1]
    for item in reversed(items[:-1]):
        text = Message("{first}, {rest}", first=item, rest=text)
    return Message("{items} and {count} more", items=text, count=more) if more else text


def semicolons(items: Sequence[str]) -> str:
    """``items`` one after another with semicolons between them: "A; B; C"."""
    if not items:
        return ""
    text: str = items[-1]
    for item in reversed(items[:-1]):
        text = Message("{first}; {rest}", first=item, rest=text)
    return text


def both(first: str, second: str) -> str:
    """"A and B" (two column names, two sheets)."""
    return Message("{first} and {second}", first=first, second=second)


THE_FILE = Message("the file")  # a message's name for a file that has none (no name given)
