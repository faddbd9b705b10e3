#!/usr/bin/env python3
"""Writes a fleet inventory of N databases (default 500) for `preflight build --profile FILE.csv`,
varied over engines, versions, sizes, topologies, ORMs and windows, with a fixed seed so that every
run builds the same fleet.

usage: Benchmarks/generate_fleet.py OUT.csv [N]
"""
import csv
import random
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
random.seed(7)
pairs = [
    ("postgresql@11.22", "postgresql@16.4", "streaming", ["sequelize", "prisma", "django", "sqlalchemy", "typeorm"]),
    ("postgresql@12.17", "postgresql@15.8", "streaming", ["sequelize", "activerecord", "hibernate"]),
    ("postgresql@13.14", "postgresql@17.0", "logical", ["prisma", "django", "efcore"]),
    ("mysql@5.7.44", "mysql@8.0.39", "binlog", ["activerecord", "eloquent", "django"]),
    ("mysql@8.0.36", "aurora-mysql@3.05", "gtid", ["eloquent", "sequelize", "typeorm"]),
    ("mongodb@4.4", "mongodb@6.0", "replica-set", ["mongoose"]),
    ("mongodb@5.0", "mongodb@7.0", "replica-set", ["mongoose"]),
    ("sqlserver@2016", "azure-sql-database", "none", ["efcore"]),
    ("sqlserver@2019", "azure-sql-managed-instance", "always-on", ["efcore", "hibernate"]),
    ("oracle@19c", "postgresql@16.4", "data-guard", ["hibernate", "sqlalchemy"]),
]
sizes = ["20 GB", "80 GB", "250 GB", "600 GB", "1 TB", "2.5 TB", "8 TB"]
windows = [("10m", "online"), ("20m", "read-only"), ("45m", "read-only"), ("2h", "offline"), ("6h", "offline")]
roles = ["engineer;dba", "engineer;devops", "engineer;dba;customer-success", "engineer;product-manager", "engineer;researcher"]
with open(out, "w", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(["id", "name", "source", "target", "size", "replicas", "topology.replication", "orm",
                     "window", "window.mode", "objectives.rto", "objectives.rpo", "roles"])
    for n in range(count):
        source, target, replication, orms = random.choice(pairs)
        duration, mode = random.choice(windows)
        replicas = 0 if replication == "none" else random.randint(0, 3)
        writer.writerow([f"db-{n:04d}", f"Database {n:04d} ({source.split('@')[0]})", source, target,
                         random.choice(sizes), replicas, replication if replicas else "none", random.choice(orms),
                         duration, mode, duration, random.choice(["0", "1m", "15m"]), random.choice(roles)])
print(f"{count} databases in {out}")
