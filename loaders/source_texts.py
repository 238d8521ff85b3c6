"""Checking data files against the source texts they cite, when those are at hand: each
document's SHA-256, and that every cited line exists and is not blank.

The texts are looked up by each document's `file` in a list of folders (the user's own,
`data/sources/` by default, then the programme's seeds when given); a document whose text is in
none of them is not verified, and said so, but it still loads.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from medgraph.loaders.readers import LINE, Document

__all__ = ["check_sources", "cited_line_problems", "not_verified", "sha256_of"]

NAMED = 5  # unverified documents named in the note; the others are counted


def check_sources(documents: list[Document], folders: list[Path]) -> tuple[list[str], list[Document]]:
    """Problems (a source changed since its SHA-256 was taken, a fact citing a blank or absent
    line) and the documents whose text is in none of the folders."""
    problems, absent = [], []
    for document in documents:
        source = find_text(document, folders)
        where = f"{document.path}:{document.meta.get(LINE, 1)}: document"
        if source is None:
            absent.append(document)
        elif sha256_of(source) != document.meta.get("sha256"):
            problems.append(f"{where}.sha256: does not match {source}")
        else:
            problems += cited_line_problems(document, source.read_text(encoding="utf-8").splitlines())
    return problems, absent


def find_text(document: Document, folders: list[Path]) -> Path | None:
    name = document.meta.get("file")
    found = [folder / str(name) for folder in folders if name and (folder / str(name)).is_file()]
    return found[0] if found else None


def not_verified(absent: list[Document], folders: list[Path]) -> str:
    """The one line that says which documents could not be checked against their text.

    >>> docs = [Document(f"d{i}.yaml", {"id": f"d{i}", "file": f"{i}.txt"}) for i in range(7)]
    >>> not_verified(docs[:1], [Path("data/sources")])
    'not verified: 1 document whose text (its `file`) is not in data/sources: d0 (0.txt)'
    >>> not_verified(docs, [Path("a"), Path("b")]).split(": ", 2)[-1]
    'd0 (0.txt), d1 (1.txt), d2 (2.txt), d3 (3.txt), d4 (4.txt) and 2 more'
    """
    named = ", ".join(f"{d.id} ({d.meta.get('file')})" for d in absent[:NAMED])
    more = f" and {len(absent) - NAMED} more" if len(absent) > NAMED else ""
    where = " nor ".join(str(f) for f in folders) or "any folder"
    return (f"not verified: {len(absent)} document{'s' * (len(absent) > 1)} whose text (its `file`) is not in "
            f"{where}: {named}{more}")


def cited_line_problems(document: Document, lines: list[str]) -> list[str]:
    """Facts whose `line` is past the end of the text or blank there.

    >>> doc = Document("d.yaml", {"id": "d"}, [{"line": 2, LINE: 5}, {"line": 9, LINE: 6}])
    >>> cited_line_problems(doc, ["title", "", "text"])
    ['d.yaml:5: facts[0].line: line 2 of the source is blank', 'd.yaml:6: facts[1].line: the source has only 3 lines']
    """
    problems = []
    for index, fact in enumerate(document.facts):
        line = fact.get("line")
        where = f"{document.path}:{fact.get(LINE)}: facts[{index}].line"
        if isinstance(line, int) and line > len(lines):
            problems.append(f"{where}: the source has only {len(lines)} lines")
        elif isinstance(line, int) and not lines[line - 1].strip():
            problems.append(f"{where}: line {line} of the source is blank")
    return problems


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
