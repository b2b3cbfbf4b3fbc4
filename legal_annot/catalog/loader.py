"""Read catalog data files (TOML), validate every field, and turn entries into records.

Every problem raises :class:`CatalogError` naming the file, the entry and the field, and saying
what was expected. Nothing downstream ever sees unchecked data.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from legal_annot.confidence import DESCRIPTION_DEFAULT
from legal_annot.catalog.aliases import AliasExpander
from legal_annot.catalog.citations import parse_citation
from legal_annot.catalog.history import read_date, read_history
from legal_annot.catalog.links import courtlistener_search, links_for
from legal_annot.catalog.schema import Description, Entry
from legal_annot.catalog.states import STATES, state_of
from legal_annot.errors import CatalogError
from legal_annot.models import Authority, Kind, Link, Penalty
from legal_annot.normalize import fold_phrase

_ID = regex.compile(r"[a-z0-9][a-z0-9_.-]*")
_URL = regex.compile(r"https?://[^\s<>\"']+")
_ACRONYM = regex.compile(r"[A-Z][A-Z0-9&]{1,9}")  # "RICO", "FOIA", "CHIPS": written in capitals
CITATION_OPTIONAL = {Kind.DOCTRINE}

# field -> (expected type(s), required, human description of what is expected)
_FIELDS: dict[str, tuple[type | tuple[type, ...], bool, str]] = {
    "id": (str, True, "a lower-case identifier such as 'usc.18.371'"),
    "kind": (str, True, "one of " + ", ".join(k.value for k in Kind if k is not Kind.PENALTY)),
    "name": (str, False, "the authority's usual name"),
    "parties": (list, False, "a list of two party names, for cases"),
    "citation": (str, False, "the official citation"),
    "parallel_citations": (list, False, "a list of citation strings"),
    "year": (int, False, "a year as an integer"),
    "summary": (str, True, "two or three plain sentences"),
    "source": (str, True, "an http(s) URL where the facts were checked"),
    "aliases": (list, False, "a list of names"),
    "short_names": (list, False, "a list of short names used after the full name"),
    "generic_names": (list, False, "a list of generic phrases shared with other entries"),
    "context": (list, False, "a list of phrases that make this entry likelier"),
    "links": (list, False, "a list of {label, url} tables"),
    "penalties": (list, False, "a list of {subsection, max_years, life, max_fine, min_years, note} tables"),
    "related": (list, False, "a list of entry ids"),
    "description": (dict, False, "a table with concepts, window, absent"),
    "proper_noun": (bool, False, "true if the names only count when capitalized"),
    "match_name": (bool, False, "false if the name is only a label, found through citations instead"),
    "plain_aliases": (list, False, "a list of names that count in any case, even for a proper_noun entry"),
    "sections": (dict, False, "a table of the Act's section numbers and the code citation each is at"),
    "jurisdiction": (str, False, "'US' (the default), a state's postal code such as 'CA', or a locality"),
    "as_of": (object, False, "the date the summary was last checked against its source, as YYYY-MM-DD"),
    "pending": (bool, False, "true while litigation about the authority is pending (as of as_of)"),
    "history": (list, False, "a list of {date, kind, by, note} event tables, in date order"),
    "examples": (list, True, "a list of sentences that must match"),
    "near_misses": (list, False, "a list of sentences that must not match"),
}


class _Reader:
    """Validates one entry's fields, raising errors that say where and what."""

    def __init__(self, file: str, entry: Mapping[str, Any], index: int) -> None:
        self.file, self.raw = file, entry
        ident = entry.get("id")
        self.entry = ident if isinstance(ident, str) else f"#{index + 1}"

    def fail(self, field: str | None, message: str) -> CatalogError:
        return CatalogError(message, file=self.file, entry=self.entry, field=field)

    def get(self, field: str, default: Any = None) -> Any:
        expected, required, what = _FIELDS[field]
        if field not in self.raw:
            if required:
                raise self.fail(field, f"missing; expected {what}")
            return default
        value = self.raw[field]
        if not isinstance(value, expected) or isinstance(value, bool) and expected is int:
            raise self.fail(field, f"has type {type(value).__name__}; expected {what}")
        return value

    def strings(self, field: str, *, nonempty: bool = False) -> tuple[str, ...]:
        values = self.get(field, [])
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise self.fail(field, f"expected {_FIELDS[field][2]} (non-empty strings)")
        if nonempty and not values:
            raise self.fail(field, f"is empty; expected {_FIELDS[field][2]}")
        return tuple(values)

    def url(self, field: str, value: str) -> str:
        if not _URL.fullmatch(value):
            raise self.fail(field, f"{value!r} is not an http(s) URL")
        return value


