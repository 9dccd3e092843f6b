"""Figures shared by every benchmark script: one percentile definition, one JSON last line."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping


def percentile(samples: Iterable[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least ``fraction`` of the samples at or below it.

    ``fraction`` is in (0, 1]; p95 of 20 samples is the 19th smallest, of 100 samples the 95th.
    """
    ordered = sorted(samples)
    if not ordered:
        raise ValueError("percentile of no samples")
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], not {fraction}")
    rank = math.ceil(round(fraction * len(ordered), 9))  # 1-based; round: 0.95 * 60 is not exactly 57
    return ordered[rank - 1]


def print_figures(figures: Mapping[str, object]) -> None:
    """Print the script's figures as its last line: one JSON object (keys as in issue 17's table)."""
    print(json.dumps(dict(figures), sort_keys=True), flush=True)
