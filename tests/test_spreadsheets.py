"""Spreadsheets as analysts keep them: attendee lists, organisations and relations, in CSV or an
Excel workbook, loaded with the guarantees of the YAML files (every fact resolved and traced to
its file and row; everything or nothing)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from medgraph.errors import DataError
from medgraph.loaders.load import load, read_data, read_rows
from medgraph.stats import graph_checksum

DATA = Path(__file__).parent / "fixtures" / "data"
ONE_LINE = re.compile(r"^Error: \S.*:\d+: \S")


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the invented fixture data (its registry may be written to by --add-new)."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def ties(rows, source: str) -> set[tuple]:
    """(type, start, end, evidence) of the relationships a document states, MENTIONS left out."""
    return {(r["type"], r["start"], r["end"], ", ".join(r["evidence"])) for r in rows.relationship_rows()
            if source in r["sources"] and r["type"] != "MENTIONS"}


def problems(paths: list[Path], **options) -> list[str]:
    with pytest.raises(DataError) as error:
        read_data(paths, **options)
    return str(error.value).splitlines()


ATTENDEES = """\
organisation,country,person,role,event,event kind,start,end,city,event country,status
ESITH,Morocco,,delegate,TechDays Tunis,techdays,2019-04-10,2019-04-11,Tunis,Tunisia,held
C2TM,Morocco,Amal Haddad,speaker,TechDays Tunis,,,,,,
Solartys,Spain,,host,TechDays Tunis,,,,,,
"""


def test_an_attendee_list_defines_its_event_and_each_row_is_evidence(data):
    sheet = write_csv(data.parent / "attendees.csv", ATTENDEES)

    rows = read_rows([data, sheet])

    event = rows.nodes["techdays-tunis-2019-04-10"]["props"]
    assert (event["name"], event["kind"], event["start"], event["end"], event["status"]) == (
        "TechDays Tunis", "techdays", dt.date(2019, 4, 10), dt.date(2019, 4, 11), "held")
    assert ties(rows, "attendees.csv") == {
        ("ATTENDED", "esith", "techdays-tunis-2019-04-10", "attendees.csv:2"),
        ("ATTENDED", "amal-haddad", "techdays-tunis-2019-04-10", "attendees.csv:3"),
        ("WORKS_FOR", "amal-haddad", "c2tm", "attendees.csv:3, forum-2019:5"),
        ("ATTENDED", "solartys", "techdays-tunis-2019-04-10", "attendees.csv:4"),
        ("HELD_IN", "techdays-tunis-2019-04-10", "TN", "attendees.csv:2"),
        ("LOCATED_IN", "esith", "MA", "attendees.csv:2, registry:7"),
        ("LOCATED_IN", "c2tm", "MA", "attendees.csv:3, registry:6, visit-2018:5"),
        ("LOCATED_IN", "solartys", "ES", "attendees.csv:4, registry:8"),
    }
    assert rows.nodes["attendees.csv"]["props"]["file"] == "attendees.csv"


def test_an_attendee_list_onto_an_event_the_data_holds(data):
    sheet = write_csv(data.parent / "barcelona.csv", "organisation,country,role\nESITH,Maroc,délégué\nFrance Clusters,,\n")

    rows = read_rows([data, sheet], event="visit-2018-barcelona")

    assert {t for t in ties(rows, "barcelona.csv") if t[0] == "ATTENDED"} == {
        ("ATTENDED", "esith", "visit-2018-barcelona", "barcelona.csv:2"),
        ("ATTENDED", "france-clusters", "visit-2018-barcelona", "barcelona.csv:3"),
    }
    assert problems([data, sheet], event="visit-2099") == [
        "--event: unknown event 'visit-2099' (no data file defines it)"]


def test_a_spreadsheet_alone_is_read_beside_the_projects_data(tmp_path):
    sheet = write_csv(tmp_path / "casablanca.csv", "organisation,country\nMaroc Numeric,Maroc\n")

    rows = read_rows([sheet], event="techdays-2019-casablanca")

    evidence = rows.relationships["ATTENDED", "maroc-numeric", "techdays-2019-casablanca"]["evidence"]
    assert "casablanca.csv:2" in evidence and len(evidence) > 1  # the row beside the press release's line


def test_french_headers_with_semicolons_as_french_excel_saves_them(data):
    sheet = write_csv(data.parent / "liste.csv",
                      "Organisme;Pays;Rôle;Événement;Type d'événement;Début;Fin;Ville;Pays de l'événement;Statut\n"
                      "Cluster Huile d'olive Nord-Ouest;Tunisie;hôte;Journée Agro;workshop;2019-05-02;2019-05-02;"
                      "Sfax;Tunisie;held\n", encoding="utf-8-sig")

    rows = read_rows([data, sheet])

    assert ties(rows, "liste.csv") >= {("ATTENDED", "olive-nw", "journee-agro-2019-05-02", "liste.csv:2")}
    assert rows.relationships["ATTENDED", "olive-nw", "journee-agro-2019-05-02"]["props"]["role"] == "host"
    assert rows.nodes["liste.csv"]["props"]["language"] == "fr"


def test_an_organisations_sheet_resolves_each_row_and_states_memberships(data):
    sheet = write_csv(data.parent / "organisations.csv",
                      "name,kind,country,member of\nESITH,School,Morocco,C2TM\nSolar Energy Cluster,Cluster,Spain,\n")

    rows = read_rows([data, sheet])

    assert ties(rows, "organisations.csv") == {
        ("MEMBER_OF", "esith", "c2tm", "forum-2019:4, organisations.csv:2"),
        ("LOCATED_IN", "esith", "MA", "organisations.csv:2, registry:7"),
        ("LOCATED_IN", "solartys", "ES", "organisations.csv:3, registry:8"),
    }


def test_relations_in_the_kumu_manner(data):
    sheet = write_csv(data.parent / "relations.csv",
                      "from,to,type,date,event\n"
                      "ESITH,C2TM,member of,,\n"
                      "Jean Morel,Amal Haddad,mentoring,,forum-2019-lyon\n"
                      "France Clusters,Sun Coast Cluster,accord,2019-09-13,forum-2019-lyon\n"
                      "ACCIO,booster,partner,,\n")

    rows = read_rows([data, sheet])

    agreement = "agr-2019-09-13-france-clusters-sun-coast-cluster"
    assert ties(rows, "relations.csv") == {
        ("MEMBER_OF", "esith", "c2tm", "forum-2019:4, relations.csv:2"),
        ("MENTORS", "jean-morel", "amal-haddad", "forum-2019:5, relations.csv:3"),
        ("PARTY_TO", "france-clusters", agreement, "relations.csv:4"),
        ("PARTY_TO", "sun-coast", agreement, "relations.csv:4"),
        ("SIGNED_AT", agreement, "forum-2019-lyon", "relations.csv:4"),
        ("PARTNER_OF", "accio", "booster", "relations.csv:5"),
    }


def test_a_workbook_with_three_sheets_is_three_documents(data):
    book = write_xlsx(data.parent / "programme.xlsx", {
        "Participants": [["Organisme", "Pays", "Événement", "Type d'événement", "Début", "Statut"],
                         ["ESITH", "Maroc", "Atelier Textile", "workshop", dt.datetime(2019, 6, 3), "held"],
                         [None, None, None, None, None, None],
                         ["C2TM", "Maroc", "Atelier Textile", None, None, None]],
        "Organisations": [["Name", "Kind", "Country"], ["France Clusters", "Network", "France"]],
        "Relations": [["From", "To", "Type"], ["ESITH", "C2TM", "membership"]],
    })

    rows = read_rows([data, book])

    assert ties(rows, "programme.xlsx#Participants") >= {
        ("ATTENDED", "esith", "atelier-textile-2019-06-03", "programme.xlsx#Participants:2"),
        ("ATTENDED", "c2tm", "atelier-textile-2019-06-03", "programme.xlsx#Participants:4")}
    assert ties(rows, "programme.xlsx#Relations") == {
        ("MEMBER_OF", "esith", "c2tm", "forum-2019:4, programme.xlsx#Relations:2")}
    assert {"programme.xlsx#Participants", "programme.xlsx#Organisations", "programme.xlsx#Relations"} <= set(rows.nodes)


@pytest.mark.parametrize(("text", "expected"), [
    ("organisation,contry,role\n", "people.csv:1: contry: unknown column (did you mean country?)"),
    ("colour,size\n", "people.csv:1: colour: unknown column (not a column of any layout)"),
    ("country,city\n", "people.csv:1: the header (country, city) fits no layout; expected organisations: "
                       "id/name/organisation (and kind, country, aliases, sector, city, member_of); attendees: "
                       "organisation/person (and country, role, member_of, kind, event, event_kind, start, end, "
                       "city, event_country, status)"),
    ("organisation,role\nESITH,delegate\n", "people.csv:1: an attendee list names its event: an event column "
                                            "(with event kind, start, end, city, event country, status), or --event ID"),
])
def test_a_header_that_fits_no_layout_is_one_line_saying_what_was_expected(data, text, expected):
    sheet = write_csv(data.parent / "people.csv", text)
    assert problems([data, sheet]) == [f"{data.parent}/{expected}"]


@pytest.mark.parametrize(("row", "expected"), [
    ("ESITH,Atlantis,delegate", "Pays: unknown country 'Atlantis'"),
    ("ESITH,Maroc,guest", "Rôle: 'guest' is not one of delegate, host, speaker"),
    ("Atlantis Deep Sea Cluster,Maroc,delegate", "Organisme: unknown name 'Atlantis Deep Sea Cluster' (closest: "),
])
def test_a_bad_cell_is_one_line_naming_the_file_row_and_column(data, row, expected):
    sheet = write_csv(data.parent / "cells.csv", f"Organisme,Pays,Rôle\nESITH,Maroc,delegate\n{row}\n")
    found = problems([data, sheet], event="forum-2019-lyon")
    assert len(found) == 1 and found[0].startswith(f"{sheet}:3: {expected}")


def test_a_bad_date_names_its_column(data):
    sheet = write_csv(data.parent / "dates.csv", "organisation,event,event kind,start,status\n"
                                                 "ESITH,Forum,forum,10/04/2019,held\n")
    assert problems([data, sheet]) == [f"{sheet}:2: start: expected a date YYYY-MM-DD, found '10/04/2019'"]


def test_a_file_that_is_not_utf8_is_one_line(data):
    sheet = write_csv(data.parent / "latin.csv", "organisme,pays\nPôle Agro,Tunisie\n", encoding="latin-1")
    assert problems([data, sheet]) == [f'{sheet}:2: not UTF-8 text (byte 16): save the sheet as "CSV UTF-8"']


def add_namesake(data: Path) -> None:
    """A second Agency for Business Competitiveness, in France: the name alone no longer says which."""
    registry = data / "registry.yaml"
    registry.write_text(registry.read_text().replace(
        "people:", "  - {id: abc-fr, name: Agency for Business Competitiveness, kind: Agency, country: FR}\npeople:"))


def test_add_new_creates_unknown_organisations_from_their_rows_but_never_an_ambiguous_one(data):
    add_namesake(data)
    registry = (data / "registry.yaml").read_text()
    sheet = write_csv(data.parent / "new.csv", "organisation,country,kind\nAtlas Agri-Food Cluster,Maroc,\n"
                                               "Oasis Dates Cluster,Tunisie,Cluster\nAgency for Business Competitiveness,,\n")

    found = problems([data, sheet], event="forum-2019-lyon", add_new=True)

    assert found == [f"{sheet}:4: organisation: ambiguous name 'Agency for Business Competitiveness': it is a name "
                     "of abc-fr, accio"]
    sheet.write_text("organisation,country,kind\nAtlas Agri-Food Cluster,Maroc,\nOasis Dates Cluster,Tunisie,Cluster\n")
    rows, update = read_data([data, sheet], event="forum-2019-lyon", add_new=True)
    assert update.added == [
        {"id": "atlas-agri-food-cluster", "name": "Atlas Agri-Food Cluster", "kind": "Cluster", "country": "MA",
         "note": "kind guessed from the name", "added_by": "new.csv"},
        {"id": "oasis-dates-cluster", "name": "Oasis Dates Cluster", "kind": "Cluster", "country": "TN",
         "added_by": "new.csv"}]
    assert ("ATTENDED", "oasis-dates-cluster", "forum-2019-lyon", "new.csv:3") in ties(rows, "new.csv")
    assert (data / "registry.yaml").read_text() == registry  # written by `load`, once the graph has them
    assert update.text.startswith(registry.split("people:")[0]) and update.text.count("\n") == registry.count("\n") + 3


# --- the command, against the real Neo4j -----------------------------------------------------


@pytest.fixture
def loaded(db, neo4j_settings, data):
    load(db, neo4j_settings.database, [data])
    return graph_checksum(db, neo4j_settings.database)


@pytest.mark.parametrize(("name", "text", "first_line", "options"), [
    ("header.csv", "organisation,contry\nESITH,Maroc\n", "header.csv:1: contry: unknown column (did you mean country?)",
     ()),
    ("cell.csv", "organisation,country\nESITH,Atlantis\n", "cell.csv:2: country: unknown country 'Atlantis'", ()),
    ("unknown.csv", "organisation,country\nAtlantis Deep Sea Cluster,Maroc\n",
     "unknown.csv:2: organisation: unknown name 'Atlantis Deep Sea Cluster'", ()),
    ("ambiguous.csv", "organisation\nAgency for Business Competitiveness\n",  # never added, even when asked
     "ambiguous.csv:2: organisation: ambiguous name 'Agency for Business Competitiveness': it is a name of abc-fr, accio",
     ("--add-new",)),
])
def test_a_bad_spreadsheet_is_one_line_exit_2_and_changes_nothing(data, db, neo4j_settings, medgraph_cli,
                                                                    name, text, first_line, options):
    add_namesake(data)
    load(db, neo4j_settings.database, [data])
    before, registry = graph_checksum(db, neo4j_settings.database), (data / "registry.yaml").read_text()
    sheet = write_csv(data.parent / name, text)

    code, out, err = medgraph_cli("load", str(data), str(sheet), "--event", "forum-2019-lyon", *options)

    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {data.parent}/{first_line}")
    assert len(err.splitlines()) == 1 and ONE_LINE.match(err)
    assert graph_checksum(db, neo4j_settings.database) == before
    assert (data / "registry.yaml").read_text() == registry


def test_an_unknown_name_stops_the_load_unless_add_new(loaded, db, neo4j_settings, medgraph_cli, data):
    sheet = write_csv(data.parent / "attendees.csv", "organisation,country\nAtlas Agri-Food Cluster,Maroc\n")

    code, _, err = medgraph_cli("load", str(data), str(sheet), "--event", "forum-2019-lyon")

    assert code == 2 and err.startswith(f"Error: {sheet}:2: organisation: unknown name 'Atlas Agri-Food Cluster'")
    assert err.rstrip().endswith("(--add-new adds it to the registry)")
    assert graph_checksum(db, neo4j_settings.database) == loaded


def test_add_new_appends_to_the_registry_and_a_second_load_changes_nothing(loaded, db, neo4j_settings,
                                                                            medgraph_cli, data):
    registry = data / "registry.yaml"
    before = registry.read_text()
    book = write_xlsx(data.parent / "attendees.xlsx", {"Délégués": [
        ["Organisme", "Pays", "Nature"], ["Atlas Agri-Food Cluster", "Maroc", None],
        ["Oasis Dates Cluster", "Tunisie", "Cluster"], ["ESITH", "Maroc", None]]})

    code, out, err = medgraph_cli("load", str(data), str(book), "--event", "forum-2019-lyon", "--add-new")

    assert (code, err) == (0, "")
    assert f"added 2 organisations to {registry}: atlas-agri-food-cluster, oasis-dates-cluster" in out
    assert registry.read_text() == before.replace("people:\n", (
        "  # added from attendees.xlsx (medgraph load --add-new)\n"
        "  - {id: atlas-agri-food-cluster, name: Atlas Agri-Food Cluster, kind: Cluster, country: MA, note: kind "
        "guessed from the name, added_by: attendees.xlsx}\n"
        "  - {id: oasis-dates-cluster, name: Oasis Dates Cluster, kind: Cluster, country: TN, added_by: attendees.xlsx}\n"
        "people:\n"))
    after_first = (registry.read_text(), graph_checksum(db, neo4j_settings.database))

    code, out, _ = medgraph_cli("load", str(data), str(book), "--event", "forum-2019-lyon", "--add-new")

    assert code == 0 and "added" not in out
    assert (registry.read_text(), graph_checksum(db, neo4j_settings.database)) == after_first
    assert after_first[1] != loaded


def test_a_country_option_takes_a_code_or_a_name_in_english_or_french(medgraph_cli):
    code, out, err = medgraph_cli("map", "--country", "Atlantide")
    assert (code, out) == (1, "")
    assert err == ("Error: --country: unknown country 'Atlantide' (an ISO code such as TN, or a name in English or "
                   "French such as Tunisia or Tunisie)\n")


def test_the_spreadsheet_benchmark_reads_the_same_facts_from_csv_and_yaml(tmp_path):
    """benchmarks/spreadsheets.py at size S, so that it cannot rot (its table, never a timing)."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "spreadsheets.py"
    spec = importlib.util.spec_from_file_location("medgraph_benchmark_spreadsheets", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    csv_row, yaml_row = bench.run("S", tmp_path)

    assert csv_row.items == yaml_row.items == 120 and csv_row.unit == "attendee rows"
    assert re.match(r"target 30 s per million rows: (met|not met); [\d.]+× faster than YAML$", csv_row.ratio)
