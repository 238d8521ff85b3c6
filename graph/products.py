"""Products of sparse matrices read only where a mask has non-zeros: the sums over a tie's
shared neighbours that constraint, effective size and brokerage need (graph/engine.py,
graph/brokerage.py), without the product's other entries (most of them on a large network).

`through_events` does it for a tie network made from an organisation–event incidence B: its
weights are B·S·Bᵀ off the diagonal (S each event's weight) plus a few explicit links E, so
W·M⁻¹·W goes through the events (B·X·Bᵀ with X = S·Bᵀ·M⁻¹·B·S, events × events) instead of
through the organisations: at M (5,000 organisations, 500 events) about 10⁸ operations
instead of the 6·10¹⁰ of the symmetric product `gram_at` needs."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from medgraph.errors import MedgraphError

__all__ = ["DOUBLE_MAX", "DENSE_MAX", "EVENTS_MAX", "masked_product", "gram_at", "through_events", "stored_at",
           "two_step_at", "entry_rows"]

#: Up to this many nodes the masked products run in float64 (exactly networkx's figures), float32 above.
DOUBLE_MAX = 2_000
#: Up to this many nodes `gram_at` multiplies dense matrices (n² floats: 1.6 GB at 20,000), sparse above.
DENSE_MAX = 20_000
#: Up to this many events `through_events` holds X (events × events floats: 200 MB at 5,000).
EVENTS_MAX = 5_000


def masked_product(X: sp.csr_matrix, Y: sp.csr_matrix, mask: sp.csr_matrix, rows: int = 512) -> np.ndarray:
    """The entries of X @ Y at the non-zeros of `mask` (CSR order), row block by row block, as
    dense BLAS products while Y fits (float32 above `DOUBLE_MAX` rows: half the time).

    >>> X = sp.csr_matrix(np.array([[0, 1.0], [1.0, 0]]))
    >>> masked_product(X, X, sp.csr_matrix(np.eye(2))).tolist()
    [1.0, 1.0]
    """
    out = np.empty(mask.nnz)
    dtype = np.float64 if max(X.shape) <= DOUBLE_MAX else np.float32
    Yd = Y.toarray().astype(dtype, copy=False) if Y.shape[0] * Y.shape[1] <= 100_000_000 else None
    for start in range(0, X.shape[0], rows):
        stop = min(start + rows, X.shape[0])
        lo, hi = mask.indptr[start], mask.indptr[stop]
        if lo == hi:
            continue
        block = X[start:stop].toarray().astype(dtype, copy=False) @ Yd if Yd is not None else (X[start:stop] @ Y).toarray()
        local = np.repeat(np.arange(stop - start), np.diff(mask.indptr[start:stop + 1]))
        out[lo:hi] = np.asarray(block)[local, mask.indices[lo:hi]]
    return out


def gram_at(Y: sp.csr_matrix, mask: sp.csr_matrix, rows: int = 512) -> np.ndarray:
    """The entries of Y @ Y.T at the non-zeros of the symmetric `mask` (CSR order, sorted): each
    block of rows times the rows from its own on (half a full product's work), dense BLAS up to
    `DENSE_MAX` rows (float32 above `DOUBLE_MAX`), else sparse; below the diagonal, the mirror.

    >>> gram_at(sp.csr_matrix(np.array([[1.0, 2.0], [3.0, 4.0]])), sp.csr_matrix(np.ones((2, 2)))).tolist()
    [5.0, 11.0, 11.0, 25.0]
    """
    n, Y = Y.shape[0], sp.csr_matrix(Y)
    row = entry_rows(mask)
    upper = mask.indices >= row  # the diagonal and above, in CSR order
    row_up, col = row[upper], mask.indices[upper]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row_up, minlength=n))])
    if n <= DENSE_MAX:
        Yd = np.zeros(Y.shape, np.float64 if n <= DOUBLE_MAX else np.float32)
        Yd[entry_rows(Y), Y.indices] = Y.data
    else:
        Yd = Y.tocsr()
    values = np.empty(len(col))
    for start in range(0, n, rows):
        lo, hi = indptr[start], indptr[min(start + rows, n)]
        if lo < hi:
            block = Yd[start:start + rows] @ Yd[start:].T
            block = block.toarray() if sp.issparse(block) else block
            values[lo:hi] = block[row_up[lo:hi] - start, col[lo:hi] - start]
    strict = col > row_up
    if strict.sum() != (~upper).sum():
        raise MedgraphError("gram_at: the mask is not symmetric")
    out = np.empty(mask.nnz)
    out[upper] = values
    out[~upper] = values[strict][np.argsort(col[strict], kind="stable")]  # (j, i) in the order of (i, j)
    return out


def through_events(W: sp.csr_matrix, B: sp.csr_matrix, scale: np.ndarray, middle: np.ndarray,
                   explicit: np.ndarray | None = None, rows: int = 512) -> np.ndarray:
    """(W·M⁻¹·W)_ij at the stored entries of W (CSR order, sorted), M = diag(middle) (a zero
    middle counts as no path), for W = B·S·Bᵀ off its diagonal plus explicit links E (S =
    diag(scale); E is what W holds beyond B·S·Bᵀ at the entries `explicit`: their positions in
    W.data, every entry when None). With G = B·S·Bᵀ, R its diagonal and ρ = R·M⁻¹, at a tie
    i–j (i ≠ j):

        (W M⁻¹ W)_ij = (B X Bᵀ)_ij − W_ij (ρ_i + ρ_j) + C_ij,   X = S Bᵀ M⁻¹ B S,
        C = W M⁻¹ E + E M⁻¹ W − E M⁻¹ E + ρE + Eρ

    each block of `rows` organisations as one sparse-times-dense product (B times the block's
    rows of B·X), float64.

    >>> B = sp.csr_matrix(np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]))
    >>> W = sp.csr_matrix(np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]))
    >>> through_events(W, B, np.ones(2), np.ones(3)).tolist() == (W @ W)[W.nonzero()].tolist()[0]
    True
    """
    n = W.shape[0]
    by = np.divide(1.0, middle, out=np.zeros(n), where=middle != 0)
    inv, Bs = sp.diags(by), (B @ sp.diags(scale)).tocsr()
    row = entry_rows(W)
    at = np.arange(W.nnz) if explicit is None else np.asarray(explicit, dtype=np.int64)
    beyond = W.data[at] - np.asarray(Bs[row[at]].multiply(B[W.indices[at]]).sum(axis=1)).ravel()
    keep = np.abs(beyond) > 1e-9 * np.abs(W.data[at])  # rounding aside
    E = sp.csr_matrix((beyond[keep], (row[at][keep], W.indices[at][keep])), shape=W.shape)
    rho = np.asarray(Bs.multiply(B).sum(axis=1)).ravel() * by
    WE = W @ inv @ E
    C = (WE + WE.T - E @ inv @ E + sp.diags(rho) @ E + E @ sp.diags(rho)).tocsr()
    X = (Bs.T @ inv @ Bs).toarray()
    out = _read_at(W, lambda block: B @ (B[block] @ X).T + C[block].toarray().T, rows)
    return out - W.data * (rho[row] + rho[W.indices])


def _read_at(W: sp.csr_matrix, columns, rows: int) -> np.ndarray:
    """The entries at W's stored (i, j), CSR order, of a matrix given `rows` columns at a time:
    `columns(block)` is its columns of the slice `block` (n × block, dense)."""
    n, out = W.shape[0], np.empty(W.nnz)
    row = entry_rows(W)
    for start in range(0, n, rows):
        lo, hi = W.indptr[start], W.indptr[min(start + rows, n)]
        if lo < hi:
            out[lo:hi] = np.asarray(columns(slice(start, start + rows)))[W.indices[lo:hi], row[lo:hi] - start]
    return out


def stored_at(W: sp.csr_matrix, pairs: np.ndarray) -> np.ndarray:
    """Where the (row, column) `pairs` are stored in a CSR matrix with sorted indices (positions
    in W.data, once each; pairs not stored left out).

    >>> stored_at(sp.csr_matrix(np.array([[0, 1, 2], [1, 0, 0], [2, 0, 0]])), np.array([[0, 2], [1, 2], [2, 0]])).tolist()
    [1, 3]
    """
    found = set()
    for i, j in pairs.tolist():
        lo, hi = W.indptr[i], W.indptr[i + 1]
        at = lo + int(np.searchsorted(W.indices[lo:hi], j))
        if at < hi and W.indices[at] == j:
            found.add(at)
    return np.array(sorted(found), dtype=np.int64)


def two_step_at(W: sp.spmatrix, strength: np.ndarray, middle: np.ndarray,
                incidence: tuple | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per tie i–j of the symmetric weights W in CSR order: i, p_ij = w_ij / S_i and
    (W D⁻¹ W)_ij / S_i, S the strengths and D the diagonal `middle`: through the events of an
    organisation–event `incidence` (B, event scale, explicit pairs) when given, else from the
    symmetric product of W D^-1/2 with itself."""
    W = W.tocsr()
    W.sort_indices()
    rows = entry_rows(W)
    by_strength = np.divide(1.0, strength, out=np.zeros(len(strength)), where=strength != 0)[rows]
    if incidence is not None:
        B, scale, pairs = incidence
        explicit = stored_at(W, np.concatenate([pairs, pairs[:, ::-1]]))
        return rows, W.data * by_strength, through_events(W, B, scale, middle, explicit) * by_strength
    scale = np.sqrt(np.divide(1.0, middle, out=np.zeros(len(middle)), where=middle != 0))
    return rows, W.data * by_strength, gram_at(W @ sp.diags(scale), W) * by_strength


def entry_rows(M: sp.csr_matrix) -> np.ndarray:
    """The row of each stored entry of a CSR matrix, in storage order.

    >>> entry_rows(sp.csr_matrix(np.array([[0, 1, 2], [0, 0, 0], [3, 0, 0]]))).tolist()
    [0, 0, 2]
    """
    return np.repeat(np.arange(M.shape[0]), np.diff(M.indptr))
