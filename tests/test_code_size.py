"""Modules a newcomer can change: no function over 80 lines, no class over 300, no module over 500."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

MAX_FUNCTION, MAX_CLASS, MAX_MODULE = 80, 300, 500


def oversized(root: Path) -> list[str]:
    """Every function, class and module under ``root`` that is over its limit, with its size."""
    found = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(root.parent).as_posix()
        lines = len(text.splitlines())
        if lines > MAX_MODULE:
            found.append(f"{name}: module of {lines} lines (limit {MAX_MODULE})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                size = (node.end_lineno or node.lineno) - start + 1
                limit = MAX_CLASS if isinstance(node, ast.ClassDef) else MAX_FUNCTION
                if size > limit:
                    found.append(f"{name}:{node.lineno}: {node.name} has {size} lines (limit {limit})")
    return found


def test_nothing_under_guide_is_over_its_size_limit() -> None:
    assert oversized(ROOT / "guide") == []


def test_the_measure_finds_an_oversized_function(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION))
    (package / "big.py").write_text(f"def big():\n{body}\n\ndef small():\n    return 1\n")
    assert oversized(package) == [f"pkg/big.py:1: big has {MAX_FUNCTION + 1} lines (limit {MAX_FUNCTION})"]
