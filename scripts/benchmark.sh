#!/usr/bin/env bash
# The speed benchmark (docs/performance.md): builds the benchmark module (profile benchmark, never part of the
# default build) with the harness it depends on, then runs it from the repository root with the given options:
#   scripts/benchmark.sh                                   sizes 100,200, 3 rounds, then verify --all
#   scripts/benchmark.sh --sizes 100,200,500,1000          the full run
#   scripts/benchmark.sh --sizes 20 --rounds 1 --no-all    a quick try
#   scripts/benchmark.sh --help                            every option
# Writes nothing into the repository unless --markdown FILE says so. Set MAVEN_ARGS=-o to build offline.
set -Eeuo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
echo "Building the benchmark (mvn -B -q -P benchmark -pl benchmark -am -DskipTests package) ..." >&2
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -P benchmark -pl benchmark -am -DskipTests -Djacoco.skip=true package
exec java -jar benchmark/target/migration-harness-benchmark.jar --repository "$root" "$@"
