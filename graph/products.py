"""Products of sparse matrices read only where a mask has non-zeros: the sums over a tie's
shared neighbours that constraint, effective size and brokerage need (graph/engine.py,
graph/brokerage.py), without the product's other entries (most of them on a large network)."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from medgraph.errors import MedgraphError

__all__ = ["DOUBLE_MAX", "DENSE_MAX", "masked_product", "gram_at"]

#: Up to this many nodes the masked products run in float64 (exactly networkx's figures), float32 above.
DOUBLE_MAX = 2_000
#: Up to this many nodes `gram_at` multiplies dense matrices (n² floats: 1.6 GB at 20,000), sparse above.
DENSE_MAX = 20_000


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
    row = np.repeat(np.arange(n), np.diff(mask.indptr))
    upper = mask.indices >= row  # the diagonal and above, in CSR order
    row_up, col = row[upper], mask.indices[upper]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row_up, minlength=n))])
    if n <= DENSE_MAX:
        Yd = np.zeros(Y.shape, np.float64 if n <= DOUBLE_MAX else np.float32)
        Yd[np.repeat(np.arange(n), np.diff(Y.indptr)), Y.indices] = Y.data
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
