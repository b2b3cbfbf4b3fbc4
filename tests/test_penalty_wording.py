"""Penalties as press releases state them: the charge first, the penalty a few sentences later;
maximum forms without "of"; floors checked against the statute; release terms left out."""

from __future__ import annotations

import pytest

import legal_annot
from legal_annot.models import Kind


def penalties(text: str) -> list[tuple[str, str | None, bool | None]]:
    return [(a.text, a.authority.citation if a.authority else None, a.claim.consistent if a.claim else None)
            for a in legal_annot.annotate(text) if a.kind is Kind.PENALTY]


@pytest.mark.parametrize("text, expected", [
    ("Smith was indicted on one count of wire fraud, in violation of 18 U.S.C. § 1343. The indictment was "
     "returned Tuesday. If convicted, he faces up to 20 years in federal prison.",
     [("up to 20 years", "18 U.S.C. § 1343", True)]),
    ("Jones pleaded guilty to illegal reentry after removal, 8 U.S.C. § 1326. Sentencing is set for May. "
     "Agents arrested him in March. He faces as much as 20 years in prison.",
     [("as much as 20 years", "8 U.S.C. § 1326", True)]),
    ("The defendant admitted assaulting a federal officer. He used a metal pipe. The charge carries up to "
     "20 years in federal prison.", [("up to 20 years", "18 U.S.C. § 111", True)]),
])
def test_penalty_ties_to_the_charge_named_sentences_before(text: str, expected: list) -> None:
    assert penalties(text) == expected


def test_the_lookback_stops_after_three_sentences() -> None:
    text = ("He was charged with wire fraud under 18 U.S.C. § 1343. One. Two. Three. Four. "
            "He faces up to 20 years in prison.")
    assert penalties(text) == [("up to 20 years", None, None)]


def test_the_lookback_stops_at_a_paragraph_break() -> None:
    text = "He was charged under 18 U.S.C. § 1343.\n\nIn another case, a man faces up to 20 years in prison."
    assert penalties(text) == [("up to 20 years", None, None)]


@pytest.mark.parametrize("text, stated, consistent", [
    ("He was charged under 18 U.S.C. § 1343. He faces a maximum 20 years in prison.", "a maximum 20 years", True),
    ("He was charged under 18 U.S.C. § 1343. He faces a statutory maximum of 20 years’ imprisonment.",
     "maximum of 20 years", True),
    ("He was charged under 18 U.S.C. § 1343. It carries a 20-year maximum prison term.", "20-year maximum prison term", True),
    ("He was charged under 18 U.S.C. § 1343. He faces up to 30 years in prison on each count.", "up to 30 years", True),
])
def test_maximum_forms(text: str, stated: str, consistent: bool) -> None:
    assert penalties(text) == [(stated, "18 U.S.C. § 1343", consistent)]


def test_tiers_by_condition_each_match_their_tier() -> None:
    text = ("She was charged with assaulting a federal officer under 18 U.S.C. § 111. The offense carries up to "
            "eight years in prison; if a dangerous weapon was used, up to 20 years.")
    assert [c for _, _, c in penalties(text)] == [True, True]


@pytest.mark.parametrize("text, consistent", [
    ("He was charged under 18 U.S.C. § 924(c)(1)(A). The count carries a mandatory minimum of five years.", True),
    ("He was charged under 18 U.S.C. § 924(c). If the gun was brandished, the minimum sentence is seven "
     "years; the count carries a mandatory minimum of 7 years.", True),
    ("He was charged under 18 U.S.C. § 924(c). The count carries a mandatory minimum of 12 years.", False),
])
def test_firearm_statute_minimums(text: str, consistent: bool) -> None:
    assert penalties(text)[-1][2] is consistent


def test_at_least_where_the_statute_sets_only_a_maximum_is_flagged() -> None:
    ((stated, _, consistent),) = penalties("He was charged under 18 U.S.C. § 1343. He faces at least 5 years in prison.")
    assert (stated, consistent) == ("at least 5 years", False)
    (ann,) = [a for a in legal_annot.annotate("He was charged under 18 U.S.C. § 1343. He faces at least 5 years "
                                               "in prison.") if a.kind is Kind.PENALTY]
    assert "no such minimum" in ann.note


def test_at_least_outside_penalty_context_is_not_a_claim() -> None:
    assert penalties("He has lived in Ohio for at least 5 years.") == []


@pytest.mark.parametrize("text", [
    "He was charged under 18 U.S.C. § 1343. He faces up to three years of supervised release.",
    "He was charged under 18 U.S.C. § 1343. The judge may impose up to five years’ probation.",
    "He was charged under 18 U.S.C. § 1343. He faces up to 3 years supervised release after prison.",
])
def test_release_and_probation_terms_are_not_prison_penalties(text: str) -> None:
    assert penalties(text) == []


def test_a_statute_cited_in_passing_yields_to_the_catalogued_crime_in_the_sentence() -> None:
    text = ("Wire fraud under 18 U.S.C. § 1343 that involves a declared disaster (as defined in 42 U.S.C. 5122) "
            "is punishable by not more than 30 years.")
    assert penalties(text) == [("not more than 30 years", "18 U.S.C. § 1343", True)]


def test_with_no_catalogued_statute_the_nearest_one_is_kept() -> None:
    ((_, citation, consistent),) = penalties("A breach of 42 U.S.C. 5122 is punishable by not more than 3 years.")
    assert (citation, consistent) == ("42 U.S.C. § 5122", None)


def test_a_law_cited_in_passing_yields_to_the_crime_named_sentences_before() -> None:
    text = ("Wire fraud is defined in 18 U.S.C. § 1343. If the scheme involves a declared disaster (as defined in "
            "42 U.S.C. 5122), the offender may be imprisoned not more than 30 years.")
    assert penalties(text) == [("not more than 30 years", "18 U.S.C. § 1343", True)]
