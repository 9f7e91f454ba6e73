#!/usr/bin/env bash
# Issue 4, end to end: matching a 2,000-participant programme from its intakes (target <= 5 s), through HTTP on
# SQLite and PostgreSQL: POST /api/v1/programmes/{id}/matching loads the intakes, scores the pairs, finds the
# optimal duos and stores them. The programme is seeded with `Klimrek demo samen-leren` (real ESCO skills).
# Needs a PostgreSQL server (PG env var, default as .ci/run starts it). Writes bench/results/samenleren.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-2000}
source bench/lib.sh
out=bench/results/samenleren.md
{
echo "# Samen leren: end-to-end matching ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
echo
echo "$N participants with complete intakes (3–8 skills brought, 2–5 to develop from 300 real ESCO skills, 1–3 qualities,"
echo "1–3 topics, 2–5 half-days, 12 departments × 5 teams, not within a team, 5 % with their manager taking part)."
echo "Each run: POST /matching through HTTP — load the intakes, score, optimal duos, store them (replacing the previous run's)."
echo
} > "$out"
run_one() { # name port folder env...
  local name=$1 port=$2; shift 2
  serve "$port" "bench/out/sl-$name.log" "$@"
  local id
  id=$(env "$@" dotnet "$APP" demo samen-leren --participants "$N" --steward-email "bench-$name@example.org" --steward-password "correct horse battery" --seed 7 | tail -1)
  echo '```' >> "$out"; echo "$name:" >> "$out"
  dotnet bench/out/bench/Klimrek.Bench.dll samenleren "http://127.0.0.1:$port" "bench-$name@example.org" "correct horse battery" "$id" 5 >> "$out"
  echo '```' >> "$out"
  pkill -f "127.0.0.1:$port" || true
  sleep 1
}
rm -rf bench/out/sl-sqlite && mkdir -p bench/out/sl-sqlite
run_one SQLite 5411 Klimrek__DataFolder="$PWD/bench/out/sl-sqlite" Database__Provider=Sqlite Klimrek__DemoContent=false
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS klimrek_bench_sl" >/dev/null
run_one PostgreSQL 5412 Klimrek__DataFolder="$PWD/bench/out/sl-pg" Database__Provider=Postgres "ConnectionStrings__Klimrek=$PG;Database=klimrek_bench_sl" Klimrek__DemoContent=false
cat "$out"
