"""extract(): files in, one proposed facts file per readable document out; errors one line each."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from tabulate import tabulate

from medgraph.errors import DataError
from medgraph.loaders import readers
from medgraph.loaders.countries import country_code
from medgraph.loaders.countries import fold
from medgraph.loaders.extract.clauses import Sentence, place_of, read_sentence
from medgraph.loaders.extract.acronyms import settle_acronyms
from medgraph.loaders.extract.cluster_lists import find_clusters, page_country
from medgraph.loaders.extract.dates import document_date
from medgraph.loaders.extract.gazetteer import HOST_CUES, NOT_ORGANISATION, PRIORITY
from medgraph.loaders.extract.lists import find_list
from medgraph.loaders.extract.members import memberships
from medgraph.loaders.extract.model import MODEL_PERSON, add_model_names, entities
from medgraph.loaders.extract.people import Person, people_in
from medgraph.loaders.extract.proposal import (Proposal, registry_entries, review_rows, to_data, write_facts,
                                               write_registry)
from medgraph.loaders.extract.events import Event, Events, find_events
from medgraph.loaders.extract.organisers import new_names
from medgraph.loaders.extract.pairs import MENTOR_CUE, agreement_in, mentoring_pairs
from medgraph.loaders.extract.relations import (ATTENDING, CUE_CONFIDENCE, Found, Known, apposition, cued_attendance,
                                                cued_new_attendance,
                                                employers_attending, new_ref,
                                                list_facts, paren_organisations, ref,
                                                OrgRef, guess_kind, try_resolve)
from medgraph.loaders.extract.running import confidence_of, described_names, exemplified_names, meets, running_names, sentence_country
from medgraph.loaders.extract.series import known_in_series
from medgraph.loaders.extract.source import Source, Span, detect_language, paragraphs, read_source, sentences
from medgraph.loaders.facts import registry_rows
from medgraph.loaders.rows import GraphRows
from medgraph.schema import DELEGATE, HOST


@dataclass(frozen=True)
class Extracted:
    """One document's outcome: its facts file and data, or the one-line error that stopped it."""

    path: Path
    data: dict | None = None
    written: Path | None = None
    error: str | None = None
    registry: tuple = ()  # registry entries proposed from a list of clusters
    registry_written: Path | None = None


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
    return Known(organisations, people, {o["id"]: o.get("kind") for o in read.organisations}, events,
                 {o["id"]: o["city"] for o in read.organisations if o.get("city")})


def known_event(fact: dict) -> dict:
    start = fact.get("start")
    return {"id": fact.get("id"), "kind": fact.get("kind"), "start": start, "end": fact.get("end") or start,
            "name": fact.get("name"), "city": fact.get("city"),
            "country": country_code(str(fact["country"])) if fact.get("country") else None}


def extract_source(source: Source, known: Known) -> Proposal:
    """Everything one document states, resolved against what is known (pure)."""
    dated = document_date(source.lines)
    reference = dated[0] if dated else None
    blocks = paragraphs(source)
    title = title_paragraph(blocks, dated[1] if dated else None)
    years = reference or title_year(blocks[title].text if title is not None else "") or title_year(" ".join(source.lines))
    read = [read_sentence(s, i, known.finder, years) for i, block in enumerate(blocks) for s in sentences(block)]
    language = detect_language(source.lines)
    if language == "fr":  # the French pipeline's organisations, as candidates for the rules
        page = "\n".join(source.lines)
        for sentence, named in zip(read, entities([s.text for s in read])):
            add_model_names(known, sentence, named, page)
    for sentence in read:  # the dateline dates the document, not an event
        if dated and sentence.span.line == dated[1]:
            sentence.dates = [d for d in sentence.dates if (d.start, d.end) != (reference, reference)]
    events = find_events(read, title, reference)
    found = Found(known_events=known_in_series(read, page_kind(read, title, events), known.events, reference))
    in_lists = read_lists(known, found, events, blocks, read)
    about_mentoring = any(re.search(MENTOR_CUE, block.text, re.I) for block in blocks)
    for index, sentence in enumerate(read):
        people = people_facts(found, sentence)
        if not any(item.name in sentence.text for item in in_lists.get(sentence.paragraph, ())):
            sentence_facts(known, found, sentence, events.of_sentence.get(index, []), events, about_mentoring, people)
    listed_facts(known, found, blocks, page_country(source.lines, country_of_word))
    head = blocks[title].line if title is not None else 0
    found.mentions += [b for n, line in enumerate(source.lines, start=1) if n != head and (b := byline(known, line, n))]
    settle_acronyms(known, found, "\n".join(source.lines))
    title_text = short(blocks[title].text) if title is not None else source.name
    return Proposal(source, language, reference, title_text, events, found)


