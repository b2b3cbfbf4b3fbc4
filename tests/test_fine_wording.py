"""Fines as press releases state them, checked against the statute's own fine and the defaults
of 18 U.S.C. § 3571."""

from __future__ import annotations

import pytest

import legal_annot
from legal_annot.detect.fines import default_fines, fine_consistent
from legal_annot.models import Kind, Penalty


def fines(text: str) -> list[tuple[str, int | None, bool | None]]:
    return [(a.text, a.claim.stated_fine, a.claim.consistent) for a in legal_annot.annotate(text)
            if a.kind is Kind.PENALTY and a.claim is not None and a.claim.stated_fine is not None]


@pytest.mark.parametrize("text, expected", [
    ("He pleaded guilty to wire fraud, 18 U.S.C. § 1343. He faces up to 20 years and a $250,000 fine.",
     [("$250,000 fine", 250_000, True)]),
    ("He was charged under 18 U.S.C. § 1343. The count carries a fine of up to $1 million.",
     [("fine of up to $1 million", 1_000_000, True)]),  # the statute's own fine for bank-related fraud
    ("He was charged under 18 U.S.C. § 1343. He faces a $5 million fine.", [("$5 million fine", 5_000_000, False)]),
    ("He was charged under 18 U.S.C. § 1343. He faces a fine of $5 million, or twice the gross loss.",
     [("fine of $5 million", 5_000_000, None)]),
    ("He was charged under 18 U.S.C. § 1343. He faces a $100,000 fine.", [("$100,000 fine", 100_000, None)]),
])
def test_fines_checked_against_the_law(text: str, expected: list) -> None:
    assert fines(text) == expected


@pytest.mark.parametrize("text", [
    "The city was fined $5,000 for fine dust pollution.",
    "She paid a $250 fine for parking on the lawn.",  # no statute near it
    "He was charged under 18 U.S.C. § 1343. The weather was fine all week.",
])
def test_fines_without_a_statute_or_an_amount_are_left_alone(text: str) -> None:
    assert fines(text) == []


def test_section_3571_classes() -> None:
    assert default_fines(Penalty(max_years=20)) == (250_000, 500_000)
    assert default_fines(Penalty(life=True)) == (250_000, 500_000)
    assert default_fines(Penalty(max_years=1)) == (100_000, 200_000)
    assert default_fines(Penalty(max_years=0.5)) == (5_000, 10_000)
    assert fine_consistent([Penalty(max_years=1)], 100_000, "") is True
    assert fine_consistent([Penalty(max_years=1)], 250_000, "") is None  # lawful if a death resulted
    assert fine_consistent([Penalty(max_years=1)], 750_000, "") is False
    assert fine_consistent([Penalty(max_years=1)], 750_000, "a fine of $750,000 per count") is None


def test_fine_claim_travels_through_json() -> None:
    result = legal_annot.annotate("He was charged under 18 U.S.C. § 1343. He faces a $250,000 fine.")
    again = legal_annot.Result.from_json(result.to_json())
    assert [a.claim.stated_fine for a in again if a.claim] == [250_000]
