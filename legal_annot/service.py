"""The HTTP service: ``legal-annot serve --host H --port P`` (install ``legal_annot[serve]``).

FastAPI on uvicorn: a well-kept ASGI framework that writes the OpenAPI description (served at
/docs and /openapi.json) from the routes, and the reference ASGI server. The Annotator is built
once per process, when the app is made.

POST /annotate takes the document as the request body (text/plain, text/html or text/markdown)
and answers JSON by default, or HTML, Markdown or Web Annotations chosen by ``?format=`` or the
Accept header. Bad requests get a clear 4xx: 415 for another content type, 413 for a body over
the limit, 400 for bytes that are not text in the declared charset or for bad parameters, 406
when Accept names nothing we write; 503 when annotating takes longer than the per-request timeout.
"""

# No "from __future__ import annotations": FastAPI reads the route signatures, whose types are local names.

import argparse
import asyncio
import codecs
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs

from legal_annot.annotator import Annotator
from legal_annot.cli_documents import DocumentRenderer, Job, Settings
from legal_annot.errors import LegalAnnotError
from legal_annot.links_preference import parse_providers
from legal_annot.models import Kind
from legal_annot.render.json import to_web_annotation_collection

INPUT_TYPES = {"text/plain": "text", "text/html": "html", "application/xhtml+xml": "html", "text/markdown": "markdown",
               "text/x-markdown": "markdown"}
OUTPUT_TYPES = {"json": "application/json", "html": "text/html; charset=utf-8",
                "markdown": "text/markdown; charset=utf-8", "webannotation": 'application/ld+json; '
                'profile="http://www.w3.org/ns/anno.jsonld"'}
ACCEPTED = {"application/json": "json", "text/html": "html", "text/markdown": "markdown",
            "application/ld+json": "webannotation"}
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_TIMEOUT = 30.0


