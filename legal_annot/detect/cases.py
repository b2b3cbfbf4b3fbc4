"""Case names that are not in the catalog ("Sackett v. Environmental Protection Agency") and their
later short forms ("In Sackett"). They get an authority built from the parties, a link to a
case-law search, and a lower confidence than a catalog match.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import ahocorasick
import regex

from legal_annot import confidence
from legal_annot.catalog.links import courtlistener_search
from legal_annot.detect.case_keys import AmbiguousCases, CaseKeys, lower_court
from legal_annot.detect.phrases import PhraseHit
from legal_annot.document import Document, Mention
from legal_annot.models import Authority, CaseDetails, Kind

NAME_ONLY, NAME_SHORT, CATALOG_VARIANT = (confidence.CASE_NAME_ONLY, confidence.CASE_NAME_SHORT,
                                         confidence.CASE_NAME_CATALOG_VARIANT)
CASE_ANCHOR = "versus"
ANCHORS = ("v.", "vs.", "vs")  # a bare "v" ("Smith v Jones") is too rare to scan every letter v for

_SLUG = regex.compile(r"[^0-9a-z]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


# ---- case names without a citation ---------------------------------------------------------

_WORD = regex.compile(r"\S+")
_TOKEN = r"(?:[A-Z][\w'’.&-]*|\d+[A-Za-z]*|&)"
_JOIN = r"(?:of|the|for|and|de|del|la|ex|rel\.|et|al\.)"
_SECOND = regex.compile(rf"\s+(?P<party>{_TOKEN}(?:\s+(?:{_JOIN}|{_TOKEN})){{0,7}})")
_FIRST_TOKEN = regex.compile(_TOKEN)
_LEADING = frozenset(
    "In The A An See Under After Before Like Since Unlike Both Citing While When But And Cf. Compare "
    "Also As At By For From If Of On Only Or So Then This That Though Until With Without Yet Court "
    "Justice Judge Chief Landmark Decision Ruling Case".split())
_TRAILING = frozenset({"of", "the", "for", "and", "de", "del", "la", "ex", "et", "&"})
_LEGAL_CUE = regex.compile(
    r"\b(?:court|courts|justices?|judges?|rul(?:ed|ing|ings)|case|cases|lawsuit|sued|suit|appeals?|"
    r"verdict|decision|decided|precedent|opinion|argued|plaintiffs?|defendants?|litigation|filed|"
    r"overturn\w*|overrul\w*|holding|held|dissent\w*|majority|docket|petition\w*|certiorari)\b", regex.I)
_CUE_REACH = 300
# A docket cite after the name: "Oregon v. Trump, No. 25-5678 (9th Cir. 2025)".
_DOCKET = regex.compile(r",?\s*No\.\s*(?P<docket>\d{1,2}[-\u2013]\d{1,6}(?:-[A-Za-z]{1,4})?)"
                        r"(?:,?\s*\((?P<court>[^()]{0,40}?)\s*(?P<year>\d{4})\))?")
_STRICT_CUE = regex.compile(
    r"\b(?:justices?|judges?|lawsuits?|sued|suing|rul(?:ed|ing)|verdict|plaintiffs?|defendants?|litigation|"
    r"supreme court|appeals court|district court|court of appeals|precedent|oral arguments?|certiorari)\b")
# A game, not a case: "Scott County Rams v. Lakeview Bears ended 21-14", "the Packers v. Bears
# fixture sold out". Counts only in the name's own sentence and only without a legal word there.
_SPORTS_CUE = regex.compile(
    r"\b(?:games?|match(?:es|up)?|fixtures?|season|playoffs?|tournament|championship|bowl|kickoff|tip-?off|"
    r"halftime|overtime|stadium|arena|fans|coach(?:es)?|scor(?:ed|es|ing)|beat|defeated|quarterback|"
    r"touchdowns?|innings?|goals?|league|rivalry|tickets|sold out|derby|homecoming|varsity|scoreboard)\b"
    r"|(?<![\w.-])\d{1,3}\s?[-\u2013]\s?\d{1,3}(?![\w.-])")
_PARTY_SHAPE = regex.compile(
    r"\b(?:United States|State|People|Commonwealth|Inc\.?|LLC|Corp\.?|Co\.|Department|Dept\.|Board|"
    r"Commission|Agency|Authority|Association|Ass'n|University|City|County|et al\.?)\b")
_GENERIC_PARTY = frozenset(
    "United States State People City County Commonwealth Department Board National American "
    "Federal Ex In Re New Town Village Estate Doe Roe".split())


_TOKEN_RE = regex.compile(rf"{_TOKEN}|{_JOIN}")
_MAX_FIRST_TOKENS = 10  # "People of the State of New York ex rel. Spitzer"


def _first_party(text: str, vstart: int) -> tuple[int, int] | None:
    """The span of the first party: walk back word by word from "v." while words look like a party
    name (capitalized words, numbers, "of", "the" ...), cheaper than a regex searching every
    position before the "v."."""
    end = vstart
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    if end == vstart:
        return None
    start, position, count = end, end, 0
    while position > 0 and count < _MAX_FIRST_TOKENS:
        word_start = position
        while word_start > 0 and not text[word_start - 1].isspace():
            word_start -= 1
        if not _TOKEN_RE.fullmatch(text, word_start, position):
            # "Relentless, Inc.": a comma only before a company suffix already taken
            if not (text[position - 1] == "," and count and text[start:end].split()[0] in _SUFFIXES
                    and _TOKEN_RE.fullmatch(text, word_start, position - 1)):
                break
        start, count = word_start, count + 1
        position = word_start
        while position > 0 and text[position - 1] in " \t\r\n":
            position -= 1
        if position == word_start:
            break
    while count and not _FIRST_TOKEN.match(text, start):  # the walk stopped inside: drop leading "of", "the"
        following = regex.compile(r"\S+\s+").match(text, start)
        if following is None or following.end() >= end:
            return None
        start, count = following.end(), count - 1
    if count == 0:
        return None
    return start, end


def _trim_first(party: str) -> str:
    tokens = party.split()
    for i in range(len(tokens) - 1, -1, -1):  # a sentence ended inside the match: keep what follows
        if i < len(tokens) - 1 and tokens[i].endswith(".") and len(tokens[i]) > 4 and not tokens[i].isupper():
            tokens = tokens[i + 1:]
            break
    while tokens and (tokens[0] in _LEADING or tokens[0].lower() in _TRAILING):
        tokens = tokens[1:]
    return " ".join(tokens)


_SUFFIXES = frozenset("Inc. Inc Corp. Corp Co. LLC L.L.C. Ltd. Ltd LP L.P. N.A. LLP".split())
_ABBREVIATED = frozenset("Inc. Co. Corp. Ltd. Bros. Dept. Ass'n. Int'l. Nat'l. Comm'n. Cnty. Twp. Jr. Sr. St. Mt. U.S. U.S.A.".split())


def _trim_second(party: str, next_case: bool) -> str:
    """The second party: up to a sentence end ("Fitzgerald. Nixon had") and, when another
    "v." follows ("City of New York and Train v. ..."), before the last "and"."""
    tokens = party.split()
    for i, token in enumerate(tokens):  # "Raimondo the Court ruled": "the" inside a name follows "of"
        if token == "the" and i and tokens[i - 1].lower() not in ("of", "for", "and", "&"):
            tokens = tokens[:i]
            break
    for i, token in enumerate(tokens):
        if token.endswith(".") and len(token) > 3 and token not in _ABBREVIATED and not token[:-1].isupper():
            tokens = tokens[:i + 1]
            break
    if next_case and (cut := _joiner(tokens)) is not None:
        tokens = tokens[:cut]
    while tokens and tokens[-1].lower() in _TRAILING:
        tokens.pop()
    if tokens:
        tokens[-1] = tokens[-1].rstrip(",;:")
        if tokens[-1].endswith(".") and len(tokens[-1]) > 4 and not tokens[-1].endswith(("Inc.", "Corp.", "Co.")):
            tokens[-1] = tokens[-1][:-1]
    return " ".join(tokens)


def _joiner(tokens: Sequence[str]) -> int | None:
    """Where two case names written one after the other are joined ("Google and Twitter" between
    "Gonzalez v." and "v. Taamneh"): the last "and", else the last "&" ("Johnson & Johnson" stays
    whole when an "and" joins it to the name before)."""
    for joiner in ("and", "&"):
        if joiner in tokens:
            return len(tokens) - 1 - tokens[::-1].index(joiner)
    return None


_ANCHOR_BEFORE = regex.compile(r"(?<![\w.])vs?\.?\s+$")


def _after_other_case(text: str, first: tuple[int, int]) -> tuple[int, int] | None:
    """The first party when another case's "v." comes right before it: the words up to the joiner
    belong to that case ("Gonzalez v. Google and Twitter v. Taamneh" is two cases), so the party
    starts after the joiner; None when nothing is left."""
    if not _ANCHOR_BEFORE.search(text, max(0, first[0] - 8), first[0]):
        return first
    words = list(_WORD.finditer(text, first[0], first[1]))
    cut = _joiner([w.group() for w in words])
    if cut is None:
        return first
    return (words[cut + 1].start(), first[1]) if cut + 1 < len(words) else None


# Compiled once: these run for every "v." anchor (regex's own cache lookup costs more than the match).
_CITATION_AFTER = regex.compile(r",?\s*\d")
_ANOTHER_V = regex.compile(r"\s+vs?\.?\s")


def _is_legal(doc: Document, hit: PhraseHit, form: str, first: str, second: str, end: int) -> bool:
    """Whether "X v. Y" names a case rather than a game, a film or a match.

    The lawyer's "v." needs a legal word in its sentence or the one before, a citation after it,
    or a party shaped like a litigant ("Inc.", "Department", "State"). The everyday "vs." needs
    an unmistakable legal word in its own sentence ("court" alone could be a basketball court).
    """
    sentence = doc.sentences.index(hit.start)
    lo, hi = doc.sentences.bounds(sentence)
    # Look no further than a few hundred characters: a text without sentence ends must not make
    # every anchor scan the whole text.
    near_lo, near_hi = max(lo, hit.start - _CUE_REACH), min(hi, hit.end + _CUE_REACH)
    if form != "v.":
        return bool(_STRICT_CUE.search(doc.folded, near_lo, near_hi))
    if _CITATION_AFTER.match(doc.text[end:end + 4]):
        return True
    if _SPORTS_CUE.search(doc.folded, near_lo, near_hi) and not _LEGAL_CUE.search(doc.folded, near_lo, near_hi):
        return False
    if _PARTY_SHAPE.search(f"{first} {second}"):
        return True
    lo = max(doc.sentences.bounds(max(0, sentence - 1))[0], hit.start - 2 * _CUE_REACH)
    return bool(_LEGAL_CUE.search(doc.folded, lo, near_hi))


def case_name_mentions(doc: Document, keys: CaseKeys | None = None,
                       ambiguous: AmbiguousCases | None = None) -> list[Mention]:
    """Case names ("Moore v. Harper") found around a "v." anchor; one the catalog knows under
    another spelling ("Loper Bright Enterprises, Inc. v. Raimondo") takes its catalog entry."""
    mentions: list[Mention] = []
    longest: dict[int, PhraseHit] = {}  # "v" and "v." both match at one place: keep "v."
    for hit in doc.cue_hits(CASE_ANCHOR):
        if hit.end > longest.get(hit.start, hit).end or hit.start not in longest:
            longest[hit.start] = hit
    for hit in longest.values():
        vstart, vend = doc.original_span(hit.start, hit.end)
        second = _SECOND.match(doc.text, vend)
        first = _first_party(doc.text, vstart) if second else None
        first = _after_other_case(doc.text, first) if first else None
        if not first or not second:
            continue
        next_case = bool(_ANOTHER_V.match(doc.text[second.end():second.end() + 6]))
        first_name, second_name = _trim_first(doc.text[first[0]:first[1]]), _trim_second(second["party"], next_case)
        if not first_name or not second_name:
            continue
        first_tokens = list(_WORD.finditer(doc.text, first[0], first[1]))
        second_tokens = list(_WORD.finditer(doc.text, second.start("party"), second.end("party")))
        start = first_tokens[-len(first_name.split())].start()
        last = second_tokens[len(second_name.split()) - 1]
        end = last.start() + len(second_name.split()[-1])
        form = "v." if doc.folded.startswith("v.", hit.start) else "vs"
        docket = _DOCKET.match(doc.text, end, min(len(doc.text), end + 80))
        if not docket and not _is_legal(doc, hit, form, first_name, second_name, end):
            continue
        details = None
        if docket:
            end = docket.end()
            details = CaseDetails(court=(docket["court"] or "").strip(" ,") or None,
                                  year=int(docket["year"]) if docket["year"] else None, docket=docket["docket"])
        name = f"{first_name} v. {second_name}"
        fstart, fend = doc.folded_span(start, end)
        ids = keys.lookup(name) if keys is not None else ()
        if ids:
            doubt = ambiguous.doubt(ids[0], doc, fstart, fend) if ambiguous is not None else ""
            mentions.append(Mention(start, end, Kind.CASE, "name", ids, (CATALOG_VARIANT,) * len(ids),
                                    decided=len(ids) == 1 and not doubt, note=doubt,
                                    folded_start=fstart, folded_end=fend))
            continue
        court = lower_court(doc, fstart, fend) if details is None and ambiguous is not None else None
        if court:  # "the Fifth Circuit ruled in ...": never the Supreme Court decision of that name
            details = CaseDetails(court=court)
        authority = Authority(id="case-name:" + _slug(name), kind=Kind.CASE, name=name,
                              links=(courtlistener_search(name),), source=None, tier="text")
        fstart, fend = doc.folded_span(start, end)
        mentions.append(Mention(start, end, Kind.CASE, "case_name", (), (NAME_ONLY,), authority=authority,
                                note="case name not in the catalog" + (
                                    f"; docket No. {details.docket}" if details and details.docket else
                                    f"; decided by the {details.court}" if details else ""),
                                folded_start=fstart, folded_end=fend, case=details))
    return mentions


def case_short_form_mentions(doc: Document, mentions: Sequence[Mention]) -> list[Mention]:
    """Later "In Sackett", "the Moore case", "Sackett's holding" for a case outside the catalog
    that the text named in full (catalog cases declare their short names as data)."""
    forms: dict[str, Authority] = {}
    first_seen: dict[str, int] = {}
    for mention in mentions:
        authority = mention.authority
        if mention.kind is not Kind.CASE or mention.entry_ids or authority is None or " v. " not in authority.name:
            continue
        key = authority.name.split()[0]
        if key in _GENERIC_PARTY or not key[0].isalpha() or len(key) < 3 or key in forms:
            continue
        forms[key] = authority
        first_seen[authority.id] = mention.end
    if not forms:
        return []
    # One automaton pass for every name from the first name's end (a pattern per name, each
    # scanning the rest of the text, made many names quadratic); each place found is then
    # checked by a pattern that only looks at the words around it.
    names = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
    for word in forms:
        names.add_word(word, word)
    names.make_automaton()
    out = []
    text = doc.text
    for last, word in names.iter(text, min(first_seen.values())):
        start, end = last + 1 - len(word), last + 1
        authority = forms[word]
        if start < first_seen[authority.id] or not _short_form_at(len(word)).match(text, start):
            continue
        fstart, fend = doc.folded_span(start, end)
        out.append(Mention(start, end, Kind.CASE, "short_name", (), (NAME_SHORT,),
                           authority=authority, note=f"short form of {authority.name}",
                           folded_start=fstart, folded_end=fend))
    return out


@lru_cache(maxsize=64)
def _short_form_at(length: int) -> regex.Pattern[str]:
    """Whether the ``length`` characters at a place are a short form: after "In", "Under",
    "Citing" ... (and not followed by "v"), or before "case", "decision", "'s holding" ..."""
    w = rf".{{{length}}}"
    return regex.compile(
        rf"(?:(?<=\b(?:[Ii]n|[Uu]nder|[Cc]iting|[Oo]verturn\w*|[Oo]verrul\w*|[Aa]fter)\s){w}\b(?!\s+v\b)"
        rf"|\b{w}(?=\s+(?:case|decision|ruling|opinion|precedent)\b|['’]s\s+(?:holding|framework|rule|test|reasoning|logic)\b))",
        regex.DOTALL)
