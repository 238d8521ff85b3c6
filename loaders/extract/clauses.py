"""What one sentence states, before any fact is built: organisations, event kinds, dates, places."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from medgraph.loaders.countries import country_names, fold
from medgraph.loaders.extract.dates import MONTHS, DateMention, find_dates, is_dateline
from medgraph.loaders.extract.gazetteer import CITIES, KIND_PATTERNS, PLURAL_BEFORE
from medgraph.loaders.extract.names import ROLE_WORD, NameFinder, OrgMention, tokens
from medgraph.loaders.extract.source import Span
from medgraph.loaders.extract.vocabulary import ORG_WORDS, TYPE_CORE
from medgraph.schema import DATE_PRECISIONS

CITY_KEYS = {fold(name): (name, code) for name, code in CITIES.items()}


@dataclass(frozen=True)
class KindMention:
    kind: str
    begin: int
    end: int
    plural: bool
    edition: DateMention | None = None  # the year of a name without a kind word ("at FILEX 2019"): kind guessed


@dataclass(frozen=True)
class Place:
    city: str | None
    country: str
    begin: int
    end: int


@dataclass
class Sentence:
    """A sentence and what it names; `paragraph` counts paragraphs from the document's start."""

    span: Span
    paragraph: int
    orgs: list[OrgMention] = field(default_factory=list)
    kinds: list[KindMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    model_names: list[OrgMention] = field(default_factory=list)  # new organisations the French model found
    model_people: list[tuple[int, int]] = field(default_factory=list)  # people the French model found

    @property
    def text(self) -> str:
        return self.span.text

    def line_at(self, offset: int) -> int:
        return self.span.line_at(offset)

    def cue(self, pattern: str) -> re.Match | None:
        """The first match of a cue outside organisation names ("THE NEXT SOCIETY" is no "next")."""
        masked = self.text
        for org in self.orgs:
            masked = masked[:org.begin] + " " * (org.end - org.begin) + masked[org.end:]
        return re.search(pattern, masked, re.I)


def read_sentence(span: Span, paragraph: int, finder: NameFinder, reference: dt.date | None) -> Sentence:
    orgs = finder.find(span.text)
    taken = [(m.begin, m.end) for m in orgs]
    kinds, places, dates = kinds_in(span.text, taken), places_in(span.text, taken), dates_in(span.text, reference)
    kinds = sorted(kinds + named_editions(span.text, taken + [(k.begin, k.end) for k in kinds], places, dates),
                   key=lambda k: k.begin)
    return Sentence(span, paragraph, orgs, kinds, dates, places)


def outside(begin: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return not any(begin < stop and start < end for start, stop in taken)


def kinds_in(text: str, taken: list[tuple[int, int]]) -> list[KindMention]:
    """Event kinds named outside organisation names, longest wording first.

    >>> [(k.kind, k.plural) for k in kinds_in("two study tours and the Benchmarking Visits & Training", [])]
    [('study tour', True), ('benchmarking visit', False)]
    """
    found: list[KindMention] = []
    for kind, pattern in KIND_PATTERNS:
        for match in pattern.finditer(text):
            spans = taken + [(k.begin, k.end) for k in found]
            if outside(match.start(), match.end(), spans) and not PREPARATORY.search(
                    f"{text[max(0, match.start() - 14):match.start()]}|{text[match.end():match.end() + 15]}"):
                found.append(KindMention(kind, match.start(), match.end(), plural(text, match, kind)))
    return sorted(found, key=lambda k: k.begin)


#: A name with an edition year after "at"/"à", a verb of taking part or "in the context of"
#: ("exhibited at FILEX 2019", "a participé à Pollutec 2018", "in the context of GITEX Africa (31
#: May - 2 June 2023)"): a trade fair or forum named without its kind word. The name's first word
#: has a capital inside or is a single capitalised word; the year follows it, or a date in brackets.
NAMED_EDITION = re.compile(
    r"(?:\b(?:at|à|au)|\b(?:participated|took\s+part|attended|exhibited|visited|joined|participé|pris\s+part"
    r"|exposé|participera|participeront)(?:\s+(?:in|at|à|au))?"
    r"|\bin\s+the\s+(?:context|framework|margins?)\s+of|\bon\s+the\s+(?:sidelines|margins?)\s+of|\balongside"
    r"|\bdans\s+le\s+cadre\s+d[eu]|\ben\s+marge\s+d[eu])\s+(?:the\s+|le\s+|la\s+|l['’])?"
    r"(?P<name>(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z][a-z]{3,})(?:\s+[A-Z][a-z]+)?)"
    r"(?:\s+(?P<year>(?:19|20)\d{2})\b(?!\s*[-–/]\s*\d)|\s*(?P<bracket>\())")


def named_editions(text: str, taken: list[tuple[int, int]], places: list[Place],
                   dates: list[DateMention] = ()) -> list[KindMention]:
    """Trade fairs and forums written as a name and an edition year (or dates in brackets) without
    a kind word.

    >>> [(text[k.begin:k.end], k.kind) for text in ["The cluster exhibited at FILEX 2019 in Lyon."]
    ...  for k in named_editions(text, [], [])]
    [('FILEX', 'trade fair')]
    >>> named_editions("It took part in Horizon 2020 projects, then arrived at Tunis 2019, in March 2019.", [], [])
    []
    """
    found = []
    for match in NAMED_EDITION.finditer(text):
        begin, end = match.span("name")
        first = match.group("name").split()[0]
        if not outside(begin, end, taken) or any(p.begin == begin for p in places) or place_of(fold(first)) \
                or fold(first) in MONTHS or PROGRAMME_AFTER_EDITION.match(text[match.end():]):
            continue
        if match.group("year"):
            year = int(match.group("year"))
            edition = DateMention(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", *match.span("year"))
        else:  # "GITEX Africa (31 May - 2 June 2023)"
            edition = next((d for d in dates if match.end() <= d.begin <= match.end() + 1), None)
        if edition:
            found.append(KindMention("trade fair", begin, end, False, edition))
    return found


#: "Horizon 2020 projects", "Vision 2030 strategy": a programme's name, not an event's.
PROGRAMME_AFTER_EDITION = re.compile(r"\s*(?:projects?|programmes?|programs?|strategy|stratégie|agenda|plan|calls?|funds?"
                                     r"|initiative|vision)\b", re.I)


#: "a preparatory webinar", "une réunion préparatoire": a step towards an event, not one.
PREPARATORY = re.compile(r"(?:preparatory|preliminary|follow-up)\s+\||\|\s*(?:préparatoire|preparatoire)", re.I)


def plural(text: str, match: re.Match, kind: str) -> bool:
    """Several events ("study tours", "other … sessions"), not one; a capitalised event name
    written in the plural ("the Benchmarking Visits & Training") is one event."""
    before = text[:match.start()]
    if re.search(PLURAL_BEFORE, before, re.I):
        return True
    if kind == "techdays" or match.group()[:1].isupper():
        return False
    return match.group().lower().endswith("s")


def dates_in(text: str, reference: dt.date | None) -> list[DateMention]:
    """Dates stated by the sentence: not its dateline, not a deadline, not a programme's months, not
    a year that holds a finer date.

    >>> [str(d.start) for d in dates_in("Deadline extended: 26 April 2023. The forum on 2 May 2023", None)]
    ['2023-05-02']
    """
    found = [d for d in find_dates(text, reference) if not is_dateline(text, d) and not DEADLINE.search(text[:d.begin])
             and not programme_period(d)]
    return [d for d in found if not any(o is not d and o.precision != d.precision and d.start <= o.start
                                        and o.end <= d.end and coarser(d, o) for o in found)]


#: Words before a date that make it a deadline or an opening, not the date of an event.
DEADLINE = re.compile(r"(?:\bdeadlines?|\bdate\s+limite|\bapply\s+(?:by|before)|\bapplications?\s+(?:by|until|before)"
                      r"|\bregistrations?\s+(?:by|until|before|close)|\buntil|\bjusqu'au|\bavant\s+le"
                      r"|\baccepted\s+until|\bclos\w*\s+(?:on|le))[^.;|]{0,25}$", re.I)


def programme_period(found: DateMention) -> bool:
    """Months on end ("October 2020 - July 2021") are the period of a programme, not an event's dates."""
    return found.precision == "month" and (found.end - found.start).days > 31


def coarser(a: DateMention, b: DateMention) -> bool:
    return DATE_PRECISIONS.index(a.precision) > DATE_PRECISIONS.index(b.precision)


def places_in(text: str, taken: list[tuple[int, int]]) -> list[Place]:
    """Cities of the gazetteer and countries (English or French), capitalised, outside names."""
    words, found, i = tokens(text), [], 0
    while i < len(words):
        for length in (3, 2, 1):
            span = words[i:i + length]
            if len(span) < length or not span[0].capital or not outside(span[0].begin, span[-1].end, taken):
                continue
            key = " ".join(w.key for w in span)
            place = place_of(key)
            if place and not re.match(r"\s+time\b", text[span[-1].end:], re.I) \
                    and not in_a_name(text, span[0].begin, span[-1].end):  # "18:00 Brussels time"
                found.append(Place(place[0], place[1], span[0].begin, span[-1].end))
                i += length
                break
        else:
            i += 1
    return found


#: A place written as part of a name, a title or as an owner: "Lebanon's cluster", "the ICT Cluster of
#: Bulgaria", "the Bizerte cluster", "the President of the French Republic" locate an organisation or
#: a person, not what the sentence says happened there.
OWNER_AFTER = re.compile(rf"['’]s\b|(?:\s+(?-i:[A-Z])[\w-]*){{0,3}}\s+(?:{'|'.join(TYPE_CORE + ('office',))})\b"
                         r"(?!\s+(?:managers?|members?)\b)", re.I)
NAME_BEFORE = re.compile(rf"\b(?:{ORG_WORDS.pattern[3:-3]}|{ROLE_WORD})(?:\s+(?:and|&|[A-Z][\w-]*))*\s+(?:of|de|du|d['’])\s*(?:the\s+)?$",
                         re.I)


def in_a_name(text: str, begin: int, end: int) -> bool:
    """Whether the place at text[begin:end] locates an organisation's name rather than an event.

    >>> in_a_name("QOOT, Lebanon's food cluster", 6, 13), in_a_name("the ICT Cluster of Bulgaria met", 19, 27)
    (True, True)
    >>> in_a_name("a forum in Tunis", 11, 16), in_a_name("the Bizerte cluster", 4, 11)
    (False, True)
    >>> in_a_name("the Ambassador of Italy in Lebanon", 18, 23), in_a_name("the Ambassador of Italy in Lebanon", 27, 34)
    (True, False)
    """
    return bool(OWNER_AFTER.match(text[end:]) or NAME_BEFORE.search(text[:begin]))


def place_of(key: str) -> tuple[str | None, str] | None:
    if key in CITY_KEYS:
        return CITY_KEYS[key]
    if key in country_names() and (len(key) > 3 or key in ("uk", "usa")):
        return None, country_names()[key]
    return None
