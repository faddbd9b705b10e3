#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server that holds the sample schema the content's
# queries are tested against, and exports its address as PREFLIGHT_PG_URL. The server lives in a
# temporary folder and is stopped when the command ends.
#   usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bindir=$(find_bin)
if [[ -z "$bindir" ]]; then
  if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  bindir=$(find_bin)
fi

# pg_stat_statements ships with the server; extensions with background workers (pg_cron, pglogical)
# are left out: their workers hold connections that would block recreating the sample database.
preload=pg_stat_statements

dir=$(mktemp -d /tmp/preflight-pg.XXXXXX)
# PostgreSQL refuses to run as root; as root, the server runs as the postgres user.
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$dir"
  as() { (cd "$dir" && runuser -u postgres -- "$@"); }
  user=postgres
else
  as() { "$@"; }
  user=$(id -un)
fi
port=$(( 40000 + RANDOM % 20000 ))

as "$bindir/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses='' -c wal_level=logical -c max_replication_slots=10 -c shared_preload_libraries=$preload" start >/dev/null
stop() { as "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT

export PREFLIGHT_PG_URL="postgresql:///billing?host=$dir&port=$port&user=$user"
export PREFLIGHT_PG_ADMIN_URL="postgresql:///postgres?host=$dir&port=$port&user=$user"
# Tests recreate `billing` from this template before each query, so no query sees another's changes.
template="postgresql:///billing_template?host=$dir&port=$port&user=$user"
psql -X -q -v ON_ERROR_STOP=1 "$PREFLIGHT_PG_ADMIN_URL" -c "CREATE DATABASE billing_template" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 "$template" -f "$root/Tests/Fixtures/sample-schema.sql" >/dev/null
for extension in ${preload//,/ }; do
  psql -X -q "$template" -c "CREATE EXTENSION IF NOT EXISTS $extension" >/dev/null 2>&1 || true
done
psql -X -q -v ON_ERROR_STOP=1 "$PREFLIGHT_PG_ADMIN_URL" -c "CREATE DATABASE billing TEMPLATE billing_template" >/dev/null
"$@"
