"""Who attended which event and who is a member of what (mentoring and agreements: `pairs`).

Attendance comes from participant lists (every item attends the event the list's lead names,
else the main event) and from sentences with a cue: "visits to X" (host), "representatives of
X will speak" (speaker), "X attended" (delegate). Each organisation is resolved against the
registry (country beside it as tie-breaker); one the registry does not know is proposed as a
new organisation with its country and a kind guessed from its name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from medgraph.loaders.countries import fold
from medgraph.loaders.extract.clauses import Sentence, kinds_in
from medgraph.loaders.extract.events import Event, Events
from medgraph.loaders.extract.gazetteer import (ATTENDING_AFTER, DELEGATION_OF, FALLBACK_ORG_KIND, HOST_BEFORE, HOST_CUES,
                                                MET_CUES, ORG_KIND_CUES, ORGANISED_BY, SPEAKER_CUES)
from medgraph.loaders.extract.lists import Item, ParticipantList
from medgraph.loaders.extract.people import titled_pieces
from medgraph.loaders.extract.organisers import organisers_in
from medgraph.loaders.extract.names import (NameFinder, OrgMention, chunks, country_beside, country_of,
                                            looks_like_organisation, tokens)
from medgraph.loaders.resolve import Resolver, Unresolved
from medgraph.schema import DELEGATE, GROUP_KINDS, HOST, SPEAKER

#: How sure a name is by the rule that found it ("model": a known name only the French model found).
CONFIDENCE = {"id": 0.95, "surface": 0.95, "exact": 0.95, "parts": 0.9, "fuzzy": 0.75, "new": 0.6, "model": 0.8}
MODEL_NEW = 0.5  # a new organisation only the French model found (a rule's: CONFIDENCE["new"])
ATTENDING = r"\battended\b|\b(?:took|takes?)\s+(?:an?\s+(?:very\s+)?active\s+)?part\b|\bprend\s+(?:une\s+)?part\b" \
            r"|\bparticipated\b|\bjoined\b|\bwere\s+(?:also\s+)?present\b" \
            r"|\btravell?ed\s+with\b|\baccompanied\b|\bconfirmed\s+(?:its|their)\s+participation\b" \
            r"|\bexhibited\b|\b(?:a|ont)\s+exposé\b" \
            r"|\bwill\s+(?:attend|take\s+part|join)\b|\bparticipent\b|\bparticipaient\b|\bparticiperont\b|\brejoint\b" \
            r"|\b(?:ont|a)\s+(?:également\s+|aussi\s+)?(?:participé|pris\s+part)\b|\bprendront\s+part\b" \
            r"|\bétai(?:t|ent)\s+(?:également\s+|aussi\s+)?présente?s?\b|\bconfirmé\s+(?:sa|leur)\s+participation\b"
LIST_LEAD = ATTENDING + r"|\bparticipa|\battend|\bpresent\b|\bprésents?\b|\bdelegation\b|\bdélégation\b" \
                        r"|\bvisitors\b|\bguests\b|\binvités\b|\btak(?:e|ing)\s+part\b|\bprenn?ent\s+part\b" \
                        r"|\binscrits?\b|\bregistered\b|\bselected\b|\bsélectionnés\b|\bparticipants?\b|\bdelegates?\b|\bdélégués?\b"


@dataclass(frozen=True)
class OrgRef:
    """An organisation a fact names: a registry id, or None for a new one (then kind guessed)."""

    id: str | None
    written: str
    country: str | None
    line: int
    confidence: float
    kind: str | None = None


@dataclass
class Found:
    """Everything a document states besides its events."""

    attendances: list[tuple[Event, OrgRef, str]] = field(default_factory=list)
    memberships: list[tuple[OrgRef, OrgRef]] = field(default_factory=list)
    mentoring: list[tuple[str, str, int, Event | None]] = field(default_factory=list)
    agreements: list[tuple[str, list[OrgRef], dt.date | None, Event | None, int]] = field(default_factory=list)
    mentions: list[OrgRef] = field(default_factory=list)
    registry: list[tuple[OrgRef, object]] = field(default_factory=list)  # (new organisation, cluster_lists.Listed)
    people: list = field(default_factory=list)  # people.Person
    known_events: list[tuple[str, int]] = field(default_factory=list)  # (id, line): known events named (series)
    aliases: list[tuple[str, str, int]] = field(default_factory=list)  # (registry id, short form, line) for review


@dataclass
class Known:
    """What the data knows: resolvers, a name finder, every organisation's kind, and the events
    its documents define ({"id", "kind", "start", "end", "country"}), to link proposals to."""

    organisations: Resolver
    people: Resolver
    kinds: dict[str, str]
    events: list[dict] = field(default_factory=list)
    cities: dict[str, str] = field(default_factory=dict)  # organisation id -> its city, when the registry gives one

    def __post_init__(self):
        self.finder = NameFinder(self.organisations)


def ref(mention: OrgMention, line: int) -> OrgRef:
    return OrgRef(mention.id, mention.written, mention.country, line, CONFIDENCE.get(mention.rule, 0.7))


def guess_kind(name: str) -> str:
    """The kind of an organisation from the words of its name.

    >>> guess_kind("Pôle de compétitivité Agro-Sud"), guess_kind("Atlas Tech Network"), guess_kind("Dunes SARL")
    ('Cluster', 'Network', 'Company')
    """
    folded = fold(name)
    return next((kind for kind, pattern in ORG_KIND_CUES.items() if re.search(pattern, folded)), FALLBACK_ORG_KIND)


# --- lists -----------------------------------------------------------------------------------


def resolve_item(known: Known, item: Item, line: int) -> tuple[OrgRef, OrgRef | None]:
    """The organisation a list item names, and the network it is written with ("X - Network")."""
    try:
        match = known.organisations.resolve(item.name, item.country)
        return OrgRef(match.id, item.name, item.country, line, CONFIDENCE[match.rule]), None
    except Unresolved:
        pass
    parts = [p.strip() for p in re.split(r"\s+[-–]\s+", item.name) if p.strip()]
    if len(parts) == 2:
        first, second = (try_resolve(known, p, item.country) for p in parts)
        if first and second and first != second and known.kinds.get(second) in GROUP_KINDS:
            return (OrgRef(first, parts[0], item.country, line, 0.85),
                    OrgRef(second, parts[1], item.country, line, 0.85))
    name = re.sub(r"^(?:the|le|la|les)\s+", "", item.name, flags=re.I)
    return OrgRef(None, name, item.country, line, CONFIDENCE["new"], guess_kind(name)), None


def try_resolve(known: Known, name: str, country: str | None) -> str | None:
    try:
        return known.organisations.resolve(name, country).id
    except Unresolved:
        return city_cluster(known, name)


#: "the Bizerte cluster", "le pôle de Sousse": a city and a cluster's type word.
CITY_CLUSTER = re.compile(r"^(?:(?:the|le|la)\s+)?(?:(?P<city>[A-ZÀ-Ý][\w'’-]+)\s+(?:cluster|p[ôo]le)"
                          r"|(?:cluster|p[ôo]le)\s+(?:of|de|d['’])\s*(?P<city2>[A-ZÀ-Ý][\w'’-]+))$", re.I)


def city_cluster(known: Known, name: str) -> str | None:
    """The one registry cluster of the city a name gives with a cluster's type word and nothing
    else ("the Bizerte cluster" for a Bizerte Competitiveness Pole of Bizerte), if exactly one."""
    match = CITY_CLUSTER.match(name.strip())
    city = match and fold(match.group("city") or match.group("city2"))
    fits = [i for i, c in known.cities.items() if city and fold(c) == city and known.kinds.get(i) == "Cluster"]
    return fits[0] if len(fits) == 1 else None


def list_facts(known: Known, found: Found, events: Events, paragraph, plist: ParticipantList,
               lead: str, spoken: list[Event]) -> None:
    """Mentions, new organisations, memberships and attendances of one participant list; what the
    list is comes from its lead and from the words after it ("A (X) and B (Y) took part in …")."""
    lead = f"{lead} {plist.tail}"
    says_who = re.search(LIST_LEAD, lead, re.I) or kinds_in(lead, [])
    target = list_event(events, lead, spoken) if plist.of_participants and says_who else None
    role = HOST if re.search(HOST_CUES, lead, re.I) else DELEGATE
    for item in plist.items:
        org, network = resolve_item(known, item, paragraph.line_at(item.begin))
        if org.id is None and not plist.of_participants:
            continue  # a place or an organiser the events read: not a new organisation
        found.mentions.append(org)
        if target:
            found.attendances.append((target, org, role))
        if network:
            found.memberships.append((org, network))
        if item.member_of:
            of = member_target(known, item.member_of, item.country, paragraph.line_at(item.member_begin))
            found.memberships.append((org, of))


def list_event(events: Events, lead: str, spoken: list[Event]) -> Event | None:
    """The event a list's lead names ("… participent aux #TechDays"), else the main event."""
    for mention in kinds_in(lead, []):
        match = next((e for e in events.found if e.kind == mention.kind), None)
        if match:
            return match
    return events.main or (spoken[0] if spoken else None) or (events.found[0] if len(events.found) == 1 else None)


