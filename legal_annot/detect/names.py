"""Mentions from catalog names: full names, short names (kept later only after a full
reference) and generic names (ranked candidates, re-ranked by what else the text names)."""

from __future__ import annotations

from collections import Counter

from legal_annot.catalog import Catalog
from legal_annot.detect.phrases import CONTEXT, GENERIC, NAME, SHORT_NAME
from legal_annot.document import Document, Mention
from legal_annot.resolve import DIRECT, SHORT, rank_candidates

_NAMES = frozenset({NAME, SHORT_NAME, GENERIC})


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
        if how == GENERIC:
            ids, scores, decided = rank_candidates(ids, referenced, cues)
        elif how == SHORT_NAME:
            if not doc.text[start].isupper():
                continue
            scores, decided = (SHORT,), True
        else:
            entry = catalog.entry(ids[0])
            if (entry.proper_noun and doc.text[start].islower()
                    and doc.folded[hit.start:hit.end] not in entry.plain_aliases):
                continue
            scores, decided = (DIRECT,), True
        mentions.append(Mention(start, end, catalog[ids[0]].kind, how, ids, scores, decided,
                                folded_start=hit.start, folded_end=hit.end))
    return mentions
