#!/usr/bin/env bash
# Optional set-up for the testcontainers backend on machines without a container registry (like this project's CI):
# starts a Docker engine and builds a local postgres-compatible image from Debian's packages (about a minute, once).
# Elsewhere Docker pulls the official postgres image and this script is not needed.
set -Eeuo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
bash "$shared/tools/postgres-image/start-dockerd.sh" >/dev/null
docker image inspect local/postgres:15 >/dev/null 2>&1 \
  || bash "$shared/tools/postgres-image/build-postgres-image.sh" local/postgres:15 >/tmp/postgres-image-build.log 2>&1 \
  || { tail -30 /tmp/postgres-image-build.log >&2; exit 1; }
cat <<'ENV'
Docker and local/postgres:15 are ready. For the testcontainers backend, export:
  export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost HARNESS_POSTGRES_IMAGE=local/postgres:15
ENV
