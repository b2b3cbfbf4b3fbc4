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


def description_mentions(doc: Document, *, catalog: Catalog) -> list[Mention]:
    """One mention per (entry, sentence) where the entry's description is satisfied.

    Hits arrive in text order, so terms are gathered one sentence at a time and the memory held
    is that of a single sentence's terms, however long the text.
    """
    mentions: list[Mention] = []
    terms: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    absent: set[str] = set()
    current = -1
    for hit in doc.hits:
        if hit.roles[-1].role not in _DESCRIPTION_ROLES and not any(r.role in _DESCRIPTION_ROLES for r in hit.roles):
            continue
        sentence = doc.sentences.index(hit.start)
        if sentence != current:
            _close_sentence(doc, catalog, terms, absent, mentions)
            current = sentence
        for role in hit.roles:
            if role.role == TERM:
                terms[role.entry_id].append((hit.start, hit.end, role.group))
            elif role.role == ABSENT:
                absent.add(role.entry_id)
    _close_sentence(doc, catalog, terms, absent, mentions)
    return mentions


def _close_sentence(doc: Document, catalog: Catalog, terms: dict[str, list[tuple[int, int, int]]],
                    absent: set[str], mentions: list[Mention]) -> None:
    """Judge the gathered terms of one sentence, then forget them."""
    for entry_id, hits in terms.items():
        entry = catalog.entry(entry_id)
        description = entry.description
        assert description is not None
        groups = len(description.concepts)
        if entry_id in absent or len({g for _, _, g in hits}) < groups:
            continue
        span = _best_window(sorted(hits), groups, doc.folded, description.window)
        if span is None:
            continue
        start, end = doc.original_span(*span)
        mentions.append(Mention(start, end, entry.authority.kind, "description", (entry_id,),
                                (description.confidence,), folded_start=span[0], folded_end=span[1]))
    terms.clear()
    absent.clear()
