"""UI performance, printed (never asserted): start-up and memory against bare PySide6, 100k lists.

    .venv/bin/python benchmarks/bench_ui.py [--items 100000] [--runs 5] [--start-only]
                                            [--no-instructions]

1. Time from process start to the first painted main window, and peak memory, for
   the guide and for a bare PySide6 window measured in the same run (ratios); with
   valgrind installed, also the instructions each runs to its first paint (callgrind).
   A third child, the floor, is the bare window after importing the Qt classes the guide's
   first frame imports: what PySide6 alone costs such a window (``floor_ratio``).
2. With a synthetic pack of N items: time a cold first open of the Forums page (page not
   yet built, no day loaded), a real change of the kind filter each way, a day switch, and
   scrolling the list from top to bottom.

The last line printed is one JSON object with every figure (``start_ratio``, ``memory_ratio``, ...).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import print_figures  # noqa: E402

# The code that builds the cached benchmark database: a change to any of it rebuilds the cache.
BUILD_SOURCES = ("guide/content", "guide/search")

# Each child reports (seconds since the parent spawned it, peak RSS in KiB, CPU seconds) at
# the first paint of its main window. Both children are watched the same way: the prelude
# wraps QMainWindow.show so that the window being shown gets the paint hook, and nothing
# else does (an application-wide filter would send every event of every widget through
# Python, which costs the window with more widgets more than the one it is compared with).
CHILD_PRELUDE = """
import os, resource, sys, time
T0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow
def peak_kib(usage):
    # Linux: the peak of this program's own memory. ru_maxrss keeps, across exec, the
    # parent's resident size at fork: a benchmark process that built a database would
    # otherwise be measured instead of the window.
    try:
        with open("/proc/self/status") as status:
            return int(status.read().split("VmHWM:")[1].split()[0])
    except (OSError, IndexError):
        return usage.ru_maxrss
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            print(f"{time.time() - T0:.4f} {peak_kib(usage)} {usage.ru_utime + usage.ru_stime:.4f}")
            sys.stdout.flush()
            os._exit(0)
        return False
HOOK = FirstPaint()
_show = QMainWindow.show
def _show_watched(window):
    window.installEventFilter(HOOK)
    _show(window)
