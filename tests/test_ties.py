"""The tie network: hand-made knowledge graphs whose ties can be worked out on paper."""

import dataclasses
import datetime as dt

import networkx as nx
import pytest

from medgraph.errors import MedgraphError
from medgraph.graph import ties
from medgraph.graph.knowledge import example_graph, knowledge_graph, said
from medgraph.graph.ties import TieOptions, projection, tie_graph, two_mode
from medgraph.schema import TIE_TYPES

COUNTRIES = [("TN", "Country", {"region": "South-Med"}), ("MA", "Country", {"region": "South-Med"}),
             ("FR", "Country", {"region": "EU"})]


def org(node_id, country="TN", kind="Cluster"):
    return (node_id, "Organisation", {"name": node_id.upper(), "kind": kind, "country": country})


def event(node_id, day, status="held"):
    return (node_id, "Event", {"name": node_id, "start": day, "end": day, "status": status})


def went(who, where, role="delegate", line=1):
    return (who, "ATTENDED", where, said("doc", line, role=role))


def ties_of(T):
    return {tuple(sorted(edge)) for edge in T.edges}


JAN, FEB, MAR = dt.date(2019, 1, 10), dt.date(2019, 2, 10), dt.date(2019, 3, 10)


# --- the example programme ---------------------------------------------------------------------

def test_every_tie_of_the_example_carries_types_events_and_evidence():
    T = tie_graph(example_graph())

    assert sorted(T) == ["agro", "esith", "fc", "olive", "qoot", "solar", "textile"]
    assert T.edges["agro", "textile"] == {
        "weight": 1.5, "types": {"co_attended": 0.5, "mentoring": 1.0}, "count": 2, "events": ["forum-2019"],
        "sources": ["doc-forum"], "evidence": ["doc-forum:3", "doc-forum:4", "doc-forum:5"],
        "first": dt.date(2019, 9, 13)}
    assert T.edges["fc", "olive"]["types"] == {"agreement": 1.0}
    assert T.edges["fc", "olive"]["events"] == ["forum-2019"]
    assert T.edges["olive", "solar"]["types"] == {"visited": 0.5}
    assert T.edges["esith", "textile"]["first"] is None
    assert T.nodes["olive"]["name"] == "Olive Oil Cluster" and T.nodes["olive"]["region"] == "South-Med"


def test_the_example_has_every_tie_type_of_the_schema_and_no_other():
    T = tie_graph(example_graph())

    assert {kind for _, _, types in T.edges(data="types") for kind in types} == set(TIE_TYPES)


def test_a_planned_event_makes_no_tie_and_an_organisation_without_ties_stays():
    T = tie_graph(example_graph())

    assert "qoot" in T and T.degree("qoot") == 0


# --- projection and weights ----------------------------------------------------------------------

def two_events():
    """e1 attended by a, b, c; e2 by a, b."""
    return knowledge_graph(
        [org("a"), org("b"), org("c"), event("e1", JAN), event("e2", FEB)],
        [went("a", "e1"), went("b", "e1"), went("c", "e1"), went("a", "e2"), went("b", "e2")])


def test_newman_weighting_adds_one_over_k_minus_one_per_shared_event():
    T = tie_graph(two_events())

    # e1 has 3 organisations: 1/2 to each pair; e2 has 2: 1 to a–b.
    assert T.edges["a", "b"]["weight"] == 1.5 and T.edges["a", "b"]["count"] == 2
    assert T.edges["a", "c"]["weight"] == 0.5 and T.edges["b", "c"]["weight"] == 0.5
    assert T.edges["a", "b"]["events"] == ["e1", "e2"] and T.edges["a", "b"]["first"] == JAN


def test_count_weighting_adds_one_per_shared_event():
    T = tie_graph(two_events(), weighting="count")

    assert [(u, v, w) for u, v, w in T.edges(data="weight")] == [("a", "b", 2.0), ("a", "c", 1.0), ("b", "c", 1.0)]


