#!/usr/bin/env bash
# `preflight inspect` on a database of 2,000 tables (each with a key, an index and a few rows), on
# the PostgreSQL 15 and 18 servers scripts/with-postgres.sh starts. Prints the median of 5 runs per
# server; the target is under 5 s, including the 2 s the write-rate sample waits.
#   usage: scripts/with-postgres.sh Benchmarks/inspect-2000-tables.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product preflight >/dev/null
preflight=$root/.build/release/preflight
for v in 15 18; do
  admin_var=PREFLIGHT_PG${v}_ADMIN_URL url_var=PREFLIGHT_PG${v}_URL
  psql -X -q "${!admin_var}" -c "DROP DATABASE IF EXISTS wide" -c "CREATE DATABASE wide" >/dev/null
  wide=${!url_var/\/\/\/billing\?/\/\/\/wide?}
  psql -X -q -v ON_ERROR_STOP=1 "$wide" >/dev/null <<'SQL'
DO $$
BEGIN
  FOR i IN 1..2000 LOOP
    EXECUTE format('CREATE TABLE t%s (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text, at timestamptz DEFAULT now())', i);
    EXECUTE format('CREATE INDEX ON t%s (at)', i);
    EXECUTE format('INSERT INTO t%s (note) SELECT md5(g::text) FROM generate_series(1, 20) g', i);
    -- One transaction would need a lock per table, past max_locks_per_transaction.
    IF i % 100 = 0 THEN COMMIT; END IF;
  END LOOP;
END $$;
ANALYZE;
SQL
  times=()
  for run in 1 2 3 4 5; do
    start=$(date +%s.%N)
    "$preflight" inspect --dsn "$wide" --format json >/dev/null || [[ $? -eq 4 ]]
    times+=("$(echo "$(date +%s.%N) - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  echo "PostgreSQL $v: inspect of 2,000 tables, median of 5: ${median} s (runs: ${times[*]})"
done
