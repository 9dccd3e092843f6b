"""The command lines README.md shows are ones the `guide` command takes."""

from __future__ import annotations

import itertools
import re
import shlex
from collections.abc import Iterator

import pytest

from guide.cli import build_parser
from tests.conftest import ROOT


def _block(heading: str) -> list[str]:
    """The lines of the first code block after ``heading`` in README.md, comments dropped."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    after = text[text.index(heading):]
    block = after.split("```", 2)[1]
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def _variants(line: str) -> Iterator[list[str]]:
    """Every command a synopsis line stands for: each ``a|b`` alternative, each ``[...]``
    group left out or given (each of its ``x | y`` alternatives), placeholders filled in."""
    parts = re.findall(r"\[[^\]]*\]|\S+", line)
    choices: list[list[list[str]]] = []
    for part in parts:
        if part.startswith("["):
            choices.append([[]] + [shlex.split(alt) for alt in part[1:-1].split(" | ")])
        elif "|" in part and not part.startswith("-"):
            choices.append([[alt] for alt in part.split("|")])
        else:
            choices.append([[part]])
    for combo in itertools.product(*choices):
        words = [w for group in combo for w in group]
        yield ["x" if re.fullmatch(r"[A-Z][A-Z_]+", w) else w for w in words]


@pytest.mark.parametrize("line", [line for line in _block("## Content updates")
                                  if line.startswith(("guide pack", "guide update"))])
def test_every_content_update_command_in_the_readme_parses(line: str) -> None:
    """README showed `guide update check|apply|restore|status [--source URL_OR_FOLDER]`, but
    restore and status refused --source (exit 2)."""
    parser = build_parser()
    for words in _variants(line):
        try:
            parser.parse_args(words[1:])
        except SystemExit:
            pytest.fail(f"README's `{line}` stands for `{' '.join(words)}`, which guide refuses")
