"""The legal-annot command: annotate files, directories, globs, standard input or the bundled example.

Exit codes: 0 every input was annotated; 1 some input could not be read (each one is named on
stderr, the others are still processed); 2 bad usage or a bad catalog file.

Subcommands (``legal-annot serve ...``, ``legal-annot catalog check ...``) live in other modules,
named in :data:`SUBCOMMANDS`; a file with such a name is still reachable as ``./serve``.
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import os
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TextIO

from legal_annot.annotator import Annotator
from legal_annot.batch import DocumentError, annotate_many
from legal_annot.catalog import Catalog
from legal_annot.cli_documents import FORMATS, INPUT_KINDS, DocumentRenderer, Job, Rendered, Settings
from legal_annot.cli_inputs import DEFAULT_GLOBS, Input, expand, names_many, read
from legal_annot.cli_progress import Progress
from legal_annot.errors import LegalAnnotError
from legal_annot.examples import EXAMPLE_ARTICLE
from legal_annot.links_preference import parse_providers
from legal_annot.models import Kind, Result

__all__ = ["EXIT_OK", "EXIT_UNREADABLE", "EXIT_USAGE", "FORMATS", "SUBCOMMANDS", "main"]

EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, EXIT_PIPE = 0, 1, 2, 141
# name -> "module:function" taking the remaining arguments and returning an exit code (imported lazily).
SUBCOMMANDS: dict[str, str] = {
    "serve": "legal_annot.service:main",
    "catalog": "legal_annot.cli_catalog:main",
}
EXAMPLES = """examples:
  legal-annot --example                         the bundled example article, readable text
  legal-annot story.txt -f md -o story.md       one file, Markdown with links, into a file
  cat story.txt | legal-annot -f jsonl          standard input (no file arguments, stdin not a terminal)
  legal-annot articles/ --glob '*.txt' -j 0     a directory, recursively, on every core
  legal-annot 'news/**/*.html' -f json          a glob (quoted): one JSON array, HTML read as HTML
  legal-annot old/ --encoding cp1252            archives in Windows-1252
  legal-annot serve --port 8000                 the HTTP service (install legal_annot[serve])
  legal-annot catalog check mine.toml           run a catalog file's examples and near-misses

