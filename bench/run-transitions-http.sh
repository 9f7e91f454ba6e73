#!/usr/bin/env bash
# Issue 3, through HTTP on both databases: top-20 transitions for an occupation and for a 60-skill profile
# (target p99 <= 20 ms), path queries (target p99 <= 100 ms), and the cached model's memory (from the app's log).
# Needs a PostgreSQL server (PG env var, default as .ci/run starts it). Writes bench/results/transitions-http.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
out=bench/results/transitions-http.md
{
echo "# Transitions through HTTP ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
echo
echo "1,000 requests each, sequential, after 50 warm-up requests; random occupations (seed 42)."
echo
} > "$out"
rm -rf bench/out/tr-sqlite && mkdir -p bench/out/tr-sqlite
serve 5401 bench/out/tr-sqlite.log Klimrek__DataFolder="$PWD/bench/out/tr-sqlite" Database__Provider=Sqlite Klimrek__DemoContent=false Logging__LogLevel__Default=Warning Logging__LogLevel__Klimrek=Information RateLimits__Api__PermitLimit=1000000000
echo '```' >> "$out"; echo "SQLite:" >> "$out"
dotnet bench/out/bench/Klimrek.Bench.dll transitions http://127.0.0.1:5401 1000 >> "$out"
grep -o "Transition model built.*" bench/out/tr-sqlite.log | head -1 >> "$out"
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS bench_transitions" -c "CREATE DATABASE bench_transitions"
serve 5402 bench/out/tr-pg.log Database__Provider=Postgres ConnectionStrings__Klimrek="$PG;Database=bench_transitions" Klimrek__DemoContent=false Logging__LogLevel__Default=Warning Logging__LogLevel__Klimrek=Information RateLimits__Api__PermitLimit=1000000000
echo "PostgreSQL:" >> "$out"
dotnet bench/out/bench/Klimrek.Bench.dll transitions http://127.0.0.1:5402 1000 >> "$out"
grep -o "Transition model built.*" bench/out/tr-pg.log | head -1 >> "$out"
echo '```' >> "$out"
pkill -f "Klimrek.dll --urls http://127.0.0.1:540" || true
cat "$out"
