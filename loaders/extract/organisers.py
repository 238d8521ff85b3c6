"""Who organises the events a sentence states, and the organisations the registry lacks that it names.

"organised by X together with Y", "X, with the support of Y, organised …": the organiser named
right after "organised by" organises every event of the sentence, the others only the event
whose part of the sentence names them; an earlier edition's organisers are not the page's event's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medgraph.loaders.extract.clauses import Sentence
from medgraph.loaders.extract.gazetteer import (
    NOT_ORGANISATION,
    ORGANISED_BY,
    ORGANISER_VERBS,
    PROGRAMME_AFTER,
    PROGRAMME_BEFORE,
    PROGRAMME_WORDS,
    SUPPORT_CUES,
)
from medgraph.loaders.extract.names import (
    OrgMention,
    chunks,
    country_beside,
    country_of,
    looks_like_organisation,
    tokens,
)

__all__ = ["Organiser", "add_organisers", "new_names", "organisers_in"]

COLLABORATION = r"\bin\s+collaboration\s+with\b|\btogether\s+with\b|\bin\s+partnership\s+with\b|\brespectively\b" \
                r"|\ben\s+collaboration\s+avec\b|\ben\s+partenariat\s+avec\b|\bconjointement\s+avec\b|\bco-?organi"

#: The body another organisation depends on, named in its description ("ACME, the regional agency
#: depending on the Ministry of Trade"): no organiser of the event.
PARENT_BODY = r"(?:\bdepending\s+on|\bunder\s+the\s+(?:authority|supervision|aegis)\s+of|\breporting\s+to" \
              r"|\bsous\s+la\s+tutelle\s+d[eu]|\bd[ée]pendant\s+d[eu]|\brattach[ée]e?\s+(?:à|au))\s*" \
              r"(?:the\s+|la\s+|le\s+|l['’])?$"


@dataclass
class Organiser:
    org: OrgMention
    role: str  # organiser | co-organiser | support
    line: int
    shared: bool = False  # organises every event its sentence states


def organisers_in(sentence: Sentence) -> list[Organiser]:
    """Who organises: "organised by X together with Y", "X, with the support of Y, organised".

    The organiser named right after "organised by" organises every event of the sentence; the
    others only the event whose part of the sentence names them ("… and respectively: A … (date 1)
    and B … (date 2)").
    """
    by = sentence.cue(ORGANISED_BY)
    if by:
        named = sorted(sentence.orgs + new_names(sentence), key=lambda o: o.begin)
        found = roles(sentence, [o for o in named if o.begin >= by.end()], by.end(), later="co-organiser")
        if found:
            found[0].shared = True
        return found
    verb = sentence.cue(ORGANISER_VERBS)
    if not verb:
        return []
    support = sentence.cue(SUPPORT_CUES)
    before = [o for o in sentence.orgs if o.end <= verb.start()]
    after = [o for o in sentence.orgs if support and o.begin >= max(verb.end(), support.end())]
    found = roles(sentence, before + after, 0, later="organiser")
    for organiser in found:
        organiser.shared = True
    return found


def roles(sentence: Sentence, orgs: list[OrgMention], start: int, later: str) -> list[Organiser]:
    """Each organisation's role, from the words before it: support, collaboration, "and"."""
    result, role, previous, seen = [], "organiser", start, set()
    for org in orgs:
        between = sentence.text[previous:org.begin]
        if re.search(PARENT_BODY, between, re.I):
            previous = org.end
            continue
        if re.search(SUPPORT_CUES, between, re.I):
            role = "support"
        elif re.search(COLLABORATION, between, re.I):
            role = "co-organiser"
        elif result and not re.fullmatch(r"[\s,]*(?:and|et|&)?\s*(?:the|la|le|les|l['’])?\s*", between, re.I):
            role = later
        if (org.id or org.written) not in seen:
            seen.add(org.id or org.written)
            result.append(Organiser(org, role, sentence.line_at(org.begin)))
        previous = org.end
    return result


def new_names(sentence: Sentence) -> list[OrgMention]:
    """Names no registry entry covers that look like organisations ("the Federation of Egyptian
    Industries (FEI)"), as organisations the registry lacks."""
    words = tokens(sentence.text)
    taken = {i for i, w in enumerate(words) for o in sentence.orgs if o.begin <= w.begin < o.end}
    found, text, names_end = [], sentence.text, [o.end for o in sentence.orgs]
    for begin, end in chunks(text, words, taken):
        written = re.sub(r"^(?:the|le|la|les|l['’])\s*", "", text[begin:end], flags=re.I)
        if any(text[at:begin].strip() == "(" for at in names_end):
            continue  # "… Agency (ITIDA)": the acronym of the name before it
        names_end.append(end)
        if is_programme(text, begin, end, written):
            continue
        if looks_like_organisation(written) and not country_of(written) and not re.match(NOT_ORGANISATION, written):
            found.append(OrgMention(None, written, end - len(written), end, country_beside(sentence.text, end), "new"))
    return found


def is_programme(text: str, begin: int, end: int, written: str) -> bool:
    """ "Cluster Booster Track", "le projet Euromed clusters Forward (ECF)", "X (funded by the EU)"."""
    return bool(re.search(PROGRAMME_WORDS, written, re.I) or re.search(PROGRAMME_BEFORE, text[:begin], re.I)
                or re.search(PROGRAMME_AFTER, text[end:], re.I))


#: An earlier edition organised by someone: "following the 1st edition organised with X", "la
#: précédente édition, organisée par X". Its organisers are not the page's event's.
EARLIER_EDITION = r"\b(?:1st|first|previous|last|past|earlier|former|première|1[èe]re|précédente|dernière)\s+(?:edition|édition)" \
                  r"(?:\s*,)?\s+(?:which\s+was\s+|qui\s+a\s+été\s+)?(?:co-?)?organi[sz](?:ed|ée?s?)\b"


def add_organisers(sentence: Sentence, spoken: list) -> None:
    """Organisers go to the sentence's first event, or to each event whose part names them; not
    those of an earlier edition the sentence recalls."""
    segmented = [e for e in spoken if e.segment]
    earlier = sentence.cue(EARLIER_EDITION)
    for organiser in organisers_in(sentence) if spoken else []:
        if earlier and organiser.org.begin >= earlier.start():
            continue
        targets = [e for e in segmented if organiser.shared or e.segment[0] <= organiser.org.begin < e.segment[1]] \
            if segmented else spoken[:1]
        for event in targets:
            if (organiser.org.id or organiser.org.written) not in {o.org.id or o.org.written for o in event.organisers}:
                event.organisers.append(organiser)
