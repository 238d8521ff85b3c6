"""Next meetings to plan: EU organisations each South-Med cluster has not met yet, varied.

The score of a South-Med cluster s and an EU organisation e they are not tied to is

    Adamic–Adar(s, e) + 0.5 if they share a sector + 0.25 if e is a Cluster

where Adamic–Adar (networkx's ``adamic_adar_index`` on the unweighted tie network) sums
1/log(degree) over their common neighbours: a partner in common counts more the fewer ties it
has. Sectors match when both are given and equal, ignoring case. Candidates scoring 0 are left
out. Scores are rounded to 6 decimals, and equal scores ranked by the EU organisation's name,
then id, so the ranking never depends on floating-point noise or on the order of the graph.

Suggestions are spread: they are handed out in rounds (every cluster's first suggestion, then
every cluster's second, …; within a round, the cluster with the best remaining candidate first),
and an EU organisation already proposed to `MAX_SHARE` of the clusters (a third, rounded up) is
proposed to another only when that cluster has no other candidate left. Each suggestion says
why in words (``reason``).

On a large tie network (`ties.TieArrays`, above `medgraph.graph.engine.COMPILED_ABOVE` ties)
Adamic–Adar is first estimated from each cluster's `COMMON_PARTNERS` strongest partners, and
only its `SHORTLIST` best candidates by that estimate are scored exactly (`ranked_arrays`;
`method` says so in the report): a cluster with more partners may miss a candidate the exact
index would rank among its best (about 2 % of the picks on the benchmark's M programme).
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from medgraph import schema
from medgraph.graph.metmatrix import name, south_clusters
from medgraph.graph.ties.arrays import is_arrays
from medgraph.schema import is_eu, is_south_med_cluster

SECTOR_BONUS = 0.5
CLUSTER_BONUS = 0.25
#: The share of the clusters one EU organisation is proposed to at most, while others fit.
MAX_SHARE = 1 / 3
#: How many common partners a reason names before "and N more".
NAMED_PARTNERS = 3
#: On the arrays path (`ranked_arrays`) Adamic–Adar is estimated from each South-Med cluster's
#: `COMMON_PARTNERS` strongest partners (by tie weight), and its `SHORTLIST` best candidates by
#: that estimate are scored exactly.
COMMON_PARTNERS = 100
SHORTLIST = 20
COLUMNS = ["south_id", "south_name", "south_country", "rank", "eu_id", "eu_name", "eu_country", "score", "reason"]


def same_sector(a: dict, b: dict) -> bool:
    """Both have a sector, and it is the same (ignoring case).

    >>> same_sector({"sector": "Agri-food"}, {"sector": "agri-food"}), same_sector({}, {})
    (True, False)
    """
    return bool(a.get("sector") and b.get("sector") and a["sector"].casefold() == b["sector"].casefold())


def candidates(T: nx.Graph, s) -> list:
    """The EU organisations not tied to s, by id."""
    return sorted((e for e, d in T.nodes(data=True) if is_eu(d) and e != s and not T.has_edge(s, e)), key=str)


def scored(T: nx.Graph, s, e, adamic_adar: float) -> dict:
    """The score of meeting e for s (its reason is written for the suggestions made only)."""
    score = adamic_adar + SECTOR_BONUS * same_sector(T.nodes[s], T.nodes[e])
    score += CLUSTER_BONUS * (T.nodes[e].get("kind") == schema.CLUSTER)
    return {"eu_id": e, "eu_name": name(T, e), "score": round(score, 6)}


def reason(T: nx.Graph, s, e) -> str:
    """Why s should meet e, in words: partners in common, sector, kind and country, and how many
    South-Med clusters e has met."""
    common = sorted(name(T, w) for w in _common_partners(T, s, e))
    reasons = [_partners(common)] if common else []
    if same_sector(T.nodes[s], T.nodes[e]):
        reasons.append(f"same sector ({T.nodes[e]['sector']})")
    if T.nodes[e].get("kind") == schema.CLUSTER:
        reasons.append("an EU cluster" + (f" in {T.nodes[e]['country']}" if T.nodes[e].get("country") else ""))
    if is_arrays(T):
        met = int(T.mask(is_south_med_cluster)[T.row(T.index[e])].sum())
    else:
        met = sum(1 for m in T[e] if is_south_med_cluster(T.nodes[m]))
    if met:
        reasons.append(f"has met {met} South-Med cluster{'s' * (met > 1)}")
    return "; ".join(reasons)


def _common_partners(T, s, e) -> list:
    if is_arrays(T):
        return [T.ids[j] for j in np.intersect1d(T.row(T.index[s]), T.row(T.index[e]), assume_unique=True)]
    return list(nx.common_neighbors(T, s, e))


def _partners(common: list[str]) -> str:
    """The common partners in words, naming at most `NAMED_PARTNERS`.

    >>> _partners(["A"]), _partners(["A", "B", "C", "D", "E"])
    ('shares 1 partner (A)', 'shares 5 partners (A, B, C and 2 more)')
    """
    shown = ", ".join(common[:NAMED_PARTNERS]) + (f" and {len(common) - NAMED_PARTNERS} more"
                                                  if len(common) > NAMED_PARTNERS else "")
    return f"shares {len(common)} partner{'s' * (len(common) > 1)} ({shown})"


def ranked_candidates(T: nx.Graph, s) -> list[dict]:
    """The EU organisations s could meet, scored, best first (score > 0 only)."""
    pairs = [(s, e) for e in candidates(T, s)]
    found = [scored(T, s, e, aa) for _, e, aa in nx.adamic_adar_index(T, pairs)]
    return sorted((r for r in found if r["score"] > 0), key=lambda r: (-r["score"], r["eu_name"], str(r["eu_id"])))


def ranked_arrays(T, keep: int, partners: int | None = None, shortlist: int = SHORTLIST, block: int = 32) -> dict:
    """`ranked_candidates` of every South-Med cluster of a `ties.TieArrays`, each cut to its best
    `keep` (the spreading in `next_meetings` looks no further: with `top` suggestions and an EU
    organisation proposed to at most a share `max_share` of the clusters, at most top / max_share
    of them are full, so `top + ceil(top / max_share) + 1` candidates always hold its picks).

    In two steps, a block of clusters at a time:

    1. an estimate for every EU organisation: Adamic–Adar over each cluster's `partners`
       strongest partners only (`strongest`; None: all), scaled up by degree / partners
       counted, plus the bonuses;
    2. the cluster's `shortlist` best candidates by that estimate are scored exactly and ranked.

    A cluster with no more than `partners` partners is ranked exactly (its estimate is exact and
    `shortlist` ≥ `keep`); above, a candidate the estimate leaves out of the shortlist is missed.
    """
    W, n = T.W, T.W.shape[0]
    degree = T.degrees.astype(float)
    inverse = np.divide(1.0, np.log(np.maximum(degree, 2)), out=np.zeros(n), where=degree > 1)
    south = np.array([T.index[s] for s in south_clusters(T)], dtype=np.int64)
    eu = np.flatnonzero(T.mask(is_eu))
    names = [name(T, T.ids[e]) for e in eu]
    order = np.empty(len(eu), dtype=np.int64)  # each EU organisation's place by name, then id
    order[sorted(range(len(eu)), key=lambda k: (names[k], str(T.ids[eu[k]])))] = np.arange(len(eu))
    cluster = CLUSTER_BONUS * np.array([T.attrs[e].get("kind") == schema.CLUSTER for e in eu], dtype=float)
    sector = _sector_codes(T)
    to_eu = np.full(n, -1, dtype=np.int32)
    to_eu[eu] = np.arange(len(eu))
    is_eu_tie = T.mask(is_eu)[W.indices]  # each organisation's ties to EU ones, by the EU one's place
    eu_ties = (np.concatenate([[0], np.cumsum(is_eu_tie, dtype=W.indptr.dtype)])[W.indptr], to_eu[W.indices[is_eu_tie]])
    del is_eu_tie
    by_sector = SECTOR_BONUS * (sector[eu][None, :] == np.arange(sector.max(initial=0) + 1)[:, None]) + cluster
    by_sector[0] = cluster  # no sector: no sector bonus
    found, partner_weights = {}, np.zeros((block, n))
    for start in range(0, len(south), block):
        rows = south[start:start + block]
        bonus = by_sector[sector[rows]]
        tied, counts = _gather(*eu_ties, rows)  # (a South-Med cluster is never an EU organisation)
        ok = np.ones((len(rows), len(eu)), dtype=bool)
        ok[np.repeat(np.arange(len(rows)), counts), tied] = False
        kept = strongest(W, rows, partners)
        scale = (degree[rows] / np.maximum(np.diff(kept.indptr), 1))[:, None]
        estimate = _sums(eu_ties, kept, inverse, len(eu)) * scale + bonus
        short = _best(estimate, ok, order, max(shortlist, keep))
        r = np.repeat(np.arange(len(rows)), [len(k) for k in short])
        k = np.concatenate(short)
        score = np.round(_exact(W, rows, eu[k], r, inverse, partner_weights) + bonus[r, k], 6)
        for i, best in enumerate(_best_pairs(r, k, score, order, len(rows), keep)):
            if len(best):
                found[T.ids[rows[i]]] = [{"eu_id": T.ids[eu[k]], "eu_name": names[k], "score": s} for k, s in best]
    return found


def _gather(indptr: np.ndarray, indices: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The column indices of `rows` of a CSR structure, one after another, and each row's count."""
    starts, counts = indptr[rows], indptr[rows + 1] - indptr[rows]
    ends = np.cumsum(counts)
    return indices[np.repeat(starts - ends + counts, counts) + np.arange(ends[-1] if len(ends) else 0)], counts


