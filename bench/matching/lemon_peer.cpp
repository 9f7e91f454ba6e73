// Peer: LEMON's MaxWeightedMatching on the same edge list. Prints the total weight (and timings on stderr).
#include <lemon/list_graph.h>
#include <lemon/matching.h>
#include <chrono>
#include <cstdio>
#include <vector>
int main(int argc, char** argv) {
    if (argc < 2) { std::fprintf(stderr, "usage: lemon_peer <edge-list>\n"); return 2; }
    auto t0 = std::chrono::steady_clock::now();
    FILE* f = std::fopen(argv[1], "r");
    if (!f) { std::perror(argv[1]); return 2; }
    int n; long long m;
    if (std::fscanf(f, "%d %lld", &n, &m) != 2) return 2;
    lemon::ListGraph g;
    g.reserveNode(n); g.reserveEdge(m);
    std::vector<lemon::ListGraph::Node> nodes(n);
    for (int i = 0; i < n; i++) nodes[i] = g.addNode();
    lemon::ListGraph::EdgeMap<long long> weight(g);
    for (long long i = 0; i < m; i++) {
        int u, v; long long w;
        if (std::fscanf(f, "%d %d %lld", &u, &v, &w) != 3) return 2;
        weight[g.addEdge(nodes[u], nodes[v])] = w;
    }
    std::fclose(f);
    auto t1 = std::chrono::steady_clock::now();
    lemon::MaxWeightedMatching<lemon::ListGraph, lemon::ListGraph::EdgeMap<long long>> mwm(g, weight);
    mwm.run();
    auto t2 = std::chrono::steady_clock::now();
    std::printf("weight %lld\npairs %d\n", (long long)mwm.matchingWeight(), mwm.matchingSize());
    std::fprintf(stderr, "read %.3f s, solved %.3f s\n",
        std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count());
    return 0;
}
