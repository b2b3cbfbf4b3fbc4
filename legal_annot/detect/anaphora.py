"""Link "this law", "that statute", "the provision" to the authority named just before.

The phrases are found in the shared scan; an antecedent is the nearest earlier mention of a
statute, regulation or clause in the same sentence or the two before it. Without one, nothing
is annotated: "this law" alone explains nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from legal_annot.detect.phrases import PhraseHit
from legal_annot.document import Document, Mention
from legal_annot.models import Kind

ANAPHOR = "anaphor"
ANAPHORS = tuple(
    f"{det} {noun}"
    for det in ("this", "that", "the same", "the said", "the")
    for noun in ("law", "statute", "provision", "federal law", "federal statute")
    if (det, noun) not in {("the", "law"), ("the", "federal law")}
)
LAW_KINDS = frozenset({Kind.STATUTE, Kind.REGULATION})  # what "this law" / "the statute" can mean
PROVISION_KINDS = LAW_KINDS | {Kind.CONSTITUTION}  # "that provision" may also be a clause
SENTENCES_BACK = 2
CONFIDENCE = 0.6


def anaphora_mentions(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """A mention for each anaphor whose antecedent is close enough."""
    anchors = doc.cue_hits(ANAPHOR)
    if not anchors:
        return []
    out = []
    for kinds in (LAW_KINDS, PROVISION_KINDS):
        wanted = [h for h in anchors if doc.folded.endswith("provision", h.start, h.end) == (kinds is PROVISION_KINDS)]
        out.extend(_link(doc, wanted, [m for m in mentions if m.kind in kinds and m.folded_end >= 0]))
    return out


def _link(doc: Document, anchors: Sequence[PhraseHit], candidates: Sequence[Mention]) -> list[Mention]:
    antecedents = sorted(candidates, key=lambda m: m.folded_end)
    ends = [m.folded_end for m in antecedents]
    out = []
    for hit in anchors:
        i = bisect_right(ends, hit.start) - 1
        if i < 0:
            continue
        antecedent = antecedents[i]
        if doc.sentences.index(hit.start) - doc.sentences.index(antecedent.folded_start) > SENTENCES_BACK:
            continue
        start, end = doc.original_span(hit.start, hit.end)
        scores = tuple(min(CONFIDENCE, s) for s in antecedent.scores)
        out.append(Mention(start, end, antecedent.kind, "anaphora", antecedent.entry_ids, scores,
                           antecedent.decided, authority=antecedent.authority,
                           note=f"refers back to {doc.text[antecedent.start:antecedent.end]!r}",
                           folded_start=hit.start, folded_end=hit.end))
    return out
