#!/usr/bin/env python3
"""Writes a synthetic corpus twice: as Preflight content (with conditions) and as a minimal Hugo site
with the same pages, so that the two generators can be timed on equal work.

usage: Benchmarks/generate_corpus.py OUT_DIR [ITEMS]   (default 10,000 items of about 1.4 KB each)
"""
import os
import random
import shutil
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
random.seed(42)  # the same corpus on every run
kinds = ["tip", "mistake", "faq", "concept", "engine-note"]
words = ("replica lag window cutover rollback checksum index vacuum analyze sequence backup restore "
         "snapshot schema table column partition trigger constraint latency throughput primary standby").split()


def body(n):
    rows = "\n".join(f"| {random.choice(words)} | {random.randint(1, 900)} GB | {random.randint(1, 59)}m |" for _ in range(5))
    items = "\n".join(f"- {' '.join(random.choices(words, k=8))}" for _ in range(5))
    prose = " ".join(random.choices(words, k=60))
    return (f"{prose}.\n\n| Object | Size | Time |\n| --- | --- | --- |\n{rows}\n\n"
            f"```sql\nSELECT relname, n_live_tup FROM pg_stat_user_tables ORDER BY n_live_tup DESC LIMIT {n % 50 + 1};\n```\n\n"
            f"{items}\n\n1. first {' '.join(random.choices(words, k=10))}\n2. then {' '.join(random.choices(words, k=10))}\n")


pre = os.path.join(out, "preflight", "Content")
hugo = os.path.join(out, "hugo")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(os.path.join(pre, "items"))
os.makedirs(os.path.join(pre, "profiles"))
os.makedirs(os.path.join(hugo, "content", "items"))
os.makedirs(os.path.join(hugo, "layouts", "_default"))
shutil.copytree(os.path.join(root, "Content", "theme"), os.path.join(pre, "theme"))
shutil.copy(os.path.join(root, "Content", "vocabulary.yml"), pre)
with open(os.path.join(pre, "profiles", "bench.yml"), "w") as f:
    f.write('id: bench\nname: Benchmark\nsource: { engine: postgresql, version: "12" }\ntarget: { engine: postgresql, version: "15" }\n'
            "data: { size: 1 TB }\ntopology: { replicas: 1 }\nroles: [engineer]\n")
for n in range(count):
    kind = kinds[n % len(kinds)]
    title = f"Item {n}: {' '.join(random.choices(words, k=5))}"
    text = body(n)
    when = 'when:\n  target.family: postgresql\n  target.version: ">=14"\n  data.size: ">=100GB"\n'
    sources = "sources:\n  - { title: PostgreSQL documentation, url: \"https://www.postgresql.org/docs/\" }\n" if kind == "engine-note" else ""
    with open(os.path.join(pre, "items", f"item-{n:05d}.md"), "w") as f:
        f.write(f"---\nid: item-{n:05d}\nkind: {kind}\ntitle: \"{title}\"\n{when}roles: [engineer]\n{sources}---\n{text}")
    with open(os.path.join(hugo, "content", "items", f"item-{n:05d}.md"), "w") as f:
        f.write(f"---\ntitle: \"{title}\"\n---\n{text}")
with open(os.path.join(hugo, "hugo.toml"), "w") as f:
    f.write('baseURL = "http://localhost/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
            "[markup.goldmark.renderer]\nunsafe = false\n")
with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
    f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
    f.write("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
print(f"{count} items in {out}/preflight/Content and {out}/hugo")
