"""Speed against eyecite: the whole pipeline on ~1 MB of news (MB/s), and per opinion on each
public-domain opinion in tests/data, beside ``eyecite.get_citations`` on the same text (and with
eyecite's Hyperscan tokenizer when the ``hyperscan`` package is installed).

legal_annot swaps eyecite's court lookup for an equivalent built once (see
legal_annot/detect/eyecite_tokenizer.py); eyecite is timed with its own lookup put back, so its
figures are eyecite as shipped. Both run once before timing (eyecite compiles its extractors'
patterns on first use, and both pipelines share those)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import eyecite
import eyecite.helpers
import pytest
from conftest import OPINIONS, report_throughput

import legal_annot
from legal_annot.detect import eyecite_tokenizer

OPINION_FILES = sorted(OPINIONS.glob("*.txt"))
ROUNDS = 3


@contextlib.contextmanager
def eyecite_as_shipped() -> Iterator[None]:
    """eyecite with its own court lookup, for the length of the block."""
    eyecite.helpers.get_court_by_paren = eyecite_tokenizer._original_court_by_paren
    try:
        yield
    finally:
        eyecite_tokenizer.install_court_lookup()


def best_of(function: Callable[[str], object], text: str, rounds: int = ROUNDS) -> float:
    function(text)  # warm-up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - started)
    return min(times)


@pytest.mark.benchmark(group="news-throughput")
def test_news_throughput(benchmark, news_1mb: str) -> None:
    annotate = legal_annot.default_annotator().annotate
    benchmark.pedantic(annotate, (news_1mb,), rounds=ROUNDS, warmup_rounds=1)
    report_throughput(benchmark, news_1mb)
    benchmark.extra_info["MB_per_s_best"] = round(len(news_1mb.encode()) / 1e6 / benchmark.stats.stats.min, 2)


def _eyecite_tools() -> dict[str, Callable[[str], object]]:
    tools: dict[str, Callable[[str], object]] = {"eyecite": eyecite.get_citations}
    try:
        from eyecite.tokenizers import HyperscanTokenizer

        import hyperscan  # noqa: F401
    except ImportError:
        return tools
    tokenizer = HyperscanTokenizer(cache_dir=str(Path.home() / ".cache" / "legal_annot_bench_hyperscan"))
    tools["eyecite-hyperscan"] = lambda text: eyecite.get_citations(text, tokenizer=tokenizer)
    return tools


@pytest.mark.benchmark(group="per-opinion-vs-eyecite")
@pytest.mark.parametrize("path", OPINION_FILES, ids=lambda p: p.stem)
def test_opinion_vs_eyecite(benchmark, path: Path) -> None:
    """One opinion, one call each: legal_annot's whole pipeline timed by pytest-benchmark, eyecite
    (best of the same number of rounds) beside it; ``speedup`` is eyecite's time over ours."""
    text = path.read_text(encoding="utf-8")
    annotate = legal_annot.default_annotator().annotate
    benchmark.pedantic(annotate, (text,), rounds=ROUNDS, warmup_rounds=1)
    ours = benchmark.stats.stats.min
    benchmark.extra_info.update(chars=len(text), seconds=round(ours, 4))
    with eyecite_as_shipped():
        for name, tool in _eyecite_tools().items():
            theirs = best_of(tool, text)
            benchmark.extra_info[f"{name}_seconds"] = round(theirs, 4)
            benchmark.extra_info[f"speedup_vs_{name}"] = round(theirs / ours, 2)
