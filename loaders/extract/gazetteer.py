"""Word lists the extractor matches against: event kinds, organisation kinds, cities, cues.

Kinds are the schema's (`medgraph.schema.EVENT_KINDS`, `ORGANISATION_KINDS`): the mappings
below are keyed by them (tests/test_extract.py checks it), each kind with its English and French
wordings. Longer wordings are tried first, so "Benchmarking Visits & Training" is one
benchmarking visit, not a visit plus a training.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class KindCue(NamedTuple):
    """The wordings of one event kind, and whether the kind may name a session of a larger event
    ("the day's workshop") rather than an event of its own."""

    pattern: str
    generic: bool = False


EVENT_KIND_CUES = {  # schema event kind -> its wordings; the order is the priority when a title names several
    "techdays": KindCue(r"#?tech\s?-?days?"),
    "benchmarking visit": KindCue(r"benchmarking\s+(?:visits?|tours?|missions?)(?:\s*(?:and|&|et)\s*trainings?)?"
                                  r"|visites?\s+de\s+benchmarking"),
    "international market mission": KindCue(r"(?:international\s+)?(?:market|business\s+development|trade)\s+missions?"
                                            r"|missions?\s+(?:commerciales?|d'affaires|de\s+prospection)"
                                            r"|road-?\s?shows?|tournées?\s+de\s+promotion"
                                            r"|missions?(?=\s+(?:in|to|en|au|aux|à)\s+(?-i:[A-ZÀ-Ý]))"),  # "a mission in Tunisia"
    "study tour": KindCue(r"study\s+(?:tours?|visits?|trips?)|voyages?\s+d'[ée]tudes?|visites?\s+d'[ée]tudes?"
                          r"|learning\s+expeditions?"),
    "advisory mission": KindCue(r"advisory\s+missions?|technical\s+assistance|assistance\s+technique"
                                r"|missions?\s+d'expertise"),
    "summit": KindCue(r"summits?|sommets?"),
    "forum": KindCue(r"forums?"),
    "trade fair": KindCue(r"trade\s+fairs?|trade\s+shows?|exhibitions?|salons?|foires?|expos?"),
    "conference": KindCue(r"conferences?|conférences?|colloques?|(?:panel\s+)?discussion\s+panels?|panels?(?:\s+discussions?)?"
                          r"|round[-\s]tables?|tables?[-\s]rondes?|webinars?|webinaires?|séminaires?|seminars?"
                          r"|launch\s+(?:event|ceremony)|cérémonie\s+de\s+lancement"
                          r"|(?<!graduation\s)(?<!closing\s)(?<!award\s)(?<!awards\s)(?<!opening\s)ceremony"
                          r"|cérémonie(?!\s+(?:d['’]ouverture|de\s+(?:clôture|remise)))"  # a ceremony of its own
                          r"|(?:launched|inaugurated|lancée?s?|inaugurée?s?)(?=\s+(?:on|le)\s+\d)"),  # a launch on its day
    "matchmaking": KindCue(r"match-?making|b2b\s+(?:meetings?|sessions?)|rencontres?\s+(?:d'affaires|b2b)"
                           r"|rendez-vous\s+d'affaires|business\s+meetings?|speed[-\s]?(?:pitching|dating)|c2c\s+meetings?"
                           r"|cluster-to-cluster\s+meetings?", generic=True),
    "workshop": KindCue(r"workshops?|ateliers?", generic=True),
    "training": KindCue(r"training\s+(?:sessions?|days?|courses?)|trainings?|formations?", generic=True),
    "meeting": KindCue(r"meetings?|réunions?|(?:graduation|closing|award)\s+ceremon(?:y|ies)|cérémonies?\s+de\s+(?:clôture|remise)"
                       r"|(?:conference|video|online)\s+calls?|visioconférences?"
                       r"|general\s+assembl(?:y|ies)|assembl[ée]es?\s+g[ée]n[ée]rales?", generic=True),
}
KIND_PATTERNS = [(kind, re.compile(rf"(?<![\w#])(?:{cue.pattern})(?!\w)", re.I))
                 for kind, cue in EVENT_KIND_CUES.items()]
PRIORITY = {kind: i for i, kind in enumerate(EVENT_KIND_CUES)}
GENERIC_KINDS = frozenset(kind for kind, cue in EVENT_KIND_CUES.items() if cue.generic)

ORG_KIND_CUES = {  # schema organisation kind -> regex over the folded name; the first match wins
    "Ministry": r"\bminist",
    "Technopole": r"\btechnopol|\btechnopark|\btechnoparc|\bbiotechpole",
    "Incubator": r"\bincubat",
    "Accelerator": r"\baccelerat",
    "Network": r"\bnetwork\b|\breseau\b|\bclusters\b$",
    "Cluster": r"\bcluster\b|\bpole\b|\bpoles\b|\bpolo\b|\bgroupement\b",
    "Agency": r"\bagency\b|\bagence\b|\bagencia\b|\bagenzia\b",
    "Association": r"\bassociation\b|\bfederation\b|\bconfederation\b|\bchamber\b|\bchambre\b|\bassociazione\b"
                   r"|\bassociacao\b|\basociacion\b|\bfederazione\b|\bcamara\b|\bcamera di commercio\b",
    "Foundation": r"\bfoundation\b|\bfondation\b|\bfondazione\b|\bfundacao\b|\bfundacion\b",
    "School": r"\bschool\b|\becole\b|\buniversi|\binstitut\b|\binstitute\b|\binstituto\b|\bistituto\b",
    "ResearchCentre": r"\bcentre\b|\bcenter\b|\blaborator",
    "Company": r"\b(sarl|sa|sas|ltd|inc|gmbh|srl|spa|s l|co)\b|\bcompany\b|\bsociete\b|\bgroup\b",
}
#: The kind guessed for a new organisation whose name no cue classifies.
FALLBACK_ORG_KIND = "Company"

CITIES = {  # English and French names of cities the programmes travel to -> ISO code
    "Barcelona": "ES", "Barcelone": "ES", "Madrid": "ES", "Valencia": "ES", "Valence": "ES", "Seville": "ES",
    "Séville": "ES", "Bilbao": "ES", "Malaga": "ES", "Paris": "FR", "Marseille": "FR", "Lyon": "FR",
    "Nice": "FR", "Toulouse": "FR", "Montpellier": "FR", "Bordeaux": "FR", "Nantes": "FR", "Lille": "FR",
    "Strasbourg": "FR", "Grenoble": "FR", "Turin": "IT", "Torino": "IT", "Milan": "IT", "Milano": "IT",
    "Rome": "IT", "Roma": "IT", "Naples": "IT", "Genoa": "IT", "Gênes": "IT", "Bologna": "IT",
    "Bologne": "IT", "Florence": "IT", "Venice": "IT", "Venise": "IT", "Palermo": "IT", "Athens": "GR",
    "Athènes": "GR", "Thessaloniki": "GR", "Nicosia": "CY", "Nicosie": "CY", "Valletta": "MT",
    "Lisbon": "PT", "Lisbonne": "PT", "Porto": "PT", "Brussels": "BE", "Bruxelles": "BE", "Liège": "BE",
    "Liege": "BE", "Namur": "BE", "Mons": "BE", "Charleroi": "BE", "Berlin": "DE", "Munich": "DE",
    "Vienna": "AT", "Vienne": "AT", "Amsterdam": "NL", "London": "GB", "Londres": "GB", "Stockholm": "SE",
    "Istanbul": "TR", "Ankara": "TR", "Izmir": "TR", "Casablanca": "MA", "Rabat": "MA", "Tangier": "MA",
    "Tanger": "MA", "Marrakech": "MA", "Marrakesh": "MA", "Fez": "MA", "Fès": "MA", "Agadir": "MA",
    "Oujda": "MA", "Kenitra": "MA", "Tunis": "TN", "Sfax": "TN", "Sousse": "TN", "Bizerte": "TN",
    "Monastir": "TN", "Gabès": "TN", "Algiers": "DZ", "Alger": "DZ", "Oran": "DZ", "Constantine": "DZ",
    "Annaba": "DZ", "Blida": "DZ", "Cairo": "EG", "Le Caire": "EG", "Alexandria": "EG", "Alexandrie": "EG",
    "Giza": "EG", "Beirut": "LB", "Beyrouth": "LB", "Tripoli": "LB", "Byblos": "LB", "Amman": "JO",
    "Aqaba": "JO", "Irbid": "JO", "Ramallah": "PS", "Hebron": "PS", "Jerusalem": "PS", "Jérusalem": "PS",
    "Bethlehem": "PS", "Bethléem": "PS", "Nablus": "PS", "Naplouse": "PS", "Gaza": "PS", "Jericho": "PS",
}

# Cue words of a sentence, as regexes over its lower-cased text.
HOST_CUES = r"\bvisits?\s+(?:to|of)\b|\bvisited\b|\bvisites?\s+(?:à|a|aux?|de|chez)\b|\bvisité\b|\bhosted\s+by\b|\baccueillis?\s+par\b" \
            r"|\b(?:meetings?\s+(?:(?:were|was)\s+)?(?:held\s+)?with|(?:réunions?|rencontres?)\s+(?:tenues?\s+)?avec)\b" \
            r"(?=\s+(?:the\s+|les?\s+|la\s+|l['’]|des\s+)?(?-i:[A-ZÀ-Ý]))" \
            r"|\bwelcomed\s+by\b|\bdelegations?\s+at\b|\bdélégations?\s+(?:à|chez)\b|\bvisiting\b"
SPEAKER_CUES = r"\bspeakers?\b|\bspoke\b|\bkeynote\b|\baddressed\b|\binterviendront\b|\bintervenants?\b" \
               r"|\bsont\s+intervenu(?:e|s|es)?\b|\binterviennent\b|\bwill\s+speak\b|\bgave\s+a\s+(?:talk|speech)\b" \
               r"|\bprendront\s+la\s+parole\b|\bont\s+pris\s+la\s+parole\b|\bopening\s+(?:speech|remarks)\b"
ORGANISER_VERBS = r"\borgani[sz]ed\b|\borgani[sz]es?\b|\borgani[sz]ing\b|\bwill\s+organi[sz]e\b|\borganisent\b" \
                  r"|\borganisera(?:nt)?\b|\bont\s+organisé\b|\ba\s+organisé\b|\bco-?organi[sz]ed\b|\bhosts?\b(?!\s+by)"
ORGANISED_BY = r"\b(?:co-?)?organi[sz]ed\b[^.;:]{0,60}?\bby\b|\b(?:co-?)?organisée?s?\b[^.;:]{0,60}?\bpar\b" \
               r"|\bconvened\s+by\b"
SUPPORT_CUES = r"\bwith\s+the\s+support\s+of\b|\bsupported\s+by\b|\bavec\s+le\s+soutien\s+(?:de|du|des|d')|\bsoutenue?s?\s+par\b"
PLANNED_CUES = r"\bwill\b|\bshall\b|\bupcoming\b|\bplanned\b|\bnext\b|\bsera\b|\bseront\b|\baura\s+lieu\b|\bprochaine?\b" \
               r"|\borganisera\b|\bse\s+tiendra\b|\bà\s+venir\b"
#: Words before a kind that make it several events or none in particular ("other sessions", "each
#: workshop", "such trainings", "the annual forum", "chaque atelier"): a series, not an event (a
#: date written beside it still makes it one).
PLURAL_BEFORE = r"(?:\bother|\bseveral|\bmany|\bdes|\bles|\bde\s+nombreux|\bseries\s+of|\btwo|\bthree|\bdeux|\btrois" \
                r"|\badditional|\bd'autres|\bautres|\bsuch|\beach|\bevery|\bany|\bsimilar|\bfuture|\bthese|\bthose" \
                r"|\bregular|\bannual|\btel(?:le)?s?|\bchaque|\btout(?:e|es)?|\bfutur(?:e|s|es)?|\bces|\bannuel(?:le)?s?" \
                r"|\brégulier(?:e|s|es)?)\s+(?:\S+\s+){0,2}$"

REGIONS = {  # regions a page of clusters is about, English, French and own names -> ISO code
    "Wallonia": "BE", "Wallonie": "BE", "Flanders": "BE", "Flandre": "BE", "Vlaanderen": "BE",
    "Piedmont": "IT", "Piemonte": "IT", "Piémont": "IT", "Lombardy": "IT", "Lombardia": "IT", "Sicily": "IT",
    "Catalonia": "ES", "Catalunya": "ES", "Catalogne": "ES", "Andalusia": "ES", "Andalucía": "ES",
    "PACA": "FR", "Provence": "FR", "Occitanie": "FR", "Bretagne": "FR", "Normandie": "FR",
    "Auvergne-Rhône-Alpes": "FR", "Île-de-France": "FR", "Région Sud": "FR",
}

#: Names that are never a new organisation: meeting formats (B2B, C2C), blocs and regions written
#: short (EU, MENA), and topics or sectors a page lists ("ICT", "R&D").
NOT_ORGANISATION = r"^(?:[A-Z]2[A-Z]|EU|UE|MENA|MED|SMEs?|PMEs?|ICT|TIC|R&D|IoT|AI|IA|NGOs?|ONG)$"
TOPICS_LEAD = r"\b(?:key\s+)?(?:topics?|th[èe]mes?|sectors?|secteurs?|areas?|domaines?|fields?|priorities|priorités" \
              r"|subjects?|sujets?|objectives?|objectifs?|issues?|enjeux|focus|filières?)\b[^:]{0,30}$" \
              r"|\b(?:initiatives?|programmes?|programs?|projects?|projets?)\s+(?:like|such\s+as|including|comme" \
              r"|tel(?:le)?s?\s+que|notamment)\s*$"  # "initiatives like A, B and C": programmes
#: A name that is a programme or project, not an organisation: its own words, or the words around it.
PROGRAMME_WORDS = r"\b(?:project|projet|programme|program|track|voucher|fund|fonds|initiative)\b"
PROGRAMME_BEFORE = r"\b(?:project|projet|programme|program|initiative|for|pour|on\s+behalf\s+of)\s+(?:the\s+|le\s+|la\s+)?$"
PROGRAMME_AFTER = r"^\s*(?:\([^()]*\)\s*)?(?:project|projet|programme|program|track|voucher|initiative)\b" \
                  r"|^\s*\((?:co-?)?funded\s+by|^\s*\(financ"

#: Attendance cues whose attendees follow them ("represented by X") or whose hosts precede them ("X welcomed").
ATTENDING_AFTER = r"\brepresented\s+by\b|\breprésentée?s?\s+par\b|\bwith\s+the\s+participation\s+of\b" \
                  r"|\bavec\s+la\s+participation\s+(?:de|du|des|d')|\bdelegation\s+(?:included|comprised)\b" \
                  r"|\bdélégation\s+(?:comprenait|composée\s+de)\b|\battended\s+by\b|\bparticipants?\s+included\b" \
                  r"|\bamong\s+(?:the\s+)?(?:participants|attendees|delegates|participating\s+\w+)\b|\bparmi\s+les\s+participants\b"
HOST_BEFORE = r"\bwelcomed\b(?!\s+by)|\b(?:a|ont)\s+accueilli\b|\baccueill(?:e|ent)\b|\bopened\s+(?:its|their)\s+doors\b" \
              r"|\b(?:received|a\s+reçu|ont\s+reçu)\s+(?:a|an|the|une|la|des)\s+d[ée]l[ée]gations?\b"
#: Where the visitors a host received are named: "welcomed a delegation of X", "a reçu une délégation de X".
DELEGATION_OF = r"\bd[ée]l[ée]gations?\s+(?:of|from|de|du|des|d['’])"
#: Organisations that met: both sides attend, less surely than with a verb of attending.
MET_CUES = r"\bmet\b(?:\s+with\b)?|\b(?:a|ont)\s+rencontré\b"
