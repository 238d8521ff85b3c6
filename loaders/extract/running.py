"""New organisations named in running text, by the type word that heads or ends their name.

"the delegation visited the Atlas Technology Centre", "en partenariat avec l'Incubateur Dunes",
"hosted by Orion Robotics GmbH". A capitalised name whose first or last word is an organisation's
type word (centre, technopark, agency, association, chamber, university, institute, incubator,
accelerator, foundation, federation, council, network, cluster, pôle, polo, consortium, a company
suffix …) is an organisation; words that are *institutions* wherever they are written
(university, federation, agency …) are enough alone, the others (centre, cluster, pôle …, which a
text also uses for places and unnamed groups) need a verb of meeting in the sentence. Its kind
comes from the type word, its country from a bracket after it, else from the one country the
sentence names; its confidence grows with the cues that agree. A role phrase before the name
("Board Member Atlas Cluster") is no part of it.
"""

from __future__ import annotations

import re

from medgraph.loaders.countries import fold
from medgraph.loaders.extract.clauses import Sentence, kinds_in
from medgraph.loaders.extract.cluster_lists import WORLD_PART, demonym, is_sector, place
from medgraph.loaders.extract.gazetteer import NOT_ORGANISATION
from medgraph.loaders.extract.names import ROLE_PHRASE, ROLE_WORD, OrgMention, country_beside, country_of
from medgraph.loaders.extract.places import city_country, region_country
from medgraph.loaders.extract.vocabulary import HEAD_LINKS, HEADS, INSTITUTION, LIST_CONNECTOR, TYPE_WORDS

__all__ = ["MEETING_CUES", "confidence_of", "described_names", "meets", "named_organisation",
           "exemplified_names", "running_names", "sentence_country",
           "strip_role", "typed_name"]

#: Verbs of meeting: an organisation visited, met, hosting or partnering.
MEETING_CUES = re.compile(r"\bvisit(?:ed|ing|s)?\b|\bmet\b|\bmeetings?\s+with\b|\bhosted\s+by\b|\bwelcomed\s+by\b"
                          r"|\bin\s+partnership\s+with\b|\bin\s+cooperation\s+with\b|\bpartnered\s+with\b"
                          r"|\bsigned\b|\bjoined\s+by\b|\bvisit[ée]e?s?\b|\brencontr[ée]e?s?\b|\baccueillie?s?\s+par\b"
                          r"|\ben\s+partenariat\s+avec\b|\ben\s+coop[ée]ration\s+avec\b|\bsign[ée]\b"
                          r"|\bin\s+collaborazione\s+con\b|\bin\s+partenariato\s+con\b|\bvisitato\b|\bospitat[oa]\s+da\b",
                          re.I)
NOT_LAST = ("networks", "agencies", "associations", "institutions", "universities", "centres", "centers", "clusters")
NOT_HERE = r"\bevent|\bexcellence|\bprogram|\bproject|\bprojet|\baward|\bprize|\bprix\b|\btrack\b|\bvoucher|\binitiative|\bfund"


def strip_role(written: str) -> str:
    """A name without the role phrase written before it.

    >>> strip_role("Board Member Atlas Cluster"), strip_role("Chief Executive Officer Dunes Technopark")
    ('Atlas Cluster', 'Dunes Technopark')
    """
    return re.sub(rf"^(?:{ROLE_PHRASE}\s+)+", "", written, flags=re.I)


def typed_name(name: str) -> bool:
    """Whether a type word heads or ends the name (a leading article aside).

    >>> typed_name("Atlas Technology Centre"), typed_name("Technopark Dunes"), typed_name("Cluster Manager")
    (True, True, False)
    """
    words = [w for w in re.findall(r"[^\W_][\w.'’]*", name) if fold(w) not in ("the", "le", "la", "l", "il")]
    if len(words) < 2:
        return False
    last = TYPE_WORDS.match(words[-1].rstrip("."))
    first = TYPE_WORDS.match(words[0]) and (words[1][:1].isupper() or len(words) >= 3 and fold(words[1]) in HEAD_LINKS)
    return bool(last or first) and not re.fullmatch(ROLE_WORD, words[-1])


def cut_place(name: str) -> tuple[str, str | None]:
    """A name without the place a chunk of capitals carried on to, and that place's country:
    "Orion Technology Centre in Casablanca" -> ("Orion Technology Centre", "MA").

    >>> cut_place("Orion Technology Centre in Casablanca"), cut_place("Centre for Olive Research")
    (('Orion Technology Centre', 'MA'), ('Centre for Olive Research', None))
    """
    for match in re.finditer(r"\s+(?:in|at|à|a|en|au|aux|nel|nella)\s+", name):
        rest = re.split(r"\s+(?:le|du|on|the|il|el)\b|\s+\d", name[match.end():])[0].strip()
        country = city_country(rest) or country_of(rest) or region_country(rest)
        if country:
            return name[:match.start()], country
    return name, None


