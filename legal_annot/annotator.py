"""The Annotator: builds the detector chain once for a catalog, then annotates texts.

An Annotator is immutable after construction, so one instance can be shared by threads;
it pickles as its catalog and settings and rebuilds its automata on the other side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import partial

from legal_annot.arguments import names_argument, text_argument
from legal_annot.catalog import Catalog
from legal_annot.catalog.history import parse_as_of, with_status
from legal_annot.detect.act_sections import ActSections
from legal_annot.detect.anaphora import ANAPHOR, ANAPHORS, anaphora_mentions
from legal_annot.detect.cases import ANCHORS as CASE_ANCHORS
from legal_annot.detect.case_keys import CaseKeys
from legal_annot.detect.cases import CASE_ANCHOR, case_name_mentions, case_short_form_mentions
from legal_annot.detect.descriptions import DescriptionMentions
from legal_annot.detect.generated import TierStage
from legal_annot.detect.names import NamedMentions
from legal_annot.detect.penalties import ANCHORS, PENALTY_ANCHOR, penalty_mentions
from legal_annot.detect.phrases import PhraseScanner
from legal_annot.detect.roles import DESCRIPTION_ROLES, NAME_ROLES
from legal_annot.detect.state_citations import StateCitations
from legal_annot.detect.statutes import ANCHORS as CITATION_ANCHORS
from legal_annot.detect.statutes import CITATION_ANCHOR, CitationIndex, citation_mentions
from legal_annot.document import Document, Mention
from legal_annot.models import Annotation, Kind, Result
from legal_annot.normalize import normalize
from legal_annot.resolve import add_without_crossing, keep_short_names, select_non_overlapping, settle_appositives


def _case_citations(catalog: Catalog) -> Detector:
    """eyecite and reporters-db take a quarter of a second to import: only when this stage is on."""
    from legal_annot.detect.case_citations import ShortCiteIndex, case_citation_mentions
    from legal_annot.detect.eyecite_adapter import CaseCitationFinder

    return partial(case_citation_mentions, catalog=catalog, index=CitationIndex(catalog), finder=CaseCitationFinder(),
                   keys=CaseKeys(catalog), short_index=ShortCiteIndex(catalog))


# Detectors see the document; linkers also see the mentions resolved so far. Each is made once
# per Annotator from the catalog (a factory), so per-catalog indexes are built at construction.
Detector = Callable[[Document], Iterable[Mention]]
Linker = Callable[[Document, Sequence[Mention]], Iterable[Mention]]
DETECTORS: dict[str, Callable[[Catalog], Detector]] = {
    "names": NamedMentions,
    "act_sections": ActSections,
    "citations": lambda catalog: partial(citation_mentions, catalog=catalog, index=CitationIndex(catalog)),
    "cases": lambda catalog: _case_citations(catalog),
    "case_names": lambda catalog: partial(case_name_mentions, keys=CaseKeys(catalog)),
    "descriptions": DescriptionMentions,
    "state_citations": StateCitations,
}
LINKERS: dict[str, Callable[[Catalog], Linker]] = {
    "anaphora": lambda _catalog: anaphora_mentions,
    "case_short_forms": lambda _catalog: case_short_form_mentions,
    "penalties": lambda catalog: partial(penalty_mentions, catalog=catalog),
}
# "tiers": the generated tiers (Act names as written, and text-built authorities looked up).
STAGES = (*DETECTORS, *LINKERS, "tiers")
# What each stage needs from the shared phrase scan: catalog roles, and engine cue phrases.
STAGE_ROLES = {"names": NAME_ROLES, "act_sections": NAME_ROLES, "descriptions": DESCRIPTION_ROLES}
STAGE_CUES = {
    "citations": dict.fromkeys(CITATION_ANCHORS, CITATION_ANCHOR),
    "case_names": dict.fromkeys(CASE_ANCHORS, CASE_ANCHOR),
    "anaphora": dict.fromkeys(ANAPHORS, ANAPHOR),
    "penalties": dict.fromkeys(ANCHORS, PENALTY_ANCHOR),
}


class Annotator:
    """Finds references to law in text, using one catalog and a chosen set of kinds.

    ``kinds`` limits the kinds of annotation returned (default: all); ``stages`` switches
    detectors on or off by name (default: all of :data:`STAGES`).
    """

    def __init__(self, catalog: Catalog | None = None, kinds: Iterable[str | Kind] | None = None,
                 stages: Iterable[str] | None = None) -> None:
        """Build the detectors once for ``catalog``; then :meth:`annotate` any number of texts.

        ``catalog``: the authorities to find (default :meth:`Catalog.default`; layer your own with
        ``Catalog.default().extend(Catalog.from_files(...))``). ``kinds``: keep only these kinds
        (names or :class:`Kind`; default all). ``stages``: detector names from :data:`STAGES` to
        run (default all). Building takes a moment, so make one Annotator and share it: it is
        immutable, safe across threads, and pickles small for worker processes.
        Raises TypeError for a catalog that is not a Catalog, ValueError for an unknown kind or stage.
        """
        if catalog is not None and not isinstance(catalog, Catalog):
            raise TypeError(f"catalog must be a legal_annot.Catalog, not {type(catalog).__name__}")
        self._catalog = catalog if catalog is not None else Catalog.default()
        self._kinds = _parse_kinds(kinds)
        self._stage_names = _parse_stages(stages)
        self._build()

    def _build(self) -> None:
        stages = self._stage_names
        self._scanner = PhraseScanner(
            self._catalog,
            cues={phrase: cue for s in stages for phrase, cue in STAGE_CUES.get(s, {}).items()},
            roles=frozenset().union(*(STAGE_ROLES.get(s, frozenset()) for s in stages)))
        self._detectors = tuple(DETECTORS[n](self._catalog) for n in stages if n in DETECTORS)
        self._linkers = tuple(LINKERS[n](self._catalog) for n in stages if n in LINKERS)
        self._tiers = TierStage(self._catalog) if "tiers" in stages else None

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def kinds(self) -> frozenset[Kind] | None:
        return self._kinds

    def annotate(self, text: str, *, as_of: date | str | None = None) -> Result:
        """Annotate one text. Offsets in the result index ``text`` itself.

        ``as_of`` is the date the text speaks from (usually its publication date; default today):
        each annotation's ``status`` compares the authority's standing then and now.
        """
        text = text_argument("annotate", "text", text)
        day = parse_as_of(as_of)
        if not text:
            return Result(text)
        normalized = normalize(text)
        doc = Document(text, normalized, self._scanner)
        found: list[Mention] = []
        for detect in self._detectors:
            found.extend(detect(doc))
        if self._tiers is not None:
            found = self._tiers.detect(doc, found)
        mentions = select_non_overlapping(keep_short_names(settle_appositives(found, doc.text)))
        for link in self._linkers:
            mentions = add_without_crossing(mentions, link(doc, mentions))
        if self._tiers is not None:
            mentions = self._tiers.enrich(doc, mentions)
        annotations = tuple(
            with_status(self._annotation(doc, m), day) for m in mentions if self._kinds is None or m.kind in self._kinds)
        return Result(text, annotations)

    __call__ = annotate

    def _annotation(self, doc: Document, mention: Mention) -> Annotation:
        authorities = tuple(self._catalog[i] for i in mention.entry_ids)
        ambiguous = len(authorities) > 1
        best = mention.authority or (authorities[0] if authorities and mention.decided else None)
        return Annotation(
            start=mention.start, end=mention.end, text=doc.text[mention.start:mention.end],
            kind=mention.kind,
            authority=best,
            candidates=authorities if ambiguous else (),
            candidate_confidences=mention.scores if ambiguous else (),
            confidence=mention.confidence, matched_by=mention.how, claim=mention.claim,
            note=mention.note, citation=mention.citation or None, case=mention.case,
        )

    def __getstate__(self) -> dict[str, object]:
        return {"catalog": self._catalog, "kinds": self._kinds, "stages": self._stage_names}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._catalog = state["catalog"]  # type: ignore[assignment]
        self._kinds = state["kinds"]  # type: ignore[assignment]
        self._stage_names = state["stages"]  # type: ignore[assignment]
        self._build()

    def __repr__(self) -> str:
        kinds = "all" if self._kinds is None else ",".join(sorted(self._kinds))
        return f"<Annotator catalog={len(self._catalog)} kinds={kinds} stages={','.join(self._stage_names)}>"


def _parse_kinds(kinds: Iterable[str | Kind] | None) -> frozenset[Kind] | None:
    if kinds is None:
        return None
    try:
        return frozenset(Kind(k) for k in names_argument("Annotator", "kinds", kinds))
    except ValueError as exc:
        raise ValueError(f"{exc}; kinds are {', '.join(k.value for k in Kind)}") from None


def _parse_stages(stages: Iterable[str] | None) -> tuple[str, ...]:
    if stages is None:
        return STAGES
    if isinstance(stages, str):
        stages = [stages]
    chosen = tuple(stages)
    if unknown := [s for s in chosen if s not in STAGES]:
        raise ValueError(f"unknown stage(s) {unknown}; stages are {', '.join(STAGES)}")
    return tuple(s for s in STAGES if s in chosen)
