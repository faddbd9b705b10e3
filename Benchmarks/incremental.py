#!/usr/bin/env python3
"""Times incremental builds against a full one: a no-op rebuild, and rebuilds after one file changed.

Copies the content (and, with --fleet N, a generated inventory of N databases) to a scratch folder
on tmpfs, then for each case restores the files, rebuilds so the cache is current, makes the one
change and times the build that follows. Prints medians and each case's ratio to the full build.

usage: Benchmarks/incremental.py [--runs 7] [--fleet 500]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=7)
parser.add_argument("--fleet", type=int, default=0, help="build a generated inventory of N databases instead of the examples")
args = parser.parse_args()

binary = os.path.join(root, ".build/release/preflight")
if not os.access(binary, os.X_OK):
    subprocess.run(["swift", "build", "-c", "release", "--product", "preflight"], cwd=root, check=True)
base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
work = tempfile.mkdtemp(prefix="preflight-incremental.", dir=base)
content, out = os.path.join(work, "Content"), os.path.join(work, "Output")
shutil.copytree(os.path.join(root, "Content"), content)
command = [binary, "build", "--quiet", "--base", content, "--out", out, "--cache-dir", os.path.join(work, "cache")]
if args.fleet:
    inventory = os.path.join(work, "fleet.csv")
    subprocess.run([sys.executable, os.path.join(root, "Benchmarks/generate_fleet.py"), inventory, str(args.fleet)],
                   check=True, stdout=subprocess.DEVNULL)
    command += ["--profile", inventory]
    profile_file, profile_old, profile_new = inventory, ",20m,read-only,20m,", ",25m,read-only,25m,"
else:
    profile_file = os.path.join(content, "profiles/tiny-pg13-to-17-prisma.yml")
    profile_old, profile_new = "duration: 2h,", "duration: 3h,"

def build(*extra):
    started = time.perf_counter()
    result = subprocess.run(command + list(extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr}")
    return elapsed

def edit(path, old, new):
    with open(path) as handle:
        text = handle.read()
    assert old in text, f"{old!r} not in {path}"
    with open(path, "w") as handle:
        handle.write(text.replace(old, new, 1))

note = os.path.join(content, "engines/mongodb/mongo-atlas-oplog-window.md")
tip = os.path.join(content, "guidance/tips/quantify-window.md")
cases = {
    "full build (--force)": (None, ("--force",)),
    "no-op rebuild": (None, ()),
    "one engine note edited": ((note, "\n---\n", "\n---\nEdited for the benchmark.\n"), ()),
    "one tip for every profile edited": ((tip, "Strategies are chosen", "Strategies are picked"), ()),
    "one profile edited": ((profile_file, profile_old, profile_new), ()),
}
build("--force")
times = {name: [] for name in cases}
for run in range(args.runs):
    for name, (change, extra) in cases.items():
        if change:
            path = change[0]
            with open(path) as handle:
                original = handle.read()
            build()  # the cache now matches the unedited file
            edit(*change)
            times[name].append(build(*extra))
            with open(path, "w") as handle:
                handle.write(original)
        else:
            times[name].append(build(*extra))
full = statistics.median(times["full build (--force)"])
label = f"{args.fleet} fleet profiles" if args.fleet else "the example profiles"
print(f"{label}, median of {args.runs} runs each:")
for name, values in times.items():
    median = statistics.median(values)
    print(f"  {name:34} {median * 1000:8.0f} ms   {median / full:6.1%} of a full build")
shutil.rmtree(work)
