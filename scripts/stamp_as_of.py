"""Give every curated catalog entry without one an ``as_of`` date: the date it was last checked.

The date is the newest commit (``git blame``) touching the lines that state the entry's facts:
its summary, source, citations, year and penalties. Entries that already have ``as_of`` (set by
hand after a recheck against the sources) are left alone, so running this again changes nothing.

    python scripts/stamp_as_of.py            # stamps legal_annot/catalog/data/authorities/*.toml
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "legal_annot" / "catalog" / "data" / "authorities"
FACT_KEYS = re.compile(r"^(summary|source|citation|parallel_citations|year|penalties|name|parties)\s*=")


def blame_dates(path: Path) -> list[str]:
    """The author date (YYYY-MM-DD) of each line of a committed file ('' for uncommitted lines)."""
    out = subprocess.run(["git", "blame", "--line-porcelain", "--", path.name], cwd=path.parent,
                         capture_output=True, text=True, check=True).stdout
    dates, current, commit_dates = [], "", {}
    for line in out.splitlines():
        if re.match(r"^[0-9a-f]{40} ", line):
            current = line.split()[0]
        elif line.startswith("author-time "):
            import datetime

            commit_dates[current] = datetime.datetime.fromtimestamp(int(line.split()[1]), datetime.UTC).date().isoformat()
        elif line.startswith("\t"):
            dates.append("" if current.startswith("0000000") else commit_dates.get(current, ""))
    return dates


def stamp(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    dates = blame_dates(path)
    starts = [i for i, line in enumerate(lines) if line.strip() == "[[authority]]"] + [len(lines)]
    inserts: list[tuple[int, str]] = []
    for start, end in zip(starts, starts[1:]):
        block = lines[start:end]
        if any(line.startswith("as_of =") for line in block):
            continue
        id_line = next(i for i in range(start, end) if lines[i].startswith("id = "))
        in_fact, fact_dates = False, []
        for i in range(start, end):
            if FACT_KEYS.match(lines[i]):
                in_fact = True
            elif re.match(r"^[a-z_]+\s*=|^\[", lines[i]):
                in_fact = False
            if in_fact and i < len(dates) and dates[i]:
                fact_dates.append(dates[i])
        if fact_dates:
            inserts.append((id_line + 1, f"as_of = {max(fact_dates)}"))
    for index, text in reversed(inserts):
        lines.insert(index, text)
    path.write_text("\n".join(lines), encoding="utf-8")
    return len(inserts)


def main() -> int:
    total = sum(stamp(path) for path in sorted(FOLDER.glob("*.toml")))
    print(f"stamped {total} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
