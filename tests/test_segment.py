"""Sentence boundaries: what ends a sentence and what does not."""

from __future__ import annotations

import pytest

from legal_annot.normalize import fold
from legal_annot.segment import Sentences, sentence_starts


def pieces(text: str) -> list[str]:
    folded = fold(text)
    starts = sentence_starts(folded)
    return [folded[a:b].strip() for a, b in zip(starts, [*starts[1:], len(folded)], strict=True)]


@pytest.mark.parametrize("text", [
    "Mr. Lopez spoke first.",
    "The U.S. attorney filed the case.",
    "See Smith v. Jones for the rule.",
    "It was signed on Jan. 20 in the capital.",
    "J. R. Simmons wrote the brief.",
    "Apples, pears, etc. are fruit.",
    "Read 8 U.S.C. 1373 with care.",
    "The rule, i.e. the memo, stands.",
])
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert pieces(text) == [fold(text)]


@pytest.mark.parametrize(("text", "count"), [
    ("One. Two! Three? Four.", 4),
    ('He said "stop." Then he left.', 2),
    ("The ruling (in full.) came later. Yes.", 3),
    ("It ended.Then", 1),  # no space after the period: not a boundary
    ("A sentence about the U.S. Then another.", 1),  # known limit: an abbreviation can end a sentence
])
def test_sentence_ends(text: str, count: int) -> None:
    assert len(pieces(text)) == count


def test_line_starts_merge_and_bounds() -> None:
    folded = fold("Headline here\nBody starts. And goes on.")
    sentences = Sentences(folded, [14])
    assert [sentences.bounds(i) for i in range(3)] == [(0, 14), (14, 26), (26, len(folded))]
    assert [sentences.index(p) for p in (0, 13, 14, 20, 26, len(folded))] == [0, 0, 1, 1, 2, 2]
