"""House rule: a public function of the core (every package without Qt) says what it does (a
docstring). guide/ui is not held to it."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from tests.conftest import ROOT


def undocumented(root: Path) -> list[str]:
    """Every public module-level function under ``root`` (a package folder or one module)
    without a docstring."""
    top = root.parent if root.is_dir() else root.parent.parent  # "kiosk/pin.py", as "search/x.py"
    return [f"{path.relative_to(top).as_posix()}:{node.lineno}: {node.name}"
            for path in (sorted(root.rglob("*.py")) if root.is_dir() else [root])
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and not node.name.startswith("_") and ast.get_docstring(node) is None]


CORE = ("content", "search", "user", "updates", "programme")


def plain_kiosk_modules() -> list[Path]:
    """The kiosk modules that the import contract keeps free of Qt (its rules), read from
    pyproject.toml so that a module added to the contract is checked here too."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    plain = [c for c in contracts["contracts"] if c["name"].startswith("Kiosk rules are plain Python")]
    assert len(plain) == 1, [c["name"] for c in contracts["contracts"]]
    return [ROOT / Path(*name.split(".")).with_suffix(".py") for name in plain[0]["source_modules"]]


def test_every_public_function_of_the_core_has_a_docstring() -> None:
    missing = [line for package in CORE for line in undocumented(ROOT / "guide" / package)]
    kiosk = plain_kiosk_modules()
    assert kiosk and all(path.is_file() for path in kiosk), kiosk
    missing += [line for path in kiosk for line in undocumented(path)]
    assert missing == []


def test_the_check_finds_a_function_without_one(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text('def bare():\n    pass\n\n\ndef said():\n    """Said."""\n\n\n'
                                           "def _private():\n    pass\n")
    assert undocumented(tmp_path / "pkg") == ["pkg/m.py:1: bare"]


def test_the_check_reads_one_module_too(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text("def bare():\n    pass\n")
    assert undocumented(tmp_path / "pkg" / "m.py") == ["pkg/m.py:1: bare"]
