"""Descriptions and generic phrases as reporters write them: an appositive citation settles a
generic phrase, a description ends at the end of its noun phrase, and a phrase is annotated once."""

from __future__ import annotations

import pytest

import legal_annot
from legal_annot.detect.descriptions import phrase_end
from legal_annot.models import Kind


def statutes(text: str) -> list[tuple[str, str | None, int]]:
    return [(a.text, a.authority.citation if a.authority else None, len(a.candidates))
            for a in legal_annot.annotate(text) if a.kind is Kind.STATUTE]


@pytest.mark.parametrize("text, phrase, citation", [
    ("He was charged under an obstruction statute, 18 U.S.C. § 1512, for his role.", "obstruction statute",
     "18 U.S.C. § 1512"),
    ("He was charged under an obstruction statute (18 U.S.C. § 1519) for shredding files.", "obstruction statute",
     "18 U.S.C. § 1519"),
    ("They cited a conspiracy statute, 18 U.S.C. § 371, in the filing.", "conspiracy statute", "18 U.S.C. § 371"),
])
def test_an_appositive_citation_settles_a_generic_phrase(text: str, phrase: str, citation: str) -> None:
    assert (phrase, citation, 0) in statutes(text)


def test_a_citation_in_another_sentence_does_not_settle_it() -> None:
    found = statutes("He broke an obstruction statute. 18 U.S.C. § 1512 was cited later.")
    (generic,) = [f for f in found if f[0] == "obstruction statute"]
    assert generic[1] is None and generic[2] > 1


@pytest.mark.parametrize("folded, matched, expected", [
    ("disrupted the certification of the electoral vote on jan. 6", "disrupted the certification of the electoral",
     "disrupted the certification of the electoral vote"),
    ("shields an undocumented immigrant from detection", "shields an undocumented", "shields an undocumented immigrant"),
    ("disrupted the certification of the electoral. then", "disrupted the certification of the electoral",
     "disrupted the certification of the electoral"),  # the sentence ends there
    ("disrupted the certification of the vote in court", "disrupted the certification of the vote",
     "disrupted the certification of the vote"),  # a preposition starts the next phrase
])
def test_descriptions_end_at_the_end_of_their_noun_phrase(folded: str, matched: str, expected: str) -> None:
    assert folded[:phrase_end(folded, len(matched))] == expected


def test_a_description_around_a_name_of_the_same_authority_is_not_repeated() -> None:
    anns = [a for a in legal_annot.annotate("Prosecutors say his presidents immunity for official acts claim fails.")
            if a.kind is Kind.DOCTRINE]
    assert len(anns) == 1


@pytest.mark.parametrize("text, expected", [
    ("The court quoted 8 U.S.C. § 1373 at length. It also cited 8 U.S.C. § 1357. The provision, the judge said, "
     "does not bar the policy.", "8 U.S.C. § 1373"),
    ("The judge read 18 U.S.C. § 1512(c) closely and mentioned 18 U.S.C. § 1001 in a footnote. The provision "
     "reaches only evidence.", "18 U.S.C. § 1512"),
    ("8 U.S.C. § 1373 says \"no official may prohibit\" sharing. The memo also cites 8 U.S.C. § 1357. "
     "That provision is narrow.", "8 U.S.C. § 1373"),
    ("The brief cited 8 U.S.C. § 1373 and 8 U.S.C. § 1357. The provision is narrow.", "8 U.S.C. § 1357"),  # nearest
])
def test_the_provision_prefers_the_statute_the_text_quotes_or_analyses(text: str, expected: str) -> None:
    (ann,) = [a for a in legal_annot.annotate(text) if a.matched_by == "anaphora"]
    assert ann.authority.citation == expected