def _penalty(reader: _Reader, table: Any) -> Penalty:
    if not isinstance(table, dict):
        raise reader.fail("penalties", "each penalty must be a table")
    allowed = {"subsection", "max_years", "life", "max_fine", "min_years", "note"}
    if unknown := set(table) - allowed:
        raise reader.fail("penalties", f"unknown keys {sorted(unknown)}; expected {sorted(allowed)}")
    if "max_years" not in table and not table.get("life"):
        raise reader.fail("penalties", "a penalty needs max_years or life = true")
    try:
        return Penalty(**table)  # the record validates each field's type and value
    except (TypeError, ValueError) as exc:
        raise reader.fail("penalties", f"has the wrong type or value: {exc}") from None


def _expand_term(term: str, expander: AliasExpander) -> tuple[str, ...]:
    """A description term and its variant spellings (prefix terms are kept as written)."""
    folded = fold_phrase(term)
    if folded.endswith("*"):
        return (folded,)
    # A whole term replaced by a short plain word ("united states" -> "us") would match the
    # pronoun: keep only variants that are still distinctive.
    return tuple(v for v in expander.expand(folded) if v == folded or not regex.fullmatch(r"[a-z]{1,3}", v))


def _description(reader: _Reader, table: dict[str, Any], expander: AliasExpander) -> Description:
    allowed = {"concepts", "window", "absent", "confidence"}
    if unknown := set(table) - allowed:
        raise reader.fail("description", f"unknown keys {sorted(unknown)}; expected {sorted(allowed)}")
    concepts, absent = table.get("concepts"), table.get("absent", [])
    if not isinstance(concepts, list) or not all(isinstance(g, list) for g in concepts):
        raise reader.fail("description", "concepts must be a list of at least two non-empty lists of terms")
    if not isinstance(absent, list):
        raise reader.fail("description", "absent must be a list of terms")
    try:
        # The record validates its own fields (legal_annot.catalog.schema); terms are checked as
        # written before their variant spellings are added.
        Description(concepts=tuple(tuple(g) for g in concepts), window=table.get("window", 12),
                    absent=tuple(absent), confidence=table.get("confidence", DESCRIPTION_DEFAULT))
        return Description(
            concepts=tuple(tuple(v for t in group for v in _expand_term(t, expander)) for group in concepts),
            window=table.get("window", 12), absent=tuple(v for t in absent for v in _expand_term(t, expander)),
            confidence=table.get("confidence", DESCRIPTION_DEFAULT),
        )
    except (TypeError, ValueError) as exc:
        raise reader.fail("description", str(exc)) from None


def _state_citations(reader: _Reader, jurisdiction: str, citations: tuple[str, ...]) -> None:
    """A state or local entry cites in its own forms ("Cal. Gov't Code § 7284.6"), never federal
    ones: a state's citation starts with that state's abbreviation; a locality's is free."""
    for citation in citations:
        try:
            parse_citation(citation)
        except ValueError:
            pass
        else:
            raise reader.fail("citation", f"{citation!r} is a federal citation; a {jurisdiction} entry needs its own")
        if jurisdiction in STATES.values() and state_of(citation) != jurisdiction:
            raise reader.fail("citation", f"{citation!r} is not a citation of {jurisdiction} law; state "
                              f"entries cite the state's code (\"Cal. Gov't Code § 7284.6\") or give links only")


def _links(reader: _Reader, citations: tuple[str, ...], name: str, kind: Kind) -> tuple[Link, ...]:
    links: dict[str, Link] = {}
    for citation in citations:
        try:
            parts = parse_citation(citation)
        except ValueError as exc:
            raise reader.fail("citation", str(exc)) from None
        links.update((link.url, link) for link in links_for(parts))
    if kind is Kind.CASE and not links:
        links[""] = courtlistener_search(name)
    for table in reader.get("links", []):
        if not isinstance(table, dict) or set(table) != {"label", "url"}:
            raise reader.fail("links", "each link must be a table with exactly 'label' and 'url'")
        label, url = table["label"], table["url"]
        if not isinstance(label, str) or not label.strip():
            raise reader.fail("links", f"label {label!r} must be a non-empty string")
        if not isinstance(url, str):
            raise reader.fail("links", f"url {url!r} must be a string")
        links[url] = Link(label, reader.url("links", url))
    return _justia_as_checked(links, reader.raw.get("source"))


