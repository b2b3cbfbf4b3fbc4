"""The legal-annot command: every format, inputs from files, globs and stdin, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
from helpers import write_entry

from legal_annot.cli import FORMATS, main

STORY = "The county cited Printz v. United States and the Supremacy Clause, then 18 U.S.C. § 371.\n"


@pytest.fixture()
def files(tmp_path: Path) -> list[Path]:
    first, second = tmp_path / "a.txt", tmp_path / "b.html"
    first.write_text(STORY, encoding="utf-8")
    second.write_text("<p>The <em>Tenth Amendment</em> and <code>§ 371</code>.</p>", encoding="utf-8")
    return [first, second]


def run(args: list[str], capsys, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8"))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format(files: list[Path], capsys, fmt: str) -> None:
    code, out, err = run([str(f) for f in files] + ["-f", fmt], capsys)
    assert code == 0, err
    if fmt == "text":
        assert "Printz v. United States — 521 U.S. 898" in out and "== " in out
    elif fmt == "jsonl":
        lines = [json.loads(line) for line in out.splitlines()]
        assert [Path(line["file"]).name for line in lines] == ["a.txt", "b.html"]
    elif fmt == "json":
        assert '"version": 1' in out
    elif fmt == "webannotation":
        assert json.loads(out.split("\n]\n")[0] + "\n]")[0]["type"] == "Annotation"
    elif fmt == "html":
        assert 'data-authority="const.amend10"' in out and "<code>§ 371</code>" in out
        html5lib.parse(out)
    elif fmt == "md":
        assert "[Printz v. United States](<https://www.courtlistener.com/c/U.S./521/898/>" in out


def test_stdin(capsys, monkeypatch) -> None:
    code, out, _ = run(["-", "-f", "jsonl"], capsys, stdin=STORY, monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out)["file"] == "-"


def test_globs_and_jobs(files: list[Path], capsys) -> None:
    code, out, _ = run([str(files[0].parent / "*.txt"), "-j", "2", "-f", "jsonl"], capsys)
    assert code == 0 and len(out.splitlines()) == 1


def test_unreadable_inputs_are_named_and_the_rest_processed(files: list[Path], tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Supremacy \xff Clause")
    code, out, err = run([str(bad), str(files[0]), str(tmp_path / "missing.txt"), str(tmp_path / "none*.md"),
                          "-f", "jsonl"], capsys)
    assert code == 1
    assert "bad.txt: cannot read: not UTF-8 text (byte 0xff at offset 10)" in err
    assert "missing.txt: cannot read" in err and "none*.md: no file matches" in err
    assert len(out.splitlines()) == 1


def test_kinds_and_catalog(tmp_path: Path, capsys) -> None:
    catalog = write_entry(tmp_path, "user.widget")
    story = tmp_path / "s.txt"
    story.write_text("The Widget Act and the Supremacy Clause.", encoding="utf-8")
    code, out, _ = run([str(story), "--catalog", str(catalog), "--kinds", "statute", "-f", "jsonl"], capsys)
    assert code == 0
    assert [a["authority"]["id"] for a in json.loads(out)["annotations"]] == ["user.widget"]


def test_usage_errors(tmp_path: Path, capsys) -> None:
    assert run([], capsys)[0] == 2
    broken = tmp_path / "broken.toml"
    broken.write_text("[[authority]\n", encoding="utf-8")
    code, _, err = run(["--example", "--catalog", str(broken)], capsys)
    assert code == 2 and "broken.toml" in err
    with pytest.raises(SystemExit) as caught:
        main(["--format", "pdf", "--example"])
    assert caught.value.code == 2


def test_module_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "legal_annot", "--example", "-f", "jsonl"],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["annotations"]
