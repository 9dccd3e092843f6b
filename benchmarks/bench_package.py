"""Size and start time of the frozen guide against a bare PySide6 window frozen the same way.

    .venv/bin/python benchmarks/bench_package.py [--dist dist] [--work build/package] [--runs 7]

Run by ``make package`` after packaging/build.py made ``dist/zgc-guide``. It freezes
``packaging/bare_window.py`` with the same spec (same exclusions, plugin trimming and
strip), then prints (never asserts):

- bundle size of each one-folder bundle and the ratio (goal: at most 1.2x);
- start time, launch to exit, of each frozen program told to quit once its window's first
  frame is painted (``--quit-after-first-frame``: the guide's Home as a user first sees it),
  offscreen, median of interleaved runs after a warm-up run, wall and CPU time, and the
  ratios (goal: at most 1.3x);
- the size of the .deb in dist (goal: under 60 MB).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _stats import print_figures  # noqa: E402

SIZE_GOAL, START_GOAL, DEB_GOAL_MB = 1.2, 1.3, 60.0


def load_build() -> ModuleType:
    """packaging/build.py as a module (packaging/ is not a package: `packaging` is a PyPI name)."""
    spec = importlib.util.spec_from_file_location("zgc_packaging_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def start_seconds(program: Path, data_dir: Path) -> tuple[float, float]:
    """(wall, CPU) seconds from launch to exit of ``program --quit-after-first-frame``, offscreen.

    CPU time (user + system of the child) is what the start costs, less distorted than wall
    time when other processes share the cores.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZGC_GUIDE_DATA": str(data_dir)}
    started = time.perf_counter()
    proc = subprocess.Popen([str(program), "--quit-after-first-frame"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{program} exited with {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def verdict(ratio: float, goal: float) -> str:
    return "within goal" if ratio <= goal else "OVER goal"


def main() -> int:
    """Freeze the baseline, measure both, print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "package")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    build = load_build()
    dist, work = args.dist.resolve(), args.work.resolve()
    app = dist / ("zgc-guide.app" if sys.platform == "darwin" else "zgc-guide")
    if not app.exists():
        raise SystemExit(f"{app} not found: run packaging/build.py first")

    bare_dist = work / "bare" / "dist"
    bare = build.freeze(work / "bare", bare_dist, "--bare")
    app_program = build.executable(app)
    bare_program = bare / ("bare-window.exe" if sys.platform == "win32" else "bare-window")

    app_size, bare_size = build.tree_size(app), build.tree_size(bare)
    with tempfile.TemporaryDirectory(prefix="zgc-guide-bench-") as data:
        data_dir = Path(data)
        start_seconds(app_program, data_dir)  # warm the file cache, make the user database
        start_seconds(bare_program, data_dir)
        app_times, bare_times = [], []
        for _ in range(args.runs):  # interleaved: drift affects both alike
            app_times.append(start_seconds(app_program, data_dir))
            bare_times.append(start_seconds(bare_program, data_dir))
    app_start, bare_start = (statistics.median(t for t, _ in app_times),
                             statistics.median(t for t, _ in bare_times))
    app_cpu, bare_cpu = (statistics.median(c for _, c in app_times),
                         statistics.median(c for _, c in bare_times))

    size_ratio, start_ratio = app_size / bare_size, app_start / bare_start
    print(f"bundle size: guide {build.mb(app_size)}, bare PySide6 window {build.mb(bare_size)}: "
          f"{size_ratio:.2f}x ({verdict(size_ratio, SIZE_GOAL)} {SIZE_GOAL}x)")
    print(f"start to exit after the first frame: guide {app_start:.3f} s, bare PySide6 window "
          f"{bare_start:.3f} s (median of {args.runs}): {start_ratio:.2f}x "
          f"({verdict(start_ratio, START_GOAL)} {START_GOAL}x)")
    print(f"  CPU time: guide {app_cpu:.3f} s, bare {bare_cpu:.3f} s: {app_cpu / bare_cpu:.2f}x "
          f"(load average {os.getloadavg()[0]:.1f})")
    debs = {}
    for deb in sorted(dist.glob("*.deb")):
        size_mb = deb.stat().st_size / 1e6
        debs[deb.name] = size_mb
        state = "within goal" if size_mb < DEB_GOAL_MB else "OVER goal"
        print(f"{deb.name}: {size_mb:.1f} MB ({state} {DEB_GOAL_MB:.0f} MB)")
    print_figures({"benchmark": "package", "bundle_mb": app_size / 1e6, "bare_bundle_mb": bare_size / 1e6,
                   "bundle_ratio": size_ratio, "frozen_start_s": app_start, "bare_frozen_start_s": bare_start,
                   "frozen_start_ratio": start_ratio, "frozen_cpu_s": app_cpu, "bare_frozen_cpu_s": bare_cpu,
                   "frozen_cpu_ratio": app_cpu / bare_cpu, "load_average": os.getloadavg()[0],
                   "deb_mb": debs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
