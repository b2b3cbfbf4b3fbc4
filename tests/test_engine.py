"""The detectors and the resolver on a small invented catalog (tests/data/mini_catalog.toml),
so engine behaviour is tested apart from the shipped data."""

from __future__ import annotations

from pathlib import Path

import pytest

from legal_annot import Annotator, Catalog, Kind

MINI = Path(__file__).parent / "data" / "mini_catalog.toml"


@pytest.fixture(scope="module")
def mini() -> Annotator:
    return Annotator(Catalog.from_files([MINI]))


def found(annotator: Annotator, text: str) -> list[tuple[str, str, str | None]]:
    return [(a.text, a.matched_by, a.authority.id if a.authority else None) for a in annotator.annotate(text)]


class TestDescriptions:
    @pytest.mark.parametrize("text", [
        "Prosecutors say the two men conspired to defraud the government of the United States.",
        "It bars any conspiracy to commit offenses against the United States.",
        "The statute forbids conspiring with others to commit offenses against the US.",
    ])
    def test_varied_wording_matches(self, mini: Annotator, text: str) -> None:
        assert ("description", "test.conspiracy") in [(how, ident) for _, how, ident in found(mini, text)]

    @pytest.mark.parametrize("text", [
        "He promoted conspiracy theories that were meant to defraud donors.",  # absent term
        "They conspired. Much later, in another matter, the firm tried to defraud customers.",  # two sentences
        "The conspiracy, which investigators traced across four states, several years and "
        "dozens of shell companies, eventually aimed to defraud a bank.",  # beyond the window
        "Conspiratorially, she whispered.",  # a word that merely starts like a term
    ])
    def test_near_misses(self, mini: Annotator, text: str) -> None:
        assert not [f for f in found(mini, text) if f[1] == "description"]

    def test_span_covers_the_concepts(self, mini: Annotator) -> None:
        text = "a law that prohibits conspiracies to defraud the United States, officials said"
        (ann,) = [a for a in mini.annotate(text) if a.matched_by == "description"]
        assert ann.text == "conspiracies to defraud"
        assert ann.kind is Kind.STATUTE and ann.confidence < 0.95


class TestGenericNames:
    def test_generic_phrase_gives_ranked_candidates_without_a_guess(self, mini: Annotator) -> None:
        (ann,) = mini.annotate("Prosecutors invoked the obstruction law.")
        assert ann.authority is None
        assert {c.id for c in ann.candidates} == {"test.obstruction", "test.tampering"}
        assert len(ann.candidate_confidences) == 2 and ann.matched_by == "generic"
        assert "may mean any of the candidates" in ann.note

    def test_context_in_the_document_reranks(self, mini: Annotator) -> None:
        text = "He is accused of disrupting an official proceeding. Prosecutors invoked the obstruction law."
        ann = [a for a in mini.annotate(text) if a.matched_by == "generic"][0]
        assert ann.authority is not None and ann.authority.id == "test.tampering"
        assert ann.candidates[0].id == "test.tampering"
        assert ann.candidate_confidences[0] > ann.candidate_confidences[1]

    def test_a_statute_named_elsewhere_reranks(self, mini: Annotator) -> None:
        text = "They conspired to defraud the United States. The conspiracy statute is old."
        ann = [a for a in mini.annotate(text) if a.matched_by == "generic"][0]
        assert ann.candidates[0].id == "test.conspiracy"


class TestAnaphora:
    def test_this_law_links_to_the_statute_just_described(self, mini: Annotator) -> None:
        text = "They conspired to defraud the United States. This law is rarely used."
        anaphor = [a for a in mini.annotate(text) if a.matched_by == "anaphora"][0]
        assert anaphor.text == "This law" and anaphor.authority.id == "test.conspiracy"
        assert anaphor.confidence <= 0.6

    def test_no_antecedent_no_annotation(self, mini: Annotator) -> None:
        assert found(mini, "This law is rarely used. The statute is old.") == []

    def test_too_far_back_is_not_linked(self, mini: Annotator) -> None:
        text = "They conspired to defraud the United States. One. Two. Three. This law is old."
        assert not [f for f in found(mini, text) if f[1] == "anaphora"]


class TestPenalties:
    @pytest.mark.parametrize(("sentence", "stated", "consistent"), [
        ("This law carries a prison sentence of up to five years.", "up to five years", True),
        ("The statute is punishable by up to 10 years in prison and a $250,000 fine.", "up to 10 years", False),
        ("That law brings a five-year penalty.", "five-year penalty", True),
        ("This law carries a maximum sentence of 5 years.", "maximum sentence of 5 years", True),
        ("Violators of this law face life imprisonment.", "life imprisonment", False),
        ("A charge of conspiracy under this law carries up to five years.", "up to five years", True),
        ("He pleaded guilty under this law, which allows up to 5 years.", "up to 5 years", True),
        ("Under this law he could get up to a decade in prison.", "up to a decade", False),
        ("This law carries as many as two decades behind bars.", "as many as two decades", False),
    ])
    def test_claims_are_checked(self, mini: Annotator, sentence: str, stated: str, consistent: bool) -> None:
        text = "They conspired to defraud the United States. " + sentence
        (penalty,) = [a for a in mini.annotate(text) if a.kind is Kind.PENALTY and a.claim.stated_fine is None]
        assert stated in penalty.text
        assert penalty.claim.consistent is consistent
        assert penalty.authority.id == "test.conspiracy"

    def test_tiers(self, mini: Annotator) -> None:
        text = "Witness tampering under the obstruction law, after the official proceeding, is punishable by up to 20 years in prison."
        (penalty,) = [a for a in mini.annotate(text) if a.kind is Kind.PENALTY]
        assert penalty.claim.consistent is True

    def test_statute_outside_the_catalog_gives_none(self, mini: Annotator) -> None:
        text = "He was charged under 18 U.S.C. § 2071. It carries up to three years in prison."
        (penalty,) = [a for a in mini.annotate(text) if a.kind is Kind.PENALTY]
        assert penalty.claim.consistent is None and penalty.authority.citation == "18 U.S.C. § 2071"

    def test_unknown_statute_gives_none(self, mini: Annotator) -> None:
        (penalty,) = [a for a in mini.annotate("He faces up to 7 years in prison.") if a.kind is Kind.PENALTY]
        assert penalty.claim.consistent is None and penalty.authority is None

    @pytest.mark.parametrize("text", [
        "She served four years as governor.",
        "He served 20 years on the bench.",
        "The city adopted a 10-year plan.",
        "The loans run up to five years.",
        "Within five years the program will end.",
        "They conspired to defraud the United States over up to five years of billing.",
        "The battery holds its charge for up to five years.",
        "Service charges may rise for up to three years.",
        "The feud went on for up to a decade, neighbors said.",
        "Prison reform took decades.",
    ])
    def test_durations_that_are_not_penalties(self, mini: Annotator, text: str) -> None:
        assert not [a for a in mini.annotate(text) if a.kind is Kind.PENALTY]