def page_kind(read: list[Sentence], title: int | None, events: Events) -> str | None:
    """The kind of event a page is about: its title's (even a bare kind word), else its main event's."""
    kinds = sorted({k.kind for s in read if s.paragraph == title for k in s.kinds}, key=PRIORITY.get)
    return kinds[0] if kinds else events.main.kind if events.main else None


def listed_facts(known: Known, found: Found, blocks: list[Span], country: str | None) -> None:
    """The organisations of the page's lists of clusters: known ones as mentions, new ones as
    mentions and registry proposals; a new name that only adds words to a listed one on its line
    ("Health (Biowin)") is dropped."""
    listed = []
    for block in blocks:
        for item in find_clusters(block):
            if re.match(NOT_ORGANISATION, item.name):
                continue  # "Cluster to Cluster (C2C)": a meeting format in brackets
            line, where = block.line_at(item.begin), item.country or country
            known_id = next((hit for name in (item.name, *item.aliases)
                             if (hit := try_resolve(known, name, None) or (where and try_resolve(known, name, where)))),
                            None)
            org = OrgRef(known_id, item.name, where, line, 0.95 if known_id else item.confidence,
                         None if known_id else item.kind)
            listed.append(org)
            found.mentions.append(org)
            if not known_id:
                found.registry.append((org, item))
    keys = [(o.line, set(fold(o.written).split())) for o in listed]
    found.mentions = [m for m in found.mentions if m.id or m in listed or not any(
        line == m.line and words < set(fold(m.written).split()) for line, words in keys)]


def people_facts(found: Found, sentence: Sentence) -> list:
    """The people of a sentence (returned); an employer the registry lacks is a new organisation too."""
    people = people_in(sentence)
    named = {p.name for p in found.people + people}
    people += [Person(name, None, sentence.line_at(begin), confidence=MODEL_PERSON) for begin, end in sentence.model_people
               if (name := sentence.text[begin:end]) not in named and not any(name in p for p in named)]
    for person in people:
        found.people.append(person)
        if person.works_for is not None and person.works_for.id is None:
            found.mentions.append(OrgRef(None, person.works_for.written, None, person.line, 0.6,
                                         guess_kind(person.works_for.written)))
    return people


BYLINE = re.compile(r"^((?:[A-ZÀ-Ý][\w'’.]*\s+){0,3}[A-ZÀ-Ý][\w'’.]*)\s*[—–]\s*(?=[A-ZÀ-Ý«“])")


def byline(known: Known | None, line: str, number: int) -> OrgRef | None:
    """The outlet a news item's line opens with ("La Presse — Favoriser …", a long dash, then a
    sentence of eight words or more): an organisation.

    >>> byline(None, "Atlas Media — Les clusters du Maghreb se sont réunis hier à Tunis pour un forum.", 4)
    OrgRef(id=None, written='Atlas Media', country=None, line=4, confidence=0.6, kind='Company')
    """
    match = BYLINE.match(line.strip())
    if not match or len(line.strip()[match.end():].split()) < 8 or re.match(NOT_ORGANISATION, match.group(1)):
        return None
    name = match.group(1)
    known_id = try_resolve(known, name, None) if known else None
    return OrgRef(known_id, name, None, number, 0.75 if known_id else 0.6, None if known_id else "Company")


