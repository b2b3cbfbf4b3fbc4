"""JSON for other systems: a versioned document (schema in docs/schema/), its exact inverse, and
W3C Web Annotations (TextQuoteSelector + TextPositionSelector) for annotation tools."""

from __future__ import annotations

import functools
import json
from datetime import date
from typing import Any

import attrs

from legal_annot.errors import LegalAnnotError
from legal_annot.models import Annotation, Authority, HistoryEvent, Kind, Link, Penalty, PenaltyClaim, Result, Status
from legal_annot.models import CaseDetails
from legal_annot.render.elements import tooltip

# A relative reference: `legal-annot schema > result-v1.schema.json` puts the schema beside outputs
# (it is also docs/schema/result-v1.schema.json in the repository).
SCHEMA = "result-v1.schema.json"
VERSION = 1  # revision 1.1 adds optional fields only (source, authorities), so readers of 1 still read it
_QUOTE_CONTEXT = 32


_SCALARS = (str, int, float, bool, type(None))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The attrs field names of a record class (None for other classes), looked up once per class."""
    return tuple(field.name for field in attrs.fields(cls)) if attrs.has(cls) else None


def _plain(value: Any, memo: dict[int, Any]) -> Any:
    """JSON-ready data for a record; ``memo`` shares the data of an authority met twice in one result
    (by identity; records are frozen, so the shared dict is equal to a fresh one)."""
    if isinstance(value, Kind):
        return value.value
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v, memo) for v in value]
    names = _field_names(type(value))
    if names is None:
        return value
    if isinstance(value, Authority):
        known = memo.get(id(value))
        if known is not None:
            return known
    data = {name: _plain(getattr(value, name), memo) for name in names}
    if isinstance(value, Authority):
        memo[id(value)] = data
    return data


def result_to_dict(result: Result, *, compact: bool = False, source: str | None = None) -> dict[str, Any]:
    """A Result as plain JSON-ready data (version 1). An authority that several annotations share
    is one dict object in the output: copy it before changing it.

    ``compact`` lists each authority once, in ``authorities`` keyed by id, and annotations name
    theirs by id (a long news file shrinks to a quarter); ``source`` records where the text came from.
    """
    memo: dict[int, Any] = {}
    data: dict[str, Any] = {"$schema": SCHEMA, "version": VERSION}
    if source is not None:
        data["source"] = source
    data["text"] = result.text
    if not compact:
        data["annotations"] = [_plain(a, memo) for a in result.annotations]
        return data
    authorities: dict[str, Any] = {}
    annotations = []
    names = _field_names(Annotation) or ()
    for ann in result.annotations:
        for authority in (ann.authority, *ann.candidates):
            if authority is not None and authority.id not in authorities:
                authorities[authority.id] = _plain(authority, memo)
        plain = {}
        for name in names:
            if name == "authority":
                plain[name] = ann.authority.id if ann.authority is not None else None
            elif name == "candidates":
                plain[name] = [c.id for c in ann.candidates]
            else:
                plain[name] = _plain(getattr(ann, name), memo)
        annotations.append(plain)
    data["authorities"] = authorities
    data["annotations"] = annotations
    return data


def result_to_json(result: Result, *, indent: int | None = None, compact: bool = False,
                   source: str | None = None) -> str:
    return json.dumps(result_to_dict(result, compact=compact, source=source), ensure_ascii=False, indent=indent)


def _authority(data: dict[str, Any]) -> Authority:
    return Authority(
        id=data["id"], kind=Kind(data["kind"]), name=data["name"], citation=data.get("citation"),
        parallel_citations=tuple(data.get("parallel_citations", ())), year=data.get("year"),
        summary=data.get("summary", ""), links=tuple(Link(**link) for link in data.get("links", ())),
        source=data.get("source"), aliases=tuple(data.get("aliases", ())),
        penalties=tuple(Penalty(**p) for p in data.get("penalties", ())), related=tuple(data.get("related", ())),
        tier=data.get("tier", "curated"), jurisdiction=data.get("jurisdiction", "US"),
        as_of=date.fromisoformat(data["as_of"]) if data.get("as_of") else None,
        history=_events(data.get("history", ())), pending=data.get("pending", False),
    )


def _events(items: Any) -> tuple[HistoryEvent, ...]:
    return tuple(HistoryEvent(**{**e, "date": date.fromisoformat(e["date"])}) for e in items)


def _status(data: dict[str, Any] | None) -> Status | None:
    if not data:
        return None
    return Status(as_of=date.fromisoformat(data["as_of"]), today=date.fromisoformat(data["today"]),
                  then=data["then"], now=data["now"], events=_events(data.get("events", ())),
                  message=data.get("message", ""), notes=tuple(data.get("notes", ())))


def _authority_or_ref(value: Any, shared: dict[str, Authority]) -> Authority:
    """An authority written out in full, or (compact form) its id in the document's ``authorities``."""
    if isinstance(value, str):
        if value not in shared:
            raise ValueError(f"authority id {value!r} is not in 'authorities'")
        return shared[value]
    return _authority(value)


