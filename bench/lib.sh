# Shared by the bench/run-*.sh scripts: the PostgreSQL connection, a Release build of the app and the bench client,
# and serve() to start the app and wait until its transition model is built. Source it after `cd` to the repo root.
PG=${PG:-"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"}
export PGPASSWORD=postgres
mkdir -p bench/results bench/out
dotnet build -c Release src/Klimrek -o bench/out/app >/dev/null
dotnet build -c Release bench/Klimrek.Bench -o bench/out/bench >/dev/null
APP=bench/out/app/Klimrek.dll

serve() { # port, log, env...
  local port=$1 log=$2; shift 2
  env "$@" dotnet "$APP" --urls "http://127.0.0.1:$port" > "$log" 2>&1 &
  for _ in $(seq 1 600); do grep -q "Transition model built" "$log" 2>/dev/null && return 0; sleep 0.2; done
  echo "server on $port did not build its model" >&2; return 1
}
