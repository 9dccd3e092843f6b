"""Where the guide's files live on each OS (no Qt, so the CLI and tests can use it).

- The bundled content (pack and prebuilt database) sits beside the code, read-only
  when frozen by PyInstaller.
- User state (bookmarks, settings, logs, staff-imported content) lives in the per-OS
  user data folder from platformdirs, so an upgrade that replaces the app keeps it.
  ``ZGC_GUIDE_DATA`` overrides that folder (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "zgc-guide"


def app_root() -> Path:
    """The folder holding ``db/`` and ``resources/``: the bundle when frozen, else the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """True inside a PyInstaller bundle, whose files must never be written."""
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """Fonts, icons, styles and translations."""
    return app_root() / "resources"


def bundled_pack_dir() -> Path:
    """The content pack shipped with the app."""
    return app_root() / "db" / "pack"


def bundled_content_db() -> Path:
    """The content database shipped with (or built beside) the app."""
    return app_root() / "db" / "content.db"


def installed_content_dir() -> Path:
    """Where content installed by staff or a kiosk update lives (``guide.updates.state``'s slot)."""
    return user_data_dir() / "content" / "installed"


def user_data_dir() -> Path:
    """Per-user state: bookmarks, settings, logs, imported content.

    Owner-only on POSIX (0700): bookmarks and kiosk settings are nobody else's business.
    The default folder is tightened if an older version created it readable by all; a
    folder named by ``ZGC_GUIDE_DATA`` is created 0700 but an existing one left as chosen.
    """
    override = os.environ.get("ZGC_GUIDE_DATA")
    base = Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not override:
        owner_only(base)
    return base


def owner_only(path: Path) -> None:
    """Make ``path`` readable and writable by its owner alone (POSIX; no-op on Windows,
    where the user profile is already private). Leaves files we do not own alone."""
    if os.name != "posix":
        return
    st = path.stat()
    if st.st_uid == os.geteuid() and st.st_mode & 0o077:
        path.chmod(st.st_mode & 0o700)


def default_user_db() -> Path:
    """The user database: bookmarks and settings, separate from the content."""
    return user_data_dir() / "user.db"
