"""Find authorities described rather than named ("a law that prohibits conspiracies to defraud
the United States"), driven entirely by each catalog entry's ``description``.

A description matches where one term of every concept group occurs within the entry's window
of words, inside one sentence that holds none of the entry's absent terms. The terms come from
the shared phrase scan; only sentences holding terms are examined.
"""

from __future__ import annotations

from collections import deque

from typing import TYPE_CHECKING

import regex

from legal_annot.detect.phrases import TermHit, word_end
from legal_annot.detect.term_codes import DescriptionLayout
from legal_annot.document import Document, Mention

if TYPE_CHECKING:
    from legal_annot.catalog.compiled import CompiledCatalog

def _best_window(hits: list[tuple[int, int, int]], groups: int, folded: str,
                 window: int) -> tuple[int, int] | None:
    """The shortest run of hits covering every group, if it spans at most ``window`` words.

    ``hits`` are (start, end, group) sorted by start; a classic minimum-window sweep. A prefix
    term's end runs to the end of its word, so ends are not sorted: the run's end (the largest
    end in it) is kept by a monotone deque, and the sweep stays linear in the number of hits.
    """
    if len(hits) == groups:  # the common case: one hit per group, so the window is all of them
        best = (hits[0][0], max(end for _, end, _ in hits))
        return best if folded.count(" ", *best) + 1 <= window else None
    count = [0] * groups  # groups are numbered 0 .. groups - 1
    covered = left = 0
    best: tuple[int, int] | None = None
    best_length = len(folded) + 1
    largest: deque[tuple[int, int]] = deque()  # (index, end) of hits[left:right + 1], ends decreasing
    for right, (_, end, group) in enumerate(hits):
        while largest and largest[-1][1] <= end:
            largest.pop()
        largest.append((right, end))
        if not count[group]:
            covered += 1
        count[group] += 1
        while covered == groups:
            while largest[0][0] < left:
                largest.popleft()
            start, _, left_group = hits[left]
            run_end = largest[0][1]
            if run_end - start < best_length:
                best = (start, run_end)
                best_length = run_end - start
            count[left_group] -= 1
            if not count[left_group]:
                covered -= 1
            left += 1
    if best is None or folded.count(" ", best[0], best[1]) + 1 > window:
        return None
    return best


_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_STOPS = frozenset(
    "of in on at to for by with from and or but nor that which who whom whose was were is are be been being has have "
    "had will would could should may might must can as than then when while after before into over under about "
    "against during the a an this these those it its they he she said says not no so if because since until".split())
_NEXT_WORD = regex.compile(r" ([a-z][a-z'-]*)(?![\w.'-]*\.\s[A-Z])")


def phrase_end(folded: str, end: int, most: int = 2) -> int:
    """Where a description should end so as not to stop inside a noun phrase: after "of the
    electoral", the noun "vote" belongs to it. Adds at most ``most`` words."""
    for _ in range(most):
        last = folded.rfind(" ", max(0, end - 40), end)
        before = folded.rfind(" ", max(0, last - 20), last)
        if last < 0 or folded[before + 1:last] not in _DETERMINERS and not _adjective_after_determiner(folded, last):
            return end
        following = _NEXT_WORD.match(folded, end)
        if not following or following.group(1) in _STOPS:
            return end
        end = following.end(1)
    return end


def _adjective_after_determiner(folded: str, last: int) -> bool:
    """Whether the word before ``last`` follows a determiner two words back ("the federal grand")."""
    before = folded.rfind(" ", max(0, last - 20), last)
    earlier = folded.rfind(" ", max(0, before - 20), before)
    return before > 0 and folded[earlier + 1:before] in _DETERMINERS


class DescriptionMentions:
    """The descriptions stage: one mention per (entry, sentence) where the entry's description
    is satisfied.

    The scan has already ORed the codes of each sentence's terms (see
    :mod:`legal_annot.detect.term_codes`) and kept the sentences where some entry has all its
    groups; here each such entry's terms must also fall within its window of words.
    """

    def __init__(self, compiled: CompiledCatalog) -> None:
        catalog = compiled.catalog
        self._layout: DescriptionLayout = compiled.layout  # type: ignore[assignment]  # the scanner's
        # entry id -> (kind, number of groups, window, confidence)
        self._facts = {e.id: (e.authority.kind, len(e.description.concepts), e.description.window,
                              e.description.confidence) for e in catalog.entries if e.description is not None}

    def __call__(self, doc: Document) -> list[Mention]:
        mentions: list[Mention] = []
        for sentence in doc.described:
            self._judge(doc, self._layout.satisfied(sentence.mask), sentence.terms, mentions)
        return mentions

    def _judge(self, doc: Document, entries: list[str], hits: list[TermHit], mentions: list[Mention]) -> None:
        """Check the window of each entry whose groups all occur in one sentence's ``hits``."""
        folded = doc.folded
        for entry_id in entries:
            kind, groups, window, confidence = self._facts[entry_id]
            spots = sorted({(start, word_end(folded, end) if code.continues else end, group)
                            for start, end, code in hits for group in code.groups.get(entry_id, ())})
            span = _best_window(spots, groups, folded, window)
            if span is None:
                continue
            span = (span[0], phrase_end(folded, span[1]))
            start, end = doc.original_span(*span)
            mentions.append(Mention(start, end, kind, "description", (entry_id,), (confidence,),
                                    folded_start=span[0], folded_end=span[1]))
