#!/usr/bin/env bash
# Installs Preflight into a throwaway prefix and uses it from an empty folder, as a user would after
# `make install`: build a profile, check, explain, write a new profile, ask for the version, read the
# manual page and complete a command in bash. Then a second install over the first, `make uninstall`,
# and a staged install with DESTDIR. Expects the release build (`make build`) to be there already:
# each `make install` below finds it up to date.
#
# usage: scripts/test-install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$(pwd -P)

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
scratch=$(cd "$scratch" && pwd -P)
prefix="$scratch/prefix"
work="$scratch/work"
mkdir -p "$work"

# What the commands print goes to a log, shown when a check fails.
log="$scratch/commands.log"
failures=0
pass() { echo "ok: $*"; }
fail() { echo "FAILED: $*" >&2; failures=$((failures + 1)); }
check() {
    local what=$1; shift
    : >"$log"
    if "$@" >>"$log" 2>&1; then pass "$what"; else fail "$what"; cat "$log" >&2; fi
}

make --no-print-directory install PREFIX="$prefix" >"$scratch/install.log" 2>&1 || { cat "$scratch/install.log" >&2; exit 1; }
preflight="$prefix/bin/preflight"
kb_version=$(sed -n 's/^version: *//p' Content/knowledge-base.yml)

for file in bin/preflight share/preflight/vocabulary.yml share/preflight/knowledge-base.yml share/man/man1/preflight.1 \
            share/bash-completion/completions/preflight share/zsh/site-functions/_preflight \
            share/fish/vendor_completions.d/preflight.fish; do
    [ -e "$prefix/$file" ] || fail "make install wrote $file"
done
check "the installed knowledge base is a copy of Content/" diff -r Content "$prefix/share/preflight"
# Nothing of the machine that built it: the manual and the completions speak of the prefix only.
check "no path of the checkout in the manual or the completions" \
    bash -c '! grep -rlF -- "$1" "$2/share/man" "$2/share/bash-completion" "$2/share/zsh" "$2/share/fish"' _ "$checkout" "$prefix"

cd "$work"
cat > x.yml <<'EOF'
id: x
source: { engine: postgresql, version: "12" }
target: { engine: postgresql, version: "15" }
data: { size: 200GB }
topology: { replicas: 1 }
window: { mode: offline, duration: 1h }
EOF

check "build --profile x.yml --out o, from an empty folder" "$preflight" build --profile x.yml --out o --quiet
check "the build wrote o/x/ documents" test -s o/x/checklist.md -a -s o/x/index.html -a -s o/x/explain.json
check "check --profile x.yml" "$preflight" check --profile x.yml
explained=$("$preflight" explain pg15-public-schema-create --profile x.yml || true)
check "explain an item for x.yml" grep -q '^pg15-public-schema-create: included for profile `x`' <<<"$explained"
check "new profile writes billing.yml here" "$preflight" new profile --id billing --source postgresql@13 \
    --target postgresql@16 --size 1TB --no-input
check "the new profile is here, not in the installed knowledge base" \
    test -s billing.yml -a ! -e "$prefix/share/preflight/profiles/billing.yml"
check "the new profile builds" "$preflight" build --profile billing.yml --out o --quiet
status=0; "$preflight" new item --kind tip --id tip-x >/dev/null 2>&1 || status=$?
check "new item refuses to write into the installed knowledge base (exit 2)" test "$status" -eq 2
check "… and wrote nothing there" test -z "$(find "$prefix/share/preflight" -name 'tip-x.md')"
check "schema writes into ./schemas" "$preflight" schema
check "… and the schemas are here" test -s schemas/profile.schema.json

expected="preflight $("$preflight" --version | cut -d' ' -f2) (knowledge base $kb_version, $prefix/share/preflight)"
check "--version names the knowledge base: $expected" test "$("$preflight" --version)" = "$expected"
mkdir -p links && ln -s "$preflight" links/preflight
check "--version through a symbolic link names the same knowledge base" test "$(links/preflight --version)" = "$expected"
check "--version found on the PATH names the same knowledge base" test "$(PATH="$prefix/bin:$PATH" preflight --version)" = "$expected"

manual="$prefix/share/man/man1/preflight.1"
lint=$(groff -man -Tutf8 -ww -z "$manual" 2>&1)
check "the manual page renders without a warning" test -z "$lint"
[ -z "$lint" ] || echo "$lint" >&2
if command -v mandoc >/dev/null; then
    check "mandoc -T lint finds nothing above style" mandoc -T lint -W warning "$manual"
