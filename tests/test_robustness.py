"""Invariants under arbitrary and hostile input: no exception, exact offsets, the overlap policy,
no blow-up, nothing executable in any output, results shared safely across threads and processes."""

from __future__ import annotations

import multiprocessing
import pickle
import re

import html5lib
import pytest
from helpers import write_entry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import legal_annot
from legal_annot import Annotator, Result
from legal_annot.examples import example_article
from legal_annot.render.page import render_page

ARTICLE = example_article()
EXCLUDED_HTML = {"script", "style"}


def check_invariants(text: str, result: Result) -> None:
    anns = result.annotations
    assert list(anns) == sorted(anns, key=lambda a: (a.start, -a.end))
    for i, ann in enumerate(anns):
        assert 0 <= ann.start < ann.end <= len(text)
        assert text[ann.start:ann.end] == ann.text
        for other in anns[i + 1:]:
            if other.start >= ann.end:
                break
            assert ann.matched_by == "description" and other.end <= ann.end


edits = st.lists(st.tuples(st.integers(0, len(ARTICLE)), st.integers(0, 40),
                           st.text(st.characters(codec="utf-8"), max_size=8)), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits)
def test_real_article_with_random_edits(changes) -> None:
    text = ARTICLE
    for position, length, insert in changes:
        position = min(position, len(text))
        text = text[:position] + insert + text[position + length:]
    result = legal_annot.annotate(text)
    check_invariants(text, result)
    assert Result.from_json(result.to_json()) == result


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    result = legal_annot.annotate(text)
    check_invariants(text, result)
    assert Result.from_json(result.to_json()) == result


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<em>", "</em>", "<a href='x'>", "</a>", "<br>", "&amp;",
                                 "&nbsp;", "&#8217;", "&bogus;", "<!--", "-->", "<script>", "</script>",
                                 "Printz v. United States", " the Supremacy Clause ", "18 U.S.C. § 371",
                                 "<b", ">", "\n"]), max_size=40))
def test_annotate_html_keeps_text_on_random_markup(pieces: list[str]) -> None:
    html = "".join(pieces)
    out = legal_annot.annotate_html(html)
    assert "".join(html5lib.parse(out).itertext()) == "".join(html5lib.parse(html).itertext())


