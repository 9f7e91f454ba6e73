#!/usr/bin/env bash
# Issue 12, Performance: a round's results with benchmark, cold, on PostgreSQL — beside a plain SQL GROUP BY of the same
# aggregates in psql (the floor), in the same run. The database holds 100 organisations of one sector and region with
# 100,000 responses in all (30 statements each, block scores, onderstroom choices, some open answers); one organisation
# has a round of 10,000 responses over four departments of five teams. Rows are made in bulk with generate_series.
# The Release app is started fresh, HR signs in through the real form (curl), and the first request for
# GET /api/v1/organisations/{id}/scans/rounds/{round}/results is timed (cold: nothing of the results code has run), then
# the same request again (warm). Needs a PostgreSQL server (PG env var, default as .ci/run starts it), psql and curl.
# Writes bench/results/leercultuur.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PG=${PG:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"}
DB=${DB:-klimrek_leercultuur_bench}
PORT=${PORT:-5503}
BIG=${BIG:-10000}
TOTAL=${TOTAL:-100000}
ORGS=${ORGS:-100}
export PGPASSWORD=postgres
out=bench/results/leercultuur.md
dir=bench/out/leercultuur
mkdir -p bench/results "$dir"
dotnet build -c Release src/Klimrek -o bench/out/app >/dev/null
APP=bench/out/app/Klimrek.dll
BASE="http://127.0.0.1:$PORT"
ENVS=(Database__Provider=Postgres "ConnectionStrings__Klimrek=$PG;Database=$DB" "Klimrek__DataFolder=$PWD/$dir/data"
  Logging__LogLevel__Default=Warning Logging__LogLevel__Klimrek=Information Logging__LogLevel__Klimrek.Features.Leercultuur=Debug RateLimits__Api__PermitLimit=1000000000 ${EXTRA_ENV:-})
psqlq() { psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -At -c "$1"; }

app_pid=""
start_app() {
  env "${ENVS[@]}" dotnet "$APP" --urls "$BASE" > "$dir/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 900); do grep -q "Transition model built" "$dir/app-$1.log" 2>/dev/null && return 0; sleep 0.2; done
  echo "the app did not start; see $dir/app-$1.log" >&2; exit 1
}
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; app_pid=""; }
trap stop_app EXIT

PASSWORD="een lang benchwachtwoord"
# REUSE=1 keeps a database an earlier run filled (only the measurement is repeated).
if [ "${REUSE:-0}" = 1 ] && psql -h 127.0.0.1 -U postgres -d "$DB" -At -c 'SELECT 1' >/dev/null 2>&1; then
  fill_start=0 fill_end=0
else
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
rm -rf "$dir/data" && mkdir -p "$dir/data"
start_app first # migrations and the shipped data
env "${ENVS[@]}" dotnet "$APP" demo samen-leren --participants 2 --steward-email hr@bench.example --steward-password "$PASSWORD" > /dev/null
stop_app
hr_id=$(psqlq "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = 'hr@bench.example'")

fill_start=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q <<SQL
-- The instrument: revision 1 as the app stores it when it exists, else 30 statements and 6 open questions of our own.
INSERT INTO "ScanInstruments" ("Number", "CreatedAt", "Note") SELECT 1, now(), 'bench' WHERE NOT EXISTS (SELECT 1 FROM "ScanInstruments");
INSERT INTO "ScanItems" ("InstrumentId", "Key", "Block", "Kind", "Position", "TextNl", "TextEn", "MultipleChoice", "Fingerprint")
SELECT i."Id", 'b' || b || '.s' || s, b, 1, (b - 1) * 6 + s, 'Stelling ' || b || '.' || s, 'Statement ' || b || '.' || s, false, md5('s' || b || s)
FROM "ScanInstruments" i, generate_series(1, 6) b, generate_series(1, 5) s
WHERE i."Note" = 'bench' AND NOT EXISTS (SELECT 1 FROM "ScanItems" x WHERE x."InstrumentId" = i."Id");
INSERT INTO "ScanItems" ("InstrumentId", "Key", "Block", "Kind", "Position", "TextNl", "TextEn", "MultipleChoice", "Fingerprint")
SELECT i."Id", 'b' || b || '.open', b, 2, (b - 1) * 6 + 6, 'Open vraag ' || b, 'Open question ' || b, false, md5('o' || b)
FROM "ScanInstruments" i, generate_series(1, 6) b
WHERE i."Note" = 'bench' AND NOT EXISTS (SELECT 1 FROM "ScanItems" x WHERE x."InstrumentId" = i."Id" AND x."Kind" = 2);

