"""The legal-annot command: annotate files, globs, standard input or the bundled example.

Exit codes: 0 every input was annotated; 1 some input could not be read (each one is named on
stderr, the others are still processed); 2 bad usage or a bad catalog file.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections import deque
from datetime import date
from collections.abc import Iterator, Sequence

from legal_annot.annotator import Annotator
from legal_annot.batch import DocumentError, annotate_many
from legal_annot.catalog import Catalog
from legal_annot.errors import LegalAnnotError
from legal_annot.examples import EXAMPLE_ARTICLE, example_article
from legal_annot.models import Kind, Result
from legal_annot.render.text import render_text

EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "json", "jsonl", "html", "md", "webannotation")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="legal-annot", description="Find references to U.S. law in text and explain them.",
        epilog="Exit codes: 0 all inputs annotated; 1 some input unreadable (named on stderr); 2 usage error.")
    parser.add_argument("inputs", nargs="*", metavar="FILE",
                        help="files or glob patterns ('**' recurses); '-' reads standard input")
    parser.add_argument("--example", action="store_true", help="annotate the bundled example article")
    parser.add_argument("-f", "--format", choices=FORMATS, default="text",
                        help="output: readable text (default), json, jsonl (one line per input), html "
                             "(HTML inputs are annotated in place), md (Markdown with links), "
                             "webannotation (W3C Web Annotations)")
    parser.add_argument("--kinds", help="comma-separated kinds to keep: " + ",".join(k.value for k in Kind))
    parser.add_argument("--catalog", action="append", default=[], metavar="FILE",
                        help="a catalog file layered over the default catalog (repeatable)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="annotate with N processes (0 = one per core)")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", type=date.fromisoformat, default=None,
                        help="the date the texts speak from (default today): statuses compare then with now")
    parser.add_argument_group("catalog upkeep", "legal-annot catalog stale|show ...: see 'legal-annot catalog -h'")
    return parser


class _Progress:
    """A one-line counter on stderr, shown only for many inputs on a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, 0, enabled and total > 1 and sys.stderr.isatty()

    def step(self, name: str) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name[-40:]:<40}")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def _expand(patterns: Sequence[str]) -> tuple[list[str], list[str]]:
    """Input names in order, and the patterns that matched nothing."""
    names, empty = [], []
    for pattern in patterns:
        if pattern == "-" or os.path.exists(pattern) or not glob.has_magic(pattern):
            names.append(pattern)
            continue
        matches = sorted(glob.glob(pattern, recursive=True))
        names.extend(m for m in matches if os.path.isfile(m))
        if not matches:
            empty.append(pattern)
    return names, empty


def _read(name: str) -> str:
    """A file's text; raises OSError or a ValueError that names the problem."""
    data = sys.stdin.buffer.read() if name == "-" else open(name, "rb").read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def _render(name: str, text: str, result: Result, fmt: str, annotator: Annotator, as_of: date | None = None) -> str:
    if fmt == "text":
        return render_text(result)
    if fmt == "json":
        return json.dumps({"file": name, **result.to_dict()}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "jsonl":
        return json.dumps({"file": name, **result.to_dict()}, ensure_ascii=False) + "\n"
    if fmt == "webannotation":
        source = "urn:legal-annot:stdin" if name == "-" else "file://" + os.path.abspath(name)
        return json.dumps(result.to_web_annotations(source), ensure_ascii=False, indent=1) + "\n"
    if fmt == "html":
        from legal_annot import annotate_html

        if name.lower().endswith(HTML_SUFFIXES):
            return annotate_html(text, annotator=annotator, as_of=as_of)
        return "<div class=\"legal-annot-document\">" + result.to_html().replace("\n", "<br>\n") + "</div>\n"
    from legal_annot import annotate_markdown

    return annotate_markdown(text, annotator=annotator, as_of=as_of)


def _texts(names: Sequence[str], failures: list[str]) -> Iterator[tuple[str, str]]:
    for name in names:
        if name == EXAMPLE_ARTICLE:
            yield name, example_article()
            continue
        try:
            yield name, _read(name)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"legal-annot: {name}: cannot read: {reason}", file=sys.stderr)
            failures.append(name)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["catalog"]:
        from legal_annot.catalog_commands import main as catalog_main

        return catalog_main(argv[1:])
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.inputs and not args.example:
        parser.print_usage(sys.stderr)
        print("legal-annot: give files, globs, '-' for standard input, or --example", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs < 0:
        parser.error("--jobs must be 0 or more")
    try:
        catalog = Catalog.default()
        if args.catalog:
            catalog = catalog.extend(Catalog.from_files(args.catalog))
        annotator = Annotator(catalog, kinds=args.kinds.split(",") if args.kinds else None)
    except (LegalAnnotError, ValueError) as exc:
        print(f"legal-annot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    names, empty = _expand(args.inputs)
    failures: list[str] = []
    for pattern in empty:
        print(f"legal-annot: {pattern}: no file matches", file=sys.stderr)
        failures.append(pattern)
    if args.example:
        names.insert(0, EXAMPLE_ARTICLE)
    progress = _Progress(len(names), not args.no_progress)
    in_flight: deque[tuple[str, str]] = deque()  # read but not yet written, in input order

    def texts() -> Iterator[str]:
        for name, text in _texts(names, failures):
            in_flight.append((name, text))
            yield text

    for result in annotate_many(texts(), workers=args.jobs or None, annotator=annotator, as_of=args.as_of):
        name, text = in_flight.popleft()  # annotate_many keeps input order
        progress.step(name)
        if isinstance(result, DocumentError):
            print(f"legal-annot: {name}: {result.error}", file=sys.stderr)
            failures.append(name)
            continue
        if len(names) > 1 and args.format == "text":
            sys.stdout.write(f"== {name}\n")
        sys.stdout.write(_render(name, text, result, args.format, annotator, args.as_of))
    return EXIT_UNREADABLE if failures else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
