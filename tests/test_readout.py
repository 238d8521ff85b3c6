"""The read-out: the loaded fixture graph comes back whole into NetworkX."""

import datetime as dt
from pathlib import Path

from medgraph.graph.readout import read_graph
from medgraph.loaders.load import load

DATA = Path(__file__).parent / "fixtures" / "data"


def test_the_knowledge_graph_comes_back_with_types_dates_and_regions(db, neo4j_settings):
    load(db, neo4j_settings.database, [DATA])
    K = read_graph(db, neo4j_settings.database)
    assert K.nodes["c2tm"]["label"] == "Organisation" and K.nodes["c2tm"]["region"] == "South-Med"
    assert K.nodes["solartys"]["subregion"] == "EU-Mediterranean"
    assert K.nodes["visit-2018-barcelona"]["start"] == dt.date(2018, 11, 19)
    assert K.edges["solartys", "visit-2018-barcelona", "ATTENDED"]["role"] == "host"
    assert K.edges["esith", "c2tm", "MEMBER_OF"]["evidence"] == ["forum-2019:4"]
    assert sorted(K.nodes["c2tm"]["aliases"]) == ["C2TM", "Cluster des Textiles Techniques Marocains"]
    assert not any(key == "MENTIONS" for _, _, key in K.edges(keys=True))
