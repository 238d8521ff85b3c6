"""Readers: one per input format, chosen by the file's suffix, each giving the same Document."""

from __future__ import annotations

import csv
import shutil
import textwrap
from pathlib import Path

import pytest

from medgraph.errors import DataError
from medgraph.loaders import readers
from medgraph.loaders.load import read_rows
from medgraph.loaders.readers import LINE, Document, Reader, find_data_files, read_document, reader_for
from medgraph.loaders.readers.yaml_reader import read_registry as read_yaml_registry

DATA = Path(__file__).parent / "fixtures" / "data"


def read_tsv_documents(path: Path, event: str | None = None) -> list[Document]:
    """A reader for a format medgraph does not have: one attendance per row, the header row is line 1."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = [{**row, "fact": "attendance", "line": int(row["line"]), LINE: number}
                for number, row in enumerate(csv.DictReader(file, delimiter="\t"), start=2)]
    meta = {"id": path.stem, "title": "Attendance sheet", "date": None, "language": "en", "sha256": "0" * 64, LINE: 1}
    return [Document(str(path), meta, rows)]


TSV = Reader("TSV", (".tsv",), read_tsv_documents, read_yaml_registry)


def test_the_reader_is_chosen_by_the_suffix():
    assert reader_for(Path("data/documents/visit.yaml")).name == "YAML"
    assert reader_for(Path("data/registry.yml")).name == "YAML"
    assert reader_for(Path("attendees.csv")).name == "CSV" and reader_for(Path("Attendees.XLSX")).name == "Excel"
    with pytest.raises(DataError, match=r"^notes.txt:1: not a data file \(medgraph reads YAML: .yaml or .yml; "
                                        r"CSV: .csv; Excel: .xlsx\)$"):
        reader_for(Path("notes.txt"))


def test_the_yaml_reader_tags_every_fact_with_its_line(tmp_path):
    path = tmp_path / "note.yaml"
    path.write_text(textwrap.dedent("""\
        document: {id: note, title: A note, date: 2020-01-10, language: en, sha256: "00"}
        facts:
          - {fact: mention, event: forum-2019-lyon, line: 2}
          - fact: organisation
            name: ESITH
            line: 3
        """))

    document = read_document(path)

    assert document.id == "note" and document.meta[LINE] == 1
    assert [(fact["fact"], fact[LINE]) for fact in document.facts] == [("mention", 3), ("organisation", 4)]


def test_a_folder_gives_every_file_a_reader_takes(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "documents" / "visit.yaml").rename(tmp_path / "data" / "documents" / "visit.yml")
    (tmp_path / "data" / "documents" / "notes.txt").write_text("not data\n")

    registries, documents = find_data_files([tmp_path / "data"])

    assert [p.name for p in registries] == ["registry.yaml"]
    assert [p.name for p in documents] == ["forum.yaml", "visit.yml"]


def test_a_new_format_is_one_registered_reader(tmp_path, monkeypatch):
    monkeypatch.setitem(readers.READERS, ".tsv", TSV)
    shutil.copytree(DATA, tmp_path / "data")
    sheet = tmp_path / "data" / "documents" / "sheet.tsv"
    sheet.write_text("event\tname\tcountry\trole\tline\n"
                     "forum-2019-lyon\tSolartys\tSpain\tspeaker\t12\n"
                     "forum-2019-lyon\tDates & Palm Cluster\tTunisia\tdelegate\t13\n")

    rows = read_rows([tmp_path / "data"])

    attended = {(r["start"], r["props"]["role"], tuple(r["evidence"])) for r in rows.relationship_rows()
                if r["type"] == "ATTENDED" and "sheet" in r["sources"]}
    assert attended == {("solartys", "speaker", ("sheet:12",)), ("dates-tn", "delegate", ("sheet:13",))}
    assert "TSV: .tsv" in readers.accepted()


def test_a_new_format_reports_problems_at_its_row(tmp_path, monkeypatch):
    monkeypatch.setitem(readers.READERS, ".tsv", TSV)
    shutil.copytree(DATA, tmp_path / "data")
    sheet = tmp_path / "data" / "documents" / "sheet.tsv"
    sheet.write_text("event\tname\trole\tline\nforum-2019-lyon\tAtlantis Deep Sea Cluster\tdelegate\t12\n")

    with pytest.raises(DataError) as error:
        read_rows([tmp_path / "data"])

    assert str(error.value).startswith(f"{sheet}:2: facts[0].name: unknown name 'Atlantis Deep Sea Cluster'")
