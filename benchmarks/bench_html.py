"""annotate_html stays linear on nesting shapes that make naive open-element searches quadratic
(issue 17 §3): each shape at n and 4n; the ratio of the two times should stay at or below 5."""

from __future__ import annotations

import pytest

import legal_annot

REF = "Printz v. United States"
SHAPES = {
    "formatting-then-stray-end-tags": lambda n: "<b>" * n + "<i>" + REF + "</i>" * n,
    "blocks-then-stray-p-ends": lambda n: "<div>" * n + "</p>" * n,
    "distinct-formatting-reopened": lambda n: "".join(f"<b x={i}>" for i in range(n)) + "</p>t" * n,
    "links-closed-by-paragraphs": lambda n: "<p><a href=x>x</p>" * n + REF,
    "misnested-formatting-in-blocks": lambda n: "<div>" * n + "<b><p>x</b>" * n,
    "foreign-content-stray-ends": lambda n: "<svg>" + "<g>" * n + "</x>" * n,
    "cells-of-code": lambda n: "<table>" + "<td><code>" * n + "</code>x" * n,
}


@pytest.mark.parametrize("size", [5_000, 20_000])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_annotate_html_nesting(benchmark, shape: str, size: int) -> None:
    html = SHAPES[shape](size)
    legal_annot.annotate_html("warm up")
    benchmark.pedantic(legal_annot.annotate_html, args=(html,), rounds=1, iterations=1)