def member_target(known: Known, name: str, country: str | None, line: int) -> OrgRef:
    try:
        match = known.organisations.resolve(name, country)
        return OrgRef(match.id, name, country, line, CONFIDENCE[match.rule])
    except Unresolved:
        return OrgRef(None, name, country, line, CONFIDENCE["new"], guess_kind(name))


# --- sentences -------------------------------------------------------------------------------


#: How sure an attendance is by the cue that states it (capping the name's own confidence): a verb
#: of attending, hosting or speaking states it; "X met Y" only implies both were there.
CUE_CONFIDENCE = {"stated": 0.95, "employer": 0.85, "met": 0.75}


def apposition(sentence: Sentence, begin: int) -> bool:
    """A name written right after a known one ("Ceipiemonte – the Piemonte Agency …") is its long name."""
    return any(re.fullmatch(r"\s*(?:[-–—,(]|\s)\s*(?:the\s+|la\s+|le\s+|l['’])?", sentence.text[o.end:begin], re.I)
               for o in sentence.orgs if o.id and o.end <= begin)


def owns_event(sentence: Sentence, end: int) -> bool:
    """Whether the name ending at `end` is the owner of an event the sentence names ("during The
    Next Society's TechDays", "ANIMA's annual conference"): its organiser, not a guest or a host.

    >>> from medgraph.loaders.extract.source import Span
    >>> text = "Visits during Atlas Cluster's TechDays."
    >>> owns_event(Sentence(Span(text, 1), 0, kinds=kinds_in(text, [])), 27)
    True
    """
    return any(k.begin > end and re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,2}", sentence.text[end:k.begin])
               for k in sentence.kinds)