INSERT INTO "Organisations" ("Name", "Kind", "CreatedAt", "Sector", "Region", "IsDemo")
SELECT 'Bench organisatie ' || n, 1, now(), 'zorg-welzijn', 'gelderland', false FROM generate_series(1, $ORGS) n;
CREATE TEMP TABLE orgs AS SELECT "Id", row_number() OVER (ORDER BY "Id") AS n FROM "Organisations" WHERE "Name" LIKE 'Bench organisatie %';
INSERT INTO "OrganisationMembers" ("OrganisationId", "UserId", "Role", "CreatedAt") SELECT "Id", '$hr_id', 1, now() FROM orgs WHERE n = 1;

-- The big organisation: four departments of five teams.
INSERT INTO "OrgUnits" ("OrganisationId", "ParentId", "Name", "CreatedAt") SELECT o."Id", NULL, 'Afdeling ' || d, now() FROM orgs o, generate_series(1, 4) d WHERE o.n = 1;
INSERT INTO "OrgUnits" ("OrganisationId", "ParentId", "Name", "CreatedAt")
SELECT u."OrganisationId", u."Id", u."Name" || ' team ' || t, now() FROM "OrgUnits" u JOIN orgs o ON o."Id" = u."OrganisationId" AND o.n = 1, generate_series(1, 5) t;
CREATE TEMP TABLE teams AS SELECT u."Id", row_number() OVER (ORDER BY u."Id") - 1 AS k FROM "OrgUnits" u JOIN orgs o ON o."Id" = u."OrganisationId" AND o.n = 1 WHERE u."ParentId" IS NOT NULL;

-- One closed round per organisation.
INSERT INTO "ScanRounds" ("OrganisationId", "InstrumentId", "Title", "OpensOn", "ClosesOn", "ClosedAt", "CreatedAt", "IsDemo", "Version")
SELECT o."Id", (SELECT min("Id") FROM "ScanInstruments"), 'Benchronde', current_date - 40, current_date - 10, now() - interval '10 days', now(), false, 0 FROM orgs o;
INSERT INTO "ScanRoundUnits" ("RoundId", "UnitId") SELECT r."Id", t."Id" FROM "ScanRounds" r JOIN orgs o ON o."Id" = r."OrganisationId" AND o.n = 1, teams t;
CREATE TEMP TABLE rounds AS SELECT r."Id", o.n FROM "ScanRounds" r JOIN orgs o ON o."Id" = r."OrganisationId";

-- Responses: $BIG in the big round (spread over the teams), the rest spread over the other organisations; each with a
-- tendency of its own and its organisation's, so answers hang together as real ones do.
CREATE TEMP TABLE resp AS
SELECT gen_random_uuid() AS id, r."Id" AS round, (SELECT t."Id" FROM teams t WHERE t.k = g % 20) AS unit,
       least(4.6, greatest(1.4, 2.2 + (r.n % 7) * 0.25 + (random() - 0.5) * 2)) AS tendency
