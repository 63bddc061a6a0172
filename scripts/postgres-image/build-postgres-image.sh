#!/usr/bin/env bash
# Builds a local image that behaves like the official postgres image closely enough for Testcontainers, on a machine
# that can reach Debian's apt mirror but no container registry: a minimal Debian bookworm root filesystem from
# debootstrap, Debian's postgresql-15 installed in it, docker-entrypoint.sh from this folder, imported with
# `docker import`. About 370 MB; a minute on an idle machine, 3-4 minutes when other work keeps the cores busy.
# An existing image with the tag is left alone.
#
# Usage: scripts/postgres-image/build-postgres-image.sh [TAG]       (default local/postgres:15)
# Env:   FORCE=1           rebuild even though the image exists
#        MIRROR            Debian mirror (default http://deb.debian.org/debian)
#        SECURITY_MIRROR   Debian security mirror (default http://deb.debian.org/debian-security)
#        BUILD_LOG         the whole build's output (default /tmp/postgres-image-build.log)
#        KEEP_ROOTFS=1     keep the root filesystem folder (under /var/tmp) for a look inside
# Needs: root, a Docker engine that answers (start-dockerd.sh), debootstrap (installed with apt-get when missing).
set -Eeuo pipefail

tag="${1:-local/postgres:15}"
force="${FORCE:-0}"
mirror="${MIRROR:-http://deb.debian.org/debian}"
security_mirror="${SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
build_log="${BUILD_LOG:-/tmp/postgres-image-build.log}"
pg_major=15
here="$(cd "$(dirname "$0")" && pwd)"
rootfs=""           # set once debootstrap has a folder to fill
current_step=""

exec 3>&1 4>&2      # the caller's stdout and stderr: the steps' own output goes to the build log

die() {
  printf 'build-postgres-image: %s\n' "$1" >&4
  shift
  printf '  %s\n' "$@" >&4
  exit 1
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
engine_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

# ---- checks before anything is built

[ "$(id -u)" = 0 ] \
  || die "debootstrap and chroot need root (you are $(id -un))." "Run it as root: sudo bash $0 $tag"
engine_answers \
  || die "no Docker engine answers." "Start one first: bash $here/start-dockerd.sh"

# one build at a time on this machine; a build that ran while we waited may have made the image already
exec 9>/tmp/postgres-image-build.lock
flock --nonblock 9 || { echo "Another build of a postgres image runs; waiting for it." >&3; flock 9; }

if image_exists "$tag" && [ "$force" != 1 ]; then
  echo "Image $tag exists; left alone (FORCE=1 rebuilds it)." >&3
  exit 0
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 \
    || die "debootstrap is not installed, and apt-get is not available to install it." \
           "This script builds a Debian image and needs a Debian-like host with debootstrap."
  echo "Installing debootstrap with apt-get." >&3
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap; } >"$build_log" 2>&1 \
    || { tail -n 20 "$build_log" >&4; die "apt-get could not install debootstrap (last lines above)." \
           "Check that the Debian mirror in /etc/apt/sources.list answers (apt-get update)."; }
fi

# ---- the steps; each one's output goes to the build log, a failure shows its tail

: >"$build_log"

on_error() {
  local status=$?
  echo " FAILED" >&3
  {
    echo "build-postgres-image: step '$current_step' failed (exit $status); last lines of $build_log:"
    tail -n 30 "$build_log" | sed 's/^/  | /'
    if [ "$current_step" = debootstrap ] && [ -f "$rootfs/debootstrap/debootstrap.log" ]; then
      echo "debootstrap's own log (debootstrap/debootstrap.log in the root filesystem) ends with:"
      tail -n 15 "$rootfs/debootstrap/debootstrap.log" | sed 's/^/  | /'
      echo "Is the mirror $mirror reachable? Choose another with MIRROR=http://..."
    fi
  } >&4
}
trap on_error ERR

unmount_chroot() {
  local dir
  [ -n "$rootfs" ] || return 0
  for dir in dev/pts dev sys proc; do
    if mountpoint -q "$rootfs/$dir"; then umount --lazy "$rootfs/$dir"; fi
  done
}

clean_up() {
  [ -n "$rootfs" ] && [ -d "$rootfs" ] || return 0
  unmount_chroot
  # never delete while the host's /dev (or anything else) is still mounted inside
  if grep -qF " $rootfs/" /proc/mounts; then
    echo "build-postgres-image: $rootfs still has mounts; not deleting it." >&4
  elif [ "${KEEP_ROOTFS:-0}" != 1 ]; then
    rm -rf "$rootfs"
  fi
  if docker image inspect "$tag-partial" >/dev/null 2>&1; then docker rmi "$tag-partial" >/dev/null || true; fi
}
trap clean_up EXIT

step() { # step NAME FUNCTION: runs FUNCTION with its output in the build log and prints how long it took
  current_step=$1
  local started=$SECONDS
  printf '%-32s' "  $1 ..." >&3
  echo "=== $1" >>"$build_log"
  "$2" >>"$build_log" 2>&1
  printf ' %3d s\n' $((SECONDS - started)) >&3
}

