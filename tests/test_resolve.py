"""The overlap policy, checked against a plain restatement of it on random mentions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from legal_annot.document import Mention
from legal_annot.models import Kind
from legal_annot.resolve import _priority, add_without_crossing, select_non_overlapping


@st.composite
def mentions(draw: st.DrawFn, how: list[str]) -> list[Mention]:
    out = []
    for _ in range(draw(st.integers(0, 25))):
        start = draw(st.integers(0, 200))
        end = start + draw(st.integers(1, 30))
        out.append(Mention(start, end, Kind.STATUTE, draw(st.sampled_from(how)), ("x",),
                           (draw(st.sampled_from([0.5, 0.7, 0.9])),), folded_start=start, folded_end=end))
    return out


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def inside_description(new: Mention, other: Mention) -> bool:
    return other.how == "description" and other.start <= new.start and new.end <= other.end


@given(mentions(["name", "citation", "description"]), mentions(["anaphora", "penalty"]))
def test_linker_mentions_are_merged_as_the_policy_says(found: list[Mention], linked: list[Mention]) -> None:
    chosen = select_non_overlapping(found)
    expected_added: list[Mention] = []
    for new in sorted(linked, key=_priority):
        if any(overlaps(new, c) and not inside_description(new, c) for c in chosen):
            continue
        if any(overlaps(new, a) for a in expected_added):
            continue
        expected_added.append(new)
    merged = add_without_crossing(chosen, linked)
    assert sorted(merged, key=lambda m: (m.start, -m.end)) == merged
    assert sorted(map(id, merged)) == sorted(map(id, [*chosen, *expected_added]))


@given(mentions(["name", "citation", "description"]))
def test_chosen_mentions_never_overlap_except_inside_descriptions(found: list[Mention]) -> None:
    chosen = select_non_overlapping(found)
    assert chosen == sorted(chosen, key=lambda m: (m.start, -m.end))
    direct = [m for m in chosen if m.how != "description"]
    assert not any(overlaps(a, b) for i, a in enumerate(direct) for b in direct[i + 1:])
