"""`medgraph load --add-new`: the organisations a spreadsheet names and the registry lacks,
added to the registry, and the registry file's new text.

Each new organisation is made from its row: the name, the country, the kind (the row's `kind`
column, else guessed from the name's words, and the entry's note says so), for an
organisations sheet also its id, aliases, sector and city; it is marked `added_by:` the file.
A name that resolves ambiguously is never added (the load reports it, naming the candidates).

The registry file is edited as text, not re-dumped: the new entries go, one line each after a
comment naming the file, at the end of the `organisations:` list, so every comment, blank line
and entry before stays byte for byte. The load reads the registry *from that new text*, so the
new entries' rows (and their evidence `registry:<line>`) are those the file will have; the file
is replaced (temporary file, then rename) only after the graph's transaction has committed: a
failed load leaves it untouched, and a rerun after a crash between the two adds the same entries.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from medgraph.errors import DataError
from medgraph.loaders.countries import country_code
from medgraph.loaders.extract.relations import guess_kind
from medgraph.loaders.readers import LINE, Document, Registry
from medgraph.loaders.readers.layouts import kind_of, slug
from medgraph.loaders.readers.yaml_reader import read_registry
from medgraph.loaders.resolve import Entry, Resolver, Unresolved, normalise
from medgraph.schema import ORGANISATION_KINDS

__all__ = ["RegistryUpdate", "add_new_organisations", "new_entries", "append_organisations"]

GUESSED = "kind guessed from the name"


@dataclass(frozen=True)
class RegistryUpdate:
    """The registry file's new text and the entries it adds; `write` replaces the file."""

    path: Path
    text: str
    added: list[dict]

    def write(self) -> None:
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(self.text)
            os.chmod(temporary, self.path.stat().st_mode & 0o777)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def add_new_organisations(path: Path, registry: Registry, documents: list[Document]) -> tuple[Registry, RegistryUpdate | None]:
    """The registry with the spreadsheets' unknown organisations added (read from the new text
    of its file), and that text; the registry unchanged and None when every name resolves."""
    entries = new_entries(registry, documents)
    if not entries:
        return registry, None
    text = append_organisations(path.read_text(encoding="utf-8"), entries)
    return read_registry(path, text), RegistryUpdate(path, text, entries)


def new_entries(registry: Registry, documents: list[Document]) -> list[dict]:
    """A registry entry for every organisation the spreadsheets name that resolves to nothing;
    one per name and country (rows giving a country first: a row without one then names that)."""
    known = Resolver([Entry(str(o.get("id")), str(o.get("name")), o.get("country"), tuple(o.get("aliases") or ()))
                      for o in registry.organisations])
    taken = {str(e.get("id")) for section in (registry.organisations, registry.people, registry.programmes)
             for e in section}
    candidates = [(c, d) for d in documents for c in d.organisations if isinstance(c.get("name"), str)]
    new: dict[str, list[dict]] = {}  # normalised name -> the entries made with it
    seen: set[tuple[str, str | None]] = set()
    for candidate, document in sorted(candidates, key=lambda pair: pair[0].get("country") is None):
        country = country_code(str(candidate["country"])) if candidate.get("country") else None
        if (candidate["name"], country) in seen:
            continue
        seen.add((candidate["name"], country))
        made = new.setdefault(normalise(candidate["name"]), [])
        if not any(country in (None, e.get("country")) for e in made) and unknown(known, candidate["name"], country):
            made.append(entry(candidate, country, taken, document))
    first: dict[str, int] = {}  # the entries in the order their names first appear in the files
    for index, (candidate, _) in enumerate(candidates):
        first.setdefault(candidate["name"], index)
    return sorted((e for entries in new.values() for e in entries), key=lambda e: first[e["name"]])


def unknown(known: Resolver, name: str, country: str | None) -> bool:
    """The name resolves to nothing (an ambiguous one is not unknown: it is never added)."""
    try:
        known.resolve(name, country)
    except Unresolved as error:
        return str(error).startswith("unknown")
    return False


def entry(candidate: dict, country: str | None, taken: set[str], document: Document) -> dict:
    name, written_kind = candidate["name"], candidate.get("kind")
    kind = kind_of(written_kind)
    if written_kind is not None and kind is None:
        column = document.columns.get("organisation", {}).get("kind") or "kind"
        raise DataError(f"{document.path}:{candidate[LINE]}: {column}: {written_kind!r} is not one of "
                        f"{', '.join(ORGANISATION_KINDS)}")
    wanted = candidate.get("id") if isinstance(candidate.get("id"), str) else None
    made = {"id": unique_id(slug(wanted or name), taken), "name": name, "kind": kind or guess_kind(name),
            "country": country, "aliases": candidate.get("aliases"), "sector": candidate.get("sector"),
            "city": candidate.get("city"), "note": None if kind else GUESSED, "added_by": document.meta["file"]}
    return {k: v for k, v in made.items() if v is not None}


def unique_id(wanted: str, taken: set[str]) -> str:
    """The slug, or the slug with -2, -3 … when an entry has it; taken from then on.

    >>> taken = {"atlas"}; unique_id("atlas", taken), unique_id("atlas", taken)
    ('atlas-2', 'atlas-3')
    """
    found, n = wanted, 1
    while found in taken:
        n += 1
        found = f"{wanted}-{n}"
    taken.add(found)
    return found


def append_organisations(text: str, entries: list[dict]) -> str:
    """The registry text with the entries at the end of its `organisations:` list, one line each
    after a comment naming the file they come from; every other line as it was.

    >>> text = "# the registry\\norganisations:\\n  - {id: a, name: A}\\n\\npeople: []\\n"
    >>> print(append_organisations(text, [{"id": "b", "name": "B", "added_by": "x.csv"}]), end="")
    # the registry
    organisations:
      - {id: a, name: A}
      # added from x.csv (medgraph load --add-new)
      - {id: b, name: B, added_by: x.csv}
    <BLANKLINE>
    people: []
    """
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    start = next((i for i, line in enumerate(lines) if re.match(r"organisations:\s*(#.*)?$", line)), None)
    if start is None:
        return "".join(lines) + "organisations:\n" + "".join(entry_lines(entries, "  "))
    last, indent = start, None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line[0].isspace() and not line.startswith(("-", "#")):
            break  # the next section
        if line.strip() and not line.lstrip().startswith("#"):
            last = i
        if indent is None and (item := re.match(r"(\s*)- ", line)):
            indent = item.group(1)
    return "".join(lines[:last + 1] + entry_lines(entries, "  " if indent is None else indent) + lines[last + 1:])


def entry_lines(entries: list[dict], indent: str) -> list[str]:
    lines, source = [], None
    for item in entries:
        if item.get("added_by") != source:
            source = item.get("added_by")
            lines.append(f"{indent}# added from {source} (medgraph load --add-new)\n")
        flow = yaml.safe_dump(item, default_flow_style=True, sort_keys=False, allow_unicode=True, width=10**6)
        lines.append(f"{indent}- {flow.strip()}\n")
    return lines
