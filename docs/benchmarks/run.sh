#!/usr/bin/env bash
# Reruns the benchmark recorded in docs/benchmarks.md: a Release build of the portal on 127.0.0.1, against a
# throwaway PostgreSQL holding ~95 000 published entries (the app's own `generate-data` command), measured with
# wrk at 8 concurrent connections (percentiles.lua prints p50/p95/p99). Needs the .NET SDK, PostgreSQL server
# binaries and wrk (Debian: apt-get install -y postgresql wrk). Usage: bash docs/benchmarks/run.sh [seconds-per-url]
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-/tmp/cybernormportal-bench}
SECONDS_PER_URL=${1:-30}
PG_PORT=${BENCH_PG_PORT:-55432}
APP_PORT=${BENCH_APP_PORT:-5080}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)"; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)"; exit 1; }

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

rm -rf "$WORK" && mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg"

echo "== Release build (the Dockerfile's publish command)"
dotnet publish "$ROOT/src/CyberNormPortal.Web/CyberNormPortal.Web.csproj" -c Release -o "$WORK/app" --nologo -v quiet

echo "== PostgreSQL $($PGBIN/postgres --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
as_postgres "$PGBIN/initdb" -D "$WORK/pg" -U portal --auth=trust >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w start \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c fsync=off" >/dev/null
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PG_PORT;Database=bench;Username=portal"
echo "== Migrate, seed, generate"
dotnet "$WORK/app/CyberNormPortal.Web.dll" migrate >/dev/null
/usr/bin/time -f "generate-data took %e s" dotnet "$WORK/app/CyberNormPortal.Web.dll" generate-data

BASE="http://127.0.0.1:$APP_PORT"
declare -A URLS=(
  [search]="/search?q=incident&norm=3&region=African"
  [coverage]="/coverage"
  [synthesis]="/synthesis?group=g7&cycle=bench-2026"
)
# Twice: as deployed (anonymous pages cached until the next publication), then with the cache off — the cost of
# every request that misses it (a search nobody made before, the first reader after a publication).
for cache in true false; do
  # Rate limits (60 searches a minute per address) would turn a load test into a test of the limiter.
  RateLimits__Enabled=false PublishedContentCache__Enabled=$cache ASPNETCORE_URLS="$BASE" dotnet "$WORK/app/CyberNormPortal.Web.dll" >"$WORK/app-$cache.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do curl -fs "$BASE/healthz/ready" >/dev/null && break; sleep 1; done
  for name in search coverage synthesis; do
    url="$BASE${URLS[$name]}"
    wrk -t 2 -c 8 --timeout 15s -d 5s "$url" >/dev/null   # warm-up: JIT, query plans, caches
    echo "== $name (cache $( [ $cache = true ] && echo on || echo off )): ${URLS[$name]} (8 connections, ${SECONDS_PER_URL}s)"
    wrk -t 2 -c 8 --timeout 15s -d "${SECONDS_PER_URL}s" -s "$ROOT/docs/benchmarks/percentiles.lua" "$url" | tail -1
  done
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
done
