# Preflight — the two commands a fresh machine needs:
#   make examples   install what is missing, build, and write Output/ for every example profile
#   make test       install what is missing, run the test suite and verify Output/, the site and the schemas
# and, to put `preflight` on the PATH:
#   make install    PREFIX=/usr/local (the default) or PREFIX=~/.local; DESTDIR stages it for a package
SWIFT ?= swift
# groff renders the manual page, which `make verify-install` lints.
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config groff-base
PREFLIGHT := .build/release/preflight
PREFIX ?= /usr/local
DESTDIR ?=
# The manual's date is the last commit's, so that installing one commit twice writes the same page.
MANUAL_DATE := $(or $(shell git log -1 --format=%cs 2>/dev/null),$(shell date -u +%Y-%m-%d))
# What `make install` writes below the prefix; the knowledge base, share/preflight, besides.
INSTALLED := bin/preflight share/man/man1/preflight.1 share/bash-completion/completions/preflight \
             share/zsh/site-functions/_preflight share/fish/vendor_completions.d/preflight.fish

.PHONY: setup build examples test unit check verify-output verify-install verify-site verify-schemas compile-extras screenshots \
        install uninstall clean

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
test: unit verify-output verify-install verify-site verify-schemas compile-extras

# The Swift test suite alone. The content's PostgreSQL queries run against a throwaway server that
# the script starts and stops. The rehearsals (a gigabyte each under write load) run after the rest,
# so they do not starve the timing-sensitive preview-server tests on a small machine.
unit: setup
	scripts/with-postgres.sh sh -c '$(SWIFT) test --skip Rehearsals && $(SWIFT) test --skip-build --filter Rehearsals'

# Rebuilds Output/ and fails if it differs from what is committed: builds must be deterministic.
verify-output: examples
	@git diff --exit-code --stat -- Output || { echo "Output/ differs from the committed build"; exit 1; }
	@untracked=$$(git ls-files --others --exclude-standard -- Output); \
	if [ -n "$$untracked" ]; then echo "Output/ has files that are not committed:"; echo "$$untracked"; exit 1; fi

# Installs into a throwaway prefix and uses the installed tool from an empty folder, as a user would.
verify-install: build
	scripts/test-install.sh

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

# The release binary, the knowledge base (a copy of Content/), the manual page and the bash, zsh and
# fish completions below $(PREFIX), staged below $(DESTDIR) when it is set. Installing again replaces
# everything, the knowledge base as a whole: an item removed from Content/ does not linger. The manual
# and the completions come from the binary's own command definitions.
install: build
	@set -e; root="$(DESTDIR)$(PREFIX)"; stage=.build/install-files; \
	rm -rf "$$stage"; mkdir -p "$$stage"; \
	python3 scripts/generate-manual.py $(PREFLIGHT) "$$stage/preflight.1" --date $(MANUAL_DATE) --prefix "$(PREFIX)"; \
	for shell in bash zsh fish; do $(PREFLIGHT) --generate-completion-script $$shell > "$$stage/$$shell"; done; \
	install -d "$$root/bin" "$$root/share/man/man1" "$$root/share/bash-completion/completions" \
	           "$$root/share/zsh/site-functions" "$$root/share/fish/vendor_completions.d"; \
	install -m 0755 $(PREFLIGHT) "$$root/bin/preflight"; \
	install -m 0644 "$$stage/preflight.1" "$$root/share/man/man1/preflight.1"; \
	install -m 0644 "$$stage/bash" "$$root/share/bash-completion/completions/preflight"; \
	install -m 0644 "$$stage/zsh" "$$root/share/zsh/site-functions/_preflight"; \
	install -m 0644 "$$stage/fish" "$$root/share/fish/vendor_completions.d/preflight.fish"; \
	rm -rf "$$root/share/preflight.new"; cp -R Content "$$root/share/preflight.new"; \
	chmod -R u=rwX,go=rX "$$root/share/preflight.new"; \
	rm -rf "$$root/share/preflight"; mv "$$root/share/preflight.new" "$$root/share/preflight"; \
	echo "installed in $$root: $$("$$root/bin/preflight" --version)"

uninstall:
	@set -e; root="$(DESTDIR)$(PREFIX)"; \
	for file in $(INSTALLED); do rm -f "$$root/$$file"; done; \
	rm -rf "$$root/share/preflight"; \
	echo "removed preflight from $$root"

clean:
	rm -rf .build
