"""PySide6 is told which modules use it without reading their source at start."""

from __future__ import annotations

import json
import linecache
import sys
import types

import platformdirs
import pluggy

from guide.ui.source_scans import skip_source_scans


def test_the_guides_and_the_standard_librarys_modules_are_not_read() -> None:
    skip_source_scans()
    skip_source_scans()  # twice is the same as once
    uses_pyside = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    linecache.clearcache()
    # A guide module PySide6 could not read at all still counts as using it.
    assert uses_pyside(types.ModuleType("guide.ui.not_on_disk")) is True
    assert uses_pyside(json) is False
    assert json.__file__ not in linecache.cache
    # platformdirs, which the start imports, is known not to use PySide6.
    assert uses_pyside(platformdirs) is False
    assert platformdirs.__file__ not in linecache.cache
    # Anything else is still read, as PySide6 does: pluggy does not use PySide6.
    assert uses_pyside(pluggy) is False
    assert pluggy.__file__ in linecache.cache
