"""Benchmark fixtures: texts built once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from samples.corpus import news_text  # noqa: E402

MEGABYTE = 1_000_000


ROOT = Path(__file__).parent.parent
OPINIONS = ROOT / "tests" / "data" / "opinions"
# Whole articles written for this project: the bundled example and the test articles.
ARTICLES = [ROOT / "legal_annot" / "examples" / "county_jail_standoff.txt",
            *sorted((ROOT / "tests" / "data" / "news_samples").glob("*.txt"))]


@pytest.fixture(scope="session")
def news_1mb() -> str:
    return news_text(MEGABYTE)


@pytest.fixture(scope="session")
def opinions_1mb() -> str:
    """The shipped public-domain opinions, repeated to about 1 MB."""
    return _repeated([p.read_text(encoding="utf-8") for p in sorted(OPINIONS.glob("*.txt"))])


@pytest.fixture(scope="session")
def articles_1mb() -> str:
    """Whole news articles (our own), repeated to about 1 MB: sparser in law than news_1mb."""
    return _repeated([p.read_text(encoding="utf-8") for p in ARTICLES])


def _repeated(texts: list[str]) -> str:
    out, total, i = [], 0, 0
    while total < MEGABYTE:
        out.append(texts[i % len(texts)])
        total += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)


def report_throughput(benchmark, text: str) -> None:
    """Record MB/s (from the mean round) in the benchmark's extra_info."""
    mean = benchmark.stats.stats.mean
    benchmark.extra_info["MB_per_s"] = round(len(text.encode()) / MEGABYTE / mean, 2)
