"""The benchmarks' one percentile definition (nearest rank): a wrong p95 would misreport every goal."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "bench_stats", Path(__file__).resolve().parent.parent / "benchmarks" / "_stats.py")
assert _SPEC and _SPEC.loader
stats = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(stats)


def test_p95_of_twenty_samples_is_the_nineteenth_smallest() -> None:
    samples = [float(n) for n in range(20, 0, -1)]  # unsorted on purpose
    assert stats.percentile(samples, 0.95) == 19.0


def test_p95_of_a_hundred_samples_is_the_ninety_fifth_and_one_more_sample_moves_it_up() -> None:
    assert stats.percentile(range(1, 101), 0.95) == 95
    assert stats.percentile(range(1, 102), 0.95) == 96


def test_extremes_and_median_rank() -> None:
    assert stats.percentile([3.0, 1.0, 2.0], 1.0) == 3.0
    assert stats.percentile([7.0], 0.95) == 7.0
    assert stats.percentile([1, 2, 3, 4], 0.5) == 2


def test_no_samples_or_a_bad_fraction_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="no samples"):
        stats.percentile([], 0.95)
    with pytest.raises(ValueError, match="fraction"):
        stats.percentile([1.0], 0)
