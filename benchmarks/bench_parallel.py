"""annotate_many with 1 and 2 workers on 3,000 generated articles, and the plain loop beside them.

The machine has 2 cores: the 2-worker figure should beat the 1-worker one (compare the means in
the benchmark table; the ratio is the speed-up).
"""

from __future__ import annotations

import pytest

import legal_annot
from legal_annot.distributed_demo import generated_articles

ARTICLES = generated_articles(3000)


def _drain(workers: int) -> int:
    return sum(len(r) for r in legal_annot.annotate_many(ARTICLES, workers=workers, chunksize=32))


def test_plain_loop(benchmark) -> None:
    annotator = legal_annot.default_annotator()
    benchmark.pedantic(lambda: [annotator.annotate(t) for t in ARTICLES], rounds=2, iterations=1, warmup_rounds=1)


@pytest.mark.parametrize("workers", [1, 2])
def test_annotate_many(benchmark, workers: int) -> None:
    legal_annot.default_annotator()  # built once, before the pool forks
    found = benchmark.pedantic(_drain, args=(workers,), rounds=2, iterations=1, warmup_rounds=1)
    assert found > len(ARTICLES)
