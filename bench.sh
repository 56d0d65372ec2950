#!/usr/bin/env bash
# Runs the benchmarks of BENCHMARKS.md on this machine; takes 10-20 minutes.
#   ./bench.sh     # full run: 200 communes in 1-commune inspections, 8000 in 10-commune ones, 1 million tasks for reads
#   ./bench.sh --seasons=200x1 --read-tasks=100000 --read-seconds=10     # a quick run
#   ./bench.sh dashboards  # the province dashboards alone on national volume (issue 25), benchmarks/target/dashboard-report.md
# Prints the figures and writes benchmarks/target/benchmark-report.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"
if [ ! -f benchmarks/target/runtime-classpath.txt ] || [ ! -f task-service/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -DskipTests -Dquarkus.package.jar.appcds.enabled=true package
fi
CP="$ROOT/benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dntm.root="$ROOT" -cp "$CP" vn.ntm.bench.BenchmarkMain "$@"
