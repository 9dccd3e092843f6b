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


def db_options(parser: argparse.ArgumentParser, *,
               content_help: str = "content database (default: the one shipped with the app)") -> None:
    """--content-db and --user-db on an action's parser, so they work after the action
    (`guide update status --user-db X`) as they do before it (`guide update --user-db X status`)."""
    # SUPPRESS: an option given before the action is not overwritten by this parser's default.
    parser.add_argument("--content-db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help=content_help)
    parser.add_argument("--user-db", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help="user database (default: the app's, in the per-OS user data folder)")
