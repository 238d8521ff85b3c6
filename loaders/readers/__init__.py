"""Readers: one module per input format, each turning a file into the same records.

Every reader returns `Document`s (the header `meta` and the `facts`, each mapping tagged with
its line or row under `LINE`: one per file, one per sheet of a workbook) or a `Registry`;
checking and resolving them is the same for all formats (`medgraph.loaders.to_rows`). The
reader of a file is chosen by its suffix. A new format is a new module here with a
`READER = Reader(name, suffixes, read_documents, read_registry)`, listed in `FORMATS` below;
nothing else changes. Spreadsheets (CSV, Excel) follow the layouts of `layouts`.

>>> reader_for(Path("data/registry.yml")).name
'YAML'
>>> accepted()
'YAML: .yaml or .yml; CSV: .csv; Excel: .xlsx'
"""

from __future__ import annotations

from pathlib import Path

from medgraph.errors import DataError
from medgraph.loaders.readers import csv_reader, xlsx_reader, yaml_reader
from medgraph.loaders.readers.records import LINE, Document, Reader, Registry

__all__ = ["LINE", "Document", "Registry", "Reader", "READERS", "reader_for", "read_document", "read_documents",
           "read_registry", "find_data_files", "accepted"]

#: The input formats, in the order a folder's files are read.
FORMATS: tuple[Reader, ...] = (yaml_reader.READER, csv_reader.READER, xlsx_reader.READER)
#: File suffix -> its reader.
READERS: dict[str, Reader] = {suffix: reader for reader in FORMATS for suffix in reader.suffixes}
#: A file with this stem is a registry; any other data file is a document.
REGISTRY_STEM = "registry"


def accepted() -> str:
    """The formats and suffixes medgraph reads, as an error message lists them."""
    formats: dict[str, list[str]] = {}
    for suffix, reader in READERS.items():
        formats.setdefault(reader.name, []).append(suffix)
    return "; ".join(f"{name}: {' or '.join(suffixes)}" for name, suffixes in formats.items())


def reader_for(path: Path) -> Reader:
    """The reader of a file, by its suffix, or a DataError listing the accepted suffixes."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DataError(f"{path}:1: not a data file (medgraph reads {accepted()})")
    return reader


def read_documents(path: Path, event: str | None = None) -> list[Document]:
    """The documents of a data file: one, or one per sheet of a workbook."""
    return reader_for(path).read_documents(path, event)


def read_document(path: Path) -> Document:
    """The one document of a data file (a workbook's first sheet)."""
    return read_documents(path)[0]


def read_registry(path: Path) -> Registry:
    return reader_for(path).read_registry(path)


def find_data_files(paths: list[Path], default: Path | None = None) -> tuple[list[Path], list[Path]]:
    """Split the given files and folders into registry files and document files: every file
    whose suffix a reader takes (in a folder, at any depth; not Excel's `~$` lock files); a file
    given by name must be one. Without a registry among them, the `default` folder's files are
    read too (a spreadsheet is loaded beside the project's data)."""
    registries, documents = [], []
    for path in paths:
        if not path.exists():
            raise DataError(f"{path}: no such file or folder")
        if path.is_file():
            reader_for(path)
        files = [f for suffix in READERS for f in sorted(path.rglob(f"*{suffix}"))] if path.is_dir() else [path]
        for file in files:
            if not file.name.startswith("~$"):
                (registries if file.stem == REGISTRY_STEM else documents).append(file)
    if not registries and default is not None:
        more_registries, more_documents = find_data_files([default])
        known = {d.resolve() for d in more_documents}
        return more_registries, more_documents + [d for d in documents if d.resolve() not in known]
    if not registries:
        raise DataError(f"{paths[0]}: no registry.yaml among the data files")
    return registries, documents
