"""One document in, its rendering out: the command's work for a single input, run in a worker.

Each document is annotated once and serialised where it was annotated, so with ``-j N`` the
parent only reads files and writes strings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Sequence
from html.parser import HTMLParser

import attrs

from legal_annot.annotator import Annotator
from legal_annot.links_preference import prefer_links
from legal_annot.models import Result
from legal_annot.render.json import result_to_dict, to_web_annotations
from legal_annot.render.text import render_text

FORMATS = ("text", "json", "jsonl", "html", "md", "webannotation")
INPUT_KINDS = ("auto", "text", "html")


@attrs.frozen
class Settings:
    """How every document is rendered (picklable: sent once to each worker)."""

    format: str = "text"
    input_kind: str = "auto"
    compact: bool = True
    min_confidence: float = 0.0
    prefer_links: tuple[str, ...] = ()


@attrs.frozen
class Job:
    """A document read by the parent: its name, where it came from, its text."""

    name: str
    text: str
    html_file: bool = False
    example: bool = False


@attrs.frozen
class Rendered:
    """A document's output (for ``webannotation``, its annotations joined by commas) and its count."""

    output: str
    count: int


def source_uri(job: Job) -> str:
    """The URI a Web Annotation targets for this document."""
    if job.example:
        return "urn:legal-annot:example:" + job.name
    if job.name == "-":
        return "urn:legal-annot:stdin"
    return "file://" + os.path.abspath(job.name)


class _VisibleText(HTMLParser):
    """Stopgap reader: an HTML page's visible text (no markup, head, script, style), entities decoded."""

    HIDDEN = frozenset({"head", "title", "script", "style", "template", "noscript", "svg", "math"})
    BREAKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
                        "article", "header", "footer", "nav", "aside", "pre", "table", "ul", "ol", "dl", "dt", "dd",
                        "figcaption", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text_result(html: str, annotate) -> Result:  # type: ignore[no-untyped-def]
    """A Result for an HTML page's visible text (offsets into that text).

    Stopgap until ``legal_annot.render.html_reader.annotate_html_text`` lands; swap it here.
    """
    reader = _VisibleText()
    reader.feed(html)
    reader.close()
    return annotate("".join(reader.parts))


class Filtered:
    """An annotator whose results drop annotations under a confidence and prefer some link providers.

    It has the one method renderers call (``annotate``), so it can stand in for an Annotator.
    """

    def __init__(self, annotator: Annotator, min_confidence: float = 0.0, providers: Sequence[str] = (),
                 kinds: Collection[str] | None = None) -> None:
        self.annotator, self.min_confidence, self.providers = annotator, min_confidence, tuple(providers)
        self.kinds = frozenset(kinds) if kinds else None

    def annotate(self, text: str) -> Result:
        result = self.annotator.annotate(text)
        if self.min_confidence > 0 or self.kinds is not None:
            result = Result(result.text, tuple(a for a in result if a.confidence >= self.min_confidence
                                               and (self.kinds is None or a.kind.value in self.kinds)))
        return prefer_links(result, self.providers) if self.providers else result

    __call__ = annotate


class DocumentRenderer:
    """Renders jobs. It offers ``annotate(job)``, so ``annotate_many`` can run it in its workers."""

    def __init__(self, annotator: Annotator, settings: Settings) -> None:
        self.settings = settings
        self.annotator = Filtered(annotator, settings.min_confidence, settings.prefer_links)

    def annotate(self, job: Job) -> Rendered:
        settings = self.settings
        html = settings.input_kind == "html" or (settings.input_kind == "auto" and job.html_file)
        fmt = settings.format
        if fmt == "html" and html:
            from legal_annot import annotate_html

            return Rendered(annotate_html(job.text, annotator=self.annotator), 0)  # type: ignore[arg-type]
        if fmt == "md" and not html:
            from legal_annot import annotate_markdown

            return Rendered(annotate_markdown(job.text, annotator=self.annotator), 0)  # type: ignore[arg-type]
        result = visible_text_result(job.text, self.annotator.annotate) if html else self.annotator.annotate(job.text)
        if fmt == "text":
            return Rendered(render_text(result), len(result))
        if fmt in ("json", "jsonl"):
            data = result_to_dict(result, compact=settings.compact, source=job.name)
            return Rendered(json.dumps(data, ensure_ascii=False, indent=1 if fmt == "json" else None), len(result))
        if fmt == "webannotation":
            items = to_web_annotations(result, source_uri(job))
            return Rendered(",\n".join(json.dumps(item, ensure_ascii=False) for item in items), len(items))
        if fmt == "md":
            return Rendered(result.to_markdown(), len(result))
        return Rendered("<div class=\"legal-annot-document\">" + result.to_html().replace("\n", "<br>\n") + "</div>\n",
                        len(result))

    __call__ = annotate
