"""An announced event that later took place: the latest dated statement sets its status and dates,
and every statement stays as evidence (loaders/event_status.py)."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from medgraph.errors import DataError
from medgraph.loaders.load import load, read_rows
from medgraph.stats import graph_checksum

REGISTRY = """\
organisations:
  - {id: olive, name: Olive Cluster, kind: Cluster, country: TN}
"""
ANNOUNCEMENT = """\
document: {id: announce, file: a.txt, title: A forum is announced, date: 2019-01-10, language: en, sha256: "00"}
facts:
  - {fact: event, id: forum-2019, name: Olive forum, kind: forum, start: 2019-05-01, date_precision: month,
     country: Tunisia, status: planned, line: 2}
  - {fact: attendance, event: forum-2019, name: Olive Cluster, role: host, line: 3}
"""
REPORT = """\
document: {id: report, file: r.txt, title: The forum took place, date: DATE, language: en, sha256: "00"}
facts:
  - {fact: mention, event: forum-2019, status: held, start: 2019-05-20, end: 2019-05-22, date_precision: day, line: 4}
"""


def data_files(tmp_path: Path, report_date: str = "2019-06-20", report: str = REPORT) -> list[Path]:
    (tmp_path / "documents").mkdir(exist_ok=True)
    files = {"registry.yaml": REGISTRY, "documents/announce.yaml": ANNOUNCEMENT,
             "documents/report.yaml": report.replace("DATE", report_date)}
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    return [tmp_path / name for name in files]


def event_props(paths: list[Path]) -> dict:
    return read_rows(paths).nodes["forum-2019"]["props"]


def test_a_later_report_that_the_event_was_held_sets_its_status_and_dates(tmp_path):
    props = event_props(data_files(tmp_path))
    assert (props["status"], props["start"], props["end"], props["date_precision"]) == (
        "held", dt.date(2019, 5, 20), dt.date(2019, 5, 22), "day")
    assert props["status_evidence"] == ["announce:2", "report:4"]


def test_the_order_of_the_files_does_not_matter(tmp_path):
    paths = data_files(tmp_path)
    assert event_props(paths) == event_props([paths[0], paths[2], paths[1]])


def test_an_older_statement_does_not_override_the_announcement(tmp_path):
    props = event_props(data_files(tmp_path, report_date="2018-12-01"))
    assert (props["status"], props["start"], props["status_evidence"]) == (
        "planned", dt.date(2019, 5, 1), ["report:4", "announce:2"])


def test_on_the_same_date_held_wins_and_an_undated_document_is_the_oldest(tmp_path):
    assert event_props(data_files(tmp_path, report_date="2019-01-10"))["status"] == "held"
    assert event_props(data_files(tmp_path, report_date="null"))["status"] == "planned"


def test_a_status_without_dates_keeps_the_announced_dates(tmp_path):
    report = REPORT.replace(", start: 2019-05-20, end: 2019-05-22, date_precision: day", "")
    props = event_props(data_files(tmp_path, report=report))
    assert (props["status"], props["start"], props["date_precision"]) == ("held", dt.date(2019, 5, 1), "month")


def test_a_wrong_status_or_dates_on_a_mention_is_one_line(tmp_path):
    report = REPORT.replace("status: held", "status: done").replace("end: 2019-05-22", "end: 2019-05-02")
    paths = data_files(tmp_path, report=report)
    with pytest.raises(DataError) as error:
        read_rows(paths)
    assert str(error.value) == f"{paths[2]}:3: facts[0].status: 'done' is not one of held, planned"


def test_each_statement_stays_on_its_documents_mention(db, neo4j_settings, tmp_path):
    database, paths = neo4j_settings.database, data_files(tmp_path)
    load(db, database, paths)
    records, _, _ = db.execute_query(
        "MATCH (d:Document)-[m:MENTIONS]->(e:Event {id: 'forum-2019'}) "
        "RETURN d.id AS document, m.status AS status, toString(m.start) AS start, e.status AS now ORDER BY document",
        database_=database)
    assert [tuple(r.values()) for r in records] == [("announce", None, None, "held"), ("report", "held", "2019-05-20", "held")]
    together = graph_checksum(db, database)
    load(db, database, [paths[0], paths[2], paths[1]], replace=True)
    assert graph_checksum(db, database) == together


def test_the_organisers_a_later_document_names_are_organisers_with_its_evidence(tmp_path):
    report = REPORT.replace("line: 4}", "line: 4,\n     organisers: [{name: Olive Cluster, role: co-organiser, line: 5}]}")
    rows = read_rows(data_files(tmp_path, report=report))
    organised = rows.relationships[("ORGANISED", "olive", "forum-2019")]
    assert (organised["evidence"], organised["props"]["role"]) == ({"report:5"}, "co-organiser")
