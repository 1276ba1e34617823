#!/usr/bin/env bash
# Check the README's promise on a fresh Debian 12: `git clone`, then `make test` (and `make run`
# on a display) with nothing installed but python3, python3-venv, make and git.
#
#   sudo packaging/linux/fresh-machine-check.sh [BRANCH]     (default: the current branch)
#
# Builds a minbase chroot with mmdebstrap (apt-get install mmdebstrap), clones BRANCH into it
# from a git bundle, runs `make test` there (which installs the Debian packages itself), then
# `make run` without a display (must exit 4 with an explanation) and on an Xvfb display (a
# window must appear). pip inside uses this machine's index settings: /etc/pip.conf,
# /etc/xdg/pip and the local wheel folders are copied or bind-mounted in when present.
# Needs root (chroot, mount) and the network to the Debian mirror and the package index.
set -euo pipefail
cd "$(dirname "$0")/../.."

branch=${1:-$(git rev-parse --abbrev-ref HEAD)}
work=$(mktemp -d /tmp/rugdiary-fresh.XXXXXX)
root=$work/root
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building a Debian 12 minbase chroot in $root"
mmdebstrap --quiet --variant=minbase --include=python3,python3-venv,make,git \
  bookworm "$work/root.tar" http://deb.debian.org/debian
mkdir -p "$root" && tar -C "$root" -xf "$work/root.tar"
git bundle create "$root/root/rugdiary.bundle" "$branch" 2>/dev/null
cp /etc/resolv.conf "$root/etc/resolv.conf"
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
[ -d /etc/xdg/pip ] && mkdir -p "$root/etc/xdg" && cp -r /etc/xdg/pip "$root/etc/xdg/"
[ -d /root/.config/pip ] && mkdir -p "$root/root/.config" && cp -r /root/.config/pip "$root/root/.config/"
for dir in /proc /dev /dev/pts /etc/ssl/certs /opt/wheels /opt/pypi /opt/pypi-more; do
  [ -d "$dir" ] || continue
  mkdir -p "$root$dir"
  mount --bind "$dir" "$root$dir"
  mounted+=("$root$dir")
done

inside() {
  chroot "$root" env -i HOME=/root LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "$1"
}
# A chroot shares the host's network namespace, and with it the abstract sockets X servers
# listen on: an Xvfb of the tests could meet the host's own display :0. Once everything is
# installed, the tests and the window check therefore run without network, in their own
# namespace, as on a machine of their own.
offline() {
  unshare --net chroot "$root" env -i HOME=/root LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c "$1"
}

echo "== git clone, then make test (set-up online, then the tests offline)"
inside "cd /root && git clone -q -b '$branch' rugdiary.bundle rugdiary && cd rugdiary &&
  make qm PACKAGE_GROUPS='run test'"
offline "cd /root/rugdiary && make test"

echo "== make run without a display: an explanation and exit code 4"
if offline "cd /root/rugdiary && .venv/bin/rugdiary" 2>"$work/nodisplay.txt"; then
  echo "FAILED: the app started without a display" >&2
  exit 1
fi
grep -q "there is no display" "$work/nodisplay.txt" || { cat "$work/nodisplay.txt" >&2; exit 1; }

echo "== make run on an Xvfb display: a window appears"
offline '
  cd /root/rugdiary
  Xvfb :7 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  sleep 2
  DISPLAY=:7 .venv/bin/rugdiary --data-dir /tmp/rugdiary-check >/dev/null 2>&1 & app=$!
  name=""
  for _ in $(seq 1 30); do
    sleep 1
    id=$(DISPLAY=:7 xdotool search --onlyvisible --name "RugDiary" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && name=$(DISPLAY=:7 xdotool getwindowname "$id") && break
  done
  kill "$app" "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "$name" ] || { echo "FAILED: no window appeared" >&2; exit 1; }
  echo "window: $name"
'
echo "== a fresh Debian 12 runs make test and make run"
