"""Plugins for the two common Markdown engines (optional extras: ``legal_annot[markdown]``).

- Python-Markdown: ``markdown.markdown(text, extensions=[LegalAnnotExtension()])`` annotates the
  rendered HTML with :func:`legal_annot.annotate_html` (so code, pre and links stay untouched).
- markdown-it-py: ``MarkdownIt().use(legal_annot_plugin)`` turns references in text tokens into
  link tokens, outside existing links, code spans and code blocks.
"""

from __future__ import annotations

from typing import Any

from legal_annot.annotator import Annotator
from legal_annot.render.elements import HtmlOptions, link_of, tooltip


def _annotator(annotator: Annotator | None) -> Annotator:
    if annotator is not None:
        return annotator
    from legal_annot import default_annotator

    return default_annotator()


try:  # Python-Markdown
    from markdown.extensions import Extension
    from markdown.postprocessors import Postprocessor
except ImportError:  # pragma: no cover - the extra is not installed
    Extension = Postprocessor = None  # type: ignore[assignment,misc]


if Extension is not None:

    class _AnnotatePostprocessor(Postprocessor):  # type: ignore[misc,valid-type]
        def __init__(self, md: Any, annotator: Annotator | None, options: HtmlOptions | None) -> None:
            super().__init__(md)
            self.annotator, self.options = annotator, options

        def run(self, text: str) -> str:
            from legal_annot import annotate_html

            return annotate_html(text, annotator=_annotator(self.annotator), options=self.options)

    class LegalAnnotExtension(Extension):  # type: ignore[misc,valid-type]
        """Python-Markdown extension: annotate references in the rendered HTML."""

        def __init__(self, annotator: Annotator | None = None, options: HtmlOptions | None = None, **kwargs: Any) -> None:
            self.annotator, self.options = annotator, options
            super().__init__(**kwargs)

        def extendMarkdown(self, md: Any) -> None:  # noqa: N802 (Python-Markdown's API)
            # Priority below the raw-HTML postprocessor (30), so annotate the final HTML.
            md.postprocessors.register(_AnnotatePostprocessor(md, self.annotator, self.options), "legal_annot", 5)


def legal_annot_plugin(md: Any, annotator: Annotator | None = None) -> None:
    """markdown-it-py plugin: link references found in text tokens (not inside links or code)."""

    from markdown_it.token import Token

    def rule(state: Any) -> None:
        engine = _annotator(annotator)
        for block in state.tokens:
            if block.type != "inline" or not block.children:
                continue
            children, depth = [], 0
            for token in block.children:
                if token.type == "link_open":
                    depth += 1
                elif token.type == "link_close":
                    depth -= 1
                if token.type != "text" or depth or not token.content:
                    children.append(token)
                    continue
                last = 0
                for ann in engine.annotate(token.content):
                    url = link_of(ann)
                    if url is None or ann.start < last:
                        continue
                    if ann.start > last:
                        children.append(_text(Token, token.content[last:ann.start]))
                    opening = Token("link_open", "a", 1)
                    opening.attrs = {"href": url, "title": tooltip(ann), "class": f"legal-annot legal-annot--{ann.kind.value}"}
                    children += [opening, _text(Token, ann.text), Token("link_close", "a", -1)]
                    last = ann.end
                if last < len(token.content):
                    children.append(_text(Token, token.content[last:]))
            block.children = children

    md.core.ruler.push("legal_annot", rule)


def _text(token_class: Any, content: str) -> Any:
    token = token_class("text", "", 0)
    token.content = content
    return token