def _sums(ties: tuple, kept: sp.csr_matrix, inverse: np.ndarray, columns: int) -> np.ndarray:
    """For each row of `kept` (its partners), the sum over those partners w of 1/log degree(w)
    at each of their tied columns (`ties`: indptr and indices of the ties to those columns)."""
    partners = kept.indices
    cols, counts = _gather(*ties, partners)
    row = np.repeat(np.repeat(np.arange(kept.shape[0]), np.diff(kept.indptr)), counts)
    weights = np.repeat(inverse[partners], counts)
    return np.bincount(row * columns + cols, weights, minlength=kept.shape[0] * columns).reshape(kept.shape[0], -1)


def _exact(W: sp.csr_matrix, rows: np.ndarray, candidates: np.ndarray, row_of: np.ndarray, inverse: np.ndarray,
           partner_weights: np.ndarray) -> np.ndarray:
    """Adamic–Adar of each pair (rows[row_of[i]], candidates[i]): the row's partners weighted
    1/log degree in `partner_weights` (a zero buffer, zero again after), read at the candidate's."""
    partners, counts = _gather(W.indptr, W.indices, rows)
    at = np.repeat(np.arange(len(rows)), counts)
    partner_weights[at, partners] = inverse[partners]
    cols, counts = _gather(W.indptr, W.indices, candidates)
    values = partner_weights[np.repeat(row_of, counts), cols]
    partner_weights[at, partners] = 0
    return np.bincount(np.repeat(np.arange(len(candidates)), counts), values, minlength=len(candidates))