def _annotation(data: dict[str, Any], shared: dict[str, Authority]) -> Annotation:
    claim = data.get("claim")
    return Annotation(
        start=data["start"], end=data["end"], text=data["text"], kind=Kind(data["kind"]),
        authority=_authority_or_ref(data["authority"], shared) if data.get("authority") else None,
        candidates=tuple(_authority_or_ref(c, shared) for c in data.get("candidates", ())),
        candidate_confidences=tuple(data.get("candidate_confidences", ())),
        confidence=data.get("confidence", 1.0), matched_by=data.get("matched_by", "name"),
        claim=PenaltyClaim(
            stated=claim["stated"], stated_years=claim.get("stated_years"), stated_life=claim.get("stated_life", False),
            maximum=Penalty(**claim["maximum"]) if claim.get("maximum") else None, consistent=claim.get("consistent"),
            stated_fine=claim.get("stated_fine"),
        ) if claim else None,
        note=data.get("note", ""), status=_status(data.get("status")), citation=data.get("citation"),
        case=CaseDetails(**data["case"]) if data.get("case") else None,
    )


def result_from_dict(data: dict[str, Any]) -> Result:
    """The inverse of :func:`result_to_dict`; raises LegalAnnotError on another version."""
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, bool) or version != VERSION:
        raise LegalAnnotError(f"expected a legal_annot result of version {VERSION}")
    try:
        shared = {key: _authority(value) for key, value in (data.get("authorities") or {}).items()}
        return Result(data["text"], tuple(_annotation(a, shared) for a in data["annotations"]))
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise LegalAnnotError(f"malformed legal_annot result: {exc!r}") from None


def result_from_json(text: str) -> Result:
    """Parse :func:`result_to_json` output; anything else raises LegalAnnotError (TypeError for a
    non-str), including JSON nested too deeply to parse."""
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"Result.from_json() expects str, not {type(text).__name__}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise LegalAnnotError(f"not a legal_annot result: invalid JSON ({type(exc).__name__})") from None
    return result_from_dict(data)


def to_web_annotation_collection(items: list[dict[str, Any]], label: str = "legal_annot") -> dict[str, Any]:
    """Web Annotations gathered in one AnnotationCollection holding one AnnotationPage."""
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "label": label,
            "total": len(items), "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}}


def to_web_annotations(result: Result, source: str = "urn:legal-annot:text") -> list[dict[str, Any]]:
    """One W3C Web Annotation per annotation, targeting ``source`` by quote and by position
    (positions count Unicode code points, as Python strings and the W3C model do)."""
    text = result.text
    out = []
    for i, ann in enumerate(result.annotations):
        body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "describing", "value": tooltip(ann),
                                       "format": "text/plain"},
                                      {"type": "TextualBody", "purpose": "tagging", "value": ann.kind.value}]
        if ann.citation:
            body.append({"type": "TextualBody", "purpose": "identifying", "value": ann.citation,
                         "format": "text/plain"})
        if ann.authority is not None:
            body += [{"type": "SpecificResource", "purpose": "identifying", "source": link.url}
                     for link in ann.authority.links[:1]]
        if ann.status is not None:
            body.append({"type": "TextualBody", "purpose": "assessing", "value": ann.status.message,
                         "format": "text/plain"})
        out.append({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": f"{source}#annotation-{i + 1}",
            "type": "Annotation",
            "motivation": "describing",
            "body": body,
            "target": {"source": source, "selector": [
                {"type": "TextQuoteSelector", "exact": ann.text,
                 "prefix": text[max(0, ann.start - _QUOTE_CONTEXT):ann.start],
                 "suffix": text[ann.end:ann.end + _QUOTE_CONTEXT]},
                {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
            ]},
        })
    return out
