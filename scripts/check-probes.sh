#!/usr/bin/env bash
# Runs every PostgreSQL probe (Content/probes/postgresql/*.yml) against the `findings` and `clean`
# databases of both test servers and prints what each returns, for content authors: which query
# entry a server picks, whether it runs read-only as preflight_reader and preflight_limited, and
# whether `findings` shows the expected instance while `clean` shows nothing. It is not the test
# suite. Run it beside the servers:
#   scripts/with-postgres.sh scripts/check-probes.sh [-v] [PROBE-FILE...]
# -v also prints each finding's detail column. Exits non-zero when a query fails or when `clean`
# reports a finding.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
: "${PREFLIGHT_PG15_SOCKET:?run under scripts/with-postgres.sh}"
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install -q PyYAML
exec python3 - "$root" "$@" <<'EOF'
import csv, glob, io, os, re, subprocess, sys, time

import yaml

root, args = sys.argv[1], sys.argv[2:]
verbose = "-v" in args
files = [a for a in args if a != "-v"] or sorted(glob.glob(f"{root}/Content/probes/postgresql/*.yml"))


class QueryError(Exception):
    pass


def psql(server, db, role, sql):
    """Runs sql read-only and returns the rows as dicts."""
    env = dict(os.environ, PGOPTIONS="-c default_transaction_read_only=on -c statement_timeout=10s")
    conninfo = f"host={server['socket']} port={server['port']} dbname={db}"
    if role:
        conninfo += f" user={role}"
    else:
        conninfo += f" user={server['superuser']}"
    done = subprocess.run(["psql", "-X", "--csv", "-v", "ON_ERROR_STOP=1", conninfo, "-c", sql],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        errors = [l for l in done.stderr.splitlines() if not l.startswith("WARNING:")]
        raise QueryError(" ".join(errors).strip() or f"psql exited with {done.returncode}")
    return list(csv.DictReader(io.StringIO(done.stdout)))


def parse_version(text):
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def in_range(version, spec):
    if spec is None:
        return True
    for term in str(spec).split():
        m = re.fullmatch(r"(>=|<=|>|<|=)?([0-9.]+)", term)
        if not m:
            raise ValueError(f"bad version range {spec!r}")
        op, bound = m.group(1) or "=", parse_version(m.group(2))
        if op == "=":
            # "15" means any 15.x; "9.6" any 9.6.x
            n = len(m.group(2).split("."))
            ok = version[:n] == bound[:n]
        else:
            ok = {">=": version >= bound, ">": version > bound, "<=": version <= bound, "<": version < bound}[op]
        if not ok:
            return False
    return True


servers = {}
superuser = os.environ["PREFLIGHT_PG15_URL"].split("user=")[-1]
for v in ("15", "18"):
    server = {"socket": os.environ[f"PREFLIGHT_PG{v}_SOCKET"], "port": os.environ[f"PREFLIGHT_PG{v}_PORT"],
              "superuser": superuser}
    num = int(psql(server, "postgres", None, "SELECT current_setting('server_version_num') AS n")[0]["n"])
    server["version"] = (num // 10000, num % 10000, 0) if num >= 100000 else (num // 10000, num // 100 % 100, num % 100)
    servers[v] = server
other = {"15": "18", "18": "15"}
contexts = [(v, db, role) for v in ("15", "18")
            for db, role in (("findings", None), ("findings", "preflight_limited"),
                             ("clean", None), ("clean", "preflight_reader"), ("clean", "preflight_limited"))]


def label(v, db, role):
    return f"{db}@{v}" + {None: "", "preflight_reader": " reader", "preflight_limited": " limited"}[role]


def run_probe(probe, v, db, role):
    server, target = servers[v], servers[other[v]]
    for entry in probe["queries"]:
        if not in_range(server["version"], entry["source"]):
            continue
        if "target" in entry and not in_range(target["version"], entry["target"]):
            continue
        if "sample" in probe and role:
            # the two samples run as the superuser; other roles only show that the query runs
            psql(server, db, role, entry["sql"])
            return [{"value": "runs (sampled as the superuser only)"}]
        if "sample" in probe:
            seconds = float(str(probe["sample"]).rstrip("s"))
            first, t0 = psql(server, db, role, entry["sql"]), time.monotonic()
            time.sleep(seconds)
            second, t1 = psql(server, db, role, entry["sql"]), time.monotonic()
            rate = (float(second[0]["value"]) - float(first[0]["value"])) / (t1 - t0)
            return [{"value": f"{rate:.0f}"}]
        rows = psql(server, db, role, entry["sql"])
        if probe.get("compare") == "target-lacks":
            offered = {r["name"] for r in psql(target, "clean", None, entry["target_sql"])}
            rows = [r for r in rows if r["name"] not in offered]
        return rows
    return None


def cell(probe, rows):
    if rows is None:
        return "(no entry)"
    if "finding" in probe:
        if not rows:
            return "-"
        return f"{len(rows)}: " + ", ".join(r["name"] for r in rows)
    if probe.get("unit") == "list":
        return ", ".join(r["value"] + (f" {r['detail']}" if r.get("detail") else "") for r in rows) or "(empty)"
    if probe.get("measures") == "data.largest_table":
        r = rows[0] if rows else {}
        return f"{r.get('name')} {r.get('size')} B {r.get('rows')} rows" if rows else "(none)"
    return rows[0].get("value", "?") if rows else "(no row)"


failures, width = [], 30
print(f"PostgreSQL {'.'.join(map(str, servers['15']['version'][:2]))} and "
      f"{'.'.join(map(str, servers['18']['version'][:2]))}; each probe on each database and role\n")
for path in files:
    probe = yaml.safe_load(open(path))
    kind = "finding " + probe["finding"]["severity"] if "finding" in probe else f"fact {probe['measures']}"
    print(f"{probe['id']}  ({kind})")
    for v, db, role in contexts:
        try:
            rows = run_probe(probe, v, db, role)
            text = cell(probe, rows)
            if "finding" in probe and db == "clean" and rows:
                failures.append(f"{probe['id']} reports on {label(v, db, role)}: {text}")
        except QueryError as error:
            rows, text = None, f"ERROR {error}"
            failures.append(f"{probe['id']} on {label(v, db, role)}: {error}")
        print(f"  {label(v, db, role):<{width}} {text}")
        if verbose and rows and "finding" in probe:
            for r in rows:
                print(f"  {'':<{width}}   {r['name']}: {r.get('detail', '')}")
    print()
if failures:
    print("problems:")
    for f in failures:
        print("  " + f)
    sys.exit(1)
print(f"{len(files)} probes ran on every database and role; `clean` reported no finding")
EOF
