"""A shorter kiosk soak than benchmarks/bench_kiosk_soak.py (20,000 actions), same driver."""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_kiosk_soak import soak


def test_random_visitor_actions_raise_nothing_and_memory_levels_off(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    result = soak(real_db, 700, seed=7, warmup=200, samples=5)
    print(result.report())
    assert result.errors == []
    assert sum(result.counts.values()) == 700 and result.counts["idle"] > 8
    assert result.growth < 0.10, result.report()
