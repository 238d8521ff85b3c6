"""Every measure the report shows, in one plain sentence, with the work that defines it."""

from __future__ import annotations

__all__ = ["GLOSSARY"]

#: (term, one sentence, reference); the report prints them in this order.
GLOSSARY: tuple[tuple[str, str, str], ...] = (
    ("tie", "Two organisations are tied when they met by the rule of graph/SCHEMA.md (same held event, "
     "mentoring, agreement or membership).", "graph/SCHEMA.md, “Who met whom”"),
    ("degree", "How many organisations an organisation is tied to.", "Freeman 1978/79, Social Networks 1(3)"),
    ("weighted_degree", "The sum of an organisation's tie weights, where an event of k participants adds "
     "1/(k−1) to each pair, so a crowded event counts less than a small meeting (and the sum can be below the "
     "degree).", "Newman 2001, Phys. Rev. E 64, 016132 (collaboration weighting)"),
    ("betweenness", "The share of shortest paths between other organisations that pass through this one: "
     "how much it brokers.", "Freeman 1977, Sociometry 40(1); Brandes 2001, J. Math. Sociol. 25(2)"),
    ("eigenvector", "High when an organisation is tied to organisations that are themselves central "
     "(per connected component, scaled by the component's size).", "Bonacich 1972, J. Math. Sociol. 2(1)"),
    ("pagerank", "The share of time a random walk along ties spends at the organisation.",
     "Brin & Page 1998, Computer Networks 30"),
    ("closeness", "How near, in steps weighted by 1/weight, an organisation is to all those it can reach.",
     "Freeman 1978/79; Wasserman & Faust 1994"),
    ("constraint", "How much an organisation's ties lead to partners tied to each other (high: few "
     "brokerage opportunities).", "Burt 1992, Structural Holes"),
    ("effective_size", "The number of an organisation's partners less their redundancy: non-overlapping "
     "contacts.", "Burt 1992, Structural Holes"),
    ("brokerage roles", "Counts of the paths A→B→C where B sits between A and C, classed by regions as "
     "coordinator, itinerant, representative, gatekeeper or liaison.", "Gould & Fernandez 1989, Sociol. "
     "Methodology 19"),
    ("community", "Groups of organisations more tied within than between, found by modularity "
     "optimisation.", "Blondel et al. 2008, J. Stat. Mech. P10008 (Louvain)"),
    ("eu_share", "The share of South-Med clusters that have met at least one EU organisation, after "
     "each event.", "this project"),
    ("levels of met", "peer: met a named EU organisation; organiser or host: met the EU organiser or host "
     "of an event it attended; eu event: attended an event in the EU whose other participants are not named.",
     "this project (graph/SCHEMA.md)"),
    ("thin spot", "A country, event or organisation the graph knows from little evidence (few ties, a "
     "partial participant list, one document), where results deserve caution.", "this project"),
    ("next meetings", "EU organisations a South-Med cluster has not met, ranked by the partners they share "
     "(Adamic–Adar), a shared sector and being a cluster.", "Adamic & Adar 2003, Social Networks 25(3)"),
)