exit codes: 0 all inputs annotated; 1 some input unreadable (named on stderr); 2 usage error."""


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("legal_annot")
    except Exception:  # not installed (a bare checkout on PYTHONPATH)
        return "unknown"


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return number


def _encoding(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None
    return value


def _kinds(value: str) -> list[str]:
    chosen = [k.strip().lower() for k in value.split(",") if k.strip()]
    known = {k.value for k in Kind}
    if unknown := [k for k in chosen if k not in known]:
        raise argparse.ArgumentTypeError(f"unknown kind(s) {', '.join(unknown)}; kinds are {', '.join(sorted(known))}")
    return chosen


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="legal-annot", description="Find references to U.S. law in text and explain them.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", metavar="FILE",
                        help="files, directories (recursed) or glob patterns ('**' recurses); '-' reads standard "
                             "input, as does giving no FILE when standard input is not a terminal")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("--example", action="store_true", help="annotate the bundled example article")
    parser.add_argument("-f", "--format", choices=FORMATS, default="text",
                        help="output: readable text (default), json (one document; an array for several inputs), "
                             "jsonl (one line per input), html, md (Markdown with links), "
                             "webannotation (one W3C AnnotationCollection)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--input", choices=INPUT_KINDS, default="auto", dest="input_kind",
                        help="how to read inputs: auto (HTML by suffix .html/.htm/.xhtml), text, or html")
    parser.add_argument("--glob", action="append", metavar="PATTERN",
                        help="file names kept when recursing a directory (repeatable; default: "
                             + " ".join(DEFAULT_GLOBS) + ")")
    parser.add_argument("--encoding", type=_encoding, default="utf-8",
                        help="encoding of the inputs (default utf-8; e.g. cp1252 for old Windows archives)")
    parser.add_argument("--kinds", type=_kinds, help="comma-separated kinds to keep: " + ", ".join(k.value for k in Kind))
    parser.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="X",
                        help="drop annotations whose confidence is below X (0 to 1)")
    parser.add_argument("--prefer-links", metavar="LIST", default="",
                        help="link providers to prefer, in order, e.g. 'justia,oyez' (also lii, courtlistener, govinfo)")
    parser.add_argument("--json-authorities", choices=("once", "inline"), default="once",
                        help="json/jsonl: each authority once per document, referred to by id (default), or "
                             "written in full inside every annotation (the pre-1.1 shape)")
    parser.add_argument("--catalog", action="append", default=[], metavar="FILE",
                        help="a catalog file layered over the default catalog (repeatable)")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="annotate with N processes (0 = one per core); output keeps input order")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress line")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", type=date.fromisoformat, default=None,
                        help="the date the texts speak from (default today): statuses compare then with now")
    parser.add_argument_group("catalog upkeep", "legal-annot catalog check|stale|show ...: see 'legal-annot catalog -h'")
    return parser


class _Writer:
    """Assembles each format's whole-output shape around the documents' renderings."""

    def __init__(self, out: TextIO, fmt: str, many: bool) -> None:
        self.out, self.fmt, self.many, self.count, self.items = out, fmt, many, 0, 0

    def document(self, name: str, rendered: Rendered) -> None:
        out, fmt, first = self.out, self.fmt, self.count == 0
        self.count += 1
        if fmt == "text":
            if self.many:
                out.write(f"== {name}\n")
            out.write(rendered.output)
        elif fmt == "json":
            out.write(("[\n" if first else ",\n") if self.many else "")
            out.write(rendered.output)
        elif fmt == "jsonl":
            out.write(rendered.output + "\n")
        elif fmt == "webannotation":
            if first:
                out.write('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", '
                          '"label": "legal_annot", "first": {"type": "AnnotationPage", "startIndex": 0, "items": [\n')
            if rendered.count:
                out.write((",\n" if self.items else "") + rendered.output)
            self.items += rendered.count
        elif fmt == "md":
            if self.many:
                out.write(("" if first else "\n\n* * *\n\n") + f"<!-- legal-annot: {name} -->\n\n")
            out.write(rendered.output)
        else:
            out.write(rendered.output)

    def finish(self) -> None:
        if self.fmt == "json":
            self.out.write(("\n]\n" if self.count else "[]\n") if self.many else ("\n" if self.count else ""))
        elif self.fmt == "webannotation":
            if not self.count:
                self.document("", Rendered("", 0))
            self.out.write(f"\n]}}, \"total\": {self.items}}}\n")


def _inputs(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[list[Input], list[str]] | None:
    arguments = list(args.inputs)
    if not arguments and not args.example:
        if sys.stdin is None or sys.stdin.isatty():
            parser.print_usage(sys.stderr)
            print("legal-annot: give files, directories, globs, '-' for standard input, or --example", file=sys.stderr)
            return None
        arguments = ["-"]
    inputs, empty = expand(arguments, args.glob or DEFAULT_GLOBS)
    if args.example:
        inputs.insert(0, Input("example:" + EXAMPLE_ARTICLE, example=True))
    return inputs, empty


def _jobs(inputs: Sequence[Input], args: argparse.Namespace, failures: list[str]) -> Iterator[tuple[Input, Job]]:
    for source in inputs:
        try:
            text = read(source, args.encoding)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"legal-annot: {source.name}: cannot read: {reason}", file=sys.stderr)
            failures.append(source.name)
            continue
        yield source, Job(source.name, text, html_file=source.is_html_file, example=source.example)


def _file_size(source: Input) -> int:
    try:
        return os.path.getsize(source.path) if source.path else 0
    except OSError:
        return 0


def _annotate(args: argparse.Namespace, annotator: Annotator, inputs: list[Input], failures: list[str],
              out: TextIO) -> None:
    settings = Settings(format=args.format, input_kind=args.input_kind, compact=args.json_authorities == "once",
                        min_confidence=args.min_confidence, prefer_links=parse_providers(args.prefer_links))
    total = sum(_file_size(s) for s in inputs)
    progress = Progress(total, len(inputs), not args.no_progress and (len(inputs) > 1 or total > 1_000_000))
    writer = _Writer(out, args.format, many=len(inputs) > 1 or names_many(args.inputs))
    renderer = DocumentRenderer(settings)
    # Each document is split into the texts its format annotates (prepare); annotate_many annotates
    # every text once, in worker processes for -j N; the document is rendered from its results (finish).
    # With -j N and every document rendered from its one text's Result, the workers render too
    # (serialising JSON is a good part of the work) and the parent only writes.
    in_workers = args.jobs != 1 and all(renderer.per_text(s.is_html_file) for s in inputs)
    pending: deque[tuple[Input, Job, int]] = deque()  # prepared, not yet written, in input order

    def texts() -> Iterator[str]:
        for source, job in _jobs(inputs, args, failures):
            progress.start(source.name, len(job.text))
            prepared = [job.text] if in_workers else renderer.prepare(job)
            pending.append((source, job, len(prepared)))
            yield from prepared

    outcomes: list[Result | Rendered | DocumentError] = []

    def flush() -> None:
        while pending and len(outcomes) >= pending[0][2]:
            source, job, count = pending.popleft()
            results = outcomes[:count]
            del outcomes[:count]
            progress.step(_file_size(source))
            errors = [r for r in results if isinstance(r, DocumentError)]
            if errors:
                print(f"legal-annot: {source.name}: {errors[0].error}", file=sys.stderr)
                failures.append(source.name)
                continue
            if in_workers:
                writer.document(source.name, renderer.fill(job, results[0]))  # type: ignore[arg-type]
            else:
                writer.document(source.name, renderer.finish(job, results))  # type: ignore[arg-type]

    render = renderer.worker_render() if in_workers else None
    try:
        for outcome in annotate_many(texts(), workers=args.jobs or None, annotator=annotator, as_of=args.as_of,
                                     render=render):
            outcomes.append(outcome)
            flush()
        flush()
        writer.finish()
    finally:
        progress.close()


def load_catalog(files: Sequence[str]) -> Catalog:
    """The default catalog with the user's files layered on top; replaced ids are warned about on stderr."""
    catalog = Catalog.default()
    if not files:
        return catalog
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        catalog = catalog.extend(Catalog.from_files(files))
    for warning in caught:
        print(f"legal-annot: warning: {warning.message}", file=sys.stderr)
    return catalog


