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
from legal_annot.batch import DocumentError, annotate_many
from legal_annot.catalog import Catalog
from legal_annot.errors import CatalogError, LegalAnnotError
from legal_annot.models import Annotation, Authority, Kind, Link, Penalty, PenaltyClaim, Result
from legal_annot.render.elements import HtmlOptions

__all__ = [
    "Annotation", "Annotator", "Authority", "Catalog", "CatalogError", "DocumentError", "HtmlOptions",
    "Kind", "LegalAnnotError", "Link", "Penalty", "PenaltyClaim", "Result", "annotate", "annotate_html",
    "annotate_many", "annotate_markdown", "default_annotator",
    "annotate_html_text", "stylesheet",
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


def _html_arguments(name: str, html: object, annotator: object, options: object, exclude: object,
                    skip: object) -> tuple[Annotator, HtmlOptions, tuple[str, ...], tuple[str, ...]]:
    if not isinstance(html, str):
        raise TypeError(f"{name}() expects str, not {type(html).__name__}")
    if annotator is not None and not isinstance(annotator, Annotator):
        raise TypeError(f"{name}(): annotator must be an Annotator, not {type(annotator).__name__}")
    if options is not None and not isinstance(options, HtmlOptions):
        raise TypeError(f"{name}(): options must be an HtmlOptions, not {type(options).__name__}")
    lists = []
    for label, value in (("exclude", exclude), ("skip", skip)):
        value = (value,) if isinstance(value, str) else value
        value = tuple(value) if isinstance(value, Iterable) else None
        if value is None or not all(isinstance(v, str) for v in value):
            raise TypeError(f"{name}(): {label} must be a tag name or an iterable of them")
        lists.append(value)
    return annotator or default_annotator(), options or HtmlOptions(), lists[0], lists[1]


def annotate_html(html: str, *, annotator: Annotator | None = None, options: HtmlOptions | None = None,
                  exclude: Iterable[str] = (), skip: Iterable[str] = ("nav", "footer")) -> str:
    """Annotate inside an HTML document or fragment; only elements are added.

    The markup is read as a browser reads it. Text inside ``a``, ``code``, ``pre``, ``script``,
    ``style``, ``textarea``, ``title`` and other non-prose elements (and the tags in ``exclude``)
    is never annotated, nor text already annotated, so running it twice adds nothing. ``skip``
    names page parts left alone: any of ``"nav"``, ``"footer"``, ``"aside"``, ``"header"``,
    ``"headings"`` (h1-h6); by default navigation and footers.
    """
    from legal_annot.render.html_document import annotate_html_document

    annotator, options, exclude, skip = _html_arguments("annotate_html", html, annotator, options, exclude, skip)
    return annotate_html_document(html, annotator.annotate, options, exclude, skip)


def annotate_html_text(html: str, *, annotator: Annotator | None = None, exclude: Iterable[str] = (),
                       skip: Iterable[str] = ("nav", "footer")) -> Result:
    """A Result for an HTML page's visible text: offsets index the text left when tags are removed,
    entities decoded and scripts, styles, the head and other hidden elements dropped (as the Web
    Annotation model counts them), so JSON and Web Annotations can describe HTML inputs. The
    references are those :func:`annotate_html` would mark."""
    from legal_annot.render.html_document import annotate_visible_text

    annotator, options, exclude, skip = _html_arguments("annotate_html_text", html, annotator, None, exclude, skip)
    return annotate_visible_text(html, annotator.annotate, options, exclude, skip)


def stylesheet() -> str:
    """The CSS for annotation elements (also shipped as legal_annot/render/legal-annot.css)."""
    from legal_annot.render.style import stylesheet as css

    return css()


def annotate_markdown(markdown: str, *, annotator: Annotator | None = None) -> str:
    """Add inline links to a Markdown text, leaving code, links, URLs and inline HTML alone."""
    from legal_annot.render.markdown import annotate_markdown_text

    if not isinstance(markdown, str):
        raise TypeError(f"annotate_markdown() expects str, not {type(markdown).__name__}")
    annotator = annotator or default_annotator()
    return annotate_markdown_text(markdown, annotator.annotate)
