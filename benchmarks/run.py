"""The medgraph benchmark: every step from data files to a map, per size, beside its baselines.

    python benchmarks/run.py --sizes S,M,L --out benchmarks/results.csv

Starts its own local Neo4j in a temporary data directory (or uses NEO4J_URI, whose database it
wipes), writes the synthetic data of each size (benchmarks/synthetic.py), and measures, each
row in the same run, with the peak RSS of this process and of the Neo4j JVM per step:

1. load: reading and checking the files; medgraph's loader at several UNWIND batch sizes
   (the best kept); a naive loader sending one MERGE per row in its own transaction, run on a
   sample of rows and extrapolated; the server's ceiling (the same numbers of nodes per set of
   labels and relationships per type, with as many properties, made on the server by UNWIND
   range(…) statements a batch per transaction: the fastest of three, each into the wiped database);
2. read-out into NetworkX, beside a server-side count of the same rows;
3. the co-attendance projection: medgraph's sparse one beside networkx's
   bipartite.weighted_projected_graph (same result asserted), and the whole tie network;
4. each analysis of `medgraph analyze`, in a forked child with a time limit, on the compiled
   path (graph/engine.py) or the arrays path (the table analyses on `ties.TieArrays`), and on
   NetworkX beside it, each NetworkX row allowed `PROOF` times its compiled row's seconds (so
   that a stopped row still shows ≥ 10×), with the ratio; above the pair cap (L) each NetworkX
   row says why it is not run; at S and M the sampled betweenness and closeness against
   NetworKit's exact ones (the compiled betweenness with the pivots `medgraph analyze` would
   choose at that size); `medgraph analyze` itself (read-out, analyse and report in a fresh
   Python process: methods, its own peak RSS);
5. the map page;

and, per size, the worst step's Python peak (the issue-20 bound: 6 GiB), each row's peak that of
the process doing the step: this one for the load and the read-out, a forked child's own above
its start (not the pages it shares with this process), the fresh process of `medgraph analyze`.
`--repeat N` runs each timed analysis row N times at `--repeat-sizes` (default S and M): its
seconds are the median, min and max beside (columns runs, seconds_min, seconds_max), the ratios
on the medians.
`--steps` runs only some of steps 3–5 (load and read-out always run); `--batches` sweeps the
loader's batch sizes at every size. Rows give the Python CPU time and the load average beside
the wall time (the machine may be shared).

Prints one table and writes it as CSV. benchmarks/README.md has a run and what it shows.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import json
import math
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkit  # noqa: F401  imported once here, not in each forked child (some 3 s)
import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure as ms  # noqa: E402
import synthetic  # noqa: E402
from measure import Row  # noqa: E402

from medgraph import connection  # noqa: E402
from medgraph.cypher import read_cypher  # noqa: E402
from medgraph.graph import centrality, communities, coverage, growth, metmatrix, recommend, report, ties  # noqa: E402
from medgraph.graph import engine as eng  # noqa: E402
from medgraph.graph.brokerage import brokerage_roles, role_counts  # noqa: E402
from medgraph.graph.maps import map_data, write_page  # noqa: E402
from medgraph.graph.readout import read_graph  # noqa: E402
from medgraph.loaders import write  # noqa: E402
from medgraph.loaders.load import read_rows  # noqa: E402

CYPHER = Path(__file__).resolve().parent / "cypher"
BATCHES = (1000, 5000, 20000)
SWEEP_MAX_ROWS = 500_000  # above this many rows, the batch size best on the largest size swept
CEILING = "server ceiling: the same graph made by UNWIND range(…) on the server"
CEILING_RUNS = 3  # the ceiling is the fastest of this many runs
NAIVE_SAMPLE = 1000  # relationship rows (and the nodes they join) the naive loader writes
EXTRAPOLATE_SOURCES = 4  # sources timed to extrapolate an exact betweenness that cannot finish
TOP = 20
PROOF = 10.5  # a NetworkX row runs up to this many times its compiled row's seconds (issue 20: ≥ 10×)
PEAK_BOUND_MIB = 6 * 1024  # issue 20: the Python process stays under 6 GiB at every step


@functools.cache
def cypher(name: str) -> str:
    return (CYPHER / f"{name}.cypher").read_text(encoding="utf-8")


# --- the server -----------------------------------------------------------------------------------

@contextlib.contextmanager
def neo4j_server(work: Path):
    """(driver, database, JVM pid): NEO4J_URI's server, else a local one in `work`, stopped after."""
    if settings := connection.settings_from_env():
        with connection.connect(settings) as driver, serving(settings):
            yield driver, settings.database, None
        return
    from medgraph.server import local

    env = {**os.environ, "MEDGRAPH_DATA_DIR": str(work / "neo4j-data")}
    env.setdefault("MEDGRAPH_NEO4J_HEAP", "6g")
    env.setdefault("MEDGRAPH_NEO4J_PAGECACHE", "2g")
    env.pop("MEDGRAPH_NEO4J_PORT", None)
    paths = local.default_paths(env)
    status, _ = local.start(paths, env=env)
    try:
        settings = connection.Settings(status.uri, "neo4j", local.ensure_password(paths), "neo4j", local=True)
        with connection.connect(settings) as driver, serving(settings):
            yield driver, "neo4j", status.pid
    finally:
        local.stop(paths)


