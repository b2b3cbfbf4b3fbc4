"""Acts named by initials that spell an ordinary word ("FACE Act", "CARES Act", "CLASS Act"):
in capitals, or beside a word of law, they are the law; as a word in a show's, a shop's or a
party's name they are nothing."""

from __future__ import annotations

import pytest

import legal_annot


def statutes(text: str) -> list[tuple[str, str | None]]:
    return [(a.text, a.authority.citation if a.authority else None)
            for a in legal_annot.annotate(text) if a.kind is legal_annot.Kind.STATUTE]


@pytest.mark.parametrize("text", [
    "The Face Act Revue opens in Boise on Friday.",
    "Her Cares Act charity gala raised $2 million for the shelter.",
    "The Cloud Act Tour starts in Tacoma next week.",
    "The Stock Act Podcast covers markets every morning.",
    "The Chips Act Bakery opened downtown with a line around the block.",
    "She was a real Class Act at the awards, and the Class Act Revue sold out.",
    "What a class act the coach was after the loss.",
])
def test_initials_written_as_an_ordinary_word_outside_law_are_nothing(text: str) -> None:
    assert statutes(text) == []


@pytest.mark.parametrize("text, name", [
    ("Protesters were charged under the FACE Act for blocking a clinic.", "FACE Act"),
    ("He was charged under the Face Act for blocking the clinic door.", "Face Act"),
    ("Congress passed the Cares Act in March 2020.", "Cares Act"),
    ("The CARES Act sent checks to most households.", "CARES Act"),
    ("Lawmakers said the STOCK Act needs teeth.", "STOCK Act"),
    ("The Real ID Act deadline is approaching for travelers.", "Real ID Act"),
])
def test_initials_in_capitals_or_beside_a_word_of_law_are_the_law(text: str, name: str) -> None:
    assert [span for span, _ in statutes(text)] == [name]
