"""``legal-annot catalog ...``: keep the catalog current.

``stale [--older-than DAYS]`` lists entries by the date they were last checked, pending
litigation first; ``show ID`` prints one entry with its history and what it did to others.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from datetime import date

from legal_annot.catalog import Catalog
from legal_annot.catalog.history import by_mapping, describe_event, stale, status_of
from legal_annot.errors import LegalAnnotError
from legal_annot.models import Authority

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="legal-annot catalog", description="Inspect and keep the catalog current.")
    parser.add_argument("--catalog", action="append", default=[], metavar="FILE",
                        help="a catalog file layered over the default catalog (repeatable)")
    commands = parser.add_subparsers(dest="command", required=True)
    old = commands.add_parser("stale", help="entries by as_of, pending litigation first")
    old.add_argument("--older-than", type=int, default=0, metavar="DAYS",
                     help="only entries last checked at least DAYS days ago (default: all)")
    old.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                     help="count days up to this date instead of today")
    show = commands.add_parser("show", help="one entry with its history")
    show.add_argument("id", help="the entry's id, e.g. eo.14160")
    return parser


def _stale_lines(catalog: Catalog, today: date, older_than: int) -> list[str]:
    lines = []
    for authority in stale(catalog, today=today, older_than=older_than):
        checked = authority.as_of.isoformat() if authority.as_of else "never"
        age = f"{(today - authority.as_of).days:>5}d" if authority.as_of else "     ?"
        flag = "pending " if authority.pending else "        "
        lines.append(f"{checked:<10} {age} {flag}{authority.id:<40} {authority.name}")
    return lines


def show_lines(catalog: Catalog, authority: Authority, today: date) -> list[str]:
    """The entry in readable lines: name, citation, check date, state, history, effects on others."""
    lines = [f"{authority.id}  ({authority.kind.value})", f"  {authority.name}"
             + (f" — {authority.citation}" if authority.citation else "")]
    lines += textwrap.wrap(authority.summary, 96, initial_indent="  ", subsequent_indent="  ")
    lines.append(f"  source: {authority.source}")
    lines.append(f"  as of: {authority.as_of.isoformat() if authority.as_of else 'not recorded'}"
                 + ("  (litigation pending)" if authority.pending else ""))
    status = status_of(authority, today, today)
    if status is not None:
        lines.append(f"  status today: {status.message}")
    if authority.history:
        lines.append("  history:")
        lines += [f"    {e.date.isoformat()}  {describe_event(e)}" for e in authority.history]
    effects = by_mapping({a.id: a for a in catalog}).get(authority.id, [])
    if effects:
        lines.append("  acted on:")
        lines += [f"    {e.date.isoformat()}  {e.kind} {target}" for target, e in effects]
    if authority.related:
        lines.append(f"  related: {', '.join(authority.related)}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        catalog = Catalog.default()
        if args.catalog:
            catalog = catalog.extend(Catalog.from_files(args.catalog))
    except (LegalAnnotError, ValueError) as exc:
        print(f"legal-annot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "stale":
        if args.older_than < 0:
            print("legal-annot: --older-than must be 0 or more", file=sys.stderr)
            return EXIT_USAGE
        lines = _stale_lines(catalog, args.today or date.today(), args.older_than)
    else:
        if args.id not in catalog:
            print(f"legal-annot: no catalog entry with id {args.id!r}", file=sys.stderr)
            return EXIT_NOT_FOUND
        lines = show_lines(catalog, catalog[args.id], date.today())
    sys.stdout.write("\n".join(lines) + ("\n" if lines else ""))
    return EXIT_OK