_JUSTIA = regex.compile(r"https://supreme\.justia\.com/cases/federal/us/(\d+)/[^/\s]+/?")


def _justia_as_checked(links: dict[str, Link], source: object) -> tuple[Link, ...]:
    """Justia files recent terms' opinions by docket number (``/us/603/22-451/``), not by page:
    when the entry's checked source is a Justia page of the same volume, link to it instead."""
    found = _JUSTIA.fullmatch(source) if isinstance(source, str) else None
    if found is None:
        return tuple(links.values())
    out = []
    for link in links.values():
        same = _JUSTIA.fullmatch(link.url)
        out.append(Link(link.label, source) if same and same.group(1) == found.group(1) else link)
    return tuple(dict((link.url, link) for link in out).values())


def _sections(reader: _Reader) -> tuple[tuple[str, str], ...]:
    """An Act's sections, each mapped to the code citation where it sits (checked to parse)."""
    out = []
    for label, citation in reader.get("sections", {}).items():
        if not isinstance(citation, str):
            raise reader.fail("sections", f"section {label!r} must map to a citation string")
        try:
            parse_citation(citation)
        except ValueError as exc:
            raise reader.fail("sections", str(exc)) from None
        out.append((fold_phrase(label), citation))
    return tuple(out)


# A word: letters and digits (with an apostrophe's ending), or an abbreviation of single letters
# with full stops ("u.s.c."), read without its stops ("usc"; "u.s." is "us", a stop word).
_WORD = regex.compile(r"(?:\p{L}\.)+\p{L}?\.?|[\p{L}\p{N}]+(?:['’]\p{L}+)?")


