"""The graph's vocabulary and the rules every part of medgraph shares: the single source.

Labels, kinds, roles, date precisions, statuses, relationship and tie types, regions, and the
predicates the loader, the analytics, the maps and the Cypher queries must agree on ("a
South-Med cluster", "a held event", "an organisation attends through a person who works for
it"). `graph/SCHEMA.md` documents the same values; a test checks that it lists exactly these,
and another that no other module defines such a list of its own.

>>> is_south_med_cluster({"region": "South-Med", "kind": "Cluster"})
True
>>> is_held({"status": "planned"}), is_held({"status": "held"}), is_held({})
(False, True, True)
"""

from __future__ import annotations

# --- nodes ---------------------------------------------------------------------------------

#: One label per node of the knowledge graph (every node also carries `ENTITY`).
LABELS = ("Organisation", "Person", "Event", "Agreement", "Programme", "Country", "Document")
#: The label every node carries besides its own: one key to match either end of a relationship.
ENTITY = "Entity"
#: An organisation's kind, also its second label.
ORGANISATION_KINDS = ("Cluster", "Network", "Company", "Agency", "School", "Institution", "Platform",
                      "Association", "Foundation", "Technopole", "ResearchCentre", "Incubator",
                      "Accelerator", "Ministry")
#: The kind of organisation whose South-Med members the programme serves.
CLUSTER = "Cluster"
EVENT_KINDS = ("benchmarking visit", "techdays", "international market mission", "forum", "workshop",
               "training", "study tour", "summit", "meeting", "trade fair", "advisory mission",
               "matchmaking", "conference")
#: Kinds one event may be written as in different texts (a TechDays with its matchmaking, a
#: benchmarking visit called a study tour): `medgraph extract` links a mention across them.
EVENT_KIND_FAMILIES = (("techdays", "matchmaking"), ("benchmarking visit", "study tour"),
                       ("forum", "conference", "summit"))
#: How precisely an event's dates are known, finest first.
DATE_PRECISIONS = ("day", "week", "month", "season", "year")
#: An event is held or planned, as of the document that describes it.
EVENT_STATUSES = ("held", "planned")
PLANNED = "planned"
DOCUMENT_LANGUAGES = ("en", "fr")
#: `medgraph extract` marks its facts `review: proposed`; a reviewer may mark them accepted.
REVIEW_STATES = ("proposed", "accepted")
PROPOSED = "proposed"
#: The kinds of organisation that have members (`MEMBER_OF` points at one: a cluster's member
#: company, a network's cluster).
GROUP_KINDS = (CLUSTER, "Network")
#: The labels whose nodes take the region and subregion of their `country`'s Country node.
PLACED_LABELS = ("Organisation", "Event")

# --- relationships -------------------------------------------------------------------------

RELATIONSHIP_TYPES = ("ALONGSIDE", "ATTENDED", "HELD_IN", "LOCATED_IN", "MEMBER_OF", "MENTIONS", "MENTORS",
                      "ORGANISED", "PARTNER_OF", "PARTY_TO", "PART_OF", "POSSIBLY_SAME_AS", "SIGNED_AT",
                      "WORKS_FOR")
#: The `role` of an ATTENDED relationship; an attendance without one is a delegate's.
ATTENDANCE_ROLES = ("delegate", "host", "speaker")
DELEGATE, HOST = "delegate", "host"
#: The `role` of an ORGANISED relationship; without one, an organiser.
ORGANISER_ROLES = ("organiser", "co-organiser", "support")
ORGANISER = "organiser"
#: The ORGANISED roles of those who run an event, and so meet its participants (a `support`
#: role, e.g. a sponsor, need not be there).
MEETING_ORGANISER_ROLES = ORGANISER_ROLES[:2]
#: The usual `role` of a PARTNER_OF relationship (free text beyond these).
PARTNER = "partner"
SPEAKER = "speaker"

# --- countries -----------------------------------------------------------------------------

REGIONS = ("South-Med", "EU", "Other")
SOUTH_MED, EU, OTHER = REGIONS
SUBREGIONS = ("Maghreb", "Mashreq", "EU-Mediterranean", "EU-North", "Other")
#: The programme's South-Mediterranean countries (THE NEXT SOCIETY's target countries).
SOUTH_MED_COUNTRIES = ("MA", "DZ", "TN", "EG", "LB", "PS", "JO")
EU_COUNTRIES = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
                "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")

# --- the organisation tie network ----------------------------------------------------------

#: How two organisations are tied (the docs of medgraph.graph.ties say what each means).
TIE_TYPES = ("agreement", "co_attended", "membership", "mentoring", "visited")

# --- levels of "met" -----------------------------------------------------------------------

#: How far a South-Med cluster has met the EU, best first (`medgraph.graph.met` applies them).
MET_LEVELS = ("peer", "organiser_or_host", "eu_event")
PEER, ORGANISER_OR_HOST, EU_EVENT = MET_LEVELS
MET_LEVEL_MEANINGS = {
    PEER: "met a named EU organisation: a tie of the tie network (co-attended, visited or hosted, mentoring, "
          "agreement, membership)",
    ORGANISER_OR_HOST: "attended a held event (or an event within one) that a named EU organisation organised, "
                       "co-organised or hosted",
    EU_EVENT: "attended a held event in the EU whose participant list is flagged partial or names no EU "
              "organisation",
}


# --- shared predicates ---------------------------------------------------------------------


def is_held(event: dict) -> bool:
    """An event counts as held unless marked planned (an event with no status counts as held)."""
    return event.get("status") != PLANNED


def is_south_med_cluster(organisation: dict) -> bool:
    """A cluster in one of the programme's South-Med countries (needs the `region` attribute)."""
    return organisation.get("region") == SOUTH_MED and organisation.get("kind") == CLUSTER


def is_eu(organisation: dict) -> bool:
    """An organisation (or country) in the European Union."""
    return organisation.get("region") == EU


def region_of(code: str | None) -> str:
    """The region of an ISO 3166-1 alpha-2 country code.

    >>> region_of("TN"), region_of("IT"), region_of("US"), region_of(None)
    ('South-Med', 'EU', 'Other', 'Other')
    """
    return SOUTH_MED if code in SOUTH_MED_COUNTRIES else EU if code in EU_COUNTRIES else OTHER


# "An organisation attends an event through its own ATTENDED relationship or that of a person who
# WORKS_FOR it": the analytics apply it in graph/ties/links.py (`attendances`); the Cypher queries in
# queries/ through the one quantified path pattern that graph/SCHEMA.md ("Who met whom") gives.