in_chroot() {
  chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

bootstrap_debian() {
  rootfs="$(mktemp -d /var/tmp/postgres-image-rootfs.XXXXXX)"
  chmod 0755 "$rootfs"   # mktemp's 0700 would keep apt's _apt user out of the chroot
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror"
}

prepare_chroot() {
  mount -t proc proc "$rootfs/proc"
  mount -t sysfs sysfs "$rootfs/sys"
  mount --bind /dev "$rootfs/dev"
  mount --bind /dev/pts "$rootfs/dev/pts"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
SOURCES
  # no service starts inside the chroot
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod +x "$rootfs/usr/sbin/policy-rc.d"
  # neither documentation nor translations nor recommended packages in the image
  cat >"$rootfs/etc/dpkg/dpkg.cfg.d/01-no-docs" <<'DPKG'
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
path-include=/usr/share/locale/locale.alias
DPKG
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    >"$rootfs/etc/apt/apt.conf.d/01-no-recommends"
}

install_postgres() {
  in_chroot apt-get update -q
  # as the official image: postgresql-common first, told not to create a "main" cluster; the entrypoint runs initdb
  in_chroot apt-get install -y -q postgresql-common
  sed -ri 's/^#?\s*create_main_cluster\s*=.*$/create_main_cluster = false/' \
    "$rootfs/etc/postgresql-common/createcluster.conf"
  grep -qx 'create_main_cluster = false' "$rootfs/etc/postgresql-common/createcluster.conf"
  in_chroot apt-get install -y -q "postgresql-$pg_major"
  # the official image's locale (LANG=en_US.utf8)
  in_chroot localedef -i en_US -c -f UTF-8 -A /usr/share/locale/locale.alias en_US.UTF-8
  # clusters listen on every interface; the entrypoint's temporary server overrides it with listen_addresses=''
  sed -ri "s/^#?listen_addresses\s*=\s*'[^']*'/listen_addresses = '*'/" \
    "$rootfs/usr/share/postgresql/$pg_major/postgresql.conf.sample"
  grep -q "^listen_addresses = '\*'" "$rootfs/usr/share/postgresql/$pg_major/postgresql.conf.sample"
  # shellcheck disable=SC2016  # dpkg-query's own ${...} format
  in_chroot dpkg-query -W -f='${Package} ${Version}\n' "postgresql-$pg_major" postgresql-common libc6
}

add_entrypoint_and_slim() {
  install -m 0755 "$here/docker-entrypoint.sh" "$rootfs/usr/local/bin/docker-entrypoint.sh"
  mkdir -p "$rootfs/docker-entrypoint-initdb.d" "$rootfs/var/lib/postgresql/data" "$rootfs/var/run/postgresql"
  in_chroot chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
  chmod 0700 "$rootfs/var/lib/postgresql/data"
  chmod 3775 "$rootfs/var/run/postgresql"
  unmount_chroot
  rm -f "$rootfs/usr/sbin/policy-rc.d"
  in_chroot apt-get clean
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
    "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/tmp/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
  find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
  : >"$rootfs/etc/resolv.conf"   # Docker provides one per container
  du -sh "$rootfs"
}

import_image() {
  # /dev, /proc and /sys are the runtime's: shipped empty
  tar -C "$rootfs" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - . \
    | docker import \
        --change "ENV PATH=/usr/lib/postgresql/$pg_major/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --change "ENV PG_MAJOR=$pg_major" \
        --change "ENV LANG=en_US.utf8" \
        --change "ENV PGDATA=/var/lib/postgresql/data" \
        --change "EXPOSE 5432" \
        --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
        --change 'CMD ["postgres"]' \
        --message "postgresql-$pg_major from Debian bookworm (migration-harness scripts/postgres-image)" \
        - "$tag-partial"
}

# `docker import --change` accepts no STOPSIGNAL, so a one-line build adds it (FROM a local image: nothing is
# pulled). SIGINT is PostgreSQL's fast shutdown, as in the official image; SIGTERM would wait for every client.
tag_with_stop_signal() {
  printf 'FROM %s\nSTOPSIGNAL SIGINT\n' "$tag-partial" | DOCKER_BUILDKIT=0 docker build --quiet --tag "$tag" -
  docker rmi "$tag-partial"
}

started=$SECONDS
previous_id=""
if image_exists "$tag"; then
  previous_id="$(docker image inspect "$tag" --format '{{.Id}}')"
  echo "Rebuilding $tag (FORCE=1); log: $build_log" >&3
else
  echo "Building $tag from Debian bookworm's packages (1-4 minutes, once); log: $build_log" >&3
fi
step debootstrap               bootstrap_debian
step "chroot set-up"           prepare_chroot
step "install postgresql-$pg_major"  install_postgres
step "entrypoint, clean-up"    add_entrypoint_and_slim
step "docker import"           import_image
step "STOPSIGNAL"              tag_with_stop_signal
trap - ERR
clean_up
new_id="$(docker image inspect "$tag" --format '{{.Id}}')"
size="$(docker image inspect "$tag" --format '{{.Size}}')"
echo "Built $tag in $((SECONDS - started)) s: $((size / 1000000)) MB, $new_id." >&3
if [ -n "$previous_id" ] && [ "$previous_id" != "$new_id" ]; then
  docker rmi "$previous_id" >/dev/null 2>&1 \
    || echo "The previous $tag ($previous_id) is still used by a container; remove it later with docker rmi." >&3
fi
