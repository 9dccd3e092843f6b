"""Kiosk soak: many random visitor actions in one process; prints errors and memory.

    .venv/bin/python benchmarks/bench_kiosk_soak.py [--actions 20000] [--seed 2023]

Drives the real kiosk window offscreen: section navigation, opening items (detail pages
and the photo viewer), back/forward, typing on the on-screen keyboard, opening search
results, bookmarks (add, remove, undo), language switches, the staff PIN pad, countdowns
answered by a touch and idle resets. Counts every exception (raised by an action or
caught in a Qt slot) and compares the resident memory after warm-up with the end.
``tests/test_kiosk_soak.py`` runs a shorter soak with the same driver.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

SEARCH_TEXT = ("lvse", "zgc", "jinrong", "patent", "kj", "yuan", "forum", "green", "2023", "zhishi",
               "q", "x", "metaverse", "robot", "zyf", "tech", "ip")


def rss_bytes() -> int:
    """Resident memory now (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


@dataclass
class SoakResult:
    """What a soak did and measured."""

    actions: int
    seconds: float
    errors: list[str]
    counts: Counter[str]
    rss_after_warmup: int
    rss_end: int
    objects_after_warmup: int
    objects_end: int
    samples: list[tuple[int, int]] = field(default_factory=list)  # (actions done, RSS)
    # The hostile update source (None when the soak ran without one).
    poll_seconds: float | None = None
    polls: list[tuple[float, float, str]] = field(default_factory=list)  # (started, ended, status)
    polls_skipped: int = 0
    poll_count: int = 0  # every poll (``polls`` keeps the last 1,000)
    poll_window: float = 0.0  # seconds the updater ran
    stop_seconds: float = 0.0  # how long shutting the poll thread down took
    poll_thread_stopped: bool = True
    source_modes: Counter[str] = field(default_factory=Counter)

    @property
    def poll_gaps(self) -> list[float]:
        starts = [p[0] for p in self.polls]
        return [b - a for a, b in itertools.pairwise(starts)]

    @property
    def polls_expected(self) -> int:
        return int(self.poll_window / self.poll_seconds) + 1 if self.poll_seconds else 0

    @property
    def growth(self) -> float:
        """Memory growth after warm-up, as a fraction."""
        return (self.rss_end - self.rss_after_warmup) / self.rss_after_warmup

    def report(self) -> str:
        mb = 1024 * 1024
        lines = [
            f"actions: {self.actions} in {self.seconds:.1f} s ({self.actions / self.seconds:.0f}/s)",
            "mix: " + ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items())),
            f"errors: {len(self.errors)}",
            f"RSS after warm-up: {self.rss_after_warmup / mb:.1f} MB, at the end: {self.rss_end / mb:.1f} MB "
            f"({self.growth * 100:+.1f}%)",
            f"Python objects after warm-up: {self.objects_after_warmup}, at the end: {self.objects_end}",
            "RSS samples (actions: MB): " + ", ".join(f"{n}: {r / mb:.1f}" for n, r in self.samples),
        ]
        if self.poll_seconds:
            gaps = self.poll_gaps or [0.0]  # of the last 1,000 polls
            longest = max((e - s for s, e, _ in self.polls), default=0.0)
            statuses = Counter(status for _s, _e, status in self.polls)
            lines += [
                f"hostile source ({', '.join(f'{k} x{v}' for k, v in sorted(self.source_modes.items()))}): "
                f"{self.poll_count} polls in {self.poll_window:.1f} s, one due every "
                f"{self.poll_seconds:g} s (expected {self.polls_expected}); skipped {self.polls_skipped}",
                f"gap between poll starts: median {sorted(gaps)[len(gaps) // 2]:.2f} s, "
                f"max {max(gaps):.2f} s; "
                f"longest poll {longest:.2f} s; outcomes: "
                + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())),
                f"quit: poll thread {'stopped' if self.poll_thread_stopped else 'STILL RUNNING'} "
                f"in {self.stop_seconds:.2f} s",
            ]
        return "\n".join(lines + [f"  {e}" for e in self.errors[:5]])


