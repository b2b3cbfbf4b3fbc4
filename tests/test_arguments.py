"""Every public call refuses a bad argument at the boundary, with a message naming it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import legal_annot
from legal_annot import Annotator, Catalog, LegalAnnotError, Result

GOOD_HTML = "<p>The Supremacy Clause.</p>"


def _json_with(**changes: object) -> str:
    data = legal_annot.annotate("The Supremacy Clause and the Commerce Clause.").to_dict()
    for key, value in changes.items():
        if key.startswith("ann0_"):
            data["annotations"][0][key[5:]] = value
        else:
            data[key] = value
    return json.dumps(data)


BAD_CALLS: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    ("annotate None", lambda: legal_annot.annotate(None), TypeError, "expects str for text, not None$"),
    ("annotate bytes", lambda: legal_annot.annotate(b"x"), TypeError, "decode bytes"),
    ("annotate_html int", lambda: legal_annot.annotate_html(5), TypeError, "html"),
    ("annotate_html annotator=0", lambda: legal_annot.annotate_html(GOOD_HTML, annotator=0), TypeError, "annotator"),
    ("annotate_html annotator=str", lambda: legal_annot.annotate_html(GOOD_HTML, annotator="x"), TypeError,
     "annotator"),
    ("annotate_html options={}", lambda: legal_annot.annotate_html(GOOD_HTML, options={}), TypeError, "options"),
    ("annotate_html options=str", lambda: legal_annot.annotate_html(GOOD_HTML, options="x"), TypeError, "options"),
    ("annotate_html exclude=None", lambda: legal_annot.annotate_html(GOOD_HTML, exclude=None), TypeError, "exclude"),
    ("annotate_html exclude=[1]", lambda: legal_annot.annotate_html(GOOD_HTML, exclude=[1]), TypeError, "exclude"),
    ("annotate_markdown None", lambda: legal_annot.annotate_markdown(None), TypeError, "markdown"),
    ("annotate_markdown annotator", lambda: legal_annot.annotate_markdown("x", annotator=1), TypeError,
     "annotator"),
    ("annotate_many str", lambda: legal_annot.annotate_many("text"), TypeError, "single document"),
    ("annotate_many workers str", lambda: legal_annot.annotate_many([], workers="2"), TypeError, "workers"),
    ("annotate_many workers float", lambda: legal_annot.annotate_many([], workers=2.5), TypeError, "workers"),
    ("annotate_many chunksize float", lambda: legal_annot.annotate_many([], chunksize=1.5), TypeError,
     "chunksize"),
    ("annotate_many annotator", lambda: legal_annot.annotate_many([], annotator="x"), TypeError, "annotator"),
    ("Annotator catalog", lambda: Annotator(catalog="x"), TypeError, "catalog"),
    ("Annotator kinds int", lambda: Annotator(kinds=5), TypeError, "kinds"),
    ("Annotator kinds unknown", lambda: Annotator(kinds=["cases"]), ValueError, "kinds are"),
    ("Catalog of str", lambda: Catalog(["x"]), TypeError, "from_files"),
    ("Catalog of str (one)", lambda: Catalog("x"), TypeError, "from_files"),
    ("Catalog.from_files int item", lambda: Catalog.from_files([123]), TypeError, "paths"),
    ("Catalog.from_files None", lambda: Catalog.from_files(None), TypeError, "path"),
    ("Catalog.extend str", lambda: Catalog.default().extend("x"), TypeError, "Catalog"),
    ("Result text None", lambda: Result(None), TypeError, "text"),
    ("Result annotations list", lambda: Result("x", ["a"]), TypeError, "annotations"),
    ("from_json None", lambda: Result.from_json(None), TypeError, "str"),
    ("from_json empty", lambda: Result.from_json(""), LegalAnnotError, "invalid JSON"),
    ("from_json deep", lambda: Result.from_json("[" * 100_000), LegalAnnotError, "invalid JSON"),
    ("from_json not an object", lambda: Result.from_json("[1]"), LegalAnnotError, "version"),
    ("from_json version true", lambda: Result.from_json(_json_with(version=True)), LegalAnnotError, "version"),
    ("from_json text int", lambda: Result.from_json(_json_with(text=5)), LegalAnnotError, "text"),
    ("from_json span past end", lambda: Result.from_json(_json_with(ann0_end=10_000)), LegalAnnotError,
     "inside the text"),
    ("from_json start after end", lambda: Result.from_json(_json_with(ann0_start=20, ann0_end=10)),
     LegalAnnotError, "inside the text"),
    ("from_json wrong quote", lambda: Result.from_json(_json_with(ann0_text="Commerce Clause")), LegalAnnotError,
     "quotes"),
]


@pytest.mark.parametrize(("call", "error", "words"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_argument_gets_a_clear_error(call: Callable[[], object], error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        call()


def test_one_tag_name_as_exclude_is_one_name_not_its_letters() -> None:
    html = "<div><p>The Supremacy Clause.</p></div><d>The Commerce Clause.</d>"
    out = legal_annot.annotate_html(html, exclude="div")
    assert out.count("<a ") + out.count("<span ") == 1  # only <d>'s reference is annotated
    assert "Commerce" in out.split("<d>")[1] and "legal-annot" in out.split("<d>")[1]


def test_one_path_as_from_files_is_one_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[[authority]]\nid = "doctrine.example-rule"\nkind = "doctrine"\nname = "Example Rule"\n'
                    'summary = "A rule made up for this test."\naliases = ["Example Rule"]\n'
                    'source = "https://example.org/rule"\nexamples = ["They applied the Example Rule."]\n', encoding="utf-8")
    assert len(Catalog.from_files(path)) == len(Catalog.from_files(str(path))) == 1


def test_a_crossing_pair_of_annotations_is_refused_and_a_nested_pair_is_kept() -> None:
    text = "Printz v. United States was cited."
    outer = legal_annot.Annotation(0, 23, text[0:23], legal_annot.Kind.CASE)
    inner = legal_annot.Annotation(0, 6, text[0:6], legal_annot.Kind.CASE)
    crossing = legal_annot.Annotation(10, 30, text[10:30], legal_annot.Kind.CASE)
    assert len(Result(text, (outer, inner))) == 2
    with pytest.raises(ValueError, match="crosses"):
        Result(text, (outer, crossing))
