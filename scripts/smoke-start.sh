#!/usr/bin/env bash
# Starts the built service as `npm start` would, on a throw-away SQLite file, and checks that it answers:
# health, the API docs page, the web app at / and its app routes, sign-in with a demo account, the seed plans, and that data needs a token. Used by CI to keep the README's quick start true.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
port=${SMOKE_PORT:-3917}
log="$dir/service.log"
# The clock is set to a Monday after 09:00 (Asia/Shanghai): the service must write that day's reminders and the
# leaders' weekly digests to the outbox folder as .eml files (no SMTP_URL), once.
DATABASE_URL="sqlite:$dir/smoke.sqlite" PORT=$port CLOCK=2026-11-23T09:30:00+08:00 OUTBOX_DIR="$dir/outbox" node dist/bundle/main.js >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "smoke: the service exited before answering"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/api/v1/health" | grep -q '"ok"' || { cat "$log"; echo "smoke: health failed"; exit 1; }
curl -fs "http://127.0.0.1:$port/api/docs" | grep -qi 'swagger' || { cat "$log"; echo "smoke: /api/docs is not served"; exit 1; }
# The web app: / and an app route (history fallback) serve its page; an unknown API path stays a JSON 404.
curl -fs "http://127.0.0.1:$port/" | grep -q '<div id="app">' || { cat "$log"; echo "smoke: / does not serve the web app"; exit 1; }
curl -fs "http://127.0.0.1:$port/plans/2/overview" | grep -q '<div id="app">' || { echo "smoke: the app route /plans/2/overview does not serve the web app"; exit 1; }
curl -s "http://127.0.0.1:$port/api/v1/no-such-route" | grep -q '"statusCode":404' || { echo "smoke: an unknown API path did not answer a JSON 404"; exit 1; }
echo "smoke: web app served at / and at app routes"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/plans/2/tasks")
[ "$code" = 401 ] || { echo "smoke: the task list answered $code without a token (expected 401)"; exit 1; }
token=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"jiangjin-office","password":"qingdan-demo"}' \
  "http://127.0.0.1:$port/api/v1/auth/login" | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
auth=(-H "Authorization: Bearer $token")
plans=$(curl -fs "${auth[@]}" "http://127.0.0.1:$port/api/v1/plans")
node -e '
const plans = JSON.parse(process.argv[1]);
const jj = plans.find((p) => p.key === "jiangjin");
if (!jj || jj.counts.tasks !== 82 || jj.counts.projects !== 13 || jj.counts.indicators !== 3) {
  console.error("smoke: Jiangjin seed plan not served as 82/13/3", JSON.stringify(jj && jj.counts));
  process.exit(1);
}
console.log("smoke: service started, seeds loaded (" + plans.map((p) => p.key).join(", ") + "), docs served");
' "$plans"

# Reminders and digests: written to the outbox folder on start.
for _ in $(seq 1 60); do
  ls "$dir/outbox/"*-jiangjin-leader@example.org.eml >/dev/null 2>&1 && break
  sleep 0.5
done
digest=$(grep -il 'X-Qingdan-Outbox-Id' "$dir/outbox/"*-jiangjin-leader@example.org.eml 2>/dev/null | head -1 || true)
[ -n "$digest" ] || { cat "$log"; ls "$dir/outbox" 2>&1 | head; echo "smoke: no message (digest, escalation) to jiangjin-leader in the outbox folder"; exit 1; }
count=$(ls "$dir/outbox" | grep -c '\.eml$')
[ "$count" -gt 10 ] || { echo "smoke: only $count messages in the outbox folder"; exit 1; }
echo "smoke: $count reminder and digest messages written to the outbox folder on a Monday start"

# The command-line import: an exported sheet imports back unchanged (dry run); a bad sheet exits 1 naming the row.
export_file="$dir/tasks.csv"
curl -fs "${auth[@]}" -o "$export_file" "http://127.0.0.1:$port/api/v1/plans/2/export/tasks?format=csv"
DATABASE_URL="sqlite:$dir/smoke.sqlite" node dist/cli/main.js import --plan 2 --list tasks "$export_file" --dry-run | grep -q '未变 82' \
  || { echo "smoke: CLI import of the exported Jiangjin tasks did not come back unchanged"; exit 1; }
# The same as an Excel workbook: the service writes it through exceljs, which the bundle loads on first use.
xlsx_file="$dir/tasks.xlsx"
curl -fs "${auth[@]}" -o "$xlsx_file" "http://127.0.0.1:$port/api/v1/plans/2/export/tasks?format=xlsx"
DATABASE_URL="sqlite:$dir/smoke.sqlite" node dist/cli/main.js import --plan 2 --list tasks "$xlsx_file" --dry-run | grep -q '未变 82' \
  || { echo "smoke: CLI import of the Jiangjin tasks exported as .xlsx did not come back unchanged"; exit 1; }
printf '序号,任务内容,牵头单位\n1,甲,不存在的局\n' > "$dir/bad.csv"
if DATABASE_URL="sqlite:$dir/smoke.sqlite" node dist/cli/main.js import --plan 2 --list tasks "$dir/bad.csv" 2>"$dir/err.txt" >/dev/null; then
  echo "smoke: CLI import of a bad sheet did not fail"; exit 1
fi
grep -q '第2行' "$dir/err.txt" || { cat "$dir/err.txt"; echo "smoke: CLI import error does not name the row"; exit 1; }
echo "smoke: CLI import round trip and error exit checked"

# The first admin from the command line: the password comes on standard input and never on the command line.
printf '%s\n' 'smoke-admin-password' | DATABASE_URL="sqlite:$dir/smoke.sqlite" node dist/cli/main.js create-admin --username smoke-admin | grep -q 'smoke-admin' \
  || { echo "smoke: create-admin failed"; exit 1; }
curl -fs -H 'Content-Type: application/json' -d '{"username":"smoke-admin","password":"smoke-admin-password"}' "http://127.0.0.1:$port/api/v1/auth/login" | grep -q '"role":"admin"' \
  || { echo "smoke: the admin made by create-admin cannot sign in"; exit 1; }
if grep -q 'smoke-admin-password\|qingdan-demo' "$log"; then echo "smoke: a password appears in the service log"; exit 1; fi
echo "smoke: create-admin and sign-in checked; no password in the log"
