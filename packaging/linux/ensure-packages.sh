#!/usr/bin/env bash
# Install the packages of debian-packages.txt that are missing, for the given groups.
#
#   packaging/linux/ensure-packages.sh run        what `make run` (and every target) needs
#   packaging/linux/ensure-packages.sh run test   what `make test` and .ci/run need
#
# Prints nothing and costs one dpkg-query when everything is installed. Installs with apt-get
# as root, else with sudo (which may ask for the password); where neither works, or on a
# system without apt-get, it prints what is needed and exits 1, before anything half-builds.
# Environment: PYTHON (default python3; python3-venv is skipped when it can make a venv),
# RUGDIARY_SKIP_SYSTEM_PACKAGES=1 to skip the check (other distributions, own builds of Qt).
set -euo pipefail

[ -n "${RUGDIARY_SKIP_SYSTEM_PACKAGES:-}" ] && exit 0
list="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/debian-packages.txt"
groups=" ${*:-run} "
python=${PYTHON:-python3}

wanted=()
while read -r package group _; do
  case $package in '' | '#'*) continue ;; esac
  [[ $groups == *" $group "* ]] && wanted+=("$package")
done <"$list"

skip_hint="(or set RUGDIARY_SKIP_SYSTEM_PACKAGES=1 if they are provided another way)"
if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "RugDiary needs these Debian/Ubuntu packages, or your system's equivalents:" >&2
  echo "  ${wanted[*]}" >&2
  echo "This system has no apt-get: install them with its package manager $skip_hint." >&2
  exit 1
fi

# One dpkg-query for all of them; unknown names print nothing here (and are installed below).
declare -A installed=()
while read -r package status; do
  [ "$status" = "install ok installed" ] && installed[$package]=1
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${wanted[@]}" 2>/dev/null || true)

missing=()
for package in "${wanted[@]}"; do
  [ -n "${installed[$package]:-}" ] && continue
  # python3-venv only matters where this python cannot make a venv without it.
  if [ "$package" = python3-venv ] && "$python" -c "import venv, ensurepip" 2>/dev/null; then
    continue
  fi
  missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="apt-get install --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
  runner=()
elif command -v sudo >/dev/null; then
  runner=(sudo)
else
  echo "RugDiary needs these packages, which are not installed: ${missing[*]}" >&2
  echo "Run this as root, then try again:" >&2
  echo "  $command_line" >&2
  exit 1
fi

echo "Installing the system packages RugDiary needs: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${runner[@]}" apt-get update -qq ||
  ! "${runner[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "Could not install them. Run this as root, then try again $skip_hint:" >&2
  echo "  $command_line" >&2
  exit 1
fi
