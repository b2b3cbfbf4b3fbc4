"""Counts of what the catalog holds, rendered as the Markdown page docs/catalog-stats.md.

Run ``python -m legal_annot.catalog.stats > docs/catalog-stats.md`` after changing the data; a
test fails when the page no longer matches the shipped catalog.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from legal_annot.catalog import Catalog
from legal_annot.models import Kind


def render_stats(catalog: Catalog) -> str:
    """The statistics page for ``catalog``."""
    entries = catalog.entries
    by_kind = Counter(e.authority.kind for e in entries)
    by_file = Counter(Path(e.file).name for e in entries)
    lines = [
        "# Catalog statistics",
        "",
        "Generated from the shipped data by `python -m legal_annot.catalog.stats`; do not edit by hand.",
        "",
        "| kind | entries |",
        "|---|---:|",
        *(f"| {kind.value} | {by_kind[kind]} |" for kind in Kind if by_kind[kind]),
        f"| **all** | **{len(entries)}** |",
        "",
        "| file | entries |",
        "|---|---:|",
        *(f"| `{name}` | {count} |" for name, count in sorted(by_file.items())),
        "",
        "| feature | entries |",
        "|---|---:|",
        f"| with a description (found when described in words) | {sum(e.description is not None for e in entries)} |",
        f"| with statutory penalties | {sum(bool(e.authority.penalties) for e in entries)} |",
        f"| with short names | {sum(bool(e.short_names) for e in entries)} |",
        f"| with generic names (shared, ranked) | {sum(bool(e.generic_names) for e in entries)} |",
        f"| with a year | {sum(e.authority.year is not None for e in entries)} |",
        f"| generated alias spellings | {sum(len(e.aliases) for e in entries)} |",
        f"| example sentences / near-misses | {sum(len(e.examples) for e in entries)} / "
        f"{sum(len(e.near_misses) for e in entries)} |",
        "",
        *_tier_lines(),
    ]
    return "\n".join(lines)


def _tier_lines() -> list[str]:
    """The generated tiers under the curated catalog (see docs/catalog.md, "Generated tiers")."""
    from legal_annot.catalog.tiers import default_tiers

    counts = default_tiers().counts()
    by_jurisdiction = Counter(e.authority.jurisdiction for e in Catalog.default().entries)
    return [
        "## Generated tiers",
        "",
        "Built by `scripts/build_tiers.py` from public data; looked up when the curated catalog has no entry.",
        "",
        "| tier | entries | source |",
        "|---|---:|---|",
        f"| Supreme Court decisions with a U.S. Reports cite (1810–2018; volumes 2–9, 19–58 and 126 missing) | "
        f"{counts['cases']} | Supreme Court Database 2019_01 (1946–2018 terms); Library of Congress U.S. Reports "
        "records (the rest) |",
        f"| U.S. Code section headings (all titles) | {counts['sections']} | OLRC release point 119-100 |",
        f"| Acts by short title | {counts['acts']} ({counts['acts_matched']} matched as written; "
        f"{counts['acts'] - counts['acts_matched']} generic names left out) | OLRC short-title notes |",
        "",
        "| curated entries by jurisdiction | entries |",
        "|---|---:|",
        *(f"| {place} | {count} |" for place, count in sorted(by_jurisdiction.items())),
        "",
    ]


if __name__ == "__main__":  # pragma: no cover
    print(render_stats(Catalog.default()), end="")
