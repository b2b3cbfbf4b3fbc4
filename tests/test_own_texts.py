"""Precision and recall on articles written for these tests (tests/data/news_samples/gold.json):
every 'must' reference is found with the right authority, no 'must_not' phrase is annotated,
and nearly every annotation is one a reader would want."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import legal_annot

HERE = Path(__file__).parent / "data" / "news_samples"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))


def names(ann) -> list[str]:
    out = []
    for authority in ([ann.authority] if ann.authority else []) + list(ann.candidates):
        out += [authority.name, authority.citation or ""]
    return out


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.mark.parametrize("doc", GOLD["docs"], ids=lambda d: d["doc"])
def test_must_and_must_not(doc) -> None:
    text = (HERE / doc["doc"]).read_text(encoding="utf-8")
    anns = legal_annot.annotate(text).annotations
    for quote, expected in doc["must"]:
        start, end = span(text, quote)
        hits = [a for a in anns if a.start < end and start < a.end]
        assert any(any(expected.lower() in n.lower() for n in names(a)) for a in hits), (quote, [a.text for a in hits])
    for quote in doc["must_not"]:
        start, end = span(text, quote)
        assert not [a.text for a in anns if a.start < end and start < a.end], quote


def test_precision_over_all_texts() -> None:
    wanted = total = 0
    for doc in GOLD["docs"]:
        text = (HERE / doc["doc"]).read_text(encoding="utf-8")
        expected = [span(text, q) for q, _ in doc["must"]] + [span(text, q) for q in doc["may"]]
        for ann in legal_annot.annotate(text):
            total += 1
            wanted += any(ann.start < e and s < ann.end for s, e in expected)
    assert total and wanted / total >= 0.9, f"precision {wanted}/{total}"
