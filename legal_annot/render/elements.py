"""What one annotation looks like as an HTML element: tag, attributes, tooltip. Escaping of every
piece of document or catalog text happens here and only here."""

from __future__ import annotations

import re
from html import escape

import attrs

from legal_annot.models import Annotation

SAFE_SCHEMES = ("https://", "http://")
# Elements that may wrap prose: inline phrasing elements whose content is ordinary text (never
# raw text, void, form or table elements), and custom elements (a hyphen in the name).
PHRASING = frozenset({"a", "abbr", "b", "bdi", "cite", "data", "dfn", "em", "i", "ins", "mark", "q", "s",
                      "small", "span", "strong", "sub", "sup", "time", "u"})
_TAG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_ATTRIBUTE = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*")
_CLASS = re.compile(r"[A-Za-z_][-A-Za-z0-9_]*")


def _tag_name(_instance: object, attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, str) or not _TAG.fullmatch(value) or (value not in PHRASING and "-" not in value):
        raise ValueError(f"HtmlOptions.{attribute.name} must be an inline element name such as 'a', 'span' or "
                         f"'mark' (or a custom element like 'legal-ref'), not {value!r}")


def _class_name(_instance: object, attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, str) or not _CLASS.fullmatch(value):
        raise ValueError(f"HtmlOptions.class_name must be one CSS class name (letters, digits, '-', '_'), "
                         f"not {value!r}")


def _extra(value: object) -> object:
    if isinstance(value, (list, tuple)) and all(isinstance(p, (list, tuple)) for p in value):
        return tuple(tuple(pair) for pair in value)
    return value


def _extra_attributes(_instance: object, _attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(p, tuple) and len(p) == 2 for p in value):
        raise ValueError("HtmlOptions.extra_attributes must be (name, value) pairs, "
                         f"such as (('data-source', 'wire'),), not {value!r}")
    for name, text in value:
        if not isinstance(name, str) or not _ATTRIBUTE.fullmatch(name) or name.lower().startswith("on"):
            raise ValueError(f"HtmlOptions.extra_attributes: {name!r} is not an allowed attribute name "
                             "(letters, digits, '-', '_', ':', '.'; no event handlers)")
        if not isinstance(text, str):
            raise TypeError(f"HtmlOptions.extra_attributes: the value of {name!r} must be a str, "
                            f"not {type(text).__name__}")


@attrs.frozen
class HtmlOptions:
    """How annotations are rendered as HTML.

    ``class_name`` is the base class (the kind is added as ``{class_name}--{kind}``); ``link_tag``
    is used when the annotation has a link and contains no other annotation, ``plain_tag``
    otherwise (both inline elements, or custom elements); ``extra_attributes`` are (name, value)
    pairs added to every element (values are escaped; event handlers are refused). Bad values
    raise ValueError/TypeError naming the field.

    The explanation travels in ``aria-description`` (screen readers read it as the element's
    description, and :func:`legal_annot.stylesheet`'s tooltip shows it on hover and focus), never
    in ``title`` by default, since the browser would show a second, native tooltip over the
    stylesheet's. ``native_title=True`` adds ``title`` too, for hosts that do not use the stylesheet.
    """

    class_name: str = attrs.field(default="legal-annot", validator=_class_name)
    link_tag: str = attrs.field(default="a", validator=_tag_name)
    plain_tag: str = attrs.field(default="span", validator=_tag_name)
    link_target: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str)))
    extra_attributes: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_extra, validator=_extra_attributes)
    native_title: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))


def explanation_attributes(annotation: Annotation, options: HtmlOptions) -> list[tuple[str, str]]:
    """The attributes that carry an annotation's explanation: ``aria-description`` (read by screen
    readers and by the stylesheet's tooltip), and ``title`` only when ``options.native_title``."""
    text = tooltip(annotation)
    return [("aria-description", text)] + ([("title", text)] if options.native_title else [])


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
    attributes += [*explanation_attributes(annotation, options), ("data-kind", kind), ("tabindex", "0")]
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
    if annotation.matched_by:
        attributes.append(("data-matched-by", str(annotation.matched_by)))
    attributes += list(options.extra_attributes)
    rendered = " ".join(f'{name}="{escape(value, quote=True)}"' for name, value in attributes)
    return f"<{tag} {rendered}>", f"</{tag}>"
