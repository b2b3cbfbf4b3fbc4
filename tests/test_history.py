"""Catalog history and status: the state rule on dates before, between and after events, load-time
checks, layering a user's newer events, and the status every output carries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import legal_annot
from legal_annot import Annotator, Catalog, CatalogError, HistoryEvent
from legal_annot.catalog.history import state_on, status_of
from legal_annot.cli import main

EO = "The lawsuit challenged Executive Order 14160 in federal court."


def ev(day: str, kind: str, by: str = "Some v. Body", court: str = "") -> HistoryEvent:
    return HistoryEvent(date=date.fromisoformat(day), kind=kind, by=by, court=court)


@pytest.mark.parametrize(("day", "expected"), [
    ("2020-01-01", "not yet in force"),   # before it was enacted
    ("2020-03-01", "in force"),
    ("2020-06-01", "enjoined"),           # between the injunction and the stay
    ("2020-09-01", "in force"),           # the stay lifted the injunction
    ("2021-02-01", "struck down"),        # the Supreme Court ended it
    ("2030-01-01", "struck down"),        # and nothing later revives it
])
def test_state_follows_the_history(day: str, expected: str) -> None:
    history = [ev("2020-02-01", "enacted"), ev("2020-05-01", "enjoined", court="a district court"),
               ev("2020-08-01", "stayed"), ev("2021-01-01", "struck down"), ev("2022-01-01", "stayed")]
    assert state_on(history, date.fromisoformat(day))[0] == expected


def test_lower_court_strikes_block_but_do_not_end() -> None:
    history = [ev("2020-01-01", "struck down", court="the Ninth Circuit"), ev("2020-06-01", "upheld")]
    assert state_on(history, date(2020, 2, 1))[0] == "held unlawful by a lower court"
    assert state_on(history, date(2020, 7, 1))[0] == "in force"


def test_narrowed_keeps_in_force_with_a_note_and_a_stay_of_the_law_itself_blocks_it() -> None:
    state, notes = state_on([ev("2020-01-01", "narrowed")], date(2021, 1, 1))
    assert state == "in force" and notes and "narrowed" in notes[0]
    assert state_on([ev("2020-01-01", "stayed")], date(2021, 1, 1))[0] == "stayed"
    assert state_on([ev("2020-01-01", "effective", by="")], date(2019, 1, 1))[0] == "not yet in force"


def test_executive_order_14160_then_and_now() -> None:
    early = legal_annot.annotate(EO, as_of=date(2025, 2, 1))[0].status
    late = legal_annot.annotate(EO, as_of=date(2026, 12, 1))[0].status
    assert early is not None and late is not None
    assert early.then == "enjoined" and early.now == "struck down" and early.changed
    assert "June 30, 2026" in early.message and "Trump v. Barbara" in early.message
    assert [e.kind for e in early.events][-1] == "struck down"
    assert late.then == late.now == "struck down" and not late.events and not late.changed
    summer = legal_annot.annotate(EO, as_of="2025-06-28")[0].status  # after Trump v. CASA's stay
    assert summer is not None and summer.then == "in force"


def test_roe_today_is_overruled_by_dobbs() -> None:
    status = legal_annot.annotate("Roe v. Wade was decided in 1973.")[0].status
    assert status is not None and status.now == "overruled"
    assert "Dobbs" in status.message and "2022" in status.message


def test_an_authority_without_history_has_no_status_and_acting_entries_link_back() -> None:
    assert legal_annot.annotate("The Supremacy Clause applies.")[0].status is None
    catalog = Catalog.default()
    assert "case.roe-v-wade" in catalog["case.dobbs-v-jackson-womens-health"].related
    assert "eo.14160" in catalog["case.trump-v-casa"].related


def test_every_curated_entry_records_as_of() -> None:
    assert all(authority.as_of is not None for authority in Catalog.default())


ENTRY = '''
[[authority]]
id = "user.rule"
as_of = 2026-01-10
kind = "statute"
name = "Widget Safety Rule"
citation = "15 U.S.C. § 2051"
summary = "A user's own entry. It proves that history loads."
source = "https://www.law.cornell.edu/uscode/text/15/2051"
examples = ["The Widget Safety Rule applies."]

[[authority.history]]
date = 2025-03-01
kind = "enjoined"
by = "Widgets Inc. v. Agency"
court = "a district court"

[[authority.history]]
date = 2025-09-01
kind = "repealed"
by = "case.roe-v-wade"
'''


def load(tmp_path: Path, body: str) -> Catalog:
    path = tmp_path / "user.toml"
    path.write_text(body, encoding="utf-8")
    return Catalog.default().extend(Catalog.from_files([path]))


def test_a_user_entry_with_history_loads(tmp_path: Path) -> None:
    authority = load(tmp_path, ENTRY)["user.rule"]
    assert [e.kind for e in authority.history] == ["enjoined", "repealed"]
    assert authority.history[1].by_name == "Roe v. Wade (1973)"
    assert status_of(authority, date(2025, 4, 1), date(2026, 1, 1)).then == "enjoined"


@pytest.mark.parametrize(("edit", "message"), [
    (lambda s: s.replace("date = 2025-09-01", "date = 2025-01-01"), "date order"),
    (lambda s: s.replace('kind = "repealed"', 'kind = "rescinded"'), "is not one of"),
    (lambda s: s.replace('by = "case.roe-v-wade"', 'by = "case.no-such-case"'), "unknown id"),
    (lambda s: s.replace('by = "case.roe-v-wade"\n', ''), "needs 'by'"),
    (lambda s: s.replace("date = 2025-09-01", 'date = "September 2025"'), "not a date"),
    (lambda s: s.replace("as_of = 2026-01-10", "as_of = 2025-05-01"), "after as_of"),
    (lambda s: s.replace('court = "a district court"', 'court = "x"\nwhen = 1'), "unknown keys"),
])
def test_bad_history_names_file_entry_and_field(tmp_path: Path, edit, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CatalogError, match=message) as info:
        load(tmp_path, edit(ENTRY))
    assert info.value.entry == "user.rule" and info.value.field == "history"


UPDATE = '''
[[update]]
id = "usc.18.371"
as_of = 2027-01-05
pending = true

[[update.history]]
date = 2027-01-04
kind = "amended"
by = "An Imaginary Act of 2027"
note = "an invented event for this test"
'''


def test_a_user_update_adds_history_without_replacing_the_entry(tmp_path: Path) -> None:
    shipped = Catalog.default()["usc.18.371"]
    updated = load(tmp_path, UPDATE)["usc.18.371"]
    assert updated.summary == shipped.summary and updated.penalties == shipped.penalties
    assert updated.history[-1].kind == "amended" and updated.as_of == date(2027, 1, 5) and updated.pending
    with pytest.raises(CatalogError, match="in no catalog layer"):
        load(tmp_path, UPDATE.replace("usc.18.371", "usc.99.1"))


def test_outputs_carry_the_status() -> None:
    result = Annotator().annotate(EO, as_of=date(2025, 2, 1))
    html = result.to_html()
    assert "legal-annot--status-changed" in html and 'data-status="struck down"' in html
    assert "Status: Enjoined when written" in html
    assert "legal-annot--not-in-force" in legal_annot.annotate("Roe v. Wade").to_html()
    assert "Trump v. Barbara" in result.to_markdown()
    data = result.to_dict()
    assert data["annotations"][0]["status"]["then"] == "enjoined"
    assert data["annotations"][0]["authority"]["history"][0]["date"] == "2025-01-20"
    assert type(result).from_json(result.to_json()) == result
    bodies = result.to_web_annotations()[0]["body"]
    assert any(b.get("purpose") == "assessing" and "struck down" in b["value"] for b in bodies)
    assert "Trump v. Barbara" in legal_annot.annotate_html(f"<p>{EO}</p>", as_of="2025-02-01")
    assert "struck down" in legal_annot.annotate_markdown(EO, as_of=date(2025, 2, 1))
    many = list(legal_annot.annotate_many([EO, "Roe v. Wade"], as_of=date(2025, 2, 1)))
    assert many[0][0].status.then == "enjoined" and many[1][0].status.then == "overruled"


def test_schema_lists_the_new_fields() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parent.parent / "docs/schema/result-v1.schema.json").read_text())
    jsonschema.validate(legal_annot.annotate(EO, as_of="2025-02-01").to_dict(), schema)


def test_bad_as_of_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        legal_annot.annotate(EO, as_of="next Tuesday")
    with pytest.raises(TypeError, match="as_of"):
        legal_annot.annotate(EO, as_of=20250201)  # type: ignore[arg-type]


def test_cli_as_of_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(EO, encoding="utf-8")
    assert main([str(path), "--as-of", "2025-02-01", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["annotations"][0]["status"]["then"] == "enjoined"
    assert main([str(path), "--as-of", "2026-12-01"]) == 0
    assert "status: Struck down" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main([str(path), "--as-of", "February 1"])


def test_catalog_stale_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "stale", "--today", "2027-01-01", "--older-than", "30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(int(line.split()[1].rstrip("d")) >= 30 for line in lines)
    assert main(["catalog", "stale"]) == 0
    assert " pending " in capsys.readouterr().out.splitlines()[0]  # pending litigation comes first
    assert main(["catalog", "show", "eo.14160"]) == 0
    out = capsys.readouterr().out
    assert "2026-06-30  struck down" in out and "history:" in out
    assert main(["catalog", "show", "case.dobbs-v-jackson-womens-health"]) == 0
    assert "overruled case.roe-v-wade" in capsys.readouterr().out
    assert main(["catalog", "show", "no.such.id"]) == 1


def test_justia_links_follow_a_checked_docket_source() -> None:
    catalog = Catalog.default()
    casa = [link.url for link in catalog["case.trump-v-casa"].links if "justia" in link.url]
    assert casa == ["https://supreme.justia.com/cases/federal/us/606/24a884/"]
    roe = [link.url for link in catalog["case.roe-v-wade"].links if "justia" in link.url]
    assert roe == ["https://supreme.justia.com/cases/federal/us/410/113/"]  # old volumes keep page URLs
