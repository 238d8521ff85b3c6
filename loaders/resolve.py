"""Entity resolution: a name as a document writes it -> one canonical registry id, by rules.

The rules, in order (the first that decides wins):

0. **Id**: a registry id written as the name ("c2tm") is that entry.
1. **Normalise** both sides: repair OCR'd elisions ("lIndustrie", "I'Innovation" -> "l'…"),
   drop accents, case and punctuation, "&" -> "and", translate a small French glossary
   (huile d'olive -> olive oil, pôle de compétitivité -> competitiveness pole, solaire -> solar,
   ministère -> ministry, commerce -> trade…),
   drop stop-words and the generic word "cluster", sort the words ("Cluster X" = "X cluster").
2. **Exact**: the normalised name equals the normalised canonical name or an alias.
3. **Parts**: "Name - ACRONYM", "Name (ACRONYM)": each part is resolved alone; all parts
   that resolve must agree on one entity, else the name is ambiguous.
4. **Fuzzy**, blocked by country (only entities of the country written beside the name are
   candidates): rapidfuzz token-sort ratio, or 92 when the words of the shorter name (at least
   two) are all in the longer. Accepted at >= 88 when the runner-up is at least 5 points
   behind. Anything else is unresolved: a wrong merge is worse than a missed one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from medgraph.loaders.countries import fold

ACCEPT = 88
MARGIN = 5
CONTAINED = 92
STOPWORDS = {"the", "of", "for", "and", "in", "a", "an", "le", "la", "les", "l", "de", "des", "du",
             "d", "et", "per", "di", "del", "y", "i", "cluster", "clusters"}
# French (and a little Italian/Spanish) -> English, applied to folded text, phrases first.
GLOSSARY = [
    ("pole de competitivite", "competitiveness pole"), ("huile d olive", "olive oil"),
    ("nord ouest", "north west"), ("northwest", "north west"), ("dattes", "dates"),
    ("palmier", "palm"), ("solaire", "solar"), ("textiles", "textile"), ("techniques", "technical"),
    ("marocains", "moroccan"), ("marocain", "moroccan"), ("maroc", "morocco"), ("tunisie", "tunisia"),
    ("egypte", "egypt"), ("liban", "lebanon"), ("electronique", "electronics"),
    ("mecatronique", "mechatronics"), ("mechatronic", "mechatronics"), ("mecanique", "mechanics"),
    ("tourisme", "tourism"), ("energie", "energy"), ("renouvelable", "renewable"),
    ("economie numerique", "digital economy"), ("ministere", "ministry"), ("industrie", "industry"),
    ("investissement", "investment"), ("commerce", "trade"),
]
ELISION = re.compile(r"\b([lLdD])(?=[A-Z][a-z])")
OCR_ELISION = re.compile(r"\bI'(?=[A-Za-z])")
ACRONYM = re.compile(r"^[A-Z0-9][A-Za-z0-9.&@]{1,9}$")


def search_key(name: str) -> str:
    """Lowercase without accents, nothing else: what Cypher queries compare names on.

    The queries compute the same from a user's value in plain Cypher (no plugin):
    ``reduce(k = '', c IN split(normalize(toLower($name), NFD), '') |
    k + CASE WHEN c >= '\u0300' AND c <= '\u036f' THEN '' ELSE c END)``.

    >>> search_key("Pôle de Compétitivité de Bizerte")
    'pole de competitivite de bizerte'
    """
    if name.isascii():  # no accent to drop
        return name.lower()
    decomposed = unicodedata.normalize("NFD", name.lower())
    return "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")


def normalise(name: str) -> str:
    """The comparison form of a name: folded, translated, without stop-words, words sorted.

    >>> normalise("Cluster Huile d'olive Nord-Ouest") == normalise("North-west olive oil cluster")
    True
    >>> normalise("Agence de Promotion de lIndustrie et de I'Innovation")
    'agence industry innovation promotion'
    """
    name = ELISION.sub(r"\1'", name)  # "lIndustrie" -> "l'Industrie"
    name = OCR_ELISION.sub("l'", name)  # OCR: "I'Innovation" -> "l'Innovation"
    text = f" {fold(name.replace('&', ' and '))} "
    for french, english in GLOSSARY:
        text = text.replace(f" {french} ", f" {english} ")
    return " ".join(sorted(w for w in text.split() if w not in STOPWORDS))


def similarity(a: str, b: str) -> float:
    """Score two normalised names: token-sort ratio, or CONTAINED when one holds the other.

    >>> similarity("moroccan solar", "morrocan solar") >= ACCEPT
    True
    >>> similarity("house furniture", "furniture house salfit")
    92.0
    """
    score = fuzz.token_sort_ratio(a, b)
    small, large = sorted((set(a.split()), set(b.split())), key=len)
    if len(small) >= 2 and small <= large:
        score = max(score, CONTAINED)
    return float(score)


@dataclass(frozen=True)
class Entry:
    """What the resolver knows of one canonical entity."""

    id: str
    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A resolved name: the id, the rule that decided, and its score."""

    id: str
    rule: str
    score: float