def test_the_projection_equals_networkx_on_random_bipartite_graphs():
    for seed in range(5):
        B = nx.bipartite.random_graph(12, 9, 0.3, seed=seed)
        top = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]
        for weighting, expected in (("count", nx.bipartite.weighted_projected_graph(B, top)),
                                    ("newman", nx.bipartite.collaboration_weighted_projected_graph(B, top))):
            P = projection(B, top, weighting=weighting)
            assert sorted(P) == sorted(expected)
            assert ties_of(P) == ties_of(expected)
            for u, v, w in expected.edges(data="weight"):
                assert P[u][v]["weight"] == pytest.approx(w)


def test_co_attended_and_visited_weights_are_the_projection_of_the_two_mode_graph():
    K = example_graph()
    B = two_mode(K)
    orgs = [n for n, d in B.nodes(data=True) if d["bipartite"] == 0]

    for weighting, expected in (("newman", nx.bipartite.collaboration_weighted_projected_graph(B, orgs)),
                                ("count", nx.bipartite.weighted_projected_graph(B, orgs))):
        T = tie_graph(K, weighting=weighting)
        met = {(u, v): d["types"].get("co_attended", 0) + d["types"].get("visited", 0)
               for u, v, d in T.edges(data=True)}
        assert {pair: w for pair, w in met.items() if w} == pytest.approx(
            {tuple(sorted((u, v))): w for u, v, w in expected.edges(data="weight")})


def test_the_two_mode_graph_holds_organisations_and_held_events():
    B = two_mode(example_graph())

    assert {n for n, d in B.nodes(data=True) if d["bipartite"] == 1} == {"visit-2018", "forum-2019"}
    assert B.nodes["qoot"]["bipartite"] == 0 and B.degree("qoot") == 0
    assert B.edges["olive", "visit-2018"] == {"role": "delegate", "roles": ["delegate"], "sources": ["doc-visit"],
                                              "evidence": ["doc-visit:4"]}


def test_unknown_weighting_fails_with_one_line():
    with pytest.raises(MedgraphError, match="^unknown tie weighting 'jaccard': one of newman, count$"):
        tie_graph(two_events(), weighting="jaccard")


# --- tie types -----------------------------------------------------------------------------------

def test_a_delegate_and_a_host_are_tied_by_a_visit_and_co_hosts_co_attend():
    K = knowledge_graph(
        [*COUNTRIES, org("tn"), org("fr1", "FR"), org("fr2", "FR"), event("visit", JAN)],
        [went("tn", "visit", "delegate"), went("fr1", "visit", "host"), went("fr2", "visit", "host")])

    T = tie_graph(K)

    assert T.edges["fr1", "tn"]["types"] == {"visited": 0.5}
    assert T.edges["fr2", "tn"]["types"] == {"visited": 0.5}
    assert T.edges["fr1", "fr2"]["types"] == {"co_attended": 0.5}


def test_a_speaker_counts_as_a_delegate():
    K = knowledge_graph([org("a"), org("b"), event("e", JAN)], [went("a", "e", "speaker"), went("b", "e")])

    assert tie_graph(K).edges["a", "b"]["types"] == {"co_attended": 1.0}


def test_a_person_attends_for_the_organisation_they_work_for():
    K = knowledge_graph(
        [org("a"), org("b"), ("p", "Person", {"name": "P"}), event("e", JAN)],
        [went("a", "e", line=1), ("p", "ATTENDED", "e", said("doc", 2, role="delegate")),
         ("p", "WORKS_FOR", "b", said("doc", 3))])

    T = tie_graph(K)

    assert T.edges["a", "b"]["types"] == {"co_attended": 1.0}
    assert T.edges["a", "b"]["evidence"] == ["doc:1", "doc:2", "doc:3"]


