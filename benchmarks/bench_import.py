"""Import and build a frab schedule of 1,000 and 20,000 events; print time and peak memory.

    .venv/bin/python benchmarks/bench_import.py [--events 1000 20000]

The schedule is the real 39C3 file (tests/fixtures/schedules/) repeated with new event ids
and guids until it has N events. Each size runs in a fresh process so its peak memory
(maximum resident set size) is its own. Goal (issue #14): 1,000 events in under 5 s end
to end, and growth linear in events (issue #14's last round: 989 MB peak RSS for 20,000 events
before the XML was streamed and the pack written in files of 1,000 sessions; see docs/performance.md).
``--tracemalloc`` adds each step's peak of Python allocations. The last line printed is one
JSON object.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
SOURCE = ROOT / "tests" / "fixtures" / "schedules" / "eventfahrplan-schedule-39c3-20251206.xml"


from _stats import print_figures  # noqa: E402


def write_schedule(events: int, out: Path) -> None:
    """The 39C3 schedule with its events repeated (new id and guid per copy) up to ``events``."""
    tree = ET.parse(SOURCE)
    rooms = [(room, list(room.findall("event"))) for room in tree.getroot().iter("room")]
    originals = sum(len(evs) for _r, evs in rooms)
    made, copy_number = originals, 1
    while made < events:
        for room, evs in rooms:
            for event in evs:
                if made >= events:
                    break
                twin = copy.deepcopy(event)
                twin.set("guid", str(uuid.uuid5(uuid.NAMESPACE_URL, f"{event.get('guid')}/{copy_number}")))
                twin.set("id", str(100_000 * copy_number + int(event.get("id") or 0)))
                room.append(twin)
                made += 1
        copy_number += 1
    if events < originals:  # fewer than the file has: drop from the end
        extra = originals - events
        for room, evs in reversed(rooms):
            for event in reversed(evs):
                if extra:
                    room.remove(event)
                    extra -= 1
    tree.write(out, encoding="utf-8", xml_declaration=True)


def run_one(source: Path, trace: bool = False) -> dict[str, float]:
    """Import + build ``source`` in this process; return the figures.

    ``trace``: also the peak of Python's own allocations (tracemalloc) in each step, to see
    which step holds the memory (slower; times are then not comparable).
    """
    from guide.content.build import build_content_db
    from guide.programme.importer import import_programme

    if trace:
        tracemalloc.start()
    peaks: dict[str, float] = {}

    def step_peak(name: str) -> None:
        if trace:
            peaks[f"{name}_traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
            tracemalloc.reset_peak()

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = import_programme(str(source), Path(tmp) / "pack")
        imported = time.perf_counter()
        step_peak("import")
        build_content_db(Path(tmp) / "pack", Path(tmp) / "content.db")
        built = time.perf_counter()
        step_peak("build")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"events": len(result.programme.forum), "file_mb": round(source.stat().st_size / 1e6, 1),
            "import_s": round(imported - started, 2), "build_s": round(built - imported, 2),
            "total_s": round(built - started, 2), "peak_rss_mb": round(peak_kb / 1024, 1), **peaks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also print each step's peak of Python allocations (slower)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # child: import one file
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.tracemalloc)))
        return
    results = []
    for n in args.events:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "schedule.xml"
            write_schedule(n, source)  # here, so the child's peak memory is the import's own
            done = subprocess.run([sys.executable, __file__, "--one", str(source),
                                   *(["--tracemalloc"] if args.tracemalloc else [])],
                                  capture_output=True, text=True, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(figures)
        print(f"{figures['events']:>6} events ({figures['file_mb']} MB): import "
              f"{figures['import_s']:.2f} s + build {figures['build_s']:.2f} s = "
              f"{figures['total_s']:.2f} s, peak RSS {figures['peak_rss_mb']:.0f} MB"
              + (f" (traced peaks: import {figures['import_traced_peak_mb']:.0f} MB, build "
                 f"{figures['build_traced_peak_mb']:.0f} MB)" if args.tracemalloc else ""))
    if len(results) >= 2:
        a, b = results[0], results[-1]
        ratio = (b["total_s"] / b["events"]) / (a["total_s"] / a["events"])
        print(f"time per event at {b['events']} vs {a['events']}: x{ratio:.2f} (1.0 = linear)")
        growth = (b["peak_rss_mb"] - a["peak_rss_mb"]) / (b["events"] - a["events"]) * 1000
        print(f"memory per 1,000 more events: {growth:.0f} MB of peak RSS")
    print_figures({"benchmark": "import", "results": results, "goal_1000_under_s": 5.0})


if __name__ == "__main__":
    main()
