"""Results in a compact form for the trip from a worker process back to its parent.

A worker and its parent hold the same catalog, so an annotation's authorities travel as their
catalog ids and the document's text does not travel at all (the parent still has it). Fields are
read from the record classes, so a field added to :class:`Annotation` travels without a change
here. An authority the catalog does not hold under its id (a user stage may make its own) travels
whole.
"""

from __future__ import annotations

from typing import Any

import attrs

from legal_annot.catalog import Catalog
from legal_annot.models import Annotation, Authority, Result

# An annotation's text is a slice of the document, which the parent already holds.
_FIELD_NAMES = tuple(field.name for field in attrs.fields(Annotation) if field.name != "text")


class _ById(str):
    """An authority sent as its catalog id (a str subclass, so it pickles as small as a str)."""

    __slots__ = ()


_RESULT_EXTRAS = tuple(field.name for field in attrs.fields(Result) if field.name not in ("text", "annotations"))

CompactResult = tuple[tuple[tuple[Any, ...], ...], tuple[Any, ...]]


def _pack(value: Any, catalog: Catalog) -> Any:
    if isinstance(value, Authority):
        return _ById(value.id) if value.id in catalog and catalog[value.id] is value else value
    if isinstance(value, tuple) and value and isinstance(value[0], Authority):
        return tuple(_pack(item, catalog) for item in value)
    return value


def _unpack(value: Any, catalog: Catalog) -> Any:
    if isinstance(value, _ById):
        return catalog[str(value)]
    if isinstance(value, tuple) and value and isinstance(value[0], (_ById, Authority)):
        return tuple(_unpack(item, catalog) for item in value)
    return value


def pack_result(result: Result, catalog: Catalog) -> CompactResult:
    """The annotations of ``result`` as tuples of field values, authorities by id, and the
    result's own fields other than its text."""
    annotations = tuple(
        tuple(_pack(getattr(annotation, name), catalog) for name in _FIELD_NAMES)
        for annotation in result.annotations
    )
    return annotations, tuple(getattr(result, name) for name in _RESULT_EXTRAS)


def _annotation(text: str, fields: dict[str, Any]) -> Annotation:
    return Annotation(text=text[fields["start"]:fields["end"]], **fields)


def unpack_result(text: str, packed: CompactResult, catalog: Catalog) -> Result:
    """Rebuild the Result that :func:`pack_result` packed, for the same ``text`` and catalog."""
    packed_annotations, extras = packed
    annotations = tuple(
        _annotation(text, {name: _unpack(value, catalog) for name, value in zip(_FIELD_NAMES, fields, strict=True)})
        for fields in packed_annotations
    )
    return Result(text, annotations, **dict(zip(_RESULT_EXTRAS, extras, strict=True)))
