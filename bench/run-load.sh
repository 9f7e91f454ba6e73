#!/usr/bin/env bash
# Issue 9: the main pages under load, beside the app's own static CSS (the ceiling) in the same run.
# The Release app on PostgreSQL with the shipped data (ESCO and the demo beroepsbeelden), warmed up, then wrk with
# CONNECTIONS (default 64) connections for DURATION (default 10 s) against: /css/site.css (peer), the occupation
# page rotating over occupation ids (the curated demo occupations and random others), the transitions API for one
# occupation, the search API rotating over queries, and the search page rotating over the same queries.
# Needs a PostgreSQL server (PG env var, default as .ci/run starts it) and wrk. Writes bench/results/load.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PG=${PG:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"}
DB=${DB:-klimrek_load}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10}
PORT=${PORT:-5501}
export PGPASSWORD=postgres
out=bench/results/load.md
dir=bench/out/load
mkdir -p bench/results "$dir"
dotnet build -c Release src/Klimrek -o bench/out/app >/dev/null
APP=bench/out/app/Klimrek.dll
BASE="http://127.0.0.1:$PORT"

# A fresh database each run, so every run measures the same data (import and demo content happen at first start).
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
rm -rf "$dir/data" && mkdir -p "$dir/data"
# wrk sends everything from one address: the API's per-address limit (600 a minute, an abuse guard) is lifted here,
# since this measures capacity, not the guard.
env Database__Provider=Postgres ConnectionStrings__Klimrek="$PG;Database=$DB" Klimrek__DataFolder="$PWD/$dir/data" \
  Logging__LogLevel__Default=Warning Logging__LogLevel__Klimrek=Information RateLimits__Api__PermitLimit=1000000000 \
  dotnet "$APP" --urls "$BASE" > "$dir/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true' EXIT
for i in $(seq 1 900); do grep -q "Transition model built" "$dir/app.log" 2>/dev/null && break; sleep 0.2; done
grep -q "Transition model built" "$dir/app.log" || { echo "the app did not start; see $dir/app.log" >&2; exit 1; }

# Occupation ids: every curated (demo) occupation plus random others, fixed order per run (seeded).
psqlq() { psql -h 127.0.0.1 -U postgres -d "$DB" -At -c "$1"; }
curated=$(psqlq 'SELECT DISTINCT "OccupationId" FROM "ProfileRevisions" ORDER BY 1' | paste -sd, -)
random=$(psqlq 'SELECT setseed(0.42); SELECT "Id" FROM "Occupations" ORDER BY random() LIMIT 200' | grep -v '^$' | paste -sd, -)
ids="${curated:+$curated,}$random"
one=$(echo "$curated" | cut -d, -f1)
queries='"verpleegkundige","timmerman","piloot","leraar","kok","software","bakker","elektricien","monteur","arts","advocaat","lasser","kapper","accountant","schilder","chauffeur","verkoper","onderzoeker","docent","beveiliger"'

# wrk reports through Lua: requests/s, p50/p99 latency and mean response size (body and headers) as one line.
report='
done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT %.0f %.2f %.2f %.0f %d %d\n", summary.requests / s, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.bytes / math.max(summary.requests, 1),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end'
rotate() { # name, path prefix, comma list of items, path suffix; BYPASS=1 adds a query parameter unique to each request
  cat > "$dir/$1.lua" <<LUA
local items = { $3 }
local n = 0
local threads = 0
local bypass = ${BYPASS:-0}
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
request = function()
  n = n + 1
  local path = "$2" .. items[(n % #items) + 1] .. "$4"
  if bypass == 1 then
    path = path .. (string.find(path, "?", 1, true) and "&" or "?") .. "nocache=" .. tostring(tid) .. "-" .. n
  end
  return wrk.format("GET", path)
end
$report
LUA
}
echo "$report" > "$dir/plain.lua"
rotate occupation /beroepen/ "$ids" ""
rotate searchapi "/api/v1/occupations?q=" "$queries" ""
rotate searchpage "/beroepen?q=" "$queries" ""
# The same requests with the output cache bypassed (an unused parameter unique to each request): the cost of
# producing the answer from the in-memory catalogue and read models.
BYPASS=1 rotate occupation-nc /beroepen/ "$ids" ""
BYPASS=1 rotate transitions-nc "/api/v1/occupations/" "$one" "/transitions"
BYPASS=1 rotate searchapi-nc "/api/v1/occupations?q=" "$queries" ""

targets=(
  "static|plain|/css/site.css|App's own static CSS \`/css/site.css\` (peer, the ceiling)"
  "occupation|occupation||Occupation page \`/beroepen/{id}\` ($(echo "$ids" | tr ',' '\n' | wc -l) ids: the curated demo occupations and 200 random)"
  "transitions|plain|/api/v1/occupations/$one/transitions|Transitions API \`/api/v1/occupations/$one/transitions\` (default payload)"
  "transitionsfull|plain|/api/v1/occupations/$one/transitions?detail=full|Transitions API with \`?detail=full\`"
  "searchapi|searchapi||Search API \`/api/v1/occupations?q=…\` (20 queries)"
  "searchpage|searchpage||Search page \`/beroepen?q=…\` (the same 20 queries)"
  "occupation-nc|occupation-nc||Occupation page, output cache bypassed (rendered from the cached read model)"
  "transitions-nc|transitions-nc||Transitions API (default payload), output cache bypassed"
  "searchapi-nc|searchapi-nc||Search API, output cache bypassed (each query searched)"
)
for t in "${targets[@]}"; do # warm-up: every target for 3 s with fewer connections
  IFS='|' read -r name script path label <<< "$t"
  wrk -t2 -c8 -d3s -s "$dir/$script.lua" "$BASE$path" > /dev/null 2>&1 || true
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A rps
rows=()
for t in "${targets[@]}"; do
  IFS='|' read -r name script path label <<< "$t"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 10s -s "$dir/$script.lua" "$BASE$path" > "$dir/$name.txt" 2>&1
  read -r r p50 p99 size errors total < <(grep '^RESULT' "$dir/$name.txt" | cut -d' ' -f2-)
  rps[$name]=$r
  rows+=("$label|$r|$p50|$p99|$size|$errors|$total")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
echo "# Main pages under load ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m))"
echo
echo "Release build on PostgreSQL ($(psql -h 127.0.0.1 -U postgres -At -c 'SHOW server_version' | cut -d' ' -f1)) with the shipped ESCO data and demo beroepsbeelden;"
echo "wrk on the same machine, $CONNECTIONS connections, 2 threads, ${DURATION} s per line after a 3 s warm-up of every line,"
echo "all lines in one run. Size: mean bytes per response (headers and body, uncompressed). Anonymous GETs of the"
echo "atlas and transitions are output-cached per catalogue version (an import or curated change moves it, on every"
echo "instance within seconds); the last three lines bypass that cache to show the cost of answering without it."
echo "Load average before / after: $load_before / $load_after${SHARED_NOTE:+ — $SHARED_NOTE}."
echo
echo "| what | req/s | p50 ms | p99 ms | size B | errors | requests | ratio to static |"
echo "|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
  IFS='|' read -r label r p50 p99 size errors total <<< "$row"
  ratio=$(awk -v a="$r" -v b="${rps[static]}" 'BEGIN { printf "%.1f %%", 100 * a / b }')
  echo "| $label | $r | $p50 | $p99 | $size | $errors | $total | $ratio |"
done
echo
echo "Targets (issue 9): occupation page ≥ 10 % of the static file with p99 ≤ 50 ms; transitions and search API p99 ≤ 50 ms."
} > "$out"
cat "$out"
