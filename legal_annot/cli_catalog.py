"""``legal-annot catalog ...``: commands about catalog files.

:data:`COMMANDS` maps a name to "module:function" (imported lazily); each function takes the
remaining arguments and returns an exit code, so a new command is one line here. Other
arguments go to :data:`OTHERS` (the upkeep commands ``stale`` and ``show``).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from legal_annot.annotator import Annotator
from legal_annot.catalog import Catalog
from legal_annot.errors import LegalAnnotError

COMMANDS: dict[str, str] = {
    "check": "legal_annot.cli_catalog:check",
}


def _ids(annotation) -> set[str]:  # type: ignore[no-untyped-def]
    found = {c.id for c in annotation.candidates}
    if annotation.authority is not None:
        found.add(annotation.authority.id)
    return found


def check(argv: Sequence[str]) -> int:
    """Load catalog files over the default catalog and run each entry's examples and near-misses."""
    parser = argparse.ArgumentParser(
        prog="legal-annot catalog check",
        description="Load catalog files over the default catalog, then check that every entry's examples "
                    "find it and its near-misses do not. Exit 0 when all pass, 1 when some fail, 2 when a "
                    "file does not load.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    args = parser.parse_args(list(argv))
    try:
        from legal_annot.cli import load_catalog

        own = Catalog.from_files(args.files)
        annotator = Annotator(load_catalog(args.files))
    except (LegalAnnotError, ValueError) as exc:
        print(f"legal-annot: {exc}", file=sys.stderr)
        return 2
    failed = passed = 0
    for entry in own.entries:
        for sentence, should_find in [(s, True) for s in entry.examples] + [(s, False) for s in entry.near_misses]:
            found = [a.text for a in annotator.annotate(sentence) if entry.id in _ids(a)]
            if bool(found) == should_find:
                passed += 1
                if not args.quiet:
                    print(f"ok    {entry.id}: {'example' if should_find else 'near-miss'} {sentence!r}")
                continue
            failed += 1
            what = "example does not find it" if should_find else f"near-miss finds it in {found}"
            print(f"FAIL  {entry.id} ({entry.file}): {what}: {sentence!r}")
    print(f"{len(own.entries)} entries: {passed} checks passed, {failed} failed")
    return 1 if failed else 0


# Everything else (stale, show, --catalog before them, -h) goes to the catalog upkeep commands.
OTHERS = "legal_annot.catalog_commands:main"


def main(argv: Sequence[str]) -> int:
    if argv and argv[0] in COMMANDS:
        module, _, function = COMMANDS[argv[0]].partition(":")
        return getattr(importlib.import_module(module), function)(argv[1:])
    if not argv or argv[0] in ("-h", "--help"):
        print("legal-annot catalog check FILE ...: run your catalog files' examples and near-misses "
              "(see 'legal-annot catalog check -h')\n")
    module, _, function = OTHERS.partition(":")
    try:
        return getattr(importlib.import_module(module), function)(list(argv))
    except SystemExit as exc:  # argparse's usage errors and -h
        return exc.code if isinstance(exc.code, int) else 2
