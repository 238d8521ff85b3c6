"""The YAML reader: a data file in, a Document or a Registry out, every mapping tagged with its line.

Only opening and parsing happens here; checking and resolving is `medgraph.loaders.to_rows`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from medgraph.errors import DataError
from medgraph.loaders.models import unknown_key
from medgraph.loaders.readers.plain_yaml import read_plain
from medgraph.loaders.readers.records import LINE, REGISTRY_SECTIONS, Document, Reader, Registry, read_text

__all__ = ["READER", "LineLoader", "parse_yaml", "read_document", "read_documents", "read_registry"]

TIMESTAMP = "tag:yaml.org,2002:timestamp"
DOCUMENT_KEYS = ("document", "facts")


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
    """Parse one YAML document whose top level is a mapping, or raise a one-line DataError.

    >>> parse_yaml("facts:\\n  - {fact: mention, event: forum-2019, line: 4}\\n", "d.yaml")
    {'facts': [{'fact': 'mention', 'event': 'forum-2019', 'line': 4, '__line__': 2}], '__line__': 1}
    """
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


def read_registry(path: Path, text: str | None = None) -> Registry:
    """The registry in the file, or in `text` (its new content, before it is written) read as that file;
    in its usual shape without PyYAML's node tree (`plain_yaml`: the same, ten times faster)."""
    text = read_text(path) if text is None else text
    data = read_plain(text) or parse_yaml(text, str(path))
    check_top_keys(data, REGISTRY_SECTIONS, path)
    return Registry(str(path), *(as_list(data.get(key), path, key) for key in REGISTRY_SECTIONS))


def read_document(path: Path) -> Document:
    data = parse_yaml(read_text(path), str(path))
    check_top_keys(data, DOCUMENT_KEYS, path)
    meta = data.get("document")
    if not isinstance(meta, dict):
        raise DataError(f"{path}:1: document: missing the document header (id, title, date, language, sha256)")
    return Document(str(path), meta, as_list(data.get("facts"), path, "facts"))


def check_top_keys(data: dict, allowed: tuple[str, ...], path: Path) -> None:
    """A misspelt section (`fact:` for `facts:`) would load nothing from it: refused."""
    for key in data:
        if key != LINE and key not in allowed:
            raise DataError(f"{path}:1: {key}: {unknown_key(key, allowed)}")


def as_list(value, path: Path, key: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DataError(f"{path}:1: {key}: expected a list of mappings")
    return value


def read_documents(path: Path, event: str | None = None) -> list[Document]:
    """A YAML data file is one document (`event` is for attendee lists: YAML documents name theirs)."""
    return [read_document(path)]


READER = Reader("YAML", (".yaml", ".yml"), read_documents, read_registry)
