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
echo "finalized; Thượng Cường and Chi Lăng as recorded (criteria named in the findings) and as the notice states them:"
VIEW=$(curl -sf -H "$INSPECTOR" "$INSPECTIONS/inspections/$ID")
echo "$VIEW" | grep -o '"summary" *: *{[^}]*}' || true
echo "$VIEW" | grep -o '"statedMet" *: *[0-9]*' || true
echo "$VIEW" | grep -o '"statedFigures" *: *{[^}]*}' || true
# the notice (Thông báo) as the department issues it, editable in Word and as PDF (inspection-service README "Notice")
NOTICE_DIR=${NOTICE_DIR:-${TMPDIR:-/tmp}}
curl -sf -H "$INSPECTOR" -H "Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document" \
  -o "$NOTICE_DIR/thong-bao-$ID.docx" "$INSPECTIONS/inspections/$ID/notice"
curl -sf -H "$INSPECTOR" -H "Accept: application/pdf" -o "$NOTICE_DIR/thong-bao-$ID.pdf" \
  "$INSPECTIONS/inspections/$ID/notice"
echo "the notice: $NOTICE_DIR/thong-bao-$ID.docx and .pdf"

# The follow-up loop (README "Lifecycle" of task-service) on Thượng Cường's criterion-17 task: the commune reports
# with a file, the lead agency (Sở LĐ-TB&XH) returns it, the commune reports again, the coordination office accepts.
# the commune's login also holds its successor since 2025-07-01 (Xã Bằng Mạc, 06475): the register's succession moves
# open tasks of the 2022 communes there (task-service README "Succession of open work"), within the hour
COMMUNE="Authorization: Bearer $("$ROOT/token.sh" --role=org --org=UBND_XA:06490 --org=UBND_XA:06475 \
  --sub=ubnd-xa-thuong-cuong)"
LEAD="Authorization: Bearer $("$ROOT/token.sh" --role=org --org=SO_NGANH:20:LDTBXH --sub=so-ldtbxh)"
OFFICE="Authorization: Bearer $("$ROOT/token.sh" --role=org --org=VP_DIEU_PHOI:20 --sub=vp-dieu-phoi)"
TASK=""
for _ in $(seq 1 60); do # task-service creates the tasks from the event within seconds
  TASK=$(curl -sf -H "$COMMUNE" "$TASKS/tasks?inspectionId=$ID&communeCode=06490&criterion=17&assigneeType=UBND_XA" \
    | grep -o '"id" *: *"[^"]*"' | head -1 | sed -E 's/.*"([^"]+)"$/\1/') || true
  [ -n "$TASK" ] && break
  sleep 1
done
if [ -z "$TASK" ]; then
  echo "no task for Thượng Cường, criterion 17, after a minute" >&2
  exit 1
fi
task_etag() {
  curl -sf -o /dev/null -D - -H "$COMMUNE" "$TASKS/tasks/$TASK" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p'
}
call() { # curl that shows the problem+json of a refused request before the script stops
  local out
  out=$(curl -sS --fail-with-body "$@") || { echo "$out" >&2; return 1; }
}
move() { # bearer header, JSON body: one status move with the task's current ETag
  call -X PATCH -H "$1" -H "$JSON" -H "If-Match: $(task_etag)" --data-binary "$2" \
    "$TASKS/tasks/$TASK"
}
evidence() { # file name as the browser sends it: a small PDF
  local file
  file=$(mktemp)
  printf '%%PDF-1.4\n%% %s\n%%%%EOF\n' "$1" >"$file"
  call -H "$COMMUNE" -F "file=@$file;type=application/pdf;filename=$1" "$TASKS/tasks/$TASK/evidence"
  rm -f "$file"
}
echo
echo "== follow-up loop on task $TASK (Thượng Cường, criterion 17)"
move "$COMMUNE" '{"status":"IN_PROGRESS","note":"Đang triển khai thu gom rác thải"}'
evidence "Biên bản nghiệm thu thôn Bản Chắt.pdf"
move "$COMMUNE" '{"status":"REPORTED","report":"Đã thu gom, xử lý rác thải tại 12/12 thôn"}'
move "$LEAD" '{"status":"RETURNED","reason":"Thiếu ảnh hiện trường các điểm tập kết rác"}'
echo "returned by the lead agency; the commune's work list (OPEN, IN_PROGRESS, RETURNED) has it again:"
curl -sf -H "$COMMUNE" "$TASKS/tasks?status=OPEN,IN_PROGRESS,RETURNED&criterion=17&inspectionId=$ID" \
  | grep -o '"status" *: *"RETURNED"' || true
