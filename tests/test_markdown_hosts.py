"""A corpus of Markdown documents through every Markdown path: annotate_markdown, Result.to_markdown,
the markdown-it-py plugin and the Python-Markdown extension. Rendered before and after, the
trees differ only by the elements legal_annot adds; a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_trees import added_elements, catalog_urls, events, render_markdown_it, render_python_markdown

import legal_annot
from legal_annot.markdown import markdown_it_plugin

OURS = catalog_urls()
CORPUS = sorted((Path(__file__).parent / "data" / "markdown").glob("*.md"))
markdown = pytest.importorskip("markdown")


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=CORPUS, ids=[p.stem for p in CORPUS])
def document(request: pytest.FixtureRequest) -> tuple[str, str]:
    text = text_of(request.param)
    return text, legal_annot.annotate_markdown(text)


def test_corpus_is_there() -> None:
    assert len(CORPUS) >= 3


def test_markdown_it_trees_differ_only_by_added_elements(document: tuple[str, str]) -> None:
    text, out = document
    assert out != text
    assert events(render_markdown_it(out), ours=OURS) == events(render_markdown_it(text), ours=OURS)


def test_python_markdown_trees_differ_only_by_added_elements(document: tuple[str, str]) -> None:
    text, out = document
    assert events(render_python_markdown(out), ours=OURS) == events(render_python_markdown(text), ours=OURS)
    assert added_elements(render_python_markdown(out), OURS)


def test_idempotent(document: tuple[str, str]) -> None:
    _, out = document
    assert legal_annot.annotate_markdown(out) == out


def test_result_to_markdown_is_as_safe(document: tuple[str, str]) -> None:
    text, _ = document
    out = legal_annot.annotate(text).to_markdown()
    assert events(render_markdown_it(out), ours=OURS) == events(render_markdown_it(text), ours=OURS)


def test_markdown_it_plugin_adds_only(document: tuple[str, str]) -> None:
    text, out = document
    plain = MarkdownIt("commonmark").enable("table").render(text)
    annotated = MarkdownIt("commonmark").enable("table").use(markdown_it_plugin).render(text)
    assert events(annotated, ours=OURS) == events(plain, ours=OURS)
    assert added_elements(annotated, OURS)


def test_python_markdown_extension_adds_only(document: tuple[str, str]) -> None:
    text, _ = document
    plain = markdown.markdown(text, extensions=["tables", "footnotes", "fenced_code"])
    annotated = markdown.markdown(text, extensions=["tables", "footnotes", "fenced_code", "legal_annot.markdown"])
    assert events(annotated, ours=OURS) == events(plain, ours=OURS)
    assert added_elements(annotated, OURS)


class TestCorpusFindings:
    def test_county_column(self) -> None:
        text = text_of(CORPUS[0])
        found = added_elements(render_markdown_it(legal_annot.annotate_markdown(text)), OURS)
        assert "Printz v. United States" in found and found.count("Printz") == 1
        assert "Supremacy Clause" in found and "qualified immunity" in found
        assert "Tenth Amendment" in found  # in the footnote definition

    def test_meeting_notes(self) -> None:
        text = text_of(CORPUS[1])
        out = legal_annot.annotate_markdown(text)
        assert out.startswith('+++\ntitle = "Notes on the Supremacy Clause"\n+++\n')
        found = added_elements(render_markdown_it(out), OURS)
        assert found.count("Supremacy Clause") == 3 and found.count("Printz v. United States") == 2
        assert "18 U.S.C. § 371" in found

    def test_tricky(self) -> None:
        out = legal_annot.annotate_markdown(text_of(CORPUS[2]))
        html = render_markdown_it(out)
        assert "<img" not in html
        found = added_elements(html, OURS)
        assert found.count("Printz v. United States") == 3
        assert "18 U.S.C. § 371" not in found


class TestMarkdownItPlugin:
    WRAPPED = ("The clerk said *Printz* v.\nUnited States bars the order, and the **Supremacy**\n"
               "Clause does not save it. Printz was decided in 1997.")

    def test_whole_inline_text_is_annotated_once(self) -> None:
        html = MarkdownIt().use(markdown_it_plugin).render(self.WRAPPED)
        plain = legal_annot.annotate("The clerk said Printz v.\nUnited States bars the order, and the Supremacy\n"
                                     "Clause does not save it. Printz was decided in 1997.")
        assert added_elements(html, OURS) == [a.text for a in plain]

    @pytest.mark.parametrize("raw", ['<a href="https://example.org">', "<code>", "<kbd>", "<samp>"])
    def test_nothing_between_raw_inline_tags(self, raw: str) -> None:
        name = raw[1:].split(">")[0].split()[0]
        html = MarkdownIt().use(markdown_it_plugin).render(f"Text {raw}Printz v. United States</{name}> and more.")
        assert added_elements(html, OURS) == []

    def test_near_miss_span_is_annotated_inside(self) -> None:
        html = MarkdownIt().use(markdown_it_plugin).render('Text <span title="x">Printz v. United States</span>.')
        assert added_elements(html, OURS) == ["Printz v. United States"]

    def test_config_keys(self) -> None:
        md = MarkdownIt().use(markdown_it_plugin, kinds="case, doctrine", class_name="law", link_target="_blank",
                              min_confidence=0.9)
        html = md.render("The Supremacy Clause, Printz v. United States, later Printz, and qualified immunity.")
        assert added_elements(html, OURS) == ["Printz v. United States"]  # the span has class "law"
        assert 'class="law law--case"' in html and 'target="_blank"' in html
        assert '<span class="law law--doctrine"' in html and "law--constitution" not in html

    def test_bad_config_is_refused(self) -> None:
        with pytest.raises(ValueError, match="min_confidence"):
            MarkdownIt().use(markdown_it_plugin, min_confidence="high")
        with pytest.raises(ValueError, match="kinds"):
            MarkdownIt().use(markdown_it_plugin, kinds=["cases"])


class TestPythonMarkdown:
    def test_config_from_a_yaml_like_mapping(self) -> None:
        configs = {"legal_annot.markdown": {"kinds": ["case"], "class_name": "law", "link_target": "_blank",
                                            "min_confidence": "0.9"}}
        html = markdown.markdown("The Supremacy Clause and Printz v. United States; later Printz.",
                                 extensions=["legal_annot.markdown"], extension_configs=configs)
        assert added_elements(html, OURS) == ["Printz v. United States"]
        assert 'class="law law--case"' in html and 'target="_blank"' in html

    def test_the_mkdocs_snippet_in_the_docs(self) -> None:
        yaml = pytest.importorskip("yaml")
        docs = (Path(__file__).parent.parent / "docs" / "markdown.md").read_text(encoding="utf-8")
        snippet = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
        (entry,) = yaml.safe_load(snippet)["markdown_extensions"]
        ((name, config),) = entry.items()
        html = markdown.markdown("The Supremacy Clause, 18 U.S.C. § 371 and Printz v. United States.",
                                 extensions=[name], extension_configs={name: config})
        assert added_elements(html, OURS) == ["18 U.S.C. § 371", "Printz v. United States"]
        assert 'target="_blank"' in html

    def test_entry_point_name(self) -> None:
        from importlib.metadata import entry_points

        names = {e.name for e in entry_points(group="markdown.extensions")}
        if "legal_annot" not in names:
            pytest.skip("the installed metadata predates the entry point (reinstall the package)")
        html = markdown.markdown("The Supremacy Clause.", extensions=["legal_annot"])
        assert added_elements(html, OURS) == ["Supremacy Clause"]

    def test_missing_python_markdown_says_what_to_install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import sys

        import legal_annot.markdown as host

        host._extension_class.cache_clear()
        monkeypatch.setitem(sys.modules, "markdown", None)
        monkeypatch.setitem(sys.modules, "markdown.extensions", None)
        try:
            with pytest.raises(ImportError, match=r"legal_annot\[markdown\]"):
                host.makeExtension()
        finally:
            host._extension_class.cache_clear()
