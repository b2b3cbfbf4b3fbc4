"""The Pandoc filter, run by a real pandoc binary: Markdown to HTML and to DOCX."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import html5lib
import pytest

from legal_annot.pandoc_filter import annotate_document

ROOT = Path(__file__).parent.parent
PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(PANDOC is None and os.environ.get("CI") != "true",
                                  reason="pandoc is not installed (.ci/run installs it)")

DOCUMENT = """---
title: Printz v. United States in the county
---

# Why the Supremacy Clause came up

The sheriff cited *Printz* v. United States and the **Supremacy** Clause.[^1] The filing quoted
`Supremacy Clause` and [the Supremacy Clause](https://example.org/clause) as written.
Later, Printz came up again, along with the anti-commandeering doctrine.

[^1]: The county also relied on the Tenth Amendment.

| reference | where |
|---|---|
| Supremacy Clause | art. VI |

```
Printz v. United States in a code block
```
"""


@pytest.fixture()
def filter_command(tmp_path: Path) -> str:
    """An executable that runs this checkout's filter (the console script runs the installed copy)."""
    script = tmp_path / "legal-annot-pandoc"
    script.write_text(f"#!/bin/sh\nPYTHONPATH={ROOT} exec {sys.executable} -m legal_annot.pandoc_filter \"$@\"\n")
    script.chmod(0o755)
    return str(script)


def pandoc(*args: str, stdin: str = DOCUMENT) -> bytes:
    assert PANDOC is not None, "pandoc is required under CI=true"
    return subprocess.run([PANDOC, "-f", "markdown", "--wrap=none", *args], input=stdin.encode(), capture_output=True,
                          check=True, timeout=120).stdout


@needs_pandoc
def test_markdown_to_html(filter_command: str) -> None:
    html = pandoc("-t", "html5", "-s", "--filter", filter_command).decode()
    html5lib.parse(html)
    links = html.count('class="legal-annot ')
    assert links == 7, html  # heading, case, clause, 'Printz' again, doctrine span, footnote, table
    assert '<title>Printz v. United States in the county</title>' in html  # front matter untouched
    assert 'class="legal-annot legal-annot--case"' in html and "><em>Printz</em> v. United States</a>" in html
    assert "><strong>Supremacy</strong> Clause</a>" in html
    assert "<code>Supremacy Clause</code>" in html and '<a href="https://example.org/clause">the Supremacy Clause</a>' in html
    assert "<code>Printz v. United States in a code block</code>" in html
    assert '<span class="legal-annot legal-annot--doctrine"' in html  # no link: a span with the explanation
    assert 'data-authority="const.amend10"' in html.split('role="doc-endnotes"')[1]  # inside the footnote
    assert '<td><a href="https://constitution.congress.gov/browse/article-6/clause-2/"' in html


@needs_pandoc
def test_running_twice_adds_nothing(filter_command: str) -> None:
    once = pandoc("-t", "html5", "--filter", filter_command)
    assert pandoc("-t", "html5", "--filter", filter_command, "--filter", filter_command) == once


@needs_pandoc
def test_markdown_to_docx(filter_command: str, tmp_path: Path) -> None:
    target = tmp_path / "story.docx"
    pandoc("--filter", filter_command, "-o", str(target))
    with zipfile.ZipFile(target) as docx:
        relations = docx.read("word/_rels/document.xml.rels").decode()
        body = docx.read("word/document.xml").decode()
    assert 'Target="https://www.courtlistener.com/c/U.S./521/898/"' in relations
    assert 'Target="https://constitution.congress.gov/browse/amendment-10/"' in relations
    assert body.count("<w:hyperlink") >= 5


@needs_pandoc
def test_options_from_metadata(filter_command: str) -> None:
    html = pandoc("-t", "html5", "--filter", filter_command, "-M", "legal-annot-kinds=case, doctrine",
                  "-M", "legal-annot-prefer-links=justia").decode()
    assert "legal-annot--constitution" not in html and "legal-annot--doctrine" in html
    assert 'href="https://supreme.justia.com/' in html
    bad = subprocess.run([PANDOC, "-f", "markdown", "-t", "html5", "--filter", filter_command, "-M",
                          "legal-annot-kinds=treaty"], input=b"x", capture_output=True, timeout=120)
    assert bad.returncode != 0 and b"unknown kind" in bad.stderr
    late = subprocess.run([PANDOC, "-f", "markdown", "-t", "html5", "--filter", filter_command, "-M",
                           "legal-annot-as-of=soon"], input=b"x", capture_output=True, timeout=120)
    assert late.returncode != 0 and b"legal-annot-as-of" in late.stderr


def test_the_filter_on_a_hand_made_tree(annotator) -> None:
    """Edges inside words and a reference that only partly covers emphasis (no pandoc needed)."""
    def words(text: str) -> list[dict]:
        out: list[dict] = []
        for i, word in enumerate(text.split(" ")):
            out += ([{"t": "Space"}] if i else []) + [{"t": "Str", "c": word}]
        return out

    partial = [{"t": "Emph", "c": words("see Printz v.")}, {"t": "Space"}, *words("United States, (Supremacy Clause).")]
    document = {"pandoc-api-version": [1, 22], "meta": {}, "blocks": [{"t": "Para", "c": partial}]}
    inlines = annotate_document(json.loads(json.dumps(document)), annotator.annotate)["blocks"][0]["c"]
    kinds = [node["t"] for node in inlines]
    assert kinds.count("Link") == 1 and inlines[0]["t"] == "Emph"  # the case name half in emphasis is not split
    link = next(node for node in inlines if node["t"] == "Link")
    assert link["c"][1] == [*words("Supremacy Clause")] and inlines[kinds.index("Link") - 1] == {"t": "Str", "c": "("}
    assert inlines[kinds.index("Link") + 1] == {"t": "Str", "c": ")."}
