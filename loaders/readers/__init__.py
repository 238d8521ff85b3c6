"""Readers: one module per input format, each turning a file into the same records.

Every reader returns a `Document` (the header `meta` and the `facts`, each mapping tagged with
its line or row under `LINE`) or a `Registry`; checking and resolving them is the same for all
formats (`medgraph.loaders.to_rows`). The reader of a file is chosen by its suffix. A new format
is a new module here with a `READER = Reader(name, suffixes, read_document, read_registry)`,
listed in `FORMATS` below; nothing else changes.

>>> reader_for(Path("data/registry.yml")).name
'YAML'
>>> accepted()
'YAML: .yaml or .yml'
"""

from __future__ import annotations

from pathlib import Path

from medgraph.errors import DataError
from medgraph.loaders.readers import yaml_reader
from medgraph.loaders.readers.records import LINE, Document, Reader, Registry

__all__ = ["LINE", "Document", "Registry", "Reader", "READERS", "reader_for", "read_document", "read_registry",
           "find_data_files", "accepted"]

#: The input formats, in the order a folder's files are read.
FORMATS: tuple[Reader, ...] = (yaml_reader.READER,)
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
    reader = READERS.get(path.suffix)
    if reader is None:
        raise DataError(f"{path}:1: not a data file (medgraph reads {accepted()})")
    return reader


def read_document(path: Path) -> Document:
    return reader_for(path).read_document(path)


def read_registry(path: Path) -> Registry:
    return reader_for(path).read_registry(path)


def find_data_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Split the given files and folders into registry files and document files: every file
    whose suffix a reader takes (in a folder, at any depth); a file given by name must be one."""
    registries, documents = [], []
    for path in paths:
        if not path.exists():
            raise DataError(f"{path}: no such file or folder")
        if path.is_file():
            reader_for(path)
        files = [f for suffix in READERS for f in sorted(path.rglob(f"*{suffix}"))] if path.is_dir() else [path]
        for file in files:
            (registries if file.stem == REGISTRY_STEM else documents).append(file)
    if not registries:
        raise DataError(f"{paths[0]}: no registry.yaml among the data files")
    return registries, documents