FROM generate_series(1, $BIG) g JOIN rounds r ON r.n = 1
UNION ALL
SELECT gen_random_uuid(), r."Id", NULL, least(4.6, greatest(1.4, 2.2 + (r.n % 7) * 0.25 + (random() - 0.5) * 2))
FROM generate_series(1, $TOTAL - $BIG) g JOIN rounds r ON r.n = 2 + g % ($ORGS - 1);
INSERT INTO "ScanResponses" ("Id", "RoundId", "UnitId", "SubmittedOn") SELECT id, round, unit, current_date - 15 FROM resp;
CREATE TEMP TABLE statements AS SELECT "Id", "Block" FROM "ScanItems" WHERE "InstrumentId" = (SELECT min("Id") FROM "ScanInstruments") AND "Kind" = 1;
INSERT INTO "ScanAnswers" ("ResponseId", "ItemId", "Value")
SELECT r.id, s."Id", CASE WHEN random() < 0.04 THEN NULL ELSE least(5, greatest(1, round(r.tendency + (random() - 0.5) * 2)))::smallint END
FROM resp r CROSS JOIN statements s;
-- Each response's answers packed as the app stores them beside the answer records (ScanValues: position order).
UPDATE "ScanResponses" r SET "Values" = v.s
FROM (SELECT a."ResponseId", string_agg(COALESCE(a."Value"::text, '0'), '' ORDER BY i."Position") AS s
      FROM "ScanAnswers" a JOIN "ScanItems" i ON i."Id" = a."ItemId" GROUP BY a."ResponseId") v
WHERE v."ResponseId" = r."Id";
INSERT INTO "ScanBlockScores" ("ResponseId", "Block", "RoundId", "Score")
SELECT a."ResponseId", s."Block", r.round, avg(a."Value")
FROM "ScanAnswers" a JOIN statements s ON s."Id" = a."ItemId" JOIN resp r ON r.id = a."ResponseId"
GROUP BY a."ResponseId", s."Block", r.round HAVING count(a."Value") > 0 AND 2 * count(a."Value") >= count(*);
-- Open answers: one in ten respondents of the big round writes something per block.
INSERT INTO "ScanOpenAnswers" ("ResponseId", "ItemId", "Text")
SELECT r.id, i."Id", 'Wat helpt: een collega die meekijkt. Wat hindert: tijd. (' || left(r.id::text, 8) || ')'
FROM resp r JOIN rounds x ON x."Id" = r.round AND x.n = 1
CROSS JOIN "ScanItems" i WHERE i."InstrumentId" = (SELECT min("Id") FROM "ScanInstruments") AND i."Kind" = 2 AND random() < 0.1;
SQL
# As a database in use would be: statistics current and the visibility map set (index-only scans).
psql -h 127.0.0.1 -U postgres -d "$DB" -q -c 'VACUUM ANALYZE'
fill_end=$(date +%s.%N)
fi
org=$(psqlq "SELECT min(\"Id\") FROM \"Organisations\" WHERE \"Name\" LIKE 'Bench organisatie %'")
round=$(psqlq "SELECT \"Id\" FROM \"ScanRounds\" WHERE \"OrganisationId\" = $org")
counts=$(psqlq "SELECT (SELECT count(*) FROM \"ScanResponses\") || ' responses, ' || (SELECT count(*) FROM \"ScanAnswers\") || ' answers, ' || (SELECT count(*) FROM \"ScanBlockScores\") || ' block scores, ' || (SELECT count(*) FROM \"ScanOpenAnswers\") || ' open answers'")

# The floor: the same aggregates as plain SQL in psql — the big round's distribution per unit, block and answer (the
# round and every department follow by adding up), its respondents' block scores per unit, and every organisation's
# block means (GROUP BY round and block) for the benchmark.
floor_sql='\timing on
SELECT r."UnitId", i."Block", a."Value", count(*) FROM "ScanAnswers" a JOIN "ScanResponses" r ON r."Id" = a."ResponseId" JOIN "ScanItems" i ON i."Id" = a."ItemId" WHERE r."RoundId" = '$round' GROUP BY 1, 2, 3;
SELECT r."UnitId", s."Block", avg(s."Score"), count(*) FROM "ScanBlockScores" s JOIN "ScanResponses" r ON r."Id" = s."ResponseId" WHERE s."RoundId" = '$round' GROUP BY 1, 2;
SELECT s."RoundId", s."Block", avg(s."Score"), count(*) FROM "ScanBlockScores" s WHERE s."RoundId" IN (SELECT "Id" FROM "ScanRounds") GROUP BY 1, 2;'

