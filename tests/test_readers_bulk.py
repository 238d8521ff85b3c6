"""An attendee list read in bulk (columns, each distinct value checked once) gives what the same
list read row by row gives: the same graph rows, and on bad rows the same problems."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest

from medgraph.errors import DataError
from medgraph.loaders import readers
from medgraph.loaders.load import read_data, read_rows
from medgraph.loaders.readers import Reader, csv_reader
from medgraph.loaders.readers.spreadsheets import no_registry

DATA = Path(__file__).parent / "fixtures" / "data"

HEADER = "organisation,country,person,role,member of,kind,event,event kind,start,end,city,event country,status\n"
#: An invented list: two events defined by their columns (one written two ways), an organisation
#: named three ways, a person and their employer, a membership, an attendee at one event twice
#: with two roles (the last one stands), a blank row, a country in French, a role in French.
GOOD = HEADER + """\
ESITH,Morocco,,delegate,,,TechDays Tunis,techdays,2019-04-10,2019-04-11,Tunis,Tunisia,held
C2TM,Maroc,Amal Haddad,speaker,,,TechDays Tunis,,,,,,
Moroccan Technical Textile Cluster,MA,,hôte,,,techdays tunis,,2019-04-10,,,,
,,,,,,,,,,,,
Solartys,Spain,,,France Clusters,,Atelier Solaire,workshop,2019-06-03,,Sevilla,Espagne,held
esith, Morocco ,,délégué,,,Atelier Solaire,,,,,,
ESITH,Morocco,,speaker,,,Atelier Solaire,,,,,,
,,Jean Morel,,,,Atelier Solaire,,,,,,
Cluster Huile d'olive Nord-Ouest,Tunisie,,,C2TM,Cluster,TechDays Tunis,,,,,,
"""
BAD_ROWS = [
    "ESITH,Atlantis,,,,,TechDays Tunis,,,,,,",  # an unknown country
    "ESITH,Morocco,,guest,,,TechDays Tunis,,,,,,",  # a role that is none
    "Atlantis Deep Sea Cluster,Maroc,,,C2TM,,TechDays Tunis,,,,,,",  # an unknown name, twice stated
    "Dates Cluster,,,,,,TechDays Tunis,,,,,,",  # an ambiguous name
    "C2TM,Maroc,Nobody Known,,,,TechDays Tunis,,,,,,",  # an unknown person
    "ESITH,Morocco,,,Atlantis Deep Sea Cluster,,TechDays Tunis,,,,,,",  # an unknown member-of
    "ESITH,Morocco,,,,,,,,,,,",  # no event
    "Atlantis Deep Sea Cluster,Maroc,,,,,Atelier Solaire,,,,,,",  # the unknown name again
]


@pytest.fixture
def per_row(monkeypatch):
    """Switch the CSV reader to its per-row path for the block's reads."""
    def switch():
        reader = Reader("CSV", (".csv",), functools.partial(csv_reader.read_documents, bulk=False), no_registry)
        monkeypatch.setitem(readers.READERS, ".csv", reader)
    return switch


def both(per_row, read, *args, **options):
    """What `read` gives (or the DataError's lines it raises) in bulk, then row by row."""
    results = []
    for bulk in (True, False):
        if not bulk:
            per_row()
        try:
            results.append(read(*args, **options))
        except DataError as error:
            results.append(str(error).splitlines())
    return results


def graph_rows(paths, **options):
    rows = read_rows(paths, **options)
    return rows.node_rows(), rows.relationship_rows()


