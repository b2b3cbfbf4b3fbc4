"""The compiled catalog: one object holds every index, it is cached on disk by content, a
worker loads it instead of receiving it, and building it is linear in the catalog's size."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from legal_annot import Annotator, Catalog
from legal_annot.catalog import cache
from legal_annot.catalog.compiled import CompiledCatalog, build, compile_catalog, compile_key
from legal_annot.catalog.schema import Description, Entry
from legal_annot.detect.roles import DESCRIPTION_ROLES, NAME_ROLES
from legal_annot.detect.term_codes import bits_at
from legal_annot.models import Authority, Kind

ROOT = Path(__file__).resolve().parent.parent
TEXT = "He was charged under 18 U.S.C. § 371 and cited the Supremacy Clause."


def _generated(n: int, start: int = 0) -> Catalog:
    """``n`` entries that all share the description term 'statute' (the shape that made
    building quadratic) and each have a name and a citation of their own."""
    return Catalog(
        Entry(authority=Authority(id=f"gen.{i}", kind=Kind.STATUTE, name=f"Gadget Rule {i}",
                                  citation=f"{i % 50 + 1} U.S.C. § {i + 1}", summary="s", source="https://example.org"),
              file="gen.toml", aliases=(f"gadget rule {i}",),
              description=Description(concepts=(("statute", "law"), ("gadget", f"sprocket{i}")), absent=("repealed",)))
        for i in range(start, start + n))


@pytest.fixture
def cache_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def test_a_second_compile_loads_the_cached_form(cache_in: Path) -> None:
    catalog = _generated(20)
    first = compile_catalog(catalog, NAME_ROLES, {})
    assert list(cache_in.glob("compiled-*.pickle"))
    second = compile_catalog(catalog, NAME_ROLES, {})
    assert second is not first and second.key == first.key and second.catalog is catalog
    assert second.name_facts == first.name_facts


def test_the_key_follows_content_roles_and_cues() -> None:
    one, same, other = _generated(5), _generated(5), _generated(5, start=1)
    assert compile_key(one, NAME_ROLES, {}) == compile_key(same, NAME_ROLES, {})
    assert compile_key(one, NAME_ROLES, {}) != compile_key(other, NAME_ROLES, {})
    assert compile_key(one, NAME_ROLES, {}) != compile_key(one, NAME_ROLES | DESCRIPTION_ROLES, {})
    assert compile_key(one, NAME_ROLES, {}) != compile_key(one, NAME_ROLES, {"this law": "anaphor"})


@pytest.mark.parametrize("setting", ["off", "0", ""])
def test_the_cache_can_be_switched_off(setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, setting)
    assert cache.cache_dir() is None
    assert not cache.store("x", 1) and cache.load("x") is None
    assert Annotator(_generated(3)).annotate("The Gadget Rule 2 applies.").annotations


def test_the_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "legal_annot"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == Path.home() / ".cache" / "legal_annot"


def test_an_unwritable_cache_falls_back_to_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    annotator = Annotator(_generated(3))
    assert [a.text for a in annotator.annotate("The Gadget Rule 1 applies.")] == ["Gadget Rule 1"]


def test_a_damaged_cache_entry_is_rebuilt(cache_in: Path) -> None:
    catalog = _generated(4)
    key = compile_catalog(catalog, NAME_ROLES, {}).key
    (cache_in / f"{key}.pickle").write_bytes(b"not a pickle")
    assert compile_catalog(catalog, NAME_ROLES, {}).name_facts.keys() == {e.id for e in catalog.entries}
    (cache_in / f"{key}.pickle").write_bytes(pickle.dumps({"some": "other object"}))
    assert isinstance(compile_catalog(catalog, NAME_ROLES, {}), CompiledCatalog)


def test_cached_and_built_annotators_agree(cache_in: Path) -> None:
    texts = [TEXT, "The Fourth Amendment and Miranda v. Arizona, 384 U.S. 436 (1966), apply.",
             "A law that bars conspiracies to defraud the United States; this law carries five years."]
    built = Annotator()
    cached = Annotator()  # the second one reads the cache written by the first
    assert list(cache_in.glob("compiled-*.pickle"))
    for text in texts:
        assert built.annotate(text) == cached.annotate(text)


def test_the_citation_index_is_built_once_and_shared() -> None:
    annotator = Annotator()
    compiled = annotator.compiled
    act_sections = next(d for d in annotator._detectors if type(d).__name__ == "ActSections")
    citations = next(d for d in annotator._detectors if getattr(d, "keywords", {}).get("index") is not None)
    assert act_sections._index is compiled.citations and citations.keywords["index"] is compiled.citations


def test_the_default_annotator_pickles_as_its_settings() -> None:
    annotator = Annotator(kinds=["statute"], stages=["names", "citations"])
    data = pickle.dumps(annotator)
    assert len(data) < 1_000
    again = pickle.loads(data)
    assert again.kinds == annotator.kinds and again.annotate(TEXT) == annotator.annotate(TEXT)


def test_a_custom_catalog_travels_with_its_annotator() -> None:
    annotator = Annotator(_generated(3))
    again = pickle.loads(pickle.dumps(annotator))
    assert again.annotate("Gadget Rule 2 applies.") == annotator.annotate("Gadget Rule 2 applies.")


def test_a_fresh_process_reads_the_cache_and_skips_eyecite(cache_in: Path) -> None:
    """A warm cache and a text without a reporter: neither the build nor eyecite is paid."""
    script = ("import sys, legal_annot\n"
              "from legal_annot.catalog import compiled\n"
              "calls = []\n"
              "real = compiled.build\n"
              "compiled.build = lambda *a, **k: calls.append(1) or real(*a, **k)\n"
              "r = legal_annot.annotate(sys.argv[1])\n"
              "print(len(calls), 'eyecite' in sys.modules, len(r))\n")
    env = {**os.environ, cache.ENV: str(cache_in), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", script, TEXT], env=env, capture_output=True, text=True,
                           check=True).stdout.split() for _ in range(2)]
    assert runs[0] == ["1", "False", "2"]  # cold: built once
    assert runs[1] == ["0", "False", "2"]  # warm: loaded


def test_eyecite_is_imported_when_a_reporter_occurs(cache_in: Path) -> None:
    script = ("import sys, legal_annot\n"
              "r = legal_annot.annotate(sys.argv[1])\n"
              "print('eyecite' in sys.modules, [a.text for a in r])\n")
    env = {**os.environ, cache.ENV: str(cache_in), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script, "See Printz v. United States, 521 U.S. 898 (1997)."],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.startswith("True") and "521 U.S. 898" in out


def test_bits_at_sets_exactly_the_bits_asked_for() -> None:
    for positions in ([], [0], [3, 70], list(range(0, 4000, 7)), [5, 5, 9]):
        expected = 0
        for p in positions:
            expected |= 1 << p
        assert bits_at(list(positions)) == expected


def test_building_compares_roles_a_linear_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted work, not time: with n entries sharing the term 'statute', the old list-membership
    check compared about n*n/2 roles; the build must compare O(n)."""
    from legal_annot.detect.roles import Role

    calls = 0
    real = Role.__eq__

    def counting(self: Role, other: object) -> bool:
        nonlocal calls
        calls += 1
        return real(self, other)

    monkeypatch.setattr(Role, "__eq__", counting)
    n = 2_000
    build(_generated(n), NAME_ROLES | DESCRIPTION_ROLES, {})
    assert calls < 10 * n


def test_old_entries_are_pruned(cache_in: Path) -> None:
    import time

    for i in range(cache.KEEP + 3):
        assert cache.store(f"compiled-{i}", i)
        time.sleep(0.01)  # distinct modification times
    kept = sorted(int(p.stem.split("-")[1]) for p in cache_in.glob("compiled-*.pickle"))
    assert kept == list(range(3, cache.KEEP + 3))
    assert cache.store("catalog-x", 1) and (cache_in / "catalog-x.pickle").exists()  # other kinds untouched
    assert cache.load("compiled-3") == 3 and cache.load("compiled-0") is None


def test_the_default_catalog_passed_explicitly_also_pickles_small() -> None:
    assert len(pickle.dumps(Annotator(Catalog.default()))) < 1_000
    assert len(pickle.dumps(Annotator(Catalog.default().extend(_generated(1))))) > 10_000
