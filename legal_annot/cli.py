"""The legal-annot command: annotate files, stdin, or the bundled example article."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from legal_annot.annotator import Annotator
from legal_annot.catalog import Catalog
from legal_annot.errors import LegalAnnotError
from legal_annot.examples import example_article
from legal_annot.models import Kind
from legal_annot.render.text import render_text

EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="legal-annot", description="Find references to U.S. law in text and explain them.")
    parser.add_argument("files", nargs="*", help="text files to annotate ('-' for standard input)")
    parser.add_argument("--example", action="store_true", help="annotate the bundled example article")
    parser.add_argument("--kinds", help="comma-separated kinds to keep: " + ",".join(k.value for k in Kind))
    parser.add_argument("--catalog", action="append", default=[], metavar="FILE",
                        help="a catalog file layered over the default catalog (repeatable)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.files and not args.example:
        parser.print_usage(sys.stderr)
        print("legal-annot: give files, '-' for standard input, or --example", file=sys.stderr)
        return EXIT_USAGE
    try:
        catalog = Catalog.default()
        if args.catalog:
            catalog = catalog.extend(Catalog.from_files(args.catalog))
        annotator = Annotator(catalog, kinds=args.kinds.split(",") if args.kinds else None)
    except (LegalAnnotError, ValueError) as exc:
        print(f"legal-annot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_OK
    inputs = [("example article", example_article())] if args.example else []
    for name in args.files:
        try:
            text = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"legal-annot: {name}: cannot read as UTF-8 text: {exc}", file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        inputs.append((name, text))
    for name, text in inputs:
        if len(inputs) > 1:
            print(f"== {name}")
        sys.stdout.write(render_text(annotator.annotate(text)))
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
