"""Checking data files against the source texts (the seed documents) they cite, when those are at hand:
each document's SHA-256, and that every cited line exists and is not blank."""

from __future__ import annotations

import hashlib
from pathlib import Path

from medgraph.loaders.readers import LINE, Document


def check_sources(documents: list[Document], seeds: Path) -> list[str]:
    """Problems: a source file missing or changed (SHA-256), a fact citing a blank or absent line."""
    problems = []
    for document in documents:
        source = seeds / str(document.meta.get("file"))
        where = f"{document.path}:{document.meta.get(LINE, 1)}: document"
        if not source.is_file():
            problems.append(f"{where}.file: {source} not found")
        elif sha256_of(source) != document.meta.get("sha256"):
            problems.append(f"{where}.sha256: does not match {source}")
        else:
            problems += cited_line_problems(document, source.read_text(encoding="utf-8").splitlines())
    return problems


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
