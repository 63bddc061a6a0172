#!/usr/bin/env bash
# squawk and the harness side by side on test-fixtures/sets/risk/<rule>/{unsafe,safe}: prints one Markdown table.
#
#   benchmark/squawk-compare.sh                   # harness with --risk (measured locks, rewrites, scans)
#   HARNESS_FLAGS= benchmark/squawk-compare.sh    # harness without it (lint only)
#
# SQUAWK_VERSION (default 2.66.0) is installed with npm into SQUAWK_HOME (default ~/.cache/migration-harness/...).
# squawk-cli 2.x ships its binary in a per-platform npm package (@squawk-cli/linux-x64, ...): nothing comes from GitHub.
# Needs npm, jq, java 17 and (to build the jar when absent) mvn with its dependencies in the local repository.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
squawk_version=${SQUAWK_VERSION:-2.66.0}
squawk_home=${SQUAWK_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/migration-harness/squawk-$squawk_version}
harness_flags=${HARNESS_FLAGS---risk}
jar=$root/harness/target/migration-harness.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

squawk=$squawk_home/node_modules/.bin/squawk
if [[ ! -x $squawk ]]; then
    npm install --prefix "$squawk_home" --no-audit --no-fund --silent "squawk-cli@$squawk_version" >&2 || true
fi
if ! "$squawk" --version >/dev/null 2>&1; then
    echo "squawk-cli $squawk_version could not be installed with npm into $squawk_home, or its binary does not run" \
        "on this platform: the squawk column says 'not run'." >&2
    squawk=
fi

if [[ ! -f $jar ]]; then
    (cd "$root" && mvn -B -q -o -DskipTests package -pl harness -am) >&2
fi

# Copies outside the checkout: inside one with origin/main, verify would compare with its merge base, on which the
# sets are old (or absent), and lint would judge nothing. Each set's harness.yaml (naming: {since: 1}) scopes lint.
args=()
names=()
for rule in "$root"/test-fixtures/sets/risk/*/; do
    for variant in unsafe safe; do
        name=$(basename "$rule")--$variant
        cp -r "$rule$variant" "$work/$name"
        names+=("$name")
        args+=(--migrations "$work/$name")
    done
done
# one run over every set (in parallel); it exits 1 because the unsafe sets fail
# shellcheck disable=SC2086 # HARNESS_FLAGS is a list of flags
java -jar "$jar" verify "${args[@]}" $harness_flags --report "json=$work/harness.json" >"$work/harness.log" 2>&1 || true
if [[ ! -s $work/harness.json ]]; then
    cat "$work/harness.log" >&2
    echo "harness verify $harness_flags wrote no report (try HARNESS_FLAGS= if --risk is not there yet)" >&2
    exit 1
fi

# the ids of one set's findings (not information) that start with $2 (lint. or risk./data.), as "id (V2:3)" or
# "id (U2:1)" for a down script
harness_ids() {
    jq -r --arg s "$1" --arg p "$2" '[.services[] | select(.service == $s) | .findings[]
        | select(.check | test($p)) | select(.severity != "info")
        | "\(.check) (\(.file // "" | split("/") | last | split("__") | first):\(.line // "-"))"] | join(", ")' \
        "$work/harness.json"
}

# squawk's rule names on every up script after the baseline (V1), as Flyway runs them: in a transaction unless the
# script's .conf says executeInTransaction=false
squawk_rules() {
    local out=() file flags
    for file in "$1"/V*.sql; do
        [[ $(basename "$file") == V1__* ]] && continue
        flags=(--pg-version=17 --reporter json)
        grep -qs 'executeInTransaction=false' "$file.conf" || flags+=(--assume-in-transaction)
        local rules
        rules=$("$squawk" "${flags[@]}" "$file" 2>/dev/null | jq -r '[.[].rule_name] | unique | join(", ")' || true)
        [[ -n $rules ]] && out+=("$(basename "$file" | cut -d_ -f1): $rules")
    done
    local IFS=';'
    echo "${out[*]}"
}

echo "| rule | set | squawk $squawk_version flags | harness lint flags | harness measured (flags: ${harness_flags:-none}) |"
echo "|---|---|---|---|---|"
for name in "${names[@]}"; do
    squawk_cell='not run'
    [[ -n $squawk ]] && squawk_cell=$(squawk_rules "$work/$name" | sed 's/;/; /g')
    echo "| ${name%--*} | ${name#*--} | $squawk_cell | $(harness_ids "$name" '^lint\.') | $(harness_ids "$name" '^(risk|data)\.') |"
done
