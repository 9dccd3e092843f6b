"""Build synthetic content packs (10k, 100k and 300k items by default) and print the figures.

    .venv/bin/python benchmarks/bench_build.py [--sizes 10000,100000,300000] [--items N]

At each size: write a synthetic pack, validate it, build the content database (the
search index timed apart), then time bench_search's as-you-type queries on it. A
scaling table follows; the JSON last line holds the 100,000-item figures (and every
size under ``sizes``). Goal (issue 17): the 100,000-item build <= 20 s with the index.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import print_figures
from bench_search import _time_queries

from guide.content import build as build_module
from guide.content.build import build_content_db
from guide.content.loader import load_pack
from guide.content.synth import write_synthetic_pack


def build_once(items: int, repeats: int) -> dict[str, float | int]:
    """Write a synthetic pack of ``items``, build its content database and time searches on it."""
    with tempfile.TemporaryDirectory() as tmp:
        pack_dir, out = Path(tmp) / "pack", Path(tmp) / "content.db"
        started = time.perf_counter()
        write_synthetic_pack(pack_dir, items)
        synth_s = time.perf_counter() - started

        load = os.getloadavg()[0]
        started, cpu_started = time.perf_counter(), time.process_time()
        pack = load_pack(pack_dir)
        load_s = time.perf_counter() - started

        # Time the derived search index apart from the content tables.
        index_s = index_cpu_s = 0.0
        original = build_module.migrate

        def timed_migrate(conn, target=None, migrations=None):  # type: ignore[no-untyped-def]
            nonlocal index_s, index_cpu_s
            t, c = time.perf_counter(), time.process_time()
            result = original(conn, target) if target is not None else original(conn)
            if target == build_module.SCHEMA_VERSION:
                index_s += time.perf_counter() - t
                index_cpu_s += time.process_time() - c
            return result

        build_module.migrate = timed_migrate  # type: ignore[assignment]
        started = time.perf_counter()
        try:
            report = build_content_db(pack_dir, out, pack=pack)
        finally:
            build_module.migrate = original
        write_s = time.perf_counter() - started
        cpu = time.process_time() - cpu_started

        total = load_s + write_s
        sizes = table_sizes(out)
        index_mb, text_mb = sizes.get("index_mb", 0.0), sizes.get("text_mb", 0.0)
        per_byte = index_mb / text_mb if text_mb else 0.0
        print(f"items               {items:,} (load average {load:.1f} on {os.cpu_count()} CPUs)")
        print(f"synth pack          {synth_s:6.2f} s (not part of the build)")
        print(f"validate (load)     {load_s:6.2f} s")
        print(f"write tables        {write_s - index_s:6.2f} s")
        print(f"search index        {index_s:6.2f} s ({index_cpu_s:.2f} s CPU)")
        print(f"build-db total      {total:6.2f} s, {cpu:.2f} s CPU  ({items / total:,.0f} items/s)")
        print(f"content db size     {report.size / 1e6:6.1f} MB, of which the search index {index_mb:.1f} MB"
              f" = {per_byte:.2f} bytes per byte of the {text_mb:.1f} MB of text it indexes")
        figures = _time_queries(out, repeats)
        print()
        return {"items": items, "synth_s": synth_s, "load_s": load_s, "write_tables_s": write_s - index_s,
                "index_s": index_s, "index_cpu_s": index_cpu_s, "build_s": total, "build_cpu_s": cpu,
                "content_db_mb": report.size / 1e6, "index_mb": index_mb, "text_mb": text_mb,
                "bytes_per_text_byte": per_byte, "build_load": load, **figures}


def table_sizes(path: Path) -> dict[str, float]:
    """MB of the search tables (FTS5 indexes and their document table) in a content database,
    and MB (UTF-8) of the text they index."""
    conn = sqlite3.connect(path)
    try:
        (text,) = conn.execute(
            "SELECT sum(length(CAST(title || title_en || names || body || body_en AS BLOB)))"
            " FROM search_doc").fetchone()
        (size,) = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'"
            " OR name LIKE 'sqlite_autoindex_search%'").fetchone()
    except sqlite3.OperationalError:  # SQLite built without dbstat
        return {}
    finally:
        conn.close()
    return {"index_mb": (size or 0) / 1e6, "text_mb": (text or 0) / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,300000",
                        help="comma-separated item counts (default: %(default)s)")
    parser.add_argument("--items", type=int, help="one size only (same as --sizes N)")
    parser.add_argument("--repeats", type=int, default=3, help="passes over the search queries")
    args = parser.parse_args()
    sizes = [args.items] if args.items else [int(n) for n in args.sizes.split(",")]
    results = {items: build_once(items, args.repeats) for items in sizes}
    print("| items | build-db s (CPU s) | search index s (CPU s) | content db MB | index MB (B/text B)"
          " | search p50 / p95 ms (CPU p95) | counts p50 / p95 ms (CPU p95) | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for items, r in results.items():
        print(f"| {items:,} | {r['build_s']:.1f} ({r['build_cpu_s']:.1f}) | {r['index_s']:.1f}"
              f" ({r['index_cpu_s']:.1f}) | {r['content_db_mb']:.0f} | {r['index_mb']:.0f}"
              f" ({r['bytes_per_text_byte']:.2f}) |"
              f" {r['p50_ms']:.2f} / {r['p95_ms']:.2f} ({r['cpu_p95_ms']:.2f}) |"
              f" {r['count_p50_ms']:.2f} / {r['count_p95_ms']:.2f} ({r['count_cpu_p95_ms']:.2f}) |"
              f" {r['build_load']:.1f} |")
    head = results.get(100_000) or results[max(results)]
    print_figures({"benchmark": "build", **head, "sizes": {str(n): r for n, r in results.items()}})


if __name__ == "__main__":
    main()