def _best_pairs(r: np.ndarray, k: np.ndarray, score: np.ndarray, order: np.ndarray, n_rows: int,
                keep: int) -> list[list]:
    """For each row, its (column, score) pairs scoring above 0, best first (equal scores by
    `order`), at most `keep`."""
    positive = score > 0
    k, score, bounds = _by_row(r[positive], k[positive], score[positive], order, n_rows)
    return [list(zip(k[a:b][:keep].tolist(), score[a:b][:keep].tolist())) for a, b in zip(bounds, bounds[1:])]


def _by_row(r: np.ndarray, k: np.ndarray, score: np.ndarray, order: np.ndarray, n_rows: int):
    """The (row r, column k, score) entries ranked row by row, best score first (equal scores by
    `order` of the column): their columns, scores, and where each of the `n_rows` rows starts."""
    ranked = np.lexsort((order[k], -score, r))
    return k[ranked], score[ranked], np.searchsorted(r[ranked], np.arange(n_rows + 1))


def strongest(W: sp.csr_matrix, rows: np.ndarray, most: int | None) -> sp.csr_matrix:
    """The `rows` of W, each cut to its `most` heaviest ties (equal weights: the lower column
    first; None: all), as 1s.

    >>> W = sp.csr_matrix(np.array([[0, 3, 1, 3], [2, 0, 0, 0]]))
    >>> strongest(W, np.array([0, 1]), 2).toarray().tolist()
    [[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 0.0, 0.0]]
    """
    R = W[rows]
    indptr, columns = [0], []
    for r in range(len(rows)):
        cols, weights = R.indices[R.indptr[r]:R.indptr[r + 1]], R.data[R.indptr[r]:R.indptr[r + 1]]
        if most is not None and len(cols) > most:
            cols = np.sort(cols[np.lexsort((cols, -weights))[:most]])
        columns.append(cols)
        indptr.append(indptr[-1] + len(cols))
    columns = np.concatenate(columns) if columns else np.zeros(0, dtype=np.int64)
    return sp.csr_matrix((np.ones(len(columns)), columns, np.array(indptr)), shape=R.shape)


def _best(score: np.ndarray, ok: np.ndarray, order: np.ndarray, keep: int) -> list[np.ndarray]:
    """For each row, the columns of its `keep` best scores where ok, best first, equal scores by
    `order`: only the columns scoring at least the row's keep-th best are sorted."""
    masked = np.where(ok, score, -np.inf)
    if masked.shape[1] > keep:
        floor = np.partition(masked, masked.shape[1] - keep, axis=1)[:, masked.shape[1] - keep]
        ok = ok & (masked >= floor[:, None])
    r, k = np.nonzero(ok)
    k, _, bounds = _by_row(r, k, score[r, k], order, score.shape[0])
    return [k[a:b][:keep] for a, b in zip(bounds, bounds[1:])]


def _sector_codes(T) -> np.ndarray:
    """Each organisation's sector as a number (ignoring case; 0: none)."""
    sector = [(d.get("sector") or "").casefold() for d in T.attrs]
    codes = {x: c for c, x in enumerate(sorted(set(sector) - {""}), start=1)}
    return np.array([codes.get(x, 0) for x in sector], dtype=np.int64)