def country_of_word(word: str) -> str | None:
    place = place_of(fold(word))
    return place[1] if place else None


#: A year a plan aims at or an organisation was founded in, not one the page's days fall in.
OTHER_YEAR = (r"(?i:\b(?:horizon|d['’]ici|by|until|jusqu['’](?:en|à)|vision|agenda"
              r"|(?:set\s+up|founded|established|created|cr[ée]{2}e?s?|fond[ée]e?s?)\s+(?:in|en))"
              r"\s+(?:l['’]an\s+|the\s+year\s+)?)(?:19|20)\d{2}")


def title_year(title: str) -> dt.date | None:
    """Without a dateline, the year a title writes ("Tech Days 2025: …"), else the one year the
    whole page writes, dates what the page writes without a year (the middle of that year, so a
    day and month fall in it); a text of several years gives none; a target year ("à l'horizon
    2030", "by 2030", "Vision 2030") or a founding year ("set up in 2002", "créé en 2002") is none.

    >>> title_year("Tech Days Tunisie 2025 : un rendez-vous"), title_year("A forum in Tunis")
    (datetime.date(2025, 7, 1), None)
    >>> title_year("Le forum, le 3 mai, sert la stratégie à l'horizon 2030.")
    """
    years = {int(y) for y in re.findall(r"(?<![\d/-])((?:19|20)\d{2})(?![\d/-])", re.sub(OTHER_YEAR, "", title))}
    return dt.date(years.pop(), 7, 1) if len(years) == 1 else None


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
                   about_mentoring: bool = False, people: list = ()) -> None:
    """Mentions, attendance by cue, memberships, mentoring pairs and agreements of one sentence."""
    found.mentions += [ref(m, sentence.line_at(m.begin)) for m in sentence.orgs]
    found.mentions += paren_organisations(known, sentence)
    found.mentions += [OrgRef(known_id, name, country, sentence.line_at(n.begin),
                              0.8 if known_id else confidence_of(name, meets(sentence), country),
                              None if known_id else guess_kind(name))
                       for n, name, country in running_names(sentence, new_names(sentence))
                       if not apposition(sentence, n.begin)
                       for known_id in [try_resolve(known, name, None)] if known_id is None or name != n.written]
    found.mentions += [OrgRef(None, m.written, m.country or sentence_country(sentence, m.end), sentence.line_at(m.begin), 0.6,
                              guess_kind(type_word)) for m, type_word in described_names(sentence)
                       if not try_resolve(known, m.written, None)]
    found.mentions += [new_ref(m.written, sentence_country(sentence, m.end), sentence.line_at(m.begin))
                       for m in exemplified_names(sentence) if not try_resolve(known, m.written, None)]
    found.mentions += model_mentions(known, sentence, [(m.line, m.written) for m in found.mentions])
    target = cue_target(sentence, spoken) or events.main
    pairs = memberships(known, sentence)
    found.memberships += pairs
    if target:
        attendance_facts(known, found, sentence, target, pairs, people)
    found.mentoring += [(a, b, line, target) for a, b, line in mentoring_pairs(sentence, about_mentoring)]
    agreement = agreement_in(known, sentence, spoken, events)
    if agreement:
        found.agreements.append(agreement)


def model_mentions(known: Known, sentence: Sentence, proposed: list[tuple[int, str]]) -> list[OrgRef]:
    """The new organisations only the French model found (0.5), or it and a rule's capitalised name
    (0.6), that no rule proposed on the same line with words in common."""
    result = []
    for m in sentence.model_names:
        line, words = sentence.line_at(m.begin), set(fold(m.written).split())
        if try_resolve(known, m.written, None) or any(n == line and words & set(fold(w).split()) for n, w in proposed):
            continue
        result.append(new_ref(m.written, m.country or sentence_country(sentence, m.end), line, model=m.rule == "model"))
    return result


