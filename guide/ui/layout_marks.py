"""What the layout checker's recording notes of a painted row: loaded with the first recording.

Kept out of ``layout_probe``, which every delegate imports at start, so a start that never
checks its layout does not define the frozen dataclass (Python compiles its methods).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Mark:
    """One painted line of text (or icon) in ``widget``'s coordinates."""

    widget: QWidget
    rect: QRect
    text: str
    icon: bool = False
    cut: bool = False  # the text did not fit and was elided or truncated
    essential: bool = False  # cutting it is a fault (a title), not a design choice