@contextlib.contextmanager
def serving(settings):
    """`SERVER_ENV` names the server of `settings` while the benchmark runs (for `ANALYZE_CHILD`)."""
    SERVER_ENV.update(NEO4J_URI=settings.uri, NEO4J_USERNAME=settings.user, NEO4J_PASSWORD=settings.password,
                      NEO4J_DATABASE=settings.database)
    try:
        yield
    finally:
        SERVER_ENV.clear()


def wipe(driver, database: str) -> None:
    with driver.session(database=database) as session:
        session.run(cypher("wipe_in_batches")).consume()


# --- 1. load ----------------------------------------------------------------------------------------

def load_rows(size: str, data: Path, driver, database: str, jvm: int | None, best_batch: int | None,
              sweep: tuple[int, ...] | None = None):
    """The load rows of one size, its GraphRows, and the batch size found best (among `sweep`
    when given, else BATCHES up to SWEEP_MAX_ROWS rows and the best of a smaller size above)."""
    m = ms.measure(read_rows, [data])
    rows = m.value
    n_nodes, n_rels = len(rows.nodes), len(rows.relationships)
    total = n_nodes + n_rels
    out = [Row(size, "1 load", "read and check the files (read_rows)", total, "rows", m.seconds, total / m.seconds,
               "", m.py_peak_mib, None, f"{n_nodes:,} nodes, {n_rels:,} relationships; {m.cpu_note()}")]
    ceiling, failure = best_ceiling(driver, database, ceiling_shape(rows), jvm)
    ceiling_rate = total / ceiling.seconds if ceiling else math.nan
    out.append(Row(size, "1 load", CEILING, total, "rows",
                   ceiling.seconds if ceiling else None, ceiling_rate if ceiling else None, "",
                   ceiling.py_peak_mib if ceiling else None, ceiling.jvm_peak_mib if ceiling else None, failure))
    wipe(driver, database)
    naive_seconds, sample = naive_load(driver, database, rows, n_nodes, n_rels, jvm)
    naive_rate = total / naive_seconds
    out.append(Row(size, "1 load", "naive loader: one MERGE per row and transaction", total, "rows", naive_seconds,
                   naive_rate, "", None, None, f"extrapolated from {sample}"))
    batches = sweep or (BATCHES if total <= SWEEP_MAX_ROWS or best_batch is None else (best_batch,))
    timings = {}
    atomic = True
    for batch in batches:
        wipe(driver, database)
        m, failure = attempt(write.write, driver, database, rows, batch, jvm_pid=jvm)
        if failure:  # one transaction too large for the server's transaction memory
            out.append(Row(size, "1 load", f"medgraph loader, UNWIND batch {batch:,}, one transaction", total, "rows",
                           note=f"failed: {failure}"))
            wipe(driver, database)
            atomic = False
            m = ms.measure(write.write, driver, database, rows, batch, atomic=False, jvm_pid=jvm)
        timings[batch] = m
        out.append(Row(size, "1 load", f"medgraph loader, UNWIND batch {batch:,}" + ("" if atomic else ", a transaction per batch"),
                       total, "rows", m.seconds, total / m.seconds, "", m.py_peak_mib, m.jvm_peak_mib,
                       "; ".join(filter(None, [
                           "into the empty database: CREATE, plain lists", m.cpu_note(),
                           "" if len(batches) > 1 or sweep else
                           f"batch best on a smaller size; sweep skipped above {SWEEP_MAX_ROWS:,} rows"]))))
    best = min(timings, key=lambda b: timings[b].seconds)
    if best != batches[-1]:
        wipe(driver, database)
        write.write(driver, database, rows, best, atomic=atomic)
    rate = total / timings[best].seconds
    out.append(Row(size, "1 load", f"medgraph loader, best batch ({best:,})", total, "rows", timings[best].seconds, rate,
                   f"{rate / naive_rate:,.0f}× naive; " + (f"{rate / ceiling_rate:.0%} of ceiling" if ceiling else "no ceiling"),
                   timings[best].py_peak_mib, timings[best].jvm_peak_mib, timings[best].cpu_note()))
    read_and_write = out[0].seconds + timings[best].seconds
    out.append(Row(size, "1 load", "medgraph load end to end (read + best write)", total, "rows", read_and_write,
                   total / read_and_write, "", max(filter(None, [out[0].py_peak_mib, timings[best].py_peak_mib]), default=None),
                   timings[best].jvm_peak_mib, ""))
    return out, rows, best


def attempt(fn, *args, jvm_pid=None, **kwargs) -> tuple[ms.Measured | None, str | None]:
    """(Measured, None), or (None, the first line of the server's error)."""
    from neo4j.exceptions import Neo4jError

    try:
        return ms.measure(fn, *args, jvm_pid=jvm_pid, **kwargs), None
    except Neo4jError as error:
        return None, (error.message or str(error)).strip().splitlines()[0]


def best_ceiling(driver, database: str, shape, jvm) -> tuple[ms.Measured | None, str]:
    """The fastest of CEILING_RUNS ceilings, each into the wiped database, and a note with the
    spread (or None and the server's error)."""
    runs = []
    for _ in range(CEILING_RUNS):
        wipe(driver, database)
        write.create_constraints(driver, database)
        m, failure = attempt(run_ceiling, driver, database, shape, write.BATCH, jvm_pid=jvm)
        if failure:
            return None, failure
        runs.append(m)
    wipe(driver, database)
    best = min(runs, key=lambda m: m.seconds)
    spread = " / ".join(f"{m.seconds:,.1f}" for m in runs)
    return best, (f"best of {CEILING_RUNS} ({spread} s), each into the wiped database; the same nodes by set of "
                  f"labels and relationships by type, a transaction per {write.BATCH:,} rows; {best.cpu_note()}")


