"""The traditional -> simplified table search folds with, and the script that derives it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from guide.search.text import fold
from guide.search.traditional import SIMPLIFIED, TRADITIONAL
from tests.conftest import ROOT


def _derive():  # type: ignore[no-untyped-def]
    path = ROOT / "packaging" / "derive_traditional.py"
    spec = importlib.util.spec_from_file_location("derive_traditional", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_derivation_keeps_only_characters_simplified_text_never_uses(tmp_path: Path) -> None:
    table = tmp_path / "TSCharacters.txt"
    table.write_text(
        "乾\t干 乾\n"  # also simplified (乾隆): left alone
        "髮\t发\n"
        "薴\t苧\n"  # a chain: 薴 -> 苧 -> 苎
        "苧\t苎\n"
        "㑮\t\U0002b748\n"  # its simplified form lies outside the BMP: left out
        "\U00020000\t一\n",  # so does this traditional one
        encoding="utf-8",
    )
    assert _derive().pairs(table) == {"髮": "发", "薴": "苎", "苧": "苎"}


def test_the_shipped_table_folds_each_character_once_to_one_character() -> None:
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL)) > 2500
    # No chain is left: folding folded text changes nothing more.
    assert not set(SIMPLIFIED) & set(TRADITIONAL)
    assert fold(TRADITIONAL) == SIMPLIFIED
    assert fold("中關村論壇發佈會在北京舉行") == "中关村论坛发布会在北京举行"
    # Characters simplified Chinese also writes stay as they are.
    assert fold("乾隆著名的后来") == "乾隆著名的后来"
