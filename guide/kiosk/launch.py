"""Deciding at start-up whether to run as a kiosk, and refusing when it cannot (no Qt)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from guide.kiosk import CONFIG_NAME

if TYPE_CHECKING:
    from guide.kiosk.config import KioskConfig


class KioskRefused(Exception):
    """Kiosk mode was asked for but cannot start; the message says what to do."""


def pin_is_set(user_db: Path | None) -> bool:
    """True when the user database holds a staff PIN hash."""
    from guide.kiosk.pin import UserDbPinStore
    from guide.user.db import open_user_db

    opened = open_user_db(user_db)
    try:
        return UserDbPinStore(opened.db).load_record() is not None
    finally:
        opened.close()


def kiosk_config_for(args: argparse.Namespace) -> KioskConfig | None:
    """The kiosk settings when ``args`` (``--kiosk``, or ``enabled`` in the config) ask for it.

    None means a normal window. Raises :class:`KioskRefused` for a broken config file or
    when no staff PIN is set (nobody could leave the kiosk).
    """
    path: Path | None = getattr(args, "kiosk_config", None)
    wanted = bool(getattr(args, "kiosk", False))
    if not wanted and path is None:
        from guide import paths

        if not (paths.user_data_dir() / CONFIG_NAME).exists():
            return None  # the ordinary guide's start: no settings file to read
    from guide.kiosk.config import KioskConfigError, asks_for_kiosk, default_config_path, load_config

    try:
        config = load_config(path)
    except KioskConfigError as exc:
        if wanted or path is not None or asks_for_kiosk(default_config_path()):
            raise KioskRefused(f"kiosk settings: {exc}") from None
        return None  # a broken kiosk.toml that does not ask for a kiosk: the ordinary guide
    if not (wanted or config.enabled):
        return None
    from guide.updates.config import ConfigError, load_update_config

    try:  # checked before the window opens: a bad value is refused, never a crash later
        load_update_config(Path(config.updates_config) if config.updates_config else None)
    except ConfigError as exc:
        raise KioskRefused(str(exc)) from None
    from guide.user.db import UserDbError

    try:
        has_pin = bool(config.pin_hash) or pin_is_set(getattr(args, "user_db", None))
    except UserDbError:  # unreadable or read-only: the start-up reports it on the "being set up" screen
        return config
    if not has_pin:
        raise KioskRefused(
            "kiosk mode needs a staff PIN, so that staff can leave it; nobody could otherwise.\n"
            "Set one first with:  guide kiosk set-pin"
            + (f" --user-db {args.user_db}" if getattr(args, "user_db", None) else ""))
    return config
