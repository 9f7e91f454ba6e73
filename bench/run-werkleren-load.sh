#!/usr/bin/env bash
# Issue 11: the werkleren pages under load, signed in, beside the app's own static CSS (the ceiling) in the same run.
# The Release app on PostgreSQL with the shipped data and the `demo werkleren` nurse; the nurse signs in through the
# real form (curl), then wrk sends her cookie with CONNECTIONS (default 64) connections for DURATION (default 10 s) to
# each page: her werkleren overview, readiness (trend), an experiment (chain timeline), her micro learning climate
# (picture), her development plan, the inbox, and — as her leidinggevende — the shared view. Signed-in pages are never
# output-cached: every request renders from the database.
# Needs a PostgreSQL server (PG env var, default as .ci/run starts it), curl and wrk. Writes bench/results/werkleren-load.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PG=${PG:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"}
DB=${DB:-klimrek_werkleren_load}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10}
PORT=${PORT:-5502}
export PGPASSWORD=postgres
out=bench/results/werkleren-load.md
dir=bench/out/werkleren-load
mkdir -p bench/results "$dir"
dotnet build -c Release src/Klimrek -o bench/out/app >/dev/null
APP=bench/out/app/Klimrek.dll
BASE="http://127.0.0.1:$PORT"
ENVS=(Database__Provider=Postgres "ConnectionStrings__Klimrek=$PG;Database=$DB" "Klimrek__DataFolder=$PWD/$dir/data"
  Logging__LogLevel__Default=Warning Logging__LogLevel__Klimrek=Information RateLimits__Api__PermitLimit=1000000000)

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
rm -rf "$dir/data" && mkdir -p "$dir/data"
env "${ENVS[@]}" dotnet "$APP" --urls "$BASE" > "$dir/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true' EXIT
for i in $(seq 1 900); do grep -q "Transition model built" "$dir/app.log" 2>/dev/null && break; sleep 0.2; done
grep -q "Transition model built" "$dir/app.log" || { echo "the app did not start; see $dir/app.log" >&2; exit 1; }

PASSWORD="een lang demowachtwoord"
demo=$(env "${ENVS[@]}" dotnet "$APP" demo werkleren --email verpleegkundige@demo.example --manager-email leidinggevende@demo.example --password "$PASSWORD" | tail -1)
experiment=$(echo "$demo" | sed -E 's/.*experiment ([0-9]+).*/\1/')
psqlq() { psql -h 127.0.0.1 -U postgres -d "$DB" -At -c "$1"; }
nurse_id=$(psqlq "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'verpleegkundige@demo.example'")
plan=$(psqlq "SELECT \"Id\" FROM \"DevelopmentPlans\" WHERE \"UserId\" = '$nurse_id' LIMIT 1")

signin() { # email → writes the cookie header line for wrk to $dir/$2.cookie
  local jar="$dir/$2.jar"
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/account/inloggen" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$1" --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/inloggen"
  awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar" > "$dir/$2.cookie"
  grep -qi "klimrek.auth" "$dir/$2.cookie" || { echo "sign-in as $1 failed" >&2; exit 1; }
}
signin verpleegkundige@demo.example nurse
signin leidinggevende@demo.example manager

report='
done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT %.0f %.2f %.2f %.0f %d %d %d\n", summary.requests / s, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.bytes / math.max(summary.requests, 1),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,
    summary.requests))
end'
as() { # name: a browser-like cookie jar (bench/browser-cookies.lua) started from the sign-in's cookies, plus the report
  { cat bench/browser-cookies.lua; echo "$report"; } > "$dir/$1.lua"
}
echo "$report" > "$dir/plain.lua"
as nurse nurse
as manager manager

targets=(
  "static|plain|/css/site.css|App's own static CSS \`/css/site.css\` (peer, the ceiling)"
  "about|nurse|/over|About page \`/over\`, signed in (no werkleren: the cost of a signed-in page as such)"
  "hub|nurse|/werkleren|Werkleren overview \`/werkleren\` (the nurse)"
  "readiness|nurse|/werkleren/bereidheid|Readiness with trend \`/werkleren/bereidheid\`"
  "experiment|nurse|/werkleren/experimenten/$experiment|Experiment with its chain \`/werkleren/experimenten/{id}\`"
  "climate|nurse|/werkleren/klimaat|Micro learning climate with picture \`/werkleren/klimaat\`"
  "plan|nurse|/werkleren/pop|Development plan \`/werkleren/pop\`"
  "inbox|nurse|/meldingen|Inbox \`/meldingen\`"
  "shared|manager|/werkleren/gedeeld/$nurse_id|Shared view as the leidinggevende \`/werkleren/gedeeld/{person}\` (access log written)"
)
for t in "${targets[@]}"; do # every page answers 200 before it is measured
  IFS='|' read -r name script path label <<< "$t"
  cookie=""
  [ "$script" != plain ] && cookie=$(cat "$dir/$script.cookie")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
  [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
  wrk -t2 -c8 -d3s -s "$dir/$script.lua" "$BASE$path" -- "$cookie" > /dev/null 2>&1 || true
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A rps
rows=()
for t in "${targets[@]}"; do
  IFS='|' read -r name script path label <<< "$t"
  cookie=""
  [ "$script" != plain ] && cookie=$(cat "$dir/$script.cookie")
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 10s -s "$dir/$script.lua" "$BASE$path" -- "$cookie" > "$dir/$name.txt" 2>&1
  read -r r p50 p99 size errors status total < <(grep '^RESULT' "$dir/$name.txt" | cut -d' ' -f2-)
  rps[$name]=$r
  rows+=("$label|$r|$p50|$p99|$size|$errors|$status|$total")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
echo "# Werkleren pages under load, signed in ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m))"
echo
echo "Release build on PostgreSQL ($(psql -h 127.0.0.1 -U postgres -At -c 'SHOW server_version' | cut -d' ' -f1)) with the shipped ESCO data and"
echo "\`demo werkleren\` (a nurse with drivers, two linked experiments, a circle of four, check-ins and a plan). Each page is"
echo "requested with the nurse's (or her leidinggevende's) session cookie, so nothing comes from the output cache: every"
echo "request checks the session, renders from the database and, for the shared view, writes to the access log (once an"
echo "hour per item). wrk on the same machine, $CONNECTIONS connections, 2 threads, ${DURATION} s per line after a 3 s warm-up,"
echo "all lines in one run. Non-2xx: responses that were not 2xx/3xx (there should be none)."
echo "Load average before / after: $load_before / $load_after."
echo
echo "| what | req/s | p50 ms | p99 ms | size B | errors | non-2xx | requests | ratio to static |"
echo "|---|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
  IFS='|' read -r label r p50 p99 size errors status total <<< "$row"
  ratio=$(awk -v a="$r" -v b="${rps[static]}" 'BEGIN { printf "%.1f %%", 100 * a / b }')
  echo "| $label | $r | $p50 | $p99 | $size | $errors | $status | $total | $ratio |"
done
echo
echo "Target (the brief: no page may take a second under load): every page's p99 below 1 s at $CONNECTIONS connections, on"
echo "$(nproc) cores that the app shares with PostgreSQL and wrk. wrk keeps the cookies the app renews, as a browser does"
echo "(bench/browser-cookies.lua). With $CONNECTIONS connections that never pause, the p50 is about $CONNECTIONS / throughput (Little's"
echo "law): it shows capacity, not what one person waits for."
} > "$out"
cat "$out"
