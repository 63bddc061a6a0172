#!/usr/bin/env bash
# Entrypoint of local/postgres:15 (see build-postgres-image.sh). It behaves like the official postgres image's
# entrypoint where Testcontainers and the harness depend on it:
#   - POSTGRES_USER (default postgres), POSTGRES_PASSWORD, POSTGRES_DB (default: the user's name),
#     POSTGRES_HOST_AUTH_METHOD (default scram-sha-256), POSTGRES_INITDB_ARGS and PGDATA are honoured;
#   - `docker run IMAGE -c fsync=off` runs `postgres -c fsync=off`; the server runs as the postgres user;
#   - on an empty data directory: initdb, then a temporary server reachable only through its Unix socket creates
#     POSTGRES_DB and runs /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz, then stops. The real server starts after
#     it, so "database system is ready to accept connections" is logged twice; Testcontainers waits for the second.
set -Eeuo pipefail

export PGDATA="${PGDATA:-/var/lib/postgresql/data}"

# options only: they are the server's
first="${1:-}"
if [ "${first:0:1}" = - ]; then
  set -- postgres "$@"
fi

if [ "${1:-}" != postgres ]; then
  exec "$@"   # anything else (bash, psql, ...) runs as given
fi

# as root: make the data and socket directories the postgres user's (a fresh tmpfs is root's), then run this script
# again as that user
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 0700 "$PGDATA"
  chmod 3775 /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

export POSTGRES_USER="${POSTGRES_USER:-postgres}"          # exported for the init scripts, as the official image does
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
user="$POSTGRES_USER"
database="$POSTGRES_DB"
auth_method="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
password="${POSTGRES_PASSWORD:-}"

if [ -s "$PGDATA/PG_VERSION" ]; then
  printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
  exec "$@"
fi

if [ -z "$password" ] && [ "$auth_method" != trust ]; then
  cat >&2 <<'MESSAGE'
Error: the database is uninitialized and no superuser password is given.
       Pass one with -e POSTGRES_PASSWORD=..., or allow every connection without one with
       -e POSTGRES_HOST_AUTH_METHOD=trust (never on a reachable machine).
MESSAGE
  exit 1
fi

# shellcheck disable=SC2206  # POSTGRES_INITDB_ARGS is a list of options, split on spaces as the official image does
initdb_args=(--username="$user" ${POSTGRES_INITDB_ARGS:-})
if [ -n "$password" ]; then
  initdb "${initdb_args[@]}" --pwfile=<(printf '%s\n' "$password")
else
  initdb "${initdb_args[@]}"
fi
printf '\nhost all all all %s\n' "$auth_method" >>"$PGDATA/pg_hba.conf"

# the temporary server: Unix socket only, so no client connects before the initialisation is done
export PGPASSWORD="$password"
pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses='' -p 5432" --wait start

psql=(psql --no-psqlrc --no-password --set ON_ERROR_STOP=1 --username "$user")
if [ "$database" != postgres ]; then
  "${psql[@]}" --dbname postgres --set db="$database" <<<'CREATE DATABASE :"db";'
fi

for file in /docker-entrypoint-initdb.d/*; do
  [ -e "$file" ] || continue
  case "$file" in
    *.sh)
      echo "$0: running $file"
      # shellcheck disable=SC1090  # the user's script, sourced as the official image does when it is not executable
      if [ -x "$file" ]; then "$file"; else set +u; . "$file"; set -u; fi ;;
    *.sql)
      echo "$0: running $file"
      "${psql[@]}" --dbname "$database" --file "$file" ;;
    *.sql.gz)
      echo "$0: running $file"
      gunzip --stdout "$file" | "${psql[@]}" --dbname "$database" ;;
    *)
      echo "$0: ignoring $file" ;;
  esac
done

pg_ctl --pgdata="$PGDATA" --mode=fast --wait stop
unset PGPASSWORD
printf '\nPostgreSQL init process complete; ready for start up.\n\n'

exec "$@"
