#!/usr/bin/python3
"""Random sparse graph for the matching benchmark: n vertices, about `degree` neighbours each (m = n*degree/2
distinct edges), integer weights 1..max_weight (default 1000), fixed seed. Writes the edge-list format: 'n m', then
'u v w' lines. Usage: gen_graph.py n degree seed out [max_weight]"""
import random, sys
n, degree, seed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
max_weight = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
rng = random.Random(seed)
m = n * degree // 2
seen = set()
edges = []
while len(edges) < m:
    u, v = rng.randrange(n), rng.randrange(n)
    if u == v: continue
    key = (u, v) if u < v else (v, u)
    if key in seen: continue
    seen.add(key)
    edges.append((u, v, rng.randint(1, max_weight)))
with open(out, "w") as f:
    f.write(f"{n} {len(edges)}\n")
    f.write("".join(f"{u} {v} {w}\n" for u, v, w in edges))
