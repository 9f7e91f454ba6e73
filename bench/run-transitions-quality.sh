#!/usr/bin/env bash
# Transition quality against an external reference: O*NET 29.1 related occupations carried over to ESCO by the O*NET
# Resource Center's crosswalk (bench/transitions/onet-29.1/), for Klimrek's ranking and the plain IDF-cosine baseline
# in the same run; tuning half and held-out half of the origins. Writes bench/results/transitions-quality.md.
#   bench/run-transitions-quality.sh          the shipped weights (RankingWeights.Default)
#   bench/run-transitions-quality.sh tune     first searches the weights on the tuning half, then reports with them
set -euo pipefail
cd "$(dirname "$0")/.."
dir=bench/out/transitions-build
bin=bench/out/transitions-bench
mkdir -p bench/results "$dir"
dotnet build -c Release bench/Klimrek.TransitionsBench -o "$bin" >/dev/null
dotnet "$bin/Klimrek.TransitionsBench.dll" export data/esco "$dir" >/dev/null
dotnet "$bin/Klimrek.TransitionsBench.dll" quality "$dir" bench/transitions/onet-29.1 bench/results/transitions-quality.md "${1:-}"