def ceiling_shape(rows) -> tuple[list[dict], list[dict]]:
    """The load's shape for the ceiling: per set of labels, its number of nodes and one node's
    properties (its keys `id` and `code` aside: they are unique); per type, its number of
    relationships, one relationship's properties as the loader writes them, and the span of the
    nodes its starts and its ends belong to (numbered set by set as `run_ceiling` makes them)."""
    groups: dict[tuple, dict] = {}
    for node in rows.nodes.values():
        group = groups.setdefault(tuple(node["labels"]), {"labels": node["labels"], "count": 0, "props": {
            k: v for k, v in node["props"].items() if k not in ("id", "code")}})
        group["count"] += 1
    first = 0
    for group in groups.values():
        group["first"], first = first, first + group["count"]
    types: dict[str, dict] = {}
    for kind, start, end, props in write.relationship_lists(rows):
        if kind not in types:
            types[kind] = {"type": kind, "count": 0, "props": props, "starts": set(), "ends": set()}
        spans = types[kind]
        spans["count"] += 1
        spans["starts"].add(tuple(rows.nodes[start]["labels"]))
        spans["ends"].add(tuple(rows.nodes[end]["labels"]))
    for kind in types.values():
        for side in ("start", "end"):
            spanned = [groups[labels] for labels in kind.pop(f"{side}s")]
            kind[side] = min(g["first"] for g in spanned)
            kind[f"{side}s"] = max(g["first"] + g["count"] for g in spanned) - kind[side]
    return list(groups.values()), list(types.values())


def run_ceiling(driver, database: str, shape: tuple[list[dict], list[dict]], batch: int) -> None:
    """The server's ceiling for a load of this shape: as many nodes of each set of labels and
    relationships of each type, with as many properties, made on the server (ceiling_*.cypher),
    a transaction per `batch` rows as the loader commits a large first load."""
    nodes, types = shape
    with driver.session(database=database) as session:
        for group in nodes:
            for first in range(group["first"], group["first"] + group["count"], batch):
                count = min(batch, group["first"] + group["count"] - first)
                session.execute_write(write.run_one, cypher("ceiling_nodes"),
                                      {"first": first, "count": count, "labels": group["labels"], "props": group["props"]})
        for kind in types:
            statement = cypher("ceiling_relationships").replace(write.TYPE_SLOT, f"[r:{kind['type']}]")
            parameters = {"total": kind["count"], **{k: kind[k] for k in ("start", "starts", "end", "ends", "props")}}
            for first in range(0, kind["count"], batch):
                session.execute_write(write.run_one, statement,
                                      {**parameters, "first": first, "count": min(batch, kind["count"] - first)})


