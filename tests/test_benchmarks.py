"""The benchmark runs at size S against the test server, so that it cannot rot.

Only the table's structure is asserted: timings depend on the machine.
"""

import csv
import importlib.util
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("medgraph_benchmark_run", RUN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.neo4j
def test_the_benchmark_at_size_s_writes_one_row_per_measure(neo4j_settings, monkeypatch, tmp_path):
    for key, value in (("NEO4J_URI", neo4j_settings.uri), ("NEO4J_USERNAME", neo4j_settings.user),
                       ("NEO4J_PASSWORD", neo4j_settings.password), ("NEO4J_DATABASE", neo4j_settings.database)):
        monkeypatch.setenv(key, value)
    bench = load_benchmark()
    printed = []

    rows = bench.run(["S"], tmp_path / "results.csv", limit=60, work=tmp_path, echo=printed.append)

    assert {r.step for r in rows} == {"1 load", "2 read-out", "3 projection", "4 analysis", "5 map"}
    whats = [r.what for r in rows]
    for expected in ("naive loader: one MERGE per row and transaction", "server ceiling: one UNWIND range(…) statement",
                     "read_graph: Neo4j -> NetworkX MultiDiGraph", "networkx bipartite.weighted_projected_graph",
                     "medgraph projection (SciPy sparse B·Bᵀ)", "betweenness (exact)", "write_map: the ties view"):
        assert expected in whats
    best = next(r for r in rows if r.what.startswith("medgraph loader, best batch"))
    assert "× naive" in best.ratio and "of ceiling" in best.ratio
    projected = next(r for r in rows if r.what.startswith("medgraph projection"))
    assert "identical to networkx's (asserted)" in projected.note
    assert all(r.size == "S" for r in rows)
    with open(tmp_path / "results.csv", newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert tuple(table[0]) == bench.ms.COLUMNS and len(table) == len(rows)
    assert printed[-1].splitlines()[0].startswith("| size | step | what |")
