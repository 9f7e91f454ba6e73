#!/usr/bin/env bash
# The ESCO import beside PostgreSQL's own COPY of the same CSV files (the floor), REPEATS times each (default 3),
# alternating, medians reported: the part of bench/run-foundation.sh that issue 9 asks to bring to <= 2x COPY.
# Needs a PostgreSQL server (PG env var, default as .ci/run starts it). Writes bench/results/import.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PG=${PG:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"}
REPEATS=${REPEATS:-3}
export PGPASSWORD=postgres
psqlc() { psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
out=bench/results/import.md
dir=bench/out/import
mkdir -p bench/results "$dir"
dotnet build -c Release src/Klimrek -o bench/out/app >/dev/null
APP=bench/out/app/Klimrek.dll
ESCO=bench/out/app/data/esco
now() { date +%s.%N; }
# The importer's own log line: "… relations in 1234 ms" (reading, validating and writing, in seconds here).
inner_ms() { tr -d '\n' < "$1" | grep -o 'relations in [0-9]* ms' | head -1 | tr -dc '0-9' | awk '{ printf "%.2f\n", $1 / 1000 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Peer: one psql session creates every raw table and COPYs every file (bench/copy-peer.sh), in one transaction.
source bench/copy-peer.sh
script=$dir/copy.sql
write_copy_script "$script" "$ESCO"

: > "$dir/copy.txt"; : > "$dir/whole.txt"; : > "$dir/inner.txt"; : > "$dir/sqlite-inner.txt"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq 1 "$REPEATS"); do
  psqlc -c "DROP DATABASE IF EXISTS bench_copy" -c "CREATE DATABASE bench_copy"
  start=$(now); psqlc -d bench_copy -1 -f "$script"; echo "$(now) - $start" | bc >> "$dir/copy.txt"

  psqlc -c "DROP DATABASE IF EXISTS bench_klimrek" -c "CREATE DATABASE bench_klimrek"
  env Database__Provider=Postgres ConnectionStrings__Klimrek="$PG;Database=bench_klimrek" dotnet "$APP" migrate > /dev/null 2>&1
  start=$(now)
  env Database__Provider=Postgres ConnectionStrings__Klimrek="$PG;Database=bench_klimrek" dotnet "$APP" import esco "$ESCO" > "$dir/import.log" 2>&1
  echo "$(now) - $start" | bc >> "$dir/whole.txt"
  inner_ms "$dir/import.log" >> "$dir/inner.txt"

  rm -rf "$dir/sqlite" && mkdir -p "$dir/sqlite"
  env Klimrek__DataFolder="$PWD/$dir/sqlite" Database__Provider=Sqlite dotnet "$APP" import esco "$ESCO" > "$dir/import-sqlite.log" 2>&1
  inner_ms "$dir/import-sqlite.log" >> "$dir/sqlite-inner.txt"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
# The importer's stage line of the last run on each database ("ESCO import stages: Bestanden gelezen 512 ms, …").
stages() { tr -d '\n' < "$1" | grep -o 'ESCO import stages: [^.]* ms' | head -1 | sed 's/ESCO import stages: //; s/info:.*//'; }
pg_stages=$(stages "$dir/import.log"); sqlite_stages=$(stages "$dir/import-sqlite.log")
f2() { xargs printf '%.2f '; }
copy=$(median < "$dir/copy.txt" | f2); whole=$(median < "$dir/whole.txt" | f2); inner=$(median < "$dir/inner.txt" | f2); sqlite=$(median < "$dir/sqlite-inner.txt" | f2)
ratio() { awk -v a="$1" -v b="$copy" 'BEGIN { printf "%.2f", a / b }'; }
{
echo "# ESCO import beside PostgreSQL COPY ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m))"
echo
echo "The shipped ESCO pack (nl + en, gzip-compressed CSV). Median of $REPEATS runs each, alternating; PostgreSQL $(psql -h 127.0.0.1 -U postgres -At -c 'SHOW server_version' | cut -d' ' -f1)."
echo "Load average before / after: $load_before / $load_after${SHARED_NOTE:+ — $SHARED_NOTE}."
echo
echo "| what | seconds (median) | runs | ratio to COPY |"
echo "|---|---|---|---|"
echo "| PostgreSQL COPY of the same CSVs into raw text tables, one psql session, one transaction (peer, the floor) | $copy | $(f2 < "$dir/copy.txt") | 1.00 |"
echo "| Klimrek on PostgreSQL, the import alone (reading, validating, writing; one transaction) | $inner | $(f2 < "$dir/inner.txt") | $(ratio "$inner") |"
echo "| Klimrek on PostgreSQL, the whole CLI run (process start, import; migrations done beforehand) | $whole | $(f2 < "$dir/whole.txt") | $(ratio "$whole") |"
echo "| Klimrek on SQLite, the import alone (for reference) | $sqlite | $(f2 < "$dir/sqlite-inner.txt") | $(ratio "$sqlite") |"
echo
echo "Stages of the last run (the importer's log; each from the end of the one before): PostgreSQL: $pg_stages."
echo "SQLite: $sqlite_stages."
echo
echo "Klimrek's import does more than the peer: it validates every row, upserts concepts by URI (ids stay stable for"
echo "curated content), resolves URIs to ids, merges collections and languages, and leaves keyed, indexed tables with"
echo "foreign keys; it checks each gzip file against its CRC-32 and length and the text as strict UTF-8 (the peer's zcat"
echo "checks the CRC too; PostgreSQL checks the encoding). Target (issue 9): the import alone ≤ 2× the COPY. The app runs"
echo "as it ships (dotnet build, JIT, no ReadyToRun): a fresh CLI process compiles about 13,000 methods, 1,600 of them for the import."
} > "$out"
cat "$out"
