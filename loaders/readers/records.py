"""What every reader returns, whatever the format: a Document (header and facts) or a Registry,
each mapping tagged with the line (or row) it comes from; and the guarded read of a text file."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medgraph.errors import DataError
from medgraph.loaders.models import LINE  # noqa: F401 - re-exported: a reader tags each record with it

MAX_FILE_MB = 16  # one data file; parsing YAML takes about 1 s per MB (MEDGRAPH_MAX_FILE_MB overrides)


@dataclass(frozen=True)
class Registry:
    """The canonical entities, as read (validation comes later)."""

    path: str
    organisations: list[dict]
    people: list[dict]
    programmes: list[dict]
    possibly_same_as: list[dict]


#: The registry's sections, in the order of the Registry's fields.
REGISTRY_SECTIONS = ("organisations", "people", "programmes", "possibly_same_as")


@dataclass(frozen=True)
class Document:
    """One source document's metadata (`meta`, the header) and facts, as read."""

    path: str
    meta: dict
    facts: list[dict] = field(default_factory=list)
    #: A spreadsheet's: fact type -> fact field -> the column it comes from (errors name the column).
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    #: A spreadsheet's: the organisations its rows describe, which `--add-new` may add to the registry.
    organisations: list[dict] = field(default_factory=list)
    #: An attendee list read in bulk (`readers.bulk.AttendeeTable`): its attendee rows as columns,
    #: which `loaders.bulk_rows` turns into graph rows; `facts` then holds its events only.
    bulk: Any = None

    @property
    def id(self) -> str:
        return str(self.meta.get("id"))

    @property
    def is_table(self) -> bool:
        """A spreadsheet (or one sheet) is its own source: no text to check its rows against."""
        return bool(self.columns)


@dataclass(frozen=True)
class Reader:
    """One input format: the file suffixes it takes and its two read functions. A file gives one
    document or several (a workbook: one per sheet); `event` is `medgraph load --event`, the event
    of attendee lists that name none."""

    name: str
    suffixes: tuple[str, ...]
    read_documents: Callable[[Path, str | None], list[Document]]
    read_registry: Callable[[Path], Registry]


def read_text(path: Path) -> str:
    """The file's text, refused when it is not UTF-8 or larger than the size limit."""
    limit = float(os.environ.get("MEDGRAPH_MAX_FILE_MB") or MAX_FILE_MB)
    try:
        size = path.stat().st_size / 1e6
        if size > limit:
            raise DataError(f"{path}:1: {size:.1f} MB, above the {limit:g} MB limit for one data file "
                            "(split it into several documents, or raise MEDGRAPH_MAX_FILE_MB)")
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{path}:1: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise DataError(f"{path}: cannot read: {error.strerror}") from None