fi
for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS "EXIT STATUS" ENVIRONMENT FILES; do
    grep -q "^\.SH \"\?$section\"\?\$" "$manual" || fail "the manual page has a $section section"
done
# Every subcommand and every option its --help shows, from the command definitions themselves.
"$preflight" --experimental-dump-help | python3 -c '
import json, re, sys
manual = open(sys.argv[1], encoding="utf-8").read()
# The text of each command: its .SS subsection; the root options are before COMMANDS.
sections = {"": manual.split(".SH COMMANDS")[0]}
for match in re.finditer(r"^\.SS \"([^\"]*)\"\n(.*?)(?=^\.S[SH] )", manual, re.M | re.S):
    sections[match.group(1)] = match.group(2)
def walk(command, path):
    missing = []
    for sub in command.get("subcommands") or []:
        if sub["commandName"] != "help":
            missing += walk(sub, path + [sub["commandName"]])
    if command.get("subcommands") and path:
        return missing
    name = " ".join(path)
    if name not in sections:
        return missing + ["the command " + name]
    for argument in command.get("arguments") or []:
        if not argument.get("shouldDisplay", True) or (path and argument.get("preferredName", {}).get("name") in ("help", "version")):
            continue
        for spelled in [("--" if n["kind"] == "long" else "-") + n["name"] for n in argument.get("names") or []] or [argument["valueName"]]:
            if spelled.replace("-", "\\-") not in sections[name]:
                missing.append((name or "preflight") + " " + spelled)
    return missing
missing = walk(json.load(sys.stdin)["command"], [])
for item in missing:
    print("missing from the manual: " + item, file=sys.stderr)
sys.exit(1 if missing else 0)
' "$manual" && pass "the manual page lists every subcommand and its options" || fail "the manual page lists every subcommand and its options"
if command -v man >/dev/null; then
    check "man finds the page under the prefix" test "$(MANPATH="$prefix/share/man" man -w preflight)" = "$manual"
fi

completion="$prefix/share/bash-completion/completions/preflight"
check "the bash completion parses (bash -n)" bash -n "$completion"
offered=$(bash -c 'source "$1"; COMP_WORDS=(preflight b); COMP_CWORD=1; COMP_LINE="preflight b"; COMP_POINT=${#COMP_LINE}
                   _preflight preflight b preflight; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" || true)
check "bash offers build for preflight b<TAB>" test "$offered" = "build"
offered=$(bash -c 'source "$1"; COMP_WORDS=(preflight build --pro); COMP_CWORD=2; COMP_LINE="preflight build --pro"
                   COMP_POINT=${#COMP_LINE}; _preflight preflight --pro build; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" || true)
check "bash offers --profile for preflight build --pro<TAB>" test "$offered" = "--profile"
command -v zsh >/dev/null && check "the zsh completion parses (zsh -n)" zsh -n "$prefix/share/zsh/site-functions/_preflight"
command -v fish >/dev/null && check "the fish completion parses (fish -n)" fish -n "$prefix/share/fish/vendor_completions.d/preflight.fish"

cd "$checkout"
# A second install replaces the knowledge base as a whole: a file the checkout no longer has is gone.
touch "$prefix/share/preflight/stale-item.md"
make --no-print-directory install PREFIX="$prefix" >"$scratch/install.log" 2>&1 || { cat "$scratch/install.log" >&2; exit 1; }
check "installing again replaces share/preflight rather than merging into it" test ! -e "$prefix/share/preflight/stale-item.md"
check "… and leaves no staging folder behind" test ! -e "$prefix/share/preflight.new"

make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" -type f -o -type l)
check "uninstall removes every installed file" test -z "$left"
[ -z "$left" ] || echo "$left" >&2

# A package build stages under DESTDIR; the tool and its manual still name the final prefix.
make --no-print-directory install PREFIX=/opt/preflight DESTDIR="$scratch/stage" >"$scratch/install.log" 2>&1 \
    || { cat "$scratch/install.log" >&2; exit 1; }
check "DESTDIR stages the install below it" test -x "$scratch/stage/opt/preflight/bin/preflight" \
    -a -s "$scratch/stage/opt/preflight/share/preflight/vocabulary.yml"
check "the staged manual names the final prefix" grep -qF '/opt/preflight/share/preflight/' \
    "$scratch/stage/opt/preflight/share/man/man1/preflight.1"

if [ "$failures" -gt 0 ]; then
    echo "$failures install checks failed" >&2
    exit 1
fi
echo "install checks passed"