def named_organisation(name: str, meeting: bool = False) -> bool:
    """A name of two to ten words that an institution word makes an organisation's anywhere,
    or a type word heading or ending it in a sentence of meeting; never an event, a programme,
    a number or a plural.

    >>> named_organisation("Federation of Atlas Industries"), named_organisation("Cluster Matchmaking Event")
    (True, False)
    >>> named_organisation("Atlas Technology Centre"), named_organisation("Atlas Technology Centre", meeting=True)
    (False, True)
    """
    words = name.split()
    if not 2 <= len(words) <= 10 or kinds_in(name, []) or any(w[:1].isdigit() for w in words) \
            or re.search(NOT_HERE, name, re.I) or words[-1].lower() in NOT_LAST:
        return False
    return bool(INSTITUTION.search(name)) or (meeting and typed_name(name) and title_case(name) and not generic(name))


def title_case(name: str) -> bool:
    """Every word but the connectors capitalised: "Atlas Technology Centre", not "Atlas cluster"."""
    return all(w[:1].isupper() or w[:1].isdigit() or LIST_CONNECTOR.match(w) for w in name.split())


def generic(name: str) -> bool:
    """Only places, peoples, parts of the world and sectors before the type word: a kind of
    organisation ("European Cluster", "South Med Textile Cluster"), not one of them.

    >>> generic("South Med Textile Cluster"), generic("Mediterranean Innovation Hub"), generic("Atlas Textile Cluster")
    (True, False, False)
    """
    core = [w for w in re.split(r"[\s-]+", name) if w and not TYPE_WORDS.match(w) and not LIST_CONNECTOR.match(w)]
    return all(place(w) or demonym(w) or is_sector(w) or any(WORLD_PART.fullmatch(fold(w)[:cut])
                                                             for cut in (None, -1, -2)) for w in core)


def sentence_country(sentence: Sentence, after: int) -> str | None:
    """The country written in brackets after a name, else the one country the sentence names."""
    beside = country_beside(sentence.text, after)
    if beside:
        return beside
    named = {code for word in re.findall(r"[A-ZÀ-Ý][\w-]+(?:\s+[A-Z][\w-]+)?", sentence.text) if (code := country_of(word))}
    return named.pop() if len(named) == 1 else None


def confidence_of(name: str, meeting: bool, country: str | None) -> float:
    """0.5 for a name alone, more for each cue that agrees: a verb of meeting, a type word at an
    end of the name, a country.

    >>> confidence_of("Atlas Technology Centre", True, "MA"), confidence_of("Orion Federation", False, None)
    (0.8, 0.6)
    """
    return round(0.5 + 0.1 * sum((meeting, typed_name(name) or bool(INSTITUTION.search(name)), country is not None)), 2)


def meets(sentence: Sentence) -> bool:
    return bool(MEETING_CUES.search(sentence.text))


def lower_case_cut(written: str) -> str:
    """A name without the lower-case words before it, but for a heading type word followed by
    "of", "de": "ministère du Commerce" stays whole, "le réseau ANIMA" is "ANIMA".

    >>> lower_case_cut("said Atlas Cluster"), lower_case_cut("ministère du Commerce"), lower_case_cut("réseau Atlas")
    ('Atlas Cluster', 'ministère du Commerce', 'Atlas')
    """
    words = written.split(" ")
    while len(words) > 1 and re.match(r"[a-zà-ÿ]", words[0]) \
            and not (words[0] in HEADS and re.match(r"(?:d[eu]|des|d['’]|of|for)\b", words[1])):
        words.pop(0)
    return " ".join(words)


def running_names(sentence: Sentence, names: list[OrgMention]) -> list[tuple[OrgMention, str, str | None]]:
    """(mention, name, country) for the new names of a sentence that are organisations, role
    phrases and trailing places cut; the country from the place cut, else the sentence's."""
    meeting = meets(sentence)
    result = []
    for mention in names:
        name, country = cut_place(strip_role(lower_case_cut(mention.written)))
        if named_organisation(name, meeting):
            result.append((mention, name, country or sentence_country(sentence, mention.end)))
    return result


NAME_RUN = r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){0,3}"
#: A name with its type word in lower case, as a description: "the Orion cluster", "le pôle Agrinova",
#: "the Sfax technopark".
DESCRIBED = re.compile(rf"\b(?:[Tt]he|[Ll]e|[Ll]a|[Ll]['’]|il|del|du|au)\s*(?:(?P<head>pôle|polo|cluster|technopôle|technopole|technopark"
                       rf"|incubateur|incubator|hub)\s+(?P<after>{NAME_RUN})|(?P<before>{NAME_RUN})\s+"
                       rf"(?P<tail>cluster|hub|technopark|incubator|accelerator|centre|center))\b(?!\s*[A-ZÀ-Ý(])")


