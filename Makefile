# Preflight — the two commands a fresh machine needs:
#   make examples   install what is missing, build, and write Output/ for every example profile
#   make test       install what is missing, run the test suite and verify Output/, the site and the schemas
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config
PREFLIGHT := .build/release/preflight

.PHONY: setup build examples test unit check verify-output verify-site verify-schemas compile-extras screenshots clean

# Installs the C libraries Preflight links against, when they are missing (needs root or sudo).
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: setup
	$(SWIFT) build -c release --product preflight

examples: build
	$(PREFLIGHT) build --strict

check: build
	$(PREFLIGHT) check --strict

# Everything CI runs: the Swift test suite, then the checks on the committed build and the schemas,
# and a compile of the benchmark and fuzzing packages so that they cannot rot unnoticed.
test: unit verify-output verify-site verify-schemas compile-extras

# The Swift test suite alone. The content's PostgreSQL queries run against a throwaway server that
# the script starts and stops.
unit: setup
	scripts/with-postgres.sh $(SWIFT) test

# Rebuilds Output/ and fails if it differs from what is committed: builds must be deterministic.
verify-output: examples
	@git diff --exit-code --stat -- Output || { echo "Output/ differs from the committed build"; exit 1; }
	@untracked=$$(git ls-files --others --exclude-standard -- Output); \
	if [ -n "$$untracked" ]; then echo "Output/ has files that are not committed:"; echo "$$untracked"; exit 1; fi

# Nu HTML checker, internal links, calendars and printing to PDF in headless Chromium, on Output/.
verify-site: examples
	PREFLIGHT=$(PREFLIGHT) scripts/verify-site.sh Output

# Shipped content and profiles against the JSON Schemas, with the jsonschema library editors' tools use.
verify-schemas:
	@python3 -c "import jsonschema, yaml" 2>/dev/null || python3 -m pip install -q jsonschema PyYAML
	python3 scripts/validate-schemas.py Content

# The benchmark suite and the fuzz targets are packages of their own; compiling them is enough here
# (running them is `Benchmarks/run-benchmarks.sh` and `scripts/fuzz.sh`).
compile-extras: setup
	$(SWIFT) build --package-path Benchmarks
	$(SWIFT) build --package-path Fuzz

# The README's pictures of the overview and the first checklist page, from the committed build.
screenshots: examples
	scripts/screenshots.sh Output

clean:
	rm -rf .build