class _Problem(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _media_type(header: str) -> tuple[str, dict[str, str]]:
    kind, *params = [p.strip() for p in header.split(";")]
    pairs = (p.split("=", 1) for p in params if "=" in p)
    return kind.lower(), {k.strip().lower(): v.strip().strip('"') for k, v in pairs}


def choose_format(query: str | None, accept: str | None) -> str:
    """The output format from ``?format=`` (first) or the Accept header; JSON when neither says."""
    if query:
        name = {"md": "markdown", "webannotations": "webannotation", "jsonld": "webannotation"}.get(query, query)
        if name not in OUTPUT_TYPES:
            raise _Problem(400, f"unknown format {query!r}; formats are {', '.join(OUTPUT_TYPES)}")
        return name
    if not accept:
        return "json"
    ranked = []
    for i, item in enumerate(accept.split(",")):
        kind, params = _media_type(item)
        try:
            quality = float(params.get("q", "1"))
        except ValueError:
            quality = 0.0
        ranked.append((-quality, i, kind))
    for negative_quality, _, kind in sorted(ranked):
        if negative_quality < 0 and (kind in ACCEPTED or kind in ("*/*", "application/*")):
            return ACCEPTED.get(kind, "json")
    raise _Problem(406, "Accept names no format this service writes: " + ", ".join(ACCEPTED))


def _decode(body: bytes, charset: str) -> str:
    try:
        codecs.lookup(charset)
    except LookupError:
        raise _Problem(400, f"unknown charset {charset!r}") from None
    try:
        text = body.decode("utf-8-sig" if charset.lower() in ("utf-8", "utf8") else charset)
    except UnicodeDecodeError as exc:
        raise _Problem(400, f"body is not {charset} text (byte 0x{body[exc.start]:02x} at offset {exc.start})") from None
    return text


# The service's format names, as the command's.
_CLI_FORMATS = {"json": "json", "html": "html", "markdown": "md", "webannotation": "webannotation"}
_CLI_INPUTS = {"text": "text", "markdown": "text", "html": "html"}


def render(annotator: Annotator, text: str, source_kind: str, fmt: str, settings: Settings,
           source: str = "urn:legal-annot:request") -> str:
    """The response body for one document (run in a worker thread)."""
    chosen = "html-fragment" if fmt == "html" and source_kind != "html" else _CLI_FORMATS[fmt]
    settings = attrs.evolve(settings, format=chosen, input_kind=_CLI_INPUTS[source_kind])
    rendered = DocumentRenderer(settings).render(Job(source, text, source=source), annotator)
    if fmt == "webannotation":
        items = json.loads("[" + rendered.output + "]")
        return json.dumps(to_web_annotation_collection(items), ensure_ascii=False)
    return rendered.output


def create_app(annotator: Annotator | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES,
               timeout: float = DEFAULT_TIMEOUT) -> Any:
    """The ASGI app. ``annotator`` (default: the default catalog's) is built once, here."""
    try:
        from fastapi import FastAPI, Query, Request
        from fastapi.responses import JSONResponse, Response
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("the HTTP service needs FastAPI and uvicorn: pip install 'legal_annot[serve]'") from None
    from legal_annot import default_annotator

    base = annotator or default_annotator()
    app = FastAPI(title="legal_annot", summary="Find references to U.S. law in a document and explain them.",
                  version=_version())

    def problem(status: int, message: str) -> Any:
        return JSONResponse({"error": message}, status_code=status)

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise _Problem(413, f"body is larger than the limit of {max_bytes} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_bytes:
                raise _Problem(413, f"body is larger than the limit of {max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    @app.get("/health", summary="Liveness: the service is up and its catalog is loaded.")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "version": _version(), "authorities": len(base.catalog.entries)}

    body_doc = {"requestBody": {"required": True, "description": "The document to annotate.", "content": {
        kind: {"schema": {"type": "string"}} for kind in ("text/plain", "text/html", "text/markdown")}},
        "responses": {"200": {"description": "The annotated document, in the chosen format.", "content": {
            value.split(";")[0]: {} for value in OUTPUT_TYPES.values()}}}}

    @app.post("/annotate", summary="Annotate the document sent as the request body.", openapi_extra=body_doc)
    async def annotate(
        request: Request,
        format: str | None = Query(None, description="json (default), html, markdown or webannotation; "
                                                     "overrides the Accept header"),
        kinds: str | None = Query(None, description="comma-separated kinds to keep, e.g. 'case, doctrine'"),
        min_confidence: float = Query(0.0, ge=0.0, le=1.0, description="drop annotations below this confidence"),
        prefer_links: str = Query("", description="link providers to prefer, e.g. 'justia,lii'"),
        authorities: str = Query("once", pattern="^(once|inline)$",
                                 description="JSON: each authority once (default) or inside every annotation"),
        source: str = Query("urn:legal-annot:request", description="the document's URI, for Web Annotations"),
        as_of: str | None = Query(None, description="YYYY-MM-DD: the date the document speaks from (default today)"),
    ) -> Any:
        try:
            fmt = choose_format(format, request.headers.get("accept"))
            media, params = _media_type(request.headers.get("content-type", ""))
            if media not in INPUT_TYPES:
                raise _Problem(415, "send the document as text/plain, text/html or text/markdown"
                                    + (f", not {media}" if media else ""))
            text = _decode(await read_body(request), params.get("charset", "utf-8"))
            wanted = [k.strip().lower() for k in (kinds or "").split(",") if k.strip()]
            if unknown := [k for k in wanted if k not in {k.value for k in Kind}]:
                raise _Problem(400, f"unknown kind(s) {', '.join(unknown)}")
            try:
                day = date.fromisoformat(as_of) if as_of else None
            except ValueError:
                raise _Problem(400, f"as_of {as_of!r} is not a date; write YYYY-MM-DD") from None
            settings = Settings(compact=authorities == "once", min_confidence=min_confidence,
                                prefer_links=parse_providers(prefer_links), kinds=frozenset(wanted) or None, as_of=day)
            work = asyncio.to_thread(render, base, text, INPUT_TYPES[media], fmt, settings, source)
            try:
                body = await asyncio.wait_for(work, timeout)
            except TimeoutError:
                raise _Problem(503, f"annotating took longer than the limit of {timeout:g} s") from None
        except _Problem as exc:
            return problem(exc.status, exc.message)
        return Response(body, media_type=OUTPUT_TYPES[fmt])

    return app


def _version() -> str:
    from legal_annot.cli import _version as version

    return version()


_ENVIRONMENT = "LEGAL_ANNOT_SERVE"  # the settings, as JSON, for worker processes started by uvicorn


def app_from_environment() -> Any:
    """The app for one of several uvicorn worker processes (``--workers N``): each builds its own
    Annotator once, from the settings ``legal-annot serve`` left in the environment."""
    from legal_annot.cli import load_catalog

    settings = json.loads(os.environ.get(_ENVIRONMENT, "{}"))
    return create_app(Annotator(load_catalog(settings.get("catalog", []))),
                      max_bytes=settings.get("max_bytes", DEFAULT_MAX_BYTES), timeout=settings.get("timeout", DEFAULT_TIMEOUT))


def main(argv: Sequence[str]) -> int:
    """``legal-annot serve``: run the service with uvicorn."""
    parser = argparse.ArgumentParser(prog="legal-annot serve", description="Serve POST /annotate over HTTP.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes, each with its own Annotator (default 1; annotating holds one core)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                        help=f"largest request body accepted (default {DEFAULT_MAX_BYTES})")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"seconds one request may take to annotate (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--catalog", action="append", default=[], metavar="FILE",
                        help="a catalog file layered over the default catalog (repeatable)")
    args = parser.parse_args(list(argv))
    if args.workers < 1 or args.max_bytes < 1 or args.timeout <= 0:
        parser.error("--workers and --max-bytes must be at least 1, --timeout above 0")
    try:
        import uvicorn
    except ImportError:
        print("legal-annot serve needs FastAPI and uvicorn: pip install 'legal_annot[serve]'", file=sys.stderr)
        return 2
    try:
        from legal_annot.cli import load_catalog

        annotator = Annotator(load_catalog(args.catalog))  # also checks the catalog files before serving
    except (LegalAnnotError, ValueError) as exc:
        print(f"legal-annot: {exc}", file=sys.stderr)
        return 2
    if args.workers == 1:
        app = create_app(annotator, max_bytes=args.max_bytes, timeout=args.timeout)
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
        return 0
    os.environ[_ENVIRONMENT] = json.dumps({"catalog": [os.path.abspath(f) for f in args.catalog],
                                           "max_bytes": args.max_bytes, "timeout": args.timeout})
    uvicorn.run("legal_annot.service:app_from_environment", factory=True, workers=args.workers, host=args.host,
                port=args.port, log_level="warning")
    return 0
