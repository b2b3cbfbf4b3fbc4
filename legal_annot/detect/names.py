"""Mentions from catalog names: full names, short names (kept later only after a full
reference) and generic names (ranked candidates, re-ranked by what else the text names)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import regex

from legal_annot.detect.case_keys import AmbiguousCases
from legal_annot.detect.roles import CONTEXT, GENERIC, NAME, SHORT_NAME
from legal_annot.document import Document, Mention
from legal_annot.models import Kind
from legal_annot.resolve import CUED_SHORT, DIRECT, SHORT, rank_candidates

if TYPE_CHECKING:
    from legal_annot.catalog.compiled import CompiledCatalog

_NAMES = frozenset({NAME, SHORT_NAME, GENERIC})
CUED_SHORT_NAME = "cued_short_name"
# Words that make a bare short name ("Roe", "Brown") a case reference even before the full name.
_LEGAL_CUE = regex.compile(
    r"(?:\b(?:the|The) (?:[Ss]upreme )?[Cc]ourt(?:'s (?:decision|ruling|holding|opinion))? in|"
    r"\b(?:said|held|explained|wrote|ruled|noted|reasoned|stated|recognized) in|"
    r"\b(?i:overturn(?:ed|ing)?|overrul(?:ed|ing|e)|reaffirm(?:ed|ing)?|discard(?:ed|ing)?|abandon(?:ed|ing)?|"
    r"decided|citing|cited|under|violat(?:ed|es|ing))(?: the)? )\s*$")  # "under the APA", "violated the SCA"
_LEGAL_CUE_AFTER = regex.compile(
    r"(?:'s|’s) (?:framework|holding|precedent|reasoning|standard|test|majority|dissent)\b|"
    r" (?:decision|ruling|precedent|case|opinion)\b|"
    r" (?:struck down|overruled|overturned|upheld|held that|established|recognized|requires|required)\b")
# A short name that is a person or a company, not the case: "Ernesto Miranda", "Mr. Heller",
# "the plaintiff, Dick Heller", "Miranda Lambert", "Chevron Corp.", "Brown scored".
_PERSON_TITLE = frozenset(
    "mr mrs ms dr judge justice sen senator rep gov governor president defendant plaintiff petitioner "
    "respondent appellant officer agent coach".split())
_NOT_GIVEN = frozenset(
    "In Under After Before Since Unlike Like The A An As At By For From With Both And But Or While When Then "
    "If Per See Cf Also Only Even Until Without Yet So Post Pre Did Does Do How Why What Whether Where That "
    "This These Those Citing Following Overturning Overruling Applying Extending Reaffirming".split())
_WORD_BEFORE = regex.compile(r"([A-Za-z][\w'’]*)\.?,?\s$")
_PERSON_AFTER = regex.compile(
    r"\s+(?:[A-Z][\w'’.-]*(?<!Court)\b|(?:said|says|told|pleaded|testified|scored|sang|died|married|tweeted|"
    r"was (?:convicted|arrested|charged|sentenced|born|released|retried)))")


# An Act named by initials that spell a word ("FACE Act", "CARES Act", "CLOUD Act"): written in
# capitals it is the law; written as an ordinary word ("the Face Act Revue", "a Cares Act gala")
# it counts only beside a word of law or legislation in its sentence.
_INITIALS = regex.compile(r"[A-Z][A-Z0-9&]{1,9}")
_ROMAN = regex.compile(r"[IVXLC]+")
_LAW_CUE = regex.compile(
    r"\b(?:laws?|statutes?|congress|congressional|legislation|legislators?|lawmakers|bill|signed|enacted|"
    r"passed|repeal\w*|amend\w*|provisions?|sections?|violat\w*|under|charged|charges|prosecut\w*|"
    r"lawsuits?|sued|courts?|judges?|federal|funds|funding|loans?|agency|regulat\w*|rules?)\b")
_CUE_REACH = 200


def _initial_words(compiled: CompiledCatalog) -> dict[str, frozenset[str]]:
    """Per statute entry, the folded words its Act names write only in capitals ("face" of "FACE
    Act"), unless another of its names writes the word in lower case ("Real ID Act")."""
    out = {}
    for entry in compiled.catalog.entries:
        if entry.authority.kind is not Kind.STATUTE:
            continue
        names = [a for a in entry.authority.aliases if regex.search(r"\bAct\b", a)]
        capital = {w.casefold() for a in names for w in a.split()
                   if _INITIALS.fullmatch(w) and not _ROMAN.fullmatch(w) and any(c in "AEIOUY" for c in w)}
        lower = {w.casefold() for a in entry.authority.aliases for w in a.split() if not w.isupper()}
        if capital - lower:
            out[entry.id] = frozenset(capital - lower)
    return out


def _initials_as_words(doc: Document, start: int, end: int, fstart: int, fend: int, words: frozenset[str]) -> bool:
    """Whether a name's initials are written as ordinary words with no word of law near them."""
    if not any(w.casefold() in words and not w.isupper() for w in doc.text[start:end].split()):
        return False
    lo, hi = doc.sentences.bounds(doc.sentences.index(fstart))
    lo, hi = max(lo, fstart - _CUE_REACH), min(hi, fend + _CUE_REACH)
    return not (_LAW_CUE.search(doc.folded, lo, fstart) or _LAW_CUE.search(doc.folded, fend, hi))


def _is_person(text: str, start: int, end: int) -> bool:
    """Whether a capitalized short name is a person or company here rather than the case."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before:
        word = before.group(1)
        if word.lower() in _PERSON_TITLE:
            return True
        if (word[0].isupper() and word.isalpha() and not word.isupper() and word not in _NOT_GIVEN
                and not word.endswith(("ing", "ed")) and text[before.end(1)] == " "):
            return True  # a given name right before: "Ernesto Miranda", "Dick Heller"
    return bool(_PERSON_AFTER.match(text, end, min(len(text), end + 40)))

class NamedMentions:
    """The names stage: one mention per name-like hit; context cues only re-rank generic names.

    What an entry's names require (its kind, acronyms, capitalization rules) comes precomputed
    from the compiled catalog; nothing is cached while annotating.
    """

    def __init__(self, compiled: CompiledCatalog) -> None:
        self._facts = compiled.name_facts
        self._ambiguous = AmbiguousCases(compiled.catalog)
        self._initials = _initial_words(compiled)

    def __call__(self, doc: Document) -> list[Mention]:
        referenced: Counter[str] = Counter()
        cues: Counter[str] = Counter()
        named = []
        for hit in doc.hits:
            roles = hit.roles
            first = roles[0].role  # name roles come first (see PhraseScanner)
            if first in _NAMES:
                named.append(hit)
                if first == NAME:
                    referenced.update(r.entry_id for r in roles if r.role == NAME)
                if len(roles) > 1:
                    cues.update(r.entry_id for r in roles if r.role == CONTEXT)
            elif first == CONTEXT:
                cues.update(r.entry_id for r in roles if r.role == CONTEXT)
        text, folded = doc.text, doc.folded
        mentions = []
        for hit in named:
            roles = hit.roles
            how = roles[0].role
            ids = (roles[0].entry_id,) if len(roles) == 1 else tuple(r.entry_id for r in roles if r.role == how)
            kind, acronyms, proper_noun, plain = self._facts[ids[0]]
            start, end = doc.original_span(hit.start, hit.end)
            if acronyms and folded[hit.start:hit.end] in acronyms and not text[start:end].isupper():
                continue  # "RICO" is the statute, "Puerto Rico" is not
            if ids[0] in self._initials and _initials_as_words(doc, start, end, hit.start, hit.end,
                                                                self._initials[ids[0]]):
                continue  # "the Face Act Revue" is a show, "the FACE Act" the law
            if how == GENERIC:
                ranked, scores, decided = rank_candidates(ids, referenced, cues)
                note = "" if len(ranked) == 1 else (
                    "generic phrase: candidates ranked by what else the text cites or mentions"
                    if decided else "generic phrase: it may mean any of the candidates")
                mentions.append(Mention(start, end, kind, how, ranked, scores, decided, note=note,
                                        folded_start=hit.start, folded_end=hit.end))
                continue
            if how == SHORT_NAME:
                if not text[start].isupper():
                    continue
                cued_before = _LEGAL_CUE.search(text, max(0, start - 40), start)
                if kind is Kind.CASE and not cued_before and _is_person(text, start, end):
                    continue
                if cued_before or _LEGAL_CUE_AFTER.match(text, end):
                    how = CUED_SHORT_NAME  # "the Court in Brown", "overturned Roe", "Heller's framework"
                scores = (SHORT if how == SHORT_NAME else CUED_SHORT,)
            else:
                if proper_noun and text[start].islower() and folded[hit.start:hit.end] not in plain:
                    continue
                scores = (DIRECT,)
                if kind is Kind.CASE and (doubt := self._ambiguous.doubt(ids[0], doc, hit.start, hit.end)):
                    mentions.append(Mention(start, end, kind, how, ids, (SHORT,), False, note=doubt,
                                            folded_start=hit.start, folded_end=hit.end))
                    continue
            mentions.append(Mention(start, end, kind, how, ids, scores, True,
                                    folded_start=hit.start, folded_end=hit.end))
        return mentions
