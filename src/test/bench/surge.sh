#!/usr/bin/env bash
# The load benchmark (issues 17 and 27), one command:
#
#   bash src/test/bench/surge.sh
#
# Builds the server jar and the test classes, then runs dev.popcorn.bench.Surge, which
#   1. measures this machine's ceilings in the same run: durable single-row commits/s on a fresh H2 file (the
#      server's URL options), and a bare Javalin endpoint driven by wrk (Debian's package, installed here when
#      missing) with the very requests of a first ballot;
#   2. starts `java -Xmx256m -jar target/popcorn.jar serve` on a fresh data folder, opens a release and a poll
#      through the API, warms it up with the mix, then drives with wrk (src/test/bench/surge.lua, a fresh
#      user's API pass per first ballot or report) first ballots, reports and the mix, each for SURGE_SECONDS at
#      64 connections, then a long run of first ballots (SURGE_FLAT_SECONDS): rates, p50/p90/p99/max, statuses,
#      the CPU of the server, of wrk and of everything else, GC, heap, distinct voters stored;
#   3. does it again with the project's own generator (which keeps every acknowledgement), kill -9s the server
#      after 10 s, restarts it on the same folder and prints acknowledged against stored (0 lost, 0 twice);
#   4. when PostgreSQL answers on 127.0.0.1:5432 (user postgres, database test), its commit ceiling and the same
#      runs (no long one) in the schema popcorn_surge (dropped and made anew);
#   5. each target of issue 27 with its figure and its ratio to the ceilings, PASS or FAIL.
# About 14 minutes with the defaults. Load goes to 127.0.0.1 only, and every run stops by itself.
#
# Settings (environment or options):
#   SURGE_SECONDS / --seconds=60          each measured run
#   SURGE_WARMUP / --warmup=60            the mix before the measured runs, not counted (a cold JVM on two cores
#                                         compiles for about a minute)
#   SURGE_FLAT_SECONDS / --flat-seconds=180  the long run of first ballots (0: none)
#   SURGE_CONNECTIONS / --connections=64, SURGE_WRK_THREADS / --wrk-threads=1
#   SURGE_MAX_RATE / --max-rate=25000     fresh users minted per second of a run
#   SURGE_KILL_AFTER / --kill-after=10, SURGE_PG_SECONDS / --pg-seconds=30, SURGE_CEILING_SECONDS / --ceiling-seconds=10
#   SURGE_MIX / --mix=70,10,20            first ballots, changes, reports in %
#   SURGE_H2 / --h2=on|off                off: the PostgreSQL runs alone
#   SURGE_PG / --pg=auto|off, SURGE_PG_URL, SURGE_PG_USER, SURGE_PG_PASSWORD
#   SURGE_KEEP / --keep=true              keep the data folders and server logs
#   SURGE_SERVER_OPTS                     more JVM options for the servers ({server} names the server), e.g. a
#                                         flight recording or a profiler
# A quick try:
#
#   SURGE_SECONDS=10 SURGE_WARMUP=10 SURGE_FLAT_SECONDS=0 SURGE_PG=off bash src/test/bench/surge.sh
#
# Exit code: 0 when it measured (whatever the targets say), 1 when anything acknowledged was lost or
# counted twice, 2 when a server did not start or a run broke.
set -euo pipefail
cd "$(dirname "$0")/../../.."

# Offline first (the dependencies are usually cached); with Maven Central when something is missing.
mvn_build() {
  local log
  log=$(mktemp)
  if ! mvn -B -q -o "$@" >"$log" 2>&1; then
    mvn -B -q "$@"
  fi
  rm -f "$log"
}

echo "building the server jar and the test classes (mvn package -DskipTests)..."
mvn_build package -DskipTests
mvn_build dependency:build-classpath -Dmdep.outputFile=target/surge.classpath

# The generator's own JVM: a million voters' records fit in 1 GB; the server gets -Xmx256m from Surge.
exec java -Xms256m -Xmx1g -cp "target/test-classes:target/classes:$(cat target/surge.classpath)" \
  dev.popcorn.bench.Surge "$@"
