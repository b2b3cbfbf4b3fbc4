"""The generated tiers at work: Act names as written, and what the text-built authorities become
when the public data knows them.

Before overlaps are resolved (:meth:`TierStage.detect`): every capitalised "... Act" phrase
("the Stored Communications Act", "Homeland Security Act of 2002") is read back from the word
"Act"; its longest ending that is a distinctive popular name in the generated table becomes a
mention. A catalogued name found *inside* a longer capitalised Act phrase that neither tier knows
is dropped: "Texas Communications Act" is not the Communications Act.

After (:meth:`TierStage.enrich`): a case name guessed from its "X v. Y" shape, or a U.S. Reports
citation eyecite found, becomes the Supreme Court decision it names (or the curated entry with
that citation, when there is one); a U.S. Code citation without a curated entry gets its heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import regex

from legal_annot.catalog import Catalog
from legal_annot.catalog.citations import CitationParts
from legal_annot.catalog.tiers import ActRow, Tiers, act_authority, case_authority, default_tiers, section_authority
from legal_annot.detect.statutes import CitationIndex
from legal_annot.document import Document, Mention
from legal_annot.models import Kind
from legal_annot.normalize import normalize

ACT_CONFIDENCE, CASE_CONFIDENCE = 0.8, 0.8
_ACT = regex.compile(r"\bAct\b(?:\s+of\s+(?P<year>1[789]\d\d|20\d\d)\b)?")
_NAME_WORD = regex.compile(r"(?:[A-Z][\w'’.&-]*|\d+(?:st|nd|rd|th)|&)")  # no bare numbers: "Section 215 of"
_JOINER = frozenset({"of", "and", "for", "on", "to", "the", "in", "&"})
# Capitalised words that start a sentence or a phrase without being part of a name before them.
_LEADING = frozenset("""The A An In Under Of By With From To For And Or But As At On If When While
Section Sections Title Sec. Secs. This That These Those Its His Her Their Our Your My Its New Old""".split())
_MAX_WORDS = 14
_SPACED_WORD = regex.compile(r"[^\s]+")
_US_CASE = regex.compile(r"^(\d{1,3}) U\.S\. (\d{1,4})$")
_USC = regex.compile(r"^(\d{1,2}) U\.S\.C\. § ([0-9A-Za-z-]+?)(?:\(|$)")


@attrs.frozen
class ActPhrase:
    """A capitalised phrase ending in "Act" (and its year): ``starts`` are its word starts, left first."""

    starts: tuple[int, ...]
    end: int
    act_end: int  # end of the word "Act" (before " of 1996")


def act_phrases(text: str) -> list[ActPhrase]:
    """Every "... Act" phrase: capitalised words (and joiners between them) right before "Act".
    Each looks back at most ``_MAX_WORDS`` words within 200 characters, so time stays linear."""
    phrases = []
    for match in _ACT.finditer(text):
        lo = max(0, match.start() - 200)
        words = list(_SPACED_WORD.finditer(text, lo, match.start()))
        starts: list[int] = []
        expected_end = match.start()
        for word in reversed(words[-_MAX_WORDS:]):
            if text[word.end():expected_end].strip() or "\n\n" in text[word.end():expected_end]:
                break  # not adjacent (punctuation between)
            token = word.group()
            if token in _JOINER:
                pass
            elif not _NAME_WORD.fullmatch(token) or token.endswith(("'s", "’s")) or token in _LEADING:
                break
            else:
                starts.append(word.start())
            expected_end = word.start()
        # a phrase never starts with a joiner: starts holds capitalised words only
        if starts:
            phrases.append(ActPhrase(tuple(reversed(starts)), match.end(), match.start() + 3))
    return phrases


class TierStage:
    """Generated Act names, the nested-name guard, and enrichment from the generated tiers."""

    def __init__(self, catalog: Catalog, tiers: Tiers | None = None, index: CitationIndex | None = None) -> None:
        self._catalog = catalog
        self._tiers = tiers or default_tiers()
        self._index = index if index is not None else CitationIndex(catalog)
        self._curated_names = frozenset(
            alias for entry in catalog.entries if entry.authority.kind is Kind.STATUTE for alias in entry.aliases)

    def __call__(self, doc: Document) -> list[Mention]:
        """As a pipeline detector it adds nothing: the Annotator calls detect and enrich."""
        return []

    def detect(self, doc: Document, found: Sequence[Mention]) -> list[Mention]:
        """``found`` with generated Act names added and nested catalogue names dropped."""
        phrases = act_phrases(doc.text) if "Act" in doc.text else []
        if not phrases:
            return list(found)
        added: list[Mention] = []
        unknown: list[tuple[int, int]] = []  # phrases neither tier names in full
        known_spans = {(m.start, m.end) for m in found if m.entry_ids}
        for phrase in phrases:
            hit = self._longest(doc.text, phrase)
            if hit is not None:
                start, end, row = hit
                if normalize(doc.text[start:end]).text in self._curated_names:
                    continue  # the curated tier names it: the named pass has it
                if (start, end) not in known_spans:
                    fstart, fend = doc.folded_span(start, end)
                    ids = self._curated_by_citation(row)
                    added.append(Mention(start, end, Kind.STATUTE, "name", ids, (ACT_CONFIDENCE,),
                                         authority=None if ids else act_authority(row),
                                         note="" if ids else "generated tier: U.S. Code short titles",
                                         folded_start=fstart, folded_end=fend))
                if start == phrase.starts[0]:
                    continue
            unknown.append((phrase.starts[0], phrase.end))
        kept = [m for m in found if not _nested(doc.text, m, unknown, added)]
        return kept + added

    def _curated_by_citation(self, row: ActRow) -> tuple[str, ...]:
        """The curated entry with the same Public Law, if any (curated wins, merged by citation)."""
        if row.whole_law == "1" and (match := regex.fullmatch(r"Pub\. L\. (\d+)-(\d+)", row.pub_law)):
            ids, exact = self._index.lookup(CitationParts("pub_law", int(match[1]), match[2]))
            if ids and exact and self._catalog[ids[0]].kind is Kind.STATUTE:
                return ids[:1]
        return ()

    def _longest(self, text: str, phrase: ActPhrase) -> tuple[int, int, ActRow] | None:
        ends = (phrase.end, phrase.act_end) if phrase.end != phrase.act_end else (phrase.end,)
        for start in phrase.starts:
            for end in ends:
                row = self._tiers.act(text[start:end])
                if row is not None:
                    return start, end, row
        return None

    def enrich(self, doc: Document, mentions: Iterable[Mention]) -> list[Mention]:
        """Text-built authorities replaced by the generated (or curated) authority they name."""
        return [self._enriched(m) for m in mentions]

    def _enriched(self, mention: Mention) -> Mention:
        authority = mention.authority
        if mention.entry_ids or authority is None or authority.tier == "generated":
            return mention
        if mention.kind is Kind.CASE:
            court = (mention.case.court or "").casefold() if mention.case is not None else ""
            if court and court != "scotus" and "supreme" not in court:
                return mention  # the text gives another court ("(9th Cir. 2025)", "the Fifth Circuit ruled in")
            row = None
            if authority.citation and (cite := _US_CASE.match(authority.citation)):
                row = self._tiers.case_by_cite(authority.citation)
            elif authority.id.startswith("case-name:"):
                rows = self._tiers.cases_by_name(authority.name)
                row = rows[0] if len(rows) == 1 else None
            if row is None:
                return mention
            cite = _US_CASE.match(row.us_cite)
            if cite:
                ids, exact = self._index.lookup(CitationParts("us_reports", int(cite[1]), cite[2]))
                if ids and exact:
                    return attrs.evolve(mention, entry_ids=ids[:1], scores=(max(mention.confidence, CASE_CONFIDENCE),),
                                        authority=None, note="")
            return attrs.evolve(mention, authority=case_authority(row),
                                scores=(max(mention.confidence, CASE_CONFIDENCE),),
                                note="generated tier: Supreme Court Database")
        if mention.kind is Kind.STATUTE and authority.citation and (usc := _USC.match(authority.citation)):
            heading = self._tiers.heading(usc[1], usc[2])
            if heading is None:
                return mention
            generated = section_authority(int(usc[1]), usc[2], heading)
            return attrs.evolve(mention, authority=attrs.evolve(
                generated, citation=authority.citation, links=authority.links or generated.links),
                note="generated tier: U.S. Code section heading")
        return mention


def _has_name_word(prefix: str) -> bool:
    """Whether the word right before a nested name is a capitalised word ("Stored", "Texas"), not
    a joiner ("Many of the", "Title II of the"), a numeral or an acronym."""
    words = prefix.split()
    return bool(words) and words[-1][:1].isupper() and any(c.islower() for c in words[-1])


def _nested(text: str, mention: Mention, unknown: list[tuple[int, int]], added: list[Mention]) -> bool:
    """A catalogued statute name strictly inside a longer unknown Act phrase (or a generated one)."""
    if mention.kind is not Kind.STATUTE or mention.how not in ("name", "short_name") or not mention.entry_ids:
        return False
    for start, end in unknown:
        if start < mention.start and mention.end <= end and _has_name_word(text[start:mention.start]):
            return True
    return any(a.start <= mention.start and mention.end <= a.end and (a.end - a.start) > (mention.end - mention.start)
               for a in added)
