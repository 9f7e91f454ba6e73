#!/usr/bin/env bash
# Issue 3: build of the transition model (all pairs + top-20 and route neighbours for every ESCO occupation)
# beside the SciPy peer (IDF-weighted cosine on the same occupation x skill matrix, sparse product, top-20),
# in the same run on the same input. Writes bench/results/transitions-build.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results/transitions-build.md
mkdir -p bench/results bench/out/tr
dotnet build -c Release src/Klimrek -o bench/out/app >/dev/null
dotnet build -c Release bench/Klimrek.Bench -o bench/out/bench >/dev/null
repeats=${REPEATS:-15}
klimrek=$(dotnet bench/out/bench/Klimrek.Bench.dll transitions-build bench/out/app/data/esco bench/out/tr "$repeats")
klimrek1=$(BENCH_THREADS=1 dotnet bench/out/bench/Klimrek.Bench.dll transitions-build bench/out/app/data/esco bench/out/tr "$repeats")
scipy=$(/usr/bin/python3 bench/transitions/scipy_peer.py bench/out/tr/requirements.tsv "$repeats")
k_min=$(echo "$klimrek" | grep -o 'klimrek build.*min=[0-9.]*' | grep -o '[0-9.]*$')
k_med=$(echo "$klimrek" | grep -o 'median=[0-9.]*' | head -1 | grep -o '[0-9.]*$')
k1_min=$(echo "$klimrek1" | grep -o 'klimrek build.*min=[0-9.]*' | grep -o '[0-9.]*$')
k1_med=$(echo "$klimrek1" | grep -o 'median=[0-9.]*' | head -1 | grep -o '[0-9.]*$')
peer_line=$(echo "$scipy" | grep '^scipy peer' | head -1)
s_min=$(echo "$peer_line" | grep -o 'min=[0-9.]*' | grep -o '[0-9.]*$')
s_med=$(echo "$peer_line" | grep -o 'median=[0-9.]*' | grep -o '[0-9.]*$')
{
echo "# Transition model build ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
echo
echo "Same occupation × skill matrix for both (written by the Klimrek bench from the shipped ESCO CSVs); reading it is not timed."
echo "$repeats builds each after one warm-up."
echo
echo "| what | min s | median s | ratio to SciPy (min / median) |"
echo "|---|---|---|---|"
echo "| SciPy sparse: IDF-weighted cosine, all pairs, top-20 per occupation (peer, 1 thread, its faster top-k variant) | $s_min | $s_med | 1.00 / 1.00 |"
echo "| Klimrek TransitionModel.Build: weighted coverage with partial credit, all pairs, top-20 + 60 route neighbours ($(nproc) threads) | $k_min | $k_med | $(printf %.2f "$(echo "$k_min / $s_min" | bc -l)") / $(printf %.2f "$(echo "$k_med / $s_med" | bc -l)") |"
echo "| the same, 1 thread | $k1_min | $k1_med | $(printf %.2f "$(echo "$k1_min / $s_min" | bc -l)") / $(printf %.2f "$(echo "$k1_med / $s_med" | bc -l)") |"
echo
echo '```'
echo "$klimrek"
echo "$klimrek1" | grep "klimrek build"
echo "$scipy"
echo '```'
} > "$out"
cat "$out"
