"""The generated tiers' cost: the named pass with and without the tiers and state-citation stages
on ~1 MB of news, and the one-time load of each generated table."""

from __future__ import annotations

import pytest
from conftest import report_throughput

from legal_annot import Annotator
from legal_annot.catalog.tiers import Tiers

ROUNDS = 5
STAGES = {"named_pass": ["names"], "named_with_tiers": ["names", "tiers"],
          "named_with_tiers_and_states": ["names", "tiers", "state_citations"]}


@pytest.mark.benchmark(group="tiers-1MB-news")
@pytest.mark.parametrize("pipeline", list(STAGES))
def test_named_pass_with_tiers(benchmark, news_1mb: str, pipeline: str) -> None:
    annotator = Annotator(stages=STAGES[pipeline])
    annotator.annotate(news_1mb[:5000])  # the tables load lazily on first use: not part of the pass
    result = benchmark.pedantic(annotator.annotate, (news_1mb,), rounds=ROUNDS, warmup_rounds=1)
    report_throughput(benchmark, news_1mb)
    assert len(result) > 100


@pytest.mark.benchmark(group="tiers-load")
@pytest.mark.parametrize("table", ["_cases", "sections", "acts"])
def test_tier_table_load(benchmark, table: str) -> None:
    loaded = benchmark.pedantic(lambda: getattr(Tiers(), table), rounds=3, warmup_rounds=0)
    assert loaded
