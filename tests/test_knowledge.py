"""The knowledge-graph constructor: plain tuples in, the MultiDiGraph contract out."""

import networkx as nx
import pytest

from medgraph.errors import MedgraphError
from medgraph.graph.knowledge import example_graph, knowledge_graph, knowledge_graph_from_columns, said


def test_nodes_and_edges_come_with_label_type_and_provenance():
    K = knowledge_graph(
        [("FR", "Country", {"region": "EU", "subregion": "EU-Mediterranean"}),
         ("fc", "Organisation", {"name": "France Clusters", "country": "FR"}),
         ("forum", "Event", {"name": "Forum", "country": "FR"}),
         ("jean", "Person")],
        [("fc", "ATTENDED", "forum", said("doc", 3, role="delegate")),
         ("jean", "WORKS_FOR", "fc")])

    assert K.nodes["fc"] == {"name": "France Clusters", "country": "FR", "label": "Organisation",
                             "region": "EU", "subregion": "EU-Mediterranean"}
    assert K.nodes["forum"]["region"] == "EU"
    assert K.nodes["jean"] == {"name": None, "label": "Person"}
    assert K.edges["fc", "forum", "ATTENDED"] == {"sources": ["doc"], "evidence": ["doc:3"], "role": "delegate",
                                                  "type": "ATTENDED"}
    assert K.edges["jean", "fc", "WORKS_FOR"] == {"sources": [], "evidence": [], "type": "WORKS_FOR"}


def test_a_region_given_on_the_node_is_kept():
    K = knowledge_graph([("FR", "Country", {"region": "EU"}),
                         ("x", "Organisation", {"country": "FR", "region": "Other"})], [])

    assert K.nodes["x"]["region"] == "Other"


@pytest.mark.parametrize("nodes, edges, message", [
    ([("x", "Cluster")], [], "node 'x': unknown label 'Cluster'"),
    ([("x", "Person"), ("x", "Person")], [], "node 'x': given twice"),
    ([("x", "Person")], [("x", "MENTORS", "y")], "MENTORS edge 'x' -> 'y': unknown node 'y'"),
    ([("x", "Person"), ("y", "Person")], [("x", "MENTORS", "y"), ("x", "MENTORS", "y")],
     "MENTORS edge 'x' -> 'y': given twice"),
])
def test_bad_input_fails_with_one_line_naming_it(nodes, edges, message):
    with pytest.raises(MedgraphError, match=f"^{message}"):
        knowledge_graph(nodes, edges)


def test_the_example_graph_follows_the_contract():
    K = example_graph()

    assert K.number_of_nodes() == 21 and K.number_of_edges() == 18
    assert K.nodes["olive"]["region"] == "South-Med" and K.nodes["olive"]["subregion"] == "Maghreb"
    assert all(d["type"] == key and d["evidence"] for _, _, key, d in K.edges(keys=True, data=True))


def test_the_graph_built_in_bulk_is_the_one_networkx_builds_edge_by_edge():
    K = example_graph()  # France Clusters both attended and organised the forum: two keys on one pair
    reference = nx.MultiDiGraph()
    reference.add_nodes_from(K.nodes(data=True))
    for start, end, key, data in K.edges(keys=True, data=True):
        reference.add_edge(start, end, key=key, **data)

    assert nx.utils.graphs_equal(K, reference)
    assert dict(K.pred) == dict(reference.pred) and set(K["fc"]["forum-2019"]) == {"ATTENDED", "ORGANISED"}
    K.remove_edge("olive", "visit-2018", key="ATTENDED")  # successors and predecessors stay one
    assert not K.has_edge("olive", "visit-2018") and "olive" not in K.pred["visit-2018"]


def test_columns_give_the_graph_of_the_same_tuples():
    from_tuples = knowledge_graph(
        [("FR", "Country", {"region": "EU"}), ("fc", "Organisation", {"name": "FC", "country": "FR"}),
         ("agro", "Organisation", {"country": "FR"}), ("forum", "Event", {"name": "Forum"})],
        [("fc", "ATTENDED", "forum", said("doc", 3, role="delegate")), ("agro", "ATTENDED", "forum", {"role": "host"})])

    from_columns = knowledge_graph_from_columns(
        [("Country", ["FR"], {"region": ["EU"]}),
         ("Organisation", ["fc", "agro"], {"name": ["FC", None], "country": ["FR", "FR"]}),
         ("Event", ["forum"], {"name": ["Forum"]})],
        [("ATTENDED", ["fc", "agro"], ["forum", "forum"],
          {"sources": [["doc"], None], "evidence": [["doc:3"], None], "role": ["delegate", "host"]})])

    assert nx.utils.graphs_equal(from_columns, from_tuples)
    assert from_columns.nodes["agro"]["region"] == "EU"
    sources = [d["sources"] for _, _, d in from_columns.edges(data=True)]
    assert sorted(map(len, sources)) == [0, 1] and len({id(s) for s in sources}) == 2  # no list shared between edges


@pytest.mark.parametrize("nodes, edges, message", [
    ([("Cluster", ["x"], {})], [], "node 'x': unknown label 'Cluster'"),
    ([("Person", ["x", "x"], {})], [], "node 'x': given twice"),
    ([("Person", ["x"], {})], [("MENTORS", ["x"], ["y"], {})], "MENTORS edge 'x' -> 'y': unknown node 'y'"),
])
def test_bad_columns_fail_as_bad_tuples_do(nodes, edges, message):
    with pytest.raises(MedgraphError, match=f"^{message}"):
        knowledge_graph_from_columns(nodes, edges)