QMainWindow.show = _show_watched
"""
BARE = CHILD_PRELUDE + """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 800)
w.show(); app.exec()
"""
# The guide starts as a user starts it: the ``guide`` command's main(), which parses the
# command line, finds and checks the content database, opens the user database and shows
# the window (the hook above reports its first paint).
GUIDE = CHILD_PRELUDE + """
from guide.cli import main
sys.exit(main([] if sys.argv[1] == "-" else ["--content-db", sys.argv[1]]))
"""


# Writes a synthetic pack of argv[2] items into the folder argv[1] and builds its database.
BUILD_DB = """
import sys
from pathlib import Path
from guide.content.build import build_content_db
from guide.content.synth import write_synthetic_pack
folder = Path(sys.argv[1])
write_synthetic_pack(folder / "pack", int(sys.argv[2]))
build_content_db(folder / "pack", folder / "content.db")
"""

USER_DATA = Path(tempfile.gettempdir()) / "zgc-bench-user-data"  # a returning user's folder

# The floor under the start goal: the bare window, after importing the Qt classes that the
# guide's modules import before its first paint. PySide6 makes a Python enum class for every
# enum of a Qt class when the class is first imported (``Qt`` alone: 96 classes, 1,208
# members), so this child pays what any window built from those classes pays before one
# line of its own code runs. The names are read from the guide's own modules in each run.
LIST_MODULES = CHILD_PRELUDE.replace(
    "            print(f\"{time.time() - T0:.4f} {peak_kib(usage)} {usage.ru_utime + usage.ru_stime:.4f}\")",
    "            print(' '.join(name for name in sys.modules if name.startswith('guide')))",
) + GUIDE.split(CHILD_PRELUDE, 1)[1]


def first_frame_qt_imports() -> str:
    """``from PySide6.X import ...`` lines for every Qt name that the guide's modules loaded
    before its first paint import at their top level."""
    out = subprocess.run([sys.executable, "-c", LIST_MODULES, "-"], env=_child_env(), cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    names: dict[str, set[str]] = {}
    for module in out:
        source = ROOT / Path(*module.split("."))
        path = source / "__init__.py" if source.is_dir() else source.with_suffix(".py")
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                names.setdefault(str(node.module), set()).update(alias.name for alias in node.names)
    return "".join(f"from {module} import {', '.join(sorted(found))}\n"
                   for module, found in sorted(names.items()))


def floor_code() -> str:
    """The bare window's code with the guide's first-frame Qt imports before it."""
    return CHILD_PRELUDE + first_frame_qt_imports() + BARE.split(CHILD_PRELUDE, 1)[1]


def _child_env() -> dict[str, str]:
    return {**os.environ, "BENCH_T0": repr(time.time()), "QT_QPA_PLATFORM": "offscreen",
            "ZGC_GUIDE_DATA": str(USER_DATA)}


def first_paint(code: str, *args: str) -> tuple[float, int, float]:
    """(seconds from spawn to first paint, peak RSS in KiB, CPU seconds used by then)."""
    out = subprocess.run([sys.executable, "-c", code, *args], env=_child_env(), cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


def instructions(content_db: str, floor: str) -> dict[str, float]:
    """Instructions each child runs to its first paint, counted by callgrind (none without
    valgrind). Unlike the times above, which move by 10-20% from one run to the next on a
    shared machine, the counts are the same in every run, so a change of 1% shows."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {}
    counts = []
    for code, args in ((BARE, ()), (GUIDE, (content_db,)), (floor, ())):
        env = {**_child_env(), "PYTHONHASHSEED": "0"}  # the same dict layouts in every run
        done = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null",
                               sys.executable, "-c", code, *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, check=True)
        counts.append(int(re.search(r"Collected : (\d+)", done.stderr).group(1)))  # type: ignore[union-attr]
    bare, guide, floor_count = counts
    return {"bare_instructions_m": bare / 1e6, "guide_instructions_m": guide / 1e6,
            "start_instructions_ratio": guide / bare, "floor_instructions_m": floor_count / 1e6,
            "floor_instructions_ratio": floor_count / bare}


def compile_bytecode() -> None:
    """Write the guide's bytecode, as an installation has it (pip and PyInstaller both
    compile it; PySide6's own modules already are). Without this, a checkout run with
    PYTHONDONTWRITEBYTECODE compiles every module of the guide from source on each start."""
    import compileall

    compileall.compile_dir(ROOT / "guide", quiet=1)


def startup(runs: int, content_db: str, floor: str) -> dict[str, float]:
    compile_bytecode()
    first_paint(BARE)  # warm the OS file cache for all three
    first_paint(GUIDE, content_db)
    first_paint(floor)
    bare, guide, floors = [], [], []
    for _ in range(runs):  # interleaved, so drift affects them alike
        bare.append(first_paint(BARE))
        guide.append(first_paint(GUIDE, content_db))
        floors.append(first_paint(floor))
    b_time = statistics.median(t for t, _, _ in bare)
    g_time = statistics.median(t for t, _, _ in guide)
    b_mem = statistics.median(m for _, m, _ in bare) / 1024
    g_mem = statistics.median(m for _, m, _ in guide) / 1024
    # CPU time to the first paint: what the start costs, less distorted than wall time
    # when other processes share the cores (printed beside the wall-time ratio, not instead).
    b_cpu = statistics.median(c for _, _, c in bare)
    g_cpu = statistics.median(c for _, _, c in guide)
    return {"bare_start_s": b_time, "guide_start_s": g_time, "start_ratio": g_time / b_time,
            "bare_cpu_s": b_cpu, "guide_cpu_s": g_cpu, "start_cpu_ratio": g_cpu / b_cpu,
            "bare_peak_mb": b_mem, "guide_peak_mb": g_mem, "memory_ratio": g_mem / b_mem,
            "floor_start_s": statistics.median(t for t, _, _ in floors),
            "floor_ratio": statistics.median(t for t, _, _ in floors) / b_time,
            "start_load": os.getloadavg()[0]}


