"""Find stated penalties ("up to five years", "a 20-year maximum", "up to a decade", "life in
prison") and check them against the statutory maximum of the statute referred to in the same or
previous sentence.

Anchors ("year", "years", "decade", "decades", "life") come from the shared scan; a short regex
then reads the words around each anchor. A duration counts as a penalty only in a recognised
penalty form and, for the bare "up to N years" form, in a sentence that speaks of prison,
sentences, penalties or criminal charges.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

import regex

from legal_annot.catalog import Catalog
from legal_annot.detect.fines import fine_consistent, read_fine
from legal_annot.document import Document, Mention
from legal_annot.models import Kind, Penalty, PenaltyClaim

PENALTY_ANCHOR = "penalty"
ANCHORS = ("year", "years", "decade", "decades", "life", "fine", "fines")
_WORD_NUMBERS = {
    word: n for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split())
} | {"twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety-nine": 99}
_NUM = r"(?P<num>\d{1,3}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + ")"
_LOOKBACK, _LOOKAHEAD = 90, 60
_CONTEXT_REACH = 250  # how far around a duration to look for "prison", "sentence" ... (in its sentence)

# "up to five years", "a maximum sentence of 15 years", "punishable by up to 10 years",
# "a mandatory minimum of two years" -- matched leftward from the anchor (REVERSE: the search
# starts at the anchor instead of trying every position of the look-back window).
_LEAD = (r"(?P<lead>up to|as many as|as much as|no more than|not more than|not to exceed|at most|"
         r"(?:a |the )?(?P<min>mandatory minimum|minimum)(?: (?:prison )?(?:sentence|term|penalty))? of|"
         r"(?P<least>at least|no less than|not less than)|"
         r"(?:a |the )?maximum(?: (?:prison |possible )?(?:sentence|term|penalty))?(?: of)?|punishable by) ")
_BEFORE = regex.compile(_LEAD + _NUM + r"[ -]years?$", regex.REVERSE)
# "up to a decade in prison", "as many as two decades behind bars"
_DECADES = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_BEFORE_DECADES = regex.compile(_LEAD + r"(?P<num>" + "|".join(_DECADES) + r") decades?$", regex.REVERSE)
# "a five-year penalty", "a 20-year maximum sentence", "a five-year prison term"
_COMPOUND = regex.compile(
    r"(?:^|[^\w-])" + _NUM + r"-year(?P<tail> (?:(?:maximum|prison|mandatory|minimum|federal) )*"
    r"(?:sentence|term|penalty|maximum|minimum))")
_NUMBER_BEFORE = regex.compile(r"(?:\d|" + "|".join(_WORD_NUMBERS) + r")[ -]$", regex.REVERSE)
# Terms that follow a prison term but are not prison penalties: "up to three years of supervised
# release", "five years' probation".
_NOT_PRISON = regex.compile(r"['’]?(?:\s+of)?\s+(?:supervised release|probation|post-release)")
_LIFE = regex.compile(r"life (?:imprisonment|in prison|sentence|in federal prison|behind bars)")
# Plain literals: the standard library's re searches them about twice as fast as regex.
# Criminal-charge wording counts too ("a charge of seditious conspiracy, which carries up to 20
# years"), but not a bare "charge" (a battery's charge).
_PENALTY_CONTEXT = re.compile(
    r"prison|imprison|sentenc|penalt|punish|jail|incarcerat|behind bars|convict|felon|indict|guilty|"
    r"plead|charged with|charges? of|criminal charge|faces? charges?|mandatory minimum")


def _number(word: str) -> float:
    return float(word) if word[0].isdigit() else float(_WORD_NUMBERS[word])


def _read_claim(doc: Document, start: int, end: int) -> tuple[int, int, float | None, bool, bool] | None:
    """(folded start, folded end, years, life, is_minimum) of a penalty phrase around an anchor."""
    folded = doc.folded
    word = folded[start:end]
    if word == "life":
        match = _LIFE.match(folded, start)
        return (start, match.end(), None, True, False) if match else None
    if word == "year":
        match = _COMPOUND.search(folded, max(0, start - 12), min(len(folded), end + _LOOKAHEAD))
        if match and match.end("num") + 5 == end:
            minimum = "minimum" in match.group("tail")
            return (match.start("num"), match.end(), _number(match.group("num")), False, minimum)
        return None
    if word.startswith("decade"):
        match = _BEFORE_DECADES.search(folded, max(0, start - _LOOKBACK), end)
        years = 10.0 * _DECADES[match.group("num")] if match else None
    elif not _NUMBER_BEFORE.search(folded, max(0, start - 14), start):
        return None  # "in recent years", "years ago": no number right before
    else:
        match = _BEFORE.search(folded, max(0, start - _LOOKBACK), end)
        years = _number(match.group("num")) if match else None
    if not match or _NOT_PRISON.match(folded, end):
        return None
    lo, hi = doc.sentences.bounds(doc.sentences.index(start))
    if not _PENALTY_CONTEXT.search(folded, max(lo, start - _CONTEXT_REACH), min(hi, end + _CONTEXT_REACH)):
        return None
    return match.start(), match.end(), years, False, bool(match.group("min") or match.group("least"))


def _consistent(penalties: Sequence[Penalty], years: float | None, life: bool, minimum: bool) -> bool | None:
    """Whether a stated term matches any tier of the statute (None when nothing to compare)."""
    if minimum:
        known = [p.min_years for p in penalties if p.min_years is not None]
        if known:
            return years in known
        # The statute sets a maximum and no minimum: a stated floor is a false claim.
        return False if penalties and all(p.max_years is not None or p.life for p in penalties) else None
    if not penalties:
        return None
    if life:
        return any(p.life for p in penalties)
    return any(p.max_years == years for p in penalties)


_NEIGHBOURS = 4  # mentions looked at on each side when the nearest statutes are not in the catalog
_SENTENCES_BACK = 3  # press releases name the charge, then state its penalty a few sentences later
_BACK_REACH = 700  # ... within this many characters, and not across a paragraph break
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")  # in the caller's text (folding turns it into a space)


def _statute_near(doc: Document, statutes: Sequence[Mention], starts: Sequence[int],
                  position: int, crime: Callable[[Mention], bool] | None = None) -> Mention | None:
    """The statute nearest ``position`` in its sentence, else the last one named in the up to
    three sentences before it (within a character window and the paragraph). ``statutes`` are
    sorted by folded start, ``starts`` are those starts: the nearest is one of the two around
    ``position`` (found by bisection), so a sentence with thousands of statutes costs no more
    than one with a single statute."""
    sentence = doc.sentences.index(position)
    lo, hi = doc.sentences.bounds(sentence)
    first, end = bisect_left(starts, lo), bisect_left(starts, hi)
    here = None
    if first < end:
        k = bisect_left(starts, position, first, end)
        around = [statutes[i] for i in (k - 1, k) if first <= i < end]
        if crime is not None and not any(map(crime, around)):
            # A law cited in passing ("... as defined in 42 U.S.C. 5122") yields to a crime, a
            # catalogued statute with penalties, a few mentions away in the sentence.
            near = [statutes[i] for i in range(max(first, k - _NEIGHBOURS), min(end, k + _NEIGHBOURS))]
            around = [m for m in near if crime(m)] or around
        here = min(around, key=lambda m: abs(m.folded_start - position))
        if crime is None or crime(here):
            return here
    before = _named_before(doc, statutes, first, sentence, lo, position, crime if here is not None else None)
    return before if before is not None else here


def _named_before(doc: Document, statutes: Sequence[Mention], first: int, sentence: int, lo: int, position: int,
                  crime: Callable[[Mention], bool] | None) -> Mention | None:
    """The last statute (or, with ``crime``, the last crime among the few last statutes) named in
    the up to three sentences before ``lo``, within the character window and the paragraph."""
    if sentence == 0 or first == 0:
        return None
    floor = max(0, position - _BACK_REACH)
    original_floor, original_lo = doc.original_span(floor, lo)
    breaks = list(_PARAGRAPH.finditer(doc.text, original_floor, original_lo + 2))  # a break folds to one space
    if breaks:
        floor = doc.folded_span(breaks[-1].start(), breaks[-1].end())[1]
    for i in range(first - 1, max(-1, first - 1 - (_NEIGHBOURS if crime is not None else 1)), -1):
        previous = statutes[i]
        if previous.folded_start < floor or doc.sentences.index(previous.folded_start) < sentence - _SENTENCES_BACK:
            return None
        if crime is None or crime(previous):
            return previous
    return None


def _fine_mention(doc: Document, hit_start: int, hit_end: int, statutes: Sequence[Mention],
                  starts: Sequence[int], catalog: Catalog, crime: Callable[[Mention], bool]) -> Mention | None:
    """A stated fine, checked against the statute it is tied to (see :mod:`legal_annot.detect.fines`)."""
    read = read_fine(doc.folded, hit_start, hit_end)
    if read is None:
        return None
    fstart, fend, dollars = read
    start, end = doc.original_span(fstart, fend)
    statute = _statute_near(doc, statutes, starts, fstart, crime)
    if statute is None:
        return None  # a fine with no statute near it (a parking fine, a club's fee) is not ours to judge
    consistent, ids, scores, note, maximum = None, (), (0.7,), "", None
    if statute is not None and statute.entry_ids:
        ids, scores = statute.entry_ids[:1], (min(0.7, statute.confidence),)
        lo, hi = doc.sentences.bounds(doc.sentences.index(fstart))
        penalties = catalog[ids[0]].penalties
        consistent = fine_consistent(penalties, dollars, doc.folded[lo:hi])
        maximum = penalties[0] if penalties else None
        note = f"fine tied to {doc.text[statute.start:statute.end]!r}, checked against 18 U.S.C. § 3571"
    claim = PenaltyClaim(stated=doc.text[start:end], stated_years=None, stated_life=False, maximum=maximum,
                         consistent=consistent, stated_fine=dollars)
    return Mention(start, end, Kind.PENALTY, "penalty", ids, scores, True, claim=claim, note=note,
                   authority=statute.authority if statute is not None and not ids else None,
                   folded_start=fstart, folded_end=fend)


def penalty_mentions(doc: Document, mentions: Sequence[Mention], *, catalog: Catalog) -> list[Mention]:
    """A penalty mention for each stated penalty, with its claim checked where possible."""
    statutes = sorted((m for m in mentions if m.kind is Kind.STATUTE and m.folded_start >= 0),
                      key=lambda m: m.folded_start)
    starts = [m.folded_start for m in statutes]

    def crime(mention: Mention) -> bool:
        return any(catalog[i].penalties for i in mention.entry_ids[:1])

    out: list[Mention] = []
    for hit in doc.cue_hits(PENALTY_ANCHOR):
        if doc.folded.startswith("fine", hit.start):
            fine = _fine_mention(doc, hit.start, hit.end, statutes, starts, catalog, crime)
            if fine is not None:
                out.append(fine)
            continue
        read = _read_claim(doc, hit.start, hit.end)
        if read is None:
            continue
        fstart, fend, years, life, minimum = read
        start, end = doc.original_span(fstart, fend)
        statute = _statute_near(doc, statutes, starts, fstart, crime)
        maximum, consistent, ids, scores, note = None, None, (), (0.7,), ""
        if statute is not None and not statute.entry_ids:  # a statute outside the catalog: no maximum known
            note = f"tied to {doc.text[statute.start:statute.end]!r}, whose maximum is not in the catalog"
        elif statute is not None:
            ids, scores = statute.entry_ids, (min(0.7, statute.confidence),)
            verdicts = {_consistent(catalog[i].penalties, years, life, minimum) for i in
                        (statute.entry_ids if not statute.decided else statute.entry_ids[:1])}
            consistent = verdicts.pop() if len(verdicts) == 1 else None
            first = catalog[ids[0]].penalties
            maximum = first[0] if first else None
            note = f"tied to {doc.text[statute.start:statute.end]!r}"
            if minimum and consistent is False:
                note += "; the statute sets no such minimum term"
        claim = PenaltyClaim(stated=doc.text[start:end], stated_years=years, stated_life=life,
                             maximum=maximum, consistent=consistent)
        out.append(Mention(start, end, Kind.PENALTY, "penalty", ids, scores,
                           statute.decided if statute else True, claim=claim, note=note,
                           authority=statute.authority if statute is not None and not ids else None,
                           folded_start=fstart, folded_end=fend))
    return out
