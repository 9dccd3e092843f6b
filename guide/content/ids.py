"""Ids of imported items: readable words, then a short hash of the source's own key.

An imported session's id is ``session-opening-ceremony-1a2b3c4d``: the words come from its
title, the hash from what the schedule file keys it by (its guid or id). Correcting a typo
in the title changes the words, not the hash: :func:`same_source_pattern` lets a bookmark
follow the session to its new id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from guide.content.database import Db
from guide.content.models import KINDS

_DIGEST = 8  # hex digits of the key's hash
_MADE = re.compile(rf"^([a-z]+)-(?:[a-z0-9-]*-)?([0-9a-f]{{{_DIGEST}}})$")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by dashes (empty for text with no Latin letters or digits)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def make_id(prefix: str, name: str, key: str) -> str:
    """A stable pack id: prefix, a readable slug of ``name`` and a short hash of ``key``."""
    digest = hashlib.sha1(key.encode()).hexdigest()[:_DIGEST]
    words = slug(name)[:40].strip("-")
    return f"{prefix}-{words}-{digest}" if words else f"{prefix}-{digest}"


def same_source_pattern(item_id: str) -> tuple[str, str] | None:
    """For an id :func:`make_id` made, (the id with its words left out, a LIKE pattern for the
    ids with the same prefix and hash but any words); None for any other id."""
    match = _MADE.match(item_id)
    if match is None:
        return None
    prefix, digest = match.groups()
    return f"{prefix}-{digest}", f"{prefix}-%-{digest}"


def same_source_ids(db: Db, kind: str, item_id: str) -> list[str]:
    """Ids of ``kind`` made from the same source key as ``item_id`` but other words: where an
    imported item is now, after its title was corrected (see :func:`same_source_pattern`)."""
    pattern = same_source_pattern(item_id)
    if kind not in KINDS or pattern is None:
        return []
    bare, like = pattern
    return [r[0] for r in db.execute(  # kind: checked against KINDS above
        f"SELECT id FROM {kind} WHERE (id = ? OR id LIKE ?) AND id != ?", [bare, like, item_id])]
