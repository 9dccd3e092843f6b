"""Build a synthetic content pack of N items (default 100,000) and print the figures.

    .venv/bin/python benchmarks/bench_build.py [--items N]

Goal (issue #2): 100,000 items in under 20 s on a 2-core machine for the content
tables; the search index (issue #4) is timed separately inside the same build.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import print_figures

from guide.content import build as build_module
from guide.content.build import build_content_db
from guide.content.loader import load_pack
from guide.content.synth import write_synthetic_pack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pack_dir, out = Path(tmp) / "pack", Path(tmp) / "content.db"
        started = time.perf_counter()
        write_synthetic_pack(pack_dir, args.items)
        synth_s = time.perf_counter() - started

        started = time.perf_counter()
        pack = load_pack(pack_dir)
        load_s = time.perf_counter() - started

        # Time the derived search index apart from the content tables.
        index_s = 0.0
        original = build_module.migrate

        def timed_migrate(conn, target=None, migrations=None):  # type: ignore[no-untyped-def]
            nonlocal index_s
            t = time.perf_counter()
            result = original(conn, target) if target is not None else original(conn)
            if target == build_module.SCHEMA_VERSION:
                index_s += time.perf_counter() - t
            return result

        build_module.migrate = timed_migrate  # type: ignore[assignment]
        started = time.perf_counter()
        report = build_content_db(pack_dir, out, pack=pack)
        write_s = time.perf_counter() - started
        build_module.migrate = original

        total = load_s + write_s
        print(f"items               {args.items:,}")
        print(f"synth pack          {synth_s:6.2f} s (not part of the build)")
        print(f"validate (load)     {load_s:6.2f} s")
        print(f"write tables        {write_s - index_s:6.2f} s")
        print(f"search index        {index_s:6.2f} s")
        print(f"build-db total      {total:6.2f} s  ({args.items / total:,.0f} items/s; "
              f"goal < 20 s for the content, < 30 s with the index)")
        print(f"content db size     {report.size / 1e6:6.1f} MB")
        print_figures({"benchmark": "build", "items": args.items, "synth_s": synth_s, "load_s": load_s,
                       "write_tables_s": write_s - index_s, "index_s": index_s, "build_s": total,
                       "content_db_mb": report.size / 1e6})


if __name__ == "__main__":
    main()