@functools.cache
def stop_words() -> frozenset[str]:
    """Function words (data/stop_words.txt) that cannot by themselves make a name."""
    text = (resources.files("legal_annot") / "catalog" / "data" / "stop_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def has_content_word(phrase: str) -> bool:
    """Whether a phrase holds a word with a letter that is not a stop word: "Roe", "§ 1983 claim"
    and "U.S.C." do; ".", "the", "of the" and "1983" do not (each would match ordinary prose)."""
    words = stop_words()
    return any(any(ch.isalpha() for ch in word) and word.replace(".", "").lower() not in words
               for word in _WORD.findall(fold_phrase(phrase)))


def read_entry(file: str, raw: Any, index: int, expander: AliasExpander) -> Entry:
    """Validate one raw entry and build its :class:`Entry`."""
    if not isinstance(raw, dict):
        raise CatalogError("each [[authority]] must be a table", file=file, entry=f"#{index + 1}")
    reader = _Reader(file, raw, index)
    if unknown := sorted(set(raw) - set(_FIELDS)):
        raise reader.fail(unknown[0], f"unknown field; expected one of {sorted(_FIELDS)}")
    ident = reader.get("id")
    if not _ID.fullmatch(ident):
        raise reader.fail("id", f"{ident!r} is not {_FIELDS['id'][2]}")
    kind_name = reader.get("kind")  # raises its own CatalogError when missing or not a string
    try:
        kind = Kind(kind_name)
    except ValueError:
        raise reader.fail("kind", f"{kind_name!r} is not {_FIELDS['kind'][2]}") from None
    if kind is Kind.PENALTY:
        raise reader.fail("kind", "'penalty' is an annotation kind, not an authority kind")
    parties = reader.strings("parties")
    if parties and len(parties) != 2:
        raise reader.fail("parties", "expected exactly two party names")
    name = reader.get("name") or (f"{parties[0]} v. {parties[1]}" if parties else None)
    if not name:
        raise reader.fail("name", "missing; give a name (or parties, for a case)")
    citation = reader.get("citation")
    jurisdiction = reader.get("jurisdiction", "US").strip()
    if not jurisdiction:
        raise reader.fail("jurisdiction", f"is empty; expected {_FIELDS['jurisdiction'][2]}")
    federal = jurisdiction == "US"
    if citation is None and kind not in CITATION_OPTIONAL and (federal or not reader.get("links")):
        raise reader.fail("citation", f"missing; a {kind.value} needs its official citation"
                          + ("" if federal else " or, when it has none, links"))
    parallel = reader.strings("parallel_citations")
    citations = ((citation,) if citation else ()) + parallel
    if not federal:
        _state_citations(reader, jurisdiction, citations)
    year = reader.get("year")
    if year is not None and not 1700 <= year <= 2100:
        raise reader.fail("year", f"{year} is not a plausible year")
    summary = reader.get("summary").strip()
    if not summary:
        raise reader.fail("summary", "is empty; expected two or three plain sentences")
    plain = reader.strings("plain_aliases")
    match_name = reader.get("match_name", True)
    for field, phrases in (("name", (name,) if match_name else ()), ("aliases", reader.strings("aliases")),
                           ("plain_aliases", plain), ("short_names", reader.strings("short_names")),
                           ("generic_names", reader.strings("generic_names"))):
        for phrase in phrases:
            if not has_content_word(phrase):
                raise reader.fail(field, f"{phrase!r} has no word with a letter that is not a stop word "
                                         "(such as 'the' or 'of'); it would match ordinary prose")
    declared = ((name,) if match_name else ()) + (*reader.strings("aliases"), *plain)
    description = reader.get("description")
    as_of = read_date(raw["as_of"], lambda m: reader.fail("as_of", m), "as_of") if "as_of" in raw else None
    history = read_history(reader.get("history", []), lambda m: reader.fail("history", m), as_of)
    entry = Entry(
        authority=Authority(
            id=ident, kind=kind, name=name, citation=citation, parallel_citations=parallel, year=year,
            summary=summary, links=_links(reader, citations if federal else (), name, kind),
            source=reader.url("source", reader.get("source")), aliases=declared,
            penalties=tuple(_penalty(reader, t) for t in reader.get("penalties", [])),
            jurisdiction=jurisdiction,
            related=reader.strings("related"), as_of=as_of, history=history,
            pending=reader.get("pending", False),
        ),
        file=file,
        aliases=expander.expand_all(declared),
        short_names=tuple(fold_phrase(s) for s in reader.strings("short_names")),
        generic_names=expander.expand_all(reader.strings("generic_names")),
        context=tuple(fold_phrase(c) for c in reader.strings("context")),
        description=_description(reader, description, expander) if description is not None else None,
        proper_noun=reader.get("proper_noun", False),
        plain_aliases=expander.expand_all(plain),
        sections=_sections(reader),
        acronyms=tuple(fold_phrase(a) for a in (*declared, *reader.strings("generic_names")) if _ACRONYM.fullmatch(a)),
        examples=reader.strings("examples", nonempty=True),
        near_misses=reader.strings("near_misses"),
    )
    return entry


def read_file(path: Path, expander: AliasExpander) -> list[Entry]:
    """Parse one TOML catalog file into entries."""
    name = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a byte order mark is allowed
    except OSError as exc:
        raise CatalogError(f"cannot be read: {exc.strerror or exc}", file=name) from None
    except UnicodeDecodeError as exc:
        raise CatalogError(f"is not UTF-8 text: {exc.reason} at byte {exc.start}", file=name) from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"is not valid TOML: {exc}", file=name) from None
    except RecursionError:
        raise CatalogError("is nested too deeply to read (arrays or tables inside each other)", file=name) from None
    entries = data.get("authority", [] if "update" in data else None)
    if not isinstance(entries, list) or set(data) - {"authority", "update"}:
        raise CatalogError("expected only [[authority]] (and [[update]]) tables at the top level", file=name)
    found, problems = [], []
    for i, raw in enumerate(entries):  # every invalid entry is reported, not only the first
        try:
            found.append(read_entry(name, raw, i, expander))
        except CatalogError as exc:
            problems.append(exc)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        error = CatalogError(f"{len(problems)} entries are invalid:\n" + "\n".join(f"  {p}" for p in problems), file=name)
        error.problems = problems  # type: ignore[attr-defined]
        raise error
    return found


def read_variants(path: Path) -> AliasExpander:
    """Load the interchangeable-phrase groups used to expand aliases."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, RecursionError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"cannot be read as TOML: {exc}", file=str(path)) from None
    groups = data.get("groups")
    if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) >= 2 and all(isinstance(p, str) and p.strip() for p in g)
            for g in groups):
        raise CatalogError("expected groups = [[phrase, phrase, ...], ...]", file=str(path), field="groups")
    return AliasExpander(groups)