def cued_attendance(sentence: Sentence) -> list[tuple[OrgMention, str, float]]:
    """Organisations a sentence says hosted, spoke at or attended its event, each with the
    confidence its cue allows."""
    organised = sentence.cue(ORGANISED_BY)
    organisers = {o.org.id for o in organisers_in(sentence)}
    orgs = [o for o in sentence.orgs if not (organised and o.begin > organised.start()) and o.id not in organisers
            and not owns_event(sentence, o.end)]
    pairs, cue = cued_roles(sentence, orgs), "stated"
    if not pairs and (met := sentence.cue(MET_CUES)):  # "X met Y during the forum": both were there
        spans = [(o.begin, o.end) for o in sentence.orgs] + new_name_spans(sentence)
        each = met_each_other(sentence, met, spans)
        pairs, cue = unique([(o, DELEGATE) for o in sentence.orgs if (o.begin, o.end) in each]), "met"
    return [(org, role, CUE_CONFIDENCE[cue]) for org, role in pairs]


def cued_roles(sentence: Sentence, orgs: list[OrgMention]) -> list[tuple[OrgMention, str]]:
    host, speaker, attended = (sentence.cue(c) for c in (HOST_CUES, SPEAKER_CUES, ATTENDING))
    after, host_before = sentence.cue(ATTENDING_AFTER), sentence.cue(HOST_BEFORE)
    if host:  # "X visited Y", "X was welcomed by Y": Y hosts, X attends
        return unique([(o, HOST) for o in orgs if o.begin > host.start()]
                      + [(o, DELEGATE) for o in orgs if o.end <= host.start() and subject(sentence.text, o)])
    if host_before:  # "Y welcomed a delegation of X", "Y a reçu une délégation de X"
        visitors = sentence.cue(DELEGATION_OF)
        return unique([(o, HOST) for o in orgs if o.end <= host_before.start() and subject(sentence.text, o)]
                      + [(o, DELEGATE) for o in orgs if visitors and o.begin >= visitors.end()])
    if after:  # "represented by X"; "X was represented by its director": X attends
        named = [o for o in orgs if o.begin > after.start()]
        return unique([(o, DELEGATE) for o in named or [o for o in orgs if o.end <= after.start()
                                                         and subject(sentence.text, o)]])
    if speaker:
        return unique([(o, SPEAKER) for o in orgs])
    colon = list_start(sentence, attended)
    if colon is not None:  # "The following clusters took part: A, B and C"
        return unique([(o, DELEGATE) for o in orgs if o.begin >= colon])
    if attended and not sentence.text.rstrip().endswith(":"):
        return unique([(o, DELEGATE) for o in orgs if o.end <= attended.start() and subject(sentence.text, o)])
    return []