def _settle(app: object, rounds: int = 2) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def soak(content_db: Path, actions: int = 20000, *, seed: int = 2023, warmup: int = 2000,
         samples: int = 10, progress: Callable[[int], None] | None = None,
         hostile_poll_seconds: float | None = None, only: frozenset[str] = frozenset(),
         without: frozenset[str] = frozenset()) -> SoakResult:
    """Run ``actions`` random kiosk actions over ``content_db`` and measure.

    ``hostile_poll_seconds`` also runs the kiosk's update poller that often against a
    loopback source cycling through drip, stall, 2 GiB and flapping answers. ``only`` and
    ``without`` narrow the mix to some action kinds (to find which one grows memory).
    """
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QApplication, QListView

    from guide.app import build_window
    from guide.content import queries
    from guide.kiosk.config import KioskConfig
    from guide.kiosk.controller import install_kiosk
    from guide.kiosk.idle import Phase
    from guide.kiosk.pin import MemoryPinStore, set_pin
    from guide.search import SearchHit
    from guide.ui.history import Location
    from guide.ui.window_parts import shown_sections
    from guide.user import bookmarks as store

    rng = random.Random(seed)
    errors: list[str] = []
    previous_hook = sys.excepthook

    def collect(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        errors.append("".join(traceback.format_exception_only(etype, value)).strip())

    sys.excepthook = collect  # exceptions raised inside Qt slots land here
    app = QApplication.instance() or QApplication([])
    guide = build_window(content_db, now="2023-05-29T10:00", lang="zh")
    pins = MemoryPinStore()
    set_pin(pins, "2468", n=2**10)
    config = KioskConfig(idle_seconds=3600, countdown_seconds=15, full_screen=False,
                         keep_screen_on=False, catch_exceptions=False, reduced_motion=True,
                         pin_delay_seconds=0.001, pin_max_delay_seconds=0.002)
    log = Path(tempfile.mkdtemp(prefix="zgc-soak-log-")) / "kiosk.log"
    kiosk = install_kiosk(guide, config, size=(1920, 1080), pin_store=pins, log_file=log)
    kiosk.exit_app = lambda code: errors.append(f"kiosk asked to exit with {code}")
    window, ctx = guide.window, guide.ctx
    sections = shown_sections(ctx.content)
    source = _HostileSource(guide, kiosk, hostile_poll_seconds) if hostile_poll_seconds else None
    ids = {kind: queries.item_ids(ctx.content, kind)
           for kind in ("forum", "area", "announcement", "photo", "person", "organization", "figure")}

    def touch_attract() -> None:
        if kiosk.machine.phase is Phase.ATTRACT:
            from PySide6.QtTest import QTest

            QTest.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(500, 500))

    def random_item() -> tuple[str, str]:
        kind = rng.choice(list(ids))
        return kind, rng.choice(ids[kind])

    def bookmark() -> None:
        kind, item_id = random_item()
        actions_ = getattr(ctx, "bookmarks", None)
        if actions_ is not None:
            actions_.toggle(kind, item_id)
            if rng.random() < 0.2:
                actions_.undo()
        else:
            store.toggle_bookmark(ctx.user, ctx.content, kind, item_id)
            ctx.state.bookmarks_changed.emit(kind, item_id)

    def type_search() -> None:
        if rng.random() < 0.3:
            from PySide6.QtTest import QTest

            QTest.mouseClick(window.search_box, Qt.MouseButton.LeftButton)
        else:
            window.focus_search()
            kiosk.show_keyboard()
        kiosk.keyboard.type_text(rng.choice(SEARCH_TEXT)[: rng.randint(1, 6)])
        _settle(app)
        if rng.random() < 0.3:
            kiosk.keyboard.backspace_pressed()
        if rng.random() < 0.2:
            kiosk.keyboard.clear_pressed()

    def open_result() -> None:
        type_search()
        _settle(app)
        results = window.findChild(QListView, "searchResults")
        if results is not None:
            rows = [r for r in results.model().rows() if isinstance(r, SearchHit)]
            if rows:
                hit = rng.choice(rows)
                window.open_item(hit.kind, hit.id)

    def idle_reset() -> None:
        kiosk.machine.last_input -= config.idle_seconds
        kiosk.tick()  # the countdown shows
        if rng.random() < 0.3:
            from PySide6.QtTest import QTest

            QTest.mouseClick(kiosk.countdown, Qt.MouseButton.LeftButton)  # "I'm still here"
        else:
            kiosk.machine.countdown_started -= config.countdown_seconds
            kiosk.tick()  # reset: the attract screen

    def pin_pad() -> None:
        kiosk.open_pin_pad()
        for digit in str(rng.randint(1000, 9999)):
            kiosk.pin_pad.add_digit(digit)
        if kiosk.pin_pad.ok.isEnabled():
            kiosk.pin_pad.submit()
        kiosk.pin_pad.cancel_pressed()

    def language() -> None:
        window.toggle_language()

    def scroll() -> None:
        for view in window.stack.currentWidget().findChildren(QListView):
            bar = view.verticalScrollBar()
            bar.setValue(rng.randint(bar.minimum(), max(bar.minimum(), bar.maximum())))

    weighted: list[tuple[str, int, Callable[[], object]]] = [
        ("section", 20, lambda: window.go(Location(rng.choice(sections)))),
        ("item", 20, lambda: window.open_item(*random_item())),
        ("back", 8, window.back),
        ("forward", 4, window.forward),
        ("type", 15, type_search),
        ("result", 6, open_result),
        ("bookmark", 10, bookmark),
        ("language", 3, language),
        ("zoom", 3, lambda: window.detail.zoom(rng.choice((-1, 1, 1, 0)))),
        ("scroll", 5, scroll),
        ("attract", 2, kiosk.attract.next_slide),
        ("pin", 1, pin_pad),
        ("idle", 3, idle_reset),
    ]
    unknown = (only | without) - {w[0] for w in weighted}
    if unknown:
        raise ValueError(f"unknown action kinds: {', '.join(sorted(unknown))}")
    weighted = [w for w in weighted if (not only or w[0] in only) and w[0] not in without]
    names = [w[0] for w in weighted]
    funcs = {w[0]: w[2] for w in weighted}
    weights = [w[1] for w in weighted]
    counts: Counter[str] = Counter()
    sample_every = max(1, actions // samples)
    result_samples: list[tuple[int, int]] = []
    rss_warm = objects_warm = 0
    start = time.perf_counter()
    switch_every = max(1, actions // 40)
    try:
        if source is not None:
            source.start()
        for n in range(1, actions + 1):
            if source is not None and n % switch_every == 0:
                source.next_mode()
            touch_attract()
            name = rng.choices(names, weights)[0]
            counts[name] += 1
            try:
                funcs[name]()
                _settle(app)
            except Exception as exc:
                errors.append(f"{name}: {type(exc).__name__}: {exc}")
            if n == warmup:
                gc.collect()
                _settle(app, 5)
                rss_warm, objects_warm = rss_bytes(), len(gc.get_objects())
            if n % sample_every == 0:
                result_samples.append((n, rss_bytes()))
                if progress:
                    progress(n)
        kiosk.reset_now()
        gc.collect()
        _settle(app, 5)
        rss_end, objects_end = rss_bytes(), len(gc.get_objects())
        seconds = time.perf_counter() - start
    finally:
        sys.excepthook = previous_hook
        if source is not None:
            source.stop()
        kiosk.shutdown()
        guide.close()
    result = SoakResult(actions, seconds, errors, counts, rss_warm, rss_end, objects_warm, objects_end,
                        result_samples)
    if source is not None:
        source.fill(result)
    return result


class _HostileSource:
    """The kiosk's real update poller against tests.hostile_server, switching misbehaviour."""

    def __init__(self, guide: object, kiosk: object, poll_seconds: float) -> None:
        import itertools

        from guide.kiosk.fleet import FleetUpdater
        from guide.updates import api
        from tests.hostile_server import MODES, hostile_server

        self.poll_seconds = poll_seconds
        self._server = hostile_server()
        url, self.hostile = self._server.__enter__()
        self.hostile.drip_interval = 0.05
        self._modes = itertools.cycle(MODES)
        self.modes: Counter[str] = Counter()
        keys = Path(tempfile.mkdtemp(prefix="zgc-soak-keys-"))
        _private, public = api.generate_key_pair(keys / "soak", "Soak")
        config = api.UpdateConfig(source=url, trusted_keys=(api.load_public_key(public),),
                                  poll_seconds=poll_seconds, timeout_seconds=5)
        self.updater = FleetUpdater(guide, kiosk, config)  # type: ignore[arg-type]
        self.started = self.stopped_at = 0.0
        self.stop_seconds = 0.0
        self.next_mode()

    def start(self) -> None:
        self.started = time.monotonic()
        self.updater.start()

    def next_mode(self) -> None:
        self.hostile.mode = next(self._modes)
        self.modes[self.hostile.mode] += 1

    def stop(self) -> None:
        self.stopped_at = time.monotonic()
        self.updater.shutdown()
        self.stop_seconds = time.monotonic() - self.stopped_at
        self._server.__exit__(None, None, None)

    def fill(self, result: SoakResult) -> None:
        result.poll_seconds = self.poll_seconds
        result.polls = list(self.updater.polls)
        result.polls_skipped = self.updater.skipped
        result.poll_count = self.updater.poll_count
        result.poll_window = self.stopped_at - self.started
        result.stop_seconds = self.stop_seconds
        result.poll_thread_stopped = self.updater._thread.isFinished()
        result.source_modes = self.modes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=20000)
    parser.add_argument("--warmup", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--poll-seconds", type=float, default=1.0,
                        help="poll the hostile update source this often (0: no update source)")
    parser.add_argument("--only", default="", help="comma-separated action kinds to run (default: all)")
    parser.add_argument("--without", default="", help="comma-separated action kinds to leave out")
    args = parser.parse_args()
    only = frozenset(filter(None, args.only.split(",")))
    without = frozenset(filter(None, args.without.split(",")))
    from guide.content.build import build_content_db

    with tempfile.TemporaryDirectory(prefix="zgc-soak-") as tmp:
        os.environ["ZGC_GUIDE_DATA"] = str(Path(tmp) / "data")
        db = build_content_db(ROOT / "db" / "pack", Path(tmp) / "content.db").path
        result = soak(db, args.actions, seed=args.seed, warmup=args.warmup,
                      hostile_poll_seconds=args.poll_seconds or None, only=only, without=without,
                      progress=lambda n: print(f"  {n} actions, RSS {rss_bytes() / 2**20:.1f} MB",
                                               file=sys.stderr, flush=True))
    print(result.report())
    ok = not result.errors and result.growth < 0.10
    if result.poll_seconds:  # polls kept their schedule, none overran, quitting stopped the thread
        ok = ok and result.poll_count >= 0.9 * result.polls_expected and result.polls_skipped == 0
        ok = ok and result.poll_thread_stopped
    print("PASS" if ok else "FAIL", "(no exception; memory growth after warm-up < 10%; with a hostile "
          "source: >= 90% of polls on schedule, none skipped, the poll thread stopped at quit)")
    from _stats import print_figures

    print_figures({"benchmark": "kiosk_soak", "ok": ok, "actions": result.actions, "seconds": result.seconds,
                   "errors": len(result.errors), "memory_growth": result.growth,
                   "rss_end_mb": result.rss_end / 2**20, "polls": result.poll_count,
                   "polls_expected": result.polls_expected, "polls_skipped": result.polls_skipped})
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
