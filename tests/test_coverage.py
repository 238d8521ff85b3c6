"""Thin spots: single-source organisations, partial events, countries with few ties."""

import datetime as dt

from medgraph.graph.coverage import thin_spots
from medgraph.graph.knowledge import example_graph, knowledge_graph, said
from medgraph.graph.ties import tie_graph


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
