"""The updates logger. Every decision (check, download, refusal, apply, restore) goes here.

The app attaches its rotating file handler to ``guide.updates`` (or to the root
logger); the CLI uses :func:`log_to_file` so that decisions taken by hand land in
the same file.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOGGER_NAME = "guide.updates"
log = logging.getLogger(LOGGER_NAME)


def log_to_file(path: Path, *, max_bytes: int = 1_000_000, backups: int = 3) -> logging.Handler:
    """Add a rotating file handler for ``guide.updates`` at ``path`` (once per path); return it."""
    import logging.handlers  # socket, pickle, queue: not on every start's path

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path.resolve():
            return handler
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    return handler
