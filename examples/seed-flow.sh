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

ID=$(curl -sf -H "$INSPECTOR" -H "$JSON" --data-binary @"$SEED/inspection.json" "$INSPECTIONS/inspections" \
  | sed -E 's/.*"id" *: *"([^"]+)".*/\1/')
echo "inspection $ID (DRAFT)"
for commune in 06490 06523; do
  # findings take If-Match with the inspection's ETag (its version), like task changes
  ETAG=$(curl -sf -o /dev/null -D - -H "$INSPECTOR" "$INSPECTIONS/inspections/$ID" | tr -d '\r' \
    | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p')
  curl -sf -o /dev/null -X PUT -H "$INSPECTOR" -H "$JSON" -H "If-Match: $ETAG" \
    --data-binary @"$SEED/findings-$commune.json" "$INSPECTIONS/inspections/$ID/communes/$commune/findings"
done
for r in "$SEED"/recommendation-*.json; do
  # a retry of this loop with the same key would not add the recommendation twice
  curl -sf -o /dev/null -H "$INSPECTOR" -H "$JSON" -H "Idempotency-Key: seed-$ID-$(basename "$r" .json)" \
    --data-binary @"$r" "$INSPECTIONS/inspections/$ID/recommendations"
done
curl -sf -o /dev/null -X POST -H "$INSPECTOR" "$INSPECTIONS/inspections/$ID/finalize"
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
