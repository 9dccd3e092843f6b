"""Simple key/value settings in the user database (language, text size, ...).

Values are stored as JSON, so strings, numbers, booleans, lists and dicts come back
as they were set. During a kiosk visitor session a setting is the visitor's own
(forgotten when the session ends) unless ``device=True`` says it belongs to the device.
"""

from __future__ import annotations

import json
from typing import Any

from guide.user.db import Db
from guide.user.session import DEVICE, current_owner


def get_setting(db: Db, key: str, default: Any = None) -> Any:
    """The value of ``key``: the visitor's own during a session, else the device's, else ``default``."""
    owner = current_owner(db)
    row = db.execute(
        "SELECT value FROM setting WHERE key = ? AND scope IN (?, ?) "
        "ORDER BY scope = '' LIMIT 1", [key, owner, DEVICE]).fetchone()
    return default if row is None else json.loads(row[0])


def set_setting(db: Db, key: str, value: Any, *, device: bool = False) -> None:
    """Store ``value`` (anything JSON can hold) under ``key``, committed at once.

    During a visitor session it is stored for that visitor only, unless ``device``.
    """
    scope = DEVICE if device else current_owner(db)
    db.execute("INSERT OR REPLACE INTO setting (scope, key, value) VALUES (?, ?, ?)",
                    [scope, key, json.dumps(value, ensure_ascii=False)])
