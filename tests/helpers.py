"""Small helpers shared by tests: a user catalog file written on the fly."""

from __future__ import annotations

import json
from pathlib import Path


def write_entry(folder: Path, ident: str, *, name: str = "Widget Act", kind: str = "statute",
                citation: str | None = "15 U.S.C. § 2051", summary: str = "A test entry. It does nothing else.",
                source: str = "https://www.law.cornell.edu/uscode/text/15/2051", extra: str = "") -> Path:
    """Write one [[authority]] entry to ``folder/<ident>.toml`` and return the path."""
    lines = ["[[authority]]", f"id = {json.dumps(ident)}", f"kind = {json.dumps(kind)}",
             f"name = {json.dumps(name)}", f"summary = {json.dumps(summary)}", f"source = {json.dumps(source)}",
             f"examples = [{json.dumps('The ' + name + ' applies.')}]"]
    if citation:
        lines.append(f"citation = {json.dumps(citation, ensure_ascii=False)}")
    path = folder / f"{ident}.toml"
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path
