"""Mentions from catalog names: full names, short names (kept later only after a full
reference) and generic names (ranked candidates, re-ranked by what else the text names)."""

from __future__ import annotations

from collections import Counter

import regex

from legal_annot.catalog import Catalog
from legal_annot.detect.phrases import CONTEXT, GENERIC, NAME, SHORT_NAME
from legal_annot.document import Document, Mention
from legal_annot.resolve import CUED_SHORT, DIRECT, SHORT, rank_candidates

_NAMES = frozenset({NAME, SHORT_NAME, GENERIC})
CUED_SHORT_NAME = "cued_short_name"
# Words that make a bare short name ("Roe", "Brown") a case reference even before the full name.
_LEGAL_CUE = regex.compile(
    r"(?:\b(?:the|The) (?:[Ss]upreme )?[Cc]ourt(?:'s (?:decision|ruling|holding|opinion))? in|"
    r"\b(?:overturn(?:ed|ing)?|overrul(?:ed|ing|e)|reaffirm(?:ed|ing)?|decided|citing|cited|under) )\s*$")
_LEGAL_CUE_AFTER = regex.compile(
    r"(?:'s|’s) (?:framework|holding|precedent|reasoning|standard|test|majority|dissent)\b|"
    r" (?:decision|ruling|precedent)\b")


def named_mentions(doc: Document, *, catalog: Catalog) -> list[Mention]:
    """One mention per name-like hit; context cues only re-rank generic names."""
    referenced: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    named = []
    for hit in doc.hits:
        first = hit.roles[0].role  # name roles come first (see PhraseScanner)
        if first in _NAMES:
            named.append(hit)
            if first == NAME:
                referenced.update(r.entry_id for r in hit.roles if r.role == NAME)
            cues.update(r.entry_id for r in hit.roles if r.role == CONTEXT)
        elif first == CONTEXT:
            cues.update(r.entry_id for r in hit.roles if r.role == CONTEXT)
    mentions = []
    for hit in named:
        how = hit.roles[0].role
        ids = tuple(r.entry_id for r in hit.roles if r.role == how)
        start, end = doc.original_span(hit.start, hit.end)
        phrase = doc.folded[hit.start:hit.end]
        if phrase in catalog.entry(ids[0]).acronyms and not doc.text[start:end].isupper():
            continue  # "RICO" is the statute, "Puerto Rico" is not
        if how == SHORT_NAME and _LEGAL_CUE.search(doc.text, max(0, start - 40), start) \
                or how == SHORT_NAME and _LEGAL_CUE_AFTER.match(doc.text, end):
            how = CUED_SHORT_NAME  # "the Court in Brown", "overturned Roe", "Heller's framework"
        if how == GENERIC:
            ids, scores, decided = rank_candidates(ids, referenced, cues)
        elif how in (SHORT_NAME, CUED_SHORT_NAME):
            if not doc.text[start].isupper():
                continue
            scores, decided = (SHORT if how == SHORT_NAME else CUED_SHORT,), True
        else:
            entry = catalog.entry(ids[0])
            if (entry.proper_noun and doc.text[start].islower()
                    and doc.folded[hit.start:hit.end] not in entry.plain_aliases):
                continue
            scores, decided = (DIRECT,), True
        mentions.append(Mention(start, end, catalog[ids[0]].kind, how, ids, scores, decided,
                                folded_start=hit.start, folded_end=hit.end))
    return mentions
