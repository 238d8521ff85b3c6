"""The tie network as arrays answers every analysis as NetworkX's tie graph does (invented graphs)."""

import datetime as dt

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from medgraph.graph import engine, growth, metmatrix, report
from medgraph.graph.knowledge import example_graph
from medgraph.graph.ties import TieOptions, tie_arrays, tie_evidence, tie_graph
from medgraph.graph.ties import arrays as arrays_module
from medgraph.graph.ties.links import attendances
from medgraph.graph.ties.options import attribution, window

OPTIONS = [{}, {"as_of": dt.date(2019, 1, 1)}, {"members_for_cluster": True}, {"merge_possible": True}]


def a_bigger_programme():
    """The example programme with a second forum where every organisation met every other."""
    K = example_graph()
    K.add_node("forum-2020", label="Event", name="Forum 2020", status="held", start=dt.date(2020, 5, 4),
               end=dt.date(2020, 5, 5), region="EU", country="FR")
    for org in ("agro", "fc", "olive", "qoot", "solar", "textile"):
        K.add_edge(org, "forum-2020", "ATTENDED", role="delegate", sources=["doc-2020"], evidence=[f"doc-2020:{org}"])
    return K


@pytest.mark.parametrize("options", OPTIONS)
def test_the_arrays_hold_the_ties_of_the_tie_graph(options):
    K = a_bigger_programme()
    T, A = tie_graph(K, **options), tie_arrays(K, **options)

    assert list(A) == sorted(T) and A.number_of_edges() == T.number_of_edges()
    for a, b, d in T.edges(data=True):
        arrays = A.edges[a, b]
        assert arrays["types"] == pytest.approx(d["types"]) and arrays["weight"] == pytest.approx(d["weight"])
        assert arrays["count"] == d["count"]
        assert tie_evidence(A, a, b) == tie_evidence(T, a, b)
    assert dict(A.degree()) == dict(T.degree())


@pytest.mark.parametrize("options", OPTIONS)
def test_every_table_of_the_analysis_is_the_same_on_the_arrays(options):
    K = a_bigger_programme()
    reference, arrays = report.analyse(K, **options), report.analyse(K, **options, engine="compiled")

    assert reference.T is not None and arrays.T is None
    for name, table in reference.tables.items():
        if name != "growth":  # growth lists its new ties as NEW_TIES_LISTED on the arrays path: below
            pd.testing.assert_frame_equal(arrays.tables[name], table, check_dtype=False, rtol=1e-5)
        else:
            pd.testing.assert_frame_equal(arrays.tables[name].drop(columns="new_ties"), table.drop(columns="new_ties"))
    for key, value in reference.summary.items():
        if key != "methods":
            assert arrays.summary[key] == (pytest.approx(value) if isinstance(value, float) else value)


def test_the_tie_network_is_read_as_arrays_above_the_engine_threshold(monkeypatch):
    assert type(report.tie_network(example_graph(), {})) is nx.Graph

    monkeypatch.setattr(engine, "COMPILED_ABOVE", 3)

    assert report.tie_network(example_graph(), {}).number_of_edges() == 8
    assert type(report.tie_network(example_graph(), {})) is not nx.Graph


def test_met_levels_and_growth_read_the_attendances_the_arrays_hold():
    K = a_bigger_programme()
    A = tie_arrays(K)

    assert A.attendances() == attendances(K, window(K), attribution(K, TieOptions()))
    assert list(A.graph["attendance"].pairs()) == [(a.org, a.event) for a in A.attendances()]
    pd.testing.assert_frame_equal(growth.growth(K, TieOptions(), attended=A.graph["attendance"].pairs()),
                                  growth.growth(K, TieOptions()))


def test_growth_lists_the_first_new_ties_by_name_then_how_many_more():
    full = growth.growth(a_bigger_programme(), TieOptions())
    cut = growth.growth(a_bigger_programme(), TieOptions(), listed=2)

    last = full["new_ties"].iloc[-2]  # the 2020 forum's new ties
    assert len(last) > 2
    assert cut["new_ties"].iloc[-2] == [*last[:2], f"… and {len(last) - 2} more"]
    assert cut["ties"].tolist() == full["ties"].tolist()


