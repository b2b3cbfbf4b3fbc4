"""The code shown in docs/*.md runs and prints what the docs say (doctest)."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

DOCS = sorted((Path(__file__).parent.parent / "docs").glob("*.md"))


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_examples_in_docs(path: Path) -> None:
    failures, _ = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_readme_example_is_true() -> None:
    import legal_annot

    result = legal_annot.annotate("The sheriff cited the Constitution's Supremacy Clause.")
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    ann = result[0]
    line = f"# {ann.start} {ann.end} {ann.kind} {ann.authority.citation} {ann.authority.links[0].url}"
    assert line in readme
