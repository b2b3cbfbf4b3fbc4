"""What one annotation looks like as an HTML element: tag, attributes, tooltip. Escaping of every
piece of document or catalog text happens here and only here."""

from __future__ import annotations

from html import escape

import attrs

from legal_annot.models import Annotation

SAFE_SCHEMES = ("https://", "http://")


@attrs.frozen
class HtmlOptions:
    """How annotations are rendered as HTML.

    ``class_name`` is the base class (the kind is added as ``{class_name}--{kind}``); ``link_tag``
    is used when the annotation has a link and contains no other annotation, ``plain_tag``
    otherwise; ``extra_attributes`` are added to every element (values are escaped).
    """

    class_name: str = "legal-annot"
    link_tag: str = "a"
    plain_tag: str = "span"
    link_target: str | None = None
    extra_attributes: tuple[tuple[str, str], ...] = ()


def tooltip(annotation: Annotation) -> str:
    """The plain-text explanation shown on hover: name, citation, summary, caveats."""
    parts = []
    authority = annotation.authority
    if authority is not None:
        head = authority.name + (f" ({authority.citation})" if authority.citation and authority.citation != authority.name else "")
        parts.append(head)
        if annotation.citation and annotation.citation not in authority.citations:
            parts.append(f"Cited at {annotation.citation}.")
        if authority.summary:
            parts.append(authority.summary)
    elif annotation.candidates:
        parts.append("May refer to: " + "; ".join(
            f"{c.name} ({c.citation})" if c.citation else c.name for c in annotation.candidates))
    claim = annotation.claim
    if claim is not None and claim.stated_fine is not None:
        verdict = {True: "matches", False: "exceeds", None: "cannot be checked against"}[claim.consistent]
        parts.append(f"Stated fine {verdict} the maximum the statute and 18 U.S.C. § 3571 allow.")
    elif claim is not None:
        verdict = {True: "matches", False: "does not match", None: "cannot be checked against"}[claim.consistent]
        maximum = claim.maximum
        limit = ""
        if maximum is not None:
            limit = " (maximum: " + ("life" if maximum.life else f"{maximum.max_years:g} years") + ")"
        parts.append(f"Stated penalty {verdict} the statute{limit}.")
    if annotation.note:
        parts.append(annotation.note[0].upper() + annotation.note[1:] + ".")
    if annotation.status is not None and annotation.status.message:
        parts.append(f"Status: {annotation.status.message}.")
    return " ".join(parts)


def link_of(annotation: Annotation) -> str | None:
    """The first http(s) link of the annotation's authority, if any."""
    authority = annotation.authority
    if authority is None:
        return None
    for link in authority.links:
        if link.url.startswith(SAFE_SCHEMES):
            return link.url
    return None


def open_tag(annotation: Annotation, options: HtmlOptions, *, contains_others: bool = False) -> tuple[str, str]:
    """The opening tag for an annotation and the matching closing tag."""
    href = link_of(annotation)
    tag = options.link_tag if href and not contains_others else options.plain_tag
    kind = annotation.kind.value
    classes = f"{options.class_name} {options.class_name}--{kind}"
    status = annotation.status
    if status is not None and (status.changed or status.now != "in force"):
        classes += f" {options.class_name}--{'status-changed' if status.changed else 'not-in-force'}"
    attributes: list[tuple[str, str]] = [("class", classes)]
    if tag == options.link_tag and href:
        attributes.append(("href", href))
        if options.link_target:
            attributes += [("target", options.link_target), ("rel", "noopener noreferrer")]
    elif href:
        attributes.append(("data-href", href))
    authority = annotation.authority
    attributes += [("title", tooltip(annotation)), ("data-kind", kind), ("tabindex", "0")]
    if authority is not None:
        attributes.append(("data-authority", authority.id))
        if authority.citation:
            attributes.append(("data-citation", authority.citation))
        if authority.summary:
            attributes.append(("data-summary", authority.summary))
    if annotation.candidates:
        attributes.append(("data-candidates", " ".join(c.id for c in annotation.candidates)))
    if annotation.claim is not None:
        attributes.append(("data-consistent", str(annotation.claim.consistent).lower()))
    if status is not None:
        attributes.append(("data-status", status.now))
    attributes.append(("data-confidence", f"{annotation.confidence:.2f}"))
    attributes += list(options.extra_attributes)
    rendered = " ".join(f'{name}="{escape(value, quote=True)}"' for name, value in attributes)
    return f"<{tag} {rendered}>", f"</{tag}>"
