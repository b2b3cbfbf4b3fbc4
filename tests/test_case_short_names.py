"""Short case names as news writes them: the cue may come after the name, and a short name that
is a person or a company here is not the case."""

from __future__ import annotations

import pytest

import legal_annot
from legal_annot.models import Kind


def case_spans(text: str) -> list[str]:
    return [a.text for a in legal_annot.annotate(text) if a.kind is Kind.CASE]


@pytest.mark.parametrize("text, name", [
    ("Bruen struck down New York's licensing law.", "Bruen"),
    ("The Heller decision is often cited by gun-rights groups.", "Heller"),
    ("The Obergefell ruling settled the question.", "Obergefell"),
    ("As the Court said in Printz, states keep their officers.", "Printz"),
    ("Lawyers say the Fischer case narrowed the obstruction law.", "Fischer"),
])
def test_short_name_with_a_cue_after_or_around_it(text: str, name: str) -> None:
    assert case_spans(text) == [name]


@pytest.mark.parametrize("text", [
    "Chevron Corp. shares fell on Monday.",
    "Miranda Lambert sang at the festival.",
    "Brown scored twice in the second half.",
    "Bruen is a common surname in Norway.",
])
def test_traps_stay_clean(text: str) -> None:
    assert case_spans(text) == []


@pytest.mark.parametrize("text", [
    "In Miranda v. Arizona the Court ruled. Ernesto Miranda was convicted again at retrial.",
    "District of Columbia v. Heller was decided in 2008. The plaintiff, Dick Heller, was a guard.",
    "District of Columbia v. Heller was decided in 2008. Mr. Heller had applied for a permit.",
    "Fischer v. United States narrowed the law. Joseph Fischer said he was relieved.",
])
def test_a_person_named_like_the_case_is_not_the_case(text: str) -> None:
    assert len(case_spans(text)) == 1  # the full name only


def test_a_legal_cue_before_the_name_wins_over_a_verb_after_it() -> None:
    text = "Fischer v. United States narrowed the law. The Supreme Court in Fischer said the provision is narrow."
    assert case_spans(text) == ["Fischer v. United States", "Fischer"]


@pytest.mark.parametrize("text, linked", [
    ("In United States v. Jones, the justices held that attaching a GPS tracker to a car was a search.", True),
    ("United States v. Jones (2012) is still cited by privacy lawyers.", True),
    ("Prosecutors in United States v. Jones, a drug case in Ohio, asked for a delay.", False),
    ("Prosecutors in U.S. v. Jones, a fraud case in Texas, asked for a delay.", False),
])
def test_a_shared_government_case_name_is_linked_only_when_the_text_fits(text: str, linked: bool) -> None:
    (ann,) = [a for a in legal_annot.annotate(text) if a.kind is Kind.CASE]
    if linked:
        assert ann.authority.citation == "565 U.S. 400"
    else:
        assert ann.authority is None
        assert [c.citation for c in ann.candidates] == ["565 U.S. 400"]
        assert "share this name" in ann.note


@pytest.mark.parametrize("text", [
    "Texas v. Oklahoma at the Cotton Bowl drew a record crowd.",
    "Fans packed the bar for the Packers vs. Bears game.",
    "Kramer vs. Kramer won the Oscar for best picture.",
])
def test_games_and_films_are_not_cases(text: str) -> None:
    assert case_spans(text) == []
