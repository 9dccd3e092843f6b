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


def test_a_soak_against_a_hostile_update_source_keeps_the_poll_schedule(
        qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    # Drip, stall, 2 GiB and flapping answers in turn, a poll due every half second.
    result = soak(real_db, 250, seed=11, warmup=100, samples=3, hostile_poll_seconds=0.5)
    assert result.errors == [], result.report()
    assert set(result.source_modes) == {"drip", "drip-headers", "stall", "huge", "flap"}
    # On a busy machine ticks come late, but a hostile source never stretches a poll: before
    # the deadline a poll ran until the drip ended (hours), one poll in 20 s at best.
    assert result.poll_count >= 0.5 * result.polls_expected, result.report()
    assert max(end - start for start, end, _ in result.polls) < 1.5, result.report()
    assert result.poll_thread_stopped and result.stop_seconds < 2.0, result.report()
