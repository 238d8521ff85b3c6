"""Gould–Fernandez brokerage: each of the five roles on a path a → b → c, counted by hand."""

import networkx as nx
import pytest

from medgraph.errors import MedgraphError
from medgraph.graph.brokerage import BROKERAGE_ROLES, brokerage_roles, tie_brokerage
from medgraph.graph.knowledge import example_graph
from medgraph.graph.ties import tie_graph


def path(groups: str, closed: bool = False) -> nx.DiGraph:
    """a → b → c with the groups of a, b, c given as three letters; `closed` adds a → c."""
    D = nx.DiGraph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(D, dict(zip("abc", groups)), "region")
    if closed:
        D.add_edge("a", "c")
    return D


def roles_of(table, node):
    row = table[table["id"] == node].iloc[0]
    return {role: int(row[role]) for role in BROKERAGE_ROLES if row[role]}


@pytest.mark.parametrize("groups, role", [
    ("AAA", "coordinator"),     # within its own group
    ("ABA", "itinerant"),       # within a group it does not belong to (consultant)
    ("AAB", "representative"),  # from its own group out to another
    ("ABB", "gatekeeper"),      # from another group into its own
    ("ABC", "liaison"),         # between two groups, neither its own
])
def test_each_role_on_a_single_open_path(groups, role):
    table = brokerage_roles(path(groups))

    assert roles_of(table, "b") == {role: 1}
    assert roles_of(table, "a") == {} and roles_of(table, "c") == {}
    assert table.iloc[0]["id"] == "b" and table.iloc[0]["total"] == 1


def test_a_closed_path_is_not_brokered():
    assert brokerage_roles(path("ABC", closed=True))["total"].tolist() == [0, 0, 0]


def test_a_path_back_to_where_it_started_is_not_brokered():
    D = nx.DiGraph([("a", "b"), ("b", "a")])

    assert brokerage_roles(D)["total"].tolist() == [0, 0]


def test_one_broker_in_several_roles():
    # b (group B) receives from a1 (A) and a2 (B) and sends to c1 (A) and c2 (C)
    D = nx.DiGraph([("a1", "b"), ("a2", "b"), ("b", "c1"), ("b", "c2")])
    nx.set_node_attributes(D, {"a1": "A", "a2": "B", "b": "B", "c1": "A", "c2": "C"}, "region")

    table = brokerage_roles(D)

    # a1→b→c1 A,B,A; a1→b→c2 A,B,C; a2→b→c1 B,B,A; a2→b→c2 B,B,C
    assert roles_of(table, "b") == {"itinerant": 1, "liaison": 1, "representative": 2}
    assert table.iloc[0][["id", "group", "total"]].tolist() == ["b", "B", 4]


def test_an_undirected_tie_counts_in_both_directions():
    T = nx.Graph([("fr", "tn"), ("tn", "ma")])
    nx.set_node_attributes(T, {"fr": "EU", "tn": "South-Med", "ma": "South-Med"}, "region")

    table = brokerage_roles(T.to_directed())

    # fr → tn → ma: gatekeeper; ma → tn → fr: representative
    assert roles_of(table, "tn") == {"gatekeeper": 1, "representative": 1}


def test_another_group_attribute_and_nodes_without_it():
    D = path("ABC")
    nx.set_node_attributes(D, {"a": "TN", "b": "TN"}, "country")  # c has no country: group None

    assert roles_of(brokerage_roles(D, group_attr="country"), "b") == {"representative": 1}


def test_the_tie_network_of_the_example():
    table = brokerage_roles(tie_graph(example_graph()).to_directed())

    # textile (South-Med) stands between olive and esith (South-Med) and solar, fc, agro (EU);
    # of the pairs of its partners only olive–solar, olive–fc and fc–agro are tied themselves
    assert list(table.columns) == ["id", "name", "group", *BROKERAGE_ROLES, "total"]
    assert table.iloc[0]["id"] == "textile"
    assert roles_of(table, "textile") == {"coordinator": 2, "itinerant": 4, "representative": 4, "gatekeeper": 4}


def test_an_undirected_graph_is_refused():
    with pytest.raises(MedgraphError, match=r"^brokerage_roles needs a directed graph: pass G.to_directed\(\)$"):
        brokerage_roles(nx.Graph([(1, 2)]))


def three_regions():
    """A random tie network over three regions and organisations without one."""
    T = nx.gnm_random_graph(60, 240, seed=5)
    nx.set_node_attributes(T, {n: ("EU", "South-Med", "Other", None)[n % 4] for n in T}, "region")
    nx.set_node_attributes(T, {n: f"org {n:02d}" for n in T}, "name")
    return T


@pytest.mark.parametrize("make", [three_regions, lambda: tie_graph(example_graph())])
def test_the_compiled_path_counts_as_the_directed_definition(make):
    T = make()

    compiled = tie_brokerage(T, engine="compiled")

    assert compiled.equals(brokerage_roles(T.to_directed()))
    assert compiled.equals(tie_brokerage(T, engine="networkx"))
