#!/usr/bin/env bash
# Starts the built service as `npm start` would, on a throw-away SQLite file, and checks that it answers:
# health, the API docs page, and the seed plans. Used by CI to keep the README's quick start true.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
port=${SMOKE_PORT:-3917}
log="$dir/service.log"
DATABASE_URL="sqlite:$dir/smoke.sqlite" PORT=$port node dist/main.js >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "smoke: the service exited before answering"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/api/v1/health" | grep -q '"ok"' || { cat "$log"; echo "smoke: health failed"; exit 1; }
curl -fs "http://127.0.0.1:$port/api/docs" | grep -qi 'swagger' || { cat "$log"; echo "smoke: /api/docs is not served"; exit 1; }
plans=$(curl -fs "http://127.0.0.1:$port/api/v1/plans")
node -e '
const plans = JSON.parse(process.argv[1]);
const jj = plans.find((p) => p.key === "jiangjin");
if (!jj || jj.counts.tasks !== 82 || jj.counts.projects !== 13 || jj.counts.indicators !== 3) {
  console.error("smoke: Jiangjin seed plan not served as 82/13/3", JSON.stringify(jj && jj.counts));
  process.exit(1);
}
console.log("smoke: service started, seeds loaded (" + plans.map((p) => p.key).join(", ") + "), docs served");
' "$plans"

# The command-line import: an exported sheet imports back unchanged (dry run); a bad sheet exits 1 naming the row.
export_file="$dir/tasks.csv"
curl -fs -o "$export_file" "http://127.0.0.1:$port/api/v1/plans/2/export/tasks?format=csv"
DATABASE_URL="sqlite:$dir/smoke.sqlite" node dist/cli/main.js import --plan 2 --list tasks "$export_file" --dry-run | grep -q '未变 82' \
  || { echo "smoke: CLI import of the exported Jiangjin tasks did not come back unchanged"; exit 1; }
printf '序号,任务内容,牵头单位\n1,甲,不存在的局\n' > "$dir/bad.csv"
if DATABASE_URL="sqlite:$dir/smoke.sqlite" node dist/cli/main.js import --plan 2 --list tasks "$dir/bad.csv" 2>"$dir/err.txt" >/dev/null; then
  echo "smoke: CLI import of a bad sheet did not fail"; exit 1
fi
grep -q '第2行' "$dir/err.txt" || { cat "$dir/err.txt"; echo "smoke: CLI import error does not name the row"; exit 1; }
echo "smoke: CLI import round trip and error exit checked"
