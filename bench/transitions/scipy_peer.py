#!/usr/bin/python3
"""Peer for the transition model's build: IDF-weighted cosine similarity between all ESCO occupations
with SciPy sparse matrices, plus the top-20 most similar occupations of each (self excluded).

Reads the occupation x skill matrix Klimrek's bench wrote (requirements.tsv: first line "n m relations",
then "occupation skill essential01"), so both work on identical input. Reading is not timed.
Weights: (1.0 essential, 0.4 optional) * ln(1 + N / df), as Klimrek's requirement weights.
"""
import sys, time
import numpy as np
import scipy.sparse as sp

path, repeats = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
with open(path) as f:
    n, m, _ = map(int, f.readline().split())
    data = np.loadtxt(f, dtype=np.int64).reshape(-1, 3)
occ, skill, essential = data[:, 0], data[:, 1], data[:, 2]

def build():
    rel = np.where(essential == 1, 1.0, 0.4)
    x = sp.csr_matrix((rel, (occ, skill)), shape=(n, m))
    x.sum_duplicates()
    df = np.bincount(x.indices, minlength=m)
    with_skills = np.count_nonzero(np.diff(x.indptr))
    idf = np.where(df > 0, np.log1p(with_skills / np.maximum(df, 1)), 0.0)
    x = x @ sp.diags(idf)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sp.diags(1.0 / norms) @ x
    s = (x @ x.T).tocsr()
    s.setdiag(0)
    s.eliminate_zeros()
    # Top-20 per row on the sparse rows (argpartition of each row's stored values).
    top = []
    for i in range(n):
        lo, hi = s.indptr[i], s.indptr[i + 1]
        vals, cols = s.data[lo:hi], s.indices[lo:hi]
        if len(vals) > 20:
            idx = np.argpartition(-vals, 20)[:20]
            vals, cols = vals[idx], cols[idx]
        order = np.argsort(-vals, kind="stable")
        top.append(cols[order])
    return top

build()  # warm-up
times = []
for _ in range(repeats):
    t = time.perf_counter()
    top = build()
    times.append(time.perf_counter() - t)
times.sort()
print(f"scipy build (idf-weighted cosine, all pairs, top-20 per occupation, 1 thread): min={times[0]:.3f} s median={times[len(times)//2]:.3f} s")
print("  sanity top-5 of 0: " + " ".join(map(str, top[0][:5])))
