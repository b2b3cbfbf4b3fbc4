"""The command's inputs: names, directories and glob patterns expanded into documents to read.

Walking never follows a link to a directory (a link loop cannot make it annotate a file twice or
run forever) and never yields the same file twice, however many patterns or links name it.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache

import attrs

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DEFAULT_GLOBS = ("*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml")
_MAGIC = re.compile(r"[*?\[]")


@attrs.frozen
class Input:
    """One document to annotate: a file (``path``), standard input, or the bundled example."""

    name: str
    path: str | None = None  # None: standard input (or the example)
    example: bool = False

    @property
    def is_html_file(self) -> bool:
        return self.name.lower().endswith(HTML_SUFFIXES)


STDIN = Input("-")


def _translate(pattern: str) -> re.Pattern[str]:
    """A glob over '/'-separated relative paths as a regex: '**' spans directories, '*' does not."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) != -1:
            body = pattern[i + 1:close]
            body = "^" + body[1:] if body.startswith("!") else body
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z", re.DOTALL)


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return _translate(pattern)


def _walk(root: str) -> Iterator[str]:
    """Every file under ``root`` (sorted), without descending into links to directories."""
    for top, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            yield os.path.join(top, name)
        # os.walk lists a link to a directory among dirs but does not enter it: nothing to do.


def _split_pattern(pattern: str) -> tuple[str, str]:
    """The fixed directory a pattern starts in, and the magic rest relative to it."""
    parts = pattern.split("/")
    fixed: list[str] = []
    for part in parts:
        if _MAGIC.search(part):
            break
        fixed.append(part)
    rest = "/".join(parts[len(fixed):])
    root = "/".join(fixed) or ("/" if pattern.startswith("/") else ".")
    return root, rest


def _glob(pattern: str) -> list[str]:
    root, rest = _split_pattern(pattern)
    if not os.path.isdir(root):
        return []
    matcher = _compiled(rest)
    found = []
    for path in _walk(root):
        relative = os.path.relpath(path, root).replace(os.sep, "/")
        if matcher.match(relative):
            found.append(path if root != "." or pattern.startswith("./") else relative)
    return found


def _matches_any(path: str, globs: Sequence[str]) -> bool:
    name = os.path.basename(path)
    return any(_compiled(g).match(name) if "/" not in g else _compiled(g).match(path.replace(os.sep, "/"))
               for g in globs)


def expand(arguments: Sequence[str], globs: Sequence[str] = DEFAULT_GLOBS) -> tuple[list[Input], list[str]]:
    """The inputs named by ``arguments`` in order, each file once, and the arguments that matched nothing.

    An argument is '-' (standard input), a file, a directory (recursed, keeping files whose name
    matches one of ``globs``), or a glob pattern ('**' recurses).
    """
    inputs: list[Input] = []
    empty: list[str] = []
    seen: set[tuple[int, int]] = set()

    def add(path: str, named: bool = False) -> bool:
        try:
            info = os.stat(path)  # follows a link to a file: the file itself is what counts
        except OSError:
            inputs.append(Input(path, path))  # reading it will report the problem
            return True
        if not stat.S_ISREG(info.st_mode) and not (named and not stat.S_ISDIR(info.st_mode)):
            return False  # found by a walk or a glob: regular files only (a named pipe, <(...), is fine)
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return True
        seen.add(key)
        inputs.append(Input(path, path))
        return True

    for argument in arguments:
        if argument == "-":
            inputs.append(STDIN)
        elif os.path.isdir(argument):
            if not [add(p) for p in _walk(argument) if _matches_any(p, globs)]:
                empty.append(argument)
        elif os.path.lexists(argument) or not _MAGIC.search(argument):
            add(argument, named=True)
        elif not [add(p) for p in _glob(argument)]:
            empty.append(argument)
    return inputs, empty


def names_many(arguments: Sequence[str]) -> bool:
    """Whether the arguments can name several documents (more than one, a directory or a glob)."""
    return len(arguments) > 1 or any(os.path.isdir(a) or (_MAGIC.search(a) and not os.path.lexists(a))
                                     for a in arguments)


def decode(data: bytes, encoding: str) -> str:
    """Bytes as text; raises ValueError naming the first bad byte. UTF-8 input may start with a BOM."""
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        label, hint = (encoding, "") if codec != "utf-8-sig" else ("UTF-8", "; try --encoding cp1252 for Windows text")
        raise ValueError(f"not {label} text (byte 0x{data[exc.start]:02x} at offset {exc.start}{hint})") from None


def read(source: Input, encoding: str = "utf-8") -> str:
    """A document's text; raises OSError, or ValueError naming the decoding problem."""
    if source.example:
        from legal_annot.examples import example_article

        return example_article()
    if source.path is None:
        return decode(sys.stdin.buffer.read(), encoding)
    with open(source.path, "rb") as handle:
        return decode(handle.read(), encoding)
