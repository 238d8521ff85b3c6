"""load(): read -> check and resolve -> verify against the sources -> write."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import neo4j

from medgraph.collector import collection_paused
from medgraph.cypher import read_cypher
from medgraph.errors import DataError
from medgraph.loaders import readers
from medgraph.loaders.readers.spreadsheets import check_event, in_columns
from medgraph.loaders.registry_file import RegistryUpdate, add_new_organisations
from medgraph.loaders.rows import GraphRows
from medgraph.loaders.source_texts import check_sources, not_verified
from medgraph.loaders.to_rows import to_rows

#: The project's data/, shipped as the package `medgraph.data`: the folder itself in an editable
#: install, its installed copy otherwise.
DEFAULT_DATA = Path(str(resources.files("medgraph.data")))
#: Where a user keeps the source texts of their own documents (never committed: .gitignore).
DEFAULT_SOURCES = DEFAULT_DATA / "sources"
SHOWN_PROBLEMS = 100


@dataclass(frozen=True)
class LoadSummary:
    documents: int
    nodes: int
    relationships: int
    graph_nodes: int  # in the database after the load: more than `nodes` when earlier loads left others
    notes: tuple[str, ...] = ()  # said, not refused: documents not verified against their texts
    added: tuple[str, ...] = ()  # with --add-new: the ids of the organisations added to the registry
    registry: Path | None = None  # the registry file they were added to


def read_rows(paths: list[Path], seeds: Path | list[Path] | None = None, event: str | None = None) -> GraphRows:
    """Everything checked and resolved, or one DataError listing every problem."""
    return read_data(paths, seeds, event)[0]


def read_data(paths: list[Path], seeds: Path | list[Path] | None = None, event: str | None = None,
              add_new: bool = False) -> tuple[GraphRows, RegistryUpdate | None]:
    """The checked, resolved rows, and with `add_new` the registry's new text when spreadsheets
    name organisations it lacks (written by `load` once the graph has them). Given files with
    no registry among them are read beside the project's data/. `event` is the event of the
    attendee lists that name none (`medgraph load --event`). With `seeds`, the folder or
    folders of the source texts: each document found there is checked against its text (a
    mismatch is a problem), and one note names those found nowhere (spreadsheets aside: the
    file itself is their source)."""
    with collection_paused():
        return read_checked(paths, seeds, event, add_new)


def read_checked(paths: list[Path], seeds: Path | list[Path] | None, event: str | None,
                 add_new: bool) -> tuple[GraphRows, RegistryUpdate | None]:
    """`read_data`, the collector paused."""
    folders = [seeds] if isinstance(seeds, Path) else list(seeds or [])
    registry_files, document_files = readers.find_data_files(paths, DEFAULT_DATA)
    if len(registry_files) > 1:
        raise DataError(f"{registry_files[1]}: a second registry.yaml (one registry per load)")
    problems, documents = [], []
    for path in document_files:
        try:
            documents.extend(readers.read_documents(path, event))
        except DataError as error:
            problems += str(error).splitlines()
    registry, update = readers.read_registry(registry_files[0]), None
    if not problems:
        check_event(event, documents)
        if add_new:
            registry, update = add_new_organisations(registry_files[0], registry, documents)
    absent = []
    if folders:
        found, absent = check_sources([d for d in documents if not d.is_table], folders)
        problems += found
    try:
        rows = to_rows(registry, documents)
    except DataError as error:
        problems += in_columns(str(error).splitlines(), documents)
    if problems:
        raise DataError("\n".join(shown(problems)))
    if absent:
        rows.notes.append(not_verified(absent, folders))
    return rows, update


def shown(problems: list[str], limit: int = SHOWN_PROBLEMS) -> list[str]:
    """The first `limit` problems, and how many more there are.

    >>> shown(["a.yaml:1: x: missing", "a.yaml:2: x: missing", "a.yaml:3: x: missing"], limit=2)[-1]
    '… and 1 more problem (3 in all): fix these first, then run again'
    """
    if len(problems) <= limit:
        return problems
    more = len(problems) - limit
    return problems[:limit] + [f"… and {more:,} more problem{'s' * (more > 1)} ({len(problems):,} in all): "
                               "fix these first, then run again"]


def load(driver: neo4j.Driver, database: str, paths: list[Path] | None = None,
         seeds: Path | list[Path] | None = None, replace: bool = False, event: str | None = None,
         add_new: bool = False) -> LoadSummary:
    """Load data files (default: the project's data/) into Neo4j, all or nothing; added to
    what the database holds, each document and the registry replacing what they stated before
    (docs/reliability.md, "Reloads"), or in place of everything with `replace`. `seeds`: the
    folder(s) of the source texts to check the documents against (`read_data`). With `add_new`,
    the organisations spreadsheets name and the registry lacks are added to the graph and, once
    it has them, to the registry file."""
    from medgraph.loaders.write import write

    rows, update = read_data(paths or [DEFAULT_DATA], seeds, event, add_new)
    write(driver, database, rows, replace=replace)
    if update is not None:
        update.write()
    documents = sum("Document" in n["labels"] for n in rows.nodes.values())
    records, _, _ = driver.execute_query(read_cypher("loaders", "graph_nodes"), database_=database)
    added = tuple(e["id"] for e in update.added) if update else ()
    return LoadSummary(documents, len(rows.nodes), len(rows.relationships), records[0]["nodes"], tuple(rows.notes),
                       added, update.path if update else None)
