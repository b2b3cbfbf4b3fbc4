"""Find authorities described rather than named ("a law that prohibits conspiracies to defraud
the United States"), driven entirely by each catalog entry's ``description``.

A description matches where one term of every concept group occurs within the entry's window
of words, inside one sentence that holds none of the entry's absent terms. The terms come from
the shared phrase scan; only sentences holding terms are examined.
"""

from __future__ import annotations

from collections import defaultdict

from legal_annot.catalog import Catalog
from legal_annot.detect.phrases import ABSENT, TERM

_DESCRIPTION_ROLES = frozenset({TERM, ABSENT})
from legal_annot.document import Document, Mention


def _best_window(hits: list[tuple[int, int, int]], groups: int, folded: str,
                 window: int) -> tuple[int, int] | None:
    """The shortest run of hits covering every group, if it spans at most ``window`` words.

    ``hits`` are (start, end, group) sorted by start; a classic minimum-window sweep.
    """
    count: dict[int, int] = defaultdict(int)
    covered, left, best = 0, 0, None
    for right, (_, end, group) in enumerate(hits):
        count[group] += 1
        if count[group] == 1:
            covered += 1
        while covered == groups:
            start = hits[left][0]
            if best is None or end - start < best[1] - best[0]:
                best = (start, max(e for _, e, _ in hits[left:right + 1]))
            left_group = hits[left][2]
            count[left_group] -= 1
            if count[left_group] == 0:
                covered -= 1
            left += 1
    if best is None or folded.count(" ", best[0], best[1]) + 1 > window:
        return None
    return best


class DescriptionMentions:
    """The descriptions stage: one mention per (entry, sentence) where the entry's description
    is satisfied.

    Hits arrive in text order, so they are gathered one sentence at a time (the memory held is
    one sentence's hits, however long the text). Each entry keeps a bit mask of the concept
    groups seen, so most entries are dismissed without looking at positions; what a phrase means
    for descriptions is worked out once per phrase and cached.
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._full: dict[str, int] = {
            e.id: (1 << len(e.description.concepts)) - 1 for e in catalog.entries if e.description is not None}
        self._facts: dict[int, tuple[tuple[tuple[str, int, int], ...], tuple[str, ...]]] = {}

    def _facts_of(self, roles: tuple) -> tuple[tuple[tuple[str, int, int], ...], tuple[str, ...]]:
        facts = self._facts.get(id(roles))
        if facts is None:
            facts = (tuple((r.entry_id, 1 << r.group, r.group) for r in roles if r.role == TERM),
                     tuple(r.entry_id for r in roles if r.role == ABSENT))
            self._facts[id(roles)] = facts
        return facts

    def __call__(self, doc: Document) -> list[Mention]:
        mentions: list[Mention] = []
        masks: dict[str, int] = {}
        gathered: list[tuple[int, int, tuple[tuple[str, int, int], ...]]] = []
        absent: set[str] = set()
        sentences, length = doc.sentences, len(doc.folded)
        lo = hi = -1
        for start, end, roles in doc.hits:
            terms, absents = self._facts_of(roles)
            if not terms and not absents:
                continue
            if not lo <= start < hi:  # a new sentence: judge the one before
                if masks:
                    self._close(doc, masks, gathered, absent, mentions)
                lo, hi = sentences.bounds(sentences.index(start), length)
            for entry_id, bit, _ in terms:
                masks[entry_id] = masks.get(entry_id, 0) | bit
            if terms:
                gathered.append((start, end, terms))
            if absents:
                absent.update(absents)
        if masks:
            self._close(doc, masks, gathered, absent, mentions)
        return mentions

    def _close(self, doc: Document, masks: dict[str, int], gathered: list, absent: set[str],
               mentions: list[Mention]) -> None:
        """Judge the gathered terms of one sentence, then forget them."""
        full = self._full
        for entry_id, mask in masks.items():
            if mask != full[entry_id] or entry_id in absent:
                continue
            entry = self._catalog.entry(entry_id)
            description = entry.description
            assert description is not None
            hits = sorted((start, end, group) for start, end, terms in gathered
                          for ident, _, group in terms if ident == entry_id)
            span = _best_window(hits, len(description.concepts), doc.folded, description.window)
            if span is None:
                continue
            start, end = doc.original_span(*span)
            mentions.append(Mention(start, end, entry.authority.kind, "description", (entry_id,),
                                    (description.confidence,), folded_start=span[0], folded_end=span[1]))
        masks.clear()
        gathered.clear()
        absent.clear()
