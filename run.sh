#!/usr/bin/env bash
# Starts the whole NTM system on this machine: PostgreSQL, Kafka, then the three services.
#   ./run.sh            build what changed, start everything, Ctrl-C stops it all
#   ./run.sh --fresh    start from empty data (deletes .data/)
#   ./run.sh --no-build start what is already built
# Ports and external infrastructure are set with environment variables, see README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
cd "$ROOT"

BUILD=1
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --fresh) ARGS+=("--fresh") ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

command -v java >/dev/null || { echo "ERROR: java not found; install a JDK 17" >&2; exit 1; }

STAMP="$ROOT/.data/build.stamp"
needs_build() {
  for m in criteria-service inspection-service task-service; do
    [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -f local-infra/target/classes/local-infra/runtime-classpath.txt ] || return 0
  [ -f "$STAMP" ] || return 0
  # any source or build file newer than the last build
  [ -n "$(find pom.xml ./*/pom.xml ./*/*/pom.xml ./*/src ./*/*/src -newer "$STAMP" -type f -print -quit 2>/dev/null)" ]
}

if [ "$BUILD" = 1 ] && needs_build; then
  echo "[run] building (./mvnw -DskipTests package) ..."
  mkdir -p "$ROOT/.data"
  # with a class-data-sharing archive (target/quarkus-app/app-cds.jsa) the launcher maps classes instead of
  # parsing them at start; only here, so that ./mvnw verify does not pay for writing it
  ./mvnw -B -q -DskipTests -Dquarkus.package.jar.appcds.enabled=true package
  touch "$STAMP"
else
  echo "[run] build is up to date"
fi

CP="$ROOT/local-infra/target/classes:$(cat "$ROOT/local-infra/target/classes/local-infra/runtime-classpath.txt")"

# The launcher runs in its own session so that Ctrl-C reaches only this script, which then asks the launcher
# to stop everything in reverse order.
SETSID=""
command -v setsid >/dev/null && SETSID="setsid"
$SETSID java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dntm.root="$ROOT" -cp "$CP" vn.ntm.localinfra.Launcher "${ARGS[@]+"${ARGS[@]}"}" &
LAUNCHER=$!

stop() {
  trap '' INT TERM
  echo
  echo "[run] stopping ..."
  kill -TERM "$LAUNCHER" 2>/dev/null || true
}
trap stop INT TERM

status=0
wait "$LAUNCHER" || status=$?
# wait returns early when a trap fires: wait for the launcher to finish stopping
while kill -0 "$LAUNCHER" 2>/dev/null; do
  wait "$LAUNCHER" || status=$?
done
exit "$status"