def employers_attending(sentence: Sentence, people: list) -> list[tuple[OrgMention, str, float]]:
    """The employers of the people a sentence says attended: "Jane Doe, Director of X, took part",
    "Jane Doe, Board Member of X, a participé au forum"."""
    attended = sentence.cue(ATTENDING)
    if not attended:
        return []
    result = []
    for person in people:
        at = sentence.text.find(person.name)
        org = person.works_for
        if org is not None and 0 <= at < attended.start() and org.end <= attended.start() \
                and subject(sentence.text, OrgMention(None, person.name, at, at + len(person.name), None, "new")):
            result.append((org, DELEGATE, CUE_CONFIDENCE["employer"]))
    return result


def list_start(sentence: Sentence, attended: re.Match | None) -> int | None:
    """Where the attendees listed after an attendance verb and a colon begin, in the same sentence
    ("took part: A, B and C", "Ont participé au forum : A, B et C"), if they do."""
    colon = re.match(r"[^.:;]{0,40}:(?=\s*\S)", sentence.text[attended.end():]) if attended else None
    return attended.end() + colon.end() if colon else None


def enumerated(text: str, begin: int, names: list[tuple[int, int]], start: int = 0) -> bool:
    """Whether only names and their separators come between `start` and `begin` ("A, B and the C
    Cluster took part")."""
    rest = text[:begin]
    for first, end in sorted(names, reverse=True):
        if start <= first and end <= begin:
            rest = rest[:first] + " " + rest[end:]
    return bool(re.fullmatch(r"(?:\s|,|;|&|\band\b|\bet\b|\bthe\b|\ble\b|\bla\b|\bles\b|\bl['’]"
                             r"|\b(?:company|firm|group|groupe|société|entreprise|start-?up)\b)*", rest[start:], re.I))


