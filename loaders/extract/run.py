"""extract(): files in, one proposed facts file per readable document out; errors one line each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate

from medgraph.errors import DataError
from medgraph.loaders import readers
from medgraph.loaders.countries import country_code
from medgraph.loaders.extract.clauses import Sentence, read_sentence
from medgraph.loaders.extract.dates import document_date
from medgraph.loaders.extract.lists import find_list
from medgraph.loaders.extract.proposal import Proposal, review_rows, to_data, write_facts
from medgraph.loaders.extract.events import Event, Events, find_events
from medgraph.loaders.extract.pairs import MENTOR_CUE, agreement_in, mentoring_pairs
from medgraph.loaders.extract.relations import (ATTENDING, Found, Known, cued_attendance, cued_new_attendance,
                                                list_facts, memberships, paren_organisations, ref)
from medgraph.loaders.extract.source import Source, Span, detect_language, paragraphs, read_source, sentences
from medgraph.loaders.facts import registry_rows
from medgraph.loaders.rows import GraphRows
from medgraph.schema import DELEGATE


@dataclass(frozen=True)
class Extracted:
    """One document's outcome: its facts file and data, or the one-line error that stopped it."""

    path: Path
    data: dict | None = None
    written: Path | None = None
    error: str | None = None


def read_known(registry: Path, documents: Path | None = None) -> Known:
    """The registry's organisations and people, as the loader resolves them, and the events the
    data files in `documents` define (none when it is None)."""
    read = readers.read_registry(registry)
    rows = GraphRows()
    organisations, people, _ = registry_rows(read, rows)
    if rows.problems:
        raise DataError("\n".join(rows.problems))
    paths = [path for suffix in readers.READERS for path in sorted(documents.glob(f"*{suffix}"))] if documents else []
    events = [known_event(f) for path in paths for document in readers.read_documents(path) for f in document.facts
              if f.get("fact") == "event"]
    return Known(organisations, people, {o["id"]: o.get("kind") for o in read.organisations}, events)


def known_event(fact: dict) -> dict:
    start = fact.get("start")
    return {"id": fact.get("id"), "kind": fact.get("kind"), "start": start, "end": fact.get("end") or start,
            "country": country_code(str(fact["country"])) if fact.get("country") else None}


def extract_source(source: Source, known: Known) -> Proposal:
    """Everything one document states, resolved against what is known (pure)."""
    dated = document_date(source.lines)
    reference = dated[0] if dated else None
    blocks = paragraphs(source)
    title = title_paragraph(blocks, dated[1] if dated else None)
    read = [read_sentence(s, i, known.finder, reference) for i, block in enumerate(blocks) for s in sentences(block)]
    events = find_events(read, title, reference)
    found = Found()
    in_lists = read_lists(known, found, events, blocks, read)
    about_mentoring = any(re.search(MENTOR_CUE, block.text, re.I) for block in blocks)
    for index, sentence in enumerate(read):
        if not any(item.name in sentence.text for item in in_lists.get(sentence.paragraph, ())):
            sentence_facts(known, found, sentence, events.of_sentence.get(index, []), events, about_mentoring)
    title_text = short(blocks[title].text) if title is not None else source.name
    return Proposal(source, detect_language(source.lines), reference, title_text, events, found)


def short(text: str, width: int = 100) -> str:
    """A title of at most `width` characters, cut between words."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"


def title_paragraph(blocks: list[Span], date_line: int | None) -> int | None:
    """The first paragraph of four words or more that is not the dateline."""
    for index, block in enumerate(blocks[:4]):
        if len(block.text.split()) >= 4 and block.line != date_line:
            return index
    return None


def read_lists(known: Known, found: Found, events, blocks: list[Span], read: list[Sentence]) -> dict[int, tuple]:
    """Facts of every participant list; the items of each paragraph that holds a list."""
    lists = {}
    for index, block in enumerate(blocks):
        plist = find_list(block.text)
        if not plist:
            continue
        lists[index] = plist.items
        lead = plist.lead if re.search(r"\w", plist.lead) else (blocks[index - 1].text if index else "")
        spoken = [e for i, s in enumerate(read) if s.paragraph == index for e in events.of_sentence.get(i, [])]
        list_facts(known, found, events, block, plist, lead, spoken)
    return lists


def sentence_facts(known: Known, found: Found, sentence: Sentence, spoken: list[Event], events: Events,
                   about_mentoring: bool = False) -> None:
    """Mentions, attendance by cue, memberships, mentoring pairs and agreements of one sentence."""
    found.mentions += [ref(m, sentence.line_at(m.begin)) for m in sentence.orgs]
    found.mentions += paren_organisations(known, sentence)
    target = spoken[0] if len(spoken) == 1 else events.main
    pairs = memberships(known, sentence)
    found.memberships += pairs
    if target:
        attendance_facts(known, found, sentence, target, pairs)
    found.mentoring += [(a, b, line, target) for a, b, line in mentoring_pairs(sentence, about_mentoring)]
    agreement = agreement_in(known, sentence, spoken, events)
    if agreement:
        found.agreements.append(agreement)


def attendance_facts(known: Known, found: Found, sentence: Sentence, target: Event, pairs) -> None:
    """Who the sentence says hosted, spoke at or attended `target`, known or new."""
    for org, role in cued_attendance(sentence):
        found.attendances.append((target, ref(org, sentence.line_at(org.begin)), role))
    for org, role in cued_new_attendance(known, sentence):
        found.attendances.append((target, org, role))
        found.mentions.append(org)
    attended = sentence.cue(ATTENDING)
    if attended:  # "X, a member of Y, also joined the visit": the member attends
        found.attendances += [(target, member, DELEGATE) for member, _ in pairs
                              if member.id is None and sentence.text.find(member.written) < attended.start()]


def review_table(results: list[Extracted]) -> str:
    """What each document proposes, for the person who reviews it: fact, entities, confidence, line."""
    parts = []
    for result in results:
        if result.data is None:
            continue
        doc = result.data["document"]
        where = f" -> {result.written}" if result.written else ""
        parts.append(f"{result.path}{where} ({doc['language']}, dated {doc['date'] or 'unknown'}, "
                     f"{len(result.data['facts'])} facts)")
        rows = review_rows(result.data)
        parts.append(tabulate(rows, headers=["fact", "entities", "confidence", "line"], tablefmt="simple",
                              floatfmt=".2f") if rows else "(no facts found)")
    return "\n\n".join(parts)


def extract(paths: list[Path], registry: Path, out: Path | None, min_confidence: float = 0.0,
            documents: Path | None = None) -> list[Extracted]:
    """Read each file and write its proposed facts into `out` (nothing written when out is None);
    an event that the data files in `documents` already define is named by its id."""
    known = read_known(registry, documents)
    results = []
    for path in paths:
        try:
            data = to_data(extract_source(read_source(path), known), min_confidence, known.events)
        except DataError as error:
            results.append(Extracted(path, error=str(error)))
            continue
        except Exception as error:  # a bug must not stop the other files; it is named, not hidden
            results.append(Extracted(path, error=f"{path}: not read, internal error {type(error).__name__}: {error}"))
            continue
        results.append(Extracted(path, data, write_facts(data, out) if out else None))
    return results
