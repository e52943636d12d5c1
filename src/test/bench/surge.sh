#!/usr/bin/env bash
# The load benchmark (issue 17), one command:
#
#   bash src/test/bench/surge.sh
#
# Builds the server jar and the test classes, then runs dev.popcorn.bench.Surge, which
#   1. measures this machine's ceilings: durable single-row commits/s on a fresh H2 file (the
#      server's URL options) and a bare Javalin endpoint driven by the same load generator;
#   2. starts `java -Xmx256m -jar target/popcorn.jar serve` on a fresh data folder, opens a release
#      and a poll through the API, and drives first ballots of fresh voters, ballot changes and
#      reports for 60 s at 64 connections: ballots/s, reports/s, p50/p99/max, errors, heap, CPU;
#   3. does it again, kill -9s the server after 10 s, restarts it on the same folder and prints
#      acknowledged against stored (lost 0, counted twice 0 expected);
#   4. when PostgreSQL answers on 127.0.0.1:5432 (user postgres, database test), its commit
#      ceiling and a 30 s run in the schema popcorn_surge (dropped and made anew);
#   5. each target with its figure, PASS or FAIL.
# About 3 to 4 minutes. Load goes to 127.0.0.1 only, and every run stops by itself.
#
# Settings (environment or options): SURGE_SECONDS / --seconds=60, SURGE_WARMUP / --warmup=30 (seconds of the
# same load before each measured run, not counted: the JIT of a cold JVM on two cores), SURGE_CONNECTIONS / --connections=64,
# SURGE_KILL_AFTER / --kill-after=10, SURGE_PG_SECONDS / --pg-seconds=30,
# SURGE_CEILING_SECONDS / --ceiling-seconds=5, SURGE_MIX / --mix=70,10,20 (first ballots, changes,
# reports in %), SURGE_PG / --pg=auto|off, SURGE_PG_URL, SURGE_PG_USER, SURGE_PG_PASSWORD,
# SURGE_KEEP / --keep=true (keep the data folders and server logs). A quick try:
#
#   SURGE_SECONDS=10 SURGE_PG_SECONDS=5 bash src/test/bench/surge.sh
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
