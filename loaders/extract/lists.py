"""Participant lists: "Name (Country), Name (member of X) (Country); Name (Country) and …".

A paragraph is a list when at least two names end in a bracketed country; the items are the
texts between those brackets, separators (",", ";", "|", "and", "et") dropped. The first item
may follow its lead sentence in the same paragraph ("… attending the sessions were the Bizerte
Competitiveness Pole (Tunisia), …"): its name is the run of capitalised words before the
bracket. Lists without countries are read after a colon ("Participants: A, B and C.") or as
bullet lines of short capitalised names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medgraph.loaders.extract.gazetteer import TOPICS_LEAD
from medgraph.loaders.extract.names import CONNECTORS, FUNCTION_WORDS, NAME_WORDS, country_of, tokens

PAREN = re.compile(r"\(([^()]{1,80})\)")
MEMBER = re.compile(r"^\s*(?:a\s+|un\s+|une\s+)?(?:members?|membres?|adh[ée]rent)\s+(?:of|de|du|des|d')\s*(?:the\s+)?(.+)$", re.I)
SEPARATORS = re.compile(r"^(?:[\s,;|•·*–-]|\([^()]*\))*(?:(?:and|et|&|as well as|ainsi que)\s+)?(?:the\s+|l[ae]\s+|les\s+)?")
PLACES_LEAD = re.compile(r"\b(?:in|en|à|au|aux|to|at|from|de)\s*$", re.I)
ORGANISERS_LEAD = re.compile(r"organi[sz]|hosted\s+by|accueilli", re.I)
MAX_NAME_WORDS = 14


@dataclass(frozen=True)
class Item:
    """One list entry: the name as written, its country, where it starts, its "member of"."""

    name: str
    country: str | None
    begin: int
    member_of: str | None = None
    member_begin: int | None = None


@dataclass(frozen=True)
class ParticipantList:
    lead: str  # the text before the first item (where the list says what it lists)
    items: tuple[Item, ...]
    tail: str = ""  # the rest of the sentence after the last item

    @property
    def of_participants(self) -> bool:
        """Not a list of places ("… in Wallonia (Belgium), …") nor of organisers."""
        sentence = re.split(r"(?<=[.!?])\s", self.lead)[-1]
        return not PLACES_LEAD.search(sentence) and not ORGANISERS_LEAD.search(sentence)


def find_list(text: str) -> ParticipantList | None:
    """The participant list a paragraph holds, if it holds one.

    >>> found = find_list("Present were the Sun Cluster (Morocco), Agro Pole (member of Sun Cluster) (Tunisia) "
    ...                   "and Delta (Egypt).")
    >>> found.lead, [(i.name, i.country, i.member_of) for i in found.items]
    ('Present were the', [('Sun Cluster', 'MA', None), ('Agro Pole', 'TN', 'Sun Cluster'), ('Delta', 'EG', None)])
    """
    return country_list(text) or colon_list(text)


def country_list(text: str) -> ParticipantList | None:
    brackets = [(m, code) for m in PAREN.finditer(text) if (code := country_of(m.group(1)))]
    if len(brackets) < 2:
        return None
    items, previous = [], 0
    for match, code in brackets:
        item = list_item(text, previous, match.start(), code, first=not items)
        if item:
            items.append(item)
        previous = match.end()
    if len(items) < 2:
        return None
    tail = re.split(r"(?<=[.!?])\s", text[previous:], maxsplit=1)[0]
    return ParticipantList(text[:items[0].begin].strip(), tuple(items), tail.strip())


def list_item(text: str, start: int, end: int, country: str | None, first: bool) -> Item | None:
    """The item written in text[start:end], with its "(member of X)" taken out."""
    raw = text[start:end]
    member, member_begin = None, None
    for match in PAREN.finditer(raw):
        found = MEMBER.match(match.group(1))
        if found:
            member, member_begin = found.group(1).strip(), start + match.start(1) + found.start(1)
            raw = raw[:match.start()] + " " * len(match.group()) + raw[match.end():]
    lead = SEPARATORS.match(raw).end()
    begin, name = start + lead, raw[lead:].rstrip(" ,;")
    if first or len(name.split()) > MAX_NAME_WORDS or re.search(r"[.:]\s", name):
        offset = name_start(name)
        if has_lead(name[:offset]):
            begin, name = begin + offset, name[offset:]
    name = " ".join(name.split())
    if not name or len(name.split()) > MAX_NAME_WORDS:
        return None
    return Item(name, country, begin, member, member_begin)


def name_start(text: str) -> int:
    """Where the name at the end of `text` starts: after a colon, else at the start of its final
    run of capitalised words (connectors and "cluster" allowed inside).

    >>> text = "The clusters attending were the Bizerte Competitiveness Pole"
    >>> text[name_start(text):]
    'Bizerte Competitiveness Pole'
    """
    if ":" in text:
        colon = text.rindex(":") + 1
        return colon + len(text[colon:]) - len(text[colon:].lstrip())
    words = tokens(text)
    start = len(words)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word.text.isdigit() and not glued_to_next(text, words, i):
            break  # "On 1 March 2021 C2TM": a number ends the run
        if word.capital or word.key in CONNECTORS or word.key in NAME_WORDS or glued_to_next(text, words, i):
            start = i
            continue
        break
    while start < len(words) and (words[start].key in FUNCTION_WORDS or not words[start].capital):
        start += 1
    return words[start].begin if start < len(words) else 0


def has_lead(text: str) -> bool:
    """Whether text before a name holds words of a sentence (lower-case, not connectors)."""
    words = tokens(text)
    return ":" in text or bool(words and words[0].key in FUNCTION_WORDS) or any(
        w.text.isdigit() or (not w.capital and w.key not in CONNECTORS and w.key not in NAME_WORDS) for w in words)


def glued_to_next(text: str, words, i: int) -> bool:
    """A word joined to the next by "-" or "&" belongs to the same name ("denim&fashion")."""
    return i + 1 < len(words) and text[words[i].end:words[i + 1].begin] in ("-", "&", "'", "’")


def colon_list(text: str) -> ParticipantList | None:
    """ "Participants: Alpha Cluster, Beta Network and Gamma." (no countries)."""
    match = re.search(r":\s*", text)
    if not match or re.search(TOPICS_LEAD, text[:match.start()], re.I):  # "key topics: governance; members"
        return None
    body = re.split(r"(?<=[a-z0-9)])\.\s", text[match.end():])[0].rstrip(". ")
    parts = [p for p in re.split(r"\s*[,;]\s*|\s+(?:and|et)\s+", body)]
    names = [p for p in parts if p and p[:1].isupper() and len(p.split()) <= 8]
    if len(parts) < 3 or len(names) != len(parts) or sum(bool(country_of(p)) for p in parts) * 2 > len(parts):
        return None  # not a list of names, or a list of countries
    items, at = [], match.end()
    for name in parts:
        at = text.index(name, at)
        items.append(Item(name, None, at))
        at += len(name)
    return ParticipantList(text[:match.start()].strip(), tuple(items))
