#!/usr/bin/env bash
# Prints, from the surefire and failsafe XML reports of the last run, the test time per module and the slowest
# test classes. Usage: tools/test-times.sh [root] [how many classes, default 20]
# A class's time is what JUnit measured for it (a @QuarkusTest class that starts the application carries the start).
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
top="${2:-20}"
rows=$(find "$root" -path '*/target/*-reports/TEST-*.xml' -not -path '*/node_modules/*' 2>/dev/null | sort | while read -r f; do
  module="${f#"$root"/}"; module="${module%%/target/*}"
  kind=$(basename "$(dirname "$f")"); kind="${kind%-reports}"
  head -c 4000 "$f" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 | awk -v m="$module" -v k="$kind" '{
    name = $0; sub(/.* name="/, "", name); sub(/".*/, "", name)
    time = $0; sub(/.* time="/, "", time); sub(/".*/, "", time); gsub(/,/, "", time)
    tests = $0; sub(/.* tests="/, "", tests); sub(/".*/, "", tests)
    printf "%s\t%s\t%s\t%s\t%s\n", m, k, name, time, tests }'
done)
[ -n "$rows" ] || { echo "no surefire or failsafe reports under $root" >&2; exit 1; }
echo "## Time per module (sum of class times, seconds)"
printf '%s\n' "$rows" | awk -F'\t' '{ t[$1] += $4; n[$1] += $5; c[$1]++ } END {
  for (m in t) printf "%8.1f s  %4d tests  %3d classes  %s\n", t[m], n[m], c[m], m }' | sort -rn
printf '%s\n' "$rows" | awk -F'\t' '{ t += $4; n += $5 } END { printf "%8.1f s  %4d tests  total\n", t, n }'
echo
echo "## The $top slowest classes"
printf '%s\n' "$rows" | awk -F'\t' '{ printf "%8.1f s  %-8s %s (%s)\n", $4, $2, $3, $1 }' | sort -rn | head -n "$top"
