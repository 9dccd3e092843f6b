"""Spare the start PySide6's reading of every module's source.

Once imported, PySide6 hooks every later import and reads the imported module's
whole source (``inspect.getsource``) to see whether it mentions PySide6, which
decides whether its ``__feature__`` switches (snake_case, true_property) apply to
it. The guide's start imports about a hundred modules after PySide6: 10 ms of a
250 ms start, plus the text kept in ``linecache``. The answer is known without
reading: the guide's own modules use PySide6 (the switches stay off, as they are
for every module, since the guide selects none) and the standard library's do not.
"""

from __future__ import annotations

import sys
from types import ModuleType


def skip_source_scans(package: str = "guide") -> None:
    """Answer PySide6's "does this module use PySide6?" without reading the source
    for ``package``'s modules and the standard library's; others are read as before.

    Does nothing if this PySide6 keeps that check elsewhere (then imports are only
    slower, never different).
    """
    import PySide6.QtCore  # noqa: F401  (installs the import hook and its feature module)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "skips_source", False):
        return
    prefix = package + "."
    stdlib = sys.stdlib_module_names
    plain = ("platformdirs",)  # imported at start, never uses PySide6

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name == package or name.startswith(prefix):
            return True
        if name.partition(".")[0] in stdlib or name.partition(".")[0] in plain:
            return False
        return bool(original(module))

    uses_pyside.skips_source = True  # type: ignore[attr-defined]
    feature.__dict__["_mod_uses_pyside"] = uses_pyside  # read as a global at each import
