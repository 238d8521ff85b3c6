"""Mentoring pairs and agreements: who mentors whom, who signed with whom.

"Mentors and mentees met …, as A (Org, Country) and B (Org, Country)": pairs in the order
the sentence names them ("mentees and their mentors", "B, mentored by A" turn them round);
in a document about mentoring, "binômes"/"pairs" name them too. An agreement's parties are
the organisations after "between"/"entre" (or all of the sentence's), known or new.
"""

from __future__ import annotations

import re

from medgraph.loaders.extract.clauses import Sentence
from medgraph.loaders.extract.events import Event, Events
from medgraph.loaders.extract.names import looks_like_organisation, name_at
from medgraph.loaders.extract.people import is_person_name
from medgraph.loaders.extract.relations import Known, OrgRef, new_ref, ref, try_resolve

AGREEMENT = r"(?:partnership|cooperation|co-operation|collaboration|framework|twinning)\s+agreement|memorandum\s+of\s+understanding" \
            r"|\bmou\b|accord\s+de\s+(?:partenariat|coopération|collaboration|jumelage)|convention\s+de\s+(?:partenariat|coopération)" \
            r"|protocole\s+d'accord"
AGREEMENT_KINDS = [("memorandum", "memorandum of understanding"), ("mou", "memorandum of understanding"),
                   ("protocole", "memorandum of understanding"), ("coop", "cooperation agreement"),
                   ("co-op", "cooperation agreement"), ("collaboration", "cooperation agreement"),
                   ("jumelage", "twinning agreement"), ("twinning", "twinning agreement"),
                   ("framework", "framework agreement")]
MENTOR_CUE = r"\bmentors?\b|\bmentees?\b|\bmentoring\b|\bmentorat\b|\bmentorés?\b|\bparrain"
PAIR_CUE = r"\bbinômes?\b|\btandems?\b|\bduos?\b|\bpairs?\b"  # mentoring pairs, in a document about mentoring
PERSON = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ'-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ'-]+)?\s+[A-ZÀ-Ý][A-Za-zÀ-ÿ'-]+)(?:\s*\(([^()]+)\))?")


def mentoring_pairs(sentence: Sentence, about_mentoring: bool = False) -> list[tuple[str, str, int]]:
    """Mentor-mentee pairs, in the order the sentence names them ("mentors and mentees … as A
    (…) and B (…)"; "B, mentored by A" turns the pair round).

    >>> from medgraph.loaders.extract.source import Span
    >>> s = Sentence(Span("Mentors and mentees met: Ana Ruiz (Sun Cluster) and Omar Idrissi (Atlas).", ((0, 4),)), 0)
    >>> mentoring_pairs(s)
    [('Ana Ruiz', 'Omar Idrissi', 4)]
    """
    cue = sentence.cue(MENTOR_CUE) or (sentence.cue(PAIR_CUE) if about_mentoring else None)
    if not cue:
        return []
    orgs = [(o.begin, o.end) for o in sentence.orgs]
    people = [m for m in PERSON.finditer(sentence.text)
              if m.start(1) >= cue.start() - 80 and not any(b <= m.start(1) < e for b, e in orgs)
              and not re.search(r"cluster|network|programme|track|society", m.group(1), re.I)
              and is_person_name(m.group(1))]  # not "European Union", not "Innovation Project Manager"
    mentee_first = re.search(r"mentees?\s+(?:and|et)\s+(?:their\s+|leurs\s+)?mentors?", sentence.text, re.I)
    pairs = []
    for a, b in zip(people[0::2], people[1::2]):
        between = sentence.text[a.end():b.start()]
        flipped = bool(mentee_first) != bool(re.search(r"mentored\s+by|accompagnée?\s+par|parrainée?\s+par", between, re.I))
        mentor, mentee = (b, a) if flipped else (a, b)
        pairs.append((mentor.group(1), mentee.group(1), sentence.line_at(a.start())))
    return pairs


def agreement_in(known: Known, sentence: Sentence, spoken: list[Event], events: Events):
    """(kind, parties, date, signed at, line) of an agreement the sentence reports, if any."""
    cue = sentence.cue(AGREEMENT)
    if not cue:
        return None
    between = re.search(r"\b(?:between|entre)\b", sentence.text[cue.start():], re.I)
    start = cue.start() + between.end() if between else 0
    line = sentence.line_at(cue.start())
    parties = [ref(o, line) for o in sentence.orgs if o.begin >= start]
    parties += new_parties(known, sentence, start, line)
    parties = list({(p.id or p.written): p for p in parties}.values())
    if len(parties) < 2:
        return None
    event = spoken[0] if spoken else (events.main if not sentence.dates else None)
    date = sentence.dates[0].start if sentence.dates and sentence.dates[0].precision == "day" else \
        (event.start if event and event.precision == "day" else None)
    return agreement_kind(cue.group()), parties, date, event, line


def new_parties(known: Known, sentence: Sentence, start: int, line: int) -> list[OrgRef]:
    """Parties the registry does not know: names that open each ","/"and"-part after `start`."""
    result = []
    for part in re.finditer(r"(?:^|,|;|\band\b|\bet\b|\bbetween\b|\bentre\b)\s*", sentence.text[start:]):
        span = name_at(sentence.text, start + part.end())
        if not span or any(o.begin <= span[0] < o.end for o in sentence.orgs):
            continue
        written = sentence.text[span[0]:span[1]]
        if looks_like_organisation(written) and not try_resolve(known, written, None):
            result.append(new_ref(written, None, line))
    return result


def agreement_kind(cue: str) -> str:
    folded = cue.lower()
    return next((kind for word, kind in AGREEMENT_KINDS if word in folded), "partnership agreement")
