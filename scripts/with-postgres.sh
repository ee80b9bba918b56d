#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: installs PostgreSQL from Debian's packages when missing (as
# root), creates a cluster in a temporary directory, starts it on a free loopback port as an ordinary user, exports
# TEST_DATABASE_URL (postgres://postgres@127.0.0.1:<port>/postgres) for the command, then stops the server and
# removes the cluster however the command ends.
#   bash scripts/with-postgres.sh npx jest --selectProjects e2e
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL from Debian's packages for the tests on PostgreSQL…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "The tests on PostgreSQL need its server programs (Debian package: postgresql). Install them and run again." >&2
    exit 1
  fi
fi
PGBIN=$(pg_bin)

# initdb refuses to run as root: the cluster belongs to the postgres user then, else to whoever runs this.
PGDATA=$(mktemp -d "${TMPDIR:-/tmp}/qingdan-pg-XXXXXX")
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres:postgres "$PGDATA"
fi
PGPORT=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")

stop() {
  as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap stop EXIT

as_owner "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# A throwaway server for tests: nothing here must survive a crash, so durability is traded for speed. The benchmark
# sets POSTGRES_DURABLE=1 to measure PostgreSQL as deployed (fsync and synchronous commit on).
DURABILITY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if [ "${POSTGRES_DURABLE:-}" = 1 ]; then DURABILITY=""; fi
as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDATA $DURABILITY -c max_connections=200" \
  start >/dev/null
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT (cluster in $PGDATA${DURABILITY:+, fsync off})"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
status=0
"$@" || status=$?
if [ "$status" != 0 ] && [ -f "$PGDATA/server.log" ]; then
  echo "--- last lines of the PostgreSQL server log ---" >&2
  tail -n 30 "$PGDATA/server.log" >&2
fi
exit "$status"