ADVERSARIAL = {
    "no_whitespace": lambda n: "a" * n,
    "v_chain": lambda n: "v. " * (n // 3),
    "section_signs": lambda n: "§" * n,
    "section_runs": lambda n: "§§ 1, " * (n // 6),
    "capitalised_words": lambda n: ("Aaa Bbb Ccc Ddd Eee v. " * (n // 23)),
    "long_line": lambda n: ("word " * (n // 5)).strip(),
    "digits_and_reporters": lambda n: "1 U.S. " * (n // 7),
    "years": lambda n: "up to five years in prison " * (n // 27),
    "dots": lambda n: ". " * (n // 2),
    "descriptions": lambda n: "conspire defraud harbor alien obstruct " * (n // 39),
    "durations_without_context": lambda n: "up to five years " * (n // 17),
    # Shapes that do not repeat evenly enough to be cut into sentences: one endless sentence of
    # citations and anaphors or penalties, a word list, many distinct case names.
    "anaphor_chain": lambda n: "18 U.S.C. § 371, this law, " * (n // 27),
    "penalty_chain": lambda n: "18 U.S.C. § 371 carries up to five years in prison; " * (n // 52),
    "word_list": lambda n: "fbi " * (n // 4) + "lied to",
    "distinct_case_names": lambda n: "".join(f"In Q{i}x v. State Department, the court ruled. "
                                             for i in range(n // 48)),
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_finish(name: str) -> None:
    """Generous bound: 400 kB of each must finish well inside the timeout (linear time does it in
    about a second; catastrophic backtracking or quadratic work would not)."""
    text = ADVERSARIAL[name](400_000)
    check_invariants(text, legal_annot.annotate(text))


@pytest.mark.timeout(60)
def test_deeply_nested_and_unclosed_html_finishes() -> None:
    html = "<div>" * 20_000 + "the Supremacy Clause" + "<b>" * 20_000 + "<p>x" * 20_000
    out = legal_annot.annotate_html(html)
    assert "legal-annot" in out


HOSTILE = [
    '<script>alert(1)</script> the Supremacy Clause',
    'the Supremacy Clause" onmouseover="alert(1)',
    "the Supremacy Clause' onfocus='alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt; Printz v. United States",
    "javascript:alert(1) the Tenth Amendment",
    "<img src=x onerror=alert(1)> 18 U.S.C. § 371",
    "]]><svg onload=alert(1)> the Tenth Amendment",
]


def executable(html: str) -> list[str]:
    found = []
    for element in html5lib.parse(html).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("script", "iframe", "object", "embed", "svg", "img"):
            found.append(tag)
        for name, value in element.attrib.items():
            if name.lower().startswith("on") or value.strip().lower().startswith(("javascript:", "data:")):
                found.append(f"{tag}@{name}")
    return found


@pytest.mark.parametrize("text", HOSTILE)
def test_no_renderer_lets_text_become_markup(text: str) -> None:
    result = legal_annot.annotate(text)
    assert executable(result.to_html()) == []
    assert executable(render_page(result, text)) == []
    markdown = legal_annot.annotate_markdown(text)
    assert all(url.startswith("https://") for url in re.findall(r"\]\(<([^>]*)>", markdown))
    from markdown_it import MarkdownIt

    render = MarkdownIt().render
    assert executable(render(markdown)) == executable(render(text))  # nothing added to the author's own


def test_catalog_text_is_escaped_in_attributes(tmp_path) -> None:
    entry = write_entry(tmp_path, "evil.one",
                        summary='It says " onmouseover="alert(1)" and <script>alert(2)</script>. Nothing more.')
    catalog = legal_annot.Catalog.default().extend(legal_annot.Catalog.from_files([entry]))
    result = Annotator(catalog).annotate("The Widget Act applies.")
    assert executable(result.to_html()) == []
    assert executable(legal_annot.annotate_html("<p>The Widget Act applies.</p>", annotator=Annotator(catalog))) == []


def test_javascript_links_are_refused_at_load(tmp_path) -> None:
    entry = write_entry(tmp_path, "evil.two", kind="doctrine", name="Evil doctrine", citation=None,
                        extra='links = [{ label = "x", url = "javascript:alert(1)" }]\n')
    with pytest.raises(legal_annot.CatalogError, match="not an http"):
        legal_annot.Catalog.from_files([entry])


def _annotate_in_child(payload: bytes) -> bytes:
    annotator, text = pickle.loads(payload)
    return pickle.dumps(annotator.annotate(text))


def test_pickled_annotator_gives_identical_results_in_another_process() -> None:
    annotator = legal_annot.default_annotator()
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        got = pickle.loads(pool.apply(_annotate_in_child, (pickle.dumps((annotator, ARTICLE)),)))
    assert got == annotator.annotate(ARTICLE)


def test_annotate_many_keeps_order_and_reports_failures() -> None:
    texts = [ARTICLE[i:] for i in range(0, 2000, 50)]
    texts.insert(7, b"bytes are not text")  # type: ignore[arg-type]
    out = list(legal_annot.annotate_many(texts, workers=2, chunksize=3))
    assert isinstance(out[7], legal_annot.DocumentError) and out[7].index == 7
    good = [o for i, o in enumerate(out) if i != 7]
    assert good == [legal_annot.annotate(t) for t in texts if isinstance(t, str)]


@pytest.mark.timeout(120)
def test_annotate_many_streams_an_endless_generator() -> None:
    import itertools
    import tracemalloc

    texts = (f"Document {i} cites the Supremacy Clause." for i in itertools.count())
    tracemalloc.start()
    stream = legal_annot.annotate_many(texts, workers=2, chunksize=50)
    for count, result in enumerate(itertools.islice(stream, 20_000)):
        assert len(result) == 1
        if count == 1_000:
            baseline = tracemalloc.get_traced_memory()[0]
    grown = tracemalloc.get_traced_memory()[0] - baseline
    tracemalloc.stop()
    assert grown < 20_000_000, f"memory grew by {grown} bytes while streaming"
