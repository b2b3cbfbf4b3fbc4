"""A readable plain-text listing of annotations, for terminals and quick checks."""

from __future__ import annotations

import textwrap

from legal_annot.models import Annotation, Result


def first_sentence(summary: str) -> str:
    """The summary's first sentence (the one-line gist)."""
    head, sep, _ = summary.partition(". ")
    return head + "." if sep else summary


def describe(annotation: Annotation) -> list[str]:
    """Lines describing one annotation: where, what, which authority, and a link."""
    lines = [f"[{annotation.start}:{annotation.end}] {annotation.text!r}  ({annotation.kind.value}, "
             f"{annotation.matched_by}, confidence {annotation.confidence:.2f})"]
    authority = annotation.authority
    if authority is not None:
        lines.append(f"    {authority.name}" + (f" — {authority.citation}" if authority.citation else ""))
        if authority.summary:
            lines.extend(textwrap.wrap(first_sentence(authority.summary), 96,
                                       initial_indent="    ", subsequent_indent="    "))
        if authority.links:
            lines.append(f"    {authority.links[0].url}")
    if annotation.candidates:
        ranked = ", ".join(f"{c.citation or c.name} ({p:.2f})"
                           for c, p in zip(annotation.candidates, annotation.candidate_confidences))
        lines.append(f"    candidates: {ranked}")
    if annotation.claim is not None:
        claim = annotation.claim
        verdict = {True: "consistent with", False: "NOT consistent with", None: "cannot be checked against"}
        lines.append(f"    penalty claim {claim.stated!r} is {verdict[claim.consistent]} the statutory maximum")
    if annotation.note:
        lines.append(f"    note: {annotation.note}")
    if annotation.status is not None and annotation.status.message:
        lines.extend(textwrap.wrap("status: " + annotation.status.message, 96,
                                   initial_indent="    ", subsequent_indent="      "))
    return lines


def render_text(result: Result) -> str:
    """Every annotation of a result, one block each."""
    blocks = ["\n".join(describe(a)) for a in result]
    return "\n".join(blocks) + ("\n" if blocks else "")
