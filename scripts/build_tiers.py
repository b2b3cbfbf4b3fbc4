"""Rebuild the generated catalog tiers in legal_annot/catalog/generated/ from public data.

Sources (fetch them first; nothing here downloads):
  --scdb   the Supreme Court Database case-centred, citation-organised CSV (e.g. release 2019_01,
           SCDB_2019_01_caseCentered_Citation.csv; Spaeth et al., http://scdb.wustl.edu/), here
           taken from the public GitHub copy vishnuyar/supreme-court-data (data/). Terms 1946-2018.
  --loc    the Library of Congress "U.S. Reports" collection item records (loc.gov JSON, one per
           case, rights "no known restrictions on use or reproduction"), either a folder of
           usrep*.json or a bare git directory of the public GitHub copy
           justin-napolitano/supreme_court_data (oyez/loc_cited/, read at HEAD). They add the
           decisions the SCDB file lacks (volumes 10-18 and 59-570 but 126: 1810-1821, 1855-2013); for a citation both
           sources have, the SCDB row (with its exact date and docket) is kept.
  --usc    the U.S. Code as per-section USLM JSON (OLRC release point, a U.S. government work),
           either a directory holding usc/<title>/<section>.json or a bare git directory of the
           public mirror TheJoshuaEvans/united-states-code (read at HEAD).

Writes three tab-separated, gzip-compressed files, each with '#' header lines naming the source,
the retrieval date and the licence:
  cases.tsv.gz     U.S. cite, usual name, caption, decision date, docket, term
  sections.tsv.gz  title, section, heading
  acts.tsv.gz      short title (as the Code's notes quote it), Pub. L., year, title, section, and whether
                   it names the whole law (its section 1) or a part of it
Run:  python scripts/build_tiers.py --scdb PATH.csv [--loc PATH] [--usc PATH] [--retrieved YYYY-MM-DD]
(without --usc the sections and Acts files are left as they are).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "legal_annot" / "catalog" / "generated"

# Words that mark a party as an organisation or a government, not a person (so its name is kept whole).
_ORG = frozenset("""UNITED STATES STATE STATES COUNTY CITY TOWN VILLAGE BOARD COMMISSION COMMISSIONER DEPARTMENT
CO. CO INC. INC CORP. CORP CORPORATION COMPANY BANK RAILWAY RAILROAD R. CO., UNION ASSOCIATION UNIVERSITY
SCHOOL DISTRICT TRUST SERVICE AUTHORITY AGENCY COURT LABOR NATIONAL AMERICAN FEDERAL INSURANCE LINES MILLS
LTD. OF THE AND & FOR COMMONWEALTH PEOPLE INDUSTRIES PRODUCTS COMMITTEE PARTY COUNCIL SYSTEM SYSTEMS
FOUNDATION CHURCH HOSPITAL TRIBE NATION INDIANS ELECTRIC POWER GAS OIL STEEL MOTOR MOTORS TELEPHONE
TELEGRAPH COMMUNICATIONS NEWS PRESS TIMES PUBLISHING BROTHERS BROS. PARTNERSHIP LLC L.L.C. L.P. INTERNATIONAL
GENERAL ATTORNEY SECRETARY DIRECTOR ADMINISTRATOR WARDEN SHERIFF GOVERNOR MAYOR CLERK EX PARTE IN RE""".split())
_STATES = frozenset("""ALABAMA ALASKA ARIZONA ARKANSAS CALIFORNIA COLORADO CONNECTICUT DELAWARE FLORIDA GEORGIA HAWAII
IDAHO ILLINOIS INDIANA IOWA KANSAS KENTUCKY LOUISIANA MAINE MARYLAND MASSACHUSETTS MICHIGAN MINNESOTA
MISSISSIPPI MISSOURI MONTANA NEBRASKA NEVADA OHIO OKLAHOMA OREGON PENNSYLVANIA TENNESSEE TEXAS UTAH VERMONT
VIRGINIA WASHINGTON WISCONSIN WYOMING""".split()) | {"NEW YORK", "NEW JERSEY", "NEW MEXICO", "NEW HAMPSHIRE",
    "NORTH CAROLINA", "SOUTH CAROLINA", "NORTH DAKOTA", "SOUTH DAKOTA", "RHODE ISLAND", "WEST VIRGINIA",
    "DISTRICT OF COLUMBIA", "PUERTO RICO"}
_SUFFIX = frozenset({"JR.", "SR.", "JR", "SR", "II", "III", "IV"})
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "by", "de", "a", "an", "ex", "rel."})


def title_case(text: str) -> str:
    """'MINNEAPOLIS & ST. LOUIS RAILWAY CO.' -> 'Minneapolis & St. Louis Railway Co.' (captions are upper case)."""
    words = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        if i and low in _SMALL:
            words.append(low)
        elif re.fullmatch(r"(?:[A-Z]\.){2,}", word):  # initials, "U.S."
            words.append(word)
        else:
            words.append(re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), low, count=0)
                         .replace("Mc", "Mc").replace("'S", "'s"))
    return " ".join(words)


def usual_party(party: str) -> str:
    """The party as a case is usually named: no 'et al.', no role after a comma, a person by surname."""
    party = re.sub(r",?\s+et\s+al\.?.*$", "", party.strip(), flags=re.I)
    company = re.search(r",\s*(?:INC|CORP|CO|LTD|L\.?L\.?C|L\.?P)\b", party.upper()) is not None
    party = party.split(",")[0].strip()
    upper = party.upper()
    tokens = upper.split()
    if upper in _STATES or not tokens:
        return title_case(party)
    if 2 <= len(tokens) <= 4 and not company and not any(t in _ORG for t in tokens):
        while len(tokens) > 1 and tokens[-1] in _SUFFIX:
            tokens.pop()
        if len(tokens[-1].rstrip(".")) > 1:
            return title_case(party.split()[len(tokens) - 1])
    return title_case(party)


def usual_name(caption: str) -> str:
    if " v. " not in caption:
        return title_case(caption.split(",")[0])
    first, second = caption.split(" v. ", 1)
    return f"{usual_party(first)} v. {usual_party(second)}"


def _cite_order(row: tuple[str, ...]) -> tuple[int, int]:
    volume, page = row[0].split()[0], row[0].split()[-1]
    return int(volume), int(page) if page.isdigit() else 0


def read_cases(path: Path) -> list[tuple[str, ...]]:
    rows = []
    with open(path, encoding="latin-1", newline="") as handle:
        for row in csv.DictReader(handle):
            cite = row["usCite"].strip()
            if not cite or " U.S. " not in cite:
                continue
            month, day, year = (int(x) for x in row["dateDecision"].split("/"))
            caption = " ".join(row["caseName"].split())
            rows.append((cite, usual_name(caption), caption, f"{year:04d}-{month:02d}-{day:02d}",
                         row["docket"].strip(), row["term"].strip()))
    rows.sort(key=_cite_order)
    return list({r[0]: r for r in rows}.values())


_LOC_TITLE = re.compile(r"^U\.S\. Reports:\s*(.+?),\s*(\d+)\s+U\.S\.\s*(?:\([^)]*\)\s*)?(\d+)\s*\((\d{4})\)\.?\s*$")
_LOC_CASE = re.compile(r" v\. |^(?:Ex parte|In re|The) ")  # not "Index", "Orders", "Appendix"...
_ET_AL = re.compile(r",?\s+et\.?\s+(?:al|ux|vir|uxor)\.?,?(?=\s|$)")
_STATE_OF = re.compile(r"(?:^|(?<= v\. ))(?:State|Commonwealth) of (?=[A-Z])")  # "Bailey v. State of Alabama" is "Bailey v. Alabama"
_LOC_TERM = re.compile(r"\bTerm,?\s+(\d{4})")


def _git_json(source: Path, folder: str) -> Iterator[tuple[str, dict]]:
    """(file name, parsed JSON) for every .json file under ``folder`` at HEAD of a bare git directory."""
    names = subprocess.run(["git", f"--git-dir={source}", "ls-tree", "-r", "--name-only", "HEAD", folder],
                           capture_output=True, text=True, check=True).stdout.split()
    proc = subprocess.Popen(["git", f"--git-dir={source}", "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    for name in (n for n in names if n.endswith(".json")):
        proc.stdin.write(f"HEAD:{name}\n".encode())
        proc.stdin.flush()
        size = int(proc.stdout.readline().split()[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        yield name, json.loads(data)
    proc.stdin.close()
    proc.wait()


def read_loc(source: Path) -> list[tuple[str, ...]]:
    """Decisions from Library of Congress U.S. Reports records: the record's title gives the usual
    name, the citation and the decision year ("U.S. Reports: Strauder v. West Virginia, 100 U.S. 303
    (1880)."); its description gives the full title and the term. Front matter is skipped."""
    if source.is_dir() and not (source / "HEAD").exists():
        records = ((p.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(source.glob("usrep*.json")))
    else:
        records = _git_json(source, "oyez/loc_cited")
    rows = []
    for _, record in records:
        item = record.get("item", {})
        match = _LOC_TITLE.match(item.get("title") or record.get("title") or "")
        if not match or not _LOC_CASE.search(match[1]):
            continue
        name, volume, page, year = match.groups()
        if int(year) < 1791:  # Dallas's first volume and early pages report Pennsylvania courts
            continue
        name = _STATE_OF.sub("", _ET_AL.sub("", name).replace(" , ", ", ").strip(" ,"))
        notes = " ".join(item.get("notes") or []).removeprefix("Description: ")
        parts = [p.strip() for p in notes.split(";")]
        term = next((m[1] for p in parts if (m := _LOC_TERM.search(p))), "")
        caption = "; ".join(p for p in parts if not p.startswith(("U.S. Reports", "Dallas", "Cranch", "Wheaton",
                                                                  "Peters", "Howard", "Black", "Wallace"))
                            and not _LOC_TERM.search(p)) or name
        if len(caption) > 200:
            caption = caption[:199].rsplit(" ", 1)[0] + "…"
        rows.append((f"{int(volume)} U.S. {int(page)}", " ".join(name.split()), caption, year, "", term))
    return rows


def merge_cases(scdb: list[tuple[str, ...]], loc: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """SCDB rows, then every LOC row whose citation the SCDB lacks (several decisions may share a
    first page; each distinct name is kept), in U.S. Reports order."""
    have = {row[0] for row in scdb}
    seen: set[tuple[str, str]] = set()
    rows = list(scdb)
    for row in loc:
        if row[0] not in have and (row[0], row[1]) not in seen:
            seen.add((row[0], row[1]))
            rows.append(row)
    rows.sort(key=_cite_order)
    return rows


def _text(node: dict) -> str:
    parts = [node.get("text") or ""]
    for child in node.get("children", []):
        parts.append(_text(child))
        parts.append(child.get("tail") or "")
    return "".join(parts)


def _find(node: dict, predicate) -> Iterator[dict]:
    if predicate(node):
        yield node
    for child in node.get("children", []):
        yield from _find(child, predicate)


def iter_usc(source: Path) -> Iterator[tuple[str, str, dict]]:
    """(title, section, parsed JSON) for every section file."""
    if (source / "usc").is_dir():
        for path in sorted((source / "usc").glob("*/*.json")):
            yield path.parent.name, path.stem, json.loads(path.read_text(encoding="utf-8"))
        return
    names = subprocess.run(["git", f"--git-dir={source}", "ls-tree", "-r", "--name-only", "HEAD", "usc"],
                           capture_output=True, text=True, check=True).stdout.split()
    names = [n for n in names if n.endswith(".json") and n.count("/") == 2]
    proc = subprocess.Popen(["git", f"--git-dir={source}", "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    for name in names:
        proc.stdin.write(f"HEAD:{name}\n".encode())
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        size = int(header[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        _, title, file = name.split("/")
        yield title, file[:-5], json.loads(data)
    proc.stdin.close()
    proc.wait()


_QUOTED = re.compile(r"[“‘\"]([^“”‘’\"]{4,160})[”’\"]")
_ACT_NAME = re.compile(r"^[A-Z0-9][\w'’.,&()\- ]*\bAct(?: of \d{4})?$")
_PUB_L = re.compile(r"Pub\.\s*L\.\s*(\d{1,3})[–-](\d{1,4})")
_YEAR = re.compile(r"\b(1[789]\d\d|20\d\d)\b")


def read_usc(source: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    sections, acts = [], {}
    for title, number, tree in iter_usc(source):
        if tree.get("tag") != "section":
            continue
        heading = next((" ".join(_text(c).split()) for c in tree.get("children", []) if c.get("tag") == "heading"), "")
        sections.append((title, number, heading.rstrip(".")))
        for note in _find(tree, lambda n: n.get("tag") == "note"
                          and n.get("attrib", {}).get("topic") in ("shortTitle", "shortTitleOfAmendment")):
            for para in _find(note, lambda n: n.get("tag") == "p"):
                text = " ".join(_text(para).split())
                pub = _PUB_L.search(text)
                href = next((r.get("attrib", {}).get("href", "") for r in _find(para, lambda n: n.get("tag") == "ref")), "")
                # The short title of a whole law sits in its section 1; any other is a part's title.
                whole = "1" if re.fullmatch(r"/us/pl/\d+/\d+/s1(?:/\w+)?", href) else "0"
                for quoted in _QUOTED.findall(text):
                    name = quoted.strip().rstrip(".,")
                    if not _ACT_NAME.match(name) or len(name.split()) > 14:
                        continue
                    year = _YEAR.search(name) or _YEAR.search(text)
                    key = name.casefold()
                    # The note at the Act's own section comes first in the Code's order; keep the first.
                    acts.setdefault(key, (name, f"Pub. L. {pub.group(1)}-{pub.group(2)}" if pub else "",
                                          year.group(1) if year else "", title, number, whole))
    return sections, sorted(acts.values(), key=lambda r: r[0].casefold())


def write(name: str, header: list[str], columns: list[str], rows: list[tuple[str, ...]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    lines = [f"# {line}" for line in header] + ["\t".join(columns)]
    lines += ["\t".join(field.replace("\t", " ") for field in row) for row in rows]
    with gzip.GzipFile(OUT / name, "wb", compresslevel=9, mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{name}: {len(rows)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scdb", type=Path, required=True)
    parser.add_argument("--loc", type=Path, help="Library of Congress U.S. Reports records (see above)")
    parser.add_argument("--usc", type=Path, help="U.S. Code JSON; without it sections/acts are kept")
    parser.add_argument("--release", default="119-100", help="the OLRC release point of --usc")
    parser.add_argument("--retrieved", default=datetime.date.today().isoformat())
    args = parser.parse_args()
    cases = read_cases(args.scdb)
    header = [
        f"Source: The Supreme Court Database, {args.scdb.name} (Harold J. Spaeth et al., http://scdb.wustl.edu/),",
        "  via the public GitHub copy vishnuyar/supreme-court-data (data/); terms 1946-2018; dates exact, with dockets.",
        "  Licence: case names, citations, dates and dockets are facts; SCDB asks to be cited as its source.",
        "  'name' is derived from the caption by scripts/build_tiers.py."]
    if args.loc:
        cases = merge_cases(cases, read_loc(args.loc))
        header += [
            "Source (citations the SCDB file lacks): Library of Congress, U.S. Reports collection item records",
            "  (https://www.loc.gov/collections/united-states-reports/), via the public GitHub copy",
            "  justin-napolitano/supreme_court_data (oyez/loc_cited/): volumes 10-18 and 59-570 (not 126); 'date' is the year",
            "  in the record's citation, 'caption' its description, 'term' its term. Licence: LOC marks each record",
            "  'no known restrictions on use or reproduction'; U.S. Reports are a U.S. government work."]
    write("cases.tsv.gz", header + [f"Retrieved: {args.retrieved}."],
          ["us_cite", "name", "caption", "date", "docket", "term"], cases)
    if args.usc is None:
        return
    sections, acts = read_usc(args.usc)
    header = [f"Source: United States Code, OLRC release point {args.release} (https://uscode.house.gov/),",
              "  via the public GitHub mirror TheJoshuaEvans/united-states-code (usc/<title>/<section>.json).",
              f"Retrieved: {args.retrieved}. Licence: a work of the U.S. government, not subject to copyright (17 U.S.C. 105)."]
    write("sections.tsv.gz", header, ["title", "section", "heading"], sections)
    write("acts.tsv.gz", header + ["Acts: short titles quoted in the Code's 'Short Title' notes."],
          ["name", "pub_law", "year", "title", "section", "whole_law"], acts)


if __name__ == "__main__":
    main()