def test_bulk_and_per_row_give_the_same_graph_rows(tmp_path, per_row):
    sheet = tmp_path / "attendees.csv"
    sheet.write_text(GOOD, encoding="utf-8")

    in_bulk, row_by_row = both(per_row, graph_rows, [DATA, sheet])

    assert in_bulk == row_by_row
    nodes, relationships = in_bulk
    attended = {(r["start"], r["end"]): (r["props"], r["evidence"]) for r in relationships if r["type"] == "ATTENDED"}
    assert attended["esith", "atelier-solaire-2019-06-03"] == (
        {"role": "speaker"}, ["attendees.csv:7", "attendees.csv:8"])
    assert attended["c2tm", "techdays-tunis-2019-04-10"] == ({"role": "host"}, ["attendees.csv:4"])


def test_bulk_and_per_row_on_a_known_event(tmp_path, per_row):
    sheet = tmp_path / "delegates.csv"
    sheet.write_text("organisme;pays;personne;rôle\nESITH;Maroc;;\nC2TM;;Amal Haddad;intervenant\n;;Jean Morel;\n",
                     encoding="utf-8-sig")

    in_bulk, row_by_row = both(per_row, graph_rows, [DATA, sheet], event="forum-2019-lyon")

    assert in_bulk == row_by_row
    assert any(r["type"] == "WORKS_FOR" and r["evidence"] == ["delegates.csv:3", "forum-2019:5"] for r in in_bulk[1])


@pytest.mark.parametrize("bad", range(len(BAD_ROWS)))
def test_bulk_and_per_row_give_the_same_problems(tmp_path, per_row, bad):
    sheet = tmp_path / "attendees.csv"
    sheet.write_text(GOOD + BAD_ROWS[bad] + "\n" + GOOD.splitlines()[2] + "\n", encoding="utf-8")

    in_bulk, row_by_row = both(per_row, graph_rows, [DATA, sheet])

    assert in_bulk == row_by_row
    assert all(line.startswith(f"{sheet}:11: ") for line in in_bulk)


def test_every_bad_row_at_once_in_row_order(tmp_path, per_row):
    sheet = tmp_path / "attendees.csv"
    sheet.write_text(GOOD + "\n".join(BAD_ROWS) + "\n", encoding="utf-8")

    in_bulk, row_by_row = both(per_row, graph_rows, [DATA, sheet])

    assert in_bulk == row_by_row
    assert [line.split(": ")[0] for line in in_bulk] == [f"{sheet}:{row}" for row in (
        11, 12, 13, 13, 14, 15, 15, 16, 17, 18)]


def test_an_event_whose_rows_disagree_is_one_line_per_cell_either_way(tmp_path, per_row):
    sheet = tmp_path / "attendees.csv"
    sheet.write_text(GOOD + "ESITH,Morocco,,,,,TechDays Tunis,forum,2019-04-12,,Sfax,,\n", encoding="utf-8")

    in_bulk, row_by_row = both(per_row, graph_rows, [DATA, sheet])

    assert in_bulk == row_by_row == [
        f"{sheet}:11: event kind: forum differs from row 2 for the same event (techdays)",
        f"{sheet}:11: start: 2019-04-12 differs from row 2 for the same event (2019-04-10)",
        f"{sheet}:11: city: Sfax differs from row 2 for the same event (Tunis)"]


def test_add_new_takes_the_same_organisations_either_way(tmp_path, per_row):
    data = shutil.copytree(DATA, tmp_path / "data")
    sheet = tmp_path / "new.csv"
    sheet.write_text("organisation,country,kind,member of\nAtlas Agri-Food Cluster,Maroc,,\nESITH,Maroc,,\n"
                     "Oasis Dates Cluster,Tunisie,Cluster,Atlas Agri-Food Cluster\nAtlas Agri-Food Cluster,Maroc,,\n",
                     encoding="utf-8")

    in_bulk, row_by_row = both(per_row, lambda: read_data([data, sheet], event="forum-2019-lyon", add_new=True))

    assert in_bulk[1].added == row_by_row[1].added
    assert [e["id"] for e in in_bulk[1].added] == ["atlas-agri-food-cluster", "oasis-dates-cluster"]
    assert in_bulk[0].relationship_rows() == row_by_row[0].relationship_rows()
