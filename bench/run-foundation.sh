#!/usr/bin/env bash
# Issue 2 benchmarks, each beside its peer in the same run:
#  1. ESCO import into an empty database (SQLite, PostgreSQL) vs PostgreSQL's own COPY of the same CSVs (the floor)
#  2. search p50/p99 over 1,000 varied queries through HTTP, both databases, vs pg_trgm in PostgreSQL
#  3. start to first served page with an imported database
# Needs a PostgreSQL server (PG env var, default as .ci/run starts it). Writes bench/results/foundation.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PG=${PG:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"}
export PGPASSWORD=postgres
psqlc() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
out=bench/results/foundation.md
mkdir -p bench/results bench/out
dotnet build -c Release src/Klimrek -o bench/out/app >/dev/null
dotnet build -c Release bench/Klimrek.Bench -o bench/out/bench >/dev/null
APP=bench/out/app/Klimrek.dll
ESCO=bench/out/app/data/esco
now() { date +%s.%N; }
{
echo "# Foundation benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
echo
echo "## 1. ESCO import into an empty database"
echo
echo "| what | seconds | ratio to COPY |"
echo "|---|---|---|"
} > "$out"

# Peer: COPY of the same CSV files into equivalent raw tables (one text column per CSV column).
psqlc -c "DROP DATABASE IF EXISTS bench_copy" -c "CREATE DATABASE bench_copy"
# Peer: one psql session creates every raw table and COPYs every file (bench/copy-peer.sh), in one transaction.
source bench/copy-peer.sh
script=bench/out/copy.sql
write_copy_script "$script" "$ESCO"
start=$(now)
psqlc -d bench_copy -1 -f "$script"
copy=$(echo "$(now) - $start" | bc)
echo "| PostgreSQL COPY of the same CSVs into raw text tables (peer, floor) | $(printf %.2f "$copy") | 1.00 |" >> "$out"

# Second peer line: the same COPY into keyed tables, i.e. with the keys and lookup indexes Klimrek's schema has
# (a primary key per concept URI, both directions of each relation indexed). Foreign keys cannot be declared:
# the data refers to concepts it does not contain (the quirks Klimrek reports and skips).
keyed=bench/out/copy-keyed.sql
cp "$script" "$keyed"
cat >> "$keyed" <<'SQL'
ALTER TABLE "occupations_en" ADD PRIMARY KEY ("conceptUri");
ALTER TABLE "occupations_nl" ADD PRIMARY KEY ("conceptUri");
ALTER TABLE "skills_en" ADD PRIMARY KEY ("conceptUri");
ALTER TABLE "skillgroups_en" ADD PRIMARY KEY ("conceptUri");
ALTER TABLE "skillgroups_nl" ADD PRIMARY KEY ("conceptUri");
ALTER TABLE "iscogroups_en" ADD PRIMARY KEY ("conceptUri");
ALTER TABLE "iscogroups_nl" ADD PRIMARY KEY ("conceptUri");
CREATE INDEX ON "occupationskillrelations" ("occupationUri", "skillUri");
CREATE INDEX ON "occupationskillrelations" ("skillUri");
CREATE INDEX ON "skillskillrelations" ("originalSkillUri", "relatedSkillUri");
CREATE INDEX ON "skillskillrelations" ("relatedSkillUri");
CREATE INDEX ON "broaderrelationsoccpillar" ("conceptUri");
CREATE INDEX ON "broaderrelationsoccpillar" ("broaderUri");
CREATE INDEX ON "broaderrelationsskillpillar" ("conceptUri");
CREATE INDEX ON "broaderrelationsskillpillar" ("broaderUri");
SQL
psqlc -c "DROP DATABASE IF EXISTS bench_copy" -c "CREATE DATABASE bench_copy"
start=$(now)
psqlc -d bench_copy -1 -f "$keyed"
keyedcopy=$(echo "$(now) - $start" | bc)
echo "| PostgreSQL COPY of the same CSVs into keyed and indexed tables (peer) | $(printf %.2f "$keyedcopy") | $(printf %.2f "$(echo "$keyedcopy / $copy" | bc -l)") |" >> "$out"

run_import() { # provider, label, env...
  local label=$1; shift
  local start end
  start=$(now)
  env "$@" dotnet "$APP" import esco "$ESCO" > bench/out/import.log 2>&1
  end=$(now)
  local s; s=$(echo "$end - $start" | bc)
  local inner; inner=$(grep -o 'in [0-9.,]* s' bench/out/import.log | head -1 | tr -dc '0-9.')
  echo "| $label: whole CLI run (process start, migrations, import) | $(printf %.2f "$s") | $(printf %.2f "$(echo "$s / $copy" | bc -l)") |" >> "$out"
  echo "| $label: import transaction alone | $inner | $(printf %.2f "$(echo "$inner / $copy" | bc -l)") |" >> "$out"
}
rm -rf bench/out/sqlite && mkdir -p bench/out/sqlite
run_import "Klimrek on SQLite" Klimrek__DataFolder="$PWD/bench/out/sqlite" Database__Provider=Sqlite
psqlc -c "DROP DATABASE IF EXISTS bench_klimrek" -c "CREATE DATABASE bench_klimrek"
run_import "Klimrek on PostgreSQL" Database__Provider=Postgres ConnectionStrings__Klimrek="$PG;Database=bench_klimrek"

echo >> "$out"
echo "## 2. Search through HTTP (1,000 varied queries, sequential, after 50 warm-up queries)" >> "$out"
echo >> "$out"
echo '```' >> "$out"
serve() { # port, env...
  local port=$1; shift
  env "$@" Klimrek__DemoContent=false dotnet "$APP" --urls "http://127.0.0.1:$port" > "bench/out/serve-$port.log" 2>&1 &
  for i in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/over" >/dev/null && return 0; sleep 0.1; done
  echo "server on $port did not start" >&2; return 1
}
serve 5301 Klimrek__DataFolder="$PWD/bench/out/sqlite" Database__Provider=Sqlite
echo "SQLite:" >> "$out"; dotnet bench/out/bench/Klimrek.Bench.dll search http://127.0.0.1:5301 "$ESCO" 1000 >> "$out"
serve 5302 Database__Provider=Postgres ConnectionStrings__Klimrek="$PG;Database=bench_klimrek"
echo "PostgreSQL:" >> "$out"; dotnet bench/out/bench/Klimrek.Bench.dll search http://127.0.0.1:5302 "$ESCO" 1000 >> "$out"
echo "Peer:" >> "$out"; dotnet bench/out/bench/Klimrek.Bench.dll trgm "$PG;Database=bench_klimrek" "$ESCO" 1000 >> "$out"
echo '```' >> "$out"
pkill -f "Klimrek.dll --urls http://127.0.0.1:530" || true
sleep 1

echo >> "$out"
echo "## 3. Start to first served page (imported SQLite database, Release build)" >> "$out"
echo >> "$out"
echo '```' >> "$out"
for i in 1 2 3; do dotnet bench/out/bench/Klimrek.Bench.dll startup "$APP" "$PWD/bench/out/sqlite" http://127.0.0.1:5303 >> "$out"; done
echo '```' >> "$out"
cat "$out"