def met_each_other(sentence: Sentence, met: re.Match, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The names (of `spans`) on either side of "met" when nothing but names stands between them
    and the verb ("A and B met C", "A a rencontré le B"), not the people who met ("mentors of A met")."""
    before = [s for s in spans if s[1] <= met.start()]
    after = [s for s in spans if s[0] >= met.end() and enumerated(sentence.text, s[0], spans, met.end())]
    return before + after if before and enumerated(sentence.text, met.start(), spans) else []


def new_name_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Capitalised names outside the known ones that look like organisations (not countries)."""
    taken = {i for i, w in enumerate(tokens(sentence.text)) for o in sentence.orgs if o.begin <= w.begin < o.end}
    found = [(b, e) for begin, end in chunks(sentence.text, tokens(sentence.text), taken)
             for b, e in titled_pieces(sentence.text, begin, end)
             if looks_like_organisation(sentence.text[b:e]) and not country_of(sentence.text[b:e])]
    return found + [(m.begin, m.end) for m in sentence.model_names if m.rule == "model"]


def subject(text: str, org: OrgMention) -> bool:
    """Whether an organisation is what attends, not a complement ("18 clusters benefiting from X",
    "22 clusters X participent": the count of unnamed participants is the subject)."""
    before = text[:org.begin]
    return not re.search(r"\b(?:from|of|by|with|de|du|des|d'|par|avec)\s*(?:the\s+|la\s+|le\s+|l['’])?$", before, re.I) \
        and not re.search(r"\b\d{1,3}\s+(?:[^\W\d][\w-]*\s+){0,3}$", before)


def cued_new_attendance(known: Known, sentence: Sentence) -> list[tuple[OrgRef, str]]:
    """Organisations the registry does not know, in a sentence that says they hosted or attended
    (or met: "A and B met during the forum"), not a name written right after a known one as its
    long name ("ESITH – Higher School of …"), nor one in brackets after a name ("(Ifremer local
    centre)"), nor the owner of the event ("X's TechDays")."""
    host, attended = sentence.cue(HOST_CUES), sentence.cue(ATTENDING)
    after = None if host else sentence.cue(ATTENDING_AFTER)
    host = host or after  # "represented by X": X follows its cue, as a host follows "visited"
    met = None if host or attended else sentence.cue(MET_CUES)
    if not (host or attended or met) or sentence.cue(SPEAKER_CUES) or sentence.text.rstrip().endswith(":"):
        return []
    result, unknown, colon = [], unknown_names(known, sentence), list_start(sentence, attended)
    spans = unknown + [(o.begin, o.end) for o in sentence.orgs]
    each = met_each_other(sentence, met, spans) if met else []
    for begin, end in unknown:
        if apposition(sentence, begin) or aside(sentence.text, begin) or owns_event(sentence, end):
            continue
        if (host and begin > host.start()) or (not host and colon is not None and begin >= colon) or \
                (attended and not host and end <= attended.start() and enumerated(sentence.text, begin, spans)) \
                or (begin, end) in each:
            written, line = sentence.text[begin:end], sentence.line_at(begin)
            known_id = city_cluster(known, written)
            role = DELEGATE if after or not host else HOST
            new = new_ref(written, country_beside(sentence.text, end), line, model_only(sentence, begin))
            result.append((OrgRef(known_id, written, None, line, CONFIDENCE["fuzzy"]) if known_id else new, role))
    return result


def aside(text: str, begin: int) -> bool:
    """Whether a name opens a bracket written after a name: "INSTM (Ifremer local centre)"."""
    return bool(re.search(r"[\w)]\s*\($", text[:begin]))


def unknown_names(known: Known, sentence: Sentence) -> list[tuple[int, int]]:
    """Capitalised names that look like organisations and that no known one covers."""
    return [(b, e) for b, e in new_name_spans(sentence)
            if not try_resolve(known, sentence.text[b:e], None) or city_cluster(known, sentence.text[b:e])]


def new_ref(written: str, country: str | None, line: int, model: bool = False) -> OrgRef:
    """A new organisation; one only the French model found is less sure than one a rule found."""
    written = re.sub(r"^(?:the|le|la|les)\s+", "", written.strip(), flags=re.I)
    return OrgRef(None, written, country, line, MODEL_NEW if model else CONFIDENCE["new"], guess_kind(written))


def model_only(sentence: Sentence, begin: int) -> bool:
    return any(m.begin == begin and m.rule == "model" for m in sentence.model_names)


def unique(pairs: list[tuple[OrgMention, str]]) -> list[tuple[OrgMention, str]]:
    seen, result = set(), []
    for org, role in pairs:
        if org.id not in seen:
            seen.add(org.id)
            result.append((org, role))
    return result


def paren_organisations(known: Known, sentence: Sentence) -> list[OrgRef]:
    """New organisations written in brackets with their country: "Jane Doe (Atlas Cluster, Morocco)"."""
    result = []
    for match in re.finditer(r"\(([^(),]{3,80}),\s*([^(),]{3,40})\)", sentence.text):
        name, country = match.group(1).strip(), country_of(match.group(2))
        if country and name[:1].isupper() and not any(o.begin <= match.start(1) < o.end for o in sentence.orgs) \
                and not try_resolve(known, name, country):
            result.append(new_ref(name, country, sentence.line_at(match.start(1))))
    return result


