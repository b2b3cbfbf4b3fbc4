"""Right answers on the shapes that once made stages quadratic (one endless sentence of
citations and anaphors or penalties, a word list, many distinct case names). Their timing is
held to 4n/n <= 5 in benchmarks/bench_scale.py; here only the answers are checked."""

from __future__ import annotations

import random

import pytest
from test_robustness import ADVERSARIAL, check_invariants

import legal_annot
from legal_annot.detect.descriptions import _best_window


def by_how(text: str) -> dict[str, list[legal_annot.Annotation]]:
    out: dict[str, list[legal_annot.Annotation]] = {}
    for annotation in legal_annot.annotate(text).annotations:
        out.setdefault(annotation.matched_by, []).append(annotation)
    return out


def test_every_anaphor_of_a_long_chain_refers_to_the_citation_just_before() -> None:
    text = ADVERSARIAL["anaphor_chain"](20_000)
    found = by_how(text)
    assert len(found["anaphora"]) == len(found["citation"]) == text.count("this law")
    for citation, anaphor in zip(found["citation"], found["anaphora"], strict=True):
        assert citation.end < anaphor.start < citation.end + 5


@pytest.mark.parametrize("gap, linked", [(10, True), (40, False)])
def test_an_anaphor_looks_back_a_bounded_number_of_characters(gap: int, linked: bool) -> None:
    """With no sentence end in between, "this law" still reaches back only a few hundred characters."""
    text = "18 U.S.C. § 371, " + "and then some more words " * gap + "this law"
    assert ("anaphora" in by_how(text)) is linked


def test_every_penalty_of_a_long_chain_is_tied_to_the_statute_just_before() -> None:
    text = ADVERSARIAL["penalty_chain"](20_000) + "18 U.S.C. § 1001 carries up to five years in prison"
    found = by_how(text)
    penalties = found["penalty"]
    assert len(penalties) == len(found["citation"])
    for citation, penalty in zip(found["citation"], penalties, strict=True):
        assert penalty.note == f"tied to {citation.text!r}" and penalty.claim.consistent is True
    assert penalties[-1].authority.id == "usc.18.1001" and penalties[-2].authority.id == "usc.18.371"


def test_a_statute_after_the_penalty_in_its_sentence_counts_when_it_is_nearer() -> None:
    text = ("18 U.S.C. § 1001 is one thing, and much later in the same sentence we come to the claim "
            "that it carries up to five years in prison under 18 U.S.C. § 371")
    (penalty,) = by_how(text)["penalty"]
    assert penalty.authority.id == "usc.18.371"


@pytest.mark.parametrize("words", [1, 50, 500])
def test_a_description_at_the_end_of_a_word_list(words: int) -> None:
    text = "fbi " * words + "lied to"
    (description,) = by_how(text)["description"]
    assert description.text == "fbi lied to"


def test_a_description_spread_wider_than_its_window_in_a_word_list_is_not_found() -> None:
    assert "description" not in by_how("fbi " + "word " * 60 + "lied to")


def brute_force(hits: list[tuple[int, int, int]], groups: int) -> int | None:
    best = None
    for i in range(len(hits)):
        for j in range(i, len(hits)):
            if len({g for _, _, g in hits[i:j + 1]}) == groups:
                length = max(e for _, e, _ in hits[i:j + 1]) - hits[i][0]
                best = length if best is None else min(best, length)
                break
    return best


@pytest.mark.parametrize("seed", range(30))
def test_best_window_is_the_shortest_covering_run(seed: int) -> None:
    rng = random.Random(seed)
    groups = rng.randint(1, 3)
    starts = sorted(rng.sample(range(0, 400, 4), rng.randint(groups, 14)))
    # Ends vary (prefix terms run to the end of their word), so they are not sorted by start.
    labels = [*range(groups), *(rng.randrange(groups) for _ in starts[groups:])]
    rng.shuffle(labels)  # every group occurs, as in a sentence the scan reported
    hits = [(s, s + rng.randint(1, 30), g) for s, g in zip(starts, labels, strict=True)]
    folded = "x" * 500  # no spaces: every run fits the window
    span = _best_window(hits, groups, folded, window=10)
    expected = brute_force(hits, groups)
    assert (span[1] - span[0] if span else None) == expected


def test_short_forms_of_many_distinct_case_names() -> None:
    names = ADVERSARIAL["distinct_case_names"](4_800)
    text = names + "Under Q7x, and in Q20x, the Q0x decision stands; in Q999x nothing; Q3x v. Q4x."
    short = by_how(text)["short_name"]
    assert [a.text for a in short] == ["Q7x", "Q20x", "Q0x"]
    assert [a.authority.name for a in short] == ["Q7x v. State Department", "Q20x v. State Department",
                                                 "Q0x v. State Department"]


def test_a_short_form_before_its_case_is_named_is_not_linked() -> None:
    text = "In Q1x, nothing yet. In Q1x v. State Department, the court ruled. Later, in Q1x, it held."
    short = by_how(text)["short_name"]
    assert [a.start for a in short] == [text.rindex("Q1x")]


@pytest.mark.parametrize("name", ["anaphor_chain", "penalty_chain", "word_list", "distinct_case_names"])
def test_new_shapes_keep_the_invariants(name: str) -> None:
    text = ADVERSARIAL[name](20_000)
    check_invariants(text, legal_annot.annotate(text))
