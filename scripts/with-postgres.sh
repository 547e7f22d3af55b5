#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on a free loopback port, its URL in
# TEST_DATABASE_URL, and removes the cluster afterwards. Installs Debian's postgresql when missing.
# With TEST_DATABASE_URL already set, runs the command against that server instead.
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then exec "$@"; fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is missing: apt-get install postgresql (or run as root to have it installed)." >&2
    exit 1
  fi
  echo "Installing Debian's postgresql…"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
cluster=$(mktemp -d /tmp/guilde-pg.XXXXXX)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$cluster"
  as_postgres=(runuser -u postgres --)
fi

"${as_postgres[@]}" "$pg_bin/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w start \
  -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null
stop_cluster() {
  "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$cluster/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap stop_cluster EXIT
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway cluster)"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
"$@"
