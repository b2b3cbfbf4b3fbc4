"""The whole pipeline vs eyecite.get_citations vs CiteURL's list_cites, on ~1 MB of real court
opinions (the shipped public-domain samples, repeated) and ~1 MB of news prose, same run."""

from __future__ import annotations

from collections.abc import Callable

import eyecite
import pytest
from conftest import report_throughput

from legal_annot import Annotator


def _tool(name: str) -> Callable[[str], object]:
    if name == "legal_annot":
        return Annotator().annotate
    if name == "eyecite":
        return eyecite.get_citations
    citeurl = pytest.importorskip("citeurl")
    return citeurl.Citator().list_cites


@pytest.mark.parametrize("corpus", ["news", "opinions"])
@pytest.mark.parametrize("tool", ["legal_annot", "eyecite", "citeurl"])
def test_citations(benchmark, request, tool: str, corpus: str) -> None:
    text = request.getfixturevalue("news_1mb" if corpus == "news" else "opinions_1mb")
    benchmark.group = f"citations-1MB-{corpus}"
    run = _tool(tool)
    fast = tool == "legal_annot" and corpus == "news"
    benchmark.pedantic(run, (text,), rounds=3 if fast else 1, warmup_rounds=1 if fast else 0)
    report_throughput(benchmark, text)
