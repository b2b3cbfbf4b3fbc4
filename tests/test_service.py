"""The HTTP service, over loopback: a real uvicorn process, a real HTTP client (httpx), good and bad requests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import html5lib
import httpx
import jsonschema
import pytest

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "docs" / "schema" / "result-v1.schema.json").read_text(encoding="utf-8"))
STORY = "The county cited Printz v. United States and the Supremacy Clause."
MAX_BYTES = 20_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(*extra: str) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "legal_annot", "serve", "--port", str(port), *extra],
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else "server died"
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(30)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    yield from _serve("--max-bytes", str(MAX_BYTES))


def post(url: str, body: str | bytes, content_type: str = "text/plain", **kwargs) -> httpx.Response:
    headers = {"content-type": content_type, **kwargs.pop("headers", {})}
    return httpx.post(url + "/annotate", content=body.encode() if isinstance(body, str) else body, headers=headers,
                      timeout=60, **kwargs)


def test_health_and_openapi(server: str) -> None:
    health = httpx.get(server + "/health").json()
    assert health["status"] == "ok" and health["authorities"] > 100
    spec = httpx.get(server + "/openapi.json").json()
    content = spec["paths"]["/annotate"]["post"]["requestBody"]["content"]
    assert {"text/plain", "text/html", "text/markdown"} <= set(content)
    assert httpx.get(server + "/docs").status_code == 200


def test_plain_text_gives_json_that_validates(server: str) -> None:
    response = post(server, STORY)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    data = response.json()
    jsonschema.validate(data, SCHEMA)
    assert [data["authorities"][a["authority"]]["name"] for a in data["annotations"]] == [
        "Printz v. United States", "Supremacy Clause"]
    inline = post(server, STORY, params={"authorities": "inline"}).json()
    jsonschema.validate(inline, SCHEMA)
    assert inline["annotations"][0]["authority"]["id"] == data["annotations"][0]["authority"]


def test_formats_by_query_and_by_accept(server: str) -> None:
    page = "<html><head><title>Printz</title></head><body><p>The <em>Tenth Amendment</em> matters.</p></body></html>"
    html = post(server, page, "text/html; charset=utf-8", params={"format": "html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert 'data-authority="const.amend10"' in html.text and "<title>Printz</title>" in html.text
    html5lib.parse(html.text)
    by_accept = post(server, page, "text/html", headers={"accept": "text/html;q=0.9, application/xml;q=0.1"})
    assert by_accept.text == html.text
    visible = post(server, page, "text/html").json()
    assert "<" not in visible["text"] and [a["text"] for a in visible["annotations"]] == ["Tenth Amendment"]
    markdown = post(server, "Under `Printz v. United States`, and Printz v. United States.", "text/markdown",
                     headers={"accept": "text/markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("Under `Printz v. United States`, and [Printz v. United States](<")
    notes = post(server, STORY, params={"format": "webannotation", "source": "https://example.org/story"})
    collection = notes.json()
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 2
    assert collection["first"]["items"][0]["target"]["source"] == "https://example.org/story"


def test_options(server: str) -> None:
    only_cases = post(server, STORY, params={"kinds": "case, doctrine"}).json()
    assert [a["kind"] for a in only_cases["annotations"]] == ["case"]
    preferred = post(server, STORY, params={"prefer_links": "lii"}).json()
    assert "law.cornell.edu" in preferred["authorities"]["const.art6.cl2"]["links"][0]["url"]
    assert post(server, STORY, params={"min_confidence": "1"}).json()["annotations"] == []


@pytest.mark.parametrize(("kwargs", "status", "words"), [
    ({"content_type": "application/pdf"}, 415, "text/plain"),
    ({"content_type": "application/json"}, 415, "text/plain"),
    ({"content_type": ""}, 415, "text/plain"),
    ({"body": b"Supremacy \xff Clause"}, 400, "byte 0xff at offset 10"),
    ({"content_type": "text/plain; charset=klingon"}, 400, "unknown charset"),
    ({"body": "x" * (MAX_BYTES + 1)}, 413, "limit"),
    ({"params": {"format": "pdf"}}, 400, "unknown format"),
    ({"headers": {"accept": "image/png"}}, 406, "Accept"),
    ({"params": {"kinds": "treaty"}}, 400, "treaty"),
    ({"params": {"min_confidence": "2"}}, 422, "min_confidence"),
    ({"params": {"authorities": "sometimes"}}, 422, "authorities"),
    ({"params": {"as_of": "last week"}}, 400, "YYYY-MM-DD"),
])
def test_bad_requests_get_a_clear_4xx(server: str, kwargs: dict, status: int, words: str) -> None:
    body = kwargs.pop("body", STORY)
    response = post(server, body, kwargs.pop("content_type", "text/plain"), **kwargs)
    assert response.status_code == status and words in response.text


def test_oversize_body_without_a_length_is_refused(server: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"y" * 5000

    response = httpx.post(server + "/annotate", content=chunks(), headers={"content-type": "text/plain"}, timeout=60)
    assert response.status_code == 413


def test_wrong_method_and_path(server: str) -> None:
    assert httpx.get(server + "/annotate").status_code == 405
    assert httpx.post(server + "/nothing", content=b"x").status_code == 404


def test_timeout_answers_503() -> None:
    for url in _serve("--timeout", "0.000001"):
        response = post(url, STORY * 200)
        assert response.status_code == 503 and "longer than the limit" in response.text
        assert httpx.get(url + "/health").status_code == 200


def test_several_worker_processes(tmp_path) -> None:
    from helpers import write_entry

    catalog = write_entry(tmp_path, "user.widget")
    for url in _serve("--workers", "2", "--catalog", str(catalog), "--max-bytes", "100"):
        found = [post(url, "The Widget Act applies.").json() for _ in range(4)]
        assert all([a["authority"] for a in d["annotations"]] == ["user.widget"] for d in found)
        assert post(url, "x" * 101).status_code == 413


def test_declared_charset_is_honoured(server: str) -> None:
    body = "The court\u2019s reading of the Supremacy Clause.".encode("cp1252")
    response = post(server, body, "text/plain; charset=windows-1252")
    assert response.status_code == 200 and "court\u2019s" in response.json()["text"]
    assert post(server, body, "text/plain").status_code == 400  # the same bytes are not UTF-8