def build_key() -> str:
    """Content schema version plus a hash of the code that writes the pack and builds the database."""
    from guide.content.schema import SCHEMA_VERSION

    digest = hashlib.sha256()
    for folder in BUILD_SOURCES:
        for source in sorted((ROOT / folder).rglob("*.py")):
            digest.update(source.relative_to(ROOT).as_posix().encode() + b"\0" + source.read_bytes())
    return f"v{SCHEMA_VERSION}-{digest.hexdigest()[:16]}"


def big_db(items: int) -> Path:
    """A content database of ``items`` synthetic items, built once per item count, schema and build code."""
    folder = Path(tempfile.gettempdir()) / f"zgc-bench-{items}-{build_key()}"
    db = folder / "content.db"
    if not db.is_file():
        # In a child process: a build of 100k items leaves this process's heap so large that
        # the cyclic collector's passes during the timed page open below cost it about 50 ms
        # (129 ms against 77 ms with the same database already built), which the guide's
        # users, who never build in the window's process, do not pay.
        subprocess.run([sys.executable, "-c", BUILD_DB, str(folder), str(items)], cwd=ROOT, check=True)
    return db


def lists(items: int) -> dict[str, float | int]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from guide.app import build_window
    from guide.ui.history import Location

    db = big_db(items)
    guide = build_window(db)
    guide.window.resize(1280, 800)
    guide.window.show()
    app = QApplication.instance()
    assert app is not None
    app.processEvents()  # the Home page is up and painted; Forums is not built yet
    if "forums" in guide.window.pages:
        raise SystemExit("the Forums page was built before it was opened: 'open forums' would not be cold")

    def painted(page_view: object, started: float) -> float:
        page_view.viewport().repaint()  # type: ignore[attr-defined]
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    started = time.perf_counter()  # cold: builds the page, loads its first day, paints the list
    if not guide.window.go(Location("forums")):
        raise SystemExit("could not open the Forums page")
    page = guide.window.page("forums")
    open_ms = painted(page.view, started)
    rows_opened = page.model.rowCount()

    # The kind filter, really changed: to the kind with the most rows on this day, then back to all.
    rows_by_kind = {}
    for i in range(1, page.kind.count()):  # untimed: find the kind with the most rows on this day
        page.kind.setCurrentIndex(i)
        rows_by_kind[i] = page.model.rowCount()
    best = max(rows_by_kind, key=lambda i: rows_by_kind[i])
    page.kind.setCurrentIndex(0)
    app.processEvents()
    all_rows = page.model.rowCount()
    if not 0 < rows_by_kind[best] < all_rows:
        raise SystemExit("no kind filters the day's list to a shorter, non-empty one: nothing to time")
    page.kind.setCurrentIndex(1 if best != 1 else 2)  # the timed change starts from another kind
    app.processEvents()
    started = time.perf_counter()
    page.kind.setCurrentIndex(best)
    kind_ms = painted(page.view, started)
    kind_rows = page.model.rowCount()
    started = time.perf_counter()
    page.kind.setCurrentIndex(0)  # all kinds: the longest list
    all_ms = painted(page.view, started)
    if page.kind.currentIndex() != 0 or page.model.rowCount() != all_rows:
        raise SystemExit("the kind filter did not go back to all kinds")

    days = page._days
    target = next((d for d in days if d != page.current_day()), None)
    started = time.perf_counter()
    if target is not None:
        page.select_day(target)
    day_ms = painted(page.view, started)
    rows = page.model.rowCount()

    bar = page.view.verticalScrollBar()
    steps, worst = 0, 0.0
    started = time.perf_counter()
    while bar.value() < bar.maximum():
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        page.view.viewport().repaint()
        worst = max(worst, (time.perf_counter() - t) * 1000)
        steps += 1
    scroll_ms = (time.perf_counter() - started) * 1000

    bar.setValue(0)
    page.model.set_ids(page.model.ids())  # drop cached rows: measure a cold jump
    started = time.perf_counter()
    bar.setValue(bar.maximum())
    page.view.viewport().repaint()
    jump_ms = (time.perf_counter() - started) * 1000
    guide.close()
    return {"items": items, "forum_rows_opened": rows_opened, "open_forums_cold_ms": open_ms,
            "kind_filter_rows": kind_rows, "kind_filter_all_rows": all_rows,
            "kind_filter_ms": kind_ms, "kind_filter_back_to_all_ms": all_ms, "switch_day_ms": day_ms,
            "forum_rows_on_day": rows, "scroll_pages": steps, "scroll_top_to_bottom_ms": scroll_ms,
            "worst_page_ms": worst, "jump_to_bottom_ms": jump_ms}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--start-only", action="store_true", help="only the start-up figures")
    parser.add_argument("--no-instructions", action="store_true",
                        help="skip counting instructions under callgrind (about 30 s)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from guide.locate import ensure_content_db

    ensure_content_db(None)  # built once here, so no child pays for it
    floor = floor_code()
    figures = startup(args.runs, "-", floor)  # the user's start: `guide`, the default database
    print(f"start-up (median of {args.runs}, offscreen, to first paint):")
    print(f"  bare PySide6 window  {figures['bare_start_s'] * 1000:7.0f} ms  "
          f"{figures['bare_peak_mb']:6.1f} MB peak")
    print(f"  zgc-guide            {figures['guide_start_s'] * 1000:7.0f} ms  "
          f"{figures['guide_peak_mb']:6.1f} MB peak")
    print(f"  ratio                {figures['start_ratio']:7.2f} x (goal <= 1.3)  "
          f"{figures['memory_ratio']:6.2f} x memory (goal <= 1.3, issue 17)")
    print(f"  CPU time to paint    {figures['bare_cpu_s'] * 1000:7.0f} ms bare,"
          f" {figures['guide_cpu_s'] * 1000:.0f} ms guide: {figures['start_cpu_ratio']:.2f} x"
          f" (load average {figures['start_load']:.1f})")
    print(f"  floor                {figures['floor_start_s'] * 1000:7.0f} ms: {figures['floor_ratio']:.2f} x,"
          " the bare window after importing the Qt classes the guide imports before its first paint")
    counted = {} if args.no_instructions else instructions("-", floor)
    if counted:
        print(f"  instructions to paint {counted['bare_instructions_m']:6.0f} M bare,"
              f" {counted['guide_instructions_m']:.0f} M guide: {counted['start_instructions_ratio']:.2f} x"
              " (callgrind: the same in every run)")
        print(f"  floor's instructions  {counted['floor_instructions_m']:6.0f} M: "
              f"{counted['floor_instructions_ratio']:.2f} x")
    figures.update(counted)
    if args.start_only:
        print_figures({"benchmark": "ui", **figures})
        return
    result = lists(args.items)
    print(f"forums list with {result['items']:,} items ({result['forum_rows_on_day']:,} rows on the day):")
    print(f"  open (cold: page built, first day loaded) {result['open_forums_cold_ms']:7.1f} ms "
          f"({result['forum_rows_opened']:,} rows; goal < 100)")
    print(f"  kind filter          {result['kind_filter_ms']:7.1f} ms to one kind "
          f"({result['kind_filter_rows']:,} rows), {result['kind_filter_back_to_all_ms']:.1f} ms back to all "
          f"({result['kind_filter_all_rows']:,} rows)")
    print(f"  switch day           {result['switch_day_ms']:7.1f} ms")
    print(f"  scroll top->bottom   {result['scroll_top_to_bottom_ms']:7.1f} ms over "
          f"{result['scroll_pages']} pages, worst page {result['worst_page_ms']:.1f} ms")
    print(f"  jump to bottom       {result['jump_to_bottom_ms']:7.1f} ms (goal < 100)")
    print_figures({"benchmark": "ui", **figures, **result})


if __name__ == "__main__":
    main()
