"""annotate_markdown never changes a document's structure: links go only into plain prose, found
with a CommonMark parser's source map (issue 15 §1, issue 17 §4)."""

from __future__ import annotations

import pytest
from helpers import write_entry
from markdown_it import MarkdownIt
from markdown_trees import added_elements, added_hrefs, catalog_urls, events, render_markdown_it, render_python_markdown

import legal_annot
from legal_annot import Annotator, HtmlOptions

OURS = catalog_urls()
PRINTZ = "https://www.courtlistener.com/c/U.S./521/898/"
SUPREMACY = "https://constitution.congress.gov/browse/article-6/clause-2/"


def annotated(text: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
    return legal_annot.annotate_markdown(text, **kwargs)


def linked(text: str) -> list[str]:
    """Texts of the elements added, after rendering the annotated Markdown with markdown-it."""
    return added_elements(render_markdown_it(annotated(text)), OURS)


def assert_only_added(text: str) -> str:
    out = annotated(text)
    assert events(render_markdown_it(out), ours=OURS) == events(render_markdown_it(text), ours=OURS)
    return out


class TestLeftAlone:
    def test_yaml_front_matter(self) -> None:
        text = "---\ntitle: Printz v. United States and the Supremacy Clause\n---\n\nThe Supremacy Clause.\n"
        out = annotated(text)
        assert out.startswith("---\ntitle: Printz v. United States and the Supremacy Clause\n---\n")
        assert linked(text) == ["Supremacy Clause"]

    def test_toml_front_matter(self) -> None:
        text = "+++\ntitle = \"Printz v. United States\"\n+++\n\nPrintz v. United States was decided.\n"
        out = annotated(text)
        assert out.startswith('+++\ntitle = "Printz v. United States"\n+++\n')
        assert linked(text) == ["Printz v. United States"]

    @pytest.mark.parametrize("block", [
        "<div>\nThe Supremacy Clause in a div.\n</div>",
        "<pre>\nThe Supremacy Clause in pre.\n</pre>",
        "<script>\nvar s = 'Supremacy Clause';\n</script>",
        '<div\ntitle="See 18 U.S.C. § 371 and the Supremacy Clause">\n\nText.\n</div>',
        "<!-- the Supremacy Clause in a comment -->",
        "> quoted\n>\n>     Supremacy Clause as indented code in a quote",
    ])
    def test_html_blocks_comments_and_code(self, block: str) -> None:
        text = block + "\n\nThe Tenth Amendment applies.\n"
        out = assert_only_added(text)
        assert out.startswith(block)
        assert "Supremacy Clause" not in linked(text)

    def test_reference_links_definitions_and_titles(self) -> None:
        text = ("The [Supremacy Clause] governs, see [Printz v. United States][p].\n\n"
                "[Supremacy Clause]: https://example.org/sc\n"
                '[p]: https://example.org/p\n  "Printz v. United States, on the next line"\n')
        out = assert_only_added(text)
        assert out == text

    @pytest.mark.parametrize("text", [
        'See [the case](https://example.org/a_(b) "Printz v. United States (1997)").',
        "See [the case](<https://example.org/a b> 'Printz v. United States').",
        "See [the [Printz v. United States] case](https://example.org/x).",
        "See <a href=\"https://example.org\">Printz v. United States</a> and <code>18 U.S.C. § 371</code>.",
        "Press <kbd>Supremacy Clause</kbd> now.",
        "See `Printz v. United States` in code.",
        "See <https://example.org/Printz-v-United-States>.",
        "See https://example.org/Supremacy-Clause for more.",
    ])
    def test_author_links_and_inline_code_keep_their_text(self, text: str) -> None:
        assert assert_only_added(text) == text


class TestFound:
    @pytest.mark.parametrize(("text", "expected"), [
        ("*Printz* v. United States was cited.", "Printz v. United States"),
        ("The **Supremacy** Clause applies.", "Supremacy Clause"),
        ("The _Supremacy Clause_ applies.", "Supremacy Clause"),
        ("The Supremacy\nClause applies across a soft break.", "Supremacy\nClause"),
    ])
    def test_references_split_by_emphasis_or_lines(self, text: str, expected: str) -> None:
        assert_only_added(text)
        assert linked(text) == [expected]

    def test_list_continuations_and_footnotes(self) -> None:
        text = ("- first item\n\n  an indented continuation cites the Supremacy Clause.\n\n"
                "  - nested item on Printz v. United States\n\n"
                "Body text.[^1]\n\n[^1]: A footnote on the Tenth Amendment.\n")
        assert_only_added(text)
        assert set(linked(text)) == {"Supremacy Clause", "Printz v. United States", "Tenth Amendment"}

    def test_short_forms_see_the_whole_document(self) -> None:
        text = "Printz v. United States was decided in 1997.\n\n## Later\n\nCritics of Printz disagree.\n"
        assert linked(text) == ["Printz v. United States", "Printz"]

    def test_doctrines_get_an_element(self) -> None:
        out = assert_only_added("Officers claimed qualified immunity.")
        assert '<span class="legal-annot legal-annot--doctrine"' in out
        assert linked("Officers claimed qualified immunity.") == ["qualified immunity"]

    def test_class_name_option(self) -> None:
        out = annotated("Officers claimed qualified immunity.", options=HtmlOptions(class_name="law"))
        assert '<span class="law law--doctrine"' in out

    def test_tables(self) -> None:
        text = "| case | note |\n| --- | --- |\n| Printz v. United States | the Tenth Amendment |\n"
        assert_only_added(text)
        assert linked(text) == ["Printz v. United States", "Tenth Amendment"]


class TestStructureKept:
    @pytest.mark.parametrize("text", [
        "Wow!Printz v. United States was cited.",
        "A backslash \\Printz v. United States here.",
        "*a Printz v. United States*foo* b",
        "[foo]Printz v. United States\n\n[Printz v. United States]: https://example.org/p",
        "A <b Printz v. United States and more.",
        "Text `unclosed Printz v. United States then more",
    ])
    def test_neighbours_do_not_combine_with_the_link(self, text: str) -> None:
        assert_only_added(text)

    def test_image_is_not_created(self) -> None:
        out = annotated("Wow!Printz v. United States was cited.")
        assert "<img" not in render_markdown_it(out)
        assert linked("Wow!Printz v. United States was cited.") == ["Printz v. United States"]

    def test_backslash_does_not_escape_the_link(self) -> None:
        assert linked("A backslash \\Printz v. United States here.") == ["Printz v. United States"]

    def test_idempotent(self) -> None:
        text = "The Supremacy Clause and qualified immunity.\n\n*Printz* v. United States.\n"
        once = annotated(text)
        assert annotated(once) == once


class TestHostileCatalog:
    def test_summary_with_blank_lines_and_script(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        summary = 'First part.\n\n<script>alert(1)</script> "quoted" (paren) back\\slash `tick` | bar.'
        entry = write_entry(tmp_path, "evil.md", summary=summary)
        annotator = Annotator(legal_annot.Catalog.default().extend(legal_annot.Catalog.from_files([entry])))
        text = "The Widget Act applies.\n"
        out = legal_annot.annotate_markdown(text, annotator=annotator)
        assert "\n\n" not in out.strip()
        widget = frozenset({"https://www.law.cornell.edu/uscode/text/15/2051"})
        for html in (MarkdownIt("commonmark", {"html": True}).render(out), render_python_markdown(out)):
            assert "<script" not in html
            assert added_elements(html, widget) == ["Widget Act"]
        from legal_annot.markdown import markdown_it_plugin

        plugged = MarkdownIt("commonmark", {"html": True}).use(markdown_it_plugin, annotator=annotator).render(text)
        assert "<script" not in plugged and added_elements(plugged, widget) == ["Widget Act"]
        in_table = legal_annot.annotate_markdown("| a |\n| - |\n| The Widget Act |\n", annotator=annotator)
        assert render_markdown_it(in_table).count("<td>") == 1


class TestLinearInputs:
    """Shapes that made the old regex masking quadratic or exponential: the result is correct."""

    @pytest.mark.timeout(60)
    @pytest.mark.parametrize("shape", ["[", "`", "<a", "[a](", "![", "[[a]", "https://", "www.", "*a", "\\"])
    def test_repeated_openers(self, shape: str) -> None:
        text = shape * 3000 + " the Supremacy Clause"
        out = assert_only_added(text)
        assert out.startswith(shape * 3000)

    @pytest.mark.timeout(60)
    def test_unclosed_fence(self) -> None:
        text = "```\n" + "the Supremacy Clause line\n" * 200
        assert annotated(text) == text


class TestResultAndCli:
    def test_result_to_markdown_uses_the_safe_writer(self) -> None:
        text = "---\ntitle: the Supremacy Clause\n---\n\n<div>Supremacy Clause</div>\n\nThe Supremacy Clause.\n"
        out = legal_annot.annotate(text).to_markdown()
        assert out.startswith("---\ntitle: the Supremacy Clause\n---\n\n<div>Supremacy Clause</div>\n")
        assert added_elements(render_markdown_it(out), OURS) == ["Supremacy Clause"]


class TestProperty:
    """Random Markdown soup around references: whatever the parse, only elements are added."""

    PIECES = ["Printz v. United States", "the Supremacy Clause", "qualified immunity", " ", "\n", "\n\n",
              "*", "**", "_", "`", "``", "[", "]", "(", ")", "![", "!", "\\", "<a href='x'>", "</a>", "<b",
              ">", "<code>", "</code>", "&amp;", "> ", "- ", "1. ", "    ", "|", "---", "~~~", "```", "[x]: /u",
              '"', "'", "https://example.org/", "<!--", "-->", "[^1]", "[^1]: ", "#"]

    @pytest.mark.timeout(120)
    def test_random_documents(self) -> None:
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st

        @settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
        @given(st.lists(st.sampled_from(self.PIECES), max_size=30))
        def check(parts: list[str]) -> None:
            text = "".join(parts)
            out = annotated(text)
            before, after = render_markdown_it(text), render_markdown_it(out)
            ours = OURS | added_hrefs(before, after)
            assert events(after, ours=ours) == events(before, ours=ours)
            assert annotated(out) == out
            before, after = render_python_markdown(text), render_python_markdown(out)  # whitespace aside
            ours = OURS | added_hrefs(before, after)
            assert events(after, ours=ours, squash=True) == events(before, ours=ours, squash=True)

        check()


@pytest.mark.parametrize("opened", ["<a href='x'>", "<code>", "<kbd>\n<!-- </kbd> -->"])
def test_an_element_left_open_by_raw_html_hides_later_prose(opened: str) -> None:
    text = f"{opened}\n\nPrintz v. United States\n\nThe Tenth Amendment."
    assert_only_added(text)
    assert linked(text) == []
    name = opened[1:].split(">")[0].split()[0]
    closed = f"{opened}\n\nPrintz v. United States </{name}>\n\nThe Tenth Amendment."
    assert linked(closed) == ["Tenth Amendment"]
    html = MarkdownIt().use(__import__("legal_annot.markdown").markdown.markdown_it_plugin).render(text)
    assert added_elements(html, OURS) == []


class TestArgumentsAndCli:
    def test_bad_arguments_are_refused(self) -> None:
        with pytest.raises(TypeError, match="options"):
            annotated("the Supremacy Clause", options="law")
        with pytest.raises(TypeError, match="exclude"):
            annotated("the Supremacy Clause", exclude=None)
        with pytest.raises(ValueError, match="plain_tag"):
            annotated("qualified immunity", options=HtmlOptions(plain_tag='span onclick="x"'))

    def test_exclude_names_inline_elements(self) -> None:
        text = "<mark>the Supremacy Clause</mark> and the Tenth Amendment."
        assert linked(text) == ["Supremacy Clause", "Tenth Amendment"]
        assert added_elements(render_markdown_it(annotated(text, exclude="mark")), OURS) == ["Tenth Amendment"]

    def test_command_md_format_uses_the_same_writer(self, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
        from legal_annot.cli import main

        story = tmp_path / "story.md"
        text = "---\ntitle: the Supremacy Clause\n---\n\n<div>Printz v. United States</div>\n\nThe Supremacy Clause.\n"
        story.write_text(text, encoding="utf-8")
        assert main([str(story), "-f", "md"]) in (0, None)
        out = capsys.readouterr().out
        assert out.startswith("---\ntitle: the Supremacy Clause\n---\n\n<div>Printz v. United States</div>\n")
        assert added_elements(render_markdown_it(out), OURS) == ["Supremacy Clause"]


def test_nul_characters_keep_offsets() -> None:
    text = "A\x00 note on\x00 Printz v. United States.\r\n\r\nThe Tenth\r\nAmendment too."
    out = assert_only_added(text)
    assert out.count("\x00") == 2 and out.count("\r\n") == 3
    assert linked(text) == ["Printz v. United States", "Tenth\nAmendment"]
