"""The whole layout matrix, printed: every page at every size, text size, theme and language.

    .venv/bin/python benchmarks/bench_layout.py [--now 2023-05-29T10:00]

CI (tests/test_layout_pages.py) runs part of it: every section page over the whole matrix
and every item's detail page at two points. This runs all of it (3 sizes x 2 text sizes x
2 themes x 2 languages = 24 points, every section and every item) and prints the problems,
the number of renders and the time per render. Exit 1 when anything is reported.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _stats import print_figures  # noqa: E402


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from guide.layout_matrix import check_layout, matrix

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--now", default="2023-05-29T10:00")
    parser.add_argument("--content-db", type=Path)
    args = parser.parse_args()
    configs = matrix()
    renders = problems = 0
    started = time.perf_counter()

    def seen(_config: object, _page: str, _problems: list[str]) -> None:
        nonlocal renders
        renders += 1

    for config, page, problem in check_layout(args.content_db, configs, now=args.now,
                                              on_result=seen):
        problems += 1
        print(f"{config} | {page} | {problem}", flush=True)
    elapsed = time.perf_counter() - started
    print(f"layout matrix: {len(configs)} configurations, {renders} page renders, "
          f"{problems} problems, {elapsed:.0f} s ({1000 * elapsed / max(1, renders):.0f} ms a render)")
    print_figures({"benchmark": "layout", "configurations": len(configs), "renders": renders,
                   "problems": problems, "seconds": elapsed,
                   "ms_per_render": 1000 * elapsed / max(1, renders)})
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
