"""Thin spots: single-source organisations, partial events, countries with few ties."""

import datetime as dt
import random

import pandas as pd
import pytest

from medgraph.graph.coverage import thin_countries, thin_spots
from medgraph.graph.knowledge import example_graph, knowledge_graph, said
from medgraph.graph.metmatrix import coverage_by_country
from medgraph.graph.ties import tie_arrays, tie_graph


def test_the_thin_spots_of_the_example():
    K = example_graph()
    K.nodes["visit-2018"]["participants_partial"] = True

    spots = thin_spots(K, tie_graph(K))

    assert sorted(spots) == ["countries", "events", "organisations"]
    # olive and textile are named by both reports, the others by one
    assert spots["organisations"][["id", "documents", "sources"]].values.tolist() == [
        ["agro", 1, "doc-forum"], ["esith", 1, "doc-forum"], ["fc", 1, "doc-forum"], ["qoot", 1, "doc-forum"],
        ["solar", 1, "doc-visit"]]
    assert spots["events"][["id", "delegates", "why"]].values.tolist() == [["visit-2018", 2, "participants_partial"]]
    # Lebanon's only organisation has no tie
    assert spots["countries"].values.tolist() == [["LB", 1, 0]]


def test_a_held_event_with_no_delegate_is_partial_and_a_planned_one_is_not():
    day = dt.date(2019, 5, 1)
    K = knowledge_graph(
        [("x", "Organisation", {"name": "X"}), ("o", "Organisation", {"name": "O"}),
         ("held", "Event", {"name": "Held", "start": day, "status": "held"}),
         ("later", "Event", {"name": "Later", "start": day, "status": "planned"})],
        [("x", "ATTENDED", "held", said("d1", 1, role="host")), ("o", "ORGANISED", "later", said("d2", 1))])

    events = thin_spots(K, tie_graph(K))["events"]

    assert events[["id", "status", "delegates", "why"]].values.tolist() == [["held", "held", 0, "no delegate"]]


def test_an_organisation_no_document_mentions_counts_as_thin():
    K = knowledge_graph([("x", "Organisation", {"name": "X", "country": "TN"})], [])

    spots = thin_spots(K, tie_graph(K))

    assert spots["organisations"].values.tolist() == [["x", "X", "TN", 0, None]]
    assert spots["countries"].values.tolist() == [["TN", 1, 0]]


def an_invented_programme(seed: int):
    """Clusters and other organisations in two South-Med and two EU countries (one without a
    country, one that attends nothing) at a few events, each attendance from its own report."""
    rng = random.Random(seed)
    countries = [("TN", "South-Med"), ("MA", "South-Med"), ("FR", "EU"), ("ES", "EU")]
    nodes = [(code, "Country", {"name": code, "region": region}) for code, region in countries]
    orgs = [f"o{i}" for i in range(30)]
    nodes += [(o, "Organisation", {"name": o.upper(), "kind": rng.choice(["Cluster", "School"]),
                                   "country": None if i == 0 else rng.choice(countries)[0]}) for i, o in enumerate(orgs)]
    events = [f"e{i}" for i in range(6)]
    nodes += [(e, "Event", {"name": e, "start": dt.date(2019, 1, 1 + i), "status": "held", "participants_partial": i == 0})
              for i, e in enumerate(events)]
    edges = [(o, "ATTENDED", e, said(f"doc-{e}-{o}", 1, role=rng.choice(["delegate", "host"])))
             for e in events for o in rng.sample(orgs[1:-1], 5)]
    return knowledge_graph(nodes, edges)


@pytest.mark.parametrize("seed", range(4))
def test_coverage_and_thin_spots_are_the_same_on_the_arrays(seed):
    K = an_invented_programme(seed)
    T, A = tie_graph(K), tie_arrays(K)

    pd.testing.assert_frame_equal(coverage_by_country(A), coverage_by_country(T))
    pd.testing.assert_frame_equal(thin_countries(A, minimum=10**6), thin_countries(T, minimum=10**6))
    for name, table in thin_spots(K, T).items():
        pd.testing.assert_frame_equal(thin_spots(K, A)[name], table)
