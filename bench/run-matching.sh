#!/usr/bin/env bash
# Issue 4: the matching verb (`Klimrek match <edge-list>`) beside LEMON's MaxWeightedMatching (C++) and NetworkX's
# max_weight_matching on identical random sparse graphs (about 20 neighbours per vertex, weights 1..1000).
# Total weights must equal LEMON's. Each program gets at most TIMEOUT seconds (default 600) per graph.
# A second table (TIES=0 to skip) runs LEMON and Klimrek on graphs with many equal weights (1..3, and all equal), where
# the order of simultaneous dual events decides the running time.
# Usage: bench/run-matching.sh [sizes...]  (default: 1000 10000 100000). Writes bench/results/matching.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
[ $# -eq 0 ] && sizes=(1000 10000 100000)
TIMEOUT=${TIMEOUT:-600}
NX_TIMEOUT=${NX_TIMEOUT:-$TIMEOUT}   # NetworkX's own cap (it is pure Python and by far the slowest)
NX_MAX_N=${NX_MAX_N:-100000}        # larger graphs are not given to NetworkX (reported as such)
TIES=${TIES:-1}
out=bench/results/matching.md
mkdir -p bench/results bench/out/match
dotnet build -c Release src/Klimrek -o bench/out/app >/dev/null
g++ -O2 -o bench/out/lemon_peer bench/matching/lemon_peer.cpp -llemon
solve_time() { grep -o 'solved [0-9.]*' "$1" | grep -o '[0-9.]*$' || echo "-"; }
{
echo "# Maximum-weight matching ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
echo
echo "Random sparse graphs, about 20 neighbours per vertex, weights 1..1000 (bench/matching/gen_graph.py, seed = n)."
echo "Solve time only (reading the file excluded); LEMON and Klimrek at most ${TIMEOUT} s, NetworkX at most ${NX_TIMEOUT} s."
echo
echo "| vertices | edges | LEMON weight | Klimrek weight | equal | LEMON s | Klimrek s | ratio | NetworkX s |"
echo "|---|---|---|---|---|---|---|---|---|"
} > "$out"
for n in "${sizes[@]}"; do
  g=bench/out/match/g$n.txt
  [ -f "$g" ] || /usr/bin/python3 bench/matching/gen_graph.py "$n" 20 "$n" "$g"
  m=$(head -1 "$g" | cut -d' ' -f2)
  timeout "$TIMEOUT" bench/out/lemon_peer "$g" > bench/out/match/lemon.out 2> bench/out/match/lemon.err || echo "timeout" > bench/out/match/lemon.err
  timeout "$TIMEOUT" dotnet bench/out/app/Klimrek.dll match "$g" > bench/out/match/klimrek.out 2> bench/out/match/klimrek.err || echo "timeout" > bench/out/match/klimrek.err
  if [ "$n" -le "$NX_MAX_N" ]; then
    timeout "$NX_TIMEOUT" /usr/bin/python3 bench/matching/networkx_peer.py "$g" > bench/out/match/nx.out 2> bench/out/match/nx.err || echo "timeout" > bench/out/match/nx.err
  else echo "skipped" > bench/out/match/nx.err; fi
  lw=$(grep -o '^weight [0-9]*' bench/out/match/lemon.out | cut -d' ' -f2 || true)
  kw=$(grep -o '^weight [0-9]*' bench/out/match/klimrek.out | cut -d' ' -f2 || true)
  lt=$(solve_time bench/out/match/lemon.err); kt=$(solve_time bench/out/match/klimrek.err); nt=$(solve_time bench/out/match/nx.err)
  grep -q timeout bench/out/match/klimrek.err && kt="> $TIMEOUT"
  grep -q timeout bench/out/match/nx.err && nt="> $NX_TIMEOUT (timeout)"
  grep -q skipped bench/out/match/nx.err && nt="not run (NX_MAX_N=$NX_MAX_N)"
  eq=$([ -n "$lw" ] && [ "$lw" = "$kw" ] && echo yes || echo NO)
  ratio=$( [[ "$kt" =~ ^[0-9.]+$ && "$lt" =~ ^[0-9.]+$ ]] && printf %.1f "$(echo "$kt / $lt" | bc -l)" || echo "-")
  echo "| $n | $m | ${lw:--} | ${kw:--} | $eq | $lt | $kt | $ratio | $nt |" >> "$out"
done
if [ "$TIES" = 1 ]; then
{
echo
echo "Many equal weights (same generator, seed = n; LEMON and Klimrek only):"
echo
echo "| vertices | weights | LEMON weight | Klimrek weight | equal | LEMON s | Klimrek s | ratio |"
echo "|---|---|---|---|---|---|---|---|"
} >> "$out"
for n in 10000 100000; do
  for maxw in 3 1; do
    g=bench/out/match/g$n-w$maxw.txt
    [ -f "$g" ] || /usr/bin/python3 bench/matching/gen_graph.py "$n" 20 "$n" "$g" "$maxw"
    timeout "$TIMEOUT" bench/out/lemon_peer "$g" > bench/out/match/lemon.out 2> bench/out/match/lemon.err || echo "timeout" > bench/out/match/lemon.err
    timeout "$TIMEOUT" dotnet bench/out/app/Klimrek.dll match "$g" > bench/out/match/klimrek.out 2> bench/out/match/klimrek.err || echo "timeout" > bench/out/match/klimrek.err
    lw=$(grep -o '^weight [0-9]*' bench/out/match/lemon.out | cut -d' ' -f2 || true)
    kw=$(grep -o '^weight [0-9]*' bench/out/match/klimrek.out | cut -d' ' -f2 || true)
    lt=$(solve_time bench/out/match/lemon.err); kt=$(solve_time bench/out/match/klimrek.err)
    grep -q timeout bench/out/match/klimrek.err && kt="> $TIMEOUT"
    eq=$([ -n "$lw" ] && [ "$lw" = "$kw" ] && echo yes || echo NO)
    ratio=$( [[ "$kt" =~ ^[0-9.]+$ && "$lt" =~ ^[0-9.]+$ ]] && printf %.1f "$(echo "$kt / $lt" | bc -l)" || echo "-")
    label=$([ "$maxw" = 1 ] && echo "all equal" || echo "1..$maxw")
    echo "| $n | $label | ${lw:--} | ${kw:--} | $eq | $lt | $kt | $ratio |" >> "$out"
  done
done
fi
cat "$out"
