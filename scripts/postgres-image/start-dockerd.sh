#!/usr/bin/env bash
# Makes a Docker engine answer on this machine (Debian, root). A daemon that already answers is left alone.
# Otherwise: installs Debian's docker.io with apt-get when dockerd is missing, starts dockerd in the background and
# waits until it answers. Storage driver: overlay2 when the kernel can mount overlay on /var/lib, else vfs (slower,
# works everywhere); an engine whose images are kept under vfs stays on vfs.
#
# Usage: scripts/postgres-image/start-dockerd.sh
# Env:   DOCKER_STORAGE_DRIVER   use this storage driver instead of choosing one
#        DOCKERD_LOG             the daemon's log (default /tmp/dockerd.log)
#        DOCKERD_WAIT            seconds to wait for the daemon to answer (default 60)
set -Eeuo pipefail

log_file="${DOCKERD_LOG:-/tmp/dockerd.log}"
wait_seconds="${DOCKERD_WAIT:-60}"
data_root=/var/lib/docker
pid_file=/var/run/docker.pid

die() {
  printf 'start-dockerd: %s\n' "$1" >&2
  shift
  printf '  %s\n' "$@" >&2
  exit 1
}

engine_answers() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

is_dockerd() { [ "$(cat "/proc/$1/comm" 2>/dev/null)" = dockerd ]; }

report() {
  echo "Docker engine $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') answers;" \
    "storage driver $(docker info --format '{{.Driver}}')."
}

install_engine() {
  command -v apt-get >/dev/null 2>&1 \
    || die "dockerd is not installed, and apt-get is not available to install it." \
           "Install a Docker engine with this system's package manager (docker.io or docker-ce), then run this again."
  local apt_log=/tmp/docker-io-install.log
  echo "Installing Debian's docker.io (dockerd, containerd, runc) with apt-get; log: $apt_log"
  if ! { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker.io; } \
      >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    die "apt-get could not install docker.io (last lines above, whole log in $apt_log)." \
        "Check that the Debian mirror in /etc/apt/sources.list answers (apt-get update), then run this again."
  fi
}

overlay_mounts() {
  local probe status=0
  probe="$(mktemp -d /var/lib/.overlay-probe.XXXXXX)"
  mkdir "$probe"/{lower,upper,work,merged}
  mount -t overlay overlay -o "lowerdir=$probe/lower,upperdir=$probe/upper,workdir=$probe/work" "$probe/merged" \
    2>/dev/null || status=$?
  if [ "$status" = 0 ]; then umount "$probe/merged"; fi
  rm -rf "$probe"
  return "$status"
}

storage_driver() {
  if [ -n "${DOCKER_STORAGE_DRIVER:-}" ]; then
    echo "$DOCKER_STORAGE_DRIVER"
  elif [ -d "$data_root/image/vfs" ] && [ ! -d "$data_root/image/overlay2" ]; then
    echo vfs   # the images an earlier engine built are there; overlay2 would not see them
  elif overlay_mounts; then
    echo overlay2
  else
    echo vfs
  fi
}

wait_for_engine() { # wait_for_engine PID
  local pid=$1 i
  for ((i = 0; i < wait_seconds * 2; i++)); do
    engine_answers && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 20 "$log_file" >&2
  if kill -0 "$pid" 2>/dev/null; then
    die "dockerd (pid $pid) runs but did not answer within $wait_seconds s (last lines of $log_file above)." \
        "Wait longer with DOCKERD_WAIT=120, or stop it (kill $pid) and read $log_file."
  fi
  die "dockerd exited during start-up (last lines of $log_file above)." \
      "A storage driver the kernel refuses? Try DOCKER_STORAGE_DRIVER=vfs. Missing iptables support? See the log."
}

if engine_answers; then
  report
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ] && [ "$DOCKER_HOST" != unix:///var/run/docker.sock ]; then
  die "DOCKER_HOST=$DOCKER_HOST does not answer, and this script only starts a local engine." \
      "Start that engine, or unset DOCKER_HOST to use a local one."
fi
[ "$(id -u)" = 0 ] \
  || die "no Docker engine answers, and starting one needs root (you are $(id -un))." \
         "Run it as root: sudo bash $0"

if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  install_engine
fi

# a daemon that is still starting (another run of this script): wait for it instead of starting a second one
if [ -s "$pid_file" ] && is_dockerd "$(cat "$pid_file")"; then
  echo "dockerd (pid $(cat "$pid_file")) is already starting; waiting for it."
  wait_for_engine "$(cat "$pid_file")"
  report
  exit 0
fi

driver="$(storage_driver)"
echo "Starting dockerd (storage driver $driver, log $log_file)."
# setsid: the daemon outlives this script and the terminal or CI step that ran it
setsid nohup dockerd --storage-driver="$driver" </dev/null >"$log_file" 2>&1 &
wait_for_engine $!
report
