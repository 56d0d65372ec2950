#!/usr/bin/env bash
# The seed inspection of the source notice (Chi Lăng district, Lạng Sơn, 2022) entered and finalized through the
# APIs with minted tokens, then each organisation's work list. Needs ./run.sh running and curl.
#   examples/seed-flow.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SEED="$ROOT/examples/seed"
INSPECTIONS=${INSPECTIONS:-http://localhost:8082}
TASKS=${TASKS:-http://localhost:8083}

INSPECTOR="Authorization: Bearer $("$ROOT/token.sh" --role=inspector --province=20 --sub=thanh-tra-ldtbxh)"
JSON="Content-Type: application/json"

# inspection-service answers 503 until its copy of the administrative-unit register has arrived from
# criteria-service (seconds after ./run.sh is up): try again for up to a minute
CREATED=$(mktemp)
trap 'rm -f "$CREATED"' EXIT
for _ in $(seq 1 60); do
  STATUS=$(curl -s -o "$CREATED" -w '%{http_code}' -H "$INSPECTOR" -H "$JSON" \
    --data-binary @"$SEED/inspection.json" "$INSPECTIONS/inspections")
  [ "$STATUS" != 503 ] && break
  sleep 1
done
if [ "$STATUS" != 201 ]; then
  echo "POST /inspections answered $STATUS:" >&2
  cat "$CREATED" >&2
  exit 1
fi
ID=$(sed -E 's/.*"id" *: *"([^"]+)".*/\1/' "$CREATED")
echo "inspection $ID (DRAFT)"
# every change of the draft (findings, recommendations, finalize) takes If-Match with the inspection's current
# ETag (its version), like task changes; each change moves it, so read it again before the next one
etag() {
  curl -sf -o /dev/null -D - -H "$INSPECTOR" "$INSPECTIONS/inspections/$ID" | tr -d '\r' \
    | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p'
}
for commune in 06490 06523; do
  curl -sf -o /dev/null -X PUT -H "$INSPECTOR" -H "$JSON" -H "If-Match: $(etag)" \
    --data-binary @"$SEED/findings-$commune.json" "$INSPECTIONS/inspections/$ID/communes/$commune/findings"
done
for r in "$SEED"/recommendation-*.json; do
  # a retry of this loop with the same key would not add the recommendation twice
  curl -sf -o /dev/null -H "$INSPECTOR" -H "$JSON" -H "If-Match: $(etag)" \
    -H "Idempotency-Key: seed-$ID-$(basename "$r" .json)" \
    --data-binary @"$r" "$INSPECTIONS/inspections/$ID/recommendations"
done
curl -sf -o /dev/null -X POST -H "$INSPECTOR" -H "If-Match: $(etag)" "$INSPECTIONS/inspections/$ID/finalize"
echo "finalized; Thượng Cường and Chi Lăng summaries:"
curl -sf -H "$INSPECTOR" "$INSPECTIONS/inspections/$ID" | grep -o '"summary" *: *{[^}]*}' || true
sleep 1

show() { # org claim, label
  local token
  token="Authorization: Bearer $("$ROOT/token.sh" --role=org --org="$1")"
  echo
  echo "== $2 ($1)"
  curl -sf -H "$token" -H "Accept: text/csv" "$TASKS/tasks/export.csv?inspectionId=$ID"
}
show UBND_XA:06490 "UBND xã Thượng Cường"
show UBND_HUYEN:187 "UBND huyện Chi Lăng"
show SO_NGANH:20:GTVT "Sở Giao thông vận tải Lạng Sơn"
show VP_DIEU_PHOI:20 "Văn phòng Điều phối NTM tỉnh"
