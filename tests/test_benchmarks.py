"""The benchmark runs at size S against the test server, so that it cannot rot.

Only the table's structure is asserted: timings depend on the machine.
"""

import csv
import hashlib
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

    assert {r.step for r in rows} == {"1 load", "2 read-out", "3 projection", "4 analysis", "5 map", "all"}
    peak = next(r for r in rows if r.step == "all")
    assert peak.py_peak_mib == max(r.py_peak_mib or 0 for r in rows) and peak.ratio.endswith("6 GiB")
    whats = [r.what for r in rows]
    for expected in ("naive loader: one MERGE per row and transaction", bench.CEILING,
                     "read_graph: Neo4j -> NetworkX MultiDiGraph", "networkx bipartite.weighted_projected_graph",
                     "medgraph projection (SciPy sparse B·Bᵀ)", "tie_arrays: the tie network as sparse matrices (no cap)",
                     "betweenness (exact)", "betweenness (exact), compiled",
                     "medgraph analyze: analyse + write_report", "write_map: the ties view"):
        assert expected in whats
    best = next(r for r in rows if r.what.startswith("medgraph loader, best batch"))
    assert "× naive" in best.ratio and "of ceiling" in best.ratio
    projected = next(r for r in rows if r.what.startswith("medgraph projection"))
    assert "identical to networkx's (asserted)" in projected.note
    assert all(r.size == "S" for r in rows)
    with open(tmp_path / "results.csv", newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert tuple(table[0]) == bench.ms.COLUMNS and len(table) == len(rows)
    assert printed[-2].splitlines()[0].startswith("| size | step | what |")
    assert printed[-1] == f"S: Python peak (worst step): {peak.py_peak_mib:,.0f} MiB (under 6 GiB; at: {peak.note[4:]})"


# --- the extraction benchmark on labelled real documents (invented ones here) -------------------

EXTRACTION = Path(__file__).resolve().parent.parent / "benchmarks" / "extraction.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "data"


def load_extraction_benchmark():
    spec = importlib.util.spec_from_file_location("medgraph_benchmark_extraction", EXTRACTION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labelled_documents_are_scored_by_split_with_links_to_known_events(tmp_path):
    texts, labels = tmp_path / "texts", tmp_path / "labels"
    texts.mkdir(), labels.mkdir()
    news = texts / "partner-news.txt"
    news.write_text("SOURCE: https://example.org/news\n\nTunis, 28 November 2018\n\nFrom 19 to 23 November 2018 a "
                    "benchmarking visit took clusters to Barcelona, Spain.\nThe delegates were C2TM (Morocco) and "
                    "ESITH (Morocco).\n", encoding="utf-8")
    (texts / "interview.txt").write_text("SOURCE: https://example.org/interview\n\nJane Doe, director of the "
                                         "Nowhere Cluster, answers our questions.\n", encoding="utf-8")
    sha = bench_sha(news)
    (labels / "partner-news.expected.yaml").write_text(f"""\
document: {{id: partner-news, file: partner-news.txt, date: 2018-11-28, language: en, sha256: {sha}}}
facts:
  - {{fact: mention, event: visit-2018-barcelona, line: 5}}
  - {{fact: attendance, event: visit-2018-barcelona, name: c2tm, written: C2TM, line: 6}}
  - {{fact: attendance, event: visit-2018-barcelona, name: esith, written: ESITH, line: 6}}
""", encoding="utf-8")
    (labels / "interview.expected.yaml").write_text("""\
document: {id: interview, file: interview.txt, date: null, language: en, sha256: not-this-text}
facts:
  - {fact: organisation, name: Nowhere Cluster, aliases: [NWC], country: FR, kind: Cluster, new: true, line: 3}
  - {fact: person, name: Jane Doe, role: director, works_for: Nowhere Cluster, line: 3}
""", encoding="utf-8")
    (labels / "split.yaml").write_text("held_out: [interview.txt]\n", encoding="utf-8")
    bench = load_extraction_benchmark()

    splits = bench.real_documents(texts, labels, FIXTURES / "registry.yaml", FIXTURES / "documents")

    development, names = splits["development"]
    assert names == ["partner-news.txt"]
    assert development.tp["document date"] == 1
    assert development.tp["linked events"] == 1 and development.tp["events"] == 1
    assert development.tp["attendances"] == 2 and not development.fn["attendances"]
    held_out, names = splits["held-out"]
    assert names == ["interview.txt (text changed)"]
    assert held_out.tp["people"] + len(held_out.fn["people"]) == 1  # Jane Doe, found or missed
    assert held_out.tp["new organisations"] + len(held_out.fn["new organisations"]) == 1
    table = bench.table(development, bench.REAL_TYPES).splitlines()
    assert table[0].split() == ["fact", "type", "tp", "fp", "fn", "precision", "recall"]
    assert [line.split()[0] for line in table[1:4]] == ["document", "known", "new"]


def test_the_fresh_set_is_one_split_of_its_own_whatever_the_development_split_file_says(tmp_path):
    texts, labels = tmp_path / "texts", tmp_path / "labels"
    texts.mkdir(), labels.mkdir()
    call = texts / "call.txt"
    call.write_text("SOURCE: https://example.org/call\n\nThe Nowhere Cluster (France) will host a training "
                    "in Lyon, France, on 3 March 2031.\n", encoding="utf-8")
    (labels / "call.expected.yaml").write_text(f"""\
document: {{id: call, file: call.txt, source: "https://example.org/call", date: null, language: en, sha256: {bench_sha(call)}}}
facts:
  - {{fact: organisation, name: Nowhere Cluster, country: FR, kind: Cluster, new: true, line: 3}}
  - fact: event
    id: e1
    name: Training in Lyon
    kind: training
    start: 2031-03-03
    end: 2031-03-03
    date_precision: day
    city: Lyon
    country: France
    status: planned
    line: 3
""", encoding="utf-8")
    (labels / "unlabelled-elsewhere.expected.yaml").write_text(
        "document: {id: gone, file: gone.txt, date: null, language: en, sha256: x}\nfacts: []\n", encoding="utf-8")
    bench = load_extraction_benchmark()

    splits = bench.fresh_documents(texts, FIXTURES / "registry.yaml", FIXTURES / "documents", labels=labels)

    assert list(splits) == ["fresh"]
    fresh, names = splits["fresh"]
    assert names == ["call.txt"]  # a label whose text is absent is skipped
    assert fresh.tp["events"] + len(fresh.fn["events"]) == 1
    assert fresh.tp["new organisations"] + len(fresh.fn["new organisations"]) == 1
    assert not fresh.fp["document date"] and not fresh.fn["document date"]


def test_a_fresh_set_takes_its_labels_from_the_benchmarks_folder_named_like_its_texts_folder(tmp_path):
    bench = load_extraction_benchmark()

    second = bench.fresh_labels(tmp_path / "freshdocs2")

    assert second == bench.ROOT / "benchmarks" / "freshdocs2"
    assert bench.fresh_split(second) == "fresh (freshdocs2)"
    assert bench.fresh_labels(tmp_path / "freshdocs") == bench.FRESH_LABELS
    assert bench.fresh_split(bench.FRESH_LABELS) == "fresh"  # the first set prints as before
    assert bench.fresh_labels(tmp_path / "texts") == bench.FRESH_LABELS  # no labels of that name


def bench_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_above_the_cap_each_networkx_analysis_is_a_row_that_says_why_it_did_not_run(monkeypatch, tmp_path):
    from medgraph.graph import ties
    from medgraph.graph.knowledge import example_graph

    bench = load_benchmark()
    monkeypatch.setattr(ties, "MAX_PAIRS", 1)  # the example's tie network stands for L's 35 million ties

    rows = list(bench.analysis_steps("L", example_graph(), tmp_path, limit=60, readout_seconds=0.1))

    names = list(bench.analyses(None, None, None, None))
    not_run = [r for r in rows if r.what in names]
    assert [r.what for r in not_run] == names
    assert all(r.seconds is None and r.note.startswith("not run at L: NetworkX's tie graph") for r in not_run)
    ours = [r for r in rows if r.what.endswith((", compiled", ", arrays"))]
    assert {bench.key_of(r.what) for r in ours} == {bench.key_of(name) for name in names}
    assert all(r.seconds is not None and r.ratio == "" for r in ours)
    analyze = rows[-1]
    assert analyze.what == "medgraph analyze: analyse + write_report" and analyze.note.startswith("methods: betweenness")
    assert analyze.py_peak_mib > 0


def test_a_compiled_row_s_ratio_is_against_the_networkx_row_s_own_limit():
    bench = load_benchmark()

    assert bench.speedup(2.0, (30.0, 60.0)) == "15.0× networkx"
    assert bench.speedup(2.0, (None, 30.0)) == "≥ 15.0× networkx (stopped at 30 s)"
    assert bench.speedup(None, (30.0, 60.0)) == bench.speedup(2.0, None) == ""


def test_a_repeated_row_gives_the_median_and_the_spread_of_its_runs():
    bench = load_benchmark()

    got, failure = bench.ms.measure_repeated(lambda: sum(range(100_000)), limit=60, runs=3)
    row = bench.timed(bench.Row("M", "4 analysis", "pagerank, compiled"), got, "1,000 ties")

    assert failure is None and row.runs == 3
    assert row.seconds_min <= row.seconds <= row.seconds_max
    assert row.note.startswith("1,000 ties; 3 runs: ") and row.note.endswith("s (min / median / max)")


def test_a_forked_step_s_peak_is_its_own_not_the_benchmark_process_s():
    import numpy as np

    bench = load_benchmark()
    held = np.ones(40_000_000)  # 305 MiB in the benchmark process, mapped by every forked child

    got, _ = bench.ms.measure_forked(lambda: float(held[::1000].sum()), limit=60)

    assert got.value == 40_000.0 and got.py_peak_mib < 100


def test_repeat_applies_to_the_sizes_asked_only(monkeypatch):
    bench = load_benchmark()
    asked = {}
    monkeypatch.setattr(bench, "run", lambda sizes, out, limit, work, **kw: asked.update(sizes=sizes, **kw))

    bench.main(["--sizes", "S,M,L", "--repeat", "3", "--repeat-sizes", "m,L"])

    assert asked["sizes"] == ["S", "M", "L"] and asked["repeat"] == 3 and asked["repeat_sizes"] == ("M", "L")


def test_the_ceiling_makes_as_many_nodes_per_set_of_labels_and_relationships_per_type_as_the_load():
    from medgraph.loaders.rows import GraphRows

    bench = load_benchmark()
    rows = GraphRows()
    rows.node("tn", ["Country"], code="TN", name="Tunisia")
    for i in range(3):
        rows.node(f"org-{i}", ["Organisation", "Cluster"], name=f"Cluster {i}", country="TN")
        rows.relate("LOCATED_IN", f"org-{i}", "tn", f"registry:{i + 1}")
    rows.node("forum", ["Event"], name="Forum")
    rows.relate("ATTENDED", "org-2", "forum", "doc:7", role="delegate")

    nodes, types = bench.ceiling_shape(rows)

    assert [(g["labels"], g["first"], g["count"], g["props"]) for g in nodes] == [
        (["Country"], 0, 1, {"name": "Tunisia"}),
        (["Cluster", "Organisation"], 1, 3, {"name": "Cluster 0", "country": "TN"}),
        (["Event"], 4, 1, {"name": "Forum"})]
    attended, located = types
    assert (attended["type"], attended["count"], attended["start"], attended["starts"], attended["end"], attended["ends"]) \
        == ("ATTENDED", 1, 1, 3, 4, 1)
    assert attended["props"] == {"role": "delegate", "sources": ["doc"], "evidence": ["doc:7"]}
    assert (located["type"], located["count"], located["start"], located["starts"], located["end"], located["ends"]) \
        == ("LOCATED_IN", 3, 1, 3, 0, 1)
