"""One document in, its rendering out: the work shared by the command, the service and the filter.

Rendering is split around annotation (:class:`DocumentRenderer`), so the command can annotate
every text in ``annotate_many``'s workers and still annotate each document exactly once, in every
format (annotate_html and annotate_markdown included).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import date

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
    kinds: frozenset[str] | None = None
    as_of: date | None = None  # the date the texts speak from (None: today)


@attrs.frozen
class Job:
    """A document read by the parent: its name, where it came from, its text."""

    name: str
    text: str
    html_file: bool = False
    example: bool = False
    source: str | None = None  # the URI Web Annotations target (default: from the name)


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


def html_text_result(html: str, annotator: Annotator) -> Result:
    """A Result over an HTML page's visible text, read as annotate_html reads the page."""
    from legal_annot import annotate_html_text

    return annotate_html_text(html, annotator=annotator)


def refine(result: Result, settings: Settings) -> Result:
    """``result`` with the settings' kinds and confidence threshold applied and preferred links first."""
    if settings.min_confidence > 0 or settings.kinds is not None:
        kept = tuple(a for a in result if a.confidence >= settings.min_confidence
                     and (settings.kinds is None or a.kind.value in settings.kinds))
        if len(kept) != len(result):
            result = Result(result.text, kept)
    return prefer_links(result, settings.prefer_links) if settings.prefer_links else result


class _Recorder(Annotator):
    """Stands in for an Annotator to learn which texts a renderer would annotate (finds nothing).

    Nothing is built: only ``annotate`` is ever called on it.
    """

    def __init__(self) -> None:  # noqa: D107 - deliberately skips Annotator's build
        self.texts: list[str] = []

    def annotate(self, text: str, *, as_of: object = None) -> Result:
        self.texts.append(text)
        return Result(text)

    __call__ = annotate


class _Replay(Annotator):
    """Stands in for an Annotator by handing back results made earlier (in a worker), in order."""

    def __init__(self, results: Sequence[Result], settings: Settings) -> None:  # noqa: D107
        self.results, self.settings, self.next = list(results), settings, 0

    def annotate(self, text: str, *, as_of: object = None) -> Result:
        """The next result made earlier (its statuses were computed then, for the caller's as_of)."""
        result = self.results[self.next]
        self.next += 1
        if result.text != text:  # the renderer asked for other texts this time: cannot happen for pure renderers
            raise RuntimeError("renderer asked for a text it did not ask for before")
        return refine(result, self.settings)

    __call__ = annotate


class DocumentRenderer:
    """Renders a document in two halves around annotation, so annotation can happen elsewhere
    (``annotate_many``'s workers) and exactly once per text: :meth:`prepare` lists the texts to
    annotate, :meth:`finish` renders from their results."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _mode(self, job: Job) -> str:
        settings = self.settings
        html = settings.input_kind == "html" or (settings.input_kind == "auto" and job.html_file)
        if settings.format == "html" and html:
            return "html-in-place"
        if settings.format == "md" and not html:
            return "markdown-in-place"
        return "html-text" if html else "text"

    def _in_place(self, mode: str, text: str, annotator: Annotator) -> str:
        from legal_annot import annotate_html, annotate_markdown

        return (annotate_html if mode == "html-in-place" else annotate_markdown)(text, annotator=annotator)

    def prepare(self, job: Job) -> list[str]:
        """The texts to annotate for this document."""
        mode = self._mode(job)
        if mode == "text":
            return [job.text]
        recorder = _Recorder()
        if mode == "html-text":
            html_text_result(job.text, recorder)
        else:
            self._in_place(mode, job.text, recorder)
        return recorder.texts

    def finish(self, job: Job, results: Sequence[Result]) -> Rendered:
        """The document's output from the results of :meth:`prepare`'s texts."""
        mode, settings, fmt = self._mode(job), self.settings, self.settings.format
        if mode in ("html-in-place", "markdown-in-place"):
            return Rendered(self._in_place(mode, job.text, _Replay(results, settings)), 0)
        if mode == "html-text":
            result = html_text_result(job.text, _Replay(results, settings))
        else:
            result = refine(results[0], settings)
        if fmt == "text":
            return Rendered(render_text(result), len(result))
        if fmt in ("json", "jsonl"):
            data = result_to_dict(result, compact=settings.compact, source=job.name)
            return Rendered(json.dumps(data, ensure_ascii=False, indent=1 if fmt == "json" else None), len(result))
        if fmt == "webannotation":
            items = to_web_annotations(result, job.source or source_uri(job))
            return Rendered(",\n".join(json.dumps(item, ensure_ascii=False) for item in items), len(items))
        if fmt == "md":
            return Rendered(result.to_markdown(), len(result))
        if fmt == "html-fragment":
            return Rendered(result.to_html(), len(result))
        return Rendered("<div class=\"legal-annot-document\">" + result.to_html().replace("\n", "<br>\n") + "</div>\n",
                        len(result))

    def render(self, job: Job, annotator: Annotator) -> Rendered:
        """Prepare, annotate here, finish: for one document in this process."""
        return self.finish(job, [annotator.annotate(text, as_of=self.settings.as_of) for text in self.prepare(job)])
