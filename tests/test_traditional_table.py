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


def test_the_derivation_keeps_opencc_defaults_within_the_bmp(tmp_path: Path) -> None:
    table = tmp_path / "TSCharacters.txt"
    table.write_text(
        "乾\t干 乾\n"  # OpenCC's default is 干
        "覆\t覆 复\n"  # OpenCC's default is itself: left out
        "髮\t发\n"
        "薴\t苧\n"  # a chain: 薴 -> 苧 -> 苎
        "苧\t苎\n"
        "㑮\t\U0002b748\n"  # its simplified form lies outside the BMP: left out
        "\U00020000\t一\n",  # so does this traditional one
        encoding="utf-8",
    )
    assert _derive().pairs(table) == {"乾": "干", "髮": "发", "薴": "苎", "苧": "苎"}


def test_the_shipped_table_folds_each_character_once_to_one_character() -> None:
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL)) > 2500
    # No chain is left: folding folded text changes nothing more.
    assert not set(SIMPLIFIED) & set(TRADITIONAL)
    assert fold(TRADITIONAL) == SIMPLIFIED
    assert fold("中關村論壇發佈會在北京舉行") == "中关村论坛发布会在北京举行"
    assert fold("關於我們 位於 特徵 乾淨") == "关于我们 位于 特征 干净"
    # Characters OpenCC keeps without a phrase to tell, and simplified text, stay as they are.
    assert fold("覆盖 著名的 后来") == "覆盖 著名的 后来"
