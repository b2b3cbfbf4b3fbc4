"""The Annotator: compiles the catalog once for the chosen stages, then annotates texts.

An Annotator is immutable after construction, so one instance can be shared by threads. Its
compiled catalog comes from the disk cache when one is there (see
:mod:`legal_annot.catalog.cache`); pickled, it carries the cache key rather than its indexes (and,
for a catalog other than the default, the catalog itself), so a worker loads the compiled form
from its own cache instead of receiving it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from legal_annot.arguments import names_argument, text_argument
from legal_annot.catalog import Catalog
from legal_annot.catalog.compiled import CompiledCatalog, compile_catalog
from legal_annot.catalog.history import parse_as_of, with_status
from legal_annot.detect.generated import TierStage
from legal_annot.document import Document, Mention, sentences_of
from legal_annot.gc_pause import collector_paused
from legal_annot.models import Annotation, Kind, Result
from legal_annot.normalize import normalize
from legal_annot.resolve import add_without_crossing, keep_short_names, select_non_overlapping, settle_appositives
from legal_annot.stages import BUILTIN_STAGE_NAMES, BUILTIN_STAGES, Stage, choose_stages

STAGES = BUILTIN_STAGE_NAMES  # the built-in stages' names, in running order


class Annotator:
    """Finds references to law in text, using one catalog and a chosen set of kinds.

    ``kinds`` limits the kinds of annotation returned (default: all); ``stages`` switches
    stages on or off by name (default: all of :data:`STAGES`) and may add :class:`Stage` records
    of the caller's own.
    """

    def __init__(self, catalog: Catalog | None = None, kinds: Iterable[str | Kind] | None = None,
                 stages: Iterable[str | Stage] | None = None) -> None:
        """Compile ``catalog`` once for the chosen stages; then :meth:`annotate` any number of texts.

        ``catalog``: the authorities to find (default :meth:`Catalog.default`; layer your own with
        ``Catalog.default().extend(Catalog.from_files(...))``). ``kinds``: keep only these kinds
        (names or :class:`Kind`; default all). ``stages``: stage names from :data:`STAGES` to run
        (default all), and :class:`Stage` records of your own. Make one Annotator and share it: it
        is immutable, safe across threads, and pickles small for worker processes.
        Raises TypeError for a catalog that is not a Catalog, ValueError for an unknown kind or stage.
        """
        if catalog is not None and not isinstance(catalog, Catalog):
            raise TypeError(f"catalog must be a legal_annot.Catalog, not {type(catalog).__name__}")
        self._catalog = catalog if catalog is not None else Catalog.default()
        self._is_default = self._catalog.digest == Catalog.default_digest()
        self._kinds = _parse_kinds(kinds)
        self._stages = choose_stages(stages)
        self._stage_names = tuple(stage.name for stage in self._stages)
        self._build()

    def _build(self) -> None:
        stages = self._stages
        roles = frozenset().union(*(stage.roles for stage in stages))
        cues = {phrase: cue for stage in stages for phrase, cue in stage.cues.items()}
        self._compiled = compile_catalog(self._catalog, roles, cues)
        self._detectors = tuple(s.factory(self._compiled) for s in stages if s.kind == "detector")
        self._linkers = tuple(s.factory(self._compiled) for s in stages if s.kind == "linker")
        self._tiers = next((d for d in self._detectors if isinstance(d, TierStage)), None)

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def kinds(self) -> frozenset[Kind] | None:
        return self._kinds

    @collector_paused  # see legal_annot/gc_pause.py: linear time on texts of many references
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
        scanner = self._compiled.scanner
        sentences = sentences_of(text, normalized) if scanner.codes_terms else None  # type: ignore[attr-defined]
        hits = scanner.scan(normalized.text, sentences.edges if sentences else None)  # type: ignore[attr-defined]
        doc = Document(text, normalized, hits.named, hits.cues, hits.described, sentences)
        found: list[Mention] = []
        for detect in self._detectors:
            found.extend(detect(doc))
        if self._tiers is not None:  # generated Act names; a catalogued name nested in an unknown Act goes
            found = self._tiers.detect(doc, found)
        doc.drop_detector_hits()  # memory: linkers read cues, sentences and mentions only
        mentions = select_non_overlapping(keep_short_names(settle_appositives(found, doc.text)))
        del found  # the mentions that lost an overlap
        for link in self._linkers:
            mentions = add_without_crossing(mentions, link(doc, mentions))
        if self._tiers is not None:  # text-built authorities become the generated (or curated) ones
            mentions = self._tiers.enrich(doc, mentions)
        annotations = tuple(
            with_status(self._annotation(doc, m), day) for m in mentions if self._kinds is None or m.kind in self._kinds)
        return Result(text, annotations)

    __call__ = annotate

    def _annotation(self, doc: Document, mention: Mention) -> Annotation:
        authorities = tuple(self._catalog[i] for i in mention.entry_ids)
        ambiguous = len(authorities) > 1 or (len(authorities) == 1 and not mention.decided
                                             and mention.authority is None)  # one candidate, not settled
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

    @property
    def compiled(self) -> CompiledCatalog:
        """The compiled catalog the stages read."""
        return self._compiled

    @property
    def _scanner(self) -> object:
        """The shared phrase scanner (kept for code written before the compiled catalog)."""
        return self._compiled.scanner

    def __getstate__(self) -> dict[str, object]:
        # The default catalog is rebuilt (or loaded from the cache) on the other side: only the
        # settings travel. Any other catalog travels itself, and its compiled form is found again
        # in the receiver's cache by content.
        return {"catalog": None if self._is_default else self._catalog, "kinds": self._kinds,
                "stages": tuple(s.name if s in BUILTIN_STAGES else s for s in self._stages)}

    def __setstate__(self, state: dict[str, object]) -> None:
        catalog = state["catalog"]
        self._is_default = catalog is None
        self._catalog = Catalog.default() if catalog is None else catalog  # type: ignore[assignment]
        self._kinds = state["kinds"]  # type: ignore[assignment]
        self._stages = choose_stages(state["stages"])  # type: ignore[arg-type]
        self._stage_names = tuple(stage.name for stage in self._stages)
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
