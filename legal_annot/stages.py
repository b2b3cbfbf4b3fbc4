"""The stages of the pipeline, each declared once as a :class:`Stage` record, in running order.

A stage is a *detector* (it reads the document and reports mentions) or a *linker* (it also reads
the mentions resolved so far, and adds mentions that refer back to them). Its ``factory`` makes
the callable once per Annotator from the compiled catalog, so per-catalog indexes are never built
while annotating. ``roles`` are the catalog phrase roles it reads from the shared scan, ``cues``
the engine phrases it adds to that scan (phrase -> cue name, read back with
``Document.cue_hits``).
Linkers run after the Annotator has dropped the document's name and term hits
(``Document.hits``, ``Document.described``) to save memory: they read cues, sentences and mentions.

A caller adds a stage of their own with the same record::

    Annotator(stages=[*BUILTIN_STAGE_NAMES, Stage("mine", my_factory, "detector")])

(a stage's factory must be picklable, e.g. a module-level function, for the Annotator to pickle).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Literal

import attrs

from legal_annot.detect.act_sections import ActSections
from legal_annot.detect.anaphora import ANAPHOR, ANAPHORS, anaphora_mentions
from legal_annot.detect.cases import ANCHORS as CASE_ANCHORS
from legal_annot.detect.cases import CASE_ANCHOR, case_name_mentions, case_short_form_mentions
from legal_annot.detect.descriptions import DescriptionMentions
from legal_annot.detect.names import NamedMentions
from legal_annot.detect.penalties import ANCHORS as PENALTY_ANCHORS
from legal_annot.detect.penalties import PENALTY_ANCHOR, penalty_mentions
from legal_annot.detect.reporter_gate import may_cite_case
from legal_annot.detect.roles import DESCRIPTION_ROLES, NAME_ROLES
from legal_annot.detect.statutes import ANCHORS as CITATION_ANCHORS
from legal_annot.detect.statutes import CITATION_ANCHOR, citation_mentions
from legal_annot.document import Document, Mention

if TYPE_CHECKING:
    from legal_annot.catalog.compiled import CompiledCatalog

Detector = Callable[[Document], Iterable[Mention]]
Linker = Callable[[Document, Sequence[Mention]], Iterable[Mention]]
StageKind = Literal["detector", "linker"]


def _cues(value: Mapping[str, str]) -> Mapping[str, str]:
    return dict(value)


@attrs.frozen
class Stage:
    """One stage: its ``name``, the ``factory`` that makes it from the compiled catalog, whether
    it is a ``detector`` or a ``linker``, and what it needs from the shared phrase scan."""

    name: str = attrs.field(validator=attrs.validators.matches_re(r"[a-z][a-z0-9_]*"))
    factory: Callable[[CompiledCatalog], Detector | Linker] = attrs.field(validator=attrs.validators.is_callable())
    kind: StageKind = attrs.field(validator=attrs.validators.in_(("detector", "linker")))
    roles: frozenset[str] = attrs.field(default=frozenset(), converter=frozenset)
    cues: Mapping[str, str] = attrs.field(factory=dict, converter=_cues, hash=False)


class CaseCitations:
    """The case citation stage: eyecite, imported only for a text where a case reporter follows a
    volume number (or Id./supra occurs). Importing eyecite and reporters-db takes longer than
    annotating a news article, and news rarely cites a reporter."""

    def __init__(self, compiled: CompiledCatalog) -> None:
        self._compiled = compiled
        self._finder: object | None = None
        self._lock = threading.Lock()

    def __call__(self, doc: Document) -> list[Mention]:
        if not may_cite_case(doc.text):
            return []
        from legal_annot.detect.case_citations import case_citation_mentions

        finder, short_index = self._eyecite_parts()
        return case_citation_mentions(doc, catalog=self._compiled.catalog, index=self._compiled.citations,
                                      finder=finder, keys=self._compiled.case_keys, short_index=short_index)

    def _eyecite_parts(self) -> tuple[object, object]:
        """The eyecite finder and the short-cite index, made the first time a text may cite a case
        (their module imports eyecite); the only state a stage sets after construction."""
        if self._finder is None:
            with self._lock:
                if self._finder is None:
                    from legal_annot.detect.case_citations import ShortCiteIndex
                    from legal_annot.detect.eyecite_adapter import CaseCitationFinder

                    self._finder = (CaseCitationFinder(), ShortCiteIndex(self._compiled.catalog))
        return self._finder  # type: ignore[return-value]


def _citations(compiled: CompiledCatalog) -> Detector:
    return partial(citation_mentions, catalog=compiled.catalog, index=compiled.citations)


def _case_names(compiled: CompiledCatalog) -> Detector:
    from legal_annot.detect.case_keys import AmbiguousCases

    return partial(case_name_mentions, keys=compiled.case_keys, ambiguous=AmbiguousCases(compiled.catalog))


def _state_citations(compiled: CompiledCatalog) -> Detector:
    from legal_annot.detect.state_citations import StateCitations

    return StateCitations(compiled.catalog)


def _tiers(compiled: CompiledCatalog) -> Detector:
    """The generated tiers: the Annotator calls its ``detect`` before overlaps are resolved and its
    ``enrich`` after the linkers (see legal_annot.detect.generated); as a detector it adds nothing."""
    from legal_annot.detect.generated import TierStage

    return TierStage(compiled.catalog, index=compiled.citations)


def _penalties(compiled: CompiledCatalog) -> Linker:
    return partial(penalty_mentions, catalog=compiled.catalog)


def _plain(function: Callable[..., Iterable[Mention]]) -> Callable[[CompiledCatalog], Callable[..., Iterable[Mention]]]:
    """A factory for a stage that needs nothing from the catalog."""
    return partial(_return, function)


def _return(function: Callable[..., Iterable[Mention]], _compiled: CompiledCatalog) -> Callable[..., Iterable[Mention]]:
    return function


BUILTIN_STAGES: tuple[Stage, ...] = (
    Stage("names", NamedMentions, "detector", roles=NAME_ROLES),
    Stage("act_sections", ActSections, "detector", roles=NAME_ROLES),
    Stage("citations", _citations, "detector", cues=dict.fromkeys(CITATION_ANCHORS, CITATION_ANCHOR)),
    Stage("cases", CaseCitations, "detector"),
    Stage("case_names", _case_names, "detector", cues=dict.fromkeys(CASE_ANCHORS, CASE_ANCHOR)),
    Stage("descriptions", DescriptionMentions, "detector", roles=DESCRIPTION_ROLES),
    Stage("state_citations", _state_citations, "detector"),
    Stage("tiers", _tiers, "detector"),
    Stage("anaphora", _plain(anaphora_mentions), "linker", cues=dict.fromkeys(ANAPHORS, ANAPHOR)),
    Stage("case_short_forms", _plain(case_short_form_mentions), "linker"),
    Stage("penalties", _penalties, "linker", cues=dict.fromkeys(PENALTY_ANCHORS, PENALTY_ANCHOR)),
)
BUILTIN_STAGE_NAMES = tuple(stage.name for stage in BUILTIN_STAGES)
_BY_NAME = {stage.name: stage for stage in BUILTIN_STAGES}


def choose_stages(stages: Iterable[str | Stage] | None) -> tuple[Stage, ...]:
    """The stages to run: built-in ones named (in their declared order), then the caller's own
    records (in the order given). None means every built-in stage."""
    if stages is None:
        return BUILTIN_STAGES
    if isinstance(stages, str | Stage):
        stages = [stages]
    chosen = list(stages)
    if bad := [s for s in chosen if not isinstance(s, str | Stage)]:
        raise TypeError(f"stages must be stage names or Stage records, not {type(bad[0]).__name__}")
    names = {s for s in chosen if isinstance(s, str)}
    if unknown := [s for s in chosen if isinstance(s, str) and s not in _BY_NAME]:
        raise ValueError(f"unknown stage(s) {unknown}; stages are {', '.join(BUILTIN_STAGE_NAMES)}")
    own = [s for s in chosen if isinstance(s, Stage)]
    out = [s for s in BUILTIN_STAGES if s.name in names]
    for stage in own:
        if any(s.name == stage.name for s in out):
            raise ValueError(f"two stages are named {stage.name!r}")
        out.append(stage)
    return tuple(out)
