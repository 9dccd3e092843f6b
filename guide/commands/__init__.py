"""The `guide` subcommands that are more than a few lines: bookmarks, kiosk, pack/update."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def print_json(data: Any) -> None:
    """Every command's ``--json`` output: UTF-8 (Chinese as is), indented, one trailing newline."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def write_screenshot(take: Callable[[], Path]) -> int:
    """Run a screenshot tool offscreen and report: exit 0, 2 for an unknown page, 1 if not written."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is first imported
    try:
        out = take()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


def db_options(parser: argparse.ArgumentParser, *, content_help: str | None = None) -> None:
    """--content-db and --user-db on an action's parser, so they work after the action
    (`guide update status --user-db X`) as they do before it (`guide update --user-db X status`)."""
    from guide.cli import CONTENT_DB_HELP

    # SUPPRESS: an option given before the action is not overwritten by this parser's default.
    parser.add_argument("--content-db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help=content_help or CONTENT_DB_HELP)
    parser.add_argument("--user-db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help="user database (default: the app's, in the per-OS user data folder)")


class ExportTargetError(ValueError):
    """An export's --out and --format disagree, or neither names the format; one line saying what to do."""


def export_format(out: Path, given: str | None, by_suffix: dict[str, str]) -> str:
    """The format an export writes to ``out`` (``-`` is stdout): ``given``, else the one its
    extension names (``by_suffix``: ``".ics" -> "ics"``).

    A name whose extension is another format's is refused, so a file never holds other than
    what its name says (``x.ics`` full of XML); a name with no known extension is written as
    named in the ``given`` format. Raises :class:`ExportTargetError`.
    """
    suffix_of = {fmt: suffix for suffix, fmt in by_suffix.items()}
    choices = "|".join(suffix_of)
    if str(out) == "-":
        if given is None:
            raise ExportTargetError(f"--out - (stdout) has no extension to tell the format: give "
                                    f"--format {choices}")
        return given
    implied = by_suffix.get(out.suffix.lower())
    if given is None:
        if implied is None:
            known = ", ".join(by_suffix)
            raise ExportTargetError(f"cannot tell the format from the name {out.name}: give "
                                    f"--format {choices}, or a name ending in {known}")
        return implied
    if implied is not None and implied != given:
        raise ExportTargetError(
            f"--out {out} names the {implied} format ({out.suffix}), but --format is {given}: "
            f"give --format {implied} (or no --format: the name decides), or a name ending in "
            f"{suffix_of[given]} for {given}")
    return given
