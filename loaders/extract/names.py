"""Organisations named in a sentence: known ones resolved to registry ids, by rules.

Two passes. First the *surface* pass: the registry's names and aliases, folded (case, accents,
punctuation, "&" = "and") and with or without a leading "the" and a "cluster" at either end,
are looked up among the sentence's word n-grams; a one-word name must be capitalised (an
acronym written in capitals), so "solar" or "coin" in running text names nobody. Then the
*chunk* pass: capitalised runs the first pass left over ("Northwest Olive Oil Cluster",
"ministère de l'Industrie, … et de l'Economie numérique") go to the resolver, which knows
word order, the French glossary, parts and fuzzy matching, with the country written beside
the name as a tie-breaker. A name that is ambiguous stays unresolved: a wrong merge is worse
than a missed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medgraph.loaders.countries import country_names, fold
from medgraph.loaders.extract.short_forms import ACRONYM_WORD, abbreviates, shortens, without_place
from medgraph.loaders.extract.vocabulary import CONNECTORS, HEADS, ORG_WORDS
from medgraph.loaders.resolve import Resolver, Unresolved, normalise

TOKEN = re.compile(r"[^\W_]+|&")
ADJECTIVE = re.compile(r"(ique|ienne|ien|aise|ais|ale|al|enne|éen|éenne|ère|elle|eur|ive|if|aux)$")
MAX_WORDS = 12
# Capitalised at a sentence's start, never a name's first word.
FUNCTION_WORDS = {"with", "the", "in", "on", "at", "for", "from", "by", "during", "among", "after", "before", "this",
                  "these", "those", "our", "their", "its", "as", "and", "of", "to", "a", "an", "le", "la", "les", "des",
                  "un", "une", "dans", "pour", "avec", "par", "lors", "après", "avant", "ce", "cette", "ces", "et", "de",
                  "du", "l", "d", "both", "all", "other", "some", "such", "while", "when", "since", "also", "but"}
NAME_WORDS = {"cluster", "clusters"}
#: A role's word ("Director", "chargée", "Board Member"): never part of a person's or an organisation's name.
ROLE_WORD = r"(?i:(?:vice-|co-)?(?:president|présidente?|presidente?|director|directeur|directrice|manager|head|chair\w*" \
            r"|ceo|founder|fondat\w+|coordinat\w+|officer|chargée?|responsable|minist(?:ers?|res?|ra|ro)|secretary|secrétaire|expert" \
            r"|advis[oe]r|conseill\w+|member|membre|délégué\w*|deputy|adjoint\w*|chief|chef|leader|analyst|consultant" \
            r"|ambassador|ambassadeur|professor|professeur|dean|rector|recteur))"
#: A role phrase: role words with the words that qualify them ("Board Member", "Chief Executive Officer",
#: "Cluster Manager", "chargé de mission").
ROLE_PHRASE = r"(?:(?:board|executive|general|managing|project|programme|program|cluster|senior|deputy|vice|chief)\s+)*" \
              rf"{ROLE_WORD}(?:\s+(?:of\s+the\s+board|g[ée]n[ée]rale?|de\s+projets?|de\s+mission))?"


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    begin: int
    end: int

    @property
    def capital(self) -> bool:
        # "lIndustrie", "eBay": an elision or a brand keeps a capital inside
        return self.text[:1].isupper() or self.text[:1].isdigit() or any(c.isupper() for c in self.text[1:])


@dataclass(frozen=True)
class OrgMention:
    """An organisation named in a text: registry id (None if unknown), the words, where."""

    id: str | None
    written: str
    begin: int
    end: int
    country: str | None = None
    rule: str = "surface"


def tokens(text: str) -> list[Token]:
    """Words with offsets, folded for lookup ("&" is "and").

    >>> [t.key for t in tokens("R&D Maroc, l'Économie")]
    ['r', 'and', 'd', 'maroc', 'l', 'economie']
    """
    return [Token(m.group(), "and" if m.group() == "&" else fold(m.group()), m.start(), m.end())
            for m in TOKEN.finditer(text)]


def surface_keys(name: str) -> set[tuple[str, ...]]:
    """The word sequences a name may be written as, beyond case and accents.

    >>> sorted(surface_keys("The MENARA Cluster"))
    [('menara',), ('menara', 'cluster'), ('the', 'menara'), ('the', 'menara', 'cluster')]
    """
    words = tuple(t.key for t in tokens(name))
    keys = {words}
    for key in list(keys):
        if key and key[0] in ("the", "le", "la", "les", "l"):
            keys.add(key[1:])
    for key in list(keys):
        if len(key) > 1 and key[-1] in ("cluster", "clusters"):
            keys.add(key[:-1])
        if len(key) > 1 and key[0] == "cluster":
            keys.add(key[1:])
    return {k for k in keys if k and not (k != words and is_place(k))}


def is_place(key: tuple[str, ...]) -> bool:
    """A country named alone: "France" is not "France Clusters" without its last word."""
    return " ".join(key) in country_names()


class NameFinder:
    """Finds the organisations of a resolver's registry in running text.

    >>> from medgraph.loaders.resolve import Entry
    >>> finder = NameFinder(Resolver([Entry("dates-tn", "Dates & Palm Cluster", "TN"),
    ...                               Entry("dates-ps", "Date and Palm Cluster", "PS")]))
    >>> [(m.id, m.written) for m in finder.find("With the Dates and Palm cluster (Palestine) today.")]
    [('dates-ps', 'Dates and Palm cluster')]
    """

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self.index: dict[tuple[str, ...], set[str]] = {}
        self.acronyms: set[tuple[str, ...]] = set()
        for entry in resolver.entries:
            for label in (entry.name, *entry.aliases):
                for key in surface_keys(label):
                    self.index.setdefault(key, set()).add(entry.id)
                if len(key := tuple(t.key for t in tokens(label))) == 1 and label.isupper():
                    self.acronyms.add(key)

    def find(self, text: str) -> list[OrgMention]:
        """Known organisations in `text`, surface matches first, then resolved chunks."""
        words = tokens(text)
        found = self.surface(text, words)
        taken = {i for m in found for i, w in enumerate(words) if m.begin <= w.begin < m.end}
        for chunk in chunks(text, words, taken):
            for part in (chunk, after_article(text, chunk)):
                mention = part and (self.resolve_chunk(text, part) or self.acronym(text, part))
                if mention:
                    found.append(mention)
                    break
        return sorted(found, key=lambda m: m.begin)

    def surface(self, text: str, words: list[Token]) -> list[OrgMention]:
        found, i = [], 0
        while i < len(words):
            length = self.surface_at(text, words, i, found)
            i += length or 1
        return found

    def surface_at(self, text: str, words: list[Token], i: int, found: list[OrgMention]) -> int:
        """Length of the longest name at word i (0 if none); a name whose country contradicts
        the one written beside it stops the search at i (the chunk pass will weigh it)."""
        for length in range(min(MAX_WORDS, len(words) - i), 0, -1):
            span = words[i:i + length]
            key = tuple(t.key for t in span)
            ids = self.index.get(key)
            if not ids or not plausible(span, key in self.acronyms):
                continue
            begin, end = span[0].begin, span[-1].end
            if is_place(key) and after_cluster_word(text, end) == end:
                continue  # "Morocco, Algeria, Egypt": a country, not the network named after it
            country = country_beside(text, after_cluster_word(text, end))
            fitting = {e for e in ids if country is None or self.resolver.by_id[e].country in (country, None)}
            if len(fitting) != 1:
                return 0
            found.append(OrgMention(fitting.pop(), text[begin:end], begin, end, country))
            return length
        return 0

    def resolve_chunk(self, text: str, chunk: tuple[int, int]) -> OrgMention | None:
        begin, end = chunk
        if is_place(tuple(t.key for t in tokens(text[begin:end]))):
            return None
        name, country = text[begin:end], country_beside(text, after_cluster_word(text, end))
        try:
            match = self.resolver.resolve(name, country)
        except Unresolved:
            return None
        if match.rule == "fuzzy" and country is None and len(normalise(name).split()) < 3:
            return None  # two common words and no country: too little to merge on
        return OrgMention(match.id, name, begin, end, country, match.rule)


    def acronym(self, text: str, chunk: tuple[int, int]) -> OrgMention | None:
        """A short form the registry does not list, taken as the one entry it abbreviates
        ("MASCiR" for "MAScIR Foundation", "INSME" for "International Network for Small and
        Medium Sized Enterprises"); none when it fits several entries or none."""
        begin, end = chunk
        word = text[begin:end]
        test = abbreviates if ACRONYM_WORD.match(word) else shortens if len(word.split()) >= 2 else None
        if test is None:
            return None
        fits = {e.id for e in self.resolver.entries for label in (e.name, *e.aliases)
                if test(word, label) or test is shortens and without_place(word, label, e.country)}
        return OrgMention(fits.pop(), word, begin, end, None, "fuzzy") if len(fits) == 1 else None


def after_article(text: str, chunk: tuple[int, int]) -> tuple[int, int] | None:
    """The part of a chunk after an article inside it: "3 May 2021 the Atlas Cluster" -> "Atlas Cluster"."""
    inside = list(re.finditer(r"\s(?:the|le|la|les)\s+", text[chunk[0]:chunk[1]]))
    return (chunk[0] + inside[-1].end(), chunk[1]) if inside else None


def after_cluster_word(text: str, end: int) -> int:
    """The end of a name, past a "cluster" written after it ("MENARA" + " cluster")."""
    match = re.match(r"\s+clusters?\b", text[end:], re.I)
    return end + match.end() if match else end


def plausible(span: list[Token], acronym: bool) -> bool:
    """Whether words that spell a registry name look like a name here, not common words."""
    if len(span) == 1:
        word = span[0].text
        return word.isupper() if acronym else word[:1].isupper()
    return span[0].capital or len(span) >= 3


def chunks(text: str, words: list[Token], taken: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised words (with connectors inside) that no surface match covers."""
    result, i = [], 0
    while i < len(words):
        if i in taken or glued(text, words[i]) or not (words[i].capital or (words[i].text.lower() in HEADS and next_capital(words, i, taken))):
            i += 1
            continue
        j = extend(text, words, i, taken)
        while i < j and words[i].key in FUNCTION_WORDS:
            i += 1
        if words[i].key in FUNCTION_WORDS:
            i = j + 1
            continue
        if any(w.capital and w.key not in CONNECTORS for w in words[i:j + 1]) and j >= i:
            result.append((words[i].begin, words[j].end))
        i = j + 1
    return result


def glued(text: str, word: Token) -> bool:
    """A word hyphenated onto a lower-case one ("i-Community") is not a name's start."""
    return word.begin >= 2 and text[word.begin - 1] == "-" and text[word.begin - 2].islower()


def next_capital(words: list[Token], i: int, taken: set[int]) -> bool:
    for j in range(i + 1, min(i + 4, len(words))):
        if j in taken:
            return False
        if words[j].capital:
            return True
        if words[j].key not in CONNECTORS and not ADJECTIVE.search(words[j].text):
            return False
    return False


def extend(text: str, words: list[Token], i: int, taken: set[int]) -> int:
    """The index of the last word of the chunk starting at word i."""
    last, j = i, i + 1
    while j < len(words) and j not in taken and j - i < 2 * MAX_WORDS:
        between = text[words[j - 1].end:words[j].begin]
        if not joinable(between, words, j) or next_name(words, j):
            break
        if words[j].capital or words[j].key in NAME_WORDS:
            last = j
        elif words[j].key not in CONNECTORS:
            if not (ADJECTIVE.search(words[j].text) and words[j - 1].capital and words[j].text.islower()):
                break
            last = j
        j += 1
    return last


def next_name(words: list[Token], j: int) -> bool:
    """ "… Cluster and the Adriatic …": a conjunction then an article starts another name."""
    return words[j].key in ("and", "et") and j + 1 < len(words) and words[j + 1].key in ("the", "le", "la", "les", "l")


def joinable(between: str, words: list[Token], j: int) -> bool:
    """Whether the characters between two words keep them in one name."""
    if between.strip() in ("", "-", "–", "'", "’", "&", ".", "@"):
        return True
    # "ministère de l'Industrie, de l'Investissement, du Commerce": a list inside one name
    return between.strip() == "," and words[j].key in ("de", "du", "des", "d")


def country_beside(text: str, end: int) -> str | None:
    """The country in brackets right after a name: "Name (Morocco)", "Name (C2TM) (Maroc)"."""
    rest = text[end:end + 80]
    for match in re.finditer(r"\s*\(([^()]{1,60})\)", rest):
        if match.start() != 0:
            break
        code = country_of(match.group(1))
        if code:
            return code
        rest = rest[match.end():]
        if not re.match(r"\s*\(", rest):
            break
    return None


def country_of(text: str) -> str | None:
    """ISO code when `text` is just a country's name (English or French), else None.

    >>> country_of("Maroc"), country_of("ltaly"), country_of("C2TM"), country_of("it")
    ('MA', 'IT', None, None)
    """
    from medgraph.loaders.countries import country_code

    text = text.strip().rstrip(".")
    if not text or len(text) > 40 or not (text[:1].isupper() or (" " not in text and len(text) >= 5)):
        return None
    if len(text) <= 3:
        return country_names()[fold(text)] if text.isupper() and fold(text) in country_names() else None
    if fold(text) in country_names():
        return country_names()[fold(text)]
    return country_code(text) if " " not in text and text[1:].islower() and text.isalpha() else None



NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
           "twenty", "thirty", "forty", "fifty", "un", "une", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf",
           "dix", "onze", "douze", "quinze", "vingt", "trente", "several", "many", "plusieurs", "all", "tous", "some"}


def looks_like_organisation(name: str) -> bool:
    """Whether capitalised words are an organisation's name (an organisation word, or an acronym),
    not a count of unnamed ones ("Twelve MENA clusters", "30 Catalan clusters").

    >>> looks_like_organisation("Dead Sea Cosmetics Cluster"), looks_like_organisation("North Africa")
    (True, False)
    >>> looks_like_organisation("Twelve MENA clusters"), looks_like_organisation("8 Mediterranean clusters")
    (False, False)
    """
    words = name.split()
    if not words or words[0][0].isdigit() or words[0].lower() in NUMBERS or words[-1].lower() in ("clusters", "companies"):
        return False
    return bool(ORG_WORDS.search(name)) or (len(words) == 1 and name.isupper() and len(name) >= 3)


def name_at(text: str, begin: int) -> tuple[int, int] | None:
    """The capitalised name starting at `begin` (a leading article and organisation word such as
    "la fédération" skipped): (start, end) offsets, or None."""
    skip = re.match(r"\s*(?:(?:the|le|la|les|l['’]|du|de la|des)\s*)?", text[begin:], re.I)
    words = tokens(text)
    first = next((i for i, w in enumerate(words) if w.begin >= begin + skip.end()), None)
    if first is None:
        return None
    if not words[first].capital and words[first].text.lower() in HEADS \
            and first + 1 < len(words) and words[first + 1].capital:
        first += 1
    if not words[first].capital:
        return None
    last = extend(text, words, first, set())
    return words[first].begin, words[last].end


def name_before(text: str, end: int) -> tuple[int, int] | None:
    """The capitalised name that ends right before `end` (", a member of …")."""
    stripped = text[:end].rstrip(" ,")
    words = [w for w in tokens(text) if w.end <= len(stripped)]
    if not words or words[-1].end != len(stripped):
        return None
    first = len(words) - 1
    while first > 0 and (words[first - 1].capital or words[first - 1].key in CONNECTORS | NAME_WORDS) \
            and joinable(text[words[first - 1].end:words[first].begin], words, first):
        first -= 1
    while first < len(words) - 1 and (words[first].key in FUNCTION_WORDS or not words[first].capital):
        first += 1
    return (words[first].begin, words[-1].end) if words[first].capital else None
