#!/usr/bin/env bash
# Measures verify on a generated set of N migrations (default 200; every one with a down script), against plain psql
# applying the same up scripts once, one process per file, as the platform's shell scripts do.
# Needs the built jar (mvn -B -DskipTests package) and, for the psql part, Debian's postgresql-15 (apt-get install
# postgresql-15); as root it runs that server as the postgres user. Prints wall times; asserts nothing.
set -Eeuo pipefail
n="${1:-200}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /dev/shm/mh-bench.XXXXXX 2>/dev/null || mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/set"
for i in $(seq 1 "$n"); do
  cat > "$work/set/V${i}__table_${i}.sql" <<SQL
CREATE TABLE t_${i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, ref_id bigint,
    created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT chk_t_${i}_name CHECK (name <> ''));
CREATE INDEX idx_t_${i}_name ON t_${i} (name);
COMMENT ON TABLE t_${i} IS 'generated table ${i}';
SQL
  echo "DROP TABLE t_${i};" > "$work/set/U${i}__table_${i}.sql"
done
echo "generated $n migrations in $work/set"

t0=$(date +%s.%N)
java -jar "$root/harness/target/migration-harness.jar" verify --migrations "$work/set" --postgres embedded \
  --report-json "$work/report.json" > "$work/verify.out" 2> "$work/verify.err" || { cat "$work/verify.out"; exit 1; }
t1=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN{printf "verify (every check, %d migrations): %.1f s wall\n", n, b-a}'
grep -E '^ +[a-z.-]+ +(passed|failed|skipped)' "$work/verify.err" | sed 's/^/  /'

bin=/usr/lib/postgresql/15/bin
if [ -x "$bin/initdb" ] && command -v psql >/dev/null; then
  run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
  mkdir -p "$work/pg" && chmod 777 "$work" "$work/pg"
  run "$bin/initdb -D $work/pg/data -A trust -U postgres" >/dev/null
  run "$bin/pg_ctl -D $work/pg/data -o '-p 5497 -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off' -l $work/pg/log -w start" >/dev/null
  t0=$(date +%s.%N)
  for i in $(seq 1 "$n"); do
    psql -q -h "$work/pg" -p 5497 -U postgres -d postgres -v ON_ERROR_STOP=1 -1 -f "$work/set/V${i}__table_${i}.sql" >/dev/null
  done
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN{printf "plain psql applying the %d up scripts once: %.1f s wall\n", n, b-a}'
  run "$bin/pg_ctl -D $work/pg/data -m fast -w stop" >/dev/null
else
  echo "psql part skipped: apt-get install postgresql-15 for it"
fi
