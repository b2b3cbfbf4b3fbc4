"""The legal-annot command: every format, inputs from files, directories, globs and stdin, exit codes,
Unix conventions (stdin, pipes, -o, --version), and output that validates against docs/schema."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import html5lib
import jsonschema
import pytest
from helpers import write_entry

from legal_annot import Annotator
from legal_annot.cli import FORMATS, main
from legal_annot.cli_progress import Progress
from legal_annot.examples import EXAMPLE_ARTICLE
from legal_annot.models import Result

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "docs" / "schema" / "result-v1.schema.json").read_text(encoding="utf-8"))
STORY = "The county cited Printz v. United States and the Supremacy Clause, then 18 U.S.C. § 371.\n"
PAGE = ("<html><head><title>Tenth Amendment news</title><meta name='description' content='Supremacy Clause'>"
        "<script>var s = 'Printz v. United States';</script></head>"
        "<body><p>The <em>Tenth Amendment</em> and <code>§ 371</code> &amp; more.</p></body></html>")
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture()
def files(tmp_path: Path) -> list[Path]:
    first, second = tmp_path / "a.txt", tmp_path / "b.html"
    first.write_text(STORY, encoding="utf-8")
    second.write_text(PAGE, encoding="utf-8")
    return [first, second]


def run(args: list[str], capsys, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def command(args: list[str], stdin: str | bytes | None = None, **kwargs) -> subprocess.CompletedProcess:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "legal_annot", *args], input=data, capture_output=True, env=ENV,
                          timeout=120, **kwargs)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format(files: list[Path], capsys, fmt: str) -> None:
    code, out, err = run([str(f) for f in files] + ["-f", fmt], capsys)
    assert code == 0, err
    if fmt == "text":
        assert "Printz v. United States — 521 U.S. 898" in out and "== " in out
        assert "Supremacy" not in out.split("b.html")[1]  # the page's meta tag is not its text
    elif fmt == "jsonl":
        lines = [json.loads(line) for line in out.splitlines()]
        assert [Path(line["source"]).name for line in lines] == ["a.txt", "b.html"]
    elif fmt == "json":
        documents = json.loads(out)
        assert isinstance(documents, list) and len(documents) == 2
    elif fmt == "webannotation":
        collection = json.loads(out)
        assert collection["type"] == "AnnotationCollection"
        items = collection["first"]["items"]
        assert collection["total"] == len(items) > 3 and {i["type"] for i in items} == {"Annotation"}
        assert {i["target"]["source"].rsplit("/", 1)[1] for i in items} == {"a.txt", "b.html"}
    elif fmt == "html":
        assert 'data-authority="const.amend10"' in out and "<code>§ 371</code>" in out
        assert "<title>Tenth Amendment news</title>" in out  # annotated in place, head untouched
        html5lib.parse(out)
    elif fmt == "md":
        assert "[Printz v. United States](<https://www.courtlistener.com/c/U.S./521/898/>" in out
        assert "<!-- legal-annot: " in out and "* * *" in out
        assert "<script>" not in out and "[Tenth Amendment](<" in out  # the page's visible text


@pytest.mark.parametrize("shape", ["once", "inline"])
def test_json_and_jsonl_validate_against_the_schema(files: list[Path], capsys, shape: str) -> None:
    args = [str(f) for f in files] + ["--example", "--json-authorities", shape]
    for document in json.loads(run(args + ["-f", "json"], capsys)[1]):
        jsonschema.validate(document, SCHEMA)
    lines = run(args + ["-f", "jsonl"], capsys)[1].splitlines()
    assert len(lines) == 3
    for line in lines:
        document = json.loads(line)
        jsonschema.validate(document, SCHEMA)
        assert ("authorities" in document) == (shape == "once")
        result = Result.from_json(line)
        assert all(a.authority is None or isinstance(a.authority.id, str) for a in result)


def test_compact_json_round_trips_and_is_smaller(annotator: Annotator) -> None:
    result = annotator.annotate(STORY * 20)
    compact, full = result.to_json(compact=True), result.to_json()
    assert Result.from_json(compact) == result == Result.from_json(full)
    assert len(compact) < len(full) / 2
    data = json.loads(compact)
    data["annotations"][0]["authority"] = "no.such.id"
    with pytest.raises(Exception, match="no.such.id"):
        Result.from_dict(data) if hasattr(Result, "from_dict") else Result.from_json(json.dumps(data))


def test_one_input_gives_one_json_object(files: list[Path], capsys) -> None:
    document = json.loads(run([str(files[0]), "-f", "json"], capsys)[1])
    assert isinstance(document, dict) and document["source"].endswith("a.txt")


def test_stdin_when_no_file_is_given() -> None:
    done = command(["-f", "jsonl"], stdin=STORY)
    assert done.returncode == 0 and json.loads(done.stdout)["source"] == "-"


def test_stdin_as_html(capsys, monkeypatch) -> None:
    code, out, _ = run(["-", "--input", "html", "-f", "jsonl"], capsys, stdin=PAGE, monkeypatch=monkeypatch)
    document = json.loads(out)
    assert code == 0 and "<" not in document["text"] and "Printz" not in document["text"]
    assert [a["text"] for a in document["annotations"]] == ["Tenth Amendment"]


def test_a_users_file_named_like_the_example_is_read(tmp_path: Path, capsys) -> None:
    mine = tmp_path / EXAMPLE_ARTICLE
    mine.write_text("Only the Supremacy Clause here.", encoding="utf-8")
    code, out, _ = run([str(mine), "-f", "jsonl"], capsys)
    assert code == 0 and json.loads(out)["text"] == "Only the Supremacy Clause here."
    os.chdir(tmp_path)
    try:
        assert json.loads(run([EXAMPLE_ARTICLE, "-f", "jsonl"], capsys)[1])["text"].startswith("Only the")
    finally:
        os.chdir(ROOT)


@pytest.mark.parametrize("fmt", FORMATS)
def test_jobs_give_the_same_output(files: list[Path], tmp_path: Path, capsys, fmt: str) -> None:
    for i in range(3):
        (tmp_path / f"c{i}.txt").write_text(STORY.replace("county", f"county {i}"), encoding="utf-8")
    args = [str(tmp_path), "-f", fmt]
    one, many = run(args, capsys), run(args + ["-j", "2"], capsys)
    assert one[0] == many[0] == 0 and one[1] == many[1] and one[1]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "webannotation", "text", "html"])
@pytest.mark.parametrize("options", [[], ["--json-authorities", "inline", "--kinds", "case,statute",
                                          "--min-confidence", "0.5", "--prefer-links", "justia"]])
def test_jobs_render_in_workers_byte_identical_for_awkward_names(tmp_path: Path, capsys, fmt: str,
                                                                 options: list[str]) -> None:
    # Names JSON must escape (quotes, backslash, non-ASCII) go in where the workers left marks.
    names = ['plain.txt', 'quote "q".txt', 'back\\slash.txt', 'Café §.txt', 'empty.txt']
    for i, name in enumerate(names):
        (tmp_path / name).write_text("" if name == "empty.txt" else STORY.replace("county", f"county {i}"),
                                     encoding="utf-8")
    args = [str(tmp_path), "-f", fmt, *options]
    one, many = run(args, capsys), run(args + ["-j", "2"], capsys)
    assert one[0] == many[0] == 0 and one[1] == many[1] and one[1]
    assert "legal-annot-name-" not in many[1] and "legal-annot-uri-" not in many[1]
    if fmt in ("json", "webannotation"):
        json.loads(many[1])


def test_jobs_serialise_jsonl_in_the_workers(tmp_path: Path, capsys, monkeypatch) -> None:
    import legal_annot.cli_documents as documents

    for i in range(6):
        (tmp_path / f"s{i}.txt").write_text(STORY.replace("county", f"county {i}"), encoding="utf-8")
    log = tmp_path / "pids.log"
    original = documents.render_result

    def logged(*args, **kwargs):  # type: ignore[no-untyped-def]
        with open(log, "a", encoding="utf-8") as handle:  # workers are forked: they see this patch
            handle.write(f"{os.getpid()}\n")
        return original(*args, **kwargs)

    monkeypatch.setattr(documents, "render_result", logged)
    code, out, _ = run([str(tmp_path), "--glob", "s*.txt", "-f", "jsonl", "-j", "2"], capsys)
    assert code == 0 and len(out.splitlines()) == 6
    pids = log.read_text(encoding="utf-8").split()
    assert len(pids) == 6 and str(os.getpid()) not in pids
    log.unlink()
    run([str(tmp_path), "--glob", "s*.txt", "-f", "jsonl"], capsys)  # near miss: -j 1 renders here
    assert set(log.read_text(encoding="utf-8").split()) == {str(os.getpid())}


def test_jobs_with_html_inputs_still_render_in_the_parent_and_match(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><body><p>{STORY}</p></body></html>", encoding="utf-8")
    for fmt in ("jsonl", "webannotation"):
        one, many = run([str(tmp_path), "-f", fmt], capsys), run([str(tmp_path), "-f", fmt, "-j", "2"], capsys)
        assert one[0] == many[0] == 0 and one[1] == many[1] and "Printz" in one[1]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_document_is_annotated_once(files: list[Path], capsys, monkeypatch, fmt: str) -> None:
    calls: list[int] = []
    original = Annotator.annotate
    monkeypatch.setattr(Annotator, "annotate", lambda self, text: calls.append(1) or original(self, text))
    assert run([str(f) for f in files] + ["-f", fmt], capsys)[0] == 0
    assert len(calls) == 2


def test_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"s{i:02}.txt").write_text(STORY * 30, encoding="utf-8")
    pipeline = f"{sys.executable} -m legal_annot {tmp_path} -f json | head -c 100"
    done = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, env=ENV, timeout=120)
    assert len(done.stdout) == 100 and done.stderr == ""


def test_version_output_file_and_help(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0 and capsys.readouterr().out.startswith("legal-annot ")
    target = tmp_path / "out.md"
    code, out, _ = run(["--example", "-f", "md", "-o", str(target)], capsys)
    assert code == 0 and out == "" and "](<https://" in target.read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "examples:" in capsys.readouterr().out


def test_directories_recurse_with_glob(tmp_path: Path, capsys) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "deep" / "y.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "deep" / "z.log").write_text(STORY, encoding="utf-8")
    names = lambda out: sorted(Path(json.loads(line)["source"]).name for line in out.splitlines())  # noqa: E731
    assert names(run([str(tmp_path), "-f", "jsonl"], capsys)[1]) == ["x.txt", "y.md"]
    assert names(run([str(tmp_path), "--glob", "*.log", "-f", "jsonl"], capsys)[1]) == ["z.log"]
    assert names(run([str(tmp_path / "**" / "*.txt"), "-f", "jsonl"], capsys)[1]) == ["x.txt"]
    code, _, err = run([str(tmp_path), "--glob", "*.pdf"], capsys)
    assert code == 1 and "no file matches" in err


def test_directory_links_are_not_followed_and_no_file_is_read_twice(tmp_path: Path, capsys) -> None:
    root = tmp_path / "root"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "story.txt").write_text(STORY, encoding="utf-8")
    os.symlink(root, root / "a" / "b" / "loop")          # a loop back to the top
    os.symlink(root / "a", root / "a" / "b" / "again")   # a second loop
    os.symlink(root / "a" / "b" / "story.txt", root / "alias.txt")  # a link to a file already named
    for args in ([str(root)], [str(root / "**" / "*.txt")], [str(root), str(root / "a" / "b" / "story.txt")]):
        code, out, _ = run(args + ["-f", "jsonl"], capsys)
        assert code == 0 and len(out.splitlines()) == 1, args


def test_encoding(tmp_path: Path, capsys) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes("The court\u2019s reading of the Supremacy Clause \u2014 again.".encode("cp1252"))
    code, _, err = run([str(old)], capsys)
    assert code == 1 and "not UTF-8 text (byte 0x92 at offset 9" in err and "--encoding cp1252" in err
    code, out, _ = run([str(old), "--encoding", "cp1252", "-f", "jsonl"], capsys)
    assert code == 0 and "court\u2019s" in json.loads(out)["text"]
    with pytest.raises(SystemExit):
        main([str(old), "--encoding", "klingon"])


def test_kinds_tolerate_spaces_and_min_confidence_filters(tmp_path: Path, capsys) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Under Printz v. United States, the anti-commandeering doctrine and the Supremacy Clause. "
                     "Later, Printz came up again.", encoding="utf-8")
    kinds = lambda args: [a["kind"] for a in json.loads(run([str(story), "-f", "jsonl", *args], capsys)[1])["annotations"]]  # noqa: E731
    assert set(kinds(["--kinds", "case, doctrine"])) == {"case", "doctrine"}
    every = json.loads(run([str(story), "-f", "jsonl"], capsys)[1])["annotations"]
    threshold = max(a["confidence"] for a in every)
    kept = json.loads(run([str(story), "-f", "jsonl", "--min-confidence", str(threshold)], capsys)[1])["annotations"]
    assert kept and len(kept) < len(every) and all(a["confidence"] >= threshold for a in kept)
    with pytest.raises(SystemExit):
        main([str(story), "--kinds", "case, treaty"])
    with pytest.raises(SystemExit):
        main([str(story), "--min-confidence", "2"])


def test_prefer_links(tmp_path: Path, capsys) -> None:
    story = tmp_path / "s.txt"
    story.write_text("The Supremacy Clause and Printz v. United States.", encoding="utf-8")
    urls = lambda args: [a["authorities"][a2["authority"]]["links"][0]["url"]  # noqa: E731
                         for a in [json.loads(run([str(story), "-f", "jsonl", *args], capsys)[1])]
                         for a2 in a["annotations"]]
    default, preferred = urls([]), urls(["--prefer-links", "LII, justia"])
    assert "law.cornell.edu" not in default[0] and "law.cornell.edu" in preferred[0]
    assert "justia.com" in preferred[1] and "justia.com" not in default[1]
    assert urls(["--prefer-links", "oyez"]) == default  # no such link: the catalog's order stays


def test_progress_line_for_one_large_file() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    progress = Progress(5_000_000, 1, True, stream)
    progress.start("big.txt", 5_000_000)
    assert "annotating big.txt (5.0 MB)" in progress.line() and "0/1 docs" in progress.line()
    progress.step(5_000_000)
    progress.close()
    assert "1/1 docs, 5.0 MB/5.0 MB" in stream.getvalue()
    quiet = io.StringIO()
    Progress(5, 1, True, quiet).close()
    assert quiet.getvalue() == ""


def test_unreadable_inputs_are_named_and_the_rest_processed(files: list[Path], tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Supremacy \xff Clause")
    code, out, err = run([str(bad), str(files[0]), str(tmp_path / "missing.txt"), str(tmp_path / "none*.md"),
                          "-f", "jsonl"], capsys)
    assert code == 1
    assert "bad.txt: cannot read: not UTF-8 text (byte 0xff at offset 10" in err
    assert "missing.txt: cannot read" in err and "none*.md: no file matches" in err
    assert len(out.splitlines()) == 1


def test_kinds_and_catalog(tmp_path: Path, capsys) -> None:
    catalog = write_entry(tmp_path, "user.widget")
    story = tmp_path / "s.txt"
    story.write_text("The Widget Act and the Supremacy Clause.", encoding="utf-8")
    code, out, _ = run([str(story), "--catalog", str(catalog), "--kinds", "statute", "-f", "jsonl"], capsys)
    assert code == 0
    assert [a["authority"] for a in json.loads(out)["annotations"]] == ["user.widget"]


def test_catalog_check(tmp_path: Path, capsys) -> None:
    good = write_entry(tmp_path, "user.widget", extra='near_misses = ["A widget maker acted fast."]\n')
    code, out, _ = run(["catalog", "check", str(good)], capsys)
    assert code == 0 and "2 checks passed, 0 failed" in out
    bad = write_entry(tmp_path, "user.gadget", name="Gadget Act", extra='near_misses = ["The Gadget Act applies."]\n')
    code, out, _ = run(["catalog", "check", str(bad)], capsys)
    assert code == 1 and "FAIL  user.gadget" in out and "near-miss finds it" in out
    broken = tmp_path / "broken.toml"
    broken.write_text("[[authority]\n", encoding="utf-8")
    assert run(["catalog", "check", str(broken)], capsys)[0] == 2
    assert run(["catalog", "nonsense"], capsys)[0] == 2
    code, out, _ = run(["catalog", "-h"], capsys)
    assert code == 0 and "catalog check FILE" in out and "stale" in out
    shadow = write_entry(tmp_path, "const.art6.cl2", name="Gizmo Act")
    code, out, err = run(["catalog", "check", str(shadow)], capsys)
    assert code == 0 and "warning: catalog entries replace ones with the same id: const.art6.cl2" in err


def test_usage_errors(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[[authority]\n", encoding="utf-8")
    code, _, err = run(["--example", "--catalog", str(broken)], capsys)
    assert code == 2 and "broken.toml" in err
    with pytest.raises(SystemExit) as caught:
        main(["--format", "pdf", "--example"])
    assert caught.value.code == 2


def test_no_input_on_a_terminal_is_a_usage_error(capsys, monkeypatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    code, _, err = run([], capsys)
    assert code == 2 and "give files" in err


def test_module_entry_point() -> None:
    done = command(["--example", "-f", "jsonl"])
    assert done.returncode == 0 and json.loads(done.stdout)["annotations"]


def test_prefer_links_from_python(annotator: Annotator) -> None:
    import legal_annot

    result = annotator.annotate("The Supremacy Clause and Printz v. United States.")
    preferred = legal_annot.prefer_links(result, ["lii", "justia"])
    assert [a.authority.links[0].label for a in preferred] == ["Cornell LII", "Justia"]
    assert preferred.annotations[0].authority.links[1:] == tuple(
        link for link in result.annotations[0].authority.links if link.label != "Cornell LII")
    assert legal_annot.prefer_links(result, "") == result


@pytest.mark.skipif(not Path("/usr/bin/script").exists(), reason="needs util-linux 'script' for a terminal")
def test_progress_on_a_terminal_for_one_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text((STORY + "A quiet paragraph about the weather and the county fair, with nothing legal.\n") * 7000,
                   encoding="utf-8")
    assert big.stat().st_size > 1_000_000
    inner = f"{sys.executable} -m legal_annot {big} -f jsonl -o {tmp_path / 'out.jsonl'}"
    done = subprocess.run(["/usr/bin/script", "-qec", inner, "/dev/null"], capture_output=True, text=True, env=ENV,
                          timeout=300)
    lines = done.stdout.replace("\r", "\n")
    assert done.returncode == 0, done.stdout
    assert f"annotating {str(big)[-30:]} (1.2 MB)" in lines and "1/1 docs, 1.2 MB/1.2 MB" in lines
    quiet = subprocess.run(["/usr/bin/script", "-qec", inner + " --no-progress", "/dev/null"], capture_output=True,
                           text=True, env=ENV, timeout=300)
    assert "docs" not in quiet.stdout


def test_a_named_pipe_is_read() -> None:
    done = subprocess.run(["bash", "-c", f"{sys.executable} -m legal_annot <(printf 'The Supremacy Clause.') -f jsonl"],
                          capture_output=True, text=True, env=ENV, timeout=120)
    assert done.returncode == 0 and json.loads(done.stdout)["annotations"][0]["text"] == "Supremacy Clause"