def test_mentoring_ties_the_employers_of_mentor_and_mentee():
    K = knowledge_graph(
        [org("a"), org("b"), ("p", "Person"), ("q", "Person")],
        [("p", "WORKS_FOR", "a", said("doc", 1)), ("q", "WORKS_FOR", "b", said("doc", 2)),
         ("p", "MENTORS", "q", said("doc", 3))])

    T = tie_graph(K)

    assert T.edges["a", "b"] == {"weight": 1.0, "types": {"mentoring": 1.0}, "count": 1, "events": [],
                                 "sources": ["doc"], "evidence": ["doc:1", "doc:2", "doc:3"], "first": None}


def test_an_agreement_ties_each_pair_of_its_parties():
    K = knowledge_graph(
        [org("a"), org("b"), org("c"), ("agr", "Agreement", {"date": FEB})],
        [("a", "PARTY_TO", "agr", said("doc", 1)), ("b", "PARTY_TO", "agr", said("doc", 1)),
         ("c", "PARTY_TO", "agr", said("doc", 1))])

    T = tie_graph(K)

    assert ties_of(T) == {("a", "b"), ("a", "c"), ("b", "c")}
    assert T.edges["a", "c"]["types"] == {"agreement": 1.0} and T.edges["a", "c"]["first"] == FEB


# --- as_of -----------------------------------------------------------------------------------------

def test_as_of_before_the_first_event_gives_no_ties():
    T = tie_graph(example_graph(), as_of=dt.date(2018, 1, 1))

    assert T.number_of_nodes() == 7 and T.number_of_edges() == 0


def test_an_event_counts_once_it_has_ended():
    assert tie_graph(example_graph(), as_of=dt.date(2018, 11, 20)).number_of_edges() == 0
    assert tie_graph(example_graph(), as_of=dt.date(2018, 11, 23)).number_of_edges() == 4


def test_as_of_between_events_keeps_the_first_event_and_the_undated_membership():
    T = tie_graph(example_graph(), as_of=dt.date(2019, 1, 1))

    # the mentoring pair met, and the agreement was signed, at the 2019 forum
    assert ties_of(T) == {("olive", "textile"), ("olive", "solar"), ("solar", "textile"), ("esith", "textile")}


def test_a_dated_agreement_without_a_signing_event_counts_from_its_date():
    K = knowledge_graph(
        [org("a"), org("b"), org("c"), event("e", JAN), ("agr", "Agreement", {"date": FEB})],
        [went("a", "e"), went("c", "e"), ("a", "PARTY_TO", "agr"), ("b", "PARTY_TO", "agr")])

    assert ties_of(tie_graph(K, as_of=JAN)) == {("a", "c")}
    assert ties_of(tie_graph(K, as_of=FEB)) == {("a", "b"), ("a", "c")}


def test_as_of_must_be_a_date():
    with pytest.raises(MedgraphError, match="^as_of: expected a date, found '2019-01-01'$"):
        tie_graph(example_graph(), as_of="2019-01-01")


def test_the_options_are_one_frozen_checked_object():
    options = TieOptions(as_of=dt.datetime(2019, 2, 1, 9, 30), members_for_cluster=True)

    assert options.as_of == dt.date(2019, 2, 1)
    assert options.replace(weighting="count") == TieOptions(dt.date(2019, 2, 1), False, True, "count")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.as_of = None
    with pytest.raises(MedgraphError, match="^unknown tie weighting 'jaccard'"):
        options.replace(weighting="jaccard")


# --- merge_possible and members_for_cluster -----------------------------------------------------

def possibly_same():
    """'z-olive' attended two events, 'olive' one; the documents leave open whether they are one."""
    return knowledge_graph(
        [org("olive"), org("z-olive"), org("x", "FR"), org("y", "FR"), event("e1", JAN), event("e2", FEB),
         event("e3", MAR)],
        [went("z-olive", "e1"), went("x", "e1"), went("z-olive", "e2"), went("olive", "e3"), went("y", "e3"),
         ("olive", "POSSIBLY_SAME_AS", "z-olive", {"confidence": 0.8, "reason": "same name"})])


def test_possibly_same_organisations_stay_apart_by_default():
    assert ties_of(tie_graph(possibly_same())) == {("x", "z-olive"), ("olive", "y")}


