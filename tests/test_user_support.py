"""Helpers shared by the bookmark and user-database tests (no tests here).

They edit a writable copy of the mini pack and build a content database from it, the
way a content update reaches a visitor's machine.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guide.content.build import build_content_db
from guide.content.queries import open_content_db
from guide.user.db import UserDb, open_user_db

ITEMS = "items.toml"


def drop_item(pack: Path, kind: str, item_id: str) -> None:
    """Remove one ``[[kind]]`` block from the pack's items file."""
    path = pack / ITEMS
    text = path.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=\[\[)", text)
    kept = [b for b in blocks if not (b.startswith(f"[[{kind}]]")
                                      and re.search(rf'(?m)^id = "{re.escape(item_id)}"$', b))]
    assert len(kept) == len(blocks) - 1, f"no {kind} {item_id} in the pack"
    path.write_text("".join(kept), encoding="utf-8")


def replace_text(pack: Path, old: str, new: str) -> None:
    path = pack / ITEMS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def append_items(pack: Path, toml: str) -> None:
    path = pack / ITEMS
    path.write_text(path.read_text(encoding="utf-8") + "\n" + toml, encoding="utf-8")


def build(pack: Path, out: Path) -> Path:
    return build_content_db(pack, out).path


@contextmanager
def opened(user_path: Path, content_path: Path) -> Iterator[tuple[UserDb, sqlite3.Connection]]:
    user = open_user_db(user_path)
    content = open_content_db(content_path)
    try:
        yield user, content
    finally:
        user.close()
        content.close()
