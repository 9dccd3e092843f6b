"""Helpers shared by the bookmark and user-database tests (no tests here).

They edit a writable copy of the mini pack and build a content database from it, the
way a content update reaches a visitor's machine.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guide.content.build import build_content_db
from guide.content.queries import open_content_db
from guide.user.db import UserDb, open_user_db


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