def _subcommand(argv: Sequence[str]) -> Callable[[list[str]], int] | None:
    if not argv or argv[0] not in SUBCOMMANDS:
        return None
    module, _, function = SUBCOMMANDS[argv[0]].partition(":")
    return getattr(importlib.import_module(module), function)


def _main(argv: list[str]) -> int:
    if (command := _subcommand(argv)) is not None:
        return command(argv[1:])
    parser = _parser()
    args = parser.parse_args(argv)
    if args.jobs < 0:
        parser.error("--jobs must be 0 or more")
    try:
        annotator = Annotator(load_catalog(args.catalog), kinds=args.kinds)
    except (LegalAnnotError, ValueError) as exc:
        print(f"legal-annot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    found = _inputs(args, parser)
    if found is None:
        return EXIT_USAGE
    inputs, empty = found
    failures: list[str] = []
    for pattern in empty:
        print(f"legal-annot: {pattern}: no file matches", file=sys.stderr)
        failures.append(pattern)
    if args.output:
        try:
            out = open(args.output, "w", encoding="utf-8", newline="")
        except OSError as exc:
            print(f"legal-annot: {args.output}: cannot write: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
        with out:
            _annotate(args, annotator, inputs, failures, out)
    else:
        _annotate(args, annotator, inputs, failures, sys.stdout)
        sys.stdout.flush()
    return EXIT_UNREADABLE if failures else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code. A closed pipe (``| head``) ends it quietly."""
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except BrokenPipeError:
        # The reader went away: stop quietly, and keep Python from complaining when it flushes stdout at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_PIPE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
