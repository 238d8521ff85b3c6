"""Acronyms a page defines or uses, settled against the registry once the page is read.

"the Atlas Denim and Fashion Cluster (ADFC) … ADFC members": the acronym a page defines in
brackets after a name (or the name in brackets after it) stands for that name everywhere on the
page: for its registry entry when the name resolves, else for the same new organisation, which
the definition proposes when a type word heads or ends it. An
acronym that the page does not define and that resolves to no entry is no new organisation when
it may loosely abbreviate exactly one registry entry ("MDFC" and "Moroccan Denim Cluster": one
letter more): it is proposed as an alias of that entry for review, in the registry proposal.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from medgraph.loaders.countries import fold
from medgraph.loaders.extract.clauses import kinds_in
from medgraph.loaders.extract.gazetteer import NOT_ORGANISATION, PROGRAMME_WORDS
from medgraph.loaders.extract.names import country_of
from medgraph.loaders.extract.relations import Found, Known, OrgRef, guess_kind, try_resolve
from medgraph.loaders.extract.running import NOT_HERE, generic, named_organisation, title_case
from medgraph.loaders.extract.short_forms import initials, loosely_abbreviates, subsequence
from medgraph.loaders.extract.vocabulary import LINK_WORDS

__all__ = ["Definition", "definitions", "settle_acronyms"]

ACRONYM = r"[A-Z][A-Za-z&]{1,9}"
DEFINED = re.compile(rf"((?:[A-ZÀ-Ý][\w'’&-]*)(?:\s+[\w'’&-]+){{0,11}}?)\s*\(\s*({ACRONYM})\s*\)")
DEFINED_AFTER = re.compile(rf"\b({ACRONYM})\s*\(\s*([A-ZÀ-Ý][^()]{{5,100}}?)\s*\)")


class Definition(NamedTuple):
    acronym: str
    name: str
    id: str | None  # the registry entry the name resolves to


def definitions(known: Known, text: str) -> dict[str, tuple[Definition, int]]:
    """The acronyms a text defines, by folded acronym: "Atlas Denim Cluster (ADC)", "ADC (Atlas
    Denim Cluster)"; the long name is the shortest run of words before the bracket whose initials
    the acronym spells, and an acronym defined twice differently is dropped; each with its line."""
    found: dict[str, tuple[Definition, int] | None] = {}
    pairs = [(m.group(2), expansion(m.group(1), m.group(2)), m.start()) for m in DEFINED.finditer(text)]
    pairs += [(m.group(1), m.group(2), m.start()) for m in DEFINED_AFTER.finditer(text) if spells(m.group(1), m.group(2))]
    for acronym, name, at in pairs:
        if not name or acronym.lower() == fold(name):
            continue
        key = acronym.lower()
        if key in found and (found[key] is None or fold(found[key][0].name) != fold(name)):
            found[key] = None
            continue
        found[key] = (Definition(acronym, name, try_resolve(known, name, None)), text.count("\n", 0, at) + 1)
    return {key: value for key, value in found.items() if value is not None}


def expansion(words: str, acronym: str) -> str | None:
    """The shortest trailing run of `words` that `acronym` spells, first letter capitalised.

    >>> expansion("Members of the Atlas Denim and Fashion Cluster", "ADFC")
    'Atlas Denim and Fashion Cluster'
    """
    split = words.split()
    for start in range(len(split) - 1, -1, -1):
        run = " ".join(split[start:])
        if split[start][:1].isupper() and fold(split[start]) not in LINK_WORDS and spells(acronym, run):
            return run
    return None


def spells(acronym: str, name: str) -> bool:
    """Whether the acronym is the name's initials (link words left out, or kept)."""
    key = acronym.lower().replace("&", "")
    every = "".join(w[0].lower() for w in re.findall(r"[^\W\d_]+", name))
    return len(key) >= 2 and (initials(name) == key or every == key or (
        len(key) >= 3 and key[0] == initials(name)[:1] and subsequence(key, every) and len(every) <= len(key) + 2))


def spelled_name(definition: Definition) -> bool:
    """A name in title case that its capital acronym spells letter for letter names an organisation
    without a type word ("Dunes Valley Mechatronics Alliance (DVMA)"); not a programme, an event,
    a place or a topic ("Small and Medium Enterprises (SMES)").

    >>> spelled_name(Definition("DVMA", "Dunes Valley Mechatronics Alliance", None))
    True
    >>> [spelled_name(Definition(a, n, None)) for a, n in [("CBT", "Cluster Booster Track"), ("UAE", "United Arab Emirates"),
    ...  ("BDM", "Business Development Mission"), ("ICT", "Information and Communication Technologies")]]
    [False, False, False, False]
    """
    acronym, name = definition.acronym, definition.name
    return acronym.isupper() and len(acronym) >= 3 and initials(name) == acronym.lower() and title_case(name) \
        and 2 <= len(name.split()) <= 10 and not kinds_in(name, []) and not re.match(NOT_ORGANISATION, acronym) \
        and not re.search(rf"{PROGRAMME_WORDS}|{NOT_HERE}", name, re.I) and not country_of(name) and not generic(name)


def settle_acronyms(known: Known, found: Found, text: str) -> None:
    """Rewrite the page's new organisations written as acronyms: a defined one as what it stands
    for; an undefined one that loosely fits one registry entry as an alias proposal of it."""
    defined_at = definitions(known, text)
    defined = {key: d for key, (d, _) in defined_at.items()}

    def settle(org: OrgRef) -> OrgRef | None:
        if org.id is not None or not re.fullmatch(ACRONYM, org.written) or sum(c.isupper() for c in org.written) < 2:
            return org
        definition = defined.get(org.written.lower())
        if definition:
            return replace(org, id=definition.id, confidence=max(org.confidence, 0.75)) if definition.id else \
                replace(org, written=definition.name)
        fits = {e.id for e in known.organisations.entries for label in (e.name, *e.aliases)
                if loosely_abbreviates(org.written, label) and (org.country is None or e.country in (org.country, None))}
        if len(fits) == 1:
            found.aliases.append((fits.pop(), org.written, org.line))
            return None
        return org

    found.mentions = [s for o in found.mentions if (s := settle(o))]
    written = {fold(o.written) for o in found.mentions}
    found.mentions += [OrgRef(None, d.name, None, line, 0.7, guess_kind(d.name)) for d, line in defined_at.values()
                       if d.id is None and fold(d.name) not in written
                       and (named_organisation(d.name, meeting=True) or spelled_name(d))]
    found.attendances = [(e, s, r) for e, o, r in found.attendances if (s := settle(o))]
    found.memberships = [(a, b) for x, y in found.memberships if (a := settle(x)) and (b := settle(y))]
    found.registry = [(s, item) for o, item in found.registry if (s := settle(o)) and s.id is None]
