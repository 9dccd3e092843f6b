"""House rule: a public function of the programme importers says what it does (a docstring)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT


def undocumented(root: Path) -> list[str]:
    """Every public module-level function under ``root`` without a docstring."""
    return [f"{path.relative_to(root.parent).as_posix()}:{node.lineno}: {node.name}"
            for path in sorted(root.rglob("*.py"))
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and not node.name.startswith("_") and ast.get_docstring(node) is None]


def test_every_public_function_of_the_programme_importers_has_a_docstring() -> None:
    assert undocumented(ROOT / "guide" / "programme") == []


def test_the_check_finds_a_function_without_one(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text('def bare():\n    pass\n\n\ndef said():\n    """Said."""\n\n\n'
                                           "def _private():\n    pass\n")
    assert undocumented(tmp_path / "pkg") == ["pkg/m.py:1: bare"]