def test_sampled_closeness_finds_the_exact_top_and_keeps_the_rest_below_it():
    G = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=2)
    nx.set_edge_attributes(G, {e: 1.0 + (e[0] + e[1]) % 4 for e in G.edges}, "weight")
    N = engine.network(G)
    exact = engine.closeness(N)
    estimated = engine.closeness(N, sample=40, refine=40, seed=1)

    top = np.argsort(-exact)[:10]
    assert set(np.argsort(-estimated)[:10]) == set(top)
    assert estimated[top] == pytest.approx(exact[top])


def test_the_arrays_built_a_few_rows_at_a_time_hold_the_same_ties(monkeypatch):
    K = a_bigger_programme()
    whole = tie_arrays(K)
    monkeypatch.setattr(arrays_module, "_BLOCK", 2)  # four blocks of two rows for seven organisations

    blocks = tie_arrays(K)

    assert (blocks.W != whole.W).nnz == 0 and blocks.bits.tolist() == whole.bits.tolist()
    assert [blocks.edges[a, b] for a, b in whole.edges()] == [whole.edges[a, b] for a, b in whole.edges()]


def test_each_tie_holds_the_bits_of_its_types():
    A = tie_arrays(example_graph())

    kinds = [A.kinds[k] for k in range(len(A.kinds)) if A.row_kinds(A.index["agro"])[0] >> k & 1]

    assert A["agro"][0] == "fc" and kinds == sorted(A.edges["agro", "fc"]["types"])


def test_the_networkit_graph_built_a_few_rows_at_a_time_is_the_whole_one():
    N = engine.network(tie_arrays(a_bigger_programme()))

    whole, blocks = engine.networkit_graph(N, distance=True), engine.networkit_graph(N, distance=True, rows=2)

    assert sorted(whole.iterEdgesWeights()) == sorted(blocks.iterEdgesWeights())
    assert whole.numberOfEdges() == N.W.nnz // 2


def test_the_analysis_on_the_arrays_makes_its_two_mode_graph_when_asked():
    K = a_bigger_programme()
    reference, arrays = report.analyse(K), report.analyse(K, engine="compiled")

    assert arrays.two_mode is None and reference.two_mode is not None
    assert sorted(arrays.B.edges(data=True)) == sorted(reference.B.edges(data=True))


def test_sampled_measures_search_from_fewer_sources_on_a_network_of_many_ties():
    assert engine.sources_for(1_000, engine.BETWEENNESS_SAMPLE) == engine.BETWEENNESS_SAMPLE
    assert engine.sources_for(10 ** 9, engine.BETWEENNESS_SAMPLE) == engine.LEAST_SOURCES
    methods = engine.methods(100_000, 35_000_000, compiled_path=True, k=25)
    assert methods["betweenness"] == "sampled, 25 pivots, NetworKit"
    assert methods["closeness"].startswith("sampled, 25 sources, top 25 exact")


def test_the_met_matrix_on_the_arrays_lists_the_evidence_of_its_first_rows_when_asked():
    A = tie_arrays(a_bigger_programme())
    whole, cut = metmatrix.met_matrix(A), metmatrix.met_matrix(A, listed=2)

    pd.testing.assert_frame_equal(cut.drop(columns=["events", "evidence"]), whole.drop(columns=["events", "evidence"]))
    assert cut["events"][:2].tolist() == whole["events"][:2].tolist() and whole["events"][2:].notna().all()
    assert cut["events"][2:].isna().all() and cut["evidence"][2:].isna().all()


def test_the_networkit_graph_holds_each_tie_once_neighbours_in_row_order():
    A = tie_arrays(a_bigger_programme())
    N = engine.network(A)

    for distance in (False, True):
        G = engine.networkit_graph(N, distance=distance, rows=3)  # several row blocks
        assert G.numberOfEdges() == A.number_of_edges()
        for i in range(len(A)):
            neighbours = list(G.iterNeighbors(i))
            assert neighbours == A.row(i).tolist()
            weights = A.W.data[A.W.indptr[i]:A.W.indptr[i + 1]]
            assert [G.weight(i, j) for j in neighbours] == pytest.approx(1.0 / weights if distance else weights)
