#!/usr/bin/python3
"""SciPy peer for the transition model's build (bench/run-transitions-build.sh).

Reads the occupation x skill matrix the Klimrek bench exported (requirements.tsv: first line "occupations skills lines",
then "occupation skill essential01"), so both sides work on identical input; reading is not timed. Then times, after one
warm-up, `repeats` builds of: the CSR matrix with IDF weights w = (1.0 essential, 0.4 optional) * ln(1 + N / df(s))
(N = occupations with at least one skill, as in TransitionModel), row L2 normalisation, S = X @ X.T (sparse, SciPy's
single-threaded SMMP), the diagonal set to 0, and the top-20 per row (score > 0, best first).

The top-20 step is timed in two honest variants, each as part of the whole build:
  sparse-rows  per-row argpartition on each CSR row's stored values (a Python loop over the rows)
  dense        S.toarray() and one np.argpartition over the dense n x n array, then a sort of the 20 per row
The script reports both and names the faster (by median) as the peer figure. (A third, one vectorised lexsort of all
2.3 M stored values by (row, -score), was tried and is ~8x slower than either, so it is not timed.)

Usage: scipy_peer.py <requirements.tsv> [repeats=5]
"""
import statistics
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp

K = 20

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
with open(path) as f:
    n, m, lines = map(int, f.readline().split())
    data = np.loadtxt(f, dtype=np.int64, ndmin=2)
assert data.shape == (lines, 3), data.shape
occ = np.ascontiguousarray(data[:, 0], dtype=np.int32)
skill = np.ascontiguousarray(data[:, 1], dtype=np.int32)
essential = data[:, 2] == 1
# TransitionModel deduplicates (occupation, skill) pairs, essential winning; the export has no duplicate pair (checked
# here, untimed), so the COO->CSR conversion (which would add duplicates up) builds the same matrix.
assert np.unique(occ.astype(np.int64) * m + skill).size == lines, "duplicate (occupation, skill) pairs"


def similarity():
    """CSR with IDF weights, L2-normalised rows, S = X X^T with a zero diagonal (CSR, zeros eliminated)."""
    rel = np.where(essential, 1.0, 0.4)
    x = sp.csr_matrix((rel, (occ, skill)), shape=(n, m))
    df = np.bincount(x.indices, minlength=m)
    with_skills = max(np.count_nonzero(np.diff(x.indptr)), 1)
    idf = np.log1p(with_skills / np.maximum(df, 1))
    idf[df == 0] = 0.0
    x.data *= idf[x.indices]
    rows = np.repeat(np.arange(n, dtype=np.int32), np.diff(x.indptr))
    norms = np.sqrt(np.bincount(rows, weights=x.data * x.data, minlength=n))
    norms[norms == 0] = 1.0
    x.data /= norms[rows]
    s = (x @ x.T).tocsr()
    srows = np.repeat(np.arange(n, dtype=np.int32), np.diff(s.indptr))
    s.data[srows == s.indices] = 0.0
    s.eliminate_zeros()
    return s


def top_sparse_rows(s):
    top = []
    indptr, indices, values = s.indptr, s.indices, s.data
    for i in range(n):
        lo, hi = indptr[i], indptr[i + 1]
        vals, cols = values[lo:hi], indices[lo:hi]
        if hi - lo > K:
            idx = np.argpartition(-vals, K)[:K]
            vals, cols = vals[idx], cols[idx]
        order = np.lexsort((cols, -vals))  # score desc, index asc (TransitionModel's order)
        top.append((cols[order], vals[order]))
    return top


def top_dense(s):
    d = s.toarray()
    idx = np.argpartition(-d, K, axis=1)[:, :K]
    vals = np.take_along_axis(d, idx, axis=1)
    order = np.lexsort((idx, -vals), axis=1)
    idx = np.take_along_axis(idx, order, axis=1)
    vals = np.take_along_axis(vals, order, axis=1)
    positive = vals > 0  # rows with fewer than K related occupations: drop the zero fill
    return [(idx[i][positive[i]], vals[i][positive[i]]) for i in range(n)]


variants = {"sparse-rows": top_sparse_rows, "dense": top_dense}
print(f"scipy {scipy.__version__}, numpy {np.__version__}; matrix {n} x {m}, {lines} relations; {repeats} builds after one warm-up")
results = {}
for name, top_k in variants.items():
    top_k(similarity())  # warm-up
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        top = top_k(similarity())
        times.append(time.perf_counter() - t)
    times.sort()
    results[name] = (times[0], statistics.median(times), top)
    print(f"scipy build top-k={name}: min={times[0]:.4f} median={statistics.median(times):.4f}")

# The variants must agree (up to ties at the 20th place).
ref = results["sparse-rows"][2]
for name, (_, _, top) in results.items():
    for i in range(n):
        assert np.allclose(np.sort(top[i][1]), np.sort(ref[i][1])), (name, i)

# Phases of one build (sparse-rows variant's similarity part), for the write-up.
phase = {}
t = time.perf_counter(); s = similarity(); phase["similarity (CSR, IDF, normalise, X X^T, diagonal)"] = time.perf_counter() - t
print(f"  S: {s.nnz} stored values ({s.nnz / n / n:.1%} of {n}x{n})")
for name, top_k in variants.items():
    t = time.perf_counter(); top_k(s); phase[f"top-20 {name}"] = time.perf_counter() - t
print("  one build's phases: " + ", ".join(f"{k} {v:.4f} s" for k, v in phase.items()))

best = min(results, key=lambda k: results[k][1])
print(f"scipy peer (fastest top-k: {best}): min={results[best][0]:.4f} median={results[best][1]:.4f}")
top = results[best][2]
for o in (0, n // 3, 2 * n // 3):
    print(f"  sanity top-5 of {o}: " + " ".join(f"{c}:{v:.3f}" for c, v in zip(top[o][0][:5], top[o][1][:5])))
