"""legal_annot: find references to U.S. law in prose and explain them.

    >>> import legal_annot
    >>> result = legal_annot.annotate("The memo cited the Supremacy Clause.")
    >>> [(a.text, a.authority.citation) for a in result]
    [('Supremacy Clause', 'U.S. Const. art. VI, cl. 2')]
"""

from __future__ import annotations

import threading

from legal_annot.annotator import Annotator
from legal_annot.catalog import Catalog
from legal_annot.errors import CatalogError, LegalAnnotError
from legal_annot.models import Annotation, Authority, Kind, Link, Penalty, PenaltyClaim, Result

__all__ = [
    "Annotation", "Annotator", "Authority", "Catalog", "CatalogError", "Kind", "LegalAnnotError",
    "Link", "Penalty", "PenaltyClaim", "Result", "annotate", "default_annotator",
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
