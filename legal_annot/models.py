"""Frozen records that flow out of legal_annot: authorities, links, annotations, results."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from legal_annot.render.elements import HtmlOptions


class Kind(enum.StrEnum):
    """What sort of law an annotation or authority refers to."""

    CONSTITUTION = "constitution"
    CASE = "case"
    STATUTE = "statute"
    REGULATION = "regulation"
    EXECUTIVE_ORDER = "executive_order"
    DOCTRINE = "doctrine"
    PENALTY = "penalty"


class MatchedBy(enum.StrEnum):
    """How a reference was found; each value equals the string the JSON output has always carried.

    The overlap policy (legal_annot.resolve) and the short-name rule key on these."""

    NAME = "name"  # a catalog name or alias
    SHORT_NAME = "short_name"  # a short name, after a full reference to the same authority
    CUED_SHORT_NAME = "cued_short_name"  # a short name read as a reference because of a legal cue
    GENERIC = "generic"  # a phrase several entries share; candidates ranked
    CITATION = "citation"  # a formal citation (code, Constitution, case reporter, an Act's section)
    DESCRIPTION = "description"  # the authority described in words
    CASE_NAME = "case_name"  # "X v. Y" read from its shape, the case not in the catalog
    ANAPHORA = "anaphora"  # "this law", tied to an earlier reference
    PENALTY = "penalty"  # a stated penalty, tied to a statute

    def __repr__(self) -> str:
        # The field was a plain string before: keep its printed form ('citation') for callers'
        # logs and doctests; ``MatchedBy.CITATION`` still names it in code.
        return repr(self.value)


@attrs.frozen
class Link:
    """A place to read an authority: a short label ("Cornell LII") and an http(s) URL."""

    label: str
    url: str


def _positive_number(_instance: object, attribute: attrs.Attribute, value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or not value > 0):
        raise ValueError(f"{attribute.name}={value!r}: expected a positive number")


def _positive_integer(_instance: object, attribute: attrs.Attribute, value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not value > 0):
        raise ValueError(f"{attribute.name}={value!r}: expected a positive whole number")


def _of_type(expected: type) -> Any:
    def check(_instance: object, attribute: attrs.Attribute, value: object) -> None:
        if not isinstance(value, expected):
            raise TypeError(f"{attribute.name}={value!r}: expected {expected.__name__}")
    return check


@attrs.frozen
class Penalty:
    """The statutory maximum for one offence (or one subsection of it).

    ``max_years`` is None when the statute sets no prison term we could verify;
    ``life`` marks a maximum of life imprisonment. Each field validates itself.
    """

    subsection: str = attrs.field(default="", validator=_of_type(str))
    max_years: float | None = attrs.field(default=None, validator=_positive_number)
    life: bool = attrs.field(default=False, validator=_of_type(bool))
    max_fine: int | None = attrs.field(default=None, validator=_positive_integer)
    min_years: float | None = attrs.field(default=None, validator=_positive_number)
    note: str = attrs.field(default="", validator=_of_type(str))


@attrs.frozen
class HistoryEvent:
    """One dated thing that happened to an authority (see legal_annot.catalog.history).

    ``kind`` is one of the event kinds in :data:`legal_annot.catalog.history.EVENT_KINDS`;
    ``by`` is the catalog id or the citation and name of what did it, ``by_name`` its display
    name (the catalog entry's name and year when ``by`` is an id); ``court`` says which court
    acted when it matters ("supreme" or a lower court's name; empty means the Supreme Court for
    court actions).
    """

    date: date
    kind: str
    by: str = ""
    note: str = ""
    court: str = ""
    by_name: str = ""


@attrs.frozen
class Status:
    """An authority's standing when a text was written (``as_of``) and today.

    ``then`` and ``now`` are states such as "in force", "enjoined", "struck down", "overruled";
    ``events`` are those after ``as_of`` up to ``today``; ``message`` says it in one line.
    """

    as_of: date
    today: date
    then: str
    now: str
    events: tuple[HistoryEvent, ...] = ()
    message: str = ""
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the authority's state differs between ``as_of`` and today."""
        return self.then != self.now


@attrs.frozen
class Authority:
    """One piece of law: a clause, a case, a statute section, a regulation, an order, a doctrine."""

    id: str
    kind: Kind
    name: str
    citation: str | None = None
    parallel_citations: tuple[str, ...] = ()
    year: int | None = None
    summary: str = ""
    links: tuple[Link, ...] = ()
    source: str | None = None
    aliases: tuple[str, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    related: tuple[str, ...] = ()
    # Which layer of the catalog it comes from: "curated" (written and checked by hand), "generated"
    # (built from public data by scripts/build_tiers.py: facts only, no summary) or "text" (built
    # from the words of the text itself). ``jurisdiction`` is "US" for federal law, else a state's
    # postal code ("CA") or a locality.
    tier: str = "curated"
    jurisdiction: str = "US"
    as_of: date | None = None
    history: tuple[HistoryEvent, ...] = ()
    pending: bool = False

    @property
    def citations(self) -> tuple[str, ...]:
        """The canonical citation followed by the parallel ones."""
        return ((self.citation,) if self.citation else ()) + self.parallel_citations


@attrs.frozen
class PenaltyClaim:
    """A penalty stated in the text, checked against the statute it is tied to.

    ``consistent`` is True when the stated term does not exceed the statutory maximum,
    False when it does (or misstates a fixed maximum), None when it cannot be known.
    """

    stated: str
    stated_years: float | None
    stated_life: bool
    maximum: Penalty | None
    consistent: bool | None
    stated_fine: int | None = None  # a stated fine, in dollars (then ``stated_years`` is None)


@attrs.frozen
class CaseDetails:
    """What a case citation says beyond the case itself: the pin cite ("935"), the court
    ("scotus", "ca9"), the year, a trailing parenthetical ("holding that ...") and a docket number."""

    pin: str | None = None
    court: str | None = None
    year: int | None = None
    parenthetical: str | None = None
    docket: str | None = None



def as_matched_by(value: str) -> MatchedBy:
    """``MatchedBy(value)``, returning a member as it is (the enum's own call costs a microsecond,
    paid for every annotation and mention)."""
    return value if value.__class__ is MatchedBy else MatchedBy(value)  # type: ignore[return-value]

@attrs.frozen
class Annotation:
    """One reference found in a text. ``[start, end)`` indexes the caller's original string.

    ``authority`` is the best reading, ``candidates`` the ranked alternatives (with
    ``candidate_confidences`` alongside) when the reference is ambiguous, ``matched_by`` how it
    was found (a :class:`MatchedBy`, equal to its string value).
    ``citation`` is the citation as the text pinpoints it, in standard form ("18 U.S.C. §
    924(c)(1)(A)"), beside ``authority`` (the section's entry); None when the text gives none.
    ``case`` holds a case citation's pin cite, court, year, parenthetical and docket.
    """

    start: int
    end: int
    text: str
    kind: Kind
    authority: Authority | None = None
    candidates: tuple[Authority, ...] = ()
    candidate_confidences: tuple[float, ...] = ()
    confidence: float = 1.0
    matched_by: MatchedBy = attrs.field(default=MatchedBy.NAME, converter=as_matched_by)
    claim: PenaltyClaim | None = None
    note: str = ""
    status: Status | None = None
    citation: str | None = None
    case: CaseDetails | None = None

    def __len__(self) -> int:
        return self.end - self.start


def _check_spans(result: Result, _attribute: attrs.Attribute[Any], annotations: tuple[Annotation, ...]) -> None:
    """Annotations index the text, are sorted by start, quote their span and never cross."""
    if not isinstance(annotations, tuple) or not all(isinstance(a, Annotation) for a in annotations):
        raise TypeError("Result.annotations must be a tuple of Annotation")
    text = result.text
    enclosing: list[tuple[int, int]] = []  # spans of the annotations that may contain the next one
    previous = 0
    for a in annotations:
        if not 0 <= a.start <= a.end <= len(text):
            raise ValueError(f"annotation [{a.start}, {a.end}) does not lie inside the text (length {len(text)})")
        if a.start < previous:
            raise ValueError(f"annotations are not sorted by start: {a.start} after {previous}")
        if text[a.start:a.end] != a.text:
            raise ValueError(f"annotation [{a.start}, {a.end}) quotes {a.text!r}, the text there is "
                             f"{text[a.start:a.end]!r}")
        while enclosing and enclosing[-1][1] <= a.start:
            enclosing.pop()
        if enclosing and enclosing[-1][0] < a.start and a.end > enclosing[-1][1]:
            start, end = enclosing[-1]
            raise ValueError(f"annotation [{a.start}, {a.end}) crosses annotation [{start}, {end})")
        enclosing.append((a.start, a.end))
        previous = a.start


@attrs.frozen
class Result:
    """The text that was annotated and its annotations, sorted by position.

    Checked on construction: the text is a str and every annotation quotes its own span of it,
    in order, without crossing another (one may lie inside another).
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    annotations: tuple[Annotation, ...] = attrs.field(default=(), validator=_check_spans)

    def __iter__(self) -> Iterator[Annotation]:
        return iter(self.annotations)

    def __len__(self) -> int:
        return len(self.annotations)

    def __getitem__(self, index: int) -> Annotation:
        return self.annotations[index]

    def to_html(self, options: HtmlOptions | None = None) -> str:
        """The text as an HTML fragment with each annotation wrapped (see render.html)."""
        from legal_annot.render.html import render_html

        return render_html(self, options)

    def to_markdown(self, options: HtmlOptions | None = None) -> str:
        """The text as Markdown with its annotations added where they cover plain prose
        (see :func:`legal_annot.annotate_markdown`; the same writer)."""
        from legal_annot.render.markdown import render_markdown

        return render_markdown(self, options)

    def to_dict(self, *, compact: bool = False) -> dict[str, Any]:
        """JSON-ready data, version 1 (schema: docs/schema/result-v1.schema.json); ``compact`` lists
        each authority once and has annotations refer to it by id."""
        from legal_annot.render.json import result_to_dict

        return result_to_dict(self, compact=compact)

    def to_json(self, *, indent: int | None = None, compact: bool = False) -> str:
        from legal_annot.render.json import result_to_json

        return result_to_json(self, indent=indent, compact=compact)

    @classmethod
    def from_json(cls, text: str) -> Result:
        """Rebuild a Result from :meth:`to_json` output."""
        from legal_annot.render.json import result_from_json

        return result_from_json(text)

    def to_web_annotations(self, source: str = "urn:legal-annot:text") -> list[dict[str, Any]]:
        """W3C Web Annotations (JSON-LD dicts) targeting ``source``."""
        from legal_annot.render.json import to_web_annotations

        return to_web_annotations(self, source)
