"""The words the extractor reads names by, written once: organisation type words and connectors.

Each reader takes the selection it needs, composed here from shared groups (a group's words are
regex alternatives, matched case-insensitively):

- `ORG_WORDS`: a word anywhere in a name that makes it look like an organisation's;
- `INSTITUTION`: a word that makes a name an institution's wherever it is written;
- `TYPE_WORDS`: a looser type word that names an organisation when it heads or ends a name;
- `HEADS`: lower-case words that head a capitalised name ("agence Atlas", "délégation de …").

Connectors, the small words inside names, by use: `LINK_WORDS` (left out of initials and short
forms), `CONNECTORS` (inside a run of capitals in running text), `LIST_CONNECTOR` (inside a list
item), `NAME_PARTICLES` (inside a person's name), `HEAD_LINKS` (after a heading type word:
"Centre for …").
"""

from __future__ import annotations

import re

__all__ = ["CONNECTORS", "HEADS", "HEAD_LINKS", "INSTITUTION", "LINK_WORDS", "LIST_CONNECTOR", "NAME_PARTICLES",
           "ORG_WORDS", "TYPE_WORDS"]

# --- organisation type words ---------------------------------------------------------------------

#: Institutions' words that also make any name look like an organisation's.
INSTITUTION_CORE = ("federation", r"f[ée]d[ée]ration", "confederation",
                    r"conf[ée]d[ée]ration", "chamber", "chambre", "agency", "agence", r"ag[eê]ncia", "agenzia",
                    "institute", "institut", "instituto", "istituto", "foundation", "fondation", "fondazione",
                    "association", "associazione", "council", "conseil", "consortium", "consorzio", "network",
                    "bank", "banque", "banca", "banco",
                    r"r[ée]seau")
#: Institutions' words in other languages, universities in any form, and ministries.
INSTITUTION_MORE = (r"universit\w*", r"universidad\w*", "federazione", "confederazione", r"c[aâá]mara",
                    r"camera\s+di\s+commercio", r"funda[çc][ãa]o", r"fundaci[óo]n", r"associa[çc][ãa]o", r"asociaci[óo]n",
                    "ministry", r"minist[èe]re", "ministero", "consiglio")
#: Type words that name an organisation when they head or end a name, and make it look like one.
TYPE_CORE = ("centre", "center", "technopark", "technoparc", "technopole", "technopôle", "technocentre", "technocenter",
             "incubator", "incubateur",
             "incubatore", "accelerator", "accélérateur", "cluster", "pôle", "pole", "polo", "hub", "sarl", "ltd",
             "gmbh", "spa", "srl", "inc", "llc", "plc")
#: Type words of names only (too common alone to make a chunk of capitals an organisation).
TYPE_MORE = ("centro", "acceleratore", "laboratory", "laboratoire", "school", "école", "academy", "académie", "office", "sa",
             "sas", r"s\.a\.")
#: Words of organisations' names that are no type word heading or ending one.
ORG_MORE = ("clusters", "p[ôo]le", "acc[ée]l[ée]rateur", "technop[ôo]le", "groupement", "partnership",
            "alliance", "industries", "company", "office", "group", "bio", "university", "universit[éàa]", "universidad", "ministry",
            r"minist[èe]re", "ministero", "ministerio")

ORG_WORDS = re.compile(rf"\b({'|'.join(INSTITUTION_CORE + TYPE_CORE + ORG_MORE)})\b", re.I)
INSTITUTION = re.compile(rf"\b(?:{'|'.join(INSTITUTION_CORE + INSTITUTION_MORE)})\b", re.I)
TYPE_WORDS = re.compile(rf"^(?:{'|'.join(TYPE_CORE + TYPE_MORE)})$", re.I)
HEADS = {"ministère", "ministry", "délégation", "delegation", "agence", "agency", "chambre", "chamber", "fédération",
         "federation", "confédération", "association", "fondation", "foundation", "réseau", "network", "centre",
         "center", "pôle", "cluster", "groupement", "université", "university", "école", "school", "institut"}

# --- connectors ----------------------------------------------------------------------------------

#: The connectors every reader shares.
CORE_CONNECTORS = frozenset({"of", "and", "de", "du", "des", "la", "le", "et", "the", "di"})
LINK_WORDS = CORE_CONNECTORS | {"for", "d", "l", "per", "del", "y", "a", "al"}
CONNECTORS = LINK_WORDS | {"&", "en", "in", "aux", "au", "della", "dei", "degli", "delle", "e", "para", "o", "da", "do",
                           "dos", "das"}
LIST_WORDS = CORE_CONNECTORS | {"for", "in", "del", "della", "dei", "les", "e", "y", "&", "per", "sur"}
LIST_CONNECTOR = re.compile(rf"^(?:{'|'.join(sorted(LIST_WORDS))}|d['’]\S*|l['’]\S*)$", re.I)
NAME_PARTICLES = CORE_CONNECTORS | {"von", "van", "el", "al"}
HEAD_LINKS = ("of", "for", "de", "du", "des", "d", "di", "del", "per", "pour")