def method() -> str:
    """How next meetings are scored on the arrays path, in words (the report's methods line).

    >>> method()
    "Adamic–Adar estimated from each cluster's 100 strongest partners, its 20 best candidates scored exactly"
    """
    return (f"Adamic–Adar estimated from each cluster's {COMMON_PARTNERS} strongest partners, "
            f"its {SHORTLIST} best candidates scored exactly")


def next_meetings(T: nx.Graph, *, top: int = 3, max_share: float = MAX_SHARE) -> pd.DataFrame:
    """For each South-Med cluster, `top` EU organisations it should meet next, spread out.

    Parameters
    ----------
    T : the tie network
    top : how many suggestions per cluster
    max_share : the share of clusters one EU organisation is proposed to at most, while
        others fit (1 proposes each cluster its best candidates, whoever else has them)

    Returns
    -------
    DataFrame south_id, south_name, south_country, rank (from 1), eu_id, eu_name, eu_country,
    score, reason; by south_name, then rank (best score first among the suggestions made).
    Clusters with no candidate have no row.

    Examples
    --------
    >>> from medgraph.graph.knowledge import example_graph
    >>> from medgraph.graph.ties import tie_graph
    >>> T = tie_graph(example_graph())
    >>> next_meetings(T)[["south_id", "rank", "eu_id", "score"]].values.tolist()
    [['olive', 1, 'agro', 2.281574], ['qoot', 1, 'agro', 0.75], ['qoot', 2, 'solar', 0.25]]
    >>> print(next_meetings(T)["reason"][0])
    shares 2 partners (France Clusters, Technical Textile Cluster); same sector (agri-food); an EU cluster in FR; \
has met 1 South-Med cluster

    With one suggestion each, Agri Sud Cluster, the best match for both, goes to one cluster only
    (a third of two clusters, rounded up, is one) while the other has another candidate:

    >>> next_meetings(T, top=1)[["south_id", "eu_id"]].values.tolist()
    [['olive', 'agro'], ['qoot', 'solar']]
    >>> next_meetings(T, top=1, max_share=1)[["south_id", "eu_id"]].values.tolist()
    [['olive', 'agro'], ['qoot', 'agro']]
    """
    if is_arrays(T):
        options = ranked_arrays(T, keep=top + math.ceil(top / max_share) + 1, partners=COMMON_PARTNERS,
                               shortlist=SHORTLIST)
    else:
        options = {s: ranked_candidates(T, s) for s in south_clusters(T)}
    options = {s: found for s, found in options.items() if found}
    cap = max(1, math.ceil(max_share * len(options) - 1e-9))
    chosen: dict = {s: [] for s in options}
    proposed: dict = {}
    for _ in range(top):
        for s in sorted(options, key=lambda s: _round_order(T, s, options[s], chosen[s])):
            pick = _pick(options[s], chosen[s], proposed, cap)
            if pick is not None:
                chosen[s].append(pick)
                proposed[pick["eu_id"]] = proposed.get(pick["eu_id"], 0) + 1
    rows = [{"south_id": s, "south_name": name(T, s), "south_country": T.nodes[s].get("country"), "rank": rank, **r,
             "eu_country": T.nodes[r["eu_id"]].get("country"), "reason": reason(T, s, r["eu_id"])}
            for s, picks in chosen.items() for rank, r in enumerate(sorted(picks, key=found_order(options[s])), start=1)]
    rows.sort(key=lambda r: (r["south_name"], str(r["south_id"]), r["rank"]))
    return pd.DataFrame(rows, columns=COLUMNS)


def found_order(found: list[dict]):
    """A sort key putting suggestions in the order of the cluster's ranked candidates."""
    position = {r["eu_id"]: i for i, r in enumerate(found)}
    return lambda r: position[r["eu_id"]]


def _round_order(T: nx.Graph, s, found: list[dict], picked: list[dict]) -> tuple:
    """Within a round, the cluster whose best candidate left scores highest goes first."""
    best = next(iter(_left(found, picked)), None)
    return (-(best["score"] if best else 0), name(T, s), str(s))


def _pick(found: list[dict], picked: list[dict], proposed: dict, cap: int) -> dict | None:
    """The best candidate not yet picked and proposed fewer than `cap` times; else the best left."""
    left = _left(found, picked)
    first = next(left, None)
    if first is None or proposed.get(first["eu_id"], 0) < cap:
        return first
    return next((r for r in left if proposed.get(r["eu_id"], 0) < cap), first)


def _left(found: list[dict], picked: list[dict]):
    """The candidates not yet picked, best first (lazily: most calls need only the first few)."""
    taken = {r["eu_id"] for r in picked}
    return (r for r in found if r["eu_id"] not in taken)
