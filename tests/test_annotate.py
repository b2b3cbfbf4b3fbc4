"""The public API: annotate(), Annotator, records, exact offsets on any input."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import legal_annot
from legal_annot import Annotator, Kind, Result


def spans(result: Result) -> list[tuple[str, str | None]]:
    return [(a.text, a.authority.id if a.authority else None) for a in result]


def test_public_names_are_exported() -> None:
    for name in legal_annot.__all__:
        assert hasattr(legal_annot, name), name
    assert {"annotate", "Annotator", "Catalog", "CatalogError", "Result", "Annotation"} <= set(legal_annot.__all__)


@pytest.mark.parametrize("bad", [None, b"Supremacy Clause", 42, ["text"]])
def test_non_str_input_is_a_type_error(bad) -> None:
    with pytest.raises(TypeError, match="expects str"):
        legal_annot.annotate(bad)


def test_empty_text_gives_an_empty_result() -> None:
    result = legal_annot.annotate("")
    assert result.text == "" and len(result) == 0 and list(result) == []


@pytest.mark.parametrize("text", [
    "The Constitution\u2019s Supremacy Clause applies.",
    "THE SUPREMACY CLAUSE applies.",
    "the supremacy\u00a0clause applies.",
    "the Supremacy\r\n  Clause applies.",
    "\U0001f600\U0001f600 Supremacy Clause \u05e9\u05dc\u05d5\u05dd",
    "e\u0301e\u0301 Supremacy Clause\x00",
])
def test_offsets_index_the_original_text(text: str) -> None:
    (ann,) = legal_annot.annotate(text)
    assert text[ann.start:ann.end] == ann.text
    assert ann.authority.citation == "U.S. Const. art. VI, cl. 2"


def test_whole_words_only() -> None:
    assert spans(legal_annot.annotate("Antisupremacy clauses and supremacy clauseless")) == []


@pytest.mark.parametrize("text", [
    "Printz v. United States", "Printz v United States", "Printz vs. U.S.", "printz v. us",
    "Printz v. United\nStates",
])
def test_case_name_variants(text: str) -> None:
    assert spans(legal_annot.annotate(f"She cited {text} twice."))[0][1] == "case.printz-v-united-states"


def test_short_name_only_after_the_full_name() -> None:
    before = legal_annot.annotate("In Printz, the justices agreed. Later, Printz v. United States was cited.")
    assert [a.text for a in before] == ["Printz v. United States"]
    after = legal_annot.annotate("Printz v. United States was cited. In Printz, the justices agreed.")
    assert [(a.text, a.matched_by) for a in after] == [
        ("Printz v. United States", "name"), ("Printz", "short_name")]
    assert after[1].confidence < after[0].confidence


def test_short_name_needs_a_capital() -> None:
    text = "Printz v. United States was cited; printz is also a brand."
    assert [a.text for a in legal_annot.annotate(text)] == ["Printz v. United States"]


@pytest.mark.parametrize(("text", "cite"), [
    ("the Fourteenth Amendment", "U.S. Const. amend. XIV"),
    ("the 14th Amendment", "U.S. Const. amend. XIV"),
    ("Amendment XIV", "U.S. Const. amend. XIV"),
    ("birthright citizenship", "U.S. Const. amend. XIV, § 1"),
    ("the anticommandeering rule", None),
])
def test_generated_forms(text: str, cite: str | None) -> None:
    (ann,) = legal_annot.annotate(f"Lawyers discussed {text} at length.")
    assert ann.authority.citation == cite


def test_proper_noun_entries_need_capitals() -> None:
    assert spans(legal_annot.annotate("the first amendment to the bill failed; the tenth amendment passed")) == []


def test_plain_aliases_of_proper_noun_entries_count_in_lower_case() -> None:
    assert spans(legal_annot.annotate("a debate over the right to bear arms")) == [
        ("right to bear arms", "const.amend2")]


def test_state_ballot_measures_are_not_amendments() -> None:
    assert spans(legal_annot.annotate("Florida voters rejected Amendment 4 in November.")) == []


def test_kinds_filter() -> None:
    text = "Printz v. United States relied on the Tenth Amendment."
    only_cases = Annotator(kinds=["case"]).annotate(text)
    assert [a.kind for a in only_cases] == [Kind.CASE]
    with pytest.raises(ValueError, match="kinds are"):
        Annotator(kinds=["poetry"])


def test_stages_can_be_switched_off() -> None:
    annotator = Annotator(stages=["names"])
    assert "descriptions" not in repr(annotator)
    with pytest.raises(ValueError, match="unknown stage"):
        Annotator(stages=["telepathy"])


def test_catalog_must_be_a_catalog() -> None:
    with pytest.raises(TypeError, match="Catalog"):
        Annotator(catalog=["not", "a", "catalog"])


def assert_overlap_policy(result: Result) -> None:
    """Sorted by start; two annotations are disjoint, or a description contains the other."""
    anns = result.annotations
    assert list(anns) == sorted(anns, key=lambda a: (a.start, -a.end))
    for i, left in enumerate(anns):
        for right in anns[i + 1:]:
            if right.start >= left.end:
                break
            assert left.matched_by == "description" and right.end <= left.end, (left, right)


def test_annotations_follow_the_overlap_policy(annotator: Annotator) -> None:
    from legal_annot.examples import example_article

    result = annotator.annotate(example_article())
    assert len(result) >= 8
    assert_overlap_policy(result)


def test_annotator_pickles_and_gives_the_same_results(annotator: Annotator) -> None:
    from legal_annot.examples import example_article

    text = example_article()
    clone = pickle.loads(pickle.dumps(annotator))
    assert clone.annotate(text) == annotator.annotate(text)


def test_one_annotator_shared_by_threads(annotator: Annotator) -> None:
    from legal_annot.examples import example_article

    texts = [example_article()[i:] for i in range(0, 400, 25)]
    expected = [annotator.annotate(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(annotator.annotate, texts * 4)) == expected * 4


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120),
       st.sampled_from(["Supremacy Clause", "Printz v. U.S.", "up to five years in prison", "this law"]))
def test_offsets_hold_on_arbitrary_unicode(noise: str, phrase: str) -> None:
    text = noise + " " + phrase + " " + noise
    result = legal_annot.annotate(text)
    for ann in result:
        assert 0 <= ann.start < ann.end <= len(text)
        assert text[ann.start:ann.end] == ann.text
    assert_overlap_policy(result)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Supreme Court in Brown rejected segregation.", [("Brown", "case.brown-v-board-of-education")]),
    ("The justices overturned Roe in 2022.", [("Roe", "case.roe-v-wade")]),
    ("Under Roe, states could not ban abortion before viability.", [("Roe", "case.roe-v-wade")]),
    ("Heller's holding was narrow.", [("Heller", "case.district-of-columbia-v-heller")]),
    ("Brown said the weather was fine.", []),
    ("Mr. Heller went home after the game.", []),
    ("Miranda Lambert sang two songs.", []),
    ("Chevron Corp. reported higher profits.", []),
])
def test_short_names_with_a_legal_cue(text: str, expected) -> None:
    assert spans(legal_annot.annotate(text)) == expected


def test_acronyms_count_only_in_capitals() -> None:
    assert spans(legal_annot.annotate("Voters in Puerto Rico went to the polls.")) == []
