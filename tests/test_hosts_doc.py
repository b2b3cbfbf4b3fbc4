"""The shell examples in docs/hosts.md run as shown: every ``console`` block, in one bash, in an empty
directory, with this checkout's commands first on PATH; each command's output must match the
lines under it (``...`` matches any text)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOC = ROOT / "docs" / "hosts.md"
MARK = "@@legal-annot-doc-step@@"
TOOLS = ("pandoc", "curl", "unzip")


def steps(markdown: str) -> list[tuple[str, str]]:
    """(command, expected output) for each ``$ `` line of the console blocks."""
    out: list[tuple[str, str]] = []
    for block in re.findall(r"^```console\n(.*?)^```", markdown, re.DOTALL | re.MULTILINE):
        for line in block.splitlines():
            if line.startswith("$ "):
                out.append((line[2:], ""))
            else:
                command, expected = out[-1]
                out[-1] = (command, expected + line + "\n")
    return out


def matches(expected: str, actual: str) -> bool:
    pattern = ".*?".join(re.escape(part) for part in expected.split("..."))
    return re.fullmatch(pattern, actual, re.DOTALL) is not None


def test_the_parser_and_matcher() -> None:
    assert steps("```console\n$ a\nx\n...\n$ b\n```\n") == [("a", "x\n...\n"), ("b", "")]
    assert matches("x ... z\n", "x yy z\n") and not matches("x ... z\n", "x yy q\n")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS) and os.environ.get("CI") != "true",
                    reason="pandoc, curl and unzip are needed (.ci/run installs them)")
def test_console_examples_run_as_shown(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, module in (("legal-annot", "legal_annot"), ("legal-annot-pandoc", "legal_annot.pandoc_filter")):
        script = bin_dir / name
        script.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m {module} "$@"\n')
        script.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    port = str(_free_port())
    documented = steps(DOC.read_text(encoding="utf-8"))
    assert len(documented) >= 10
    script = ["trap 'kill $(jobs -p) 2>/dev/null' EXIT"]
    for command, _ in documented:
        script += [f"echo {MARK}", command.replace("8000", port)]
    done = subprocess.run(["bash", "-c", "\n".join(script)], cwd=work, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"})
    outputs = done.stdout.split(MARK + "\n")[1:]
    assert len(outputs) == len(documented), done.stdout + done.stderr
    for (command, expected), actual in zip(documented, outputs):
        assert matches(expected.rstrip("\n"), actual.rstrip("\n")), f"$ {command}\nexpected:\n{expected}\ngot:\n{actual}\n{done.stderr}"
