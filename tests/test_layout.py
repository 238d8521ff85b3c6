"""The shape of the code: small files, and imports that go one way."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).parent.parent
MAX_LINES = 400
#: Where each folder's modules live in the installed package (pyproject.toml's package-dir).
PACKAGES = {"medgraph": "medgraph", "graph": "medgraph.graph", "loaders": "medgraph.loaders",
            "queries": "medgraph.queries"}


def source_files(suffix: str = "") -> list[Path]:
    return sorted(p for folder in ("medgraph", "graph", "loaders") for p in (ROOT / folder).rglob(f"*{suffix}")
                  if p.is_file() and "__pycache__" not in p.parts)


def test_no_file_runs_over_400_lines_without_a_reason_at_its_top():
    """A longer file says why in its first lines: `# long-file: <reason>` (or `// long-file:` …)."""
    too_long = []
    for path in source_files():
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if len(lines) > MAX_LINES and not any("long-file:" in line for line in lines[:3]):
            too_long.append(f"{path.relative_to(ROOT)}: {len(lines)} lines")
    assert too_long == []


def module_name(path: Path) -> str:
    """The dotted name a source file is imported under.

    >>> module_name(ROOT / "loaders" / "extract" / "run.py"), module_name(ROOT / "queries" / "__init__.py")
    ('medgraph.loaders.extract.run', 'medgraph.queries')
    """
    folder, *rest = path.relative_to(ROOT).with_suffix("").parts
    parts = [PACKAGES[folder], *rest]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(node: ast.AST, module: str, is_package: bool, known: set[str]) -> list[str]:
    """The medgraph modules an import statement (at any depth: functions too) brings in."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in known]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:  # relative: from the package of this module
        package = module.split(".") if is_package else module.split(".")[:-1]
        base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
    found = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
    return [name for name in found if name in known]


def import_graph() -> nx.DiGraph:
    files = {module_name(p): p for p in source_files(".py") + sorted((ROOT / "queries").glob("*.py"))}
    G = nx.DiGraph()
    G.add_nodes_from(files)
    for module, path in files.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for target in imported(node, module, path.name == "__init__.py", set(files)):
                if target != module:
                    G.add_edge(module, target)
    return G


def test_the_medgraph_modules_import_each_other_without_a_cycle():
    G = import_graph()
    assert G.has_edge("medgraph.connection", "medgraph.server.local")  # the one way between these two
    assert list(nx.simple_cycles(G)) == []
