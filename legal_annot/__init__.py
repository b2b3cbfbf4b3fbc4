"""legal_annot: find references to U.S. law in prose and explain them.

    >>> import legal_annot
    >>> result = legal_annot.annotate("The memo cited the Supremacy Clause.")
    >>> [(a.text, a.authority.citation) for a in result]
    [('Supremacy Clause', 'U.S. Const. art. VI, cl. 2')]
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from legal_annot.annotator import Annotator
from legal_annot.arguments import instance_argument, names_argument, text_argument
from legal_annot.batch import DocumentError, annotate_many
from legal_annot.catalog import Catalog
from legal_annot.errors import CatalogError, LegalAnnotError
from legal_annot.models import Annotation, Authority, Kind, Link, Penalty, PenaltyClaim, Result
from legal_annot.render.elements import HtmlOptions

__all__ = [
    "Annotation", "Annotator", "Authority", "Catalog", "CatalogError", "DocumentError", "HtmlOptions",
    "Kind", "LegalAnnotError", "Link", "Penalty", "PenaltyClaim", "Result", "annotate", "annotate_html",
    "annotate_many", "annotate_markdown", "default_annotator",
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


def annotate(text: str) -> Result:
    """Annotate ``text`` with the default catalog; see :class:`Annotator` for options."""
    return default_annotator().annotate(text)


def annotate_html(html: str, *, annotator: Annotator | None = None, options: HtmlOptions | None = None,
                  exclude: str | Iterable[str] = ()) -> str:
    """Annotate inside an HTML document or fragment; only elements are added.

    Text inside ``a``, ``code``, ``pre``, ``script``, ``style``, ``textarea`` (and the tags in
    ``exclude``: one tag name or several) is never annotated, nor text already annotated, so running it twice adds nothing.
    """
    from legal_annot.render.html_document import annotate_html_document

    html = text_argument("annotate_html", "html", html)
    annotator = instance_argument("annotate_html", "annotator", annotator, Annotator) or default_annotator()
    options = instance_argument("annotate_html", "options", options, HtmlOptions) or HtmlOptions()
    excluded = names_argument("annotate_html", "exclude", exclude)
    return annotate_html_document(html, annotator.annotate, options, excluded)


def annotate_markdown(markdown: str, *, annotator: Annotator | None = None) -> str:
    """Add inline links to a Markdown text, leaving code, links, URLs and inline HTML alone."""
    from legal_annot.render.markdown import annotate_markdown_text

    markdown = text_argument("annotate_markdown", "markdown", markdown)
    annotator = instance_argument("annotate_markdown", "annotator", annotator, Annotator) or default_annotator()
    return annotate_markdown_text(markdown, annotator.annotate)