start_app cold
jar="$dir/hr.jar"; rm -f "$jar"
token=$(curl -s -c "$jar" -b "$jar" "$BASE/account/inloggen" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=hr@bench.example" --data-urlencode "Password=$PASSWORD" --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/inloggen"
url="$BASE/api/v1/organisations/$org/scans/rounds/$round/results"
cpu() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat" 2>/dev/null || echo 0; } # the app's CPU time in clock ticks
cpu_before=$(cpu)
read -r code cold size < <(curl -s -o "$dir/results.json" -b "$jar" -w '%{http_code} %{time_total} %{size_download}\n' "$url")
[ "$code" = 200 ] || { echo "results answered $code" >&2; cat "$dir/results.json" >&2; exit 1; }
cpu_ms=$(( ($(cpu) - cpu_before) * 1000 / $(getconf CLK_TCK) ))
floor_ms=$(echo "$floor_sql" | psql -h 127.0.0.1 -U postgres -d "$DB" -q -o /dev/null 2>&1 | awk '/^Time:/ { s += $2 } END { printf "%.1f", s }')
warm=()
for _ in 1 2 3; do warm+=("$(curl -s -o /dev/null -b "$jar" -w '%{time_total}' "$url")"); done
pdf=$(curl -s -o "$dir/report.pdf" -b "$jar" -w '%{time_total}' "$BASE/api/v1/organisations/$org/scans/rounds/$round/report.pdf")
page=$(curl -s -o "$dir/page.html" -b "$jar" -w '%{time_total}' "$BASE/leercultuur/$org/rondes/$round/resultaten")
stop_app
grep -A1 "Results of round" "$dir/app-cold.log" | grep -o "Results of round.*" > "$dir/phases.txt" || true
benchmark=$(grep -o '"benchmark":{"status":"[a-z-]*","enough":[a-z]*,"organisations":[0-9]*' "$dir/results.json" || true)

ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }
cold_ms=$(ms "$cold")
ratio=$(awk -v a="$cold_ms" -v b="$floor_ms" 'BEGIN { printf "%.1f", a / b }')
{
echo "# Leercultuur: results with benchmark, cold ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m))"
echo
echo "Load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: wall times rise with it)."
echo
echo "Release build on PostgreSQL ($(psql -h 127.0.0.1 -U postgres -At -c 'SHOW server_version' | cut -d' ' -f1)). $ORGS organisations of one sector and region;"
echo "$counts (filled in $(awk -v a="$fill_start" -v b="$fill_end" 'BEGIN { printf "%.0f", b - a }') s with generate_series). One organisation's round has $BIG"
echo "responses over 4 departments of 5 teams; the others share the rest. The app is started fresh, HR signs in, and the first"
echo "request for the round's results (every shown unit, α, open answers, onderstroom, trend, benchmark against the other"
echo "$((ORGS - 1)) organisations, advice) is timed with curl; then the same aggregates as plain SQL in psql (the floor)."
echo
echo "| what | ms |"
echo "|---|---|"
echo "| \`GET …/rounds/{round}/results\`, cold (first request after start and sign-in), $size bytes | $cold_ms |"
echo "| CPU time the app spent on that cold request (independent of the machine's load) | $cpu_ms |"
echo "| plain SQL GROUP BY of the same aggregates (psql, sum of the three queries) | $floor_ms |"
echo "| ratio cold / floor | $ratio |"
echo "| the same request warm (three times) | $(ms "${warm[0]}"), $(ms "${warm[1]}"), $(ms "${warm[2]}") |"
echo "| report PDF, warm | $(ms "$pdf") |"
echo "| results page, warm | $(ms "$page") |"
echo
echo "Where the time went (the app's own log, cold request first): $(head -1 "$dir/phases.txt"); warm: $(sed -n 2p "$dir/phases.txt")."
echo
echo "Benchmark in the answer: \`${benchmark#\"benchmark\":}\`."
echo
echo "Target (issue 12): ≤ 1000 ms cold. $( [ "$cold_ms" -le 1000 ] && echo "Met." || echo "Not met." )"
} > "$out"
cat "$out"
