"""The notebooks run top to bottom against the real Neo4j, and are stored without outputs."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from medgraph.loaders.load import load

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_notebook_runs_without_a_cell_error(path, db, neo4j_settings, monkeypatch, tmp_path):
    load(db, neo4j_settings.database, [DATA])
    for name, value in (("NEO4J_URI", neo4j_settings.uri), ("NEO4J_USERNAME", neo4j_settings.user),
                        ("NEO4J_PASSWORD", neo4j_settings.password), ("NEO4J_DATABASE", neo4j_settings.database)):
        monkeypatch.setenv(name, value)
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    assert (tmp_path / "out" / "analysis" / "report.html").is_file()       # written under out/, as the main job's
    svgs = [o for cell in notebook.cells for o in cell.get("outputs", ()) if "image/svg+xml" in o.get("data", {})]
    assert len(svgs) >= 2                                                   # the report's charts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)


def test_no_notebook_reads_the_shared_folder():
    assert not [p.name for p in NOTEBOOKS if "shared" in p.read_text()]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_notebook_only_calls_the_package(path):
    code = "\n".join(cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")
    assert not re.search(r"\bdef |\blambda\b|\bfor\b|\bimport (pandas|networkx|matplotlib)", code)
