"""The shared phrase scan and the bit coding of description terms, apart from any stage."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legal_annot import Catalog
from legal_annot.detect.phrases import PhraseScanner
from legal_annot.detect.roles import ABSENT, TERM, Role
from legal_annot.detect.term_codes import DescriptionLayout
from legal_annot.normalize import fold
from legal_annot.segment import Sentences

MINI = Catalog.from_files([Path(__file__).parent / "data" / "mini_catalog.toml"])
DESCRIBED = [e for e in Catalog.default().entries if e.description is not None]
LAYOUT = DescriptionLayout.of(Catalog.default())


def scan(text: str):
    folded = fold(text)
    return PhraseScanner(MINI).scan(folded, Sentences(folded).edges)


@given(st.data())
def test_one_addition_judges_every_entry(data: st.DataObject) -> None:
    """Whatever groups and absent terms a sentence holds, the carry trick names exactly the
    entries with every group present and no absent term."""
    chosen = data.draw(st.lists(st.sampled_from(DESCRIBED), max_size=6, unique_by=lambda e: e.id))
    roles, complete = [], set()
    for entry in chosen:
        groups = range(len(entry.description.concepts))
        seen = data.draw(st.sets(st.sampled_from(groups)))
        roles += [Role(TERM, entry.id, g) for g in seen]
        ruled_out = data.draw(st.booleans())
        if ruled_out:
            roles.append(Role(ABSENT, entry.id))
        if len(seen) == len(groups) and not ruled_out:
            complete.add(entry.id)
    code = LAYOUT.code(tuple(roles))
    assert set(LAYOUT.satisfied(code.mask)) == complete


def test_codes_of_different_phrases_combine_by_or() -> None:
    entry = DESCRIBED[0]
    parts = [LAYOUT.code((Role(TERM, entry.id, g),)) for g in range(len(entry.description.concepts))]
    mask = 0
    for part in parts[:-1]:
        mask |= part.mask
    assert LAYOUT.satisfied(mask) == []
    assert LAYOUT.satisfied(mask | parts[-1].mask) == [entry.id]


def test_a_scanner_that_codes_terms_needs_sentences() -> None:
    scanner = PhraseScanner(MINI)
    assert scanner.codes_terms
    with pytest.raises(ValueError, match="sentence edges"):
        scanner.scan("they conspired to defraud the united states")


def test_only_complete_sentences_are_kept_with_their_terms() -> None:
    text = "They conspired for years. They defrauded no one. Then they conspired to defraud a bank."
    (sentence,) = scan(text).described
    folded = fold(text)
    assert folded[sentence.start:sentence.end].strip() == "then they conspired to defraud a bank."
    assert [folded[s:e] for s, e, _ in sentence.terms] == ["conspir", "defraud"]
    assert [code.continues for _, _, code in sentence.terms] == [True, False]  # "conspir" stopped inside a word


def test_absent_term_in_the_sentence_rules_the_entry_out() -> None:
    assert not scan("A conspiracy theory about plans to defraud voters.").described
    assert scan("A conspiracy to defraud voters. A theory.").described


@pytest.mark.parametrize("text", ["Conspiracy to defraud", "defraud, conspire"])
def test_terms_at_both_ends_of_the_text(text: str) -> None:
    (sentence,) = scan(text).described
    assert (sentence.start, sentence.end) == (0, len(text))


def test_a_term_inside_a_longer_word_is_not_a_term() -> None:
    assert not scan("The unconspired plan was to defraud nobody.").described
