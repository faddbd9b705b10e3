#!/usr/bin/env bash
# Times `preflight verify` against the same count-and-hash queries issued by psql one table after
# another, on a pgbench database of about 1 GB and a copy of it, and prints the medians and ratios.
#
#   usage: Benchmarks/verify-vs-psql.sh [RUNS] [SCALE]      (defaults: 3 runs, pgbench scale 70)
#
# Runs beside the throwaway server of scripts/with-postgres.sh (it starts one itself when
# PREFLIGHT_PG_ADMIN_URL is not set) and uses the release build, which it builds first.
#   PREFLIGHT_BIN   another preflight binary to time
#   JOBS            the --jobs values to time (default "1 4")
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
scale=${2:-70}

if [[ -z "${PREFLIGHT_PG_ADMIN_URL:-}" ]]; then
  exec "$root/scripts/with-postgres.sh" "$0" "$@"
fi

admin=$PREFLIGHT_PG_ADMIN_URL
url() { echo "${admin/\/postgres\?//$1?}"; }
source_url=$(url verify_bench_source)
target_url=$(url verify_bench_target)
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

bin=${PREFLIGHT_BIN:-}
if [[ -z "$bin" ]]; then
  (cd "$root" && swift build -c release --product preflight >&2)
  bin="$root/.build/release/preflight"
fi

echo "generating pgbench scale $scale and its copy ..." >&2
sql "$admin" -c "DROP DATABASE IF EXISTS verify_bench_source" -c "DROP DATABASE IF EXISTS verify_bench_target" >/dev/null
sql "$admin" -c "CREATE DATABASE verify_bench_source" >/dev/null
pgbench -i -q -s "$scale" "$source_url" >/dev/null 2>&1
sql "$source_url" -c "VACUUM ANALYZE" >/dev/null
# A file-level copy: as faithful as a dump and restore, and minutes faster.
sql "$admin" -c "CREATE DATABASE verify_bench_target TEMPLATE verify_bench_source" >/dev/null
size=$(sql -At "$source_url" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")
echo "source database: $size" >&2

# The statement verify sends per table (VerifyQueries.content), with the primary keys pgbench creates;
# pgbench_history has none and is ordered by its whole row, as verify does.
hash_sql() {
  echo "SELECT count(*) AS rows, md5(string_agg(decode(md5(_preflight_row::text), 'hex'), ''::bytea ORDER BY $2)) AS hash FROM public.$1 _preflight_row;"
}
queries() {
  hash_sql pgbench_accounts 'aid'
  hash_sql pgbench_branches 'bid'
  hash_sql pgbench_tellers 'tid'
  hash_sql pgbench_history '_preflight_row::text COLLATE "C"'
}

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Sequential psql: each table on the source, then on the target, in one session per database.
time_psql() {
  local start
  start=$(now)
  queries | sql -At "$source_url" >/dev/null
  queries | sql -At "$target_url" >/dev/null
  echo "$(now) - $start" | bc -l
}

time_verify() {
  local start status=0
  start=$(now)
  "$bin" verify --source "$source_url" --target "$target_url" --jobs "$1" --format json --quiet >"${TMPDIR:-/tmp}/verify-bench.json" || status=$?
  local elapsed
  elapsed=$(echo "$(now) - $start" | bc -l)
  if [[ $status -ne 0 ]]; then echo "verify exited $status" >&2; cat "${TMPDIR:-/tmp}/verify-bench.json" >&2; exit 1; fi
  echo "$elapsed"
}

# Warm the caches once so the first timed run is not the only one reading from disk.
queries | sql -At "$source_url" >/dev/null
queries | sql -At "$target_url" >/dev/null

jobs_list=${JOBS:-"1 4"}
psql_times=()
declare -A verify_times
for ((run = 1; run <= runs; run++)); do
  psql_times+=("$(time_psql)")
  for jobs in $jobs_list; do verify_times[$jobs]+="$(time_verify "$jobs") "; done
  echo "run $run done" >&2
done

psql_median=$(printf '%s\n' "${psql_times[@]}" | median)
printf '%-28s %8.2f s   (runs: %s)\n' "psql, one table after another" "$psql_median" "${psql_times[*]}"
for jobs in $jobs_list; do
  m=$(printf '%s\n' ${verify_times[$jobs]} | median)
  printf '%-28s %8.2f s   ratio to psql %.2f   (runs: %s)\n' "preflight verify --jobs $jobs" "$m" "$(echo "$m / $psql_median" | bc -l)" "${verify_times[$jobs]% }"
done
rows=$(grep -o '"rowsPerSecond" : [0-9.]*' "${TMPDIR:-/tmp}/verify-bench.json" | awk '{ print int($3) }')
bytes=$(grep -o '"bytesPerSecond" : [0-9.]*' "${TMPDIR:-/tmp}/verify-bench.json" | awk '{ printf "%.1f MB/s", $3 / 1e6 }')
echo "last verify run's own figures: $rows rows/s, $bytes"
sql "$admin" -c "DROP DATABASE verify_bench_source" -c "DROP DATABASE verify_bench_target" >/dev/null
