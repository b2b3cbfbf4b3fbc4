"""legal_annot: find references to U.S. law in prose and explain them.

    >>> import legal_annot
    >>> result = legal_annot.annotate("The memo cited the Supremacy Clause.")
    >>> [(a.text, a.authority.citation) for a in result]
    [('Supremacy Clause', 'U.S. Const. art. VI, cl. 2')]
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable
from datetime import date

from legal_annot.annotator import Annotator
from legal_annot.arguments import instance_argument, names_argument, text_argument
from legal_annot.batch import DocumentError, annotate_many
from legal_annot.catalog import Catalog
from legal_annot.catalog.history import parse_as_of
from legal_annot.errors import CatalogError, LegalAnnotError
from legal_annot.links_preference import prefer_links
from legal_annot.models import (Annotation, Authority, CaseDetails, HistoryEvent, Kind, Link, MatchedBy, Penalty,
                                PenaltyClaim,
                                Result, Status)
from legal_annot.render.elements import HtmlOptions

__all__ = [
    "Annotation", "Annotator", "Authority", "Catalog", "CatalogError", "DocumentError", "HtmlOptions",
    "Kind", "LegalAnnotError", "Link", "Penalty", "PenaltyClaim", "Result", "annotate", "annotate_html",
    "annotate_many", "annotate_markdown", "default_annotator", "HistoryEvent", "Status",
    "annotate_html_text", "stylesheet", "CaseDetails", "prefer_links", "MatchedBy",
]

_default: Annotator | None = None
_default_lock = threading.Lock()


def default_annotator() -> Annotator:
    """The Annotator over the default catalog, built on first use and then shared."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Annotator()
    return _default


def annotate(text: str, *, as_of: date | str | None = None) -> Result:
    """Annotate ``text`` with the default catalog; see :class:`Annotator` for options.

    ``as_of`` is the date the text speaks from (default today); see ``Annotation.status``.
    """
    return default_annotator().annotate(text, as_of=as_of)


def _html_arguments(name: str, html: object, annotator: object, options: object, exclude: object,
                    skip: object) -> tuple[Annotator, HtmlOptions, tuple[str, ...], tuple[str, ...]]:
    text_argument(name, "html", html)
    chosen = instance_argument(name, "annotator", annotator, Annotator) or default_annotator()
    chosen_options = instance_argument(name, "options", options, HtmlOptions) or HtmlOptions()
    return chosen, chosen_options, names_argument(name, "exclude", exclude), names_argument(name, "skip", skip)


def annotate_html(html: str, *, annotator: Annotator | None = None, options: HtmlOptions | None = None,
                  exclude: str | Iterable[str] = (), skip: str | Iterable[str] = ("nav", "footer"),
                  as_of: date | str | None = None) -> str:
    """Annotate inside an HTML document or fragment; only elements are added.

    The markup is read as a browser reads it. Text inside ``a``, ``code``, ``pre``, ``script``,
    ``style``, ``textarea``, ``title`` and other non-prose elements (and the tags in ``exclude``)
    is never annotated, nor text already annotated, so running it twice adds nothing. ``skip``
    names page parts left alone: any of ``"nav"``, ``"footer"``, ``"aside"``, ``"header"``,
    ``"headings"`` (h1-h6); by default navigation and footers.
    """
    from legal_annot.render.html_document import annotate_html_document

    annotator, options, exclude, skip = _html_arguments("annotate_html", html, annotator, options, exclude, skip)
    annotate = functools.partial(annotator.annotate, as_of=parse_as_of(as_of))
    return annotate_html_document(html, annotate, options, exclude, skip)


def annotate_html_text(html: str, *, annotator: Annotator | None = None, exclude: str | Iterable[str] = (),
                       skip: str | Iterable[str] = ("nav", "footer"), as_of: date | str | None = None) -> Result:
    """A Result for an HTML page's visible text: offsets index the text left when tags are removed,
    entities decoded and scripts, styles, the head and other hidden elements dropped (as the Web
    Annotation model counts them), so JSON and Web Annotations can describe HTML inputs. The
    references are those :func:`annotate_html` would mark."""
    from legal_annot.render.html_document import annotate_visible_text

    annotator, options, exclude, skip = _html_arguments("annotate_html_text", html, annotator, None, exclude, skip)
    annotate = functools.partial(annotator.annotate, as_of=parse_as_of(as_of))
    return annotate_visible_text(html, annotate, options, exclude, skip)


def stylesheet() -> str:
    """The CSS for annotation elements (also shipped as legal_annot/render/legal-annot.css)."""
    from legal_annot.render.style import stylesheet as css

    return css()


def annotate_markdown(markdown: str, *, annotator: Annotator | None = None, options: HtmlOptions | None = None,
                      exclude: str | Iterable[str] = (), as_of: date | str | None = None) -> str:
    """Annotate a Markdown document; only links (and spans for link-less references) are added.

    The document is parsed as CommonMark (with tables, footnotes and front matter): front matter,
    code, raw HTML, link definitions and existing links (and the inline HTML elements in
    ``exclude``) are never changed, and each changed paragraph is checked to parse as before but
    for the added elements. See docs/markdown.md.
    """
    from legal_annot.render.markdown import annotate_markdown_text

    markdown = text_argument("annotate_markdown", "markdown", markdown)
    annotator = instance_argument("annotate_markdown", "annotator", annotator, Annotator) or default_annotator()
    options = instance_argument("annotate_markdown", "options", options, HtmlOptions) or HtmlOptions()
    excluded = names_argument("annotate_markdown", "exclude", exclude)
    annotate = functools.partial(annotator.annotate, as_of=parse_as_of(as_of))
    return annotate_markdown_text(markdown, annotate, options=options, exclude=excluded,
                                  min_confidence=getattr(options, "min_confidence", 0.0))
