"""The Annotator: builds the detector chain once for a catalog, then annotates texts.

An Annotator is immutable after construction, so one instance can be shared by threads;
it pickles as its catalog and settings and rebuilds its automata on the other side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from legal_annot.catalog import Catalog
from legal_annot.detect.names import CONTEXT, GENERIC, NAME, SHORT_NAME, NameDetector
from legal_annot.document import Document, Mention
from legal_annot.models import Annotation, Kind, Result
from legal_annot.normalize import normalize
from legal_annot.resolve import DIRECT, SHORT, keep_short_names, rank_candidates, select_non_overlapping

Stage = Callable[[Document], Iterable[Mention]]
STAGES = ("names",)


class Annotator:
    """Finds references to law in text, using one catalog and a chosen set of kinds.

    ``kinds`` limits the kinds of annotation returned (default: all); ``stages`` switches
    detectors on or off by name (default: all of :data:`STAGES`).
    """

    def __init__(self, catalog: Catalog | None = None, kinds: Iterable[str | Kind] | None = None,
                 stages: Iterable[str] | None = None) -> None:
        if catalog is not None and not isinstance(catalog, Catalog):
            raise TypeError(f"catalog must be a legal_annot.Catalog, not {type(catalog).__name__}")
        self._catalog = catalog if catalog is not None else Catalog.default()
        self._kinds = _parse_kinds(kinds)
        self._stage_names = _parse_stages(stages)
        self._build()

    def _build(self) -> None:
        self._names = NameDetector(self._catalog)
        self._stages: tuple[Stage, ...] = tuple(
            {"names": self._named_mentions}[name] for name in self._stage_names)

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def kinds(self) -> frozenset[Kind] | None:
        return self._kinds

    def annotate(self, text: str) -> Result:
        """Annotate one text. Offsets in the result index ``text`` itself."""
        if not isinstance(text, str):
            raise TypeError(f"annotate() expects str, not {type(text).__name__}; decode bytes first")
        if not text:
            return Result(text)
        doc = Document(text, normalize(text))
        mentions: list[Mention] = []
        for stage in self._stages:
            mentions.extend(stage(doc))
        mentions = select_non_overlapping(keep_short_names(mentions))
        annotations = tuple(
            self._annotation(doc, m) for m in mentions if self._kinds is None or m.kind in self._kinds)
        return Result(text, annotations)

    __call__ = annotate

    def _named_mentions(self, doc: Document) -> list[Mention]:
        """Mentions from catalog names; generic phrases ranked by what else the text names."""
        hits = list(self._names.scan(doc.folded))
        referenced: Counter[str] = Counter()
        cues: Counter[str] = Counter()
        for hit in hits:
            if hit.how == NAME:
                referenced.update(hit.entry_ids)
            elif hit.how == CONTEXT:
                cues.update(hit.entry_ids)
        mentions = []
        for hit in hits:
            if hit.how == CONTEXT:
                continue
            start, end = doc.original_span(hit.start, hit.end)
            if hit.how == GENERIC:
                ids, scores, decided = rank_candidates(hit.entry_ids, referenced, cues)
            elif hit.how == SHORT_NAME:
                if not doc.text[start].isupper():
                    continue
                ids, scores, decided = hit.entry_ids, (SHORT,), True
            else:
                if doc.text[start].islower() and self._catalog.entry(hit.entry_ids[0]).proper_noun:
                    continue
                ids, scores, decided = hit.entry_ids, (DIRECT,), True
            kind = self._catalog[ids[0]].kind
            mentions.append(Mention(start, end, kind, hit.how, ids, scores, decided))
        return mentions

    def _annotation(self, doc: Document, mention: Mention) -> Annotation:
        authorities = tuple(self._catalog[i] for i in mention.entry_ids)
        ambiguous = len(authorities) > 1
        return Annotation(
            start=mention.start, end=mention.end, text=doc.text[mention.start:mention.end],
            kind=mention.kind,
            authority=authorities[0] if authorities and mention.decided else None,
            candidates=authorities if ambiguous else (),
            candidate_confidences=mention.scores if ambiguous else (),
            confidence=mention.confidence, matched_by=mention.how, claim=mention.claim,
            note=mention.note,
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
    if isinstance(kinds, str):
        kinds = [kinds]
    try:
        return frozenset(Kind(k) for k in kinds)
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
