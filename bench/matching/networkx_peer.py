#!/usr/bin/python3
"""Peer: NetworkX max_weight_matching on the same edge list. Prints the total weight; timings on stderr."""
import sys, time
import networkx as nx
t0 = time.perf_counter()
with open(sys.argv[1]) as f:
    n, m = map(int, f.readline().split())
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for line in f:
        u, v, w = line.split()
        g.add_edge(int(u), int(v), weight=int(w))
t1 = time.perf_counter()
matching = nx.max_weight_matching(g)
t2 = time.perf_counter()
print(f"weight {sum(g[u][v]['weight'] for u, v in matching)}\npairs {len(matching)}")
print(f"read {t1 - t0:.3f} s, solved {t2 - t1:.3f} s", file=sys.stderr)