def cue_target(sentence: Sentence, spoken: list[Event]) -> Event | None:
    """The event a sentence's attendances are of: the one it speaks of, or of several the one whose
    kind it names last before the verb of attending ("on the sidelines of the conference X, in
    which Y takes part": the conference, not the meeting)."""
    if len(spoken) == 1:
        return spoken[0]
    cue = sentence.cue(ATTENDING)
    for mention in reversed([k for k in sentence.kinds if cue and k.end <= cue.start()]):
        of_kind = [e for e in spoken if e.kind == mention.kind]
        if len(of_kind) == 1:
            return of_kind[0]
    return None


#: "the participation of clusters such as A and B", "visits to companies such as A": the examples take part.
TAKING_PART = r"\bparticipation\s+(?:of|de|des|du)\b|" + HOST_CUES


def attendance_facts(known: Known, found: Found, sentence: Sentence, target: Event, pairs, people: list = ()) -> None:
    """Who the sentence says hosted, spoke at or attended `target`, known or new. The employer of
    a person the sentence names attends through them when the person is the one who attended
    ("Jane Doe, Director of X, took part"), else not (the person speaks, not the employer)."""
    organisers = {o.org.id or o.org.written for o in target.organisers}
    employed = {p.works_for.begin for p in people if p.works_for is not None}
    for org, role, cap in cued_attendance(sentence) + employers_attending(sentence, people):
        if org.begin in employed and cap != CUE_CONFIDENCE["employer"] \
                or (org.id or org.written) in organisers and role == DELEGATE:  # an organiser is no delegate
            continue
        named = ref(org, sentence.line_at(org.begin)) if org.id else new_ref(org.written, None, sentence.line_at(org.begin))
        found.attendances.append((target, replace(named, confidence=min(named.confidence, cap)), role))
    for org, role in cued_new_attendance(known, sentence):
        found.attendances.append((target, org, role))
        found.mentions.append(org)
    taking_part = sentence.cue(TAKING_PART)
    found.attendances += [(target, new_ref(m.written, None, sentence.line_at(m.begin)),
                           HOST if re.search(HOST_CUES, taking_part.group(), re.I) else DELEGATE)
                          for m in exemplified_names(sentence) if taking_part and taking_part.end() <= m.begin
                          and not try_resolve(known, m.written, None)]
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
        if result.registry:
            where = f" -> {result.registry_written}" if result.registry_written else ""
            parts.append(f"{len(result.registry)} organisations proposed for the registry{where}: "
                         + ", ".join(map(entry_text, result.registry)))
        rows = review_rows(result.data)
        parts.append(tabulate(rows, headers=["fact", "entities", "confidence", "line"], tablefmt="simple",
                              floatfmt=".2f") if rows else "(no facts found)")
    return "\n\n".join(parts)


def entry_text(entry: dict) -> str:
    """A proposed registry entry in the review table: a new organisation, or an alias of a known one."""
    if "name" not in entry:
        return f"{entry['aliases'][0]} (alias of {entry['id']})"
    return f"{entry['name']} ({entry.get('country') or '?'}, {entry.get('kind')}, {entry.get('sector') or '?'})"


def extract(paths: list[Path], registry: Path, out: Path | None, min_confidence: float = 0.0,
            documents: Path | None = None) -> list[Extracted]:
    """Read each file and write its proposed facts into `out` (nothing written when out is None);
    an event that the data files in `documents` already define is named by its id."""
    known = read_known(registry, documents)
    results = []
    for path in paths:
        try:
            proposal = extract_source(read_source(path), known)
            data = to_data(proposal, min_confidence, known.events)
            entries = tuple(registry_entries(proposal))
        except DataError as error:
            results.append(Extracted(path, error=str(error)))
            continue
        except Exception as error:  # a bug must not stop the other files; it is named, not hidden
            results.append(Extracted(path, error=f"{path}: not read, internal error {type(error).__name__}: {error}"))
            continue
        registry_written = write_registry(list(entries), data["document"]["id"], out) if out and entries else None
        results.append(Extracted(path, data, write_facts(data, out) if out else None, registry=entries,
                                 registry_written=registry_written))
    return results
