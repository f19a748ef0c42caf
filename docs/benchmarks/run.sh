#!/usr/bin/env bash
# Reruns the varied benchmark recorded in docs/benchmarks.md. Publishes a Release build (the Dockerfile's publish
# command), starts a throwaway PostgreSQL on 127.0.0.1, migrates, runs the app's own `generate-data` command
# (193 States × 11 norms × 3 cycles × PER_CELL entries: 15 gives ~95 000, 150 gives ~950 000) and `benchmark-urls`
# (thousands of different requests drawn from that data), then measures, with wrk at 8 connections and varied.lua:
#   cold start  the published app's start to its first synthesis page;
#   search      varied searches (words, phrases, or, -word, three languages, 0–3 filters, sort, pages 1–5);
#   mixed       a day of use: searches, synthesis and coverage of random scopes, entry/State/norm pages, API, feeds;
#   api         every API list and item endpoint;
#   static      one cached synthesis page against the same bytes served as a static file by the same Kestrel;
# each with the page cache on (as deployed) and off, and the process's peak RSS over each workload.
# Needs the .NET SDK, PostgreSQL server binaries, wrk and curl (Debian: apt-get install -y postgresql wrk curl).
# Usage: bash docs/benchmarks/run.sh [seconds-per-workload] [workloads...]     (default: 30 search mixed api static)
# Environment: BENCH_PER_CELL (15), BENCH_WORK (/tmp/cybernormportal-bench), BENCH_KEEP_DB=1 reuses generated data.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-/tmp/cybernormportal-bench}
SECONDS_PER_RUN=${1:-30}
shift || true
WORKLOADS=${*:-search mixed api static}
PER_CELL=${BENCH_PER_CELL:-15}
PG_PORT=${BENCH_PG_PORT:-55432}
APP_PORT=${BENCH_APP_PORT:-5080}
CONNECTIONS=8
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)"; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)"; exit 1; }
LUA="$ROOT/docs/benchmarks/varied.lua"

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

DB_DIR="$WORK/pg-$PER_CELL"
if [ "${BENCH_KEEP_DB:-0}" != 1 ] || [ ! -d "$DB_DIR" ]; then FRESH=1; rm -rf "$DB_DIR"; else FRESH=0; fi
mkdir -p "$WORK" "$DB_DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DB_DIR" && chmod 700 "$DB_DIR"

echo "== Release build (the Dockerfile's publish command)"
rm -rf "$WORK/app"
dotnet publish "$ROOT/src/CyberNormPortal.Web/CyberNormPortal.Web.csproj" -c Release -o "$WORK/app" --nologo -v quiet

[ "$FRESH" = 1 ] && as_postgres "$PGBIN/initdb" -D "$DB_DIR" -U portal --auth=trust >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$DB_DIR" -l "$DB_DIR/server.log" -w start \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c fsync=off" >/dev/null
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  as_postgres "$PGBIN/pg_ctl" -D "$DB_DIR" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PG_PORT;Database=bench;Username=portal"
APP="dotnet $WORK/app/CyberNormPortal.Web.dll"
echo "== Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); PostgreSQL $($PGBIN/postgres --version | awk '{print $3}'); .NET $(dotnet --version)"
echo "== Migrate, seed, generate ($PER_CELL per State, norm and cycle)"
$APP migrate >/dev/null
/usr/bin/time -f "generate-data took %e s" $APP generate-data "$PER_CELL"
$APP benchmark-urls "$WORK/urls"
psql -h 127.0.0.1 -p "$PG_PORT" -U portal -d bench -Atc \
  "SELECT count(*) || ' published entries, ' || pg_size_pretty(pg_total_relation_size('\"PublishedEntries\"')) || ' read table with indexes' FROM \"PublishedEntries\""

BASE="http://127.0.0.1:$APP_PORT"
start_app() { # $1: page cache on (true) or off (false). From its own directory, its content root, as in the image.
  (cd "$WORK/app" && RateLimits__Enabled=false PublishedContentCache__Enabled=$1 ASPNETCORE_URLS="$BASE" exec $APP >"$WORK/app-$1.log" 2>&1) &
  APP_PID=$!
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
peak_rss_reset() { echo 5 > "/proc/$APP_PID/clear_refs" 2>/dev/null || true; }
peak_rss() { awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$APP_PID/status"; }
run() { # $1: workload file, $2: seconds
  wrk -t "$CONNECTIONS" -c "$CONNECTIONS" --timeout 15s -d "${2}s" -s "$LUA" "$BASE" -- "$WORK/urls/$1.tsv" | sed -n '/^| kind/,$p'
}

echo "== Cold start: process start to the first synthesis page (cache on)"
t0=$(date +%s.%N)
start_app true
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/en/synthesis")" = 200 ]; do sleep 0.02; done
echo "cold start: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s"
stop_app

for cache in true false; do
  label=$([ $cache = true ] && echo on || echo off)
  start_app $cache
  until curl -fs "$BASE/healthz/ready" >/dev/null; do sleep 0.1; done
  run mixed 5 >/dev/null   # warm-up: JIT, query plans, PostgreSQL's buffers
  for workload in $WORKLOADS; do
    if [ "$workload" = static ]; then
      [ $cache = true ] || continue
      # The same bytes twice: a cached synthesis page, and a copy of it in wwwroot served by UseStaticFiles.
      page="/en/synthesis?group=g7&cycle=bench-2026"
      curl -s -H "Cookie: .CyberNormPortal.Language=en" "$BASE$page" -o "$WORK/app/wwwroot/bench-synthesis.html"
      bytes=$(stat -c %s "$WORK/app/wwwroot/bench-synthesis.html")
      printf 'static\ten\t/bench-synthesis.html\n' > "$WORK/urls/static-file.tsv"
      printf 'cached\ten\t%s\n' "$page" > "$WORK/urls/cached-page.tsv"
      echo "== static: one $bytes-byte synthesis page, cached, against the same bytes as a static file (${SECONDS_PER_RUN}s each)"
      run cached-page "$SECONDS_PER_RUN"
      run static-file "$SECONDS_PER_RUN" | tail -1
      continue
    fi
    peak_rss_reset
    echo "== $workload (cache $label): $(wc -l < "$WORK/urls/$workload.tsv") different requests, $CONNECTIONS connections, ${SECONDS_PER_RUN}s"
    run "$workload" "$SECONDS_PER_RUN"
    echo "peak RSS: $(peak_rss)"
  done
  stop_app
done