def described_names(sentence: Sentence) -> list[tuple[OrgMention, str]]:
    """(mention, type word) of the names a sentence of meeting writes with a lower-case type word
    before or after them ("visited the Orion Mechatronics cluster", "a accueilli le pôle Agrinova");
    not places, peoples or sectors ("the Catalan cluster"), events or programmes.

    >>> from medgraph.loaders.extract.source import Span
    >>> [(m.written, k) for m, k in described_names(Sentence(Span("They visited the Orion Mechatronics cluster in Sfax.", ((0, 1),)), 0))]
    [('Orion Mechatronics', 'cluster')]
    >>> described_names(Sentence(Span("They visited the Catalan cluster and the Textile cluster.", ((0, 1),)), 0))
    []
    """
    if not meets(sentence):
        return []
    found = []
    for match in DESCRIBED.finditer(sentence.text):
        group = "after" if match.group("after") else "before"
        begin, end = match.span(group)
        name, kind_word = match.group(group), match.group("head") or match.group("tail")
        if any(o.begin < end and begin < o.end for o in sentence.orgs) or kinds_in(name, []) \
                or re.search(NOT_HERE, name, re.I) or country_of(name) or generic(name) \
                or re.match(ROLE_PHRASE, name, re.I) or fold(name.split()[0]) in ("the", "le", "la"):
            continue
        found.append((OrgMention(None, name, begin, end, place_after(sentence.text, end), "new"), kind_word))
    return found


#: "clusters from Wallonia such as A (food), B and C", "des pôles tels que A et B": a plural type word,
#: then at most a place ("from Wallonia"), then the cue that gives examples of it. Only clusters and
#: companies: "organisations such as Mowgli Mentoring" names a registry entry by another name.
EXAMPLES = re.compile(r"\b(?:clusters|companies|p[ôo]les|entreprises)\b"
                      r"(?:\s+(?:from|in|of|de|du|en)\s+[A-ZÀ-Ý][\w'’-]+)?\s*,?\s+"
                      r"(?:such\s+as|as(?!\s+well)|like|including|namely|comme|tels?\s+que|telles?\s+que|notamment|dont)\s+")
EXAMPLE = re.compile(r"(?P<joint>\s*(?:,\s*)?(?:(?:and|et)\s+)?)(?:(?:its|their|his|her|the|son|sa|ses|leur|le|la|les|l['’]"
                     r"|[a-zà-ÿ]+)\s+){0,3}(?P<name>[A-ZÀ-Ý][\w'’&-]*(?:\s+[A-ZÀ-Ý][\w'’&-]*){0,4})"
                     r"(?:\s*\([^()]{1,40}\))?")


def exemplified_names(sentence: Sentence) -> list[OrgMention]:
    """The names a plural type word gives as its examples ("clusters from Wallonia as Agrova
    (food), Cluster Eco-build and its member company Hempa, and DIGIT (media)"): each a new
    organisation, up to the first item that is no capitalised name; not places, events or
    programmes.

    >>> from medgraph.loaders.extract.source import Span
    >>> text = "It includes clusters such as Agrova (food), Cluster Eco-build and its member Hempa, and DIGIT (media)."
    >>> [m.written for m in exemplified_names(Sentence(Span(text, ((0, 1),)), 0))]
    ['Agrova', 'Cluster Eco-build', 'Hempa', 'DIGIT']
    """
    found = []
    for cue in EXAMPLES.finditer(sentence.text):
        at = cue.end()
        while (item := EXAMPLE.match(sentence.text, at)) and (at == cue.end() or item.group("joint").strip()):
            begin, end = item.span("name")
            name = item.group("name")
            at = item.end()
            if any(o.begin <= begin < o.end for o in sentence.orgs) or place(name) or kinds_in(name, []) \
                    or re.search(NOT_HERE, name, re.I) or re.match(NOT_ORGANISATION, name):
                continue
            found.append(OrgMention(None, name, begin, end, None, "new"))
    return found


def place_after(text: str, end: int) -> str | None:
    """The country of the place written right after a name: "… cluster in Sfax", "… à Tunis"."""
    after = re.match(r"\s*(?:cluster|hub|technopark|incubator|accelerator|centre|center)?\s+(?:in|at|à|en|au)\s+"
                     r"([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?)", text[end:])
    return (city_country(after.group(1)) or country_of(after.group(1))) if after else None
