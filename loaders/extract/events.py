"""Events a document reports or announces: kind, dates, place, organisers, held or planned.

The title names the document's main event (its most specific kind: TechDays before a forum
before a workshop). The first dated sentence that names no other kind dates the main event
(a bare year, "founded in 2008", only when the sentence names its kind).
A sentence with a date and a kind states an event of that kind (the same one when kind and
dates agree); "two study tours … (28 October–1 November 2019) … (Spring 2020)" states one
per date. Without a date, a kind in the singular refers back to an event of that kind, or
states a new one when the sentence gives its place or its organisers; kinds in the plural
("other sessions will be held …") are series, not events.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from medgraph.loaders.extract.clauses import KindMention, Place, Sentence
from medgraph.loaders.extract.dates import DateMention
from medgraph.loaders.extract.gazetteer import GENERIC_KINDS, KIND_PATTERNS, PLANNED_CUES, PRIORITY
from medgraph.loaders.extract.organisers import Organiser, add_organisers, organisers_in

TAKES_PLACE = r"\b(?:take|takes|took|taking)\s+place\b|\b(?:will\s+be|was|were|is)\s+held\b|\baura\s+lieu\b|\ba\s+eu\s+lieu\b" \
              r"|\bse\s+(?:tiendra|tient|tenait)\b|\bs['’]est\s+tenue?\b"
PAST_CUES = r"\b(?:took|has\s+taken|had\s+taken)\s+place\b|\b(?:was|were|has\s+been|have\s+been)\s+held\b" \
            r"|\ba\s+eu\s+lieu\b|\bs['’]est\s+(?:tenue?|déroulée?)\b|\bont\s+eu\s+lieu\b|\bse\s+sont\s+(?:tenue?s|déroulée?s)\b"
THE_EVENT = r"\b(?:the|this)\s+event\s+(?:was|is|will\s+be|has\s+been)\b|\b(?:l['’]|cet\s+)événement\s+(?:a|est|sera)\b"


@dataclass
class Event:
    kind: str
    line: int
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str | None = None
    city: str | None = None
    country: str | None = None
    name: str | None = None
    organisers: list[Organiser] = field(default_factory=list)
    planned_cue: bool = False
    confidence: float = 0.6
    id: str = ""
    segment: tuple[int, int] | None = None  # the part of its sentence that states it
    kind_guessed: bool = False  # named without a kind word ("at FILEX 2019"): any known event of its name fits

    def date(self, found: DateMention) -> None:
        self.start, self.end, self.precision = found.start, found.end, found.precision
        self.confidence = max(self.confidence, 0.7 if found.precision == "year" else 0.8)  # "(2015)" dates loosely

    def place(self, place: Place | None) -> None:
        if place and not self.country:
            self.city, self.country = place.city, place.country
        elif place and place.city and not self.city and place.country == self.country:
            self.city = place.city

    def overlaps(self, found: DateMention) -> bool:
        return self.start is None or (self.start <= found.end and found.start <= self.end)

    def status(self, reference: dt.date | None) -> str:
        if reference and self.start:
            return "planned" if self.start > reference else "held"
        return "planned" if self.planned_cue else "held"


@dataclass
class Events:
    """The events found so far, the main one, and which events each sentence speaks of."""

    reference: dt.date | None
    found: list[Event] = field(default_factory=list)
    main: Event | None = None
    of_sentence: dict[int, list[Event]] = field(default_factory=dict)


def find_events(sentences: list[Sentence], title: int | None, reference: dt.date | None) -> Events:
    """Every event the sentences state; sentences of paragraph `title` name the main event."""
    events = Events(reference)
    for index, sentence in enumerate(sentences):
        known = {id(e) for e in events.found}
        if sentence.paragraph == title:
            spoken = title_events(events, sentence)
        elif sentence.dates:
            spoken = dated_events(events, sentence)
        else:
            spoken = undated_events(events, sentence)
        for event in spoken:
            if id(event) not in known:  # the sentence that states an event says when, not one that recalls it
                event.planned_cue = bool(sentence.cue(PLANNED_CUES))
        if not spoken and organisers_in(sentence):  # "It was organised by …": the event just spoken of
            previous = events.of_sentence.get(index - 1) if index and sentences[index - 1].paragraph == \
                sentence.paragraph else None
            spoken = (previous or [events.main] if events.main else previous or [])[:1]
        add_organisers(sentence, [events.main] if events.main and sentence.cue(THE_EVENT) else spoken)
        events.of_sentence[index] = spoken
    tense_of_mentions(events, sentences)
    if events.main is None and events.found:  # no title event: the first dated one is the document's
        events.main = next((e for e in events.found if e.start), events.found[0])
    return without_bare(events)


def tense_of_mentions(events: Events, sentences: list[Sentence]) -> None:
    """An event the page speaks of in the future in any sentence ("the event will be held in the
    context of …") and never in the past ("took place", "was held") is planned, even when the
    sentence that states it has no tense ("Last chance to sign up for the 2023 forum")."""
    for event in events.found:
        spoken = [s for i, s in enumerate(sentences) if any(e is event for e in events.of_sentence.get(i, []))]
        if any(s.cue(PLANNED_CUES) for s in spoken) and not any(s.cue(PAST_CUES) for s in spoken):
            event.planned_cue = True


def without_bare(events: Events) -> Events:
    """A kind word alone (no date, no place, no organiser, no name beyond the kind's words: "the
    training", "our benchmarking visits & training") states no event: it is dropped everywhere."""
    bare = {id(e) for e in events.found if is_bare(e)}
    events.found = [e for e in events.found if id(e) not in bare]
    events.of_sentence = {i: [e for e in spoken if id(e) not in bare] for i, spoken in events.of_sentence.items()}
    if events.main is not None and id(events.main) in bare:
        events.main = next((e for e in events.found if e.start), events.found[0] if events.found else None)
    return events


def is_bare(event: Event) -> bool:
    """
    >>> is_bare(Event("training", 3, name="Training")), is_bare(Event("forum", 3, name="FILEX Forum"))
    (True, False)
    """
    return not (event.start or event.country or event.organisers or own_name(event.name))


def title_events(events: Events, sentence: Sentence) -> list[Event]:
    kinds = sorted({k.kind for k in sentence.kinds}, key=PRIORITY.get)
    if not kinds:
        return []
    spoken = []
    cities = [p for p in sentence.places if p.city]
    place = cities[0] if cities else (sentence.places[-1] if sentence.places else None)
    for kind in kinds:
        if kind in GENERIC_KINDS and spoken:
            continue
        event = new_event(events, sentence, kind_mention(sentence, kind))
        event.city = event.country = None
        event.place(place)
        if sentence.dates:
            event.date(sentence.dates[0])
        spoken.append(event)
    events.main = events.main or spoken[0]
    return spoken


def kind_mention(sentence: Sentence, kind: str) -> KindMention:
    return next(k for k in sentence.kinds if k.kind == kind)


def new_event(events: Events, sentence: Sentence, mention: KindMention, segment=(0, None)) -> Event:
    event = Event(mention.kind, sentence.line_at(mention.begin), name=event_name(sentence, mention),
                  kind_guessed=mention.edition is not None)
    event.place(place_for(sentence, mention, segment))
    if mention.edition:
        event.date(mention.edition)
    events.found.append(event)
    return event


def dated_events(events: Events, sentence: Sentence) -> list[Event]:
    main, kinds = events.main, sentence.kinds
    if main and main.start is None and (not kinds and sentence.dates[0].precision != "year"  # "founded in 2008"
                                         or kinds and all(k.kind == main.kind or k.kind in GENERIC_KINDS for k in kinds)
                                         or any(k.kind == main.kind for k in kinds)):
        main.date(sentence.dates[0])
        main.place(place_for(sentence, kind_mention(sentence, main.kind) if any(k.kind == main.kind for k in kinds)
                             else None))
        others = [k for k in kinds if k.kind != main.kind and k.kind not in GENERIC_KINDS and not k.plural]
        return [main] + [same_or_new(events, sentence, k, None) for k in others]
    singular = [k for k in kinds if not k.plural]
    if len(sentence.dates) > 1 and len({k.kind for k in kinds}) == 1 and kinds[0].plural:
        return one_per_date(events, sentence, kinds[0])
    if kinds:
        chosen = singular or kinds[:1]
        return [same_or_new(events, sentence, k, date_for(sentence, k)) for k in chosen]
    if main and main.start and main.overlaps(sentence.dates[0]):
        return [main]
    return []


def same_or_new(events: Events, sentence: Sentence, mention: KindMention, found: DateMention | None) -> Event:
    """The event of this kind (and these dates) already found, or a new one."""
    place = place_for(sentence, mention)
    for event in events.found:
        if event.kind == mention.kind and (found is None or event.overlaps(found)) and \
                (place is None or event.country in (None, place.country)):
            if found and event.start is None:
                event.date(found)
            event.place(place)
            return event
    held_in = session_of(events, mention, event_name(sentence, mention), found)
    if held_in and not organisers_in(sentence):  # a session with organisers of its own is an event
        return held_in
    event = new_event(events, sentence, mention)
    if found:
        event.date(found)
    elif events.main and events.main.start and mention.kind in GENERIC_KINDS:  # "the day's workshop", organised
        event.start, event.end, event.precision = events.main.start, events.main.end, events.main.precision
        event.place(Place(events.main.city, events.main.country, 0, 0) if events.main.country else None)
    return event


def session_of(events: Events, mention: KindMention, name: str, found: DateMention | None) -> Event | None:
    """The event a session belongs to: a workshop, B2B meetings or a training with no name of its
    own, on a day of an event of another kind already found ("On 10 May a workshop …" during a
    forum of 9-12 May), or undated while the document's main event is dated ("the day's
    workshop"); a panel likewise within an event of several days. It states no event of its own
    unless its sentence names who organised it."""
    if own_name(name) or not (mention.kind in GENERIC_KINDS or mention.kind == "conference"):
        return None
    for event in events.found:
        if event.kind == mention.kind or event.kind in GENERIC_KINDS or event.precision != "day" or \
                found is not None and found.precision != "day":  # "a training and a study tour (2015)": two
            continue
        within = found is None and event is events.main or \
            found is not None and event.start <= found.start and found.end <= event.end
        if within and (mention.kind in GENERIC_KINDS or event.end > event.start):
            return event
    return None


def own_name(name: str | None) -> bool:
    """Whether an event's name says more than its kind ("FILEX Forum", not "Training").

    >>> own_name("Training"), own_name("FILEX Forum"), own_name("B2B meetings")
    (False, True, False)
    """
    masked = name or ""
    for _, pattern in KIND_PATTERNS:
        masked = pattern.sub(" ", masked)
    return bool(re.search(r"[A-ZÀ-Ý0-9]", masked))


def one_per_date(events: Events, sentence: Sentence, mention: KindMention) -> list[Event]:
    spoken, begin = [], 0
    for found in sentence.dates:
        event = new_event(events, sentence, mention, (begin, found.stop))
        event.date(found)
        event.segment = (begin, found.stop)
        spoken.append(event)
        begin = found.stop
    return spoken


def undated_events(events: Events, sentence: Sentence) -> list[Event]:
    spoken = []
    for mention in sentence.kinds:
        if mention.plural:
            continue
        existing = last_spoken(events, mention.kind)
        if mention.edition:  # "at FILEX 2019": the fair of that year
            spoken.append(same_or_new(events, sentence, mention, mention.edition))
        elif existing:
            existing.place(place_for(sentence, mention))
            spoken.append(existing)
        elif (mention.kind not in GENERIC_KINDS or sentence.cue(TAKES_PLACE)) and place_for(sentence, mention) \
                or organisers_in(sentence):  # "the ceremony will take place in Amman": an event of its own
            spoken.append(same_or_new(events, sentence, mention, None))
    return spoken


def last_spoken(events: Events, kind: str) -> Event | None:
    """The event of this kind the page spoke of last ("the 2019 matchmaking … its B2B meetings";
    "the matchmaking event" then recalls 2019, not the page's main one), else the first found."""
    for index in sorted(events.of_sentence, reverse=True):
        spoken = next((e for e in events.of_sentence[index] if e.kind == kind), None)
        if spoken:
            return spoken
    return next((e for e in events.found if e.kind == kind), None)


#: An event named as the frame of the one the sentence goes on to date.
FRAME = re.compile(r"\b(?:in\s+the\s+(?:context|framework)\s+of|dans\s+le\s+cadre\s+d[eu])\s+(?:the\s+|la\s+|le\s+|l['’])?"
                   r"(?:\S+\s+){0,3}$", re.I)


def date_for(sentence: Sentence, mention: KindMention) -> DateMention | None:
    """The date written after the kind, else the sentence's last; none when another kind stands
    between the kind and the date after it ("the conference …, contributing to the Summit … for
    June 2019": June dates the summit only), unless that kind is the same, the date is in brackets
    ("a training, then a study tour (2015)": both) or the kind frames the later event ("in the
    context of the TechDays, the matchmaking will take place on …": both)."""
    if mention.edition:
        return mention.edition
    after = [d for d in sentence.dates if d.begin >= mention.end]
    if after and any(mention.end <= k.begin and k.end <= after[0].begin and k.kind != mention.kind for k in sentence.kinds) \
            and not sentence.text[after[0].begin:].startswith("(") and not FRAME.search(sentence.text[:mention.begin]):
        return None
    return after[0] if after else sentence.dates[-1]


def place_for(sentence: Sentence, mention: KindMention | None, segment=(0, None)) -> Place | None:
    """The place written in the kind's own clause (up to the next kind), else the sentence's first."""
    begin, end = segment[0], segment[1] or len(sentence.text)
    places = [p for p in sentence.places if begin <= p.begin < end]
    if mention is not None and segment == (0, None):
        later = [k.begin for k in sentence.kinds if k.begin > mention.begin]
        clause = [p for p in places if mention.begin <= p.begin < (later[0] if later else end)]
        before = [p for p in places if p.begin < min(k.begin for k in sentence.kinds)]
        places = clause or before or places
    return places[0] if places else None


#: Capitalised words after a lower-case kind word: "the conference La Méditerranée du Futur".
NAME_AFTER = re.compile(r"\s+((?-i:[A-ZÀ-Ý])[\w'’-]*(?:\s+(?:(?:du|de|des|of|the|-|–)\s+)?(?-i:[A-ZÀ-Ý])[\w'’-]*){1,5})")


def event_name(sentence: Sentence, mention: KindMention) -> str:
    """ "FILEX France Forum" when capitalised words name it (before the kind, or after a lower-case
    kind word: "the conference La Méditerranée du Futur", not an organisation or a place), else the kind."""
    before = re.search(r"((?:[A-Z0-9][\w&'-]*\s+){1,5})$", sentence.text[:mention.begin])
    written = sentence.text[mention.begin:mention.end]
    if before and written[:1].isupper() and not before.group(1).split()[0].lower() in ("the", "a", "an", "la", "le"):
        return f"{before.group(1)}{written}".strip()
    after = NAME_AFTER.match(sentence.text, mention.end)
    if after and written[:1].islower() and not any(
            after.start(1) < o.end and o.begin < after.end(1) for o in [*sentence.orgs, *sentence.places]):
        return f"{written[:1].upper()}{written[1:]} {after.group(1)}"
    return written[:1].upper() + written[1:] if written[:1].isupper() else mention.kind.capitalize()
