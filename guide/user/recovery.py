"""The notice left after a damaged user database was replaced: loaded only when there is one.

Kept out of ``guide.user.db``, which every start imports, so a start with nothing to tell
does not define the frozen dataclass (Python compiles its methods).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RecoveryNotice:
    """What to tell the user once after a damaged user database was replaced."""

    moved_to: Path
    salvaged: int
