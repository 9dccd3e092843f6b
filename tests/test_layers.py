"""Layer rules that a user never sees but every later change relies on."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_core_layers_import_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import guide.content, guide.search, guide.user\n"
        "for pkg in (guide.content, guide.search, guide.user):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(f'{pkg.__name__}.{m.name}')\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_pinned_pyside_survives_many_none_returning_calls() -> None:
    """PySide6 6.12.0 on Python 3.11 aborts after ~5,000 such calls (none_dealloc)."""
    code = (
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "w = QWidget()\n"
        "for _ in range(20_000):\n"
        "    QApplication.focusWidget(); w.parentWidget(); QApplication.activePopupWidget()\n"
        "print('alive')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env={**__import__("os").environ,
                                                         "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive" in result.stdout
