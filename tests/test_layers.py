"""Layer rules that a user never sees but every later change relies on.

The rules themselves are import-linter contracts in pyproject.toml, checked by
`lint-imports` in `make test`; these tests show that the check bites, and guard the
PySide6 pin.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}  # this copy of `guide`, not the installed one
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True,
                          timeout=300, env=env)


def test_the_layer_contracts_hold_and_catch_an_import_made_inside_a_function(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "guide", copy / "guide", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy)
    kept = _lint_imports(copy)
    assert kept.returncode == 0, kept.stdout[-3000:] + kept.stderr[-3000:]
    assert "0 broken" in kept.stdout
    # A Qt import hidden in a function of the Qt-free kiosk rules, and the UI reaching into the kiosk.
    (copy / "guide" / "kiosk" / "idle.py").open("a").write(
        "\n\ndef _sneaky() -> None:\n    from PySide6 import QtCore  # noqa: F401\n")
    (copy / "guide" / "ui" / "history.py").open("a").write(
        "\n\ndef _sneaky() -> None:\n    import guide.kiosk.controller  # noqa: F401\n")
    broken = _lint_imports(copy)
    assert broken.returncode != 0
    assert "Kiosk rules are plain Python: no Qt, no UI BROKEN" in " ".join(broken.stdout.split())
    assert "guide.kiosk.idle -> PySide6" in broken.stdout
    assert "guide.ui.history -> guide.kiosk.controller" in broken.stdout


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
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive" in result.stdout