move "$COMMUNE" '{"status":"IN_PROGRESS"}'
evidence "Ảnh hiện trường điểm tập kết rác.pdf"
move "$COMMUNE" '{"status":"REPORTED","report":"Bổ sung ảnh hiện trường 12 điểm tập kết"}'
move "$OFFICE" '{"status":"DONE","note":"Đạt yêu cầu"}'
echo "history (action, from → to, actor):"
curl -sf -H "$COMMUNE" "$TASKS/tasks/$TASK/history" | grep -o '"actor" *: *"[^"]*" *, *"action" *: *"[^"]*" *, *"from" *: *"[^"]*" *, *"to" *: *"[^"]*"' || true
echo "evidence:"
curl -sf -H "$COMMUNE" "$TASKS/tasks/$TASK/evidence" | grep -o '"fileName" *: *"[^"]*"' || true

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

# --- Where each commune's open tasks live today (issue 12) --------------------------------------------------------
# The 2022 inspection names the units of the register of 20/07/2022. Since 1 July 2025 Xã Thượng Cường (06490) is part
# of Xã Bằng Mạc (06475), Xã Chi Lăng (06523) part of the new Xã Chi Lăng (06463), and Huyện Chi Lăng (187) no longer
# exists. task-service looks its register copy up when it creates the tasks: each open task of a unit that has ceased
# lands with the successor at once (history entry REASSIGNED, event ntm.task.reassigned), keeps the unit the
# inspection named as originalAssignee, and every code carries the register date it refers to (communeAsOf,
# assigneeAsOf). The district's tasks go to the province's coordination office, flagged for an administrator.
ADMIN="Authorization: Bearer $("$ROOT/token.sh" --role=admin --sub=seed-flow)"
ACTIVE="OPEN,IN_PROGRESS,REPORTED,RETURNED"
total() { # token header, extra query → number of the inspection's active tasks matching
  curl -sf -H "$1" "$TASKS/tasks?inspectionId=$ID&status=$ACTIVE&size=1$2" \
    | sed -E 's/.*"total" *: *([0-9]+).*/\1/'
}
# the tasks are created from the finalized event within seconds; a task-service whose register copy arrived after
# them moves them as soon as the copy is applied
for _ in $(seq 1 60); do
  if [ "$(total "$ADMIN" "")" -gt 0 ] \
    && [ "$(total "$ADMIN" "&assigneeType=UBND_XA&assigneeCode=06490")" = 0 ] \
    && [ "$(total "$ADMIN" "&assigneeType=UBND_XA&assigneeCode=06523")" = 0 ]; then
    break
  fi
  sleep 1
done

today() { # old commune code, old name, successor code, successor name
  local successor old
  successor="Authorization: Bearer $("$ROOT/token.sh" --role=org --org="UBND_XA:$3")"
  old="Authorization: Bearer $("$ROOT/token.sh" --role=org --org="UBND_XA:$1")"
  echo
  echo "== $2 ($1 as of 2022-07-20): its open tasks today"
  echo "   with UBND $1 (the unit the inspection named): $(total "$ADMIN" "&communeCode=$1&assigneeType=UBND_XA&assigneeCode=$1")"
  echo "   with UBND $4 ($3 since 2025-07-01):           $(total "$ADMIN" "&communeCode=$1&assigneeType=UBND_XA&assigneeCode=$3")"
  echo "   in the work list of a UBND_XA:$3 login: $(total "$successor" "&communeCode=$1"); of a UBND_XA:$1 login: $(total "$old" "")"
  echo "   one of them (assignee, the register date of its code, the unit the inspection named):"
  curl -sf -H "$ADMIN" "$TASKS/tasks?inspectionId=$ID&status=$ACTIVE&communeCode=$1&assigneeType=UBND_XA&assigneeCode=$3&size=1" \
    | grep -o '"assignee" *: *{[^}]*}\|"assigneeAsOf" *: *"[^"]*"\|"originalAssignee" *: *{[^}]*}\|"communeAsOf" *: *"[^"]*"' \
    | sed 's/^/     /' || true
  echo "   as UBND $4 sees them:"
  curl -sf -H "$successor" -H "Accept: text/csv" "$TASKS/tasks/export.csv?inspectionId=$ID&communeCode=$1&status=$ACTIVE"
}
today 06490 "Xã Thượng Cường" 06475 "xã Bằng Mạc"
today 06523 "Xã Chi Lăng" 06463 "xã Chi Lăng"
echo
echo "== UBND huyện Chi Lăng (187, abolished 2025-07-01): its open tasks are with the coordination office of province 20:"
echo "   $(total "$ADMIN" "&assigneeType=VP_DIEU_PHOI&assigneeCode=20") task(s) of the coordination office, of which $(total "$ADMIN" "&assigneeType=UBND_HUYEN&assigneeCode=187") still with 187"
