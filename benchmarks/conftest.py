"""Benchmark fixtures: texts built once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from samples.corpus import news_text  # noqa: E402

MEGABYTE = 1_000_000


@pytest.fixture(scope="session")
def news_1mb() -> str:
    return news_text(MEGABYTE)


def report_throughput(benchmark, text: str) -> None:
    """Record MB/s (from the mean round) in the benchmark's extra_info."""
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["MB_per_s"] = round(len(text.encode()) / MEGABYTE / mean, 2)
