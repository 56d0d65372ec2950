#!/usr/bin/env bash
# Prints a bearer token that the services started by ./run.sh accept (local use only; see README "Access control").
#   ./token.sh --role=admin
#   ./token.sh --role=inspector --province=20
#   ./token.sh --role=org --org=UBND_XA:06490 --org=SO_NGANH:20:GTVT
#   curl -H "Authorization: Bearer $(./token.sh --role=viewer --province=20)" http://localhost:8083/tasks
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
CPFILE="$ROOT/local-infra/target/classes/local-infra/runtime-classpath.txt"
[ -f "$CPFILE" ] || { echo "build first: ./run.sh (or ./mvnw -DskipTests package)" >&2; exit 1; }
exec java -Dntm.root="$ROOT" -cp "$ROOT/local-infra/target/classes:$(cat "$CPFILE")" vn.ntm.localinfra.MintToken "$@"
