"""Folding keeps length except for whitespace runs, and every span maps back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legal_annot.normalize import WHITESPACE, fold, fold_phrase, normalize


def test_whitespace_table_is_complete() -> None:
    every = {chr(c) for c in range(0x110000) if chr(c).isspace()} - {" "}
    assert set(WHITESPACE) == every


def test_fold_quotes_dashes_whitespace_case() -> None:
    assert fold("The \u201cLaw\u201d\u2014it\u2019s\tHERE\r\n") == 'the "law"-it\'s here  '


def test_fold_keeps_length_for_characters_that_grow_when_lowered() -> None:
    text = "\u0130stanbul Supremacy Clause"
    assert len(fold(text)) == len(text)


def test_fold_phrase_trims_and_collapses() -> None:
    assert fold_phrase("  Printz   v.\nUnited States ") == "printz v. united states"


def test_collapsed_runs_map_back() -> None:
    text = "a \r\n\t  Supremacy   Clause  x"
    norm = normalize(text)
    assert norm.text == "a supremacy clause x"
    i = norm.text.index("supremacy clause")
    start, end = norm.span_to_original(i, i + len("supremacy clause"))
    assert text[start:end] == "Supremacy   Clause"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_every_folded_character_maps_to_its_original(text: str) -> None:
    norm = normalize(text)
    for i, ch in enumerate(norm.text):
        original = text[norm.to_original(i)]
        assert ch == fold(original) or (ch == " " and original.isspace()) or (ch == "\x00" and original == "\n")


@pytest.mark.parametrize("text", ["a\n\nb", "a\n \t\nb", "a\r\n\r\nb", "a \n\n\n b"])
def test_a_blank_line_folds_to_a_break_not_a_space(text: str) -> None:
    assert "\x00" in normalize(text).text and "\x00" not in normalize(text.replace("\n", " ")).text


@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0"), max_size=60), st.data())
def test_original_spans_map_to_folded_and_back(text: str, data) -> None:
    norm = normalize(text)
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w+", text)]
    if not words:
        return
    start, end = data.draw(st.sampled_from(words))
    folded_start, folded_end = norm.span_to_folded(start, end)
    assert norm.span_to_original(folded_start, folded_end) == (start, end)


@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0"), max_size=60))
def test_many_positions_map_like_one_at_a_time(text: str) -> None:
    norm = normalize(text)
    positions = list(range(len(text)))
    assert norm.to_folded_many(positions) == [norm.to_folded(p) for p in positions]
