"""The `guide` subcommands that are more than a few lines: bookmarks, kiosk, pack/update."""

from __future__ import annotations

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
