"""Every catalog entry's own examples must find it, and its near-misses must not."""

from __future__ import annotations

import pytest

from legal_annot import Annotator, Catalog

ENTRIES = Catalog.default().entries


def _ids(annotation) -> set[str]:
    found = {c.id for c in annotation.candidates}
    if annotation.authority is not None:
        found.add(annotation.authority.id)
    return found


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_examples_find_the_entry(annotator: Annotator, entry) -> None:
    for sentence in entry.examples:
        result = annotator.annotate(sentence)
        assert any(entry.id in _ids(a) for a in result), f"{entry.id} not found in example: {sentence!r}"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_near_misses_do_not(annotator: Annotator, entry) -> None:
    for sentence in entry.near_misses:
        result = annotator.annotate(sentence)
        wrong = [a.text for a in result if entry.id in _ids(a)]
        assert not wrong, f"{entry.id} wrongly found in near-miss {sentence!r}: {wrong}"
