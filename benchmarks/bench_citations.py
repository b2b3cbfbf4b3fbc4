"""The whole pipeline vs eyecite.get_citations vs CiteURL's list_cites, on ~1 MB of real court
opinions (the shipped public-domain samples, repeated) and ~1 MB of news prose, same run."""

from __future__ import annotations

from pathlib import Path

import eyecite
import pytest
from conftest import MEGABYTE, report_throughput

from legal_annot import Annotator

OPINIONS = Path(__file__).parent.parent / "tests" / "data" / "opinions"


@pytest.fixture(scope="session")
def opinions_1mb() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(OPINIONS.glob("*.txt"))]
    out, total, i = [], 0, 0
    while total < MEGABYTE:
        out.append(texts[i % len(texts)])
        total += len(out[-1]) + 2
        i += 1
    return "\n\n".join(out)


@pytest.fixture(scope="session")
def whole_pipeline() -> Annotator:
    return Annotator()


@pytest.mark.benchmark(group="citations-1MB-opinions")
def test_legal_annot_opinions(benchmark, whole_pipeline: Annotator, opinions_1mb: str) -> None:
    benchmark.pedantic(whole_pipeline.annotate, (opinions_1mb,), rounds=1, warmup_rounds=0)
    report_throughput(benchmark, opinions_1mb)


@pytest.mark.benchmark(group="citations-1MB-opinions")
def test_eyecite_opinions(benchmark, opinions_1mb: str) -> None:
    benchmark.pedantic(eyecite.get_citations, (opinions_1mb,), rounds=1, warmup_rounds=0)
    report_throughput(benchmark, opinions_1mb)


@pytest.mark.benchmark(group="citations-1MB-opinions")
def test_citeurl_opinions(benchmark, opinions_1mb: str) -> None:
    citeurl = pytest.importorskip("citeurl")
    citator = citeurl.Citator()
    benchmark.pedantic(citator.list_cites, (opinions_1mb,), rounds=1, warmup_rounds=0)
    report_throughput(benchmark, opinions_1mb)


@pytest.mark.benchmark(group="citations-1MB-news")
def test_legal_annot_news(benchmark, whole_pipeline: Annotator, news_1mb: str) -> None:
    benchmark.pedantic(whole_pipeline.annotate, (news_1mb,), rounds=3, warmup_rounds=1)
    report_throughput(benchmark, news_1mb)


@pytest.mark.benchmark(group="citations-1MB-news")
def test_eyecite_news(benchmark, news_1mb: str) -> None:
    benchmark.pedantic(eyecite.get_citations, (news_1mb,), rounds=1, warmup_rounds=0)
    report_throughput(benchmark, news_1mb)


@pytest.mark.benchmark(group="citations-1MB-news")
def test_citeurl_news(benchmark, news_1mb: str) -> None:
    citeurl = pytest.importorskip("citeurl")
    citator = citeurl.Citator()
    benchmark.pedantic(citator.list_cites, (news_1mb,), rounds=1, warmup_rounds=0)
    report_throughput(benchmark, news_1mb)
