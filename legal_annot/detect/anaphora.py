"""Link "this law", "that statute", "the provision" to the authority named just before.

The phrases are found in the shared scan; an antecedent is the nearest earlier mention of a
statute, regulation or clause starting in the same sentence or the two before it, and at most
WINDOW characters back (a text without sentence ends must not make each anaphor read every earlier
mention). Without one, nothing is annotated: "this law" alone explains nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from legal_annot import confidence
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
WINDOW = 600  # characters: how far back an antecedent may start, whatever the sentences say
CONFIDENCE = confidence.ANAPHORA


def anaphora_mentions(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """A mention for each anaphor whose antecedent is close enough. ``mentions`` are sorted by
    start, so each anaphor looks back from its own place: only the few mentions of its last
    sentences are read, however many the document holds."""
    out = []
    for hit in doc.cue_hits(ANAPHOR):
        kinds = PROVISION_KINDS if doc.folded.endswith("provision", hit.start, hit.end) else LAW_KINDS
        start, end = doc.original_span(hit.start, hit.end)
        antecedent = _antecedent(doc, mentions, hit, bisect_left(mentions, start, key=_start), kinds)
        if antecedent is None:
            continue
        scores = tuple(min(CONFIDENCE, s) for s in antecedent.scores)
        out.append(Mention(start, end, antecedent.kind, "anaphora", antecedent.entry_ids, scores,
                           antecedent.decided, authority=antecedent.authority,
                           note=f"refers back to {doc.text[antecedent.start:antecedent.end]!r}",
                           folded_start=hit.start, folded_end=hit.end))
    return out


def _antecedent(doc: Document, mentions: Sequence[Mention], hit: PhraseHit, before: int,
                kinds: frozenset[Kind]) -> Mention | None:
    """The mention of one of ``kinds`` ending last before ``hit``, starting in its sentence or
    one of the SENTENCES_BACK before it, within WINDOW characters; ``mentions[:before]`` start
    before the anaphor. Mentions are sorted by start, so the walk stops at the first one starting
    before the window: it reads only the mentions of the window."""
    sentence = doc.sentences.index(hit.start)
    earliest = max(doc.sentences.bounds(max(0, sentence - SENTENCES_BACK))[0], hit.start - WINDOW)
    best = discussed = None
    i = before
    while i > 0:
        i -= 1
        mention = mentions[i]
        if mention.folded_start < 0:
            continue  # a mention without folded positions (none of ours): not an antecedent
        if mention.folded_start < earliest:
            break
        if mention.folded_end <= hit.start and mention.kind in kinds:
            if best is None or mention.folded_end > best.folded_end:
                best = mention
            if (discussed is None or mention.folded_end > discussed.folded_end) and _discussed(doc.folded, mention):
                discussed = mention
    # The statute the text quotes or analyses wins over one merely cited after it.
    return discussed if discussed is not None and best is not None and not _discussed(doc.folded, best) else best


_DISCUSSED_BEFORE = regex.compile(r"(?:quot(?:ed|es|ing)|analy[sz](?:ed|es|ing)|interpret(?:ed|s|ing)|constru(?:ed|es|ing)|"
                                  r"read(?:s|ing)?|pars(?:ed|es|ing))\s+(?:the\s+text\s+of\s+)?$")
_DISCUSSED_AFTER = regex.compile(r"[,]?\s*(?:[\"“]|(?:which\s+|that\s+)?(?:says|provides|reads|states)\b)")


def _discussed(folded: str, mention: Mention) -> bool:
    """Whether the text quotes or analyses the mention: "quoted 8 U.S.C. § 1373", "§ 1373 says "..."."""
    return bool(_DISCUSSED_BEFORE.search(folded, max(0, mention.folded_start - 30), mention.folded_start)
                or _DISCUSSED_AFTER.match(folded, mention.folded_end, mention.folded_end + 20))


def _start(mention: Mention) -> int:
    return mention.start
