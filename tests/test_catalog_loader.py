"""Catalog files are validated at load: each way to get one wrong raises CatalogError naming
file, entry and field; user files layer over the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from legal_annot import Annotator, Catalog, CatalogError

VALID = '''
[[authority]]
id = "user.rule"
kind = "statute"
name = "Widget Safety Rule"
citation = "15 U.S.C. § 2051"
summary = "A user's own entry. It proves that layering works."
source = "https://www.law.cornell.edu/uscode/text/15/2051"
examples = ["The Widget Safety Rule applies."]
'''


def write(tmp_path: Path, body: str, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_default_catalog_loads_and_is_cached() -> None:
    assert Catalog.default() is Catalog.default()
    assert len(Catalog.default()) > 5


def test_user_file_layers_over_defaults(tmp_path: Path) -> None:
    catalog = Catalog.default().extend(Catalog.from_files([write(tmp_path, VALID)]))
    assert "user.rule" in catalog and "const.art6.cl2" in catalog
    result = Annotator(catalog).annotate("Regulators cited the widget safety rule on Monday.")
    assert [a.authority.id for a in result] == ["user.rule"]


def test_same_id_in_a_later_layer_replaces_the_entry(tmp_path: Path) -> None:
    body = VALID.replace('id = "user.rule"', 'id = "const.art6.cl2"')
    with pytest.warns(UserWarning, match=r"replace ones with the same id: const\.art6\.cl2 \(from .*user\.toml\)"):
        catalog = Catalog.default().extend(Catalog.from_files([write(tmp_path, body)]))
    assert catalog["const.art6.cl2"].name == "Widget Safety Rule"


def test_a_new_id_layers_without_a_warning(tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Catalog.default().extend(Catalog.from_files([write(tmp_path, VALID)]))


def test_every_invalid_entry_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    second = VALID.replace('id = "user.rule"', 'id = "user.two"').replace('kind = "statute"', 'kind = "treaty"')
    third = VALID.replace('id = "user.rule"', 'id = "user.three"').replace('source = "https://', 'source = "ftp://')
    with pytest.raises(CatalogError) as caught:
        Catalog.from_files([write(tmp_path, VALID + second + third)])
    message = str(caught.value)
    assert "2 entries are invalid" in message and "'user.two'" in message and "'user.three'" in message
    assert "'user.rule'" not in message and len(caught.value.problems) == 2
    with pytest.raises(CatalogError, match="user.two") as one:
        Catalog.from_files([write(tmp_path, VALID + second)])
    assert "entries are invalid" not in str(one.value)


@pytest.mark.parametrize(("edit", "field", "message"), [
    (lambda s: s.replace('kind = "statute"', 'kind = "poem"'), "kind", "one of"),
    (lambda s: s.replace('summary = "A user', 'summery = "A user'), "summery", "unknown field"),
    (lambda s: s.replace('source = "https:', 'source = "javascript:'), "source", r"http\(s\) URL"),
    (lambda s: s.replace('citation = "15 U.S.C. § 2051"', 'citation = "Widget Code 7"'), "citation", "expected a form"),
    (lambda s: s.replace('citation = "15 U.S.C. § 2051"\n', ''), "citation", "needs its official citation"),
    (lambda s: s.replace('examples = ["The Widget Safety Rule applies."]', 'examples = "one"'), "examples", "type str"),
    (lambda s: s.replace('examples = ["The Widget Safety Rule applies."]', 'examples = []'), "examples", "is empty"),
    (lambda s: s + 'year = "1999"\n', "year", "type str"),
    (lambda s: s + 'penalties = [{ max_years = "five" }]\n', "penalties", "wrong type"),
    (lambda s: s + 'description = { concepts = [["x"]] }\n', "description", "at least two"),
    (lambda s: s + 'links = [{ label = "x", url = "ftp://example.org" }]\n', "links", r"http\(s\) URL"),
    (lambda s: s.replace('id = "user.rule"', 'id = "User Rule!"'), "id", "identifier"),
])
def test_bad_entries_name_file_entry_and_field(tmp_path: Path, edit, field: str, message: str) -> None:
    path = write(tmp_path, edit(VALID))
    with pytest.raises(CatalogError, match=message) as caught:
        Catalog.from_files([path])
    error = caught.value
    assert error.file == str(path) and error.field == field and error.entry
    assert isinstance(error, ValueError)


def test_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[[authority]\nid = ")
    with pytest.raises(CatalogError, match="not valid TOML") as caught:
        Catalog.from_files([path])
    assert caught.value.file == str(path)


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot be read"):
        Catalog.from_files([tmp_path / "absent.toml"])


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    first, second = write(tmp_path, VALID, "a.toml"), write(tmp_path, VALID, "b.toml")
    with pytest.raises(CatalogError, match="duplicate id") as caught:
        Catalog.from_files([first, second])
    assert caught.value.field == "id" and caught.value.entry == "user.rule"


def test_alias_claimed_twice_needs_generic_names(tmp_path: Path) -> None:
    other = VALID.replace('id = "user.rule"', 'id = "user.other"').replace(
        'name = "Widget Safety Rule"', 'name = "Other Rule"\naliases = ["widget safety rule"]')
    path = write(tmp_path, VALID + other)
    with pytest.raises(CatalogError, match="generic_names") as caught:
        Catalog.from_files([path])
    assert caught.value.field == "aliases"


def test_unknown_related_id_is_reported_once_layered(tmp_path: Path) -> None:
    path = write(tmp_path, VALID + 'related = ["no.such.entry"]\n')
    with pytest.raises(CatalogError, match="unknown id") as caught:
        Catalog.default().extend(Catalog.from_files([path]))
    assert caught.value.field == "related"


def test_catalog_pickles(tmp_path: Path) -> None:
    import pickle

    catalog = Catalog.default()
    clone = pickle.loads(pickle.dumps(catalog))
    assert [a.id for a in clone] == [a.id for a in catalog]
