"""Reading data files: YAML in, typed records out, every mapping tagged with its line.

Only opening and parsing happens here; checking and resolving is `medgraph.loaders.facts`.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from medgraph.errors import DataError

LINE = "__line__"
SUFFIXES = (".yaml", ".yml")
MAX_FILE_MB = 16  # one data file; parsing takes about 1 s per MB (MEDGRAPH_MAX_FILE_MB overrides)
TIMESTAMP = "tag:yaml.org,2002:timestamp"


class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A SafeLoader that records, in every mapping, the line the mapping starts on.

    libyaml's parser (CSafeLoader) when PyYAML has it: some 25 times faster than the pure
    Python one on large documents, with the same marks and the same constructed values.
    """


class ImpossibleDate(yaml.MarkedYAMLError):
    """A date-shaped value that is no date (2019-02-30): named with its key and line."""


def construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict:
    for key, value in node.value:
        if value.tag == TIMESTAMP:
            check_timestamp(loader, key, value)
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


def check_timestamp(loader: LineLoader, key: yaml.Node, value: yaml.ScalarNode) -> None:
    try:
        loader.construct_yaml_timestamp(value)
    except ValueError as error:
        field = key.value if isinstance(key, yaml.ScalarNode) else "date"
        raise ImpossibleDate(problem=f"{field}: impossible date {value.value!r} ({error})",
                             problem_mark=value.start_mark) from None


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)


def parse_yaml(text: str, path: str) -> dict:
    """Parse one YAML document whose top level is a mapping, or raise a one-line DataError."""
    try:
        data = yaml.load(text, Loader=LineLoader)
    except ImpossibleDate as error:
        raise DataError(f"{path}:{error.problem_mark.line + 1}: {error.problem}") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise DataError(f"{path}:{mark.line + 1 if mark else 1}: invalid YAML: {error.problem}") from None
    except yaml.YAMLError as error:
        raise DataError(f"{path}:1: invalid YAML: {error}") from None
    if data is None:
        raise DataError(f"{path}:1: empty file (a data file holds a mapping: document and facts, or a registry)")
    if not isinstance(data, dict):
        raise DataError(f"{path}:1: expected a mapping at the top of the file, found {type(data).__name__}")
    return data


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


@dataclass(frozen=True)
class Registry:
    """The canonical entities, as read (validation comes later)."""

    path: str
    organisations: list[dict]
    people: list[dict]
    programmes: list[dict]
    possibly_same_as: list[dict]


@dataclass(frozen=True)
class Document:
    """One source document's metadata and facts, as read."""

    path: str
    meta: dict
    facts: list[dict] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.meta.get("id"))


def read_registry(path: Path) -> Registry:
    data = parse_yaml(read_text(path), str(path))
    return Registry(str(path), *(as_list(data.get(key), path, key)
                                 for key in ("organisations", "people", "programmes", "possibly_same_as")))


def read_document(path: Path) -> Document:
    data = parse_yaml(read_text(path), str(path))
    meta = data.get("document")
    if not isinstance(meta, dict):
        raise DataError(f"{path}:1: document: missing the document header (id, title, date, language, sha256)")
    return Document(str(path), meta, as_list(data.get("facts"), path, "facts"))


def as_list(value, path: Path, key: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DataError(f"{path}:1: {key}: expected a list of mappings")
    return value


def find_data_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Split the given files and folders into registry files and document files."""
    registries, documents = [], []
    for path in paths:
        if not path.exists():
            raise DataError(f"{path}: no such file or folder")
        if path.is_file() and path.suffix not in SUFFIXES:
            raise DataError(f"{path}:1: not a data file (medgraph reads YAML: .yaml or .yml)")
        files = sorted(path.rglob("*.yaml")) + sorted(path.rglob("*.yml")) if path.is_dir() else [path]
        for file in files:
            (registries if file.stem == "registry" else documents).append(file)
    if not registries:
        raise DataError(f"{paths[0]}: no registry.yaml among the data files")
    return registries, documents


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