class Unresolved(LookupError):
    """No single entity fits; the message says why and names the closest ones."""


@dataclass
class Resolver:
    """Resolves names against a list of entries.

    >>> r = Resolver([Entry("nwoo", "North West Olive Oil Cluster", "TN"),
    ...               Entry("dates-tn", "Dates & Palm Cluster", "TN"),
    ...               Entry("dates-ps", "Date and Palm Cluster", "PS")])
    >>> r.resolve("Cluster Huile d'olive Nord-Ouest", "TN").id
    'nwoo'
    >>> r.resolve("Cluster dattes & palmier Tunisie", "TN").id, r.resolve("Date and Palm Cluster", "PS").id
    ('dates-tn', 'dates-ps')
    """

    entries: list[Entry]
    keys: dict[str, set[str]] = field(init=False)

    def __post_init__(self):
        self.by_id = {e.id: e for e in self.entries}
        self.resolved: dict[tuple[str, str | None], Match | Unresolved] = {}
        self.keys = {}
        self.labels: dict[str, list[tuple[str, str]]] = {}  # id -> [(label, normalised label)]
        self.normalised: dict[str, str] = {}  # label -> normalise(label): a name written as a label is not normalised again
        for entry in self.entries:
            for name in (entry.name, *entry.aliases):
                key = self.normalised.setdefault(name, normalise(name))
                self.keys.setdefault(key, set()).add(entry.id)
                self.labels.setdefault(entry.id, []).append((name, key))

    def resolve(self, name: str, country: str | None = None) -> Match:
        """The one entry this name denotes, or Unresolved. Remembered: an attendee list names the
        same organisations row after row (a million rows, a hundred thousand names)."""
        found = self.resolved.get((name, country))
        if found is None:
            try:
                found = self.resolve_anew(name, country)
            except Unresolved as error:
                found = error
            self.resolved[name, country] = found
        if isinstance(found, Unresolved):
            raise Unresolved(str(found))
        return found

    def resolve_anew(self, name: str, country: str | None) -> Match:
        if name in self.by_id and (country is None or self.by_id[name].country in (country, None)):
            return Match(name, "id", 100.0)
        match = self.exact(name, country) or self.by_parts(name, country) or self.fuzzy(name, country)
        if match is None:
            raise Unresolved(f"unknown name {name!r}{self.closest_hint(name, country)}")
        return match

    def candidates(self, country: str | None) -> list[Entry]:
        return [e for e in self.entries if country is None or e.country in (country, None)]

    def exact(self, name: str, country: str | None) -> Match | None:
        key = self.normalised.get(name) or normalise(name)
        ids = {i for i in self.keys.get(key, ()) if country is None or self.by_id[i].country in (country, None)}
        if len(ids) > 1:
            raise Unresolved(f"ambiguous name {name!r}: it is a name of {', '.join(sorted(ids))}")
        return Match(ids.pop(), "exact", 100.0) if ids else None

    def by_parts(self, name: str, country: str | None) -> Match | None:
        parts = [p.strip() for p in re.split(r"\s+[-–]\s+|[()]", name) if p.strip()]
        if len(parts) < 2:
            return None
        found = {m.id: m for m in (self.part(p, country) for p in parts) if m}
        if len(found) > 1:
            raise Unresolved(f"ambiguous name {name!r}: its parts name {', '.join(sorted(found))}")
        return Match(next(iter(found)), "parts", 100.0) if found else None

    def part(self, part: str, country: str | None) -> Match | None:
        if ACRONYM.match(part):
            return self.exact(part, country)
        return self.exact(part, country) or self.fuzzy(part, country)

    def scored(self, name: str, country: str | None) -> list[tuple[float, Entry, str]]:
        key = normalise(name)
        best: dict[str, tuple[float, Entry, str]] = {}
        for entry in self.candidates(country):
            for label, label_key in self.labels[entry.id]:
                score = similarity(key, label_key)
                if entry.id not in best or score > best[entry.id][0]:
                    best[entry.id] = (score, entry, label)
        return sorted(best.values(), key=lambda t: (-t[0], t[1].id))

    def fuzzy(self, name: str, country: str | None) -> Match | None:
        ranked = self.scored(name, country)
        if not ranked or ranked[0][0] < ACCEPT:
            return None
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < MARGIN:
            return None
        return Match(ranked[0][1].id, "fuzzy", ranked[0][0])

    def closest_hint(self, name: str, country: str | None) -> str:
        ranked = self.scored(name, None)[:3]
        if not ranked:
            return ""
        shown = ", ".join(f"{label!r} ({e.country or '-'}, {score:.0f})" for score, e, label in ranked)
        return f" (closest: {shown})"
