"""Markdown hostile shapes at n and 4n (issue 17 §4): annotate_markdown's time ratio is reported
in extra_info (target: 4n/n ≤ 5, i.e. linear with some slack), with the markdown-it parse alone
beside it, since the parser sets the floor."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import legal_annot
from legal_annot.render.markdown_source import document_parser

N = 5_000
SHAPES: dict[str, Callable[[int], str]] = {
    "brackets": lambda n: "[" * n + " the Supremacy Clause",
    "backticks": lambda n: "`" * n + " the Supremacy Clause",
    "open-a": lambda n: "<a" * n + " the Supremacy Clause",
    "link-openers": lambda n: "[a](" * n + " the Supremacy Clause",
    "image-openers": lambda n: "![" * n + " the Supremacy Clause",
    "nested-brackets": lambda n: "[[a]" * n + " the Supremacy Clause",
    "bare-urls": lambda n: "https://" * n + " the Supremacy Clause",
    "tag-starts": lambda n: "<b " * n + " the Supremacy Clause",
    "unclosed-fence": lambda n: "```\n" + "the Supremacy Clause line\n" * (n // 10),
    "references": lambda n: "The Supremacy Clause and *Printz* v. United States. " * (n // 20),
}


def _best(function: Callable[[str], object], text: str, rounds: int = 2) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.benchmark(group="markdown-4n")
@pytest.mark.parametrize("name", sorted(SHAPES))
def test_markdown_n_vs_4n(benchmark, name: str) -> None:
    small, large = SHAPES[name](N), SHAPES[name](4 * N)
    annotate = legal_annot.annotate_markdown
    annotate(small)
    small_time = _best(annotate, small)
    benchmark.pedantic(annotate, (large,), rounds=2, warmup_rounds=0)
    parse = document_parser().parse
    parse_ratio = _best(parse, large) / max(_best(parse, small), 1e-9)
    benchmark.extra_info.update(n=N, seconds_n=round(small_time, 4),
                                ratio_4n_over_n=round(benchmark.stats.stats.min / max(small_time, 1e-9), 2),
                                parser_ratio_4n_over_n=round(parse_ratio, 2))
