"""Catalog files from users (issue 17 §6): every malformed file gives a CatalogError naming the
file, the entry and the field — never a KeyError, a RecursionError or a silent conversion — and
no name may be made only of stop words, marks or numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from legal_annot import Annotator, Catalog, CatalogError
from legal_annot.catalog.loader import has_content_word, stop_words

ENTRY = '''[[authority]]
id = "user.rule"
kind = "statute"
name = "Widget Safety Rule"
citation = "15 U.S.C. § 2051"
summary = "A user's own entry. It proves that loading works."
source = "https://www.law.cornell.edu/uscode/text/15/2051"
examples = ["The Widget Safety Rule applies."]
'''


def _load(tmp_path: Path, body: str | bytes) -> Catalog:
    path = tmp_path / "user.toml"
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return Catalog.from_files([path])


def _error(tmp_path: Path, body: str | bytes) -> CatalogError:
    with pytest.raises(CatalogError) as caught:
        _load(tmp_path, body)
    assert caught.value.file and caught.value.file.endswith("user.toml")
    return caught.value


def test_a_missing_kind_names_the_entry_and_field(tmp_path: Path) -> None:
    error = _error(tmp_path, ENTRY.replace('kind = "statute"\n', ""))
    assert (error.entry, error.field) == ("user.rule", "kind") and "missing" in str(error)


@pytest.mark.parametrize("kind", ['"penalty"', '"statue"', "3", "true"])
def test_a_wrong_kind_names_the_entry_and_field(tmp_path: Path, kind: str) -> None:
    error = _error(tmp_path, ENTRY.replace('kind = "statute"', f"kind = {kind}"))
    assert (error.entry, error.field) == ("user.rule", "kind")


@pytest.mark.parametrize("depth", [1_000, 50_000])
def test_deeply_nested_arrays_are_a_catalog_error(tmp_path: Path, depth: int) -> None:
    error = _error(tmp_path, ENTRY + "nested = " + "[" * depth + "]" * depth + "\n")
    assert "nested" in str(error)


def test_shallow_nesting_is_an_ordinary_unknown_field(tmp_path: Path) -> None:
    error = _error(tmp_path, ENTRY + "nested = [[[1]]]\n")
    assert error.field == "nested"


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    catalog = _load(tmp_path, b"\xef\xbb\xbf" + ENTRY.encode("utf-8"))
    assert "user.rule" in catalog


def test_a_byte_order_mark_inside_the_file_is_still_an_error(tmp_path: Path) -> None:
    _error(tmp_path, ENTRY.encode("utf-8") + b"\xef\xbb\xbf")


@pytest.mark.parametrize("label", ["5", "true", "[\"x\"]", '""'])
def test_link_labels_must_be_strings(tmp_path: Path, label: str) -> None:
    error = _error(tmp_path, ENTRY + f'links = [{{label = {label}, url = "https://example.org/a"}}]\n')
    assert (error.entry, error.field) == ("user.rule", "links") and "label" in str(error)


def test_a_link_url_must_be_a_string(tmp_path: Path) -> None:
    error = _error(tmp_path, ENTRY + 'links = [{label = "Mirror", url = 5}]\n')
    assert error.field == "links"


def test_a_string_link_label_is_kept_as_written(tmp_path: Path) -> None:
    catalog = _load(tmp_path, ENTRY + 'links = [{label = "Mirror", url = "https://example.org/a"}]\n')
    assert ("Mirror", "https://example.org/a") in [(l.label, l.url) for l in catalog["user.rule"].links]


@pytest.mark.parametrize(("field", "phrase"), [
    ("aliases", "."), ("aliases", "the"), ("aliases", "The"), ("aliases", "of the"), ("aliases", "§ 1983"),
    ("aliases", "1983"), ("aliases", "U.S."), ("short_names", "it"), ("generic_names", "this"),
    ("plain_aliases", "and or"), ("aliases", "—"),
])
def test_a_name_needs_a_word_that_is_not_a_stop_word(tmp_path: Path, field: str, phrase: str) -> None:
    error = _error(tmp_path, ENTRY + f'{field} = ["{phrase}"]\n')
    assert (error.entry, error.field) == ("user.rule", field) and repr(phrase) in str(error)


def test_the_name_itself_is_held_to_the_rule_unless_it_is_only_a_label(tmp_path: Path) -> None:
    body = ENTRY.replace('name = "Widget Safety Rule"', 'name = "The"')
    assert _error(tmp_path, body).field == "name"
    assert "user.rule" in _load(tmp_path, body + 'match_name = false\naliases = ["Widget Safety Rule"]\n')


@pytest.mark.parametrize("phrase", ["Roe", "the Act", "RICO", "§ 1983 claim", "U.S.C.", "Title IX", "Section 230",
                                    "the Court's rule", "Ley de Seguridad"])
def test_names_with_a_content_word_are_accepted(tmp_path: Path, phrase: str) -> None:
    assert has_content_word(phrase)
    assert "user.rule" in _load(tmp_path, ENTRY + f'aliases = ["{phrase}"]\n')


def test_the_stop_words_are_data_and_every_shipped_name_passes() -> None:
    assert {"the", "of", "and", "this"} <= stop_words() and "act" not in stop_words()
    for entry in Catalog.default().entries:
        for phrase in (*entry.authority.aliases, *entry.short_names, *entry.generic_names):
            assert has_content_word(phrase), (entry.id, phrase)


def test_a_refused_alias_would_have_annotated_every_full_stop(tmp_path: Path) -> None:
    """Why the rule exists: the same entry built without the loader marks ordinary prose."""
    from legal_annot.catalog.schema import Entry

    good = _load(tmp_path, ENTRY)
    entry = good.entry("user.rule")
    loose = Catalog([Entry(authority=entry.authority, file="x", aliases=("the",))])
    assert Annotator(loose, stages=["names"]).annotate("He saw the cat.").annotations


DESCRIBED = ENTRY + '''[authority.description]
concepts = [["widget", "gadget"], ["safety", "harm"]]
'''


@pytest.mark.parametrize(("value", "stored"), [("1", 1.0), ("0.5", 0.5), ("1.0", 1.0)])
def test_a_description_confidence_may_be_written_as_an_integer(tmp_path: Path, value: str, stored: float) -> None:
    catalog = _load(tmp_path, DESCRIBED + f"confidence = {value}\n")
    confidence = catalog.entry("user.rule").description.confidence
    assert confidence == stored and isinstance(confidence, float)


@pytest.mark.parametrize("extra", ["confidence = 0", "confidence = 1.5", 'confidence = "1"', "confidence = true",
                                   "window = 1", "window = 61", "window = 2.5", 'absent = ["ok", ""]',
                                   "absent = 3"])
def test_description_fields_are_validated_by_the_record(tmp_path: Path, extra: str) -> None:
    error = _error(tmp_path, DESCRIBED + extra + "\n")
    assert (error.entry, error.field) == ("user.rule", "description")
    assert extra.split(" =")[0] in str(error)


@pytest.mark.parametrize("concepts", ['[["widget"]]', '[["widget"], []]', '[["widget"], [""]]', '"widget"', "[1, 2]"])
def test_description_concepts_are_validated(tmp_path: Path, concepts: str) -> None:
    body = ENTRY + f"[authority.description]\nconcepts = {concepts}\n"
    assert _error(tmp_path, body).field == "description"


def test_the_description_record_refuses_bad_values_itself() -> None:
    from legal_annot.catalog.schema import Description

    assert Description(concepts=(("a",), ("b",)), confidence=1).confidence == 1.0
    for bad in ({"confidence": "0.5"}, {"confidence": True}, {"window": 0}, {"absent": ("",)}):
        with pytest.raises(ValueError):
            Description(concepts=(("a",), ("b",)), **bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("penalty", ['{max_years = 0}', '{max_years = true}', '{max_years = "5"}', '{life = "yes"}',
                                     '{max_years = 5, max_fine = 2.5}', '{max_years = 5, note = 3}',
                                     '{max_years = 5, subsection = 1}', '{max_years = 5, min_years = -1}', '{note = "x"}'])
def test_penalty_fields_are_validated_by_the_record(tmp_path: Path, penalty: str) -> None:
    error = _error(tmp_path, ENTRY + f"penalties = [{penalty}]\n")
    assert (error.entry, error.field) == ("user.rule", "penalties")


def test_a_valid_penalty_loads_and_the_record_checks_itself(tmp_path: Path) -> None:
    from legal_annot import Penalty

    catalog = _load(tmp_path, ENTRY + 'penalties = [{max_years = 5, max_fine = 250000, subsection = "(a)"}]\n')
    assert catalog["user.rule"].penalties == (Penalty(subsection="(a)", max_years=5, max_fine=250000),)
    with pytest.raises(ValueError, match="max_years"):
        Penalty(max_years=-2)
