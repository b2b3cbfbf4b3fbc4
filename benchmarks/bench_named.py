"""The named-reference pass vs the whole pipeline vs eyecite, on ~1 MB of news prose, and how
the named pass scales with catalog size (real, 10x and 100x synthetic aliases)."""

from __future__ import annotations

import random

import eyecite
import pytest
from conftest import report_throughput

from legal_annot import Annotator, Authority, Catalog, Kind
from legal_annot.catalog import Entry

ROUNDS = 3


def synthetic_catalog(base: Catalog, factor: int) -> Catalog:
    """The real catalog plus (factor - 1) x its alias count of invented multi-word names."""
    rng = random.Random(factor)
    syllables = ["bra", "ven", "tol", "mir", "quad", "sel", "orn", "pax", "lum", "dre", "kas", "tir"]
    aliases = sum(len(e.aliases) for e in base.entries)
    extra = []
    for i in range((factor - 1) * aliases):
        words = ["".join(rng.choices(syllables, k=3)) for _ in range(rng.randint(2, 4))]
        name = " ".join(words) + f" {i} " + ("act" if i % 2 else "clause")
        authority = Authority(id=f"synthetic.{i}", kind=Kind.STATUTE, name=name, summary="synthetic")
        extra.append(Entry(authority=authority, file="<synthetic>", aliases=(name,)))
    return Catalog((*base.entries, *extra))


# The named pass alone; descriptions on top of it; the whole descriptive layer (descriptions,
# "this law" and penalty claims); and every stage. Issue 5's target: the descriptive pipelines
# within 2x of the named pass.
PIPELINES = {"named_pass": ["names"], "names_with_descriptions": ["names", "descriptions"],
             "descriptive_layer": ["names", "descriptions", "anaphora", "penalties"], "whole_pipeline": None}
ROUNDS_FAST = 10  # the fast pipelines vary by a few ms from round to round on a shared machine


@pytest.mark.parametrize("corpus", ["news", "articles", "opinions"])
@pytest.mark.parametrize("pipeline", list(PIPELINES))
def test_pipeline(benchmark, request, corpus: str, pipeline: str) -> None:
    text = request.getfixturevalue(f"{corpus}_1mb")
    benchmark.group = f"pipelines-1MB-{corpus}"
    annotator = Annotator(stages=PIPELINES[pipeline])
    benchmark.extra_info["catalog_entries"] = len(annotator.catalog)
    if pipeline != "whole_pipeline":
        rounds = ROUNDS_FAST
    else:
        rounds = ROUNDS if corpus != "opinions" else 1
    result = benchmark.pedantic(annotator.annotate, (text,), rounds=rounds, warmup_rounds=1 if rounds > 1 else 0)
    report_throughput(benchmark, text)
    assert len(result) > 100


@pytest.mark.benchmark(group="named-pass-1MB-news")
def test_eyecite_get_citations(benchmark, news_1mb: str) -> None:
    result = benchmark.pedantic(eyecite.get_citations, (news_1mb,), rounds=1, warmup_rounds=0)
    report_throughput(benchmark, news_1mb)
    assert result is not None


@pytest.mark.benchmark(group="catalog-scaling-1MB-news")
@pytest.mark.parametrize("factor", [1, 10, 100])
def test_named_pass_catalog_scaling(benchmark, news_1mb: str, factor: int) -> None:
    catalog = synthetic_catalog(Catalog.default(), factor)
    annotator = Annotator(catalog, stages=["names"])
    benchmark.extra_info["catalog_entries"] = len(catalog)
    benchmark.extra_info["aliases"] = sum(len(e.aliases) for e in catalog.entries)
    benchmark.pedantic(annotator.annotate, (news_1mb,), rounds=ROUNDS, warmup_rounds=1)
    report_throughput(benchmark, news_1mb)
