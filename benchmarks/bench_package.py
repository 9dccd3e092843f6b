"""Size and start time of the frozen guide against a bare PySide6 window frozen the same way.

    .venv/bin/python benchmarks/bench_package.py [--dist dist] [--work build/package] [--runs 7]

Run by ``make package`` after packaging/build.py made ``dist/zgc-guide``. It freezes
``packaging/bare_window.py`` with the same spec (same exclusions, plugin trimming and
strip), then prints (never asserts):

- bundle size of each one-folder bundle and the ratio (goal: at most 1.2x);
- start time, launch to exit, of each frozen program told to quit its event loop 1 ms
  after it starts (``--quit-after 0.001``: window built and shown), offscreen, median of
  interleaved runs after a warm-up run, and the ratio (goal: at most 1.3x);
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


def start_seconds(program: Path, data_dir: Path) -> float:
    """Wall time from launch to exit of ``program --quit-after 0.001``, offscreen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZGC_GUIDE_DATA": str(data_dir)}
    started = time.perf_counter()
    subprocess.run([str(program), "--quit-after", "0.001"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    return time.perf_counter() - started


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
    app_start, bare_start = statistics.median(app_times), statistics.median(bare_times)

    size_ratio, start_ratio = app_size / bare_size, app_start / bare_start
    print(f"bundle size: guide {build.mb(app_size)}, bare PySide6 window {build.mb(bare_size)}: "
          f"{size_ratio:.2f}x ({verdict(size_ratio, SIZE_GOAL)} {SIZE_GOAL}x)")
    print(f"start to exit: guide {app_start:.3f} s, bare PySide6 window {bare_start:.3f} s "
          f"(median of {args.runs}): {start_ratio:.2f}x ({verdict(start_ratio, START_GOAL)} {START_GOAL}x)")
    debs = {}
    for deb in sorted(dist.glob("*.deb")):
        size_mb = deb.stat().st_size / 1e6
        debs[deb.name] = size_mb
        state = "within goal" if size_mb < DEB_GOAL_MB else "OVER goal"
        print(f"{deb.name}: {size_mb:.1f} MB ({state} {DEB_GOAL_MB:.0f} MB)")
    print_figures({"benchmark": "package", "bundle_mb": app_size / 1e6, "bare_bundle_mb": bare_size / 1e6,
                   "bundle_ratio": size_ratio, "frozen_start_s": app_start, "bare_frozen_start_s": bare_start,
                   "frozen_start_ratio": start_ratio, "deb_mb": debs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
