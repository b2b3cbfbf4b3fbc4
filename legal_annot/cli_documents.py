"""One document in, its rendering out: the work shared by the command, the service and the filter.

Rendering is split around annotation (:class:`DocumentRenderer`), so the command can annotate
every text in ``annotate_many``'s workers and still annotate each document exactly once, in every
format (annotate_html and annotate_markdown included). A document whose output is made from its
one text's Result (plain text to JSON, JSONL, Web Annotations, text or HTML) can also be rendered
in the workers (:meth:`DocumentRenderer.worker_render`): the worker does not know the document's
name, so it writes a random mark where the name goes and the parent puts the name in
(:meth:`DocumentRenderer.fill`).
"""

from __future__ import annotations

import functools
import json
import os
import secrets
from collections.abc import Callable, Sequence
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


@attrs.frozen
class Marks:
    """Stand-ins for a document's name and URI in a rendering made where they are not known.

    Random per run, and plain ASCII letters and digits, so JSON writes them unchanged and no
    document's text holds them by chance.
    """

    name: str = attrs.field(factory=lambda: "legal-annot-name-" + secrets.token_hex(16))
    uri: str = attrs.field(factory=lambda: "legal-annot-uri-" + secrets.token_hex(16))


def render_result(result: Result, settings: Settings, name: str, uri: str) -> Rendered:
    """The output of a (refined) Result in the settings' format."""
    fmt = settings.format
    if fmt == "text":
        return Rendered(render_text(result), len(result))
    if fmt in ("json", "jsonl"):
        data = result_to_dict(result, compact=settings.compact, source=name)
        return Rendered(json.dumps(data, ensure_ascii=False, indent=1 if fmt == "json" else None), len(result))
    if fmt == "webannotation":
        items = to_web_annotations(result, uri)
        return Rendered(",\n".join(json.dumps(item, ensure_ascii=False) for item in items), len(items))
    if fmt == "md":
        return Rendered(result.to_markdown(), len(result))
    if fmt == "html-fragment":
        return Rendered(result.to_html(), len(result))
    return Rendered("<div class=\"legal-annot-document\">" + result.to_html().replace("\n", "<br>\n") + "</div>\n",
                    len(result))


def _render_marked(settings: Settings, marks: Marks, result: Result) -> Rendered:
    """:func:`render_result` with the marks for name and URI (module-level: it runs in workers)."""
    return render_result(refine(result, settings), settings, marks.name, marks.uri)


def _json_inside_string(value: str) -> str:
    """``value`` as JSON writes it between a string's quotes."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


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
        self._marks = Marks()

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
        mode, settings = self._mode(job), self.settings
        if mode in ("html-in-place", "markdown-in-place"):
            return Rendered(self._in_place(mode, job.text, _Replay(results, settings)), 0)
        if mode == "html-text":
            result = html_text_result(job.text, _Replay(results, settings))  # refined by the Replay
        else:
            result = refine(results[0], settings)
        return render_result(result, settings, job.name, job.source or source_uri(job))

    def per_text(self, html_file: bool) -> bool:
        """Whether a document is rendered from its one text's Result alone (so a worker can render it)."""
        return self._mode(Job("", "", html_file=html_file)) == "text"

    def worker_render(self) -> Callable[[Result], Rendered]:
        """A picklable render for ``annotate_many`` that renders a per-text document with marks
        where its name and URI go; :meth:`fill` puts them in."""
        return functools.partial(_render_marked, self.settings, self._marks)

    def fill(self, job: Job, rendered: Rendered) -> Rendered:
        """A rendering from :meth:`worker_render` with this document's name and URI in place of the marks."""
        output = rendered.output
        if self.settings.format in ("json", "jsonl", "webannotation"):
            output = output.replace(self._marks.name, _json_inside_string(job.name))
            output = output.replace(self._marks.uri, _json_inside_string(job.source or source_uri(job)))
        return Rendered(output, rendered.count)

    def render(self, job: Job, annotator: Annotator) -> Rendered:
        """Prepare, annotate here, finish: for one document in this process."""
        return self.finish(job, [annotator.annotate(text, as_of=self.settings.as_of) for text in self.prepare(job)])