def test_merge_possible_contracts_a_pair_into_the_one_with_more_attendances():
    T = tie_graph(possibly_same(), merge_possible=True)

    assert sorted(T) == ["x", "y", "z-olive"]
    assert ties_of(T) == {("x", "z-olive"), ("y", "z-olive")}
    assert T.nodes["z-olive"]["merged"] == ["olive"]


def cluster_with_member():
    """Company m, a member of the cluster c, went to an event with the EU organisation x."""
    return knowledge_graph(
        [*COUNTRIES, org("c", "MA"), org("m", "MA", "Company"), org("x", "FR"), event("e", JAN)],
        [went("m", "e", line=1), went("x", "e", line=2), ("m", "MEMBER_OF", "c", said("doc", 3))])


def test_a_member_counts_as_itself_by_default():
    assert ties_of(tie_graph(cluster_with_member())) == {("m", "x"), ("c", "m")}


def test_members_for_cluster_moves_attendance_to_the_cluster():
    T = tie_graph(cluster_with_member(), members_for_cluster=True)

    assert sorted(T) == ["c", "x"]
    assert T.edges["c", "x"]["types"] == {"co_attended": 1.0}
    assert T.edges["c", "x"]["evidence"] == ["doc:1", "doc:2", "doc:3"]
    assert T.nodes["c"]["members"] == ["m"]


def test_a_member_of_a_network_is_not_moved():
    K = knowledge_graph([org("c"), org("n", "FR", "Network")], [("c", "MEMBER_OF", "n")])

    T = tie_graph(K, members_for_cluster=True)

    assert ties_of(T) == {("c", "n")} and T.edges["c", "n"]["types"] == {"membership": 1.0}


# --- determinism -----------------------------------------------------------------------------------

def test_two_runs_give_identical_graphs():
    first, second = (tie_graph(example_graph(), merge_possible=True, members_for_cluster=True) for _ in range(2))

    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(data=True)) == list(second.edges(data=True))


def test_the_package_exports_what_its_callers_use():
    used = {"tie_graph", "two_mode", "projection", "projected_weights", "pair_incidences", "MAX_PAIRS", "TieOptions"}

    assert used <= set(ties.__all__)
    assert all(hasattr(ties, name) for name in ties.__all__)


# --- implicit evidence on large networks (graph/ties/evidence.py) ----------------------------------

@pytest.mark.parametrize("options", [{}, {"weighting": "count"}, {"members_for_cluster": True},
                                     {"as_of": dt.date(2019, 1, 1)}])
def test_implicit_evidence_gives_the_same_ties_and_lists_the_same_evidence(options):
    explicit = tie_graph(example_graph(), **options)
    implicit = tie_graph(example_graph(), **options, explicit_max=0)

    assert (explicit.graph["evidence"], implicit.graph["evidence"]) == ("explicit", "implicit")
    assert sorted(implicit.edges) == sorted(explicit.edges)
    for a, b, d in explicit.edges(data=True):
        lean = implicit.edges[a, b]
        assert {k: lean[k] for k in ("types", "count")} == {k: d[k] for k in ("types", "count")}
        assert lean["weight"] == pytest.approx(d["weight"])
        assert ties.tie_evidence(implicit, a, b) == ties.tie_evidence(explicit, a, b) == {
            k: d[k] for k in ties.EVIDENCE_KEYS}


def test_an_implicit_attendance_tie_carries_no_evidence_list():
    K = knowledge_graph([org("a"), org("b"), event("e", dt.date(2019, 5, 1)), *COUNTRIES],
                        [went("a", "e", line=3), went("b", "e", line=4)])

    T = tie_graph(K, explicit_max=0)

    assert set(T.edges["a", "b"]) == {"weight", "types", "count"}
    assert ties.tie_evidence(T, "a", "b") == {"events": ["e"], "sources": ["doc"], "evidence": ["doc:3", "doc:4"],
                                               "first": dt.date(2019, 5, 1)}
    assert ties.tie_evidence(T, "a", "nobody") == {"events": [], "sources": [], "evidence": [], "first": None}