def naive_load(driver, database: str, rows, n_nodes: int, n_rels: int, jvm) -> tuple[float, str]:
    """Seconds the naive loader would take for all rows, from a sample: NAIVE_SAMPLE
    relationship rows spread over the load, after the nodes they join."""
    relationships = rows.relationship_rows()
    step = max(1, len(relationships) // NAIVE_SAMPLE)
    sample = relationships[::step][:NAIVE_SAMPLE]
    ends = sorted({r["start"] for r in sample} | {r["end"] for r in sample})
    nodes = [rows.nodes[n] for n in ends]
    node_statement, rel_statement = cypher("naive_node"), cypher("naive_relationship")
    with driver.session(database=database) as session:
        start = time.perf_counter()
        for node in nodes:
            session.run(node_statement, id=node["id"], labels=node["labels"], props=node["props"]).consume()
        node_seconds = time.perf_counter() - start
        start = time.perf_counter()
        for r in sample:
            session.run(rel_statement, type=r["type"], start=r["start"], end=r["end"], props=r["props"],
                        sources=r["sources"], evidence=r["evidence"]).consume()
        rel_seconds = time.perf_counter() - start
    estimate = node_seconds / len(nodes) * n_nodes + rel_seconds / len(sample) * n_rels
    return estimate, f"{len(nodes):,} nodes and {len(sample):,} relationships ({node_seconds + rel_seconds:.1f} s)"


# --- 2. read-out ------------------------------------------------------------------------------------

def readout_rows(size: str, driver, database: str, jvm):
    ms.measure(lambda: driver.execute_query(read_cypher("graph", "count_read_out"), database_=database))  # warm
    m = ms.measure(read_graph, driver, database, jvm_pid=jvm)
    K = m.value
    total = K.number_of_nodes() + K.number_of_edges()
    count = ms.measure(lambda: driver.execute_query(read_cypher("graph", "count_read_out"), database_=database).records[0], jvm_pid=jvm)
    counted = count.value["nodes"] + count.value["relationships"]
    assert counted == total, f"read {total} rows, the server counts {counted}"
    rate, count_rate = total / m.seconds, counted / count.seconds
    attended = sum(1 for _, _, k in K.edges(keys=True) if k == "ATTENDED")
    return [Row(size, "2 read-out", "server-side count of the same rows", counted, "rows", count.seconds, count_rate,
                "", None, count.jvm_peak_mib, ""),
            Row(size, "2 read-out", "read_graph: Neo4j -> NetworkX MultiDiGraph", total, "rows", m.seconds, rate,
                f"{rate / count_rate:.1%} of the count's rows/s", m.py_peak_mib, m.jvm_peak_mib,
                f"{K.number_of_nodes():,} nodes, {K.number_of_edges():,} relationships ({attended:,} attendances); "
                + m.cpu_note())], K


# --- 3. projection ----------------------------------------------------------------------------------

def same_projection(P: nx.Graph, Q: nx.Graph) -> bool:
    if set(P) != set(Q) or P.number_of_edges() != Q.number_of_edges():
        return False
    return all(Q.has_edge(u, v) and math.isclose(w, Q[u][v]["weight"]) for u, v, w in P.edges(data="weight"))


def projection_rows(size: str, K, check: bool):
    """Rows of step 3, and the tie network (None when it is refused)."""
    m = ms.measure(ties.two_mode, K)
    B = m.value
    orgs = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
    incidence = sum(1 for _ in B.edges())
    pairs = ties.pair_incidences(d for n, d in B.degree() if B.nodes[n]["bipartite"] == 1)
    out = [Row(size, "3 projection", "two_mode: organisation–event graph", incidence, "attendances", m.seconds,
               incidence / m.seconds, "", m.py_peak_mib, None, f"{pairs:,} pair incidences"), arrays_row(size, K, pairs)]
    if pairs > ties.MAX_PAIRS:
        return out + refused_projection(size, K, B, orgs, pairs), None, B
    ours = ms.measure(ties.projection, B, orgs, weighting="count")
    theirs = ms.measure(nx.algorithms.bipartite.weighted_projected_graph, B, orgs)
    same = same_projection(ours.value, theirs.value) if check else None
    if check:
        assert same, "medgraph's projection differs from networkx's"
    edges = ours.value.number_of_edges()
    out += [Row(size, "3 projection", "networkx bipartite.weighted_projected_graph", pairs, "pair incidences",
                theirs.seconds, pairs / theirs.seconds, "", theirs.py_peak_mib, None, f"{edges:,} projected edges"),
            Row(size, "3 projection", "medgraph projection (SciPy sparse B·Bᵀ)", pairs, "pair incidences", ours.seconds,
                pairs / ours.seconds, f"{theirs.seconds / ours.seconds:.1f}× networkx", ours.py_peak_mib, None,
                f"{edges:,} projected edges; " + ("identical to networkx's (asserted)" if check else "not compared"))]
    del theirs
    tg = ms.measure(ties.tie_graph, K)
    T = tg.value
    out.append(Row(size, "3 projection", "tie_graph: every tie type with its evidence", pairs, "pair incidences",
                   tg.seconds, pairs / tg.seconds, "", tg.py_peak_mib, None,
                   f"{T.number_of_nodes():,} organisations, {T.number_of_edges():,} ties; "
                   f"attendance evidence {T.graph['evidence']}"))
    return out, T, B


def arrays_row(size: str, K, pairs: int) -> Row:
    """`ties.tie_arrays`: the tie network `report.analyse` reads above `engine.COMPILED_ABOVE` ties."""
    m = ms.measure(ties.tie_arrays, K)
    return Row(size, "3 projection", "tie_arrays: the tie network as sparse matrices (no cap)", pairs,
               "pair incidences", m.seconds, pairs / max(m.seconds, 1e-9), "", m.py_peak_mib, None,
               f"{m.value.number_of_nodes():,} organisations, {m.value.number_of_edges():,} ties")


def refused_projection(size: str, K, B, orgs, pairs: int) -> list[Row]:
    """Above the cap: the refusal, and what the sparse product alone costs."""
    m = ms.measure(refusal, K)
    out = [Row(size, "3 projection", "tie_graph: refused above the cap", pairs, "pair incidences", m.seconds, None,
               "", m.py_peak_mib, None, m.value)]
    sparse = ms.measure(sparse_weights, B, orgs)
    out.append(Row(size, "3 projection", "SciPy sparse product alone (weights, no NetworkX graph)", pairs,
                   "pair incidences", sparse.seconds, pairs / sparse.seconds, "", sparse.py_peak_mib, None,
                   f"{sparse.value[0].nnz:,} projected edges"))
    out.append(Row(size, "3 projection", "networkx bipartite.weighted_projected_graph", pairs, "pair incidences",
                   note=f"not run: a NetworkX graph of {sparse.value[0].nnz:,} edges, past the cap medgraph refuses at"))
    return out


def refusal(K) -> str:
    try:
        ties.tie_graph(K)
    except Exception as error:
        return str(error)
    return "not refused"


def sparse_weights(B, orgs):
    """The co-attendance counts of `ties.projection` without its NetworkX graph, uncapped."""
    return ties.projected_weights(B, orgs, weighting="count", max_pairs=math.inf)


# --- 4. analyses ------------------------------------------------------------------------------------

def analyses(K, T, B, k):
    """name -> function of nothing: each analysis of `report.analyse`, measures one by one, on
    NetworkX's tie graph T (None: the names only)."""
    D = centrality.with_distance(T) if T is not None else None
    return {
        f"betweenness ({'exact' if k is None else f'sampled, k={k}'})":
            lambda: len(centrality.betweenness(D, k=k, seed=0)),
        "eigenvector": lambda: len(centrality.eigenvector(T)),
        "pagerank": lambda: len(nx.pagerank(T, weight="weight")),
        "closeness": lambda: len(nx.closeness_centrality(D, distance="distance")),
        "constraint": lambda: len(nx.constraint(T, weight="weight")),
        "effective_size": lambda: len(nx.effective_size(T, weight="weight")),
        "events attended": lambda: len(centrality.events_attended(K, B)),
        "brokerage roles": lambda: len(brokerage_roles(T.to_directed(), group_attr="region")),
        "communities (Louvain)": lambda: len(communities.communities(T, seed=0, engine="networkx")),
        "country ties": lambda: len(communities.country_ties(T)),
        "met matrix": lambda: len(metmatrix.met_matrix(T)),
        "not met EU": lambda: len(metmatrix.not_met_eu(T)),
        "coverage by country": lambda: len(metmatrix.coverage_by_country(T)),
        "next meetings": lambda: len(recommend.next_meetings(T)),
        "growth": lambda: len(growth.growth(K)),
        "thin spots": lambda: sum(len(t) for t in coverage.thin_spots(K, T).values()),
    }


def analysis_rows(size: str, K, T, B, limit: float, ours: dict[str, float], repeat: int = 1) -> tuple[list[Row], dict]:
    """The NetworkX rows (`repeat` times each; the extrapolation once), and per analysis (median
    seconds or None when stopped, its limit) for the compiled rows' ratios. Each runs for `limit`
    seconds, or for PROOF times the compiled row's seconds (`ours`) when longer: stopped there,
    it is still shown ≥ 10× slower."""
    k = centrality.auto_k(T.number_of_nodes())
    out, spent, baseline = [], 0.0, {}
    for name, fn in analyses(K, T, B, k).items():
        key = key_of(name)
        extrapolate = name.startswith("betweenness") and k is None
        allowed = limit if extrapolate else max(limit, PROOF * ours.get(key, 0.0))
        m, failure = ms.measure_repeated(fn, limit=allowed, runs=repeat)
        out.append(timed(Row(size, "4 analysis", name, T.number_of_nodes(), "organisations"), m,
                         failure or f"{T.number_of_edges():,} ties"))
        spent += m.seconds if m else allowed  # the median run
        baseline[key] = (m.seconds if m else None, allowed)
        if extrapolate and m is None:
            out.append(extrapolated_betweenness(size, T, limit))
            if out[-1].seconds:
                baseline[key] = (out[-1].seconds, allowed)
    finished = all(r.seconds is not None for r in out if r.step == "4 analysis" and "extrapolated" not in r.what)
    out.append(Row(size, "4 analysis", "all analyses, NetworkX only (sum of the rows above)", T.number_of_nodes(),
                   "organisations", spent if finished else None, None, "",
                   max((r.py_peak_mib or 0 for r in out), default=None), None,
                   "" if finished else f"at least {spent:,.0f} s: some analyses stopped at the limit"))
    return out, baseline


#: `medgraph analyze` in a fresh Python process: the read-out as the CLI does it (or K unpickled
#: when the benchmark has no server), `report.analyse`, `write_report`; prints its seconds (the
#: imports, some 3 s, not counted), its methods and its own whole-process peak (VmHWM, imports
#: included: nothing inherited from the benchmark process).
ANALYZE_CHILD = """
import json, pickle, sys, time
from pathlib import Path
import networkit
from medgraph.cli import read_knowledge_graph
from medgraph.graph import report
start, cpu = time.perf_counter(), time.process_time()  # after the imports, as in the benchmark's own rows
K = pickle.loads(Path(sys.argv[2]).read_bytes()) if sys.argv[2] else read_knowledge_graph()
read = time.perf_counter()
analysis = report.analyse(K)
report.write_report(analysis, Path(sys.argv[1]))
done = time.perf_counter()
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"readout": read - start, "seconds": done - read, "cpu": time.process_time() - cpu,
                  "peak_mib": round(peak / 1024, 1), "methods": analysis.summary["methods"]}))
"""
#: The environment of the benchmark's server (NEO4J_URI, ...) for `ANALYZE_CHILD`; empty without one.
SERVER_ENV: dict[str, str] = {}


def analyze_once(size: str, K, work: Path, limit: float) -> tuple[ms.Measured | None, str | None]:
    """One `ANALYZE_CHILD` run: (Measured with the read-out's seconds as its value's, None) or
    (None, why not)."""
    source = ""
    if not SERVER_ENV:
        source = str(work / f"K-{size}.pkl")
        Path(source).write_bytes(pickle.dumps(K, protocol=pickle.HIGHEST_PROTOCOL))
    try:
        done = subprocess.run([sys.executable, "-c", ANALYZE_CHILD, str(work / f"report-{size}"), source],
                              env={**os.environ, **SERVER_ENV}, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None, f"not finished within {limit:.0f} s (stopped)"
    finally:
        if source:
            Path(source).unlink(missing_ok=True)
    if done.returncode:
        return None, (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    return ms.Measured(got["seconds"], got, got["peak_mib"], None, got["cpu"], os.getloadavg()[0]), None


def analyze_row(size: str, K, work: Path, limit: float, readout_seconds: float, repeat: int = 1) -> Row:
    """`medgraph analyze`: the read-out, `report.analyse` (tie network and every analysis, on the
    path the engine chooses) and `write_report`, each run in a fresh Python process
    (`ANALYZE_CHILD`), `repeat` times; its seconds are analyse + write_report, its peak the whole
    process's (read-out included)."""
    runs = []
    for _ in range(max(repeat, 1)):
        m, failure = analyze_once(size, K, work, limit)
        if m is None:
            return Row(size, "4 analysis", "medgraph analyze: analyse + write_report", K.number_of_nodes(),
                       "nodes in K", note=failure)
        runs.append(m)
    got = ms.Repeated(runs)
    readout = statistics.median(m.value["readout"] for m in runs) if SERVER_ENV else readout_seconds
    row = Row(size, "4 analysis", "medgraph analyze: analyse + write_report", K.number_of_nodes(), "nodes in K",
              ratio=f"{got.seconds + readout:,.1f} s with the read-out")
    return timed(row, got, "methods: " + "; ".join(f"{k}: {v}" for k, v in got.value["methods"].items())
                 + f"; a fresh process ({'its own read-out' if SERVER_ENV else 'K unpickled'}): py MiB its whole"
                 f" peak; {got.cpu_note()}")


def extrapolated_betweenness(size: str, T, limit: float) -> Row:
    """Exact betweenness's time from EXTRAPOLATE_SOURCES single-source passes (n of them make it)."""
    D = centrality.with_distance(T)
    m, failure = ms.measure_forked(
        lambda: len(nx.betweenness_centrality(D, k=EXTRAPOLATE_SOURCES, weight="distance", seed=0)), limit=limit * 4)
    n = T.number_of_nodes()
    seconds = m.seconds / EXTRAPOLATE_SOURCES * n if m else None
    return Row(size, "4 analysis", "betweenness (exact), extrapolated", n, "organisations", seconds, None, "",
               m.py_peak_mib if m else None, None,
               failure or f"{m.seconds:.1f} s for {EXTRAPOLATE_SOURCES} sources × {n:,} sources / {EXTRAPOLATE_SOURCES}")


def engine_analyses(N, groups, k) -> dict:
    """name -> function of nothing: each analysis the compiled path (graph/engine.py) runs."""
    return {
        f"betweenness ({'exact' if k is None else f'sampled, k={k}'})": lambda: eng.betweenness(N, k=k, seed=0),
        "eigenvector": lambda: eng.eigenvector(N),
        "pagerank": lambda: eng.pagerank(N),
        "closeness": lambda: eng.closeness(N, seed=0),
        "constraint": lambda: eng.constraint(N),
        "effective_size": lambda: eng.effective_size(N),
        "brokerage roles": lambda: role_counts(N, groups)["liaison"],
        "communities (Louvain)": lambda: eng.louvain(N, seed=0),
    }


def engine_rows(size: str, N, groups, limit: float, exact: bool, repeat: int = 1) -> list[Row]:
    """Each analysis on the compiled path, `repeat` times (its ratio to the NetworkX row of the
    same name is filled in by `analysis_steps`), and at M the sampled rankings against exact ones."""
    n, m = len(N.ids), N.W.nnz // 2
    k = centrality.auto_k(n, compiled=True, ties=m)  # the engine's own choice, as `report.analyse` makes it
    methods = eng.methods(n, m, compiled_path=True, k=k, degree_squares=eng.degree_squares(N))
    out, values = [], {}
    for name, fn in engine_analyses(N, groups, k).items():
        key = key_of(name)
        method = methods.get("communities" if key == "communities" else key, "")
        if method.startswith("not computed"):
            out.append(Row(size, "4 analysis", f"{name}, compiled", n, "organisations", note=method))
            continue
        got, failure = ms.measure_repeated(fn, limit=limit, runs=repeat)
        values[key] = got.value if got else None
        chosen = "; pivots as `medgraph analyze` chooses them (centrality.auto_k)" if key == "betweenness" else ""
        out.append(timed(Row(size, "4 analysis", f"{name}, compiled", n, "organisations"), got,
                         failure or f"{method}; {m:,} ties{chosen}"))
    if exact:
        out += agreement_rows(size, N, values, limit)
    return out


def arrays_analyses(K, A) -> dict:
    """name -> function of nothing: each table analysis of `report.analyse` on the arrays path
    (the tie network as a `ties.TieArrays` A, as above `engine.COMPILED_ABOVE` ties), named as
    its NetworkX row."""
    return {
        "events attended": lambda: len(centrality.occasions_attended(K, A.graph["attendance"])),
        "country ties": lambda: len(communities.country_ties(A)),
        "met matrix": lambda: len(metmatrix.met_matrix(A, listed=report.MET_EVIDENCE_LISTED)),
        "not met EU": lambda: len(metmatrix.not_met_eu(A)),
        "coverage by country": lambda: len(metmatrix.coverage_by_country(A)),
        "next meetings": lambda: len(recommend.next_meetings(A)),
        "growth": lambda: len(growth.growth(K, listed=report.NEW_TIES_LISTED)),
        "thin spots": lambda: sum(len(t) for t in coverage.thin_spots(K, A).values()),
    }


def arrays_rows(size: str, K, A, limit: float, repeat: int = 1) -> list[Row]:
    """Each table analysis on the arrays path, `repeat` times (its ratio filled in by `analysis_steps`)."""
    out = []
    for name, fn in arrays_analyses(K, A).items():
        got, failure = ms.measure_repeated(fn, limit=limit, runs=repeat)
        out.append(timed(Row(size, "4 analysis", f"{name}, arrays", A.number_of_nodes(), "organisations"), got,
                         failure or f"ties.TieArrays, {A.number_of_edges():,} ties; {got.cpu_note()}"))
    return out


def timed(row: Row, got: ms.Repeated | None, note: str) -> Row:
    """`row` with the seconds (the median), the spread and the peak of `got`, and `note` (with
    the spread when there are several runs)."""
    if got is not None:
        row.seconds, row.py_peak_mib = got.seconds, got.py_peak_mib
        for field, value in got.spread().items():
            setattr(row, field, value)
        note = "; ".join(filter(None, [note, got.spread_note()]))
    row.note = note
    return row


def key_of(what: str) -> str:
    """The analysis a row measures, the same for its NetworkX, compiled and arrays rows."""
    return what.removesuffix(", compiled").removesuffix(", arrays").split(" (")[0].replace(" roles", "")


def speedup(ours: float | None, theirs: tuple[float | None, float] | None) -> str:
    """Our row's ratio to NetworkX's (seconds, or None when stopped at its limit)."""
    if ours is None or theirs is None:
        return ""
    seconds, limit = theirs
    if seconds is None:
        return f"≥ {limit / ours:,.1f}× networkx (stopped at {limit:,.0f} s)"
    return f"{seconds / ours:,.1f}× networkx"


def agreement_rows(size: str, N, values: dict, limit: float) -> list[Row]:
    """Exact betweenness and closeness by NetworKit against the sampled ones: Spearman, top-20."""
    import networkit as nk

    out = []
    exact = {"betweenness": lambda: eng.betweenness(N, k=None),
             "closeness": lambda: nk_scores(nk.centrality.Closeness(eng.networkit_graph(N, distance=True), True,
                                                                    nk.centrality.ClosenessVariant.GENERALIZED))}
    for key, fn in exact.items():
        if values.get(key) is None:
            continue
        got, failure = ms.measure_forked(fn, limit=limit * 4)
        out.append(Row(size, "4 analysis", f"{key} exact (NetworKit), for the sample's accuracy", len(N.ids),
                       "organisations", got.seconds if got else None, None,
                       rank_agreement(got.value, values[key]) if got else "", got.py_peak_mib if got else None, None,
                       failure or "ratio: the sampled ranking against this exact one"))
    return out


def nk_scores(algorithm) -> list[float]:
    algorithm.run()
    return algorithm.scores()


def rank_agreement(exact: list[float], sampled: list[float]) -> str:
    """Spearman's rho of two score vectors and the overlap of their top TOP."""
    from scipy.stats import spearmanr

    rho = spearmanr(exact, sampled).statistic
    top = lambda scores: set(np.argsort(scores)[::-1][:TOP].tolist())  # noqa: E731
    return f"Spearman {rho:.3f}; top-{TOP} overlap {len(top(exact) & top(sampled))}/{TOP}"


# --- 5. map -----------------------------------------------------------------------------------------

def map_row(size: str, K, work: Path, limit: float) -> Row:
    path = work / f"map-{size}.html"

    def make():
        data = map_data(K)
        write_page(data, path)
        return path.stat().st_size, len(data.nodes), data.total_nodes

    m, failure = ms.measure_forked(make, limit=limit)
    if m is None:
        return Row(size, "5 map", "write_map: the ties view", K.number_of_nodes(), "nodes in K", note=failure)
    html_bytes, nodes, total = m.value
    return Row(size, "5 map", "write_map: the ties view", K.number_of_nodes(), "nodes in K", m.seconds, None, "",
               m.py_peak_mib, None,
               f"{html_bytes / 1e6:.1f} MB HTML; {nodes:,} of {total:,} organisations shown; {m.cpu_note()}")


# --- the run ---------------------------------------------------------------------------------------

STEPS = ("load", "readout", "analysis", "map")  # --steps: "analysis" is steps 3 and 4


def run_size(size: str, driver, database: str, jvm, work: Path, limit: float, best_batch,
             steps=STEPS, sweep: tuple[int, ...] | None = None, repeat: int = 1):
    data = synthetic.write(size, work / f"data-{size}")
    load, rows, best = load_rows(size, data, driver, database, jvm, best_batch, sweep)
    yield from load
    del rows
    measured = list(load)
    read, K = readout_rows(size, driver, database, jvm)
    measured += read
    yield from read
    if "analysis" in steps:
        for row in analysis_steps(size, K, work, limit, read[-1].seconds, repeat):
            measured.append(row)
            yield row
    if "map" in steps:
        measured.append(map_row(size, K, work, limit * 8))
        yield measured[-1]
    yield peak_row(size, measured)
    yield Row(size, "-", "best batch", best)


def analysis_steps(size: str, K, work: Path, limit: float, readout_seconds: float, repeat: int = 1):
    """The rows of steps 3 and 4: the compiled and arrays rows are measured first, so that each
    NetworkX row may run long enough to show its ratio, and printed after them; each timed
    analysis row `repeat` times (its seconds the median)."""
    project, T, B = projection_rows(size, K, check=size in ("S", "M"))
    yield from project
    A = ties.tie_arrays(K)  # timed in step 3 (tie_arrays); the network of the compiled and arrays rows
    N = eng.network(A)
    groups = [A.nodes[n].get("region") for n in N.ids]
    ours = (engine_rows(size, N, groups, limit * (4 if T is not None else 10), exact=size in ("S", "M"), repeat=repeat)
            + arrays_rows(size, K, A, limit * 4, repeat))
    if T is not None:
        nx_rows, baseline = analysis_rows(size, K, T, B, limit, {key_of(r.what): r.seconds for r in ours if r.seconds},
                                          repeat)
        yield from nx_rows
    else:
        reason = (f"not run at {size}: NetworkX's tie graph ({A.number_of_edges():,} ties) is refused above "
                  f"{ties.MAX_PAIRS:,} pair incidences (step 3)")
        baseline = {}
        yield from (Row(size, "4 analysis", name, A.number_of_nodes(), "organisations", note=reason)
                    for name in analyses(K, None, None, centrality.auto_k(A.number_of_nodes())))
    for row in ours:
        row.ratio = row.ratio or speedup(row.seconds, baseline.get(key_of(row.what)))
    yield from ours
    del N, A, B, T  # the forked child of `analyze_row` shares what is left
    yield analyze_row(size, K, work, limit * 40, readout_seconds, repeat)


def peak_row(size: str, rows: list[Row]) -> Row:
    """The worst step's Python peak (each row's is that of the process doing the step: the
    benchmark process for load and read-out, a forked child's own above its start, the fresh
    process of `medgraph analyze`): the issue's bound is 6 GiB."""
    peaks = [r for r in rows if r.py_peak_mib]
    top = max(peaks, key=lambda r: r.py_peak_mib)
    return Row(size, "all", "Python peak RSS over every step above", len(peaks), "rows", py_peak_mib=top.py_peak_mib,
               ratio=f"{'under' if top.py_peak_mib < PEAK_BOUND_MIB else 'over'} {PEAK_BOUND_MIB / 1024:.0f} GiB",
               note=f"at: {top.step}, {top.what}")


def peak_line(row: Row) -> str:
    """The per-size summary line of a `peak_row`."""
    return f"{row.size}: Python peak (worst step): {row.py_peak_mib:,.0f} MiB ({row.ratio}; {row.note})"


def fmt(value, column: str) -> str:
    if value is None or value == "":
        return ""
    if column == "seconds":
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if column in ("per_s", "py_peak_mib", "jvm_peak_mib"):
        return f"{value:,.0f}"
    if column == "items":
        return f"{value:,}"
    return str(value)


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    header = ["size", "step", "what", "items", "unit", "seconds", "per s", "ratio", "py MiB", "JVM MiB", "note"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        lines.append("| " + " | ".join(fmt(v, c) for c, v in r.as_dict().items()) + " |")
    return "\n".join(lines)


def write_csv(rows: list[Row], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=ms.COLUMNS)
        writer.writeheader()
        writer.writerows(r.as_dict() for r in rows)
    return path


def run(sizes: list[str], out: Path, limit: float = 60.0, work: Path | None = None, echo=print,
        steps=STEPS, sweep: tuple[int, ...] | None = None, repeat: int = 1,
        repeat_sizes: tuple[str, ...] = ("S", "M")) -> list[Row]:
    """Benchmark each size (the `steps` of STEPS; load and read-out always run, as the others
    need them), the timed analysis rows `repeat` times at `repeat_sizes`; print each row as it
    comes; write the CSV; print the table and each size's worst Python peak; return the rows."""
    rows: list[Row] = []
    with contextlib.ExitStack() as stack:
        work = work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="medgraph-bench-")))
        driver, database, jvm = stack.enter_context(neo4j_server(work))
        best = None
        for size in sizes:
            runs = repeat if size in repeat_sizes else 1
            for row in run_size(size, driver, database, jvm, work, limit, best, steps, sweep, runs):
                if row.what == "best batch":
                    best = row.items
                    continue
                rows.append(row)
                echo(" | ".join(fmt(v, c) for c, v in row.as_dict().items()))
                write_csv(rows, out)
        wipe(driver, database)
    echo(table(rows))
    for row in rows:
        if row.step == "all" and row.py_peak_mib:
            echo(peak_line(row))
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="S,M", help="comma-separated sizes among S, M, L (default S,M)")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results.csv"), help="the CSV to write")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds each analysis may run (default 60)")
    parser.add_argument("--work", type=Path, help="folder for the data, the server and the maps (default: temporary)")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated steps among {', '.join(STEPS)} (default all; load and readout always run)")
    parser.add_argument("--batches", help="comma-separated UNWIND batch sizes to sweep at every size "
                                          f"(default {', '.join(map(str, BATCHES))}, above {SWEEP_MAX_ROWS:,} rows "
                                          "the best of a smaller size)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each timed analysis row this many times (seconds: the median; min and max beside)")
    parser.add_argument("--repeat-sizes", default="S,M", help="the sizes --repeat applies to (default S,M)")
    args = parser.parse_args(argv)
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    if unknown := [s for s in steps if s not in STEPS]:
        parser.error(f"unknown step {unknown[0]!r}: one of {', '.join(STEPS)}")
    sweep = tuple(int(b) for b in args.batches.split(",")) if args.batches else None
    sizes = [s.strip().upper() for s in args.sizes.split(",") if s.strip()]
    if unknown := [s for s in sizes if s not in synthetic.SIZES]:
        parser.error(f"unknown size {unknown[0]!r}: one of {', '.join(synthetic.SIZES)}")
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
    repeat_sizes = tuple(s.strip().upper() for s in args.repeat_sizes.split(",") if s.strip())
    run(sizes, args.out, args.limit, args.work, steps=steps, sweep=sweep, repeat=args.repeat, repeat_sizes=repeat_sizes)


if __name__ == "__main__":
    main()
