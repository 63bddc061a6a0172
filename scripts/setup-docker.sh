#!/usr/bin/env bash
# Optional set-up for the testcontainers backend on machines without a container registry (like this project's CI):
# starts a Docker engine and builds a local postgres-compatible image, local/postgres:15, from Debian's packages
# (1-4 minutes, once; a running engine and an existing image are left alone). Needs root, Debian's apt mirror.
# Elsewhere Docker pulls the official postgres image and this script is not needed.
set -Eeuo pipefail
tools="$(cd "$(dirname "$0")" && pwd)/postgres-image"
image=local/postgres:15

bash "$tools/start-dockerd.sh"
bash "$tools/build-postgres-image.sh" "$image"

cat <<ENV

Docker and $image are ready. For the testcontainers backend, export:

  export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost HARNESS_POSTGRES_IMAGE=$image

ENV
