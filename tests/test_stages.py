"""Stages are declared once, as records in one ordered list, and a caller adds their own the same way."""

from __future__ import annotations

import pickle

import attrs
import pytest

from legal_annot import Annotator, Kind
from legal_annot.catalog.compiled import CompiledCatalog
from legal_annot.document import Document, Mention
from legal_annot.stages import BUILTIN_STAGE_NAMES, BUILTIN_STAGES, Stage, choose_stages

TEXT = "Under 18 U.S.C. § 371 the widget clause applies; this law is old."


def widget_clause(compiled: CompiledCatalog):  # a module-level factory, so the Annotator pickles
    def detect(doc: Document) -> list[Mention]:
        start = doc.text.find("widget clause")
        return [] if start < 0 else [Mention(start, start + 13, Kind.DOCTRINE, "name", scores=(0.5,),
                                             note=f"catalog of {len(compiled.catalog)}")]
    return detect


def cue_counter(compiled: CompiledCatalog):
    return lambda doc: [Mention(h.start, h.end, Kind.DOCTRINE, "name", scores=(0.4,)) for h in doc.cue_hits("own")]


def test_one_ordered_list_declares_every_stage() -> None:
    assert BUILTIN_STAGE_NAMES == ("names", "act_sections", "citations", "cases", "case_names", "descriptions",
                                   "state_citations", "tiers", "anaphora", "case_short_forms", "penalties")
    kinds = [s.kind for s in BUILTIN_STAGES]
    assert kinds == sorted(kinds)  # detectors first, then linkers
    assert {s.name for s in BUILTIN_STAGES if s.cues} == {"citations", "case_names", "anaphora", "penalties"}


def test_a_callers_stage_runs_beside_the_builtin_ones() -> None:
    own = Stage("widget", widget_clause, "detector")
    result = Annotator(stages=[*BUILTIN_STAGE_NAMES, own]).annotate(TEXT)
    texts = [a.text for a in result]
    assert "widget clause" in texts and "18 U.S.C. § 371" in texts
    assert "widget clause" not in [a.text for a in Annotator().annotate(TEXT)]


def test_a_callers_stage_can_add_cue_phrases_to_the_shared_scan() -> None:
    own = Stage("cue_counter", cue_counter, "detector", cues={"widget": "own"})
    assert [a.text for a in Annotator(stages=[own]).annotate(TEXT)] == ["widget"]


def test_an_annotator_with_its_own_stage_pickles() -> None:
    annotator = Annotator(stages=["citations", Stage("widget", widget_clause, "detector")])
    again = pickle.loads(pickle.dumps(annotator))
    assert again.annotate(TEXT) == annotator.annotate(TEXT)


@pytest.mark.parametrize(("stages", "error"), [
    (["nope"], ValueError), ([3], TypeError), (["names", Stage("names", widget_clause, "detector")], ValueError),
])
def test_bad_stage_choices_are_refused(stages: list[object], error: type[Exception]) -> None:
    with pytest.raises(error):
        choose_stages(stages)  # type: ignore[arg-type]


@pytest.mark.parametrize("fields", [
    {"name": "Bad Name", "factory": widget_clause, "kind": "detector"},
    {"name": "ok", "factory": "not callable", "kind": "detector"},
    {"name": "ok", "factory": widget_clause, "kind": "filter"},
])
def test_a_stage_record_validates_its_fields(fields: dict[str, object]) -> None:
    with pytest.raises((TypeError, ValueError)):
        Stage(**fields)  # type: ignore[arg-type]


def test_stage_order_is_the_declared_order_whatever_the_order_asked() -> None:
    assert [s.name for s in choose_stages(["penalties", "names"])] == ["names", "penalties"]


def test_records_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        BUILTIN_STAGES[0].name = "x"  # type: ignore[misc]


def test_annotating_fills_no_cache() -> None:
    """The Annotator is documented as immutable: annotating leaves every stage's state as it was."""
    annotator = Annotator()
    before = [dict(vars(s)) if hasattr(s, "__dict__") else None for s in annotator._detectors]
    annotator.annotate(TEXT + " The Supremacy Clause and RICO, and Roe.")
    after = [dict(vars(s)) if hasattr(s, "__dict__") else None for s in annotator._detectors]
    assert before == after


def test_matched_by_is_an_enum_equal_to_the_old_strings() -> None:
    import json

    from legal_annot import MatchedBy

    assert {m.value for m in MatchedBy} == {"name", "short_name", "cued_short_name", "generic", "citation",
                                           "description", "case_name", "anaphora", "penalty"}
    result = Annotator().annotate("Under 18 U.S.C. § 371, this law carries up to five years in prison.")
    assert all(isinstance(a.matched_by, MatchedBy) for a in result)
    assert {a.matched_by for a in result} >= {"citation", "anaphora", "penalty"}
    assert [d["matched_by"] for d in json.loads(result.to_json())["annotations"]] == [str(a.matched_by) for a in result]
    with pytest.raises(ValueError):
        Mention(0, 1, Kind.STATUTE, "guessed")


def test_confidences_come_from_one_table() -> None:
    from legal_annot import confidence
    from legal_annot.detect import act_sections, anaphora, case_citations, cases, statutes
    from legal_annot.resolve import DIRECT

    assert (DIRECT, statutes.CONFIDENCE, anaphora.CONFIDENCE, act_sections.CONFIDENCE, cases.NAME_ONLY,
            case_citations.FULL) == (confidence.NAME, confidence.CITATION, confidence.ANAPHORA,
                                     confidence.ACT_SECTION, confidence.CASE_NAME_ONLY, confidence.CASE_CITATION)
